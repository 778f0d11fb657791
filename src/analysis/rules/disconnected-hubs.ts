// disconnected-hubs: two hubs that no chain of integrations joins: two "single" customer views.
// One finding per pair of hub groups (hubs already connected to each other count as one view),
// named after the first hub id of each group.
import { compareIds, joinSubject, ruleDocs, toolNames, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: shop
    name: Shopify
    capabilities: [ecommerce-platform]
    hub: true
    data: [contact-profile, orders]
`;

export const rule: Rule = {
  id: 'disconnected-hubs',
  defaultSeverity: 'high',
  docs: ruleDocs('disconnected-hubs', example),
  check({ ws, facts, t }) {
    const groups = facts.components.filter((c) => c.hasHub).sort((a, b) => compareIds(a.hubs[0], b.hubs[0]));
    const out: FindingDraft[] = [];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i].hubs;
        const b = groups[j].hubs;
        const pair = [a[0], b[0]];
        const params = { a: toolNames(ws, a), b: toolNames(ws, b) };
        out.push({
          subject: joinSubject(pair),
          message: t('rules.disconnected-hubs.message', params),
          entities: [...a, ...b].map(toolRef),
          location: ws.index.toolById.get(a[0])!.loc,
          recommendation: t('rules.disconnected-hubs.recommendation', params),
          details: { hubs: pair, groups: [[...a], [...b]] },
        });
      }
    }
    return out;
  },
};
