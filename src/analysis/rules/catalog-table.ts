// The loader's rule catalog (src/model/rule-catalog.ts) made from two tables: each rule's subject
// kind, and the initiative ids the roadmap may generate. Both derive from the rule modules
// (rules/index.ts RULE_SUBJECTS, GENERATED_INITIATIVES); this file imports none of them, so that
// the table catalog.ts holds in the bundle costs `validate` nothing to load.
import type { RuleCatalog } from '../../model/rule-catalog.js';
import { isDeclaredInitiative } from '../roadmap/ids.js';

export function ruleCatalog(subjects: Readonly<Record<string, string>>, initiatives: readonly string[]): RuleCatalog {
  return Object.freeze({
    ids: Object.freeze(Object.keys(subjects)),
    subjectOf: (rule: string) => (Object.hasOwn(subjects, rule) ? subjects[rule] : undefined),
    isGeneratedInitiative: (id: string) => isDeclaredInitiative(id, initiatives),
  });
}
