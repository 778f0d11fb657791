// One interview: which steps to run (all, one with --step, or from where the last one stopped),
// the summary of what is there, the steps in the audit's order, and the state for --resume.
import { t, tCount } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { chalk } from '../cli/output.js';
import { STEPS, StateStore, type InterviewState, type StepId } from './state.js';
import type { WorkspaceEditor } from './workspace-editor.js';
import type { Ui } from './ui.js';
import { heading, issueLine, note, type Ctx } from './ask.js';
import { summaryLines } from './summary.js';
import { organizationStep } from './steps/organization.js';
import { stagesStep, currentStages } from './steps/stages.js';
import { finishTouchpoint, touchpointsStep } from './steps/touchpoints.js';
import { finishTool, toolsStep } from './steps/tools.js';
import { integrationsStep } from './steps/integrations.js';
import { customerStep } from './steps/customer.js';
import { analysisStep, type AnalysisStepOptions } from './steps/analysis.js';

export interface SessionOptions extends AnalysisStepOptions {
  ed: WorkspaceEditor;
  ui: Ui;
  lang: Lang;
  /** Run only this step. */
  step?: StepId;
  /** Continue where the last interview stopped. */
  resume?: boolean;
  /** Touchpoints (name, stage, tools) and tools (name, catalog match) only; details later (--resume). */
  quick?: boolean;
}

export interface SessionHandle {
  ctx?: Ctx;
  /** The step in progress (for the "how to resume" line). */
  step?: StepId;
}

/** Header comments of the files an interview creates (translated; the schema line when it is there). */
export function fileHeaders(withSchema: boolean): Record<string, string> {
  const modeline = withSchema ? '# yaml-language-server: $schema=./martech-audit.schema.json\n#\n' : '';
  return {
    manifest: `${modeline}${t('interview.header.manifest')}\n`,
    touchpoints: `${modeline}${t('interview.header.touchpoints')}\n`,
    tools: `${modeline}${t('interview.header.tools')}\n`,
    integrations: `${modeline}${t('interview.header.integrations')}\n`,
  };
}

function fresh(step: StepId, only = false): InterviewState {
  return { version: 1, step, done: [], ...(only ? { only: true } : {}) };
}

/** Runs the interview. `handle` tells the caller where it stood when Ctrl-C came. */
export async function runSession(o: SessionOptions, handle: SessionHandle = {}): Promise<void> {
  const { ed, ui } = o;
  const store = new StateStore(ed.dir, ed.kind, ed.manifest.abs);
  const saved = ed.isNew ? undefined : store.load();
  let st: InterviewState;
  let steps: StepId[];
  let details = false;

  if (saved?.quick && !o.step && !o.quick) {
    // A quick interview left entries without their details: offer to fill them in now.
    const open = saved.open ?? [];
    const counts = (['touchpoints', 'tools', 'personas'] as const).map((kind) => {
      const prefix = { touchpoints: 'tp:', tools: 'tool:', personas: 'persona:' }[kind];
      const n = open.filter((k) => k.startsWith(prefix)).length;
      return n ? tCount(`interview.quick.n-${kind}`, n, { count: n }) : '';
    }).filter(Boolean);
    details = await ui.select<boolean>({
      message: t('interview.quick.resume-ask'),
      choices: [
        { name: t('interview.quick.details', { what: counts.join(t('interview.quick.and')) }), value: true },
        { name: t('interview.resume.restart'), value: false },
      ],
    });
    st = details ? { ...saved, quick: undefined } : fresh('organization');
    // The details: what the quick pass left out, the customer's side included.
    steps = details ? ['integrations', 'customer', 'analysis'] : [...STEPS];
  } else if (o.step) {
    st = o.resume && saved?.only && saved.step === o.step ? saved : fresh(o.step, true);
    steps = [o.step];
  } else if (o.resume || saved) {
    let resume = !!saved;
    if (!saved) ui.say(chalk.dim(t('interview.resume.nothing', { path: ed.shown })));
    else if (!o.resume) {
      resume = await ui.select<boolean>({
        message: t('interview.resume.ask', { step: t(`interview.stepname.${saved.step}`) }),
        choices: [
          { name: t('interview.resume.continue', { step: t(`interview.stepname.${saved.step}`) }), value: true },
          { name: t('interview.resume.restart'), value: false },
        ],
      });
    }
    st = resume && saved ? saved : fresh('organization');
    steps = resume && saved?.only ? [saved.step] : STEPS.slice(STEPS.indexOf(st.step));
  } else {
    st = fresh('organization');
    steps = [...STEPS];
  }

  // A workspace needs a name before anything else: --step on a new folder starts there.
  if (!ed.raw().organization?.name && steps[0] !== 'organization') steps = ['organization', ...steps];

  // Quick: the journey, the tools at each touchpoint and the personas' names; the integrations
  // and every detail come later (--resume).
  if (o.quick && !o.step) steps = steps.filter((s) => s !== 'tools' && s !== 'integrations');
  const ctx: Ctx = { ed, ui, store, st, lang: o.lang, reviewed: new Set(), quick: o.quick === true };
  handle.ctx = ctx;

  ui.say(chalk.bold(t('interview.title', { path: ed.shown })));
  if (ed.isNew) note(ctx, t('interview.new', { path: ed.shown }));
  else for (const line of summaryLines(ed, currentStages(ctx))) ui.say(line);
  note(ctx, t('interview.tips'));
  if (ctx.quick) note(ctx, t('interview.quick.intro'));

  if (details) {
    heading(ctx, t('interview.quick.details-heading'));
    for (const key of [...(ctx.st.open ?? [])]) {
      if (key.startsWith('tp:')) await finishTouchpoint(ctx, key.slice(3));
    }
    for (const key of [...(ctx.st.open ?? [])]) {
      if (key.startsWith('tool:')) await finishTool(ctx, key.slice(5));
    }
  }

  for (const step of steps) {
    // Entries still waiting for their details (a quick interview) stay recorded from step to step.
    if (ctx.st.step !== step) ctx.st = { ...fresh(step, o.step ? step === o.step : ctx.st.only), ...(ctx.st.open?.length ? { open: ctx.st.open } : {}) };
    handle.step = step;
    // Nothing on disk yet: no state either (a new folder is not left with only a hidden file).
    if (!ed.manifest.pending) store.save(ctx.st);
    if (step === 'organization') await organizationStep(ctx);
    else if (step === 'stages') await stagesStep(ctx);
    else if (step === 'touchpoints') await touchpointsStep(ctx);
    else if (step === 'tools') await toolsStep(ctx);
    else if (step === 'integrations') await integrationsStep(ctx);
    else if (step === 'customer') await customerStep(ctx);
    else await analysisStep(ctx, o);
  }
  // Answers that could not be written yet: ask until they are, or until the user gives up.
  while (ed.held.length) {
    const out = ed.flush();
    for (const d of out.errors) ui.say(issueLine(d));
    if (!out.held) break;
    const retry = await ui.confirm({ message: tCount('interview.held.retry', ed.held.length, { n: ed.held.length }), default: true });
    if (!retry) break;
  }
  const waiting = ctx.st.open ?? [];
  if (ctx.quick && waiting.length) {
    // Details later: what was entered quickly is remembered for `--resume`.
    store.save({ version: 1, step: 'tools', done: [], open: waiting, quick: true });
  } else if (!ed.held.length) store.clear();
  // Answers still held: the state stays, so `--resume` knows where the interview stood.
  handle.step = undefined;

  ui.say('');
  if (ed.held.length) ui.say(chalk.red(`✖ ${tCount('interview.held.lost', ed.held.length, { n: ed.held.length })}`));
  if (ed.written.size) ui.say(chalk.green(`✔ ${t('interview.saved', { files: [...ed.written].join(', ') })}`));
  else note(ctx, t('interview.nothing-changed'));
  if (o.step && o.step !== 'analysis') {
    const next = STEPS[STEPS.indexOf(o.step) + 1];
    note(ctx, t('interview.next-step', { command: `martech-audit interview ${ed.shown} --step ${next}` }));
  }
  if (ctx.quick && waiting.length) note(ctx, t('interview.quick.later', { command: `martech-audit interview ${ed.shown} --resume` }));
  note(ctx, t('interview.next', { path: ed.shown }));
}
