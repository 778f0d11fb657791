// The rule catalog the loader needs (src/model/rule-catalog.ts): every rule id with the kind of its
// finding subject, and the initiative ids the roadmap may generate, all derived from the rule
// modules (rules/index.ts). `validate` must not pay for loading the rule modules (issue 18: they
// were a fifth of its start-up), so the build (scripts/build.mjs, `ruleCatalogTable`) replaces this
// module in the bundle by the tables it computes from the same modules at build time: nothing is
// written twice by hand, and a rule still lives in its one module.
export { GENERATED_INITIATIVES, RULE_CATALOG, RULE_SUBJECTS } from './index.js';
