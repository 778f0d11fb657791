// capability-overlap: two or more active tools provide the same capability; the finding lists
// them and their combined annual cost.
import { capabilityName } from '../../catalog/index.js';
import { minorToMajor } from '../../model/model.js';
import { compareIds, money, ruleDocs, someToolNames, sumCosts, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: ga4
    name: Google Analytics 4
    capabilities: [web-analytics]
    cost: 0
  - id: adobe-analytics
    name: Adobe Analytics
    capabilities: [web-analytics]
    cost: 48000
`;

export const rule: Rule = {
  id: 'capability-overlap',
  defaultSeverity: 'medium',
  docs: ruleDocs('capability-overlap', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    const caps = [...facts.providers.keys()].sort(compareIds);
    for (const cap of caps) {
      const tools = facts.providers.get(cap)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id);
      const cost = sumCosts(tools);
      const params = {
        capability: capabilityName(cap), tools: someToolNames(ws, ids), count: ids.length,
        cost: money(ws, cost.minor), unknown: someToolNames(ws, cost.unknown),
      };
      const key = !cost.minor ? 'rules.capability-overlap.message.no-cost'
        : cost.unknown.length ? 'rules.capability-overlap.message.partial-cost' : 'rules.capability-overlap.message';
      out.push({
        subject: cap,
        message: t(key, params),
        entities: [{ kind: 'capability', id: cap }, ...ids.map(toolRef)],
        location: tools[0].loc,
        cost: cost.known ? minorToMajor(cost.minor) : undefined,
        recommendation: t('rules.capability-overlap.recommendation', params),
        details: { capability: cap, tools: ids, ...(cost.unknown.length ? { costUnknown: cost.unknown } : {}) },
      });
    }
    return out;
  },
};
