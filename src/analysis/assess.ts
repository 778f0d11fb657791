// Audit step 4: the overall assessment (rules.md "Assessment"). One of four levels from the
// decision rules, a health score that explains itself, the figures behind the decision,
// customer-view coverage, inventory completeness and the open questions for the next interview.
//
// The decision is a pure function of a few figures (`decideLevel`) so that its boundaries are easy
// to test and to document. Figures that correspond to a judgement a consultant can switch off in
// `settings.rules` (redundancy, overlaps, manual links) are counted from the findings, so that the
// report and the figures agree; the siloed share is measured on the data flow itself, because
// without a hub no per-tool silo findings are raised.
import { SMALL_STACK } from './roadmap/size.js';
import type { Lang, Worded } from '../i18n/index.js';
import { formatMoney } from '../i18n/format.js';
import { SEVERITY_RANK, type Severity } from '../model/vocabulary.js';
import type { Workspace } from '../model/model.js';
import type { Facts } from './facts.js';
import type { Assessment, AssessmentMetrics, Finding } from './types.js';
import { HYGIENE_RULES, getRule, isFindingOf, parseFindingId, ruleTitle, type RuleId } from './rules/index.js';
import { decideLevel, type DecisionBasis, type DecisionFinding } from './decision.js';
import { computeCompleteness, computeCoverage, openQuestions, type Completeness, type Coverage, type OpenQuestion } from './coverage.js';
import type { Words } from './words.js';
import { assessCustomer, customerQuestions, type CustomerAssessment } from './customer-assessment.js';
import { toMajor, toMinor } from './money.js';

// Money, percentages and plurals are formatted in src/i18n/format.ts for a language passed explicitly.
export { formatMoney, formatNumber, formatPercent } from '../i18n/format.js';
export { toMajor, toMinor };

export { INTEGRATE_RULES, REFOCUS_RULES, decideLevel, type Decision, type DecisionBasis, type DecisionInput } from './decision.js';
export {
  COMPLETENESS_FIELDS, MATERIAL_SHARE, computeCompleteness, computeCoverage, openQuestions,
  type Completeness, type CompletenessField, type Coverage, type OpenQuestion, type StageCoverage,
} from './coverage.js';

// ---- the score ------------------------------------------------------------------------------

export interface ScoreItem { key: string; reason: string; points: number }

/** Each aspect moves the score from a neutral 50 by up to ± its weight (weights add up to 50). */
export const SCORE_WEIGHTS = {
  connectivity: 12, hubs: 4, coverage: 10, touchpoints: 6, spend: 6, overlaps: 4, manual: 4, hygiene: 4,
} as const;

// ---- assess ---------------------------------------------------------------------------------

export interface AssessExtras {
  /** `reasons` as message ids and data, in the same order (the same in every language). */
  reasonMessages: { messageId: string; data: Readonly<Record<string, string | number>> }[];
  meaning: string;
  decision: { basis: DecisionBasis[]; rules: RuleId[] };
  scoreBreakdown: ScoreItem[];
  coverage: Coverage;
  completeness: Completeness;
  questions: OpenQuestion[];
  /** The customer's side (revision 2), only for a workspace that maps it (customer-assessment.ts). */
  customer?: CustomerAssessment;
}

export type FullAssessment = Assessment & AssessExtras;

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function assess(ws: Workspace, facts: Facts, findings: readonly Finding[], words: Words): FullAssessment {
  const { tr, percent: formatPercent, list } = words;
  const { t, tw, twCount } = tr;
  const th = ws.settings.thresholds;
  const currency = ws.organization.currency;
  const money = (minor: number) => formatMoney(minor, currency, words.lang);
  const byRule = (rule: RuleId) => findings.filter((f) => f.rule === rule);

  const totalSpendMinor = ws.tools.reduce((s, x) => s + (x.status === 'retired' ? 0 : x.annualCostMinor ?? 0), 0);
  const redundant = byRule('redundant-tool');
  const redundantSpendMinor = redundant.reduce((s, f) => s + (f.cost !== undefined ? toMinor(f.cost) : 0), 0);
  const overlaps = byRule('capability-overlap');
  const manual = byRule('manual-integration');
  const hubs = facts.hubs.length;
  // The same set the siloed tools are drawn from: a tool holding only aggregate metrics is neither
  // siloed nor connected (docs/analysis.md), so it is not in the denominator either.
  const cdt = facts.personalDataTools.length;
  const siloed = facts.siloedTools.length;

  const overlapDecisions = countOverlapDecisions(findings);
  const decision = decideLevel({
    findings: refocusFold(ws, findings), customerDataTools: cdt, siloedTools: siloed, overlappingCapabilities: overlapDecisions,
    redundantSpendMinor, totalSpendMinor, hubs,
  }, th);
  const coverage = computeCoverage(ws, facts, words);
  const completeness = computeCompleteness(ws);
  const questions = [...openQuestions(ws, completeness, words), ...customerQuestions(ws, facts, words)];
  const customer = assessCustomer(ws, facts, words);

  // ---- score --------------------------------------------------------------------------------
  const items: ScoreItem[] = [];
  const add = (key: keyof typeof SCORE_WEIGHTS, good: number, params: Record<string, string | number>, variant = '') => {
    const w = SCORE_WEIGHTS[key];
    const points = Math.round(w * (2 * Math.max(0, Math.min(1, good)) - 1));
    if (points !== 0) items.push({ key, reason: t(`assess.score.${key}${variant}`, params), points });
  };
  // Connected to *the* customer view: with several hubs that are not joined, only the tools in
  // the main hub group (the one with most customer-data tools) share one view.
  const hubComponents = facts.components.filter((x) => x.hasHub);
  const cdtIn = (comp: (typeof hubComponents)[number]) => facts.personalDataTools.filter((x) => facts.componentOf(x.id) === comp).length;
  const main = hubComponents.length > 1 ? [...hubComponents].sort((a, b) => cdtIn(b) - cdtIn(a) || b.hubs.length - a.hubs.length || a.index - b.index)[0] : undefined;
  if (hubs === 0) add('connectivity', 0, {}, '.no-hub');
  else if (cdt && main) {
    const inMain = cdtIn(main);
    add('connectivity', inMain / cdt, { connected: inMain, total: cdt, share: formatPercent(inMain / cdt), hubs: list(main.hubs.map((id) => ws.index.toolById.get(id)?.name ?? id)) }, '.main');
  } else if (cdt) add('connectivity', 1 - siloed / cdt, { connected: cdt - siloed, total: cdt, share: formatPercent(1 - siloed / cdt) });
  const disconnectedHubs = byRule('disconnected-hubs').length;
  if (hubs === 1) add('hubs', 1, {}, '.one');
  else if (hubs > 1) add('hubs', disconnectedHubs ? 0 : 1, { hubs, pairs: disconnectedHubs }, disconnectedHubs ? '.split' : '.joined');
  if (coverage.dataTypes.total) {
    add('coverage', coverage.dataTypes.share, { reaching: coverage.dataTypes.reaching, total: coverage.dataTypes.total, share: formatPercent(coverage.dataTypes.share) });
  }
  const inScope = ws.touchpoints.filter((tp) => tp.inScope);
  if (inScope.length) {
    const recognised = inScope.filter((tp) => tp.tools.some((id) => facts.connectedToHub(id))).length;
    add('touchpoints', recognised / inScope.length, { recognised, total: inScope.length, share: formatPercent(recognised / inScope.length) });
  }
  if (totalSpendMinor > 0) {
    const ratio = redundantSpendMinor / totalSpendMinor;
    add('spend', 1 - Math.min(1, th.redundantShare > 0 ? ratio / th.redundantShare : ratio > 0 ? 1 : 0),
      { spend: money(redundantSpendMinor), share: formatPercent(ratio) }, redundantSpendMinor ? '' : '.none');
  }
  if (facts.activeTools.length > 1) {
    add('overlaps', 1 - Math.min(1, th.overlappingCapabilities > 0 ? overlaps.length / th.overlappingCapabilities : overlaps.length ? 1 : 0),
      { count: overlaps.length }, overlaps.length ? '' : '.none');
  }
  const dataLinks = ws.integrations.filter((it) => facts.carried(it).length > 0 || (it.bidirectional && facts.carried(it, 'backward').length > 0)).length;
  if (dataLinks) add('manual', 1 - manual.length / Math.max(dataLinks, manual.length), { manual: manual.length, total: dataLinks }, manual.length ? '' : '.none');
  if (facts.activeTools.length) {
    const hygiene = new Set<string>(HYGIENE_RULES);
    const flagged = new Set<string>();
    for (const f of findings) if (hygiene.has(f.rule)) for (const e of f.entities) if (e.kind === 'tool') flagged.add(e.id);
    add('hygiene', 1 - Math.min(1, flagged.size / facts.activeTools.length), { flagged: flagged.size, total: facts.activeTools.length }, flagged.size ? '' : '.none');
  }
  const score = Math.max(0, Math.min(100, 50 + items.reduce((s, x) => s + x.points, 0)));
  items.sort((a, b) => b.points - a.points || a.key.localeCompare(b.key));

  // ---- reasons in words ---------------------------------------------------------------------
  const reasons: Worded[] = [];
  const override = ws.settings.assessment;
  if (override && override.level !== decision.level) {
    reasons.push(tw('assess.reason.override', { level: t(`level.${override.level}`), computed: t(`level.${decision.level}`), rationale: override.rationale }));
  } else if (override) {
    reasons.push(tw('assess.reason.override-same', { level: t(`level.${override.level}`), rationale: override.rationale }));
  }
  // An empty (or half-begun) inventory: say so plainly and what to do, instead of figures of nothing.
  const noTools = ws.tools.length === 0;
  const noTouchpoints = ws.touchpoints.length === 0;
  if (noTools || noTouchpoints) {
    reasons.push(tw(noTools && noTouchpoints ? 'assess.reason.empty' : noTools ? 'assess.reason.empty-tools' : 'assess.reason.empty-touchpoints'));
  }
  const ruleNames = (rules: readonly RuleId[]) => list(rules.map((r) => lowerFirst(ruleTitle(r, words.lang), words.lang)));
  const siloParams = { siloed, total: cdt, share: formatPercent(decision.siloedShare), threshold: formatPercent(th.siloedShare) };
  if (decision.basis.includes('no-hub')) reasons.push(twCount('assess.reason.no-hub', cdt, { tools: cdt, threshold: th.noHubTools }));
  if (decision.basis.includes('fragmented')) {
    // Only the signs that are reached are named, each with the figure from which it counts.
    const params = {
      ...siloParams, overlaps: overlapDecisions, overlapThreshold: th.overlappingCapabilities,
      redundantShare: formatPercent(decision.redundantShare), redundantThreshold: formatPercent(th.redundantShare),
    };
    const byOverlaps = overlapDecisions >= th.overlappingCapabilities;
    const byRedundant = totalSpendMinor > 0 && redundantSpendMinor >= th.redundantShare * totalSpendMinor - 1e-9;
    const second = t(`assess.reason.fragmented.${byOverlaps && byRedundant ? 'both' : byOverlaps ? 'overlaps' : 'redundant'}`, params);
    reasons.push(tw('assess.reason.fragmented', { ...params, second }));
  }
  if (decision.level === 'integrate') {
    // Only "no customer hub" with no tool holding customer data: that is the whole reason.
    const onlyNoHub = decision.rules.length === 1 && decision.rules[0] === 'no-customer-hub' && cdt === 0;
    reasons.push(onlyNoHub ? tw('assess.reason.integrate-no-hub') : tw('assess.reason.integrate', { rules: ruleNames(decision.rules) }));
  }
  if (decision.level === 'refocus') reasons.push(tw('assess.reason.refocus', { rules: ruleNames(decision.rules) }));
  if (decision.level === 'healthy') reasons.push(tw('assess.reason.healthy'));
  if (hubs > 0 && cdt > 0 && !decision.basis.includes('fragmented')) {
    // r2: at exactly the threshold the reason says the threshold is reached (and why no platform follows).
    const reached = siloed > 0 && decision.siloedShare >= th.siloedShare - 1e-9;
    reasons.push(tw(!siloed ? 'assess.reason.siloed-none' : reached ? 'assess.reason.siloed.reached' : 'assess.reason.siloed', {
      ...siloParams, overlaps: overlapDecisions, overlapThreshold: th.overlappingCapabilities,
      redundantShare: formatPercent(decision.redundantShare), redundantThreshold: formatPercent(th.redundantShare),
    }));
  }
  if (hubs === 0 && !decision.basis.includes('no-hub') && cdt > 0) {
    reasons.push(tw(cdt === 1 ? 'assess.reason.no-hub-small.one' : 'assess.reason.no-hub-small', { tools: cdt, threshold: th.noHubTools }));
  }
  if (hubs > 1 && disconnectedHubs) reasons.push(tw('assess.reason.split-hubs', { hubs: list(facts.hubs.map((h) => h.name)) }));
  if (coverage.dataTypes.total) {
    reasons.push(tw(coverage.dataTypes.missing.length ? 'assess.reason.coverage' : 'assess.reason.coverage-full', {
      share: formatPercent(coverage.dataTypes.share), reaching: coverage.dataTypes.reaching, total: coverage.dataTypes.total,
      missing: words.someOf(coverage.dataTypes.missing.map(words.dataType), 6),
    }));
  }
  if (redundantSpendMinor > 0) {
    reasons.push(twCount('assess.reason.redundant', redundant.length, { spend: money(redundantSpendMinor), share: formatPercent(decision.redundantShare), total: money(totalSpendMinor), tools: redundant.length }));
  }
  if (overlaps.length) {
    const caps = overlaps.map((f) => f.id.slice(f.id.indexOf(':') + 1)).sort();
    const params = { count: overlaps.length, decisions: overlapDecisions, capabilities: words.someOf(caps.map(words.capability), 6) };
    if (overlapDecisions === overlaps.length) reasons.push(twCount('assess.reason.overlaps', overlaps.length, params));
    else reasons.push(tw(overlaps.length === 1 ? 'assess.reason.overlaps.decisions.one' : 'assess.reason.overlaps.decisions', params));
  }
  if (manual.length) reasons.push(twCount('assess.reason.manual', manual.length, { count: manual.length }));
  const unknownCost = ws.tools.filter((x) => x.status !== 'retired' && x.annualCostMinor === undefined).length;
  if (completeness.missing.length) {
    reasons.push(twCount('assess.reason.completeness', completeness.missing.length, { share: formatPercent(completeness.share), tools: completeness.missing.length, questions: questions.length }));
  }
  if (unknownCost) reasons.push(twCount('assess.reason.unknown-cost', unknownCost, { count: unknownCost }));

  const metrics: AssessmentMetrics = {
    siloedShare: round(decision.siloedShare),
    redundantSpend: toMajor(redundantSpendMinor),
    redundantShare: round(decision.redundantShare),
    overlappingCapabilities: overlapDecisions,
    hubs,
    manualIntegrations: manual.length,
    customerDataTools: cdt,
    siloedTools: siloed,
    totalSpend: toMajor(totalSpendMinor),
    customerViewCoverage: round(coverage.dataTypes.share),
    touchpointDataCoverage: round(coverage.touchpointData.share),
    inventoryCompleteness: round(completeness.share),
  };
  const level = override?.level ?? decision.level;
  // The roadmap's size turns on the company's size when the stack is small and a new platform is
  // called for (a CRM adopted in weeks, or a pilot and then the migration): ask, never assume.
  const sizeAsked = ws.questions.some((q) => q.about === 'organization' && (!q.field || q.field === 'employees'));
  if (level === 'replatform' && ws.organization.employees === undefined && facts.activeTools.length <= SMALL_STACK && !sizeAsked) {
    questions.push({ about: 'organization', field: 'employees', text: t('question.employees', { organization: ws.organization.name }), source: 'inventory' });
  }
  return {
    level,
    ...(override ? { computedLevel: decision.level, override: { level: override.level, rationale: override.rationale } } : {}),
    score,
    metrics,
    reasons: reasons.map((r) => r.text),
    reasonMessages: reasons.map(({ messageId, data }) => ({ messageId, data })),
    meaning: t(`level.${level}.meaning`),
    decision: { basis: decision.basis, rules: decision.rules },
    scoreBreakdown: items,
    coverage: { ...coverage, dataTypes: { ...coverage.dataTypes, share: round(coverage.dataTypes.share) }, touchpointData: { ...coverage.touchpointData, share: round(coverage.touchpointData.share) }, stages: coverage.stages.map((s) => ({ ...s, share: s.share === null ? null : round(s.share) })) },
    completeness: { ...completeness, share: round(completeness.share) },
    questions,
    ...(customer ? { customer } : {}),
  };
}

/**
 * rules.md (r2): overlapping capabilities for the replatform test are counted as distinct decisions:
 * tools that overlap on several capabilities (two suites) count once, and media channels do not count.
 */
export function countOverlapDecisions(findings: readonly Finding[]): number {
  const sets = new Set<string>();
  for (const f of findings) {
    if (!isFindingOf(f, 'capability-overlap') || f.details.media) continue;
    sets.add([...f.details.tools].sort().join('+'));
  }
  return sets.size;
}

/** Rules whose findings are never folded into a refocus level (rules.md r2: a compliance problem now). */
const NEVER_REFOCUS = new Set(['consent-not-synced', 'restricted-data-flow']);

/**
 * rules.md (r2) "Precisions": a finding above `low` whose only subject is a tool that a
 * `redundant-tool` finding or a retiring status already drops is a refocus kind (phasing the tool
 * out answers it); consent and restricted-data findings are the exception.
 */
export function refocusFold(ws: Workspace, findings: readonly Finding[]): DecisionFinding[] {
  const dropped = new Set<string>(ws.tools.filter((x) => x.status === 'retiring').map((x) => x.id));
  for (const f of findings) if (isFindingOf(f, 'redundant-tool')) dropped.add(f.details.tool);
  // Per rule once, not per finding: whether its findings may be folded.
  const foldable = new Map<string, boolean>();
  return findings.map((f) => {
    let may = foldable.get(f.rule);
    if (may === undefined) foldable.set(f.rule, (may = !NEVER_REFOCUS.has(f.rule) && getRule(f.rule)?.meta.group === 'integrate'));
    if (!may) return f;
    const s = parseFindingId(f.id);
    return s.kind === 'tool' && s.ids.length === 1 && dropped.has(s.ids[0]) ? { rule: f.rule, severity: f.severity, group: 'refocus' as const } : f;
  });
}

/** "Data silo" -> "data silo" in languages with case (not for acronyms such as "CRM"). */
function lowerFirst(s: string, lang: Lang): string {
  return lang === 'en' && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}
