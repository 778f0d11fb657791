// isolated-cluster: two or more tools joined by integrations, none of them to a hub
// (a department island). One finding per cluster.
import { compareIds, dataList, joinSubject, rankHubs, ruleDocs, someToolNames, sumCosts, toolRef } from './helpers.js';
import { minorToMajor, type Tool } from '../../model/model.js';
import type { FindingDraft, Rule } from './types.js';

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

export const rule: Rule = {
  id: 'isolated-cluster',
  defaultSeverity: 'high',
  docs: ruleDocs('isolated-cluster', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const comp of facts.components) {
      if (comp.tools.length < 2 || comp.hasHub) continue;
      const tools = comp.tools.map((id) => ws.index.toolById.get(id)!);
      // An island of tools nobody uses any more is not a department island (retired-tool-in-use covers it).
      if (!tools.some((x) => x.status === 'active' || x.status === 'pilot')) continue;
      const bridge = [...tools].sort((a: Tool, b: Tool) => facts.impact(b.id) - facts.impact(a.id) || compareIds(a.id, b.id))[0];
      const data = [...new Set(tools.flatMap((x) => x.data))];
      const hubs = rankHubs(facts.hubs, data, facts.impact);
      const cost = sumCosts(tools);
      const params = {
        tools: someToolNames(ws, comp.tools), count: comp.tools.length, bridge: bridge.name,
        hub: someToolNames(ws, hubs.slice(0, 1)), data: dataList(data),
      };
      out.push({
        subject: joinSubject(comp.tools),
        message: t(hubs.length ? 'rules.isolated-cluster.message' : 'rules.isolated-cluster.message.no-hub', params),
        entities: comp.tools.map(toolRef),
        location: bridge.loc,
        cost: cost.known ? minorToMajor(cost.minor) : undefined,
        recommendation: t(hubs.length ? 'rules.isolated-cluster.recommendation' : 'rules.isolated-cluster.recommendation.no-hub', params),
        details: { tools: [...comp.tools], bridge: bridge.id, hubCandidates: hubs, data },
      });
    }
    return out;
  },
};
