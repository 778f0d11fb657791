// manual-integration: customer data moves between two tools by hand (exports, spreadsheets).
// One finding per ordered pair of tools.
import { joinSubject, sortIds, toolName, toolRef } from './helpers.js';
import type { Integration } from '../../model/model.js';
import { createRule, type FindingDraft } from './rule.js';
import { isConduit } from '../../catalog/index.js';
import { automaticallyConnected, cannotAnchor, reachesHubAutomatically } from '../roadmap/targets.js';
import { isFileTool } from '../capabilities.js';
import type { Workspace } from '../../model/model.js';

const fromFile = (ws: Workspace, id: string): boolean => {
  const t = ws.index.toolById.get(id);
  return t !== undefined && isFileTool(t);
};

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
export type Details = { from: string; to: string; data: string[]; integrations: string[]; bidirectional: boolean };

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
      'recommendation.from-file': 'Have this data ({data}) entered directly into {to} (a form or a lead-capture app) and stop keeping it in {from}: automating the file would keep the file as a system of record.',
      'recommendation.to-file': 'Stop copying this data ({data}) into {to} by hand: whoever needs it should work from {from} (a report, a view or a shared list there).',
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
      'recommendation.from-file': 'このデータ（{data}）は {to} に直接入力する（フォームやリード獲得アプリ）ようにし、{from} で管理するのをやめてください。ファイルの受け渡しを自動化すると、ファイルが記録の正本として残ってしまいます。',
      'recommendation.to-file': 'このデータ（{data}）を {to} へ手で写すのをやめてください。必要な人は {from}（そこでのレポート、ビュー、共有リスト）を使うようにします。',
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
    const out: FindingDraft<Details>[] = [];
    for (const [key, its] of pairs) {
      const { from, to } = its[0];
      const data = sortIds(new Set(its.flatMap((it) => [...facts.carried(it), ...(it.bidirectional ? facts.carried(it, 'backward') : [])])));
      const params = { from: toolName(ws, from), to: toolName(ws, to), data: words.data(data) };
      const both = its.some((it) => it.bidirectional);
      out.push({
        subject: key,
        message: msg(data.length ? (both ? 'message.both' : 'message') : 'message.unknown', params),
        entities: [...its.map((it) => ({ kind: 'integration' as const, id: it.id })), toolRef(from), toolRef(to)],
        location: its[0].loc,
        // rules.md (r2) file tool: the fix for data living in a file is to move it into a system.
        recommendation: msg(fromFile(ws, from) ? 'recommendation.from-file' : fromFile(ws, to) ? 'recommendation.to-file' : 'recommendation', params),
        details: { from, to, data, integrations: its.map((it) => it.id), bidirectional: both },
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
        const carried = (c.ws.index.integrationsFrom.get(from) ?? []).filter((it) => it.to === to && it.mode === 'manual').flatMap((it) => c.facts.carried(it));
        const flowData = [...new Set(carried)];
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
