// trapped-data: data types a tool holds that reach no hub, although the tool is connected to one
// (a tool connected to no hub at all is a data-silo instead). One finding per tool.
import { dataList, rankHubs, ruleDocs, sortIds, toolNames, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    data: [contact-profile, email-engagement]
integrations:
  - { from: mailchimp, to: crm, data: [contact-profile] }
`;

export const rule: Rule = {
  id: 'trapped-data',
  defaultSeverity: 'medium',
  docs: ruleDocs('trapped-data', example),
  check({ ws, facts, t }) {
    if (!facts.hubs.length) return [];
    const out: FindingDraft[] = [];
    // Hub ranking per component and trapped set: large stacks repeat the same combinations.
    const ranked = new Map<string, string[]>();
    for (const tool of facts.customerDataTools) {
      if (tool.hub || !facts.connectedToHub(tool.id)) continue;
      const trapped = facts.trappedData(tool.id);
      if (!trapped.length) continue;
      const comp = facts.componentOf(tool.id);
      const key = `${comp.index}|${trapped.join(',')}`;
      let hubs = ranked.get(key);
      if (!hubs) {
        hubs = comp.hubs.length === 1 ? [...comp.hubs] : rankHubs(comp.hubs.map((id) => ws.index.toolById.get(id)!), trapped, facts.impact);
        ranked.set(key, hubs);
      }
      // A direct link to a hub that could simply carry more, or a new link (or a longer chain) is needed.
      const direct = sortIds(new Set(facts.integrationsOf(tool.id)
        .filter((it) => it.from === tool.id || it.bidirectional)
        .map((it) => (it.from === tool.id ? it.to : it.from))
        .filter((id) => facts.isHub(id))));
      const target = direct[0] ?? hubs[0];
      const params = { tool: tool.name, data: dataList(trapped), count: trapped.length, hub: toolNames(ws, target ? [target] : []) };
      out.push({
        subject: tool.id,
        message: t('rules.trapped-data.message', params),
        entities: [toolRef(tool.id)],
        location: tool.loc,
        recommendation: t(direct.length ? 'rules.trapped-data.recommendation.extend' : 'rules.trapped-data.recommendation', params),
        details: { tool: tool.id, data: [...trapped], hubs: [...hubs], ...(direct.length ? { via: direct[0] } : {}) },
      });
    }
    return out;
  },
};
