// inconsistent-experience: an in-scope touchpoint served only by tools connected to no hub:
// staff and systems there cannot recognise the customer.
import { rankHubs, ruleDocs, sortIds, toolNames, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: support-chat
    name: Support chat
    stage: service
    channel: chat
    tools: [intercom]
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
  id: 'inconsistent-experience',
  defaultSeverity: 'high',
  docs: ruleDocs('inconsistent-experience', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.tools.length) continue;
      if (tp.tools.some((id) => facts.connectedToHub(id))) continue;
      const tools = sortIds(new Set(tp.tools));
      const data = [...new Set([...tp.captures, ...tools.flatMap((id) => ws.index.toolById.get(id)!.data)])];
      const hubs = rankHubs(facts.hubs, data, facts.impact);
      const params = { touchpoint: tp.name, tools: toolNames(ws, tools), hub: toolNames(ws, hubs.slice(0, 1)) };
      out.push({
        subject: tp.id,
        message: t('rules.inconsistent-experience.message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: t(hubs.length ? 'rules.inconsistent-experience.recommendation' : 'rules.inconsistent-experience.recommendation.no-hub', params),
        details: { touchpoint: tp.id, tools, hubCandidates: hubs },
      });
    }
    return out;
  },
};
