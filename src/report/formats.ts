// The output formats of `analyze` (and of the library's formatResult): a format name maps to a
// loader of a reporter `(result, ctx) => string`. Add a format by adding one entry here (and its
// name to the --format choices in src/cli/program.ts). Reporters are imported lazily so that
// start-up stays fast.
import type { AnalysisResult } from '../analysis/analyze.js';
import { VERSION } from '../version.js';
import type { ReportContext } from './text.js';
import type { Chunk } from '../util/fs.js';

export type Reporter = (result: AnalysisResult, ctx: ReportContext) => string;

export const REPORTERS: Readonly<Record<string, () => Promise<Reporter>>> = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  // CI formats (github.ts, junit.ts, codeclimate.ts): paths relative to the repository root.
  github: async () => (await import('./github.js')).githubReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  codeclimate: async () => (await import('./codeclimate.js')).codeClimateReporter,
  // SARIF 2.1.0 for code scanning: the same document `report` writes as audit.sarif.
  sarif: async () => {
    const { renderSarif } = await import('./sarif.js');
    return (result, ctx) => renderSarif(result, { version: VERSION, defaultFile: ctx.files?.[0], tr: ctx.tr, maxResults: ctx.sarifMaxResults as number | undefined });
  },
};

/** A reporter whose document is written in chunks (util/json-chunks.ts), strings or UTF-8 bytes: never one giant string. */
export type ChunkedReporter = (result: AnalysisResult, ctx: ReportContext) => Iterable<Chunk>;

/** The formats the CLI writes in chunks (the same text as REPORTERS gives): JSON and SARIF grow with the workspace. */
export const CHUNKED_REPORTERS: Readonly<Record<string, () => Promise<ChunkedReporter>>> = {
  json: async () => (await import('./json.js')).renderJsonChunks,
  sarif: async () => {
    const { renderSarifChunks } = await import('./sarif.js');
    return (result, ctx) => renderSarifChunks(result, { version: VERSION, defaultFile: ctx.files?.[0], tr: ctx.tr, maxResults: ctx.sarifMaxResults as number | undefined });
  },
};

export type ReportFormat = 'text' | 'json' | 'github' | 'junit' | 'codeclimate' | 'sarif';
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
