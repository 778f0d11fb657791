// no-source-of-truth: two or more active tools hold the same data type and no tool claims to be
// its source of truth ("which web-traffic number do we trust?").
import { bestCandidate, compareIds, dataList, ruleDocs, someToolNames, toolNames, toolRef } from './helpers.js';
import type { Tool } from '../../model/model.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: ga4
    name: Google Analytics 4
    capabilities: [web-analytics]
    data: [web-traffic]
  - id: adobe-analytics
    name: Adobe Analytics
    capabilities: [web-analytics]
    data: [web-traffic]
`;

export const rule: Rule = {
  id: 'no-source-of-truth',
  defaultSeverity: 'low',
  docs: ruleDocs('no-source-of-truth', example),
  check({ ws, facts, t }) {
    const claimed = new Set<string>();
    for (const x of ws.tools) if (x.status !== 'retired') for (const d of x.sourceOfTruth) claimed.add(d);
    const holders = new Map<string, Tool[]>();
    for (const x of facts.activeTools) {
      for (const d of new Set(x.data)) {
        if (claimed.has(d)) continue;
        const l = holders.get(d);
        if (l) l.push(x);
        else holders.set(d, [x]);
      }
    }
    const out: FindingDraft[] = [];
    for (const d of [...holders.keys()].sort(compareIds)) {
      const tools = holders.get(d)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id).sort(compareIds);
      const candidate = bestCandidate(tools, facts.impact).id;
      const params = { data: dataList([d]), tools: someToolNames(ws, ids), count: ids.length, candidate: toolNames(ws, [candidate]) };
      out.push({
        subject: d,
        message: t('rules.no-source-of-truth.message', params),
        entities: [{ kind: 'data', id: d }, ...ids.map(toolRef)],
        // Where the fix goes: the candidate's entry, which would get source_of_truth.
        location: ws.index.toolById.get(candidate)!.loc,
        recommendation: t('rules.no-source-of-truth.recommendation', params),
        details: { data: d, tools: ids, candidate },
      });
    }
    return out;
  },
};
