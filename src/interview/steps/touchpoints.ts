// Step "touchpoints" (audit step 1): where customers meet the company, stage by stage: name,
// channel, owner, in scope, real-time, and the data each interaction yields.
import { t } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import { CHANNELS } from '../../model/vocabulary.js';
import type { RawTouchpoint } from '../workspace-editor.js';
import { guessChannel, proposeId } from '../ids.js';
import { quickTools } from './tools.js';
import { CHANNEL_DATA } from '../data-types.js';
import { UNKNOWN, isUnknown } from '../answers.js';
import {
  askData, askId, askNotes, askOwner, commit, departments, heading, markDone, nonEmpty, note, saveOwner, type Ctx, openEntry, closeEntry, isOpenEntry, askYesNo, addQuestion, dontKnowLabel, type QuestionDraft,
} from '../ask.js';
import { currentStages, type StageInfo } from './stages.js';
import type { Choice } from '../ui.js';

export function channelLabel(id: string): string {
  const key = `interview.channel.${id}`;
  const label = t(key);
  return label === key || label === id ? id : `${label} ${chalk.dim(`(${id})`)}`;
}

/** "I don't know" what a touchpoint captures: asked of its owner. */
function capturesQuestion(id: string, name: string, owner?: string): QuestionDraft {
  return { about: `touchpoint:${id}`, field: 'captures', text: t('interview.q.captures', { name }), ask: owner };
}

export interface ChannelAnswer { channel: string; unknown: boolean }

/**
 * The channel of a touchpoint. "? I don't know" (typing ? jumps there) answers `other`, which the
 * format requires something to be; `saveChannelAnswer` then records the question.
 */
export async function askChannel(ctx: Ctx, name: string, current?: string): Promise<ChannelAnswer> {
  const def = current ?? guessChannel(name);
  const choices: Choice<string | typeof UNKNOWN>[] = CHANNELS.map((c) => ({ name: channelLabel(c), value: c, short: c }));
  if (current && !(CHANNELS as readonly string[]).includes(current)) choices.unshift({ name: current, value: current, short: current });
  choices.push({ name: dontKnowLabel(), value: UNKNOWN, short: '?', description: t('interview.dont-know.hint') });
  const v = await ctx.ui.select<string | typeof UNKNOWN>({ message: t('interview.tp.channel', { name }), choices, default: def, pageSize: 10 });
  return v === UNKNOWN ? { channel: current ?? 'other', unknown: true } : { channel: v, unknown: false };
}

/** After the channel is written: "I don't know" is an open question; a channel answers it. */
function saveChannelAnswer(ctx: Ctx, id: string, name: string, answer: ChannelAnswer): void {
  const raw = ctx.ed.raw();
  const about = `touchpoint:${id}`;
  const owner = raw.touchpoints.find((x) => x.id === id)?.owner;
  if (answer.unknown) commit(ctx, (tx) => addQuestion(tx, raw, { about, field: 'channel', text: t('interview.q.channel', { name }), ask: owner }));
  else if (raw.questions.some((q) => q.about === about && q.field === 'channel')) commit(ctx, (tx) => tx.resolveQuestions(about, 'channel'));
}

function tpsIn(ctx: Ctx, stage: string): RawTouchpoint[] {
  return ctx.ed.raw().touchpoints.filter((x) => x.stage === stage);
}

export function tpLine(ctx: Ctx, tp: RawTouchpoint): string {
  const bits = [tp.channel];
  if (tp.owner) bits.push(departments(ctx.ed.raw()).find((d) => d.id === tp.owner)?.name ?? tp.owner);
  if (tp.in_scope === false) bits.push(t('interview.tp.out-of-scope'));
  if (tp.realtime) bits.push(t('interview.tp.is-realtime'));
  return `  · ${tp.name} ${chalk.dim(`(${tp.id})`)} ${chalk.dim(bits.join(', '))}`;
}

export async function touchpointsStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.touchpoints'));
  note(ctx, t('interview.tp.intro'));
  for (const stage of currentStages(ctx)) {
    if (ctx.st.done.includes(stage.id)) continue;
    await stageTouchpoints(ctx, stage);
    markDone(ctx, stage.id);
  }
}

type Action = { t: 'next' } | { t: 'add' } | { t: 'change'; id: string };

async function stageTouchpoints(ctx: Ctx, stage: StageInfo): Promise<void> {
  ctx.ui.say('');
  const hint = t(`interview.stage-hint.${stage.id}`);
  ctx.ui.say(chalk.bold(stage.name) + (hint.startsWith('interview.') ? '' : chalk.dim(`  ${hint}`)));
  let existing = tpsIn(ctx, stage.id);
  if (existing.length) {
    for (const tp of existing) ctx.ui.say(tpLine(ctx, tp));
    if (!ctx.quick) for (const tp of existing) await fillMissing(ctx, tp);
    for (;;) {
      existing = tpsIn(ctx, stage.id);
      const action = await ctx.ui.select<Action>({
        message: t('interview.tp.what', { stage: stage.name }),
        choices: [
          { name: t('interview.tp.next-stage'), value: { t: 'next' } },
          { name: t('interview.tp.add'), value: { t: 'add' } },
          ...existing.map((tp) => ({ name: t('interview.tp.change', { name: tp.name }), value: { t: 'change', id: tp.id } as Action })),
        ],
      });
      if (action.t === 'next') return;
      if (action.t === 'add') break;
      await changeTouchpoint(ctx, action.id);
    }
  }
  for (let first = !existing.length; ; first = false) {
    const name = (await ctx.ui.input({
      message: `${t(first ? 'interview.tp.first' : 'interview.tp.another', { stage: stage.name })} ${chalk.dim(t('interview.tp.enter-next'))}`,
      unknown: true,
    })).trim();
    if (!name) return;
    if (isUnknown(name)) {
      // Nobody in the room knows this stage's touchpoints: asked of the client, then the next stage.
      const raw = ctx.ed.raw();
      commit(ctx, (tx) => addQuestion(tx, raw, { about: `stage:${stage.id}`, field: 'touchpoints', text: t('interview.q.touchpoints', { stage: stage.name }) }));
      return;
    }
    await addTouchpoint(ctx, stage, name);
  }
}

/** The details of a touchpoint entered quickly (or interrupted): what it had not been asked. */
export async function finishTouchpoint(ctx: Ctx, id: string): Promise<void> {
  const tp = ctx.ed.raw().touchpoints.find((x) => x.id === id);
  if (!tp) return closeEntry(ctx, `tp:${id}`);
  ctx.ui.say(`${chalk.bold(tp.name)} ${chalk.dim(`(${tp.id})`)}`);
  await fillMissing(ctx, tp);
}

/** A touchpoint from an earlier session: only what is missing or still an open question. */
async function fillMissing(ctx: Ctx, tp: RawTouchpoint): Promise<void> {
  if (ctx.reviewed.has(`tp:${tp.id}`)) return;
  ctx.reviewed.add(`tp:${tp.id}`);
  const raw = ctx.ed.raw();
  // An owner already recorded as an open question is not asked again here ("Change" can).
  const asked = raw.questions.some((q) => q.about === `touchpoint:${tp.id}` && q.field === 'owner');
  if (!tp.owner && !asked) {
    saveOwner(ctx, 'touchpoints', tp.id, tp.name, await askOwner(ctx, t('interview.tp.owner', { name: tp.name }), tp.owner));
  }
  if (isOpenEntry(ctx, `tp:${tp.id}`)) {
    // Interrupted while it was entered, or entered in a quick interview: the questions it had
    // not reached yet, notes included.
    let channel = tp.channel;
    if (channel === 'other') {
      const answer = await askChannel(ctx, tp.name, channel);
      channel = answer.channel;
      if (channel !== 'other') commit(ctx, (tx) => tx.setField('touchpoints', tp.id, 'channel', answer.channel));
      saveChannelAnswer(ctx, tp.id, tp.name, answer);
    }
    await restOfTouchpoint(ctx, tp.id, tp.name, tp.channel, { scope: tp.in_scope === undefined, realtime: tp.realtime === undefined, captures: tp.captures === undefined });
    return;
  }
  if (tp.captures === undefined) {
    const captures = await askData(ctx, t('interview.tp.captures', { name: tp.name }), [], CHANNEL_DATA[tp.channel] ?? [], undefined, capturesQuestion(tp.id, tp.name, tp.owner));
    if (captures?.length) commit(ctx, (tx) => tx.setList('touchpoints', tp.id, 'captures', captures));
  }
}

export async function addTouchpoint(ctx: Ctx, stage: StageInfo, name: string): Promise<string | undefined> {
  const guess = guessChannel(name);
  if (ctx.quick) {
    // Quick: the id and channel are proposed, not asked; the tools come right away; the rest later.
    const id = proposeId(name, ctx.ed.raw().touchpoints.map((x) => x.id), guess ?? 'touchpoint');
    if (!commit(ctx, (tx) => tx.add('touchpoints', { id, name, stage: stage.id, channel: guess ?? 'other' }))) return undefined;
    ctx.reviewed.add(`tp:${id}`);
    openEntry(ctx, `tp:${id}`);
    await quickTools(ctx, id);
    return id;
  }
  const id = await askId(ctx, 'touchpoints', name, guess ?? 'touchpoint',
    (tx, x) => tx.add('touchpoints', { id: x, name, stage: stage.id, channel: guess ?? 'other' }));
  const answer = await askChannel(ctx, name);
  const channel = answer.channel;
  if (!commit(ctx, (tx) => tx.add('touchpoints', { id, name, stage: stage.id, channel }))) return undefined;
  saveChannelAnswer(ctx, id, name, answer);
  ctx.reviewed.add(`tp:${id}`);
  // Until its last question, an interrupted entry is finished on --resume (notes included).
  openEntry(ctx, `tp:${id}`);
  saveOwner(ctx, 'touchpoints', id, name, await askOwner(ctx, t('interview.tp.owner', { name })));
  await restOfTouchpoint(ctx, id, name, channel, { scope: true, realtime: true, captures: true });
  return id;
}

/** The questions after the owner: scope, real time, captured data, notes; then the entry is finished. */
async function restOfTouchpoint(ctx: Ctx, id: string, name: string, channel: string, ask: { scope: boolean; realtime: boolean; captures: boolean }): Promise<void> {
  if (ask.scope) saveYesNo(ctx, id, name, 'in_scope', await askYesNo(ctx, t('interview.tp.in-scope'), true), true);
  if (ask.realtime) saveYesNo(ctx, id, name, 'realtime', await askYesNo(ctx, t('interview.tp.realtime'), false), false);
  if (ask.captures) {
    const owner = ctx.ed.raw().touchpoints.find((x) => x.id === id)?.owner;
    const captures = await askData(ctx, t('interview.tp.captures', { name }), [], CHANNEL_DATA[channel] ?? [], undefined, capturesQuestion(id, name, owner));
    if (captures?.length) commit(ctx, (tx) => tx.setList('touchpoints', id, 'captures', captures));
  }
  const notes = await askNotes(ctx);
  if (notes) commit(ctx, (tx) => tx.setField('touchpoints', id, 'notes', notes));
  closeEntry(ctx, `tp:${id}`);
}

/** Writes a yes/no answer (nothing when it is the default), or an open question for "I don't know". */
function saveYesNo(ctx: Ctx, id: string, name: string, field: 'in_scope' | 'realtime', v: boolean | typeof UNKNOWN, def: boolean): void {
  const about = `touchpoint:${id}`;
  const raw = ctx.ed.raw();
  commit(ctx, (tx) => {
    if (v === UNKNOWN) {
      addQuestion(tx, raw, { about, field, text: t(field === 'in_scope' ? 'interview.q.in-scope' : 'interview.q.realtime', { name }) });
      return;
    }
    const current = raw.touchpoints.find((x) => x.id === id)?.[field];
    if (v !== def || (current !== undefined && current !== v)) tx.setField('touchpoints', id, field, v);
    tx.resolveQuestions(about, field);
  });
}

type Field = 'name' | 'channel' | 'owner' | 'tools' | 'captures' | 'in_scope' | 'realtime' | 'notes' | 'done';

export async function changeTouchpoint(ctx: Ctx, id: string): Promise<void> {
  for (;;) {
    const tp = ctx.ed.raw().touchpoints.find((x) => x.id === id);
    if (!tp) return;
    const field = await ctx.ui.select<Field>({
      message: t('interview.tp.which-field', { name: tp.name }),
      choices: [
        { name: `${t('interview.f.name')}: ${tp.name}`, value: 'name' },
        { name: `${t('interview.f.channel')}: ${tp.channel}`, value: 'channel' },
        { name: `${t('interview.f.owner')}: ${tp.owner ?? '—'}`, value: 'owner' },
        { name: `${t('interview.f.tools')}: ${(tp.tools ?? []).join(', ') || '—'}`, value: 'tools' },
        { name: `${t('interview.f.captures')}: ${(tp.captures ?? []).join(', ') || '—'}`, value: 'captures' },
        { name: `${t('interview.f.in_scope')}: ${tp.in_scope === false ? t('interview.no') : t('interview.yes')}`, value: 'in_scope' },
        { name: `${t('interview.f.realtime')}: ${tp.realtime ? t('interview.yes') : t('interview.no')}`, value: 'realtime' },
        { name: `${t('interview.f.notes')}: ${tp.notes ?? '—'}`, value: 'notes' },
        { name: t('interview.done'), value: 'done' },
      ],
    });
    if (field === 'done') return;
    if (field === 'name') {
      const name = (await ctx.ui.input({ message: t('interview.f.name'), default: tp.name, validate: nonEmpty })).trim();
      commit(ctx, (tx) => tx.setField('touchpoints', id, 'name', name));
    } else if (field === 'channel') {
      const answer = await askChannel(ctx, tp.name, tp.channel);
      commit(ctx, (tx) => tx.setField('touchpoints', id, 'channel', answer.channel));
      saveChannelAnswer(ctx, id, tp.name, answer);
    } else if (field === 'owner') {
      saveOwner(ctx, 'touchpoints', id, tp.name, await askOwner(ctx, t('interview.tp.owner', { name: tp.name }), tp.owner));
    } else if (field === 'tools') {
      // Untick a tool that is no longer used here; new tools are added in the tools step (search).
      const all = ctx.ed.raw().tools;
      const current = tp.tools ?? [];
      const picked = await ctx.ui.checkbox<string>({
        message: t('interview.tp.tools', { name: tp.name }),
        choices: [...current, ...all.map((x) => x.id).filter((x) => !current.includes(x))].map((x) => ({
          name: `${all.find((y) => y.id === x)?.name ?? x} ${chalk.dim(`(${x})`)}`, value: x, checked: current.includes(x), short: x,
        })),
      });
      commit(ctx, (tx) => tx.setList('touchpoints', id, 'tools', picked, tp.tools !== undefined));
    } else if (field === 'captures') {
      const captures = await askData(ctx, t('interview.tp.captures', { name: tp.name }), tp.captures ?? [], [], undefined, capturesQuestion(id, tp.name, tp.owner));
      if (captures) commit(ctx, (tx) => tx.setList('touchpoints', id, 'captures', captures));
    } else if (field === 'in_scope') {
      const v = await askYesNo(ctx, t('interview.tp.in-scope'), tp.in_scope !== false);
      if (v === UNKNOWN) saveYesNo(ctx, id, tp.name, 'in_scope', v, true);
      else commit(ctx, (tx) => tx.setField('touchpoints', id, 'in_scope', v ? (tp.in_scope === undefined ? undefined : true) : false));
    } else if (field === 'realtime') {
      const v = await askYesNo(ctx, t('interview.tp.realtime'), tp.realtime === true);
      if (v === UNKNOWN) saveYesNo(ctx, id, tp.name, 'realtime', v, false);
      else commit(ctx, (tx) => tx.setField('touchpoints', id, 'realtime', v ? true : (tp.realtime === undefined ? undefined : false)));
    } else {
      const notes = await askNotes(ctx, tp.notes);
      if (notes) commit(ctx, (tx) => tx.setField('touchpoints', id, 'notes', notes));
    }
  }
}
