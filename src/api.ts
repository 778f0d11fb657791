// martech-audit as a library: what the commands do, without printing, exiting or reading the
// clock. The commands (src/cli/commands/) only parse options, call these and print.
//
//   import { audit } from 'martech-audit';
//   const result = await audit('examples/northwind-b2b', { lang: 'en', now: '2027-01' });
//
// `audit` returns the same object `martech-audit analyze --format json` prints.
//
// Language: messages (findings, reasons, diagnostics, titles) are worded in one language per
// call, chosen once: `lang`, else the workspace's `settings.lang`, else `defaultLang` ('en').
// The loader, the analysis and the renderers are given the language explicitly (a Translator), so
// audits and reports in different languages may run side by side: formatResult and writeReport
// take `lang`.
import { analyze, type AnalysisResult } from './analysis/analyze.js';
import { currentLang, translator, type Lang, type Translator } from './i18n/index.js';
import type { Workspace } from './model/model.js';
import { REPORTERS, type ReportFormat } from './report/formats.js';
import type { ReportContext } from './report/text.js';
import type { WriteReportOptions, WriteReportResult } from './report/write-report.js';
import type { Diagnostic } from './workspace/diagnostics.js';
import { open, type OpenOptions } from './open.js';
import { SEVERITY_RANK, type Severity } from './model/vocabulary.js';
import { VERSION } from './version.js';

export { VERSION };
export type { Lang };
// Opening a workspace needs no analysis: it lives in open.ts, which `validate` loads alone.
export { open, peekSettingsLang, type OpenOptions, type OpenResult } from './open.js';

/** Thrown by audit() for a workspace with errors; `diagnostics` says what and where. */
export class InvalidWorkspaceError extends Error {
  constructor(readonly path: string, readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`${path}: ${errors} ${errors === 1 ? 'error' : 'errors'} in the workspace`);
    this.name = 'InvalidWorkspaceError';
  }
}

export interface AuditOptions extends OpenOptions {
  /** The current month (YYYY-MM): the roadmap starts here unless `start` or the strategy says otherwise. */
  now?: string;
  /** The roadmap's first month (YYYY-MM), like `--start`. */
  start?: string;
}

export interface Audit {
  workspace: Workspace;
  result: AnalysisResult;
  /** Warnings of the loader (the workspace is valid). */
  diagnostics: Diagnostic[];
  lang: Lang;
}

/** Loads and analyses a workspace: the result with the workspace it came from. Throws InvalidWorkspaceError. */
export async function run(path: string, opts: AuditOptions = {}): Promise<Audit> {
  const loaded = await open(path, opts);
  if (!loaded.ok || !loaded.workspace) throw new InvalidWorkspaceError(path, loaded.diagnostics);
  const result = analyze(loaded.workspace, { path, start: opts.start, now: opts.now, tr: loaded.tr });
  return { workspace: loaded.workspace, result, diagnostics: loaded.diagnostics, lang: loaded.lang };
}

/** The audit of a workspace: the same object `analyze --format json` prints. Throws InvalidWorkspaceError. */
export async function audit(path: string, opts: AuditOptions = {}): Promise<AnalysisResult> {
  return (await run(path, opts)).result;
}

export type FormatOptions = Omit<ReportContext, 'tr'> & {
  /** The language of the output's own words; default the language of the last `open()`/`audit()` (the result's messages are in that one). */
  lang?: Lang;
};

/** The result in an output format of `analyze --format` (text, json, github, junit, codeclimate, sarif). */
export async function formatResult(result: AnalysisResult, format: ReportFormat, opts: FormatOptions = {}): Promise<string> {
  const load = REPORTERS[format];
  if (!load) throw new Error(`unknown format ${format}; one of ${Object.keys(REPORTERS).join(', ')}`);
  const { lang, ...ctx } = opts;
  return (await load())(result, { ...ctx, tr: await translator(lang ?? currentLang()) });
}

export type ReportOptions = Omit<WriteReportOptions, 'version' | 'today' | 'tr'> & {
  version?: string;
  today?: string;
  /** The language of the report; default the audit's. */
  lang?: Lang;
};

/**
 * Writes the report folder (report.md, report.html, audit.json, audit.sarif, diagrams; report.pdf
 * when asked) atomically; see WriteReportResult for what was drawn and what not.
 */
export async function writeReport(a: Pick<Audit, 'workspace' | 'result' | 'lang'>, opts: ReportOptions): Promise<WriteReportResult> {
  // Loaded on demand: the report pulls in diagrams, HTML and the renderer, which loading a workspace does not need.
  const { writeReport: writeReportFolder } = await import('./report/write-report.js');
  const { lang, ...rest } = opts;
  return writeReportFolder(a.workspace, a.result, {
    ...rest, version: opts.version ?? VERSION, today: opts.today ?? a.result.roadmap.start ?? '', tr: await translator(lang ?? a.lang),
  });
}

/** How many findings are at or above a --fail-on threshold ('none': never). */
export function countAtOrAbove(findings: readonly { severity: Severity }[], threshold: Severity | 'none'): number {
  if (threshold === 'none') return 0;
  return findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]).length;
}

export { analyze };
export type { AnalysisResult, ReportContext, ReportFormat, Translator, WriteReportResult, Diagnostic, Workspace };
