// The rule registry: every finding rule of rules.md, one module each. Everything that needs to
// know the rules (their ids, the assessment's level groups, what a finding id's subject is, the
// meta-test) derives from this list. To add a rule: write src/analysis/rules/<id>.ts with
// createRule() (see rule.ts and CONTRIBUTING.md), add it to MODULES below, add fixtures under
// test/fixtures/rules/<id>/.
import { worded, type Lang, type Params } from '../../i18n/index.js';
import type { Workspace } from '../../model/model.js';
import { SEVERITY_RANK, type Severity } from '../../model/vocabulary.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../types.js';
import type { Words } from '../words.js';
import { compareIds } from './helpers.js';
import { COMPLIANCE_INITIATIVES, PLATFORM_INITIATIVES, SIZE_INITIATIVES, isDeclaredInitiative } from '../roadmap/ids.js';
import type { RuleCatalog } from '../../model/rule-catalog.js';
import { ruleCatalog } from './catalog-table.js';
import type { AssessGroup, DetailsOf, Rule, SubjectKind } from './rule.js';

import { rule as noCustomerHub } from './no-customer-hub.js';
import { rule as dataSilo } from './data-silo.js';
import { rule as isolatedCluster } from './isolated-cluster.js';
import { rule as trappedData } from './trapped-data.js';
import { rule as disconnectedHubs } from './disconnected-hubs.js';
import { rule as manualIntegration } from './manual-integration.js';
import { rule as realtimeGap } from './realtime-gap.js';
import { rule as inconsistentExperience } from './inconsistent-experience.js';
import { rule as capabilityOverlap } from './capability-overlap.js';
import { rule as redundantTool } from './redundant-tool.js';
import { rule as sourceOfTruthConflict } from './source-of-truth-conflict.js';
import { rule as noSourceOfTruth } from './no-source-of-truth.js';
import { rule as uncoveredTouchpoint } from './uncovered-touchpoint.js';
import { rule as emptyStage } from './empty-stage.js';
import { rule as unmeasuredTouchpoint } from './unmeasured-touchpoint.js';
import { rule as untappedTouchpoint } from './untapped-touchpoint.js';
import { rule as orphanTool } from './orphan-tool.js';
import { rule as underusedLicense } from './underused-license.js';
import { rule as retiredToolInUse } from './retired-tool-in-use.js';
import { rule as personaGap } from './persona-gap.js';
import { rule as consentNotSynced } from './consent-not-synced.js';
import { rule as restrictedDataFlow } from './restricted-data-flow.js';
import { rule as thirdPartyDependence } from './third-party-dependence.js';
import { rule as freshnessGap } from './freshness-gap.js';
import { rule as personalizationOpportunity } from './personalization-opportunity.js';
import { rule as blindPersonalization } from './blind-personalization.js';

export type { AssessGroup, DetailsOf, FindingDraft, Rule, RuleContext, RuleDocs, RuleMeta, SubjectKind } from './rule.js';
export { createRule } from './rule.js';

/** Every rule module, in the order of rules.md (the order `explain` lists them in). */
const MODULES = [
  noCustomerHub, dataSilo, isolatedCluster, trappedData, disconnectedHubs, manualIntegration, realtimeGap,
  inconsistentExperience, capabilityOverlap, redundantTool, sourceOfTruthConflict, noSourceOfTruth,
  uncoveredTouchpoint, emptyStage, unmeasuredTouchpoint, untappedTouchpoint, orphanTool, underusedLicense,
  retiredToolInUse,
  // rules.md "Rules of revision 2: the customer's side"
  personaGap, consentNotSynced, restrictedDataFlow, thirdPartyDependence, freshnessGap, personalizationOpportunity,
  blindPersonalization,
] as const;

type Module = (typeof MODULES)[number];
/** A public rule id. */
export type RuleId = Module['id'];

/** The public rule ids, in the order of rules.md. */
export const RULE_IDS: readonly RuleId[] = Object.freeze(MODULES.map((r) => r.id));

/** Every rule by id. */
export const RULES: Readonly<{ [K in RuleId]: Extract<Module, { id: K }> }> = Object.freeze(
  Object.fromEntries(MODULES.map((r) => [r.id, r])) as { [K in RuleId]: Extract<Module, { id: K }> },
);

/** What each rule's findings carry in `details`, by rule id. */
export type RuleDetails = { [K in RuleId]: DetailsOf<(typeof RULES)[K]> };

/** A finding of one rule, with its typed details. */
export type FindingOf<R extends RuleId> = Finding & { rule: R; details: RuleDetails[R] };

/** Narrows a finding to one rule (typed `details`), e.g. `if (isFindingOf(f, 'redundant-tool')) f.details.keep`. */
export function isFindingOf<R extends RuleId>(f: Finding, rule: R): f is FindingOf<R> {
  return f.rule === rule && f.details !== undefined;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A rule's short name in a language ("Data silo"); the id for an unknown rule. */
export function ruleTitle(id: string, lang: Lang): string {
  return getRule(id)?.docsIn(lang).title ?? id;
}

export function getRule(id: string): Rule | undefined {
  return isRuleId(id) ? (RULES[id] as Rule) : undefined;
}

/** The rules that count towards a level group of the assessment, in registry order. */
export function rulesInGroup(group: AssessGroup): RuleId[] {
  return MODULES.filter((r) => r.meta.group === group).map((r) => r.id);
}

/** The rules whose findings count in the "hygiene" aspect of the score. */
export const HYGIENE_RULES: readonly RuleId[] = Object.freeze(MODULES.filter((r) => 'hygiene' in r.meta && r.meta.hygiene).map((r) => r.id));

/** The rules whose finding subject is of a kind (e.g. every rule about one tool). */
export function rulesWithSubject(kind: SubjectKind): RuleId[] {
  return MODULES.filter((r) => r.meta.subject === kind).map((r) => r.id);
}

/** Every initiative id the roadmap may generate: what the rules' plans declare, and the roadmap's own steps (roadmap/ids.ts). */
export const GENERATED_INITIATIVES: readonly string[] = Object.freeze([...new Set([
  ...MODULES.flatMap((r) => ('plan' in r && r.plan ? r.plan.initiatives : [])),
  ...PLATFORM_INITIATIVES, ...COMPLIANCE_INITIATIVES, ...SIZE_INITIATIVES,
])].sort(compareIds));

/** Whether an id is one the roadmap generates for some workspace (`retire-mailchimp`, `replatform`). */
export function isGeneratedInitiativeId(id: string): boolean {
  return isDeclaredInitiative(id, GENERATED_INITIATIVES);
}

/** Each rule's subject kind, in registry order (the loader's table). */
export const RULE_SUBJECTS: Readonly<Record<RuleId, SubjectKind>> = Object.freeze(
  Object.fromEntries(MODULES.map((r) => [r.id, r.meta.subject])) as Record<RuleId, SubjectKind>,
);

/**
 * The rules as the loader needs them (src/model/rule-catalog.ts): ids, subject kinds, generated
 * initiative ids. `validate` reads the same table from catalog.ts without loading the rule modules.
 */
export const RULE_CATALOG: RuleCatalog = ruleCatalog(RULE_SUBJECTS, GENERATED_INITIATIVES);

/** The parts of a finding id: `data-silo:intercom` -> { rule, kind: 'tool', ids: ['intercom'] }. */
export interface FindingSubject { rule: string; subject: string; kind?: SubjectKind; ids: string[] }

export function parseFindingId(id: string): FindingSubject {
  const i = id.indexOf(':');
  const rule = i < 0 ? id : id.slice(0, i);
  const subject = i < 0 ? '' : id.slice(i + 1);
  const kind = isRuleId(rule) ? RULES[rule].meta.subject : undefined;
  const ids = !subject ? [] : kind === 'tools' || kind === 'persona-stage' ? subject.split('+') : [subject];
  return { rule, subject, ...(kind ? { kind } : {}), ids };
}

/** The severity and threshold a rule runs with in this workspace; undefined severity = off. */
export function effectiveRuleConfig(ws: Workspace, rule: Rule): { severity?: Severity; threshold?: number } {
  const cfg = ws.settings.rules[rule.id];
  if (cfg?.severity === 'off') return {};
  return { severity: cfg?.severity ?? rule.defaultSeverity, threshold: cfg?.threshold ?? rule.defaultThreshold };
}

/** Critical first, then by rule id, then by finding id (code-point order: stable in every locale). */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareIds(a.rule, b.rule) || compareIds(a.id, b.id);
}

export interface RunRulesOptions {
  /** Run only these rules (e.g. `explain`); default all. settings.rules still applies. */
  only?: readonly RuleId[];
}

/** Runs every enabled rule once over the shared facts and returns the sorted findings, worded in the language of `words`. */
export function runRules(ws: Workspace, facts: Facts, words: Words, opts: RunRulesOptions = {}): Finding[] {
  const { lang, tr } = words;
  // All findings of a rule share its severity: sort each rule's findings by id, then order the
  // rules by severity and id (the same order as compareFindings, without comparing every pair).
  const groups: { rule: RuleId; severity: Severity; findings: Finding[] }[] = [];
  for (const id of opts.only ?? RULE_IDS) {
    const rule = RULES[id] as Rule;
    const { severity, threshold } = effectiveRuleConfig(ws, rule);
    if (!severity) continue;
    const seen = new Set<string>();
    const out: Finding[] = [];
    // Each message key's id and template, looked up once per run (tens of thousands of findings use a few keys).
    const keys = new Map<string, { messageId: string; template: string }>();
    const msg = (key: string, params?: Params) => {
      let k = keys.get(key);
      if (!k) {
        const messageId = `rules.${id}.${key}`;
        keys.set(key, (k = { messageId, template: rule.template(key, lang) ?? messageId }));
      }
      return worded(k.messageId, k.template, params, lang);
    };
    for (const d of rule.check({ ws, facts, severity, threshold, lang, msg, words, tr })) {
      const fid = `${rule.id}:${d.subject}`;
      if (seen.has(fid)) throw new Error(`rule ${rule.id} produced the finding id ${fid} twice`);
      seen.add(fid);
      // Same key order in every finding (JSON output); absent optional fields are left out.
      const f = {
        id: fid, rule: id, severity, message: d.message.text, messageId: d.message.messageId, data: d.message.data, entities: d.entities,
      } as Finding;
      if (d.location !== undefined) f.location = d.location;
      if (d.cost !== undefined) f.cost = d.cost;
      f.recommendation = d.recommendation.text;
      if (d.details !== undefined) f.details = d.details as Finding['details'];
      out.push(f);
    }
    out.sort((a, b) => compareIds(a.id, b.id));
    groups.push({ rule: id, severity, findings: out });
  }
  groups.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareIds(a.rule, b.rule));
  return groups.flatMap((g) => g.findings);
}
