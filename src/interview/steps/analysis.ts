// Step "analysis" (audit steps 3-5): run the analysis on what was just said, and show the
// assessment, the top findings and the open questions while everyone is still in the room.
import { t } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import type { AuditResult, Finding } from '../../analysis/types.js';
import type { Workspace } from '../../model/model.js';
import { heading, issueLine, note, type Ctx } from '../ask.js';

const TOP = 5;

interface AnalysisModule { analyze(ws: Workspace, opts?: { path?: string; now?: string }): AuditResult }
interface TextModule { renderText(result: AuditResult, ctx?: Record<string, unknown>): string }

function isMissingModule(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Failed to resolve import/i.test(e?.message ?? '');
}

/** The analysis, when this build has it (it is developed alongside the interview). */
async function loadAnalysis(): Promise<AnalysisModule | undefined> {
  try {
    // @ts-ignore -- resolved at build time when present; an absent module is reported, not thrown
    return (await import('../../analysis/analyze.js')) as AnalysisModule;
  } catch (err) {
    if (isMissingModule(err)) return undefined;
    throw err;
  }
}

async function loadText(): Promise<TextModule | undefined> {
  try {
    // @ts-ignore -- as above
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
  const text = await loadText();
  if (text) {
    const departments = new Map(ws.organization.departments.map((d) => [d.id, d.name]));
    ctx.ui.say(text.renderText(result, { step: 4, color: chalk.level > 0, width: Math.min(process.stdout.columns || 80, 100), departments }).replace(/^\n+/, ''));
  } else {
    const a = result.assessment;
    ctx.ui.say(`${chalk.bold(t('interview.analysis.level', { level: t(`interview.level.${a.level}`), score: a.score }))}`);
    for (const r of a.reasons.slice(0, 3)) ctx.ui.say(`  ${r}`);
  }

  ctx.ui.say('');
  if (!result.findings.length) ctx.ui.say(chalk.green(t('interview.analysis.no-findings')));
  else {
    ctx.ui.say(chalk.bold(t('interview.analysis.top', { count: Math.min(TOP, result.findings.length), total: result.findings.length })));
    for (const f of result.findings.slice(0, TOP)) ctx.ui.say(`  ${severityLabel(f.severity)} ${f.message}`);
    if (result.findings.length > TOP) note(ctx, `  ${t('interview.analysis.more', { count: result.findings.length - TOP, path: ctx.ed.shown })}`);
  }

  if (ws.questions.length) {
    ctx.ui.say('');
    ctx.ui.say(chalk.bold(t('interview.analysis.questions', { count: ws.questions.length })));
    for (const q of ws.questions.slice(0, TOP)) ctx.ui.say(`  ? ${q.text}`);
    if (ws.questions.length > TOP) note(ctx, `  ${t('interview.analysis.more-questions', { count: ws.questions.length - TOP })}`);
  }
  ctx.ui.say('');
  if (opts.offerReport) await opts.offerReport();
}
