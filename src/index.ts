// Library entry: what other programs (and tests) may import from martech-audit.
export { loadWorkspace, loadFromSources, loadFromText, type LoadResult } from './workspace/load.js';
export { WorkspaceFile, workspaceJsonSchema } from './workspace/schema.js';
export type { Diagnostic, SourceLocation } from './workspace/diagnostics.js';
export type * from './model/model.js';
// The analysis (audit steps 3-5) and the schema of its JSON document (`analyze --format json`).
export { analyze, type AnalysisResult, type AnalyzeOptions } from './analysis/analyze.js';
export { AnalysisResultSchema, analysisJsonSchema, type AnalysisResultJson } from './analysis/result-schema.js';
export type { AuditResult, Finding, Assessment, Initiative, Roadmap, EntityRef } from './analysis/types.js';
