// Library entry: what other programs (and tests) may import from martech-audit.
export { loadWorkspace, loadFromSources, loadFromText, type LoadResult } from './workspace/load.js';
export { WorkspaceFile, workspaceJsonSchema } from './workspace/schema.js';
export type { Diagnostic, SourceLocation } from './workspace/diagnostics.js';
export type * from './model/model.js';
