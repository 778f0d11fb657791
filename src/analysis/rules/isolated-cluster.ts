// isolated-cluster: two or more tools joined by integrations, none of them to a hub
// (a department island). One finding per cluster.
import { compareIds, joinSubject, rankHubs, sumCosts, toolRef } from './helpers.js';
import { minorToMajor, type Tool } from '../../model/model.js';
import { createRule, type FindingDraft } from './rule.js';
import { isFileTool } from '../capabilities.js';
import { byId } from '../roadmap/context.js';

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
  - id: zendesk
    name: Zendesk
    capabilities: [help-desk]
    data: [contact-profile, support-tickets]
integrations:
  - { from: intercom, to: zendesk }
`;

/** What a isolated-cluster finding carries in `details`. */
export type Details = { tools: string[]; bridge: string; hubCandidates: string[]; data: string[] };

export const rule = createRule({
  meta: {
    id: 'isolated-cluster',
    severity: 'high',
    group: 'integrate',
    subject: 'tools',
    marks: 'island',
    example,
  },
  text: {
    en: {
      title: 'Isolated cluster',
      summary: 'Fires once for each group of two or more tools that are connected to each other by automated links but none of them to a hub (manual links join nothing). The silos, trapped data and inconsistent experiences inside the island are folded into it. With no hub at all, "no customer hub" says it once.',
      why: 'A department island: the tools share data among themselves, so the team there is well served, but the rest of the company sees none of it and the island builds its own picture of the customer.',
      fix: 'Connect the island to the hub once, through its best-connected tool; the rest of the island then reaches the hub through the links it already has (check that those links carry the data that matters).',
      message: '{tools} exchange data with each other but none of them is connected to a customer hub: a department island with its own picture of the customer.',
      'message.no-hub': '{tools} exchange data with each other, but with nothing else: a department island with its own picture of the customer.',
      recommendation: 'Connect the island to {hub} through {bridge}, its best-connected tool.',
      'recommendation.no-hub': 'When a customer hub is chosen, connect this island to it through {bridge}, its best-connected tool.',
      'recommendation.file': 'Move the data of the island ({data}) into {hub} and stop using {tools} as systems: connecting files and chat would keep them as systems of record.',
    },
    ja: {
      title: '孤立したツール群',
      summary: '互いには自動連携でつながっているが、どれもハブにつながっていない 2 つ以上のツールのまとまりを、まとまりごとに 1 件検出します（手作業の連携はつながりとみなしません）。まとまりの中のサイロ化、取り残されたデータ、一貫しない顧客体験はこの検出にまとめます。ハブが一つもない場合は「顧客ハブがない」が一度だけ伝えます。',
      why: '部署の「離れ小島」です。ツール同士ではデータを共有しているのでその部署は困りませんが、会社の他の部分からは何も見えず、独自の顧客像ができあがります。',
      fix: '最も多くつながっているツールを通じて、このまとまりをハブに一度連携します。残りのツールは既存の連携でハブに届くようになります（その連携が必要なデータを運んでいるかも確認してください）。',
      message: '{tools} は互いにデータをやり取りしていますが、どれもハブにつながっていません。独自の顧客像を持つ部署の「離れ小島」になっています。',
      'message.no-hub': '{tools} は互いにデータをやり取りしていますが、それ以外とはつながっていません。独自の顧客像を持つ部署の「離れ小島」になっています。',
      recommendation: '最も多くつながっている {bridge} を通じて、このまとまりを {hub} に連携してください。',
      'recommendation.no-hub': 'ハブを決めたら、最も多くつながっている {bridge} を通じて、このまとまりをハブに連携してください。',
      'recommendation.file': 'このまとまりのデータ（{data}）を {hub} に移し、{tools} をシステムとして使うのをやめてください。ファイルやチャットを連携すると、それが記録の場所として残ります。',
    },
  },
  check({ ws, facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    // With no hub at all every tool is cut off: no-customer-hub says it once (rules.md r2 "one problem, one finding").
    if (!facts.hubs.length) return out;
    for (const comp of facts.components) {
      if (comp.tools.length < 2 || comp.hasHub) continue;
      const tools = comp.tools.map((id) => ws.index.toolById.get(id)!);
      // An island of tools nobody uses any more is not a department island (retired-tool-in-use covers it).
      if (!tools.some((x) => x.status === 'active' || x.status === 'pilot')) continue;
      // (r2) The bridge is a system, never a file tool (rules.md "file tool": never a connect target).
      const file = (x: Tool) => (isFileTool(x) ? 1 : 0);
      const bridge = [...tools].sort((a: Tool, b: Tool) => file(a) - file(b) || facts.impact(b.id) - facts.impact(a.id) || compareIds(a.id, b.id))[0];
      const onlyFiles = tools.every(isFileTool);
      const data = [...new Set(tools.flatMap((x) => x.data))];
      const hubs = rankHubs(facts.hubs, data, facts.impact);
      const cost = sumCosts(tools);
      const params = {
        tools: words.someTools(comp.tools), count: comp.tools.length, bridge: bridge.name,
        hub: words.someTools(hubs.slice(0, 1)), data: words.data(data),
      };
      out.push({
        subject: joinSubject(comp.tools),
        message: msg(hubs.length ? 'message' : 'message.no-hub', params),
        entities: comp.tools.map(toolRef),
        location: bridge.loc,
        cost: cost.known ? minorToMajor(cost.minor) : undefined,
        recommendation: msg(onlyFiles && hubs.length ? 'recommendation.file' : hubs.length ? 'recommendation' : 'recommendation.no-hub', params),
        details: { tools: [...comp.tools], bridge: bridge.id, hubCandidates: hubs, data },
      });
    }
    return out;
  },
  plan: {
    step: 30,
    initiatives: ['connect'],
    propose(findings, c) {
      // Replatforming: the new platform answers the islands (src/analysis/roadmap/platform.ts).
      if (c.replatforming) return;
      const customerData = new Set(c.facts.customerDataTools.map((x) => x.id));
      for (const f of findings) {
        const members = f.details.tools.filter((id) => c.tool(id));
        if (!members.length) continue;
        if (!c.facts.hubs.length && c.drafts.has('establish-hub')) {
          c.drafts.get('establish-hub')!.addresses.add(f.id);
          continue;
        }
        const suggested = members.includes(f.details.bridge) ? f.details.bridge : undefined;
        const bridge = suggested ?? [...members].sort((a, b) => Number(customerData.has(b)) - Number(customerData.has(a))
          || c.facts.impact(b) - c.facts.impact(a) || byId(a, b))[0];
        const hub = c.hubFor(members);
        const live = members.some((id) => c.facts.touchpointsServed(id).some((tp) => tp.realtime));
        const d = c.draft(`connect-${bridge}`, () => ({
          kind: 'integrate', phase: 2,
          title: hub ? c.title('roadmap.title.connect-island', { tools: c.words.list(members.map((id) => c.name(id))), hub: hub.name, bridge: c.name(bridge) })
            : c.title('roadmap.title.connect-any', { tool: c.name(bridge) }),
          tools: hub ? [bridge, hub.id, ...members.filter((m) => m !== bridge)] : members, subjects: members,
          owner: c.tool(bridge)?.owner, months: 3 + (live ? 1 : 0),
        }));
        for (const m of members) if (!d.subjects.includes(m)) d.subjects.push(m);
        c.indexSubjects(d);
        d.addresses.add(f.id);
      }
    },
  },
});
