// unmeasured-touchpoint: neither an in-scope touchpoint's tools nor any tool its captured data
// reaches has a measurement capability. (A touchpoint with no tool at all is uncovered-touchpoint.)
import { dataList, ruleDocs, sortIds, toolNames, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: instagram
    name: Instagram account
    stage: awareness
    channel: social
    tools: [meta]
    captures: [social-engagement]
tools:
  - id: meta
    name: Meta Business Suite
    capabilities: [social-publishing]
    data: [social-engagement]
`;

export const rule: Rule = {
  id: 'unmeasured-touchpoint',
  defaultSeverity: 'low',
  docs: ruleDocs('unmeasured-touchpoint', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.tools.length) continue;
      const measured = tp.tools.some((id) => facts.isMeasuringTool(id)
        || tp.captures.some((d) => facts.reachesMeasurement(id, d)));
      if (measured) continue;
      const tools = sortIds(new Set(tp.tools));
      const params = { touchpoint: tp.name, tools: toolNames(ws, tools), data: dataList(tp.captures) };
      out.push({
        subject: tp.id,
        message: t('rules.unmeasured-touchpoint.message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: t(tp.captures.length ? 'rules.unmeasured-touchpoint.recommendation' : 'rules.unmeasured-touchpoint.recommendation.no-data', params),
        details: { touchpoint: tp.id, tools, captures: [...tp.captures] },
      });
    }
    return out;
  },
};
