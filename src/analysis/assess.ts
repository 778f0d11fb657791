// Audit step 4: the overall assessment (rules.md "Assessment"). One of four levels from the
// decision rules, a health score that explains itself, the figures behind the decision,
// customer-view coverage, inventory completeness and the open questions for the next interview.
//
// The decision is a pure function of a few figures (`decideLevel`) so that its boundaries are easy
// to test and to document. Figures that correspond to a judgement a consultant can switch off in
// `settings.rules` (redundancy, overlaps, manual links) are counted from the findings, so that the
// report and the figures agree; the siloed share is measured on the data flow itself, because
// without a hub no per-tool silo findings are raised.
import { currentLang, dataTypeName, list, t, tCount } from '../i18n/index.js';
import { formatMoney as formatMoneyIn, formatNumber as formatNumberIn, formatPercent as formatPercentIn } from '../i18n/format.js';
import { capabilityName } from '../catalog/index.js';
import { SEVERITY_RANK, type Level, type Severity } from '../model/vocabulary.js';
import type { Settings, Tool, Workspace } from '../model/model.js';
import type { Facts } from './facts.js';
import type { Assessment, AssessmentMetrics, Finding } from './types.js';
import { HYGIENE_RULES, ruleTitle, rulesInGroup, type RuleId } from './rules/index.js';
import { someOf } from './words.js';

export { someOf };

// ---- words ----------------------------------------------------------------------------------
// Money, percentages and plurals are formatted in src/i18n/format.ts; these keep the old names
// (current language) for the code that still reads the process language.

import { toMajor, toMinor } from './money.js';

export { toMajor, toMinor, tCount };

export function formatMoney(minor: number, currency: string, lang: string = currentLang()): string {
  return formatMoneyIn(minor, currency, lang);
}

export function formatPercent(share: number, lang: string = currentLang()): string {
  return formatPercentIn(share, lang);
}

export function formatNumber(n: number, lang: string = currentLang()): string {
  return formatNumberIn(n, lang);
}

// ---- the decision ---------------------------------------------------------------------------

/** Rules whose findings above `low` call for integration work (rules.md, level `integrate`): `meta.group` of each rule. */
export const INTEGRATE_RULES: readonly RuleId[] = rulesInGroup('integrate');
/** Rules whose findings call for refocusing only (redundancy, licences, orphans, retiring tools, sources of truth, coverage). */
export const REFOCUS_RULES: readonly RuleId[] = rulesInGroup('refocus');

export interface DecisionInput {
  findings: readonly Pick<Finding, 'rule' | 'severity'>[];
  customerDataTools: number;
  siloedTools: number;
  overlappingCapabilities: number;
  /** Redundant spend and total spend, in minor units. */
  redundantSpendMinor: number;
  totalSpendMinor: number;
  hubs: number;
}

export type DecisionBasis =
  | 'fragmented' // siloed share and (overlaps or redundant spend) reach the thresholds
  | 'no-hub'     // no hub and enough customer-data tools
  | 'integration-findings'
  | 'refocus-findings'
  | 'nothing-above-low';

export interface Decision {
  level: Level;
  basis: DecisionBasis[];
  siloedShare: number;
  redundantShare: number;
  /** Rules (above low) that drove the integrate / refocus decision, sorted. */
  rules: RuleId[];
}

const atLeast = (num: number, den: number, threshold: number): boolean => den > 0 && num >= threshold * den - 1e-9;

/** rules.md decision table; thresholds from settings.thresholds. */
export function decideLevel(input: DecisionInput, th: Settings['thresholds']): Decision {
  const siloedShare = input.customerDataTools ? input.siloedTools / input.customerDataTools : 0;
  const redundantShare = input.totalSpendMinor > 0 ? input.redundantSpendMinor / input.totalSpendMinor : 0;
  const above = input.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.low);
  const rulesOf = (set: readonly RuleId[]) => [...new Set(above.filter((f) => set.includes(f.rule)).map((f) => f.rule))].sort();
  const fragmented = atLeast(input.siloedTools, input.customerDataTools, th.siloedShare)
    && (input.overlappingCapabilities >= th.overlappingCapabilities
      || atLeast(input.redundantSpendMinor, input.totalSpendMinor, th.redundantShare));
  const noHub = input.hubs === 0 && input.customerDataTools >= th.noHubTools;
  const base = { siloedShare, redundantShare };
  if (fragmented || noHub) {
    const basis: DecisionBasis[] = [];
    if (fragmented) basis.push('fragmented');
    if (noHub) basis.push('no-hub');
    return { level: 'replatform', basis, rules: rulesOf(INTEGRATE_RULES), ...base };
  }
  const integrate = rulesOf(INTEGRATE_RULES);
  if (integrate.length) return { level: 'integrate', basis: ['integration-findings'], rules: integrate, ...base };
  const refocus = rulesOf(REFOCUS_RULES);
  if (refocus.length || above.length) {
    return { level: 'refocus', basis: ['refocus-findings'], rules: refocus.length ? refocus : [...new Set(above.map((f) => f.rule))].sort(), ...base };
  }
  return { level: 'healthy', basis: ['nothing-above-low'], rules: [], ...base };
}

// ---- coverage and completeness --------------------------------------------------------------

export interface StageCoverage {
  stage: string;
  name: string;
  /** In-scope touchpoints in the stage. */
  touchpoints: number;
  /** Captured (touchpoint, data type) pairs and how many reach a hub. */
  captured: number;
  reaching: number;
  /** null when nothing is captured in the stage. */
  share: number | null;
  /** Data types captured here that reach no hub, sorted. */
  missing: string[];
}

export interface Coverage {
  /** Customer data types held by customer-data tools. */
  dataTypes: { total: number; reaching: number; share: number; missing: string[] };
  /** What in-scope touchpoints capture: (touchpoint, data type) pairs. */
  touchpointData: { total: number; reaching: number; share: number };
  stages: StageCoverage[];
}

export const COMPLETENESS_FIELDS = ['owner', 'cost', 'seats', 'data'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface Completeness {
  share: number;
  /** Tools looked at (active and pilot) and how many have every expected fact. */
  tools: number;
  complete: number;
  /** Per field: how many tools are expected to have it and how many do. */
  fields: Record<CompletenessField, { expected: number; filled: number }>;
  missing: { tool: string; fields: CompletenessField[] }[];
}

export interface OpenQuestion {
  about: string;
  field?: string;
  text: string;
  ask?: string;
  source: 'workspace' | 'inventory';
}

/** A captured data type at a touchpoint reaches a hub when one of the touchpoint's tools holds it and it reaches a hub from there. */
function touchpointDataReaches(ws: Workspace, facts: Facts, tools: readonly string[], d: string): boolean {
  for (const id of tools) {
    const tool = ws.index.toolById.get(id);
    if (!tool || tool.status === 'retired') continue;
    if (facts.isHub(id) || (tool.data.includes(d) && facts.reachesHub(id, d))) return true;
  }
  return false;
}

export function computeCoverage(ws: Workspace, facts: Facts): Coverage {
  const held = new Map<string, boolean>();
  for (const tool of facts.customerDataTools) {
    for (const d of tool.data) {
      if (held.get(d)) continue;
      held.set(d, facts.reachesHub(tool.id, d));
    }
  }
  const missingTypes = [...held].filter(([, r]) => !r).map(([d]) => d).sort();
  const stages: StageCoverage[] = [];
  let total = 0;
  let reaching = 0;
  for (const stage of ws.stages) {
    const tps = (ws.index.touchpointsByStage.get(stage.id) ?? []).filter((tp) => tp.inScope);
    let c = 0;
    let r = 0;
    const missing = new Set<string>();
    for (const tp of tps) {
      for (const d of new Set(tp.captures)) {
        c++;
        if (touchpointDataReaches(ws, facts, tp.tools, d)) r++;
        else missing.add(d);
      }
    }
    total += c;
    reaching += r;
    stages.push({ stage: stage.id, name: stage.name, touchpoints: tps.length, captured: c, reaching: r, share: c ? r / c : null, missing: [...missing].sort() });
  }
  return {
    dataTypes: { total: held.size, reaching: held.size - missingTypes.length, share: held.size ? (held.size - missingTypes.length) / held.size : 0, missing: missingTypes },
    touchpointData: { total, reaching, share: total ? reaching / total : 0 },
    stages,
  };
}

/**
 * Which facts a tool should have: owner and cost always; its data when it serves a touchpoint
 * that captures customer data (`data: []` is a legitimate answer for a tag manager); seat counts
 * when licences are a material cost (at least 2% of the known spend) or were half given, so that
 * the next interview is not flooded with seat questions about a €99 tool.
 */
export const MATERIAL_SHARE = 0.02;

function expectedMissing(tool: Tool, servesCapture: boolean, totalSpendMinor: number): { expected: CompletenessField[]; missing: CompletenessField[] } {
  const expected: CompletenessField[] = ['owner', 'cost'];
  const missing: CompletenessField[] = [];
  if (!tool.owner) missing.push('owner');
  if (tool.annualCostMinor === undefined) missing.push('cost');
  const material = (tool.annualCostMinor ?? 0) > 0 && (tool.annualCostMinor ?? 0) >= MATERIAL_SHARE * totalSpendMinor;
  const partial = tool.seats !== undefined;
  if (material || partial) {
    expected.push('seats');
    if (tool.seats?.licensed === undefined || tool.seats?.active === undefined) missing.push('seats');
  }
  if (servesCapture) {
    expected.push('data');
    if (!tool.data.length) missing.push('data');
  }
  return { expected, missing };
}

/** Completeness of the inventory of tools in use (active and pilot). */
export function computeCompleteness(ws: Workspace): Completeness {
  const fields = Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, { expected: 0, filled: 0 }])) as Completeness['fields'];
  const missingList: Completeness['missing'] = [];
  const inUse = ws.tools.filter((x) => x.status === 'active' || x.status === 'pilot');
  const spend = inUse.reduce((s, x) => s + (x.annualCostMinor ?? 0), 0);
  let complete = 0;
  let cells = 0;
  let filled = 0;
  for (const tool of inUse) {
    const serves = (ws.index.touchpointsByTool.get(tool.id) ?? []).some((tp) => tp.captures.length > 0);
    const { expected, missing } = expectedMissing(tool, serves, spend);
    for (const f of expected) {
      fields[f].expected++;
      cells++;
      if (!missing.includes(f)) {
        fields[f].filled++;
        filled++;
      }
    }
    if (missing.length) missingList.push({ tool: tool.id, fields: missing });
    else complete++;
  }
  // No tool in use: nothing is known, so nothing is complete (not "100%" of nothing).
  return { share: cells ? filled / cells : 0, tools: inUse.length, complete, fields, missing: missingList };
}

/** The workspace's own questions first, then one per tool for the facts still missing. */
export function openQuestions(ws: Workspace, completeness: Completeness): OpenQuestion[] {
  const out: OpenQuestion[] = ws.questions.map((q) => ({
    about: q.about, ...(q.field ? { field: q.field } : {}), text: q.text, ...(q.ask ? { ask: q.ask } : {}), source: 'workspace' as const,
  }));
  const asked = new Set(ws.questions.map((q) => `${q.about}|${q.field ?? ''}`));
  const askedWhole = new Set(ws.questions.filter((q) => !q.field).map((q) => q.about));
  for (const m of completeness.missing) {
    const about = `tool:${m.tool}`;
    if (askedWhole.has(about)) continue;
    const tool = ws.index.toolById.get(m.tool)!;
    for (const f of m.fields.filter((x) => !asked.has(`${about}|${x}`))) {
      out.push({
        about, field: f, text: t(`question.${f}`, { tool: tool.name }),
        ...(f !== 'owner' && tool.owner ? { ask: tool.owner } : {}), source: 'inventory',
      });
    }
  }
  return out;
}

// ---- the score ------------------------------------------------------------------------------

export interface ScoreItem { key: string; reason: string; points: number }

/** Each aspect moves the score from a neutral 50 by up to ± its weight (weights add up to 50). */
export const SCORE_WEIGHTS = {
  connectivity: 12, hubs: 4, coverage: 10, touchpoints: 6, spend: 6, overlaps: 4, manual: 4, hygiene: 4,
} as const;

// ---- assess ---------------------------------------------------------------------------------

export interface AssessExtras {
  meaning: string;
  decision: { basis: DecisionBasis[]; rules: RuleId[] };
  scoreBreakdown: ScoreItem[];
  coverage: Coverage;
  completeness: Completeness;
  questions: OpenQuestion[];
}

export type FullAssessment = Assessment & AssessExtras;

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function assess(ws: Workspace, facts: Facts, findings: readonly Finding[]): FullAssessment {
  const th = ws.settings.thresholds;
  const currency = ws.organization.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const byRule = (rule: RuleId) => findings.filter((f) => f.rule === rule);

  const totalSpendMinor = ws.tools.reduce((s, x) => s + (x.status === 'retired' ? 0 : x.annualCostMinor ?? 0), 0);
  const redundant = byRule('redundant-tool');
  const redundantSpendMinor = redundant.reduce((s, f) => s + (f.cost !== undefined ? toMinor(f.cost) : 0), 0);
  const overlaps = byRule('capability-overlap');
  const manual = byRule('manual-integration');
  const hubs = facts.hubs.length;
  const cdt = facts.customerDataTools.length;
  const siloed = facts.siloedTools.length;

  const decision = decideLevel({
    findings, customerDataTools: cdt, siloedTools: siloed, overlappingCapabilities: overlaps.length,
    redundantSpendMinor, totalSpendMinor, hubs,
  }, th);
  const coverage = computeCoverage(ws, facts);
  const completeness = computeCompleteness(ws);
  const questions = openQuestions(ws, completeness);

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
  const cdtIn = (comp: (typeof hubComponents)[number]) => facts.customerDataTools.filter((x) => facts.componentOf(x.id) === comp).length;
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
    const flagged = new Set(findings.filter((f) => HYGIENE_RULES.includes(f.rule)).flatMap((f) => f.entities.filter((e) => e.kind === 'tool').map((e) => e.id)));
    add('hygiene', 1 - Math.min(1, flagged.size / facts.activeTools.length), { flagged: flagged.size, total: facts.activeTools.length }, flagged.size ? '' : '.none');
  }
  const score = Math.max(0, Math.min(100, 50 + items.reduce((s, x) => s + x.points, 0)));
  items.sort((a, b) => b.points - a.points || a.key.localeCompare(b.key));

  // ---- reasons in words ---------------------------------------------------------------------
  const reasons: string[] = [];
  const override = ws.settings.assessment;
  if (override && override.level !== decision.level) {
    reasons.push(t('assess.reason.override', { level: t(`level.${override.level}`), computed: t(`level.${decision.level}`), rationale: override.rationale }));
  } else if (override) {
    reasons.push(t('assess.reason.override-same', { level: t(`level.${override.level}`), rationale: override.rationale }));
  }
  // An empty (or half-begun) inventory: say so plainly and what to do, instead of figures of nothing.
  const noTools = ws.tools.length === 0;
  const noTouchpoints = ws.touchpoints.length === 0;
  if (noTools || noTouchpoints) {
    reasons.push(t(noTools && noTouchpoints ? 'assess.reason.empty' : noTools ? 'assess.reason.empty-tools' : 'assess.reason.empty-touchpoints'));
  }
  const ruleNames = (rules: readonly RuleId[]) => list(rules.map((r) => lowerFirst(ruleTitle(r))));
  const siloParams = { siloed, total: cdt, share: formatPercent(decision.siloedShare), threshold: formatPercent(th.siloedShare) };
  if (decision.basis.includes('no-hub')) reasons.push(t('assess.reason.no-hub', { tools: cdt, threshold: th.noHubTools }));
  if (decision.basis.includes('fragmented')) {
    reasons.push(t('assess.reason.fragmented', {
      ...siloParams, overlaps: overlaps.length, overlapThreshold: th.overlappingCapabilities,
      redundantShare: formatPercent(decision.redundantShare), redundantThreshold: formatPercent(th.redundantShare),
    }));
  }
  if (decision.level === 'integrate') {
    // Only "no customer hub" with no tool holding customer data: that is the whole reason.
    const onlyNoHub = decision.rules.length === 1 && decision.rules[0] === 'no-customer-hub' && cdt === 0;
    reasons.push(onlyNoHub ? t('assess.reason.integrate-no-hub') : t('assess.reason.integrate', { rules: ruleNames(decision.rules) }));
  }
  if (decision.level === 'refocus') reasons.push(t('assess.reason.refocus', { rules: ruleNames(decision.rules) }));
  if (decision.level === 'healthy') reasons.push(t('assess.reason.healthy'));
  if (hubs > 0 && cdt > 0 && !decision.basis.includes('fragmented')) {
    reasons.push(t(siloed ? 'assess.reason.siloed' : 'assess.reason.siloed-none', siloParams));
  }
  if (hubs === 0 && !decision.basis.includes('no-hub') && cdt > 0) {
    reasons.push(t(cdt === 1 ? 'assess.reason.no-hub-small.one' : 'assess.reason.no-hub-small', { tools: cdt, threshold: th.noHubTools }));
  }
  if (hubs > 1 && disconnectedHubs) reasons.push(t('assess.reason.split-hubs', { hubs: list(facts.hubs.map((h) => h.name)) }));
  if (coverage.dataTypes.total) {
    reasons.push(t(coverage.dataTypes.missing.length ? 'assess.reason.coverage' : 'assess.reason.coverage-full', {
      share: formatPercent(coverage.dataTypes.share), reaching: coverage.dataTypes.reaching, total: coverage.dataTypes.total,
      missing: someOf(coverage.dataTypes.missing.map(dataTypeName), 6),
    }));
  }
  if (redundantSpendMinor > 0) {
    reasons.push(tCount('assess.reason.redundant', redundant.length, { spend: money(redundantSpendMinor), share: formatPercent(decision.redundantShare), total: money(totalSpendMinor), tools: redundant.length }));
  }
  if (overlaps.length) {
    const caps = overlaps.map((f) => f.id.slice(f.id.indexOf(':') + 1)).sort();
    reasons.push(t('assess.reason.overlaps', { count: overlaps.length, capabilities: someOf(caps.map(capabilityName), 6) }));
  }
  if (manual.length) reasons.push(tCount('assess.reason.manual', manual.length, { count: manual.length }));
  const unknownCost = ws.tools.filter((x) => x.status !== 'retired' && x.annualCostMinor === undefined).length;
  if (completeness.missing.length) {
    reasons.push(tCount('assess.reason.completeness', completeness.missing.length, { share: formatPercent(completeness.share), tools: completeness.missing.length, questions: questions.length }));
  }
  if (unknownCost) reasons.push(tCount('assess.reason.unknown-cost', unknownCost, { count: unknownCost }));

  const metrics: AssessmentMetrics = {
    siloedShare: round(decision.siloedShare),
    redundantSpend: toMajor(redundantSpendMinor),
    redundantShare: round(decision.redundantShare),
    overlappingCapabilities: overlaps.length,
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
  return {
    level,
    ...(override ? { computedLevel: decision.level, override: { level: override.level, rationale: override.rationale } } : {}),
    score,
    metrics,
    reasons,
    meaning: t(`level.${level}.meaning`),
    decision: { basis: decision.basis, rules: decision.rules },
    scoreBreakdown: items,
    coverage: { ...coverage, dataTypes: { ...coverage.dataTypes, share: round(coverage.dataTypes.share) }, touchpointData: { ...coverage.touchpointData, share: round(coverage.touchpointData.share) }, stages: coverage.stages.map((s) => ({ ...s, share: s.share === null ? null : round(s.share) })) },
    completeness: { ...completeness, share: round(completeness.share) },
    questions,
  };
}

/** "Data silo" -> "data silo" in languages with case (not for acronyms such as "CRM"). */
function lowerFirst(s: string): string {
  return currentLang() === 'en' && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}
