// Audit step 5: the roadmap (rules.md "Roadmap"). Each rule's `plan` proposes initiatives for its
// findings (src/analysis/rules/<id>.ts), step by step so that later plans see earlier ones; the
// platform step (platform.ts) answers a replatform level or a missing hub. Then: dependencies
// (dependencies.ts), authored initiatives merged in (merge.ts), departments and order (order.ts),
// dates and renewals (schedule.ts, with the month arithmetic of months.ts).
//
// The library never reads the clock: the start month comes from the caller (`start`, or `now`
// together with the strategy's own start months).
import type { Workspace } from '../../model/model.js';
import { SEVERITY_RANK } from '../../model/vocabulary.js';
import type { Facts } from '../facts.js';
import { toMajor, toMinor } from '../money.js';
import { RULE_IDS, RULES, type Rule } from '../rules/index.js';
import type { Finding } from '../types.js';
import type { Words } from '../words.js';
import { assertCoherent, repairDrafts } from './coherence.js';
import { byId, createPlanContext } from './context.js';
import { linkDependencies } from './dependencies.js';
import { mergeAuthored } from './merge.js';
import { assignDepartments, orderDrafts } from './order.js';
import { PLATFORM_STEP, proposePlatform } from './platform.js';
import { baseMonth, waveCapacity, planInitiatives, reviewDates, upcomingRenewals } from './schedule.js';
import { consolidationSavings, fitToSize, groupMany, isSmallStack, proposeCompliance } from './size.js';
import { targetsOf } from './targets.js';
import { COMPLIANCE_INITIATIVES, PLATFORM_INITIATIVES, SIZE_INITIATIVES } from './ids.js';
import type { FullRoadmap, RoadmapOptions } from './types.js';

export type { FullRoadmap, PlannedInitiative, RenewalRef, RoadmapOptions, UpcomingRenewal, Draft, DraftInit } from './types.js';
export type { PlanContext } from './context.js';
export { addMonths, monthIndex, monthOf, monthString, parseMonth } from './months.js';
export { topoOrder } from './order.js';
export { scheduleMonths } from './schedule.js';

/** The plan steps in the order they run: each rule's plan by its step (registry order on ties), the platform at its step. */
function steps(): { step: number; run: (c: ReturnType<typeof createPlanContext>) => void }[] {
  const out: { step: number; index: number; run: (c: ReturnType<typeof createPlanContext>) => void }[] = [];
  RULE_IDS.forEach((id, index) => {
    const rule = RULES[id] as Rule;
    const plan = rule.plan;
    if (plan) {
      out.push({ step: plan.step, index, run: (c) => {
        c.proposing(`the plan of ${id}`, plan.initiatives, { rule: id, template: rule.template });
        plan.propose(c.findingsOf(id) as never, c);
      } });
    }
  });
  out.push({ step: PLATFORM_STEP, index: -1, run: (c) => {
    c.proposing('the platform step', PLATFORM_INITIATIVES);
    proposePlatform(c);
  } });
  return out.sort((a, b) => a.step - b.step || a.index - b.index);
}

export function buildRoadmap(ws: Workspace, facts: Facts, findings: readonly Finding[], words: Words, opts: RoadmapOptions = {}): FullRoadmap {
  // An advisory rule with a plan (personalization opportunities: small experiments) is planned at any severity.
  const plannedAdvisory = (rule: string) => {
    const r = (RULES as Record<string, Rule>)[rule];
    return r?.meta.advisory === true && r.plan !== undefined;
  };
  const relevant = findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.low || plannedAdvisory(f.rule));
  const c = createPlanContext(ws, facts, relevant, words, opts.level);
  for (const s of steps()) s.run(c);
  c.proposing('the compliance step', COMPLIANCE_INITIATIVES);
  proposeCompliance(c, relevant);
  c.proposing('the sizing step', SIZE_INITIATIVES);
  const severityOf = new Map(relevant.map((f) => [f.id, SEVERITY_RANK[f.severity]]));
  linkDependencies(c, severityOf);
  for (const d of c.drafts.values()) {
    const t = targetsOf(c, d);
    d.keep = t.keep;
    d.drop = t.drop;
  }
  fitToSize(c);
  const { replaced, rejected } = mergeAuthored(c);
  repairDrafts(c);
  groupMany(c);
  consolidationSavings(c);
  assignDepartments(c);
  // (r2) Within a phase: the highest severity of the findings answered first, then impact.
  for (const d of c.drafts.values()) {
    let severity = 0;
    for (const x of d.addresses) severity = Math.max(severity, severityOf.get(x) ?? 0);
    d.severity = severity;
  }
  const ordered = orderDrafts(c);
  const base = baseMonth(ws, opts);
  const planned = planInitiatives(ws, ordered, base, waveCapacity(ordered.length, isSmallStack(c)));
  assertCoherent(ws, planned, relevant);
  const renewals = upcomingRenewals(ws, planned, c.drafts, base);

  const addressed = new Set<string>();
  for (const p of planned) for (const x of p.addresses) addressed.add(x);
  const advisory = (rule: string) => (RULES as Record<string, Rule>)[rule]?.meta.advisory === true;
  const unaddressed = relevant.filter((f) => !addressed.has(f.id) && !advisory(f.rule)).map((f) => f.id).sort(byId);
  const totalSavingMinor = planned.reduce((s, p) => s + (p.saving !== undefined ? toMinor(p.saving) : 0), 0);
  const decidedMinor = planned.reduce((s, p) => s + (typeof p.decidedSaving === 'number' ? toMinor(p.decidedSaving) : 0), 0);
  return {
    review: ws.strategy.review,
    ...(ws.strategy.horizon ? { horizon: ws.strategy.horizon } : {}),
    ...reviewDates(ws, base),
    initiatives: planned,
    renewals,
    rejected: rejected.sort((a, b) => byId(a.id, b.id)),
    replaced: replaced.sort((a, b) => byId(a.id, b.id)),
    totalSaving: toMajor(totalSavingMinor),
    ...(decidedMinor ? { decidedSaving: toMajor(decidedMinor) } : {}),
    unaddressed,
  };
}
