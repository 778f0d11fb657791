// realtime-gap: an in-scope real-time touchpoint whose tools are connected to a hub but none of
// them is a hub or gets hub data through a chain of realtime links. (When none of its tools is
// connected to a hub, inconsistent-experience reports the touchpoint instead.)
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
    realtime: true
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
integrations:
  - { from: crm, to: intercom, mode: batch }
`;

export const rule: Rule = {
  id: 'realtime-gap',
  defaultSeverity: 'medium',
  docs: ruleDocs('realtime-gap', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.realtime || !tp.inScope || !tp.tools.length) continue;
      if (tp.tools.some((id) => facts.realtimeHubFed(id))) continue;
      if (!tp.tools.some((id) => facts.connectedToHub(id))) continue;
      const tools = sortIds(new Set(tp.tools));
      const connected = tools.filter((id) => facts.connectedToHub(id));
      const hubIds = new Set(connected.flatMap((id) => facts.componentOf(id).hubs));
      const hubs = rankHubs(facts.hubs.filter((h) => hubIds.has(h.id)), tp.captures, facts.impact);
      const params = { touchpoint: tp.name, tools: toolNames(ws, tools), target: toolNames(ws, connected.slice(0, 1)), hub: toolNames(ws, hubs.slice(0, 1)) };
      out.push({
        subject: tp.id,
        message: t('rules.realtime-gap.message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: t('rules.realtime-gap.recommendation', params),
        details: { touchpoint: tp.id, tools, connected, hubs },
      });
    }
    return out;
  },
};
