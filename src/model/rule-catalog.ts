// What the loader needs to know about the finding rules to check references to them
// (settings.rules, strategy `addresses`): their ids and what their finding subjects are. The
// analysis provides it (RULE_CATALOG in src/analysis/rules/index.ts, derived from the rule
// modules) and the application layer hands it to the loader, so that the loader does not
// depend on the analysis.
export interface RuleCatalog {
  /** Every rule id. */
  readonly ids: readonly string[];
  /** The kind of the subject part of the rule's finding ids ('tool', 'touchpoint', ...); undefined for an unknown rule. */
  subjectOf(rule: string): string | undefined;
  /** Whether an id is one the roadmap generates, so that an authored initiative may depend on it. */
  isGeneratedInitiative(id: string): boolean;
}
