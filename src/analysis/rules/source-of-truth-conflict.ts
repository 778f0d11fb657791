// source-of-truth-conflict: two or more tools (not retired) claim source_of_truth for the same data type.
import { compareIds, dataList, rankHubs, ruleDocs, toolNames, toolRef } from './helpers.js';
import type { Tool } from '../../model/model.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    data: [contact-profile]
    source_of_truth: [contact-profile]
  - id: shop
    name: Shopify
    capabilities: [ecommerce-platform]
    data: [contact-profile, orders]
    source_of_truth: [contact-profile]
`;

export const rule: Rule = {
  id: 'source-of-truth-conflict',
  defaultSeverity: 'high',
  docs: ruleDocs('source-of-truth-conflict', example),
  check({ ws, facts, t }) {
    const claims = new Map<string, Tool[]>();
    for (const x of ws.tools) {
      if (x.status === 'retired') continue;
      for (const d of new Set(x.sourceOfTruth)) {
        const l = claims.get(d);
        if (l) l.push(x);
        else claims.set(d, [x]);
      }
    }
    const out: FindingDraft[] = [];
    for (const d of [...claims.keys()].sort(compareIds)) {
      const tools = claims.get(d)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id).sort(compareIds);
      // The natural master: a hub among the claimants, else the most used.
      const hubs = tools.filter((x) => x.hub);
      const candidate = rankHubs(hubs.length ? hubs : tools, [d], facts.impact)[0];
      const other = tools.find((x) => x.id !== candidate)!;
      const params = { data: dataList([d]), tools: toolNames(ws, ids), candidate: toolNames(ws, [candidate]) };
      out.push({
        subject: d,
        message: t('rules.source-of-truth-conflict.message', params),
        entities: [{ kind: 'data', id: d }, ...ids.map(toolRef)],
        location: other.loc,
        recommendation: t('rules.source-of-truth-conflict.recommendation', params),
        details: { data: d, tools: ids, candidate },
      });
    }
    return out;
  },
};
