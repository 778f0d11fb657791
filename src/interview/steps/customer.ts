// Step "customer" (format revision 2): who the journey is for (personas and the touchpoints each
// meets), whether each touchpoint is personalized and how fresh its data must be, and what each
// data type heard in the interview is (party, personal, consent, use restrictions), the built-in
// vocabulary's defaults shown and open to correction. "I don't know" is recorded as an open
// question, never guessed.
// Part of every full interview, after the integrations (the touchpoints, tools and data are known
// by then) and before the analysis. Every answer is written as it is given; a persona begun and not
// finished (Ctrl-C, or named in a quick interview) is an open entry that --resume finishes.
// --quick asks the personas' names only; their stages and touchpoints, personalization,
// freshness and the data's classification wait for --resume ("Fill in the details now").
import { dataTypeName, t } from '../../i18n/index.js';
import { loadDataTypes, localName } from '../../catalog/index.js';
import { DATA_PARTIES, FRESHNESS } from '../../workspace/vocabulary.js';
import { chalk } from '../../cli/output.js';
import type { Choice } from '../ui.js';
import type { RawWorkspace } from '../workspace-editor.js';
import { proposeId } from '../ids.js';
import { UNKNOWN, isUnknown } from '../answers.js';
import {
  addQuestion, askId, closeEntry, commit, dontKnowLabel, heading, idsOf, knownData, markDone, note, openEntry, type Ctx,
} from '../ask.js';
import { currentStages } from './stages.js';

export async function customerStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.customer'));
  note(ctx, t(ctx.quick ? 'interview.cx.quick-intro' : 'interview.cx.intro'));
  // Personas begun and not finished: their stages and touchpoints first.
  if (!ctx.quick) {
    for (const key of [...(ctx.st.open ?? [])]) if (key.startsWith('persona:')) await finishPersona(ctx, key.slice('persona:'.length));
  }
  if (!ctx.st.done.includes('personas')) {
    await personas(ctx);
    markDone(ctx, 'personas');
  }
  if (ctx.quick) return;
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
      unknown: true,
    })).trim();
    if (!name) return;
    if (isUnknown(name)) {
      // Nobody in the room can say who the journey is for: a question for the client.
      const raw = ctx.ed.raw();
      commit(ctx, (tx) => addQuestion(tx, raw, { about: 'organization', field: 'personas', text: t('interview.cx.q.personas') }));
      return;
    }
    await addPersona(ctx, name);
  }
}

async function addPersona(ctx: Ctx, name: string): Promise<void> {
  const id = ctx.quick
    ? proposeId(name, idsOf(ctx.ed.raw(), 'personas'), 'persona')
    : await askId(ctx, 'personas', name, 'persona', (tx, x) => tx.add('personas', { id: x, name }));
  // Written at once (every stage, every touchpoint: the format's defaults) and open until its
  // stages and touchpoints are answered: an interrupted persona is finished on --resume.
  if (!commit(ctx, (tx) => {
    tx.add('personas', { id, name });
    tx.resolveQuestions('organization', 'personas');
  })) return;
  openEntry(ctx, `persona:${id}`);
  if (!ctx.quick) await finishPersona(ctx, id);
}

/** The stages a persona goes through (default: all) and the touchpoints where the company meets it. */
async function finishPersona(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.ed.raw().personas.find((x) => x.id === id);
  if (!p) return closeEntry(ctx, `persona:${id}`);
  const name = p.name;
  const stages = currentStages(ctx);
  const before = p.stages ?? stages.map((s) => s.id);
  const picked = await ctx.ui.checkbox<string>({
    message: t('interview.cx.persona-stages', { name }),
    choices: stages.map((s) => ({ name: s.name, value: s.id, checked: before.includes(s.id), short: s.id })),
    validate: (v) => (v.length ? true : t('interview.cx.persona-stages.none')),
  });
  const all = picked.length === stages.length;
  if (!commit(ctx, (tx) => {
    // Every stage is the default: nothing to write.
    tx.setList('personas', id, 'stages', all ? [] : picked);
    // A touchpoint that named it in a stage it no longer goes through would contradict it.
    for (const tp of ctx.ed.raw().touchpoints) {
      if (tp.personas?.includes(id) && !picked.includes(tp.stage)) tx.setList('touchpoints', tp.id, 'personas', tp.personas.filter((x) => x !== id), true);
    }
  })) return;

  // Which touchpoints this persona meets: the ones of its stages, all ticked to start with.
  const raw = ctx.ed.raw();
  const tps = raw.touchpoints.filter((tp) => picked.includes(tp.stage));
  if (tps.length) {
    const meets = await ctx.ui.checkbox<string>({
      message: t('interview.cx.persona-touchpoints', { name }),
      choices: tps.map((tp) => ({ name: `${tp.name} ${chalk.dim(`(${tp.id})`)}`, value: tp.id, checked: true, short: tp.id })),
      pageSize: 12,
    });
    if (!commit(ctx, (tx) => {
      for (const tp of tps) {
        const met = meets.includes(tp.id);
        if (tp.personas === undefined) {
          // "Everyone" until now: name everyone else who goes through its stage when this persona is not met here.
          if (!met) tx.setList('touchpoints', tp.id, 'personas', othersAt(raw, id, tp.stage), true);
        } else if (met) tx.pushField('touchpoints', tp.id, 'personas', id);
        else if (tp.personas.includes(id)) tx.setList('touchpoints', tp.id, 'personas', tp.personas.filter((x) => x !== id), true);
      }
    })) return;
  }
  closeEntry(ctx, `persona:${id}`);
}

/** The other personas that go through a stage (their stages, or every stage when none are given). */
function othersAt(raw: RawWorkspace, id: string, stage: string): string[] {
  return raw.personas.filter((p) => p.id !== id && (p.stages === undefined || p.stages.includes(stage))).map((p) => p.id);
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
        { name: t('interview.answer.yes'), value: true, description: t('interview.cx.personalized.yes') },
        { name: t('interview.answer.no'), value: false },
        { name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') },
      ],
      default: false,
    });
    commit(ctx, (tx) => {
      if (v === UNKNOWN) addQuestion(tx, raw, { about: `touchpoint:${id}`, field: 'personalized', text: t('interview.cx.q.personalized', { name: tp.name }), ask: tp.owner });
      else {
        tx.setField('touchpoints', id, 'personalized', v);
        tx.resolveQuestions(`touchpoint:${id}`, 'personalized');
      }
    });
  }
  if (tp.needs === undefined && tp.realtime !== true && !asked('needs')) {
    const choices: Choice<string>[] = FRESHNESS.map((f) => ({ name: t(`interview.cx.needs.${f}`), value: f, short: f }));
    choices.push({ name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') });
    const v = await ctx.ui.select<string>({ message: t('interview.cx.needs', { name: tp.name }), choices, default: 'daily' });
    commit(ctx, (tx) => {
      if (v === UNKNOWN) addQuestion(tx, raw, { about: `touchpoint:${id}`, field: 'needs', text: t('interview.cx.q.needs', { name: tp.name }), ask: tp.owner });
      // `needs: realtime` and `realtime: true` say the same; the version-1 field is kept as the one written.
      else {
        if (v === 'realtime') tx.setField('touchpoints', id, 'realtime', true);
        else tx.setField('touchpoints', id, 'needs', v);
        tx.resolveQuestions(`touchpoint:${id}`, 'needs');
        // How fresh the data must be answers "does it need live data?" as well.
        tx.resolveQuestions(`touchpoint:${id}`, 'realtime');
      }
    });
  }
}

// ---- data types: what each is (party, personal, consent) and what restricts its use ---------

type ClassField = 'party' | 'personal' | 'consent';
const CLASS_FIELDS: readonly ClassField[] = ['party', 'personal', 'consent'];
type Vocabulary = ReturnType<typeof loadDataTypes>;

/** A data type as people say it: the workspace's name, the vocabulary's name, or the id. */
function typeName(raw: RawWorkspace, vocabulary: Vocabulary, d: string): string {
  const own = raw.data_types.find((x) => x.id === d)?.name;
  if (own) return own;
  const v = vocabulary.get(d);
  return v ? localName(v.name, dataTypeName(d)) : dataTypeName(d);
}

function typeLabel(raw: RawWorkspace, vocabulary: Vocabulary, d: string): string {
  const name = typeName(raw, vocabulary, d);
  return name === d ? d : `${name} ${chalk.dim(`(${d})`)}`;
}

/** The classification the audit reads: the workspace's entry field by field, else the vocabulary's default. */
function classOf(raw: RawWorkspace, vocabulary: Vocabulary, d: string, field: ClassField): { value?: string | boolean; given: boolean } {
  const own = raw.data_types.find((x) => x.id === d)?.[field];
  if (own !== undefined) return { value: own, given: true };
  return { value: vocabulary.get(d)?.[field], given: false };
}

function asked(raw: RawWorkspace, d: string, field: string): boolean {
  return raw.questions.some((q) => q.about === `data:${d}` && q.field === field);
}

async function dataTypes(ctx: Ctx): Promise<void> {
  const vocabulary = loadDataTypes();
  const inUse = knownData(ctx.ed.raw()).sort();
  if (!inUse.length) return;
  // What neither the workspace nor the built-in vocabulary says: asked once per type and field
  // (the consent and restricted-data checks depend on it); "I don't know" is a question.
  for (const d of inUse) {
    for (const field of CLASS_FIELDS) {
      const raw = ctx.ed.raw();
      if (classOf(raw, vocabulary, d, field).value !== undefined || asked(raw, d, field)) continue;
      await askClass(ctx, vocabulary, d, field);
    }
  }
  if (!ctx.st.done.includes('data-checked')) {
    await reviewClasses(ctx, vocabulary, inUse);
    markDone(ctx, 'data-checked');
  }
  await restrictions(ctx, vocabulary, inUse);
}

/** Asks one field of a data type; writes the answer, or records the question for "I don't know". */
async function askClass(ctx: Ctx, vocabulary: Vocabulary, d: string, field: ClassField, current?: string | boolean): Promise<void> {
  const name = typeName(ctx.ed.raw(), vocabulary, d);
  let v: string | boolean;
  if (field === 'party') {
    const choices: Choice<string>[] = DATA_PARTIES.map((p) => ({ name: t(`interview.cx.party.${p}`), value: p, short: p }));
    choices.push({ name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') });
    v = await ctx.ui.select<string>({ message: t('interview.cx.party', { data: name }), choices, default: typeof current === 'string' ? current : undefined });
  } else {
    v = await ctx.ui.select<YesNo>({
      message: t(`interview.cx.${field}`, { data: name }),
      choices: [
        { name: t('interview.answer.yes'), value: true, description: t(`interview.cx.${field}.yes`) },
        { name: t('interview.answer.no'), value: false },
        { name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') },
      ],
      default: typeof current === 'boolean' ? current : field === 'personal',
    });
  }
  const raw = ctx.ed.raw();
  const entry = raw.data_types.find((x) => x.id === d);
  const builtIn = vocabulary.get(d)?.[field];
  commit(ctx, (tx) => {
    if (v === UNKNOWN) {
      addQuestion(tx, raw, { about: `data:${d}`, field, text: t(`interview.cx.q.${field}`, { data: name }) });
      return;
    }
    tx.resolveQuestions(`data:${d}`, field);
    // The built-in default confirmed: nothing to write (an entry that says it already keeps it).
    if (entry?.[field] === undefined && builtIn === v) return;
    if (entry) tx.setField('data_types', d, field, v);
    else tx.add('data_types', { id: d, [field]: v });
  });
}

/** One line per data type: where it comes from, whether it is personal, whether it is consent data. */
function classLine(raw: RawWorkspace, vocabulary: Vocabulary, d: string): string {
  const part = (field: ClassField): string => {
    const c = classOf(raw, vocabulary, d, field);
    if (c.value === undefined) return chalk.yellow(t(`interview.cx.class.${field}.unknown`));
    const text = field === 'party' ? t(`interview.cx.class.party.${c.value}`) : t(`interview.cx.class.${field}.${c.value ? 'yes' : 'no'}`);
    return c.given ? text : `${text}${chalk.dim('*')}`;
  };
  // Consent data is the exception: said when it is, or when nobody knows.
  const consent = classOf(raw, vocabulary, d, 'consent').value;
  const fields = CLASS_FIELDS.filter((f) => f !== 'consent' || consent !== false);
  // A use restriction is never a default: said when the workspace has one.
  const restricted = typeof raw.data_types.find((x) => x.id === d)?.restricted === 'string' ? [t('interview.cx.class.restricted')] : [];
  return `  · ${typeLabel(raw, vocabulary, d)}: ${[...fields.map(part), ...restricted].join(', ')}`;
}

/**
 * The classification of every data type heard, as the audit will read it (the built-in defaults
 * marked *): the consultant checks it with the client and corrects what is wrong for this company
 * (orders bought through a marketplace are not first-party data, say).
 */
async function reviewClasses(ctx: Ctx, vocabulary: Vocabulary, inUse: string[]): Promise<void> {
  for (;;) {
    const raw = ctx.ed.raw();
    ctx.ui.say('');
    note(ctx, t('interview.cx.class.intro'));
    for (const d of inUse) ctx.ui.say(classLine(raw, vocabulary, d));
    if (inUse.some((d) => CLASS_FIELDS.some((f) => !classOf(raw, vocabulary, d, f).given && classOf(raw, vocabulary, d, f).value !== undefined))) {
      note(ctx, `  ${t('interview.cx.class.default')}`);
    }
    const pick = await ctx.ui.select<string | null>({
      message: t('interview.cx.class.ask'),
      choices: [
        { name: chalk.green(t('interview.cx.class.right')), value: null },
        ...inUse.map((d) => ({ name: t('interview.cx.class.change', { data: typeName(raw, vocabulary, d) }), value: d as string | null, short: d })),
      ],
      pageSize: 12,
    });
    if (pick === null) return;
    for (const field of CLASS_FIELDS) await askClass(ctx, vocabulary, pick, field, classOf(ctx.ed.raw(), vocabulary, pick, field).value);
  }
}

/**
 * Use restrictions come from a contract or a law: only the client knows them. The types ticked
 * are open entries until their restriction is said, so that --resume asks for the words it had
 * not reached.
 */
async function restrictions(ctx: Ctx, vocabulary: Vocabulary, inUse: string[]): Promise<void> {
  let pending = (ctx.st.open ?? []).filter((k) => k.startsWith('restricted:')).map((k) => k.slice('restricted:'.length));
  if (!pending.length && !ctx.st.done.includes('restricted')) {
    const raw = ctx.ed.raw();
    const open = inUse.filter((d) => raw.data_types.find((x) => x.id === d)?.restricted === undefined && !asked(raw, d, 'restricted'));
    if (open.length) {
      pending = await ctx.ui.checkbox<string>({
        message: t('interview.cx.restricted'),
        choices: open.map((d) => ({ name: typeLabel(raw, vocabulary, d), value: d, short: d })),
        pageSize: 12,
      });
      for (const d of pending) openEntry(ctx, `restricted:${d}`);
    }
    markDone(ctx, 'restricted');
  }
  for (const d of pending) {
    const name = typeName(ctx.ed.raw(), vocabulary, d);
    const words = (await ctx.ui.input({ message: t('interview.cx.restricted.words', { data: name }), unknown: true })).trim();
    const raw = ctx.ed.raw();
    const entry = raw.data_types.find((x) => x.id === d);
    if (words) {
      commit(ctx, (tx) => {
        if (isUnknown(words)) addQuestion(tx, raw, { about: `data:${d}`, field: 'restricted', text: t('interview.cx.q.restricted', { data: name }) });
        else if (entry) tx.setField('data_types', d, 'restricted', words);
        else tx.add('data_types', { id: d, restricted: words });
        if (!isUnknown(words)) tx.resolveQuestions(`data:${d}`, 'restricted');
      });
    }
    closeEntry(ctx, `restricted:${d}`);
  }
}
