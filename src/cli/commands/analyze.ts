// `martech-audit analyze [path]`: load, analyse once, hand the result to one reporter.
// The format dispatch lives in REPORTERS below: a format name maps to a loader of a reporter
// `(result, ctx) => string`. Add a format by adding one entry (and its name to the --format
// choices in program.ts); reporters are imported lazily so that start-up stays fast.
import { t, tCount } from '../../i18n/index.js';
import { analyze, type AnalysisResult } from '../../analysis/analyze.js';
import { checkFailOn, checkStart, currentMonth, parseSarifMaxResults, loadOrExit, type GlobalOptions } from '../context.js';
import { setupColor, write, writeChunks, writeErr } from '../output.js';
import { FailureExit, UsageError } from '../../util/errors.js';
import { mapChunks, writeFileAtomicInterruptible } from '../../util/fs.js';
import { isClean, sanitizeFile } from '../../util/sanitize.js';
import { SEVERITIES, type Severity } from '../../model/vocabulary.js';
import type { Workspace } from '../../model/model.js';
import type { ReportContext } from '../../report/text.js';
import { dataTypeLabels } from '../../model/names.js';
import { CHUNKED_REPORTERS, REPORTERS } from '../../report/formats.js';
import { applyBaselineOptions } from '../../baseline/options.js';
import { countAtOrAbove } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { sarifResultCount } from '../../report/sarif.js';

export { REPORTERS, type Reporter } from '../../report/formats.js';

export interface AnalyzeCommandOptions {
  format?: string;
  step?: string;
  failOn?: string;
  start?: string;
  out?: string;
  /** --baseline / --write-baseline (src/baseline/options.ts). */
  baseline?: string;
  writeBaseline?: string;
  /** --sarif-max-results: at most this many SARIF results (0: all; default SARIF_MAX_RESULTS). */
  sarifMaxResults?: string;
}

export function parseFailOn(value: string | undefined, ws: Workspace): Severity | 'none' {
  const v = value ?? ws.settings.failOn ?? 'high';
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as Severity | 'none';
  throw new UsageError(t('analyze.bad-fail-on', { value: v, allowed: [...SEVERITIES, 'none'].join(', ') }));
}

/** The five steps of the audit as `--step` names them (the number works too: 2 is tools). */
export const ANALYZE_STEPS = ['touchpoints', 'tools', 'findings', 'assessment', 'roadmap'] as const;

/** `--step 2`, `--step tools` (or `inventory`) → 2; undefined when it is neither. */
export function analyzeStep(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^[1-5]$/.test(v)) return Number(v);
  const i = (ANALYZE_STEPS as readonly string[]).indexOf(v === 'inventory' ? 'tools' : v);
  return i < 0 ? undefined : i + 1;
}

/** Findings at or above the threshold (src/api.ts countAtOrAbove). */
export function reachedThreshold(result: AnalysisResult, failOn: Severity | 'none'): number {
  return countAtOrAbove(result.findings, failOn);
}

export async function run(path: string, opts: AnalyzeCommandOptions, globals: GlobalOptions): Promise<void> {
  const format = opts.format ?? 'text';
  const load = REPORTERS[format];
  if (!load) throw new UsageError(t('cli.bad-format', { format, allowed: Object.keys(REPORTERS).join(', ') }));
  let step: number | undefined;
  if (opts.step !== undefined) {
    step = analyzeStep(opts.step);
    if (step === undefined) throw new UsageError(t('analyze.bad-step', { value: opts.step, steps: ANALYZE_STEPS.map((s, i) => `${i + 1} ${s}`).join(', ') }));
    if (format !== 'text') throw new UsageError(t('analyze.step-text-only'));
  }
  checkStart(opts.start);
  checkFailOn(opts.failOn);
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  if (sarifMaxResults !== undefined && format !== 'sarif') throw new UsageError(t('analyze.sarif-max-results-sarif-only'));

  // The workspace, its sources and the analysis' caches (facts, the customer graph: held by weak
  // maps keyed by the workspace) are needed only until the result exists: prepared in a function
  // of its own, they are garbage by the time the report is written (a third of the heap of a
  // 10,000-tool audit; issue 18).
  const { result, gate, failOn, ctx } = await prepare(path, opts, globals, step);
  ctx.sarifMaxResults = sarifMaxResults;
  const reporter = CHUNKED_REPORTERS[format] ? undefined : await load();
  const toFile = opts.out !== undefined;
  // JSON and SARIF grow with the workspace: written in chunks, never one string (a 10,000-tool
  // audit is tens of megabytes; "Invalid string length" is not a possible answer).
  const chunked = CHUNKED_REPORTERS[format];
  const text = chunked ? (await chunked())(result, ctx) : reporter!(result, ctx);
  // No raw control or bidi character from the workspace in any format, file or terminal (the
  // terminal writer cleans what it prints and keeps only its own colours).
  if (toFile) {
    // The file says what the terminal would: no line of it starts a workflow command but the github format's own.
    const kind = format === 'github' ? 'commands' : format === 'junit' ? 'markup' : 'text';
    await writeFileAtomicInterruptible(opts.out!, typeof text === 'string' ? sanitizeFile(text, kind) : isClean(text) ? text : mapChunks(text, (c) => sanitizeFile(c, kind)));
    writeErr(t('analyze.written', { file: opts.out }));
  } else if (typeof text === 'string') write(text, { workflowCommands: format === 'github' });
  else await writeChunks(text, { workflowCommands: format === 'github' });
  if (format === 'sarif') {
    const { kept, omitted } = sarifResultCount(result.findings.length, sarifMaxResults);
    if (omitted > 0) writeErr(tCount('analyze.sarif-limited', kept, { total: formatNumber(result.findings.length, ctx.tr.lang), kept: formatNumber(kept, ctx.tr.lang), limit: formatNumber(kept, ctx.tr.lang) }));
  }

  const reached = reachedThreshold({ ...result, findings: gate }, failOn);
  if (reached > 0) {
    writeErr(tCount('analyze.threshold', reached, { count: reached, severity: failOn }));
    throw new FailureExit(1);
  }
}

/** Loads and analyses; returns only what writing the report and the exit code need. */
async function prepare(path: string, opts: AnalyzeCommandOptions, globals: GlobalOptions, step: number | undefined) {
  const { workspace, result: loaded } = await loadOrExit(path, globals);
  const { tr } = loaded;
  const failOn = parseFailOn(opts.failOn, workspace);
  const analysed = analyze(workspace, { path, start: opts.start, now: currentMonth(), tr });
  // Findings a baseline accepts stay in the report (marked) but do not count toward --fail-on.
  const { result, gate } = applyBaselineOptions(analysed, opts, tr);
  const toFile = opts.out !== undefined;
  const chalk = setupColor(globals);
  const ctx: ReportContext = {
    tr,
    // --no-color wins over FORCE_COLOR: the flag is the more specific request.
    color: !toFile && globals.color !== false && chalk.level > 0,
    width: !toFile && process.stdout.isTTY ? Math.min(Math.max(process.stdout.columns || 80, 60), 120) : 80,
    step,
    departments: new Map(workspace.organization.departments.map((d) => [d.id, d.name])),
    dataTypes: dataTypeLabels(workspace, tr),
    cwd: process.cwd(),
    files: workspace.files,
  };
  return { result, gate, failOn, ctx };
}
