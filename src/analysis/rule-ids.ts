// The public rule ids (rules.md). The loader checks settings.rules and strategy `addresses`
// against this list; the rule registry (rules/index.ts) must implement exactly these.
export const RULE_IDS = [
  'no-customer-hub',
  'data-silo',
  'isolated-cluster',
  'trapped-data',
  'disconnected-hubs',
  'manual-integration',
  'realtime-gap',
  'inconsistent-experience',
  'capability-overlap',
  'redundant-tool',
  'source-of-truth-conflict',
  'no-source-of-truth',
  'uncovered-touchpoint',
  'empty-stage',
  'unmeasured-touchpoint',
  'untapped-touchpoint',
  'orphan-tool',
  'underused-license',
  'retired-tool-in-use',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Rules whose finding subject is a tool id (used to check `addresses` references). */
export const TOOL_SUBJECT_RULES: readonly string[] = [
  'data-silo', 'trapped-data', 'redundant-tool', 'orphan-tool', 'underused-license', 'retired-tool-in-use',
];
export const TOUCHPOINT_SUBJECT_RULES: readonly string[] = [
  'realtime-gap', 'inconsistent-experience', 'uncovered-touchpoint', 'unmeasured-touchpoint', 'untapped-touchpoint',
];
