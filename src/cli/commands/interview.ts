// `martech-audit interview [dir]`: a consultant walks a client through the audit; every answer is
// written into the workspace as it is given. Thin: terminal checks, language, opening the
// workspace, Ctrl-C; the conversation itself is src/interview/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t, initLang, detectLang, isLang, currentLang } from '../../i18n/index.js';
import { FailureExit, InterruptedError, UsageError } from '../../util/errors.js';
import { formatDiagnostic, writeErr, chalk } from '../output.js';
import { currentMonth, type GlobalOptions } from '../context.js';
import { WorkspaceEditor, strayYamlFiles } from '../../interview/workspace-editor.js';
import { isStep, NUMBERED_STEPS, STEPS, type StepId } from '../../interview/state.js';
import { loadUi, isPromptExit, type Ui } from '../../interview/ui.js';
import { runSession, fileHeaders, type SessionHandle } from '../../interview/session.js';

export interface InterviewOptions { step?: string; resume?: boolean; quick?: boolean }

/** Interactive only: stdin and stdout must be a terminal, else exit 2 at once (never hang). */
export function hasTerminal(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true;
}

/** `--step 4` or `--step tools` → 'tools'; undefined when it is neither. */
export function interviewStep(value: string): StepId | undefined {
  const v = value.trim().toLowerCase();
  if (/^[1-9]$/.test(v)) return NUMBERED_STEPS[Number(v) - 1];
  return isStep(v) ? v : undefined;
}

export async function run(dir: string, opts: InterviewOptions, globals: GlobalOptions): Promise<void> {
  if (opts.step !== undefined) {
    const step = interviewStep(opts.step);
    if (!step) throw new UsageError(t('interview.bad-step', { step: opts.step, steps: [...NUMBERED_STEPS.map((s, i) => `${i + 1} ${s}`), ...STEPS.filter((s) => !NUMBERED_STEPS.includes(s))].join(', ') }));
    opts = { ...opts, step };
  }
  if (!hasTerminal()) throw new UsageError(t('interview.no-tty'), t('interview.no-tty.hint', { path: dir }));

  const opened = WorkspaceEditor.open(dir);
  if (!opened.editor) {
    for (const d of opened.syntax) writeErr(formatDiagnostic(d, opened.sources));
    writeErr(t('interview.fix-first', { path: dir }));
    throw new FailureExit(1);
  }
  let ed = opened.editor;

  // Language: --lang, then the workspace's settings.lang, then LANG / LC_ALL.
  if (globals.lang && !isLang(globals.lang)) throw new UsageError(t('cli.bad-lang', { lang: globals.lang }));
  const wsLang = ed.raw().settings?.lang;
  const lang = globals.lang && isLang(globals.lang) ? globals.lang : typeof wsLang === 'string' && isLang(wsLang) ? wsLang : detectLang(undefined);
  if (lang !== currentLang()) await initLang(lang);

  // New files point the YAML language server at the schema, when the workspace has (or gets) it.
  ed.headers = fileHeaders(ed.kind === 'directory' && (ed.isNew || existsSync(join(ed.dir, 'martech-audit.schema.json'))));

  const ui = await loadUi();
  const handle: SessionHandle = {};
  try {
    if (ed.isNew && ed.kind === 'directory') {
      const stray = strayYamlFiles(ed.dir);
      if (stray.length && !(await ui.confirm({ message: t('interview.stray-yaml', { path: dir, files: stray.join(', ') }), default: false }))) return;
    }
    // A new workspace may start from the client's spreadsheet of tools (issue 17).
    if (ed.isNew && (await (await import('../../import/interview.js')).offerSpreadsheet(ui, dir))) {
      const reopened = WorkspaceEditor.open(dir).editor;
      if (reopened) {
        reopened.headers = ed.headers;
        ed = reopened;
      }
    }
    await runSession({
      ed, ui, lang, step: opts.step as StepId | undefined, resume: opts.resume, quick: opts.quick, now: currentMonth(),
      offerReport: await reportOffer(ui, dir, globals),
    }, handle);
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    throw new InterruptedError(interruptedMessage(dir, ed, handle));
  }
}

function interruptedMessage(dir: string, ed: WorkspaceEditor, handle: SessionHandle): string {
  if (!ed.written.size && ed.isNew) return `\n${t('interview.interrupted.nothing')}`;
  const lines = [`\n${t('interview.interrupted', { path: dir })}`];
  if (handle.step) lines.push(t('interview.interrupted.resume', { command: chalk.bold(`martech-audit interview ${dir} --resume`) }));
  return lines.join('\n');
}

/** Offers the report at the end of the interview. */
async function reportOffer(ui: Ui, dir: string, globals: GlobalOptions): Promise<(() => Promise<void>) | undefined> {
  return async () => {
    if (!(await ui.confirm({ message: t('interview.report.ask'), default: true }))) return;
    const { run: report } = await import('./report.js');
    try {
      // Findings are the point of the meeting, not a failure: no threshold here.
      await report(dir, { failOn: 'none' }, globals);
    } catch (err) {
      if (err instanceof UsageError) writeErr(`${chalk.red('martech-audit:')} ${err.message}${err.hint ? `\n  ${err.hint}` : ''}`);
      else if (!(err instanceof FailureExit)) throw err;
    }
  };
}
