// manual-integration: customer data moves between two tools by hand (exports, spreadsheets).
// One finding per ordered pair of tools.
import { joinSubject, sortIds, toolName, toolRef } from './helpers.js';
import type { Integration } from '../../model/model.js';
import { createRule, type FindingDraft } from './rule.js';
import { isConduit } from '../../catalog/index.js';
import { automaticallyConnected, cannotAnchor, reachesHubAutomatically } from '../roadmap/targets.js';
import { isFileTool } from '../capabilities.js';
import { customerSide, SENDING_CAPABILITIES } from '../customer.js';
import type { Facts } from '../facts.js';
import type { Workspace } from '../../model/model.js';

const fromFile = (ws: Workspace, id: string): boolean => {
  const t = ws.index.toolById.get(id);
  return t !== undefined && isFileTool(t);
};

/**
 * Where data kept in a file should be entered instead: the hub `to` is joined to (else the first
 * hub), else `to` when it can be a system of record (not a file or conduit, not on its way out, not
 * a tool that only contacts customers); undefined when there is none to name.
 */
function recordFor(ws: Workspace, facts: Facts, to: string): string | undefined {
  const live = (id: string) => {
    const t = ws.index.toolById.get(id);
    return t !== undefined && t.status !== 'retired' && t.status !== 'retiring' && !isFileTool(t);
  };
  const hub = facts.componentOf(to).hubs.find(live) ?? facts.hubs.map((h) => h.id).find(live);
  if (hub) return hub;
  const t = ws.index.toolById.get(to);
  if (!t || !live(to) || cannotAnchor(t)) return undefined;
  const sends = t.primaryCapabilities.length && t.primaryCapabilities.every((x) => SENDING_CAPABILITIES.includes(x));
  return sends ? undefined : to;
}

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: zoom
    name: Zoom Webinars
    capabilities: [webinars]
    data: [contact-profile, webinar-attendance]
integrations:
  - { from: zoom, to: crm, mode: manual, notes: CSV export after every webinar }
`;

/** What a manual-integration finding carries in `details`. */
export type Details = {
  from: string; to: string; data: string[]; integrations: string[]; bidirectional: boolean;
  /**
   * The restricted types on this link that restricted-data-flow says to stop (never to automate);
   * when they are all it carries, the fix is that finding's, and no initiative automates the link.
   */
  restricted?: string[];
  /**
   * Beside restricted data, the rest this link carries when an automated link between the same
   * tools already carries all of it the same way: nothing is left to automate, and the fix is
   * restricted-data-flow's stop (no initiative automates the link).
   */
  synced?: string[];
  /** A manual link out of a file tool: the system the data should be entered in (absent with no system to name). */
  record?: string;
};

export const rule = createRule({
  meta: {
    id: 'manual-integration',
    severity: 'medium',
    group: 'integrate',
    subject: 'tools',
    example,
  },
  text: {
    en: {
      title: 'Manual integration',
      summary: 'Fires for each pair of tools between which customer data moves by hand (`mode: manual`: exports, spreadsheets, copy-paste). A manual link never makes two tools connected: the silo or trapped data of a tool joined to a hub only by hand is folded into this finding, and a manual link between two hubs\' sides into their disconnected-hubs finding.',
      why: 'Manual transfers are slow, error-prone and depend on one person remembering to do them; the data at the other end is always out of date, and personal data ends up in spreadsheets on laptops.',
      fix: 'Replace the manual step with a connector or a scheduled sync; most tools have a native integration or one through an integration platform.',
      message: 'Customer data ({data}) moves from {from} to {to} by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
      'message.both': 'Customer data ({data}) moves between {from} and {to}, both ways, by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
      'message.unknown': 'Data moves from {from} to {to} by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
      recommendation: 'Replace the manual transfer from {from} to {to} with a connector or a scheduled sync.',
      'recommendation.from-file': 'Have this data ({data}) entered directly into {record} (a form or a lead-capture app) and stop keeping it in {from}: automating the file would keep the file as a system of record.',
      'recommendation.to-file': 'Stop copying this data ({data}) into {to} by hand: whoever needs it should work from {from} (a report, a view or a shared list there).',
      'recommendation.from-file.no-system': 'Have this data ({data}) entered directly into the customer system the company adopts (see the finding on the missing customer hub) and stop keeping it in {from}: automating the file would keep the file as a system of record.',
      'recommendation.restricted': 'Do not automate this transfer: {restricted} may not go from {from} to {to} (see the finding on restricted data). Stop it and delete the copies in {to}.',
      'recommendation.restricted.synced': 'Do not automate this transfer: {restricted} may not go from {from} to {to} (see the finding on restricted data), and the rest ({synced}) already travels on the automated link between them. Stop the manual transfer and delete the copies in {to}.',
      'recommendation.partly-restricted': 'Replace the manual transfer of {data} from {from} to {to} with a connector or a scheduled sync, without {restricted}: that may not go to {to} at all (see the finding on restricted data).',
      'recommendation.from-file.partly-restricted': 'Have this data ({data}) entered directly into {record} (a form or a lead-capture app) and stop keeping it in {from}; {restricted} may not go to {to} at all (see the finding on restricted data).',
      'recommendation.from-file.no-system.partly-restricted': 'Have this data ({data}) entered directly into the customer system the company adopts (see the finding on the missing customer hub) and stop keeping it in {from}; {restricted} may not go to {to} at all (see the finding on restricted data).',
    },
    ja: {
      title: '手作業の連携',
      summary: '顧客データが人手で（`mode: manual`: エクスポート、表計算ソフト、コピー＆ペースト）移されているツールの組を、組ごとに検出します。手作業の連携はツールをつなげたことにはなりません。ハブと手作業でしかつながっていないツールのサイロ化や取り残されたデータはこの検出にまとめ、二つのハブの間の手作業の連携はそのハブの組の検出にまとめます。',
      why: '手作業の受け渡しは遅く、間違いやすく、担当者が覚えているかどうかに左右されます。受け取る側のデータは常に古く、個人情報が個人の PC の表計算ファイルに残ります。',
      fix: '手作業をコネクタや定期同期に置き換えます。多くのツールには標準の連携機能か、連携プラットフォーム経由の連携があります。',
      message: '顧客データ（{data}）が {from} から {to} へ手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
      'message.both': '顧客データ（{data}）が {from} と {to} の間で、双方向に手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
      'message.unknown': 'データが {from} から {to} へ手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
      recommendation: '{from} から {to} への手作業の受け渡しを、コネクタまたは定期同期に置き換えてください。',
      'recommendation.from-file': 'このデータ（{data}）は {record} に直接入力する（フォームやリード獲得アプリ）ようにし、{from} で管理するのをやめてください。ファイルの受け渡しを自動化すると、ファイルが記録の正本として残ってしまいます。',
      'recommendation.to-file': 'このデータ（{data}）を {to} へ手で写すのをやめてください。必要な人は {from}（そこでのレポート、ビュー、共有リスト）を使うようにします。',
      'recommendation.from-file.no-system': 'このデータ（{data}）は、会社が導入する顧客管理システムに直接入力するようにし（顧客データのハブがないという指摘を参照）、{from} で管理するのをやめてください。ファイルの受け渡しを自動化すると、ファイルが記録の正本として残ってしまいます。',
      'recommendation.restricted': 'この受け渡しは自動化しないでください。{restricted}は {from} から {to} へ渡してはいけません（利用制限のあるデータの指摘を参照）。受け渡しをやめ、{to} にあるコピーを削除してください。',
      'recommendation.restricted.synced': 'この受け渡しは自動化しないでください。{restricted}は {from} から {to} へ渡してはいけません（利用制限のあるデータの指摘を参照）。残りのデータ（{synced}）は両者の間の自動連携ですでに届いています。手作業の受け渡しをやめ、{to} にあるコピーを削除してください。',
      'recommendation.partly-restricted': '{from} から {to} への{data}の手作業の受け渡しを、コネクタまたは定期同期に置き換えてください。ただし{restricted}は含めません。これは {to} へ渡してはいけないデータです（利用制限のあるデータの指摘を参照）。',
      'recommendation.from-file.partly-restricted': 'このデータ（{data}）は {record} に直接入力する（フォームやリード獲得アプリ）ようにし、{from} で管理するのをやめてください。{restricted}は {to} へ渡してはいけません（利用制限のあるデータの指摘を参照）。',
      'recommendation.from-file.no-system.partly-restricted': 'このデータ（{data}）は、会社が導入する顧客管理システムに直接入力するようにし（顧客データのハブがないという指摘を参照）、{from} で管理するのをやめてください。{restricted}は {to} へ渡してはいけません（利用制限のあるデータの指摘を参照）。',
    },
  },
  check({ ws, facts, msg, words }) {
    const pairs = new Map<string, Integration[]>();
    for (const it of ws.integrations) {
      if (it.mode !== 'manual') continue;
      const key = joinSubject([it.from, it.to]);
      const l = pairs.get(key);
      if (l) l.push(it);
      else pairs.set(key, [it]);
    }
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    for (const [key, its] of pairs) {
      const { from, to } = its[0];
      const forward = sortIds(new Set(its.flatMap((it) => facts.carried(it))));
      const backward = sortIds(new Set(its.flatMap((it) => (it.bidirectional ? facts.carried(it, 'backward') : []))));
      const data = sortIds(new Set([...forward, ...backward]));
      // rules.md: a recommendation never contradicts another finding's. Restricted data that
      // restricted-data-flow says to stop is never to be automated or entered elsewhere.
      const restricted = sortIds(new Set([...cs.stopped(from, to, forward), ...cs.stopped(to, from, backward)]));
      const free = data.filter((d) => !restricted.includes(d));
      // rules.md (r2) file tool: the fix for data living in a file is to move it into a system: the
      // hub, else the receiving tool when it can be a system of record (not a file, a conduit or a
      // tool on its way out), else the system the company is to adopt.
      const file = fromFile(ws, from) ? 'from' : fromFile(ws, to) ? 'to' : undefined;
      const record = file === 'from' ? recordFor(ws, facts, to) : undefined;
      const partly = restricted.length > 0;
      // What an automated link between the same two tools already carries the same way: beside
      // restricted data, a manual export of only such data leaves nothing to automate, and its one
      // fix is to stop it (restricted-data-flow's); automating it would read as keeping the export.
      const auto = (a: string, b: string) => {
        const carried = new Set<string>();
        for (const it of ws.index.integrationsFrom.get(a) ?? []) if (it.mode !== 'manual' && it.to === b) for (const d of facts.carried(it)) carried.add(d);
        for (const it of ws.index.integrationsFrom.get(b) ?? []) {
          if (it.mode !== 'manual' && it.bidirectional && it.to === a) for (const d of facts.carried(it, 'backward')) carried.add(d);
        }
        return carried;
      };
      const autoForward = partly ? auto(from, to) : new Set<string>();
      const autoBackward = partly ? auto(to, from) : new Set<string>();
      const synced = free.filter((d) => (!forward.includes(d) || autoForward.has(d)) && (!backward.includes(d) || autoBackward.has(d)));
      const nothingLeft = partly && !file && free.length > 0 && synced.length === free.length;
      const dataWords = words.types(data);
      // (Restricted and synced types are worded only for the recommendations that name them.)
      const params = {
        from: toolName(ws, from), to: toolName(ws, to), data: partly && file !== 'to' && free.length ? words.types(free) : dataWords,
        restricted: partly ? words.types(restricted) : '', record: record ? toolName(ws, record) : '', synced: nothingLeft ? words.types(synced) : '',
      };
      const both = its.some((it) => it.bidirectional);
      const recommendation = partly && !free.length ? 'recommendation.restricted'
        : nothingLeft ? 'recommendation.restricted.synced'
        : file === 'to' ? 'recommendation.to-file'
          : file === 'from' && record ? (partly ? 'recommendation.from-file.partly-restricted' : 'recommendation.from-file')
            : file === 'from' ? (partly ? 'recommendation.from-file.no-system.partly-restricted' : 'recommendation.from-file.no-system')
              : partly ? 'recommendation.partly-restricted' : 'recommendation';
      out.push({
        subject: key,
        message: msg(data.length ? (both ? 'message.both' : 'message') : 'message.unknown', { ...params, data: dataWords }),
        entities: [...its.map((it) => ({ kind: 'integration' as const, id: it.id })), toolRef(from), toolRef(to)],
        location: its[0].loc,
        recommendation: msg(recommendation, params),
        details: {
          from, to, data, integrations: its.map((it) => it.id), bidirectional: both,
          ...(restricted.length ? { restricted } : {}), ...(nothingLeft ? { synced } : {}), ...(record ? { record } : {}),
        },
      });
    }
    return out;
  },
  plan: {
    step: 16,
    initiatives: ['replace-manual', 'connect', 'move'],
    propose(findings, c) {
      for (const f of findings) {
        const { from, to } = f.details;
        if (!c.tool(from) || !c.tool(to)) continue;
        // Automating a hand-made transfer into a tool that is being retired is wasted work.
        const leaving = c.drafts.get(`retire-${from}`) ?? c.drafts.get(`retire-${to}`);
        if (leaving) {
          leaving.addresses.add(f.id);
          continue;
        }
        // Restricted data only, or beside data an automated link already carries:
        // restricted-data-flow's stop answers it (phase 1); nothing automates it.
        const restricted = f.details.restricted ?? [];
        if (restricted.length && (restricted.length === f.details.data.length || f.details.synced)) {
          const stop = c.drafts.get(`stop-restricted-${from}-${to}`) ?? c.drafts.get(`stop-restricted-${to}-${from}`);
          if (stop) {
            stop.addresses.add(f.id);
            continue;
          }
        }
        const carried = (c.ws.index.integrationsFrom.get(from) ?? []).filter((it) => it.to === to && it.mode === 'manual').flatMap((it) => c.facts.carried(it));
        const flowData = [...new Set(carried)].filter((d) => !restricted.includes(d));
        // (r2) A manual link through a file tool: move its data into the system of record and
        // retire the file as an integration; never automate the file.
        const file = [from, to].find((id) => isFileTool(c.tool(id)!));
        if (file) {
          const other = file === from ? to : from;
          // The system of record: the hub (never a file), else the other side when it can be one;
          // with no hub at all, the CRM the company adopts (the hub's adoption takes this over).
          const hub = c.facts.hubs.length ? c.hubFor([other]) : undefined;
          const hubOk = hub && hub.id !== file && !cannotAnchor(hub) ? hub.id : undefined;
          const record = !c.facts.hubs.length ? undefined : hubOk ?? (cannotAnchor(c.tool(other)) ? undefined : other);
          const conduit = (c.tool(file)!.primaryCapabilities.length ? c.tool(file)!.primaryCapabilities : c.tool(file)!.capabilities).every(isConduit);
          const key = conduit ? 'roadmap.title.move-conduit' : 'roadmap.title.move-file';
          const d = c.draft(`move-${file}`, () => ({
            kind: 'process', phase: 1,
            title: record ? c.title(key, { file: c.name(file), record: c.name(record) }) : c.title(`${key}-any`, { file: c.name(file) }),
            tools: record ? [file, record] : [file], subjects: [file], owner: c.tool(record ?? other)?.owner ?? c.tool(file)?.owner, months: 1,
            // A spreadsheet stops being a system; a team chat stays (people keep talking there).
            keep: record ? [record] : [], drop: conduit ? [] : [file], flowData,
          }));
          if (!d.tools.includes(other)) d.tools.push(other);
          d.addresses.add(f.id);
          continue;
        }
        // (r2) Replacing a tool's only link to a hub is that tool's connection (phase 2); phase 1
        // replaces only manual links between tools that are already connected.
        if (!automaticallyConnected(c, from, to)) {
          const subject = reachesHubAutomatically(c, from) && !reachesHubAutomatically(c, to) ? to : from;
          const target = subject === from ? to : from;
          const hub = reachesHubAutomatically(c, target) || c.facts.isHub(target) ? c.tool(target)! : c.hubFor([subject]);
          const x = c.tool(subject)!;
          const d = c.draft(`connect-${subject}`, () => ({
            kind: 'integrate', phase: 2,
            title: hub ? c.title('roadmap.title.connect', { tool: x.name, hub: hub.name }) : c.title('roadmap.title.connect-any', { tool: x.name }),
            tools: hub ? [subject, hub.id] : [subject], subjects: [subject], owner: x.owner, months: 2, flowData,
          }));
          if (!d.tools.includes(target)) d.tools.push(target);
          d.addresses.add(f.id);
          continue;
        }
        const owner = (c.facts.isHub(from) ? c.tool(from) : c.tool(to))?.owner ?? c.tool(from)?.owner;
        c.draft(`replace-manual-${from}-${to}`, () => ({
          kind: 'integrate', phase: 1, title: c.title('roadmap.title.replace-manual', { from: c.name(from), to: c.name(to) }),
          tools: [from, to], subjects: [from, to], owner, months: 2, flowData, keep: [from, to],
        })).addresses.add(f.id);
      }
    },
  },
});
