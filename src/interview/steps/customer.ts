// Step "customer" (format revision 2): who the journey is for (personas and the touchpoints each
// meets), whether each touchpoint is personalized and how fresh its data must be, and what the
// data types nobody has classified yet are (party, personal, consent, use restrictions). "I don't know" is recorded
// as an open question, never guessed.
// A full interview runs it only for a workspace that already maps the customer's side (it has
// `personas` or `data_types`); `--step customer` runs it on any workspace.
import { dataTypeName, t } from '../../i18n/index.js';
import { loadDataTypes } from '../../catalog/index.js';
import { DATA_PARTIES, FRESHNESS } from '../../workspace/vocabulary.js';
import { chalk } from '../../cli/output.js';
import type { Choice } from '../ui.js';
import type { Plain } from '../yaml-edit.js';
import { UNKNOWN, isUnknown } from '../answers.js';
import { addQuestion, askId, commit, dontKnowLabel, heading, knownData, markDone, note, type Ctx } from '../ask.js';
import { currentStages } from './stages.js';

/** Does this workspace already map the customer's side? */
export function mapsCustomerSide(ctx: Ctx): boolean {
  const raw = ctx.ed.raw();
  return raw.personas.length > 0 || raw.data_types.length > 0;
}

export async function customerStep(ctx: Ctx, explicit: boolean): Promise<void> {
  if (!explicit && !mapsCustomerSide(ctx)) {
    // Not asked in a full interview of a workspace that does not map it, but never a secret.
    note(ctx, t('interview.cx.not-mapped', { path: ctx.ed.shown }));
    return;
  }
  heading(ctx, t('interview.step.customer'));
  note(ctx, t('interview.cx.intro'));
  if (!ctx.st.done.includes('personas')) {
    await personas(ctx);
    markDone(ctx, 'personas');
  }
  for (const tp of ctx.ed.raw().touchpoints.filter((x) => x.in_scope !== false)) {
    if (ctx.st.done.includes(`tp:${tp.id}`)) continue;
    await touchpoint(ctx, tp.id);
    markDone(ctx, `tp:${tp.id}`);
  }
  if (!ctx.st.done.includes('data')) {
    await dataTypes(ctx);
    markDone(ctx, 'data');
  }
}

// ---- personas ----------------------------------------------------------------------------

async function personas(ctx: Ctx): Promise<void> {
  const existing = ctx.ed.raw().personas;
  for (const p of existing) ctx.ui.say(`  · ${p.name} ${chalk.dim(`(${p.id})`)}`);
  for (let first = !existing.length; ; first = false) {
    const name = (await ctx.ui.input({
      message: `${t(first ? 'interview.cx.persona-first' : 'interview.cx.persona-another')} ${chalk.dim(t('interview.cx.enter-done'))}`,
    })).trim();
    if (!name) return;
    await addPersona(ctx, name);
  }
}

async function addPersona(ctx: Ctx, name: string): Promise<void> {
  const id = await askId(ctx, 'personas', name, 'persona', (tx, x) => tx.add('personas', { id: x, name }));
  const stages = currentStages(ctx);
  const picked = await ctx.ui.checkbox<string>({
    message: t('interview.cx.persona-stages', { name }),
    choices: stages.map((s) => ({ name: s.name, value: s.id, checked: true, short: s.id })),
    validate: (v) => (v.length ? true : t('interview.cx.persona-stages.none')),
  });
  // Every stage is the default: nothing to write.
  const entry: Record<string, Plain> = { id, name };
  if (picked.length < stages.length) entry.stages = picked;
  if (!commit(ctx, (tx) => tx.add('personas', entry))) return;

  // Which touchpoints this persona meets: the ones of its stages, all ticked to start with.
  const raw = ctx.ed.raw();
  const others = raw.personas.map((p) => p.id).filter((x) => x !== id);
  const tps = raw.touchpoints.filter((tp) => picked.includes(tp.stage));
  if (!tps.length) return;
  const meets = await ctx.ui.checkbox<string>({
    message: t('interview.cx.persona-touchpoints', { name }),
    choices: tps.map((tp) => ({ name: `${tp.name} ${chalk.dim(`(${tp.id})`)}`, value: tp.id, checked: true, short: tp.id })),
    pageSize: 12,
  });
  commit(ctx, (tx) => {
    for (const tp of tps) {
      const met = meets.includes(tp.id);
      if (tp.personas === undefined) {
        // "Everyone" until now: name everyone else when this persona is not met here.
        if (!met) tx.setList('touchpoints', tp.id, 'personas', others, true);
      } else if (met) tx.pushField('touchpoints', tp.id, 'personas', id);
    }
  });
}

// ---- touchpoints: personalized, needs -------------------------------------------------------

type YesNo = boolean | typeof UNKNOWN;

async function touchpoint(ctx: Ctx, id: string): Promise<void> {
  const raw = ctx.ed.raw();
  const tp = raw.touchpoints.find((x) => x.id === id);
  if (!tp) return;
  const asked = (field: string) => raw.questions.some((q) => q.about === `touchpoint:${id}` && q.field === field);
  if (tp.personalized === undefined && !asked('personalized')) {
    const v = await ctx.ui.select<YesNo>({
      message: t('interview.cx.personalized', { name: tp.name }),
      choices: [
        { name: t('interview.yes'), value: true, description: t('interview.cx.personalized.yes') },
        { name: t('interview.no'), value: false },
        { name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') },
      ],
      default: false,
    });
    commit(ctx, (tx) => {
      if (v === UNKNOWN) addQuestion(tx, raw, { about: `touchpoint:${id}`, field: 'personalized', text: t('interview.cx.q.personalized', { name: tp.name }), ask: tp.owner });
      else tx.setField('touchpoints', id, 'personalized', v);
    });
  }
  if (tp.needs === undefined && tp.realtime !== true && !asked('needs')) {
    const choices: Choice<string>[] = FRESHNESS.map((f) => ({ name: t(`interview.cx.needs.${f}`), value: f, short: f }));
    choices.push({ name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') });
    const v = await ctx.ui.select<string>({ message: t('interview.cx.needs', { name: tp.name }), choices, default: 'daily' });
    commit(ctx, (tx) => {
      if (v === UNKNOWN) addQuestion(tx, raw, { about: `touchpoint:${id}`, field: 'needs', text: t('interview.cx.q.needs', { name: tp.name }), ask: tp.owner });
      // `needs: realtime` and `realtime: true` say the same; the version-1 field is kept as the one written.
      else if (v === 'realtime') tx.setField('touchpoints', id, 'realtime', true);
      else tx.setField('touchpoints', id, 'needs', v);
    });
  }
}

// ---- data types: party and use restrictions --------------------------------------------------

async function dataTypes(ctx: Ctx): Promise<void> {
  const vocabulary = loadDataTypes();
  const inUse = knownData(ctx.ed.raw()).sort();
  if (!inUse.length) return;
  // The party of a type the product does not know, unless the workspace says it or asked already.
  for (const d of inUse) {
    const raw = ctx.ed.raw();
    const entry = raw.data_types.find((x) => x.id === d);
    if (vocabulary.get(d)?.party || entry?.party !== undefined) continue;
    if (raw.questions.some((q) => q.about === `data:${d}` && q.field === 'party')) continue;
    const choices: Choice<string>[] = DATA_PARTIES.map((p) => ({ name: t(`interview.cx.party.${p}`), value: p, short: p }));
    choices.push({ name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') });
    const v = await ctx.ui.select<string>({ message: t('interview.cx.party', { data: dataTypeName(d) }), choices });
    commit(ctx, (tx) => {
      if (v === UNKNOWN) addQuestion(tx, raw, { about: `data:${d}`, field: 'party', text: t('interview.cx.q.party', { data: dataTypeName(d) }) });
      else if (entry) tx.setField('data_types', d, 'party', v);
      else tx.add('data_types', { id: d, party: v });
    });
  }
  // Whether a type the product does not know identifies a person, and whether it is a consent
  // choice: the consent and restricted-data checks depend on it. Asked once per type.
  for (const d of inUse) {
    if (vocabulary.has(d)) continue;
    for (const field of ['personal', 'consent'] as const) {
      const raw = ctx.ed.raw();
      const entry = raw.data_types.find((x) => x.id === d);
      if (entry?.[field] !== undefined || raw.questions.some((q) => q.about === `data:${d}` && q.field === field)) continue;
      const v = await ctx.ui.select<YesNo>({
        message: t(`interview.cx.${field}`, { data: dataTypeName(d) }),
        choices: [
          { name: t('interview.yes'), value: true, description: t(`interview.cx.${field}.yes`) },
          { name: t('interview.no'), value: false },
          { name: t('interview.dont-know'), value: UNKNOWN, description: t('interview.dont-know.hint') },
        ],
        default: field === 'personal',
      });
      commit(ctx, (tx) => {
        if (v === UNKNOWN) addQuestion(tx, raw, { about: `data:${d}`, field, text: t(`interview.cx.q.${field}`, { data: dataTypeName(d) }) });
        else if (entry) tx.setField('data_types', d, field, v);
        else tx.add('data_types', { id: d, [field]: v });
      });
    }
  }
  // Use restrictions come from a contract or a law: only the client knows them.
  const open = inUse.filter((d) => ctx.ed.raw().data_types.find((x) => x.id === d)?.restricted === undefined);
  if (!open.length) return;
  const restricted = await ctx.ui.checkbox<string>({
    message: t('interview.cx.restricted'),
    choices: open.map((d) => ({ name: dataTypeName(d) === d ? d : `${dataTypeName(d)} ${chalk.dim(`(${d})`)}`, value: d, short: d })),
    pageSize: 12,
  });
  for (const d of restricted) {
    const words = (await ctx.ui.input({ message: t('interview.cx.restricted.words', { data: dataTypeName(d) }), unknown: true })).trim();
    if (!words) continue;
    const raw = ctx.ed.raw();
    const entry = raw.data_types.find((x) => x.id === d);
    commit(ctx, (tx) => {
      if (isUnknown(words)) addQuestion(tx, raw, { about: `data:${d}`, field: 'restricted', text: t('interview.cx.q.restricted', { data: dataTypeName(d) }) });
      else if (entry) tx.setField('data_types', d, 'restricted', words);
      else tx.add('data_types', { id: d, restricted: words });
    });
  }
}
