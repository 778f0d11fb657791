// uncovered-touchpoint: an in-scope touchpoint that uses no tool.
import { dataList, ruleDocs } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: trade-fairs
    name: Trade fair booth
    stage: consideration
    channel: event
    tools: []
    captures: [contact-profile]
`;

export const rule: Rule = {
  id: 'uncovered-touchpoint',
  defaultSeverity: 'medium',
  docs: ruleDocs('uncovered-touchpoint', example),
  check({ ws, t }) {
    const out: FindingDraft[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || tp.tools.length) continue;
      const params = { touchpoint: tp.name, data: dataList(tp.captures) };
      out.push({
        subject: tp.id,
        message: t(tp.captures.length ? 'rules.uncovered-touchpoint.message' : 'rules.uncovered-touchpoint.message.no-data', params),
        entities: [{ kind: 'touchpoint', id: tp.id }],
        location: tp.loc,
        recommendation: t('rules.uncovered-touchpoint.recommendation', params),
        details: { touchpoint: tp.id, stage: tp.stage, captures: [...tp.captures] },
      });
    }
    return out;
  },
};
