// `martech-audit report [path] --out DIR [--pdf] [--no-render]`: the report folder for the client
// and for the pull request. Thin: options, load, analyse once, writeReport(), say what happened.
// Exit 0 when written (also without a browser: it says what was not drawn and how to fix that);
// 1 only with --fail-on and findings at or above it; 2 when it cannot run, or when --pdf was asked
// for and there is no browser to print it (the rest of the report is still written).
import { formatNumber } from '../../i18n/format.js';
import { sarifResultCount } from '../../report/sarif.js';
import { dirname, join } from 'node:path';
import { currentLang, list, t, tCount, type Translator } from '../../i18n/index.js';
import { analyze } from '../../analysis/analyze.js';
import { checkFailOn, checkStart, currentMonth, loadOrExit, parseSarifMaxResults, type GlobalOptions } from '../context.js';
import { chalk, formatDiagnostic, setupColor, write, writeErr } from '../output.js';
import { FailureExit, UsageError } from '../../util/errors.js';
import { displayPath } from '../../util/paths.js';
import { countAtOrAbove } from '../../api.js';
import { progress } from '../../render/progress.js';
import { enableHint, unavailableReason } from '../../render/hints.js';
import { writeReport } from '../../report/write-report.js';
import type { Workspace } from '../../model/model.js';
import { VERSION } from '../../version.js';
import { isIsoDate, todayIso } from '../../report/summary.js';
import { readEarlierFile, earlierFromDiff, sinceView, type SinceView } from '../../report/since.js';
import type { AnalysisResult } from '../../analysis/analyze.js';

export interface ReportCommandOptions {
  out?: string; pdf?: boolean; render?: boolean; failOn?: string; start?: string;
  pptx?: boolean; since?: string; date?: string; author?: string; firm?: string;
  /** --sarif-max-results: at most this many results in audit.sarif (0: all; default SARIF_MAX_RESULTS). */
  sarifMaxResults?: string;
}

/** settings.output, relative to the workspace folder (or to the folder of a one-file workspace). */
export function defaultOutDir(ws: Workspace): string {
  const base = ws.kind === 'file' ? dirname(ws.path) : ws.path;
  return join(base, ws.settings.output || 'reports');
}

export async function run(path: string, opts: ReportCommandOptions, globals: GlobalOptions): Promise<void> {
  checkStart(opts.start);
  const failOn = checkFailOn(opts.failOn) ?? 'none';
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(t('deliverable.bad-date', { value: opts.date }));
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  const { workspace, result: loaded } = await loadOrExit(path, globals);
  const { tr } = loaded;
  setupColor(globals, process.stderr);
  const month = currentMonth();
  const result = analyze(workspace, { path, start: opts.start, now: month, tr });
  const outDir = opts.out ?? defaultOutDir(workspace);
  const since = opts.since !== undefined ? await sinceSection(opts.since, path, result, month, tr) : undefined;
  const bar = progress();
  const written = await writeReport(workspace, result, {
    tr, outDir, pdf: opts.pdf === true, pptx: opts.pptx === true, render: opts.render !== false, version: VERSION, today: month, sarifMaxResults,
    content: {
      cover: { date: opts.date ?? workspace.settings.report?.date ?? todayIso(), author: opts.author, firm: opts.firm },
      ...(since ? { since } : {}),
    },
    onProgress: (done, total) => bar.say(t('deliverable.progress.diagram', { done, total })),
    onPhase: (phase) => bar.say(t(`deliverable.progress.${phase}`)),
    onSlidePicture: (done, total) => bar.say(t('deliverable.progress.png', { done, total })),
  }).finally(() => bar.done());

  const diagramCount = written.files.filter((f) => f.startsWith('diagrams/') && f.endsWith('.mmd')).length;
  write(`${chalk.green('✔')} ${tCount('report.written', diagramCount, { dir: displayPath(written.outDir), files: written.files.filter((f) => !f.startsWith('diagrams/')).join(currentLang() === 'ja' ? '、' : ', '), diagrams: diagramCount })}`);
  const sarif = sarifResultCount(result.findings.length, sarifMaxResults);
  if (sarif.omitted > 0) writeErr(chalk.yellow(tCount('report.sarif-limited', sarif.kept, { total: formatNumber(result.findings.length, tr.lang), kept: formatNumber(sarif.kept, tr.lang), limit: formatNumber(sarif.kept, tr.lang) })));
  if (written.notDrawn.length && opts.render !== false) {
    const names = list(written.notDrawn.map((d) => d.title));
    if (written.unavailable) {
      writeErr(chalk.yellow(t(written.renderer === 'fallback' ? 'report.partly-drawn' : 'report.none-drawn', { reason: unavailableReason(written.unavailable, tr), diagrams: names })));
      writeErr(`  ${chalk.cyan(enableHint(written.unavailable, tr))}`);
    } else {
      writeErr(chalk.yellow(t('report.some-failed', { diagrams: names })));
    }
  } else if (written.unavailable && written.renderer === 'fallback') {
    writeErr(chalk.yellow(t('report.fallback-used', { reason: unavailableReason(written.unavailable, tr) })));
    writeErr(`  ${chalk.cyan(enableHint(written.unavailable, tr))}`);
  }
  if (written.pptx === 'no-pictures') {
    writeErr(chalk.yellow(t('deliverable.pptx.no-pictures', { hint: written.unavailable ? enableHint(written.unavailable, tr) : '' }).trim()));
  }
  if (written.blockedRequests.length) writeErr(chalk.yellow(t('report.blocked', { urls: written.blockedRequests.join(', ') })));
  if (opts.pdf && written.pdf !== 'written') {
    const err = written.unavailable;
    writeErr(chalk.red(t('report.no-pdf', { reason: err ? unavailableReason(err, tr) : t('render.why.no-render') })));
    if (err) writeErr(`  ${chalk.cyan(enableHint(err, tr))}`);
    throw new FailureExit(2);
  }
  const reached = countAtOrAbove(result.findings, failOn);
  if (reached > 0) {
    writeErr(tCount('analyze.threshold', reached, { count: reached, severity: failOn }));
    throw new FailureExit(1);
  }
}

/** --since: an earlier audit.json or baseline file, else a git revision compared by `diff`. */
async function sinceSection(value: string, path: string, result: AnalysisResult, month: string, tr: Translator): Promise<SinceView> {
  const file = readEarlierFile(value, tr);
  if (file) return sinceView(file, result, tr);
  const { analyzeSide, compareSides, InvalidSideError, loadSides } = await import('../../diff/run.js');
  let sides;
  try {
    sides = loadSides({ old: value, new: path, tr });
  } catch (err) {
    if (err instanceof InvalidSideError) {
      const { load, side } = err.loaded;
      for (const d of load.diagnostics) writeErr(formatDiagnostic(d, load.sources));
      writeErr(t('git.invalid-side', { side: side.label, errors: load.diagnostics.filter((d) => d.severity === 'error').length }));
      throw new FailureExit(1);
    }
    throw err;
  }
  const old = analyzeSide(sides.old, tr, month);
  const d = compareSides(old, analyzeSide(sides.new, tr, month), tr);
  return sinceView(earlierFromDiff(d, old.result), result, tr);
}
