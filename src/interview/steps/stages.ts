// Step "stages": the customer-journey stages, in order. The default five are offered; when kept
// nothing is written (a workspace without `stages:` uses them).
import { t } from '../../i18n/index.js';
import { DEFAULT_STAGES, ID_PATTERN } from '../../model/vocabulary.js';
import type { Plain } from '../yaml-edit.js';
import { proposeId } from '../ids.js';
import { commit, heading, loaderCheck, nonEmpty, note, type Ctx } from '../ask.js';

export interface StageInfo { id: string; name: string }

/** The stages in effect: the workspace's, else the defaults (named in the current language). */
export function currentStages(ctx: Ctx): StageInfo[] {
  const s = ctx.ed.raw().stages;
  if (s?.length) return s.map((x) => ({ id: String(x.id), name: String(x.name ?? x.id) }));
  return DEFAULT_STAGES.map((x) => ({ id: x.id, name: t(`stage.${x.id}`) }));
}

type Action = 'keep' | 'add' | 'remove' | 'done';

export async function stagesStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.stages'));
  const explicit = !!ctx.ed.raw().stages?.length;
  if (explicit) {
    note(ctx, currentStages(ctx).map((s) => s.name).join(' → '));
    if (await ctx.ui.confirm({ message: t('interview.stages.keep'), default: true })) return;
  } else {
    for (const s of DEFAULT_STAGES) note(ctx, `  ${t(`stage.${s.id}`)}: ${t(`interview.stage-hint.${s.id}`)}`);
    if (await ctx.ui.confirm({ message: t('interview.stages.use-defaults'), default: true })) return;
    // Written out so that they can be changed; names in the interview's language.
    const defaults = DEFAULT_STAGES.map((s) => ({ id: s.id, name: t(`stage.${s.id}`) }));
    if (!commit(ctx, (tx) => tx.set(['stages'], defaults as Plain))) return;
  }

  for (;;) {
    const stages = currentStages(ctx);
    const action = await ctx.ui.select<Action>({
      message: t('interview.stages.what'),
      choices: [
        { name: t('interview.stages.add'), value: 'add' },
        { name: t('interview.stages.remove'), value: 'remove', disabled: stages.length <= 1 },
        { name: t('interview.done'), value: 'done' },
      ],
    });
    if (action === 'done') return;
    if (action === 'add') await addStage(ctx, stages);
    else await removeStage(ctx, stages);
    note(ctx, currentStages(ctx).map((s) => s.name).join(' → '));
  }
}

async function addStage(ctx: Ctx, stages: StageInfo[]): Promise<void> {
  const name = (await ctx.ui.input({ message: t('interview.stages.name'), validate: nonEmpty })).trim();
  const taken = stages.map((s) => s.id);
  const id = (await ctx.ui.input({
    message: t('interview.id', { name }),
    default: proposeId(name, taken, 'stage'),
    validate: (v) => {
      const x = v.trim();
      if (!ID_PATTERN.test(x)) return t('interview.id.pattern');
      if (taken.includes(x)) return t('interview.id.taken', { id: x, name: stages.find((s) => s.id === x)!.name });
      return true;
    },
  })).trim();
  const at = await ctx.ui.select<number>({
    message: t('interview.stages.where'),
    choices: [
      { name: t('interview.stages.first'), value: 0 },
      ...stages.map((s, i) => ({ name: t('interview.stages.after', { name: s.name }), value: i + 1 })),
    ],
    default: stages.length,
  });
  commit(ctx, (tx) => tx.insert(['stages'], at, { id, name }));
}

async function removeStage(ctx: Ctx, stages: StageInfo[]): Promise<void> {
  // A stage that touchpoints use cannot go (the loader would report them).
  const choices = stages.map((s, i) => ({
    name: s.name, value: i,
    disabled: loaderCheck(ctx, (tx) => tx.remove(['stages', i])) === true ? false : t('interview.stages.in-use'),
  }));
  if (choices.every((c) => c.disabled)) {
    note(ctx, t('interview.stages.all-in-use'));
    return;
  }
  const index = await ctx.ui.select<number>({ message: t('interview.stages.which-remove'), choices, default: choices.find((c) => !c.disabled)!.value });
  commit(ctx, (tx) => tx.remove(['stages', index]));
}
