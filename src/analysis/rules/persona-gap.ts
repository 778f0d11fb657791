// persona-gap (r2): a persona goes through a journey stage in which no in-scope touchpoint meets
// it. A stage with no in-scope touchpoint at all is empty-stage's, said once for everyone; a
// workspace without personas raises nothing (the assessment asks for them instead).
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
personas:
  - { id: it-buyer, name: IT decision maker, stages: [awareness, purchase] }
  - { id: end-user, name: End user }
touchpoints:
  - { id: webinar, name: Webinar, stage: awareness, channel: webinar, tools: [crm], personas: [it-buyer] }
  - { id: trial, name: Free trial, stage: purchase, channel: website, tools: [crm], personas: [end-user] }
tools:
  - { id: crm, name: HubSpot, capabilities: [crm], hub: true, data: [contact-profile] }
`;

/**
 * At most this many of the stage's touchpoints are named in a finding's entities: a finding per
 * persona and stage naming every touchpoint of the stage grows with personas × touchpoints.
 */
export const TOUCHPOINTS_NAMED = 10;

/** What a persona-gap finding carries in `details`. */
export type Details = { persona: string; stage: string };

export const rule = createRule({
  meta: {
    id: 'persona-gap',
    severity: 'medium',
    group: 'refocus',
    subject: 'persona-stage',
    example,
  },
  text: {
    en: {
      title: 'Persona gap',
      summary: 'Fires for each persona and each journey stage it goes through (`stages`, default all) where no in-scope touchpoint meets it (`personas` of a touchpoint; a touchpoint without `personas` meets everyone). A stage with no in-scope touchpoint at all is reported once by empty-stage instead. Without `personas` nothing is raised and the assessment asks for them.',
      why: 'The journey is mapped per persona because each kind of customer needs its own way through it: a stage where a persona meets nothing of the company is where that customer is lost to a competitor or left to find their own way.',
      fix: 'Design a touchpoint for the persona in that stage (or extend an existing one to it and say so in its `personas`), or remove the stage from the persona\'s `stages` if it truly does not go through it.',
      message: '{persona} goes through the {stage} stage, but no in-scope touchpoint there is meant for them (touchpoints in the stage: {touchpoints}).',
      recommendation: 'Design a touchpoint for {persona} in the {stage} stage, or extend one of {touchpoints} to them; if {persona} does not go through {stage}, remove it from their stages.',
    },
    ja: {
      title: 'ペルソナの顧客接点の欠落',
      summary: 'ペルソナが通るジャーニーのステージ（`stages`、既定はすべて）ごとに、そのペルソナに向けた対象範囲内の顧客接点がない場合に検出します（顧客接点の `personas`。`personas` のない顧客接点は全員向けです）。対象範囲内の顧客接点がまったくないステージは「顧客接点のないステージ」として一度だけ検出します。`personas` がなければ何も検出せず、総合評価で質問します。',
      why: 'ジャーニーをペルソナごとに描くのは、顧客の種類ごとに必要な道筋が違うからです。あるペルソナが会社と何も接しないステージでは、その顧客は競合に流れるか、自力で進むしかありません。',
      fix: 'そのステージにそのペルソナ向けの顧客接点を設計する（または既存の顧客接点を広げて `personas` に加える）か、そのペルソナが本当に通らないなら `stages` からそのステージを外します。',
      message: '{persona} は {stage} のステージを通りますが、そこには {persona} 向けの対象範囲内の顧客接点がありません（このステージの顧客接点：{touchpoints}）。',
      recommendation: '{stage} のステージに {persona} 向けの顧客接点を設計するか、{touchpoints} のいずれかを {persona} にも広げてください。{persona} が {stage} を通らないなら、ペルソナのステージから外してください。',
    },
  },
  check({ ws, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const p of ws.personas) {
      for (const stageId of p.stages) {
        const stage = ws.index.stageById.get(stageId);
        if (!stage) continue;
        const inStage = (ws.index.touchpointsByStage.get(stageId) ?? []).filter((tp) => tp.inScope);
        if (!inStage.length) continue; // empty-stage says it, once for everyone
        if (inStage.some((tp) => tp.personas.includes(p.id))) continue;
        const params = { persona: p.name, stage: words.stage(stage), touchpoints: words.someOf(inStage.map((tp) => tp.name), 5) };
        out.push({
          subject: `${p.id}+${stageId}`,
          message: msg('message', params),
          entities: [{ kind: 'persona', id: p.id }, { kind: 'stage', id: stageId }, ...inStage.slice(0, TOUCHPOINTS_NAMED).map((tp) => ({ kind: 'touchpoint' as const, id: tp.id }))],
          location: p.loc,
          recommendation: msg('recommendation', params),
          details: { persona: p.id, stage: stageId },
        });
      }
    }
    return out;
  },
  plan: {
    step: 37,
    initiatives: ['cover-persona'],
    propose(findings, c) {
      for (const f of findings) {
        const persona = c.ws.index.personaById.get(f.details.persona);
        const stage = c.ws.index.stageById.get(f.details.stage);
        const listed = (c.ws.index.touchpointsByStage.get(f.details.stage) ?? []).filter((tp) => tp.inScope);
        const owners = [...new Set(listed.map((tp) => tp.owner).filter((o): o is string => !!o))].sort();
        const d = c.draft(`cover-persona-${f.details.persona}`, () => ({
          kind: 'process', phase: 2, title: c.title('customer.roadmap.title.cover-persona', { persona: persona?.name ?? f.details.persona }),
          tools: [], subjects: [], months: 1, ...(owners[0] ? { owner: owners[0] } : {}),
        }));
        d.addresses.add(f.id);
        if (stage) d.months = Math.min(3, Math.max(d.months, d.addresses.size));
        for (const o of owners) d.extraDepartments.add(o);
      }
    },
  },
});
