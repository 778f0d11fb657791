// Step "analysis" (audit steps 3-5): run the analysis on what was just said, and show the
// assessment, the top findings and the open questions while everyone is still in the room.
import { t } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import type { AuditResult, Finding } from '../../analysis/types.js';
import type { Workspace } from '../../model/model.js';
import { heading, issueLine, note, type Ctx } from '../ask.js';

const TOP = 5;

interface AnalysisModule { analyze(ws: Workspace, opts?: { path?: string; now?: string }): AuditResult }
interface TextModule { wrap?(text: string, width: number): string[] }

function isMissingModule(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Failed to resolve import/i.test(e?.message ?? '');
}

/** The analysis, when this build has it (it is developed alongside the interview). */
async function loadAnalysis(): Promise<AnalysisModule | undefined> {
  try {
    return (await import('../../analysis/analyze.js')) as AnalysisModule;
  } catch (err) {
    if (isMissingModule(err)) return undefined;
    throw err;
  }
}

async function loadText(): Promise<TextModule | undefined> {
  try {
    return (await import('../../report/text.js')) as TextModule;
  } catch (err) {
    if (isMissingModule(err)) return undefined;
    throw err;
  }
}

export function severityLabel(s: Finding['severity']): string {
  const text = t(`interview.severity.${s}`).padEnd(8);
  return s === 'critical' || s === 'high' ? chalk.red(text) : s === 'medium' ? chalk.yellow(text) : chalk.dim(text);
}

export interface AnalysisStepOptions {
  /** Offers `report` at the end (the CLI passes it when the command exists). */
  offerReport?: () => Promise<void>;
  /** The current month (YYYY-MM); the CLI reads the clock, not the library. */
  now?: string;
}

export async function analysisStep(ctx: Ctx, opts: AnalysisStepOptions = {}): Promise<void> {
  heading(ctx, t('interview.step.analysis'));
  if (ctx.ed.manifest.pending) {
    note(ctx, t('interview.analysis.empty'));
    return;
  }
  const res = ctx.ed.last;
  const ws = res.workspace;
  if (!res.ok || !ws) {
    for (const d of res.diagnostics.filter((x) => x.severity === 'error').slice(0, 10)) ctx.ui.say(issueLine({ ...d, message: `${d.location.file}:${d.location.line}  ${d.message}` }));
    note(ctx, t('interview.analysis.invalid', { path: ctx.ed.shown }));
    return;
  }
  const mod = await loadAnalysis();
  if (!mod) {
    note(ctx, t('interview.analysis.unavailable'));
    return;
  }
  const result = mod.analyze(ws, { path: ctx.ed.shown, ...(opts.now ? { now: opts.now } : {}) });
  // Compact, for the room: `analyze` has the full report. Lines wrap by display width (text.ts).
  const text = await loadText();
  const width = Math.max(40, Math.min(process.stdout.columns || 80, 110));
  const wrap = (s: string, w: number): string[] => (text?.wrap ? text.wrap(s, w) : [s]);
  const hang = (first: string, body: string, indent: number): void => {
    const lines = wrap(body, width - indent);
    ctx.ui.say(first + (lines[0] ?? ''));
    for (const l of lines.slice(1)) ctx.ui.say(' '.repeat(indent) + l);
  };
  const a = result.assessment as AuditResult['assessment'] & { meaning?: string; questions?: { about: string; field?: string; text: string }[] };
  ctx.ui.say(chalk.bold(t('interview.analysis.level', { level: t(`interview.level.${a.level}`).toUpperCase(), score: a.score })));
  if (a.meaning) for (const l of wrap(a.meaning, width - 2)) ctx.ui.say(chalk.dim(`  ${l}`));
  for (const r of a.reasons.slice(0, 3)) hang('  • ', r, 4);

  ctx.ui.say('');
  if (!result.findings.length) ctx.ui.say(chalk.green(t('interview.analysis.no-findings')));
  else {
    ctx.ui.say(chalk.bold(t('interview.analysis.top', { count: Math.min(TOP, result.findings.length), total: result.findings.length })));
    for (const f of result.findings.slice(0, TOP)) hang(`  ${severityLabel(f.severity)} `, f.message, 11);
    if (result.findings.length > TOP) note(ctx, `  ${t('interview.analysis.more', { count: result.findings.length - TOP, path: ctx.ed.shown })}`);
  }

  // The workspace's questions, and those the analysis adds for facts still missing.
  const questions = Array.isArray(a.questions) ? a.questions : ws.questions;
  if (questions.length) {
    ctx.ui.say('');
    ctx.ui.say(chalk.bold(t('interview.analysis.questions', { count: questions.length })));
    for (const q of questions.slice(0, TOP)) hang('  ? ', q.text, 4);
    if (questions.length > TOP) note(ctx, `  ${t('interview.analysis.more-questions', { count: questions.length - TOP })}`);
  }
  ctx.ui.say('');
  if (opts.offerReport) await opts.offerReport();
}
