// The rule registry: every finding rule of rules.md, by id, and runRules() which applies
// settings.rules (off / severity / threshold) and sorts the findings (severity, rule, id).
import { t } from '../../i18n/index.js';
import type { Workspace } from '../../model/model.js';
import { SEVERITY_RANK, type Severity } from '../../workspace/vocabulary.js';
import { computeFacts, type Facts } from '../facts.js';
import { RULE_IDS, type RuleId } from '../rule-ids.js';
import type { Finding } from '../types.js';
import { compareIds } from './helpers.js';
import type { Rule } from './types.js';

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

export type { Rule, RuleContext, RuleDocs, FindingDraft } from './types.js';

/** Every rule by id, in the order of rule-ids.ts. */
export const RULES: Readonly<Record<RuleId, Rule>> = Object.freeze({
  'no-customer-hub': noCustomerHub,
  'data-silo': dataSilo,
  'isolated-cluster': isolatedCluster,
  'trapped-data': trappedData,
  'disconnected-hubs': disconnectedHubs,
  'manual-integration': manualIntegration,
  'realtime-gap': realtimeGap,
  'inconsistent-experience': inconsistentExperience,
  'capability-overlap': capabilityOverlap,
  'redundant-tool': redundantTool,
  'source-of-truth-conflict': sourceOfTruthConflict,
  'no-source-of-truth': noSourceOfTruth,
  'uncovered-touchpoint': uncoveredTouchpoint,
  'empty-stage': emptyStage,
  'unmeasured-touchpoint': unmeasuredTouchpoint,
  'untapped-touchpoint': untappedTouchpoint,
  'orphan-tool': orphanTool,
  'underused-license': underusedLicense,
  'retired-tool-in-use': retiredToolInUse,
});

export function getRule(id: string): Rule | undefined {
  return (RULE_IDS as readonly string[]).includes(id) ? RULES[id as RuleId] : undefined;
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

/** Runs every enabled rule once over the shared facts and returns the sorted findings. */
export function runRules(ws: Workspace, facts: Facts = computeFacts(ws), opts: RunRulesOptions = {}): Finding[] {
  // All findings of a rule share its severity: sort each rule's findings by id, then order the
  // rules by severity and id (the same order as compareFindings, without comparing every pair).
  const groups: { rule: RuleId; severity: Severity; findings: Finding[] }[] = [];
  for (const id of opts.only ?? RULE_IDS) {
    const rule = RULES[id];
    const { severity, threshold } = effectiveRuleConfig(ws, rule);
    if (!severity) continue;
    const seen = new Set<string>();
    const out: Finding[] = [];
    for (const d of rule.check({ ws, facts, severity, threshold, t })) {
      const fid = `${rule.id}:${d.subject}`;
      if (seen.has(fid)) throw new Error(`rule ${rule.id} produced the finding id ${fid} twice`);
      seen.add(fid);
      // Same key order in every finding (JSON output); absent optional fields are left out.
      const f = { id: fid, rule: rule.id, severity, message: d.message, entities: d.entities } as Finding;
      if (d.location !== undefined) f.location = d.location;
      if (d.cost !== undefined) f.cost = d.cost;
      f.recommendation = d.recommendation;
      if (d.details !== undefined) f.details = d.details;
      out.push(f);
    }
    out.sort((a, b) => compareIds(a.id, b.id));
    groups.push({ rule: rule.id, severity, findings: out });
  }
  groups.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareIds(a.rule, b.rule));
  return groups.flatMap((g) => g.findings);
}
