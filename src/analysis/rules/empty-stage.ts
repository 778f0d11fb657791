// empty-stage: a journey stage with no in-scope touchpoint.
import { ruleDocs, workspaceLoc } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
stages:
  - { id: awareness, name: Awareness }
  - { id: loyalty, name: Loyalty }
touchpoints:
  - id: newsletter
    name: Newsletter
    stage: awareness
    channel: email
    tools: []
`;

export const rule: Rule = {
  id: 'empty-stage',
  defaultSeverity: 'medium',
  docs: ruleDocs('empty-stage', example),
  check({ ws, t }) {
    const out: FindingDraft[] = [];
    for (const stage of ws.stages) {
      const tps = ws.index.touchpointsByStage.get(stage.id) ?? [];
      if (tps.some((tp) => tp.inScope)) continue;
      const outOfScope = tps.length;
      const params = { stage: stage.name, count: outOfScope };
      out.push({
        subject: stage.id,
        message: t(outOfScope ? 'rules.empty-stage.message.out-of-scope' : 'rules.empty-stage.message', params),
        entities: [{ kind: 'stage', id: stage.id }],
        // Default stages are not written anywhere: point at the workspace.
        location: stage.loc ?? workspaceLoc(ws),
        recommendation: t(outOfScope ? 'rules.empty-stage.recommendation.out-of-scope' : 'rules.empty-stage.recommendation', params),
        details: { stage: stage.id, outOfScope: tps.map((tp) => tp.id) },
      });
    }
    return out;
  },
};
