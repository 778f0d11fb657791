// empty-stage: a journey stage with no in-scope touchpoint.
import { workspaceLoc } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { mostCommon } from '../roadmap/context.js';

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

/** What a empty-stage finding carries in `details`. */
export type Details = { stage: string; outOfScope: string[] };

export const rule = createRule({
  meta: {
    id: 'empty-stage',
    severity: 'medium',
    group: 'refocus',
    subject: 'stage',
    example,
  },
  text: {
    en: {
      title: 'Empty stage',
      summary: 'Fires for each customer-journey stage that has no in-scope touchpoint.',
      why: 'The audit says nothing about how customers are served at this stage: either the company does nothing there (a gap in the journey) or the touchpoints were not recorded.',
      fix: 'Add the touchpoints of this stage (or bring an existing one into scope); if the company really does nothing there, that is a decision worth writing down.',
      message: 'The {stage} stage of the customer journey has no touchpoint: the audit does not show how customers are served there.',
      'message.out-of-scope': 'The {stage} stage of the customer journey has no touchpoint in scope ({count} listed outside the scope): the audit does not show how customers are served there.',
      recommendation: 'Add the touchpoints of the {stage} stage, or write down that the company deliberately does nothing there.',
      'recommendation.out-of-scope': 'Bring a touchpoint of the {stage} stage into scope, or add the ones that are missing.',
    },
    ja: {
      title: '顧客接点のないステージ',
      summary: '対象範囲内の顧客接点が一つもないカスタマージャーニーのステージを検出します。',
      why: 'このステージでお客様にどう対応しているか、監査からは何も分かりません。会社が何もしていない（ジャーニーの空白）か、顧客接点が記録されていないかのどちらかです。',
      fix: 'このステージの顧客接点を追加する（または既存のものを対象範囲に入れる）。本当に何もしていないなら、その判断を記録しておきます。',
      message: 'カスタマージャーニーの「{stage}」ステージに顧客接点がありません。そこでお客様にどう対応しているか、監査からは分かりません。',
      'message.out-of-scope': 'カスタマージャーニーの「{stage}」ステージに対象範囲内の顧客接点がありません（対象範囲外に {count} 件）。そこでお客様にどう対応しているか、監査からは分かりません。',
      recommendation: '「{stage}」ステージの顧客接点を追加するか、意図的に何もしていないことを記録してください。',
      'recommendation.out-of-scope': '「{stage}」ステージの顧客接点を対象範囲に入れるか、不足しているものを追加してください。',
    },
  },
  check({ ws, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const stage of ws.stages) {
      const tps = ws.index.touchpointsByStage.get(stage.id) ?? [];
      if (tps.some((tp) => tp.inScope)) continue;
      const outOfScope = tps.length;
      const params = { stage: words.stage(stage), count: outOfScope };
      out.push({
        subject: stage.id,
        message: msg(outOfScope ? 'message.out-of-scope' : 'message', params),
        entities: [{ kind: 'stage', id: stage.id }],
        // Default stages are not written anywhere: point at the workspace.
        location: stage.loc ?? workspaceLoc(ws),
        recommendation: msg(outOfScope ? 'recommendation.out-of-scope' : 'recommendation', params),
        details: { stage: stage.id, outOfScope: tps.map((tp) => tp.id) },
      });
    }
    return out;
  },
  plan: {
    step: 37,
    initiatives: ['cover-stage'],
    propose(findings, c) {
      for (const f of findings) {
        const stageId = f.details.stage;
        const stage = c.ws.index.stageById.get(stageId);
        const listed = c.ws.index.touchpointsByStage.get(stageId) ?? [];
        const d = c.draft(`cover-stage-${stageId}`, () => ({
          kind: 'process', phase: 2, title: c.title('roadmap.title.cover-stage', { stage: stage ? c.words.stage(stage) : stageId }),
          tools: [], subjects: [], months: 2, owner: mostCommon(listed.map((tp) => tp.owner)),
        }));
        d.addresses.add(f.id);
        for (const tp of listed) if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});
