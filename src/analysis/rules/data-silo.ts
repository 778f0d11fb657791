// data-silo: a customer-data tool that is not a hub and is connected to no hub.
import { costOf, joinSubject, rankHubs, toolRef } from './helpers.js';
import { isFileTool } from '../capabilities.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: intercom
    name: Intercom
    capabilities: [live-chat]
    data: [contact-profile, chat-transcripts]
`;

/** What a data-silo finding carries in `details`. */
export type Details = { tool: string; data: string[]; hubCandidates: string[]; /** The isolated-cluster finding id when the tool sits in an island. */ cluster?: string };

export const rule = createRule({
  meta: {
    id: 'data-silo',
    severity: 'high',
    group: 'integrate',
    subject: 'tool',
    marks: 'silo',
    example,
  },
  text: {
    en: {
      title: 'Data silo',
      summary: 'Fires for each active or pilot tool that holds customer data, is not a hub, and is connected to no hub by any chain of automated links. Manual links (exports, copies, re-keying) never connect: a tool joined to a hub only by hand is reported with its manual integration.',
      why: 'What customers tell this tool never reaches the shared customer view: other teams cannot see it, reports miss it, and the customer gets treated as a stranger elsewhere.',
      fix: 'Add an integration from the tool to the hub (or to a tool that is already connected to it) for the data that matters, or retire the tool if another one already does its job.',
      message: '{tool} holds customer data ({data}) but is connected to no customer hub: what is learned there never reaches the shared customer view.',
      'message.island': '{tool} holds customer data ({data}) and exchanges it only with {others}; none of them is connected to a customer hub, so it never reaches the shared customer view.',
      recommendation: 'Connect {tool} to {hub} so that its data ({data}) reaches the shared customer view, or retire it if another tool already does its job.',
      'recommendation.dropped': '{tool} is to be phased out in favour of {keep} (see the finding on redundant tools): before it goes, move what only it knows ({data}) to {keep} rather than connecting {tool}.',
      'recommendation.file': 'Move the data kept in {tool} ({data}) into {hub} and stop using the file as a system: connecting the file would keep it as a system of record.',
    },
    ja: {
      title: 'データのサイロ化',
      summary: '顧客データを持つ稼働中・パイロット運用中のツールのうち、ハブではなく、どの自動連携の連鎖でもハブにつながっていないものを、ツールごとに検出します。手作業の連携（エクスポート、コピー、再入力）はつながりとみなしません。ハブと手作業でしかつながっていないツールは、その手作業の連携として報告します。',
      why: 'このツールでお客様から得た情報は、顧客の共通ビューに届きません。他部署からは見えず、レポートからも漏れ、他の顧客接点ではお客様が初対面の扱いを受けます。',
      fix: '重要なデータについて、このツールからハブ（またはハブにつながっているツール）への連携を追加します。他のツールで役割が足りているなら、廃止も検討します。',
      message: '{tool} は顧客データ（{data}）を持っていますが、どのハブにもつながっていません。ここで得た情報は顧客の共通ビューに届きません。',
      'message.island': '{tool} は顧客データ（{data}）を持っていますが、やり取りする相手は {others} だけで、どれもハブにつながっていません。ここで得た情報は顧客の共通ビューに届きません。',
      recommendation: '{tool} を {hub} に連携してそのデータ（{data}）を顧客の共通ビューに届けるか、他のツールで役割が足りているなら廃止してください。',
      'recommendation.dropped': '{tool} は {keep} に寄せて廃止する候補です（冗長なツールの検出を参照）。{tool} を連携するのではなく、廃止する前に {tool} だけが持つ情報（{data}）を {keep} へ移してください。',
      'recommendation.file': '{tool} にあるデータ（{data}）を {hub} に移し、ファイルをシステムとして使うのをやめてください。ファイルを連携すると、ファイルが記録の場所として残ります。',
    },
  },
  check({ facts, msg, words }) {
    // Without any hub, no-customer-hub stands for the per-tool silos.
    if (!facts.hubs.length) return [];
    const out: FindingDraft<Details>[] = [];
    for (const tool of facts.siloedTools) {
      const candidates = rankHubs(facts.hubs, tool.data, facts.impact);
      const comp = facts.componentOf(tool.id);
      const island = comp.tools.length > 1 ? comp.tools.filter((id) => id !== tool.id) : [];
      const params = {
        tool: tool.name, data: words.data(tool.data), hubs: words.tools(candidates),
        hub: words.tools(candidates.slice(0, 1)), others: words.tools(island),
      };
      out.push({
        subject: tool.id,
        message: msg(island.length ? 'message.island' : 'message', params),
        entities: [toolRef(tool.id)],
        location: tool.loc,
        cost: costOf(tool),
        // (r2) A file tool is never connected (rules.md "file tool"): its data moves into a system.
        recommendation: msg(isFileTool(tool) ? 'recommendation.file' : 'recommendation', params),
        details: {
          tool: tool.id, data: [...tool.data], hubCandidates: candidates,
          ...(island.length ? { cluster: `isolated-cluster:${joinSubject(comp.tools)}` } : {}),
        },
      });
    }
    return out;
  },
  plan: {
    step: 31,
    initiatives: ['connect'],
    propose(findings, c) {
      if (c.replatforming) return;
      for (const f of findings) {
        const id = f.details.tool;
        const x = c.tool(id);
        if (!x) continue;
        // Retiring the tool ends the silo too; a tool in an island is connected through the island's bridge.
        const home = c.drafts.get(`retire-${id}`) ?? c.about(id, (d) => d.id.startsWith('connect-')) ?? (c.facts.hubs.length ? undefined : c.drafts.get('establish-hub'));
        if (home) {
          home.addresses.add(f.id);
          continue;
        }
        const hub = c.hubFor([id]);
        const live = c.facts.touchpointsServed(id).some((tp) => tp.realtime);
        c.draft(`connect-${id}`, () => ({
          kind: 'integrate', phase: 2, title: hub ? c.title('roadmap.title.connect', { tool: x.name, hub: hub.name }) : c.title('roadmap.title.connect-any', { tool: x.name }),
          tools: hub ? [id, hub.id] : [id], subjects: [id], owner: x.owner, months: live ? 3 : 2,
        })).addresses.add(f.id);
      }
    },
  },
});
