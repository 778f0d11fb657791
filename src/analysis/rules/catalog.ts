// The rule catalog the loader needs (src/model/rule-catalog.ts): every rule id with the kind of
// its finding subject, in the order of rules.md. It is a table of its own, not derived from the
// rule modules, so that `validate` checks settings.rules and `addresses` without loading the
// analysis (issue 18: the rule modules were a fifth of validate's start-up). The registry
// (index.ts) re-exports it; test/rules/catalog.test.ts keeps it equal to the rules' own meta.
import type { RuleCatalog } from '../../model/rule-catalog.js';
import { isGeneratedInitiativeId } from '../roadmap/ids.js';

/** Rule id -> the kind of its finding subject (Rule.meta.subject), in the order of rules.md. */
export const RULE_SUBJECTS: Readonly<Record<string, string>> = Object.freeze({
  'no-customer-hub': 'workspace',
  'data-silo': 'tool',
  'isolated-cluster': 'tools',
  'trapped-data': 'tool',
  'disconnected-hubs': 'tools',
  'manual-integration': 'tools',
  'realtime-gap': 'touchpoint',
  'inconsistent-experience': 'touchpoint',
  'capability-overlap': 'capability',
  'redundant-tool': 'tool',
  'source-of-truth-conflict': 'data',
  'no-source-of-truth': 'data',
  'uncovered-touchpoint': 'touchpoint',
  'empty-stage': 'stage',
  'unmeasured-touchpoint': 'touchpoint',
  'untapped-touchpoint': 'touchpoint',
  'orphan-tool': 'tool',
  'underused-license': 'tool',
  'retired-tool-in-use': 'tool',
  'persona-gap': 'persona-stage',
  'consent-not-synced': 'tool',
  'restricted-data-flow': 'tools',
  'third-party-dependence': 'touchpoint',
  'freshness-gap': 'touchpoint',
  'personalization-opportunity': 'touchpoint',
  'blind-personalization': 'touchpoint',
});

/** The rules as the loader needs them: ids and subject kinds. */
export const RULE_CATALOG: RuleCatalog = Object.freeze({
  ids: Object.freeze(Object.keys(RULE_SUBJECTS)),
  subjectOf: (rule: string) => (Object.hasOwn(RULE_SUBJECTS, rule) ? RULE_SUBJECTS[rule] : undefined),
  isGeneratedInitiative: isGeneratedInitiativeId,
});
