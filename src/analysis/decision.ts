// The level decision of the assessment (rules.md decision table): a pure function of a few
// figures, so that its boundaries are easy to test and to document. Which rules argue for
// `integrate` or `refocus` is each rule's `meta.group`.
import type { Settings } from '../model/model.js';
import { SEVERITY_RANK, type Level } from '../model/vocabulary.js';
import { getRule, rulesInGroup, type AssessGroup, type RuleId } from './rules/index.js';
import type { Finding } from './types.js';

/** Rules whose findings above `low` call for integration work (rules.md, level `integrate`): `meta.group` of each rule. */
export const INTEGRATE_RULES: readonly RuleId[] = rulesInGroup('integrate');
/** Rules whose findings call for refocusing only (redundancy, licences, orphans, retiring tools, sources of truth, coverage). */
export const REFOCUS_RULES: readonly RuleId[] = rulesInGroup('refocus');

/** A finding as the decision reads it; `group` overrides the rule's group (rules.md r2: the refocus fold). */
export type DecisionFinding = Pick<Finding, 'rule' | 'severity'> & { group?: AssessGroup };

export interface DecisionInput {
  findings: readonly DecisionFinding[];
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
  const groupOf = (f: DecisionFinding): AssessGroup | undefined => f.group ?? getRule(f.rule)?.meta.group;
  const rulesOf = (group: AssessGroup): RuleId[] => [...new Set(above.filter((f) => groupOf(f) === group).map((f) => f.rule))].sort();
  const fragmented = atLeast(input.siloedTools, input.customerDataTools, th.siloedShare)
    && (input.overlappingCapabilities >= th.overlappingCapabilities
      || atLeast(input.redundantSpendMinor, input.totalSpendMinor, th.redundantShare));
  const noHub = input.hubs === 0 && input.customerDataTools >= th.noHubTools;
  const base = { siloedShare, redundantShare };
  if (fragmented || noHub) {
    const basis: DecisionBasis[] = [];
    if (fragmented) basis.push('fragmented');
    if (noHub) basis.push('no-hub');
    return { level: 'replatform', basis, rules: rulesOf('integrate'), ...base };
  }
  const integrate = rulesOf('integrate');
  if (integrate.length) return { level: 'integrate', basis: ['integration-findings'], rules: integrate, ...base };
  const refocus = rulesOf('refocus');
  if (refocus.length || above.length) {
    return { level: 'refocus', basis: ['refocus-findings'], rules: refocus.length ? refocus : [...new Set(above.map((f) => f.rule))].sort(), ...base };
  }
  return { level: 'healthy', basis: ['nothing-above-low'], rules: [], ...base };
}

