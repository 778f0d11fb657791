// untapped-touchpoint: an out-of-scope touchpoint captures customer data that no in-scope
// touchpoint captures: potential left on the table.
import { dataList, ruleDocs } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: newsletter
    name: Newsletter
    stage: awareness
    channel: email
    tools: []
    captures: [email-engagement]
  - id: stamp-card
    name: Paper stamp card
    stage: loyalty
    channel: store
    in_scope: false
    captures: [visit-frequency]
`;

export const rule: Rule = {
  id: 'untapped-touchpoint',
  defaultSeverity: 'info',
  docs: ruleDocs('untapped-touchpoint', example),
  check({ ws, t }) {
    const inScope = new Set<string>();
    for (const tp of ws.touchpoints) if (tp.inScope) for (const d of tp.captures) inScope.add(d);
    const out: FindingDraft[] = [];
    for (const tp of ws.touchpoints) {
      if (tp.inScope) continue;
      const untapped = [...new Set(tp.captures)].filter((d) => !inScope.has(d));
      if (!untapped.length) continue;
      const params = { touchpoint: tp.name, data: dataList(untapped) };
      out.push({
        subject: tp.id,
        message: t('rules.untapped-touchpoint.message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }],
        location: tp.loc,
        recommendation: t('rules.untapped-touchpoint.recommendation', params),
        details: { touchpoint: tp.id, data: untapped },
      });
    }
    return out;
  },
};
