// The package entry (`import ... from 'martech-audit'`): the library API (src/api.ts) and the
// building blocks beneath it: the loader, the schema of the format, the analysis and the schema
// of its JSON document (`analyze --format json`), and the types of all of them.
export * from './api.js';
export { loadWorkspace, loadFromSources, loadFromText, type LoadResult } from './workspace/load.js';
export { WorkspaceFile } from './workspace/schema.js';
export { workspaceJsonSchema } from './workspace/json-schema.js';
export type { SourceLocation } from './workspace/diagnostics.js';
export type * from './model/model.js';
export type { AnalyzeOptions } from './analysis/analyze.js';
// The language of a loader or analysis call: `analyze(ws, { tr: await translator('ja') })`.
export { translator, type Translator } from './i18n/index.js';
export { AnalysisResultSchema, analysisJsonSchema, type AnalysisResultJson } from './analysis/result-schema.js';
export type { AuditResult, Finding, Assessment, Initiative, Roadmap, EntityRef } from './analysis/types.js';
export type { FullRoadmap, PlannedInitiative } from './analysis/roadmap/index.js';
export { RULE_IDS, RULES, type RuleId, type RuleDetails, type FindingOf, isFindingOf, parseFindingId } from './analysis/rules/index.js';
