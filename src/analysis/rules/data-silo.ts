// data-silo: a customer-data tool that is not a hub and is connected to no hub.
import { costOf, dataList, joinSubject, rankHubs, ruleDocs, toolNames, toolRef } from './helpers.js';
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
`;

export const rule: Rule = {
  id: 'data-silo',
  defaultSeverity: 'high',
  docs: ruleDocs('data-silo', example),
  check({ ws, facts, t }) {
    // Without any hub, no-customer-hub stands for the per-tool silos.
    if (!facts.hubs.length) return [];
    const out: FindingDraft[] = [];
    for (const tool of facts.siloedTools) {
      const candidates = rankHubs(facts.hubs, tool.data, facts.impact);
      const comp = facts.componentOf(tool.id);
      const island = comp.tools.length > 1 ? comp.tools.filter((id) => id !== tool.id) : [];
      const params = {
        tool: tool.name, data: dataList(tool.data), hubs: toolNames(ws, candidates),
        hub: toolNames(ws, candidates.slice(0, 1)), others: toolNames(ws, island),
      };
      out.push({
        subject: tool.id,
        message: t(island.length ? 'rules.data-silo.message.island' : 'rules.data-silo.message', params),
        entities: [toolRef(tool.id)],
        location: tool.loc,
        cost: costOf(tool),
        recommendation: t('rules.data-silo.recommendation', params),
        details: {
          tool: tool.id, data: [...tool.data], hubCandidates: candidates,
          ...(island.length ? { cluster: `isolated-cluster:${joinSubject(comp.tools)}` } : {}),
        },
      });
    }
    return out;
  },
};
