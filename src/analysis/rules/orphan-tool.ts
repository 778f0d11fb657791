// orphan-tool: an active tool used at no touchpoint and in no integration.
import { costOf, money, ruleDocs, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: hootsuite
    name: Hootsuite
    capabilities: [social-publishing]
    cost: { amount: 99, period: month }
`;

export const rule: Rule = {
  id: 'orphan-tool',
  defaultSeverity: 'low',
  docs: ruleDocs('orphan-tool', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const x of facts.activeTools) {
      if (facts.touchpointsServed(x.id).length || facts.degree(x.id)) continue;
      const params = { tool: x.name, cost: x.annualCostMinor ? money(ws, x.annualCostMinor) : '' };
      out.push({
        subject: x.id,
        message: t(x.annualCostMinor ? 'rules.orphan-tool.message.cost' : 'rules.orphan-tool.message', params),
        entities: [toolRef(x.id)],
        location: x.loc,
        cost: costOf(x),
        recommendation: t('rules.orphan-tool.recommendation', params),
        details: { tool: x.id, saving: costOf(x) },
      });
    }
    return out;
  },
};
