// What every step shares: the session context, saving an answer (checked by the loader first),
// and the questions that come back in several steps (an id, an owner, data, a cost, seats).
import { dataTypeName, t } from '../i18n/index.js';
import { ID_PATTERN } from '../model/vocabulary.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import { chalk } from '../cli/output.js';
import type { Lang } from '../i18n/index.js';
import type { Ui, Choice } from './ui.js';
import type { WorkspaceEditor, Tx, RawWorkspace, RawDepartment } from './workspace-editor.js';
import type { StateStore, InterviewState } from './state.js';
import type { Plain } from './yaml-edit.js';
import { proposeId } from './ids.js';
import {
  UNKNOWN, isUnknown, parseCost, parseSeats, parseList, parseMonth, type CostAnswer, type SeatsAnswer,
} from './answers.js';
import { DATA_TYPES, dataTypeFromText } from './data-types.js';

export interface Ctx {
  ed: WorkspaceEditor;
  ui: Ui;
  store: StateStore;
  st: InterviewState;
  lang: Lang;
  /** Tools whose details were gone through in this session: asked once only. */
  reviewed: Set<string>;
  /** --quick: touchpoints get a name and their tools, tools a name and a catalog match; the rest later. */
  quick?: boolean;
}

export function saveState(ctx: Ctx): void {
  ctx.store.save(ctx.st);
}

/** An entry is begun: until `closeEntry`, an interrupted session asks its remaining questions on --resume. */
export function openEntry(ctx: Ctx, key: string): void {
  ctx.st.open = [...(ctx.st.open ?? []).filter((k) => k !== key), key];
  saveState(ctx);
}

export function closeEntry(ctx: Ctx, key: string): void {
  if (!ctx.st.open?.includes(key)) return;
  ctx.st.open = ctx.st.open.filter((k) => k !== key);
  if (!ctx.st.open.length) delete ctx.st.open;
  saveState(ctx);
}

export function isOpenEntry(ctx: Ctx, key: string): boolean {
  return ctx.st.open?.includes(key) === true;
}

export function markDone(ctx: Ctx, key: string): void {
  if (!ctx.st.done.includes(key)) ctx.st.done.push(key);
  saveState(ctx);
}

/** Warnings that only mean "not asked yet" while the interview is still going. */
const TRANSIENT = new Set(['no-data', 'no-organization', 'empty-file']);

export function issueLine(d: Diagnostic): string {
  const text = d.suggestion ? `${d.message} (${d.suggestion})` : d.message;
  return d.severity === 'error' ? `  ${chalk.red('✖')} ${text}` : `  ${chalk.yellow('!')} ${text}`;
}

/** Saves a change; prints why when the loader refuses it. */
export function commit(ctx: Ctx, fn: (tx: Tx) => void): boolean {
  const out = ctx.ed.change(fn);
  if (out.held) {
    // Not written (a file someone broke, a failed write), but kept: written with the next answer
    // once the file can be written, or at the end, where the interview asks again.
    for (const d of out.errors) ctx.ui.say(issueLine(d));
    ctx.ui.say(chalk.yellow(t('interview.held', { n: ctx.ed.held.length })));
    return true;
  }
  if (!out.ok) {
    if (out.errors[0]?.code !== 'changed-on-disk') ctx.ui.say(chalk.red(t('interview.not-saved')));
    for (const d of out.errors) ctx.ui.say(issueLine(d));
    return false;
  }
  for (const d of out.warnings) if (!TRANSIENT.has(d.code)) ctx.ui.say(issueLine(d));
  return true;
}

/** A prompt validator from a dry run: the first error the loader would report, or true. */
export function loaderCheck(ctx: Ctx, fn: (tx: Tx) => void): true | string {
  const out = ctx.ed.check(fn);
  if (out.ok) return true;
  const d = out.errors[0];
  return d.suggestion ? `${d.message} (${d.suggestion})` : d.message;
}

export function heading(ctx: Ctx, text: string): void {
  ctx.ui.say('');
  ctx.ui.say(chalk.bold.cyan(text));
}

export function note(ctx: Ctx, text: string): void {
  ctx.ui.say(chalk.dim(text));
}

// ---- ids ---------------------------------------------------------------------------------

export function idsOf(raw: RawWorkspace, kind: 'touchpoints' | 'tools' | 'personas'): string[] {
  return raw[kind].map((x) => x.id).filter(Boolean);
}

/** Asks for an id, proposing one from the name; checks the pattern, uniqueness and the loader. */
export async function askId(ctx: Ctx, kind: 'touchpoints' | 'tools' | 'personas', name: string, fallback: string, dryRun: (tx: Tx, id: string) => void, proposal?: string): Promise<string> {
  const raw = ctx.ed.raw();
  const taken = idsOf(raw, kind);
  const def = proposal && !taken.includes(proposal) ? proposal : proposeId(proposal ?? name, taken, fallback);
  const answer = await ctx.ui.input({
    message: t('interview.id', { name }),
    default: def,
    validate: (v) => {
      const id = v.trim();
      if (!ID_PATTERN.test(id)) return t('interview.id.pattern');
      const other = raw[kind].find((x) => x.id === id);
      if (other) return t('interview.id.taken', { id, name: other.name });
      return loaderCheck(ctx, (tx) => dryRun(tx, id));
    },
  });
  return answer.trim();
}

export function nonEmpty(v: string): true | string {
  return v.trim() ? true : t('interview.required');
}

// ---- departments and owners ----------------------------------------------------------------

export interface Dept { id: string; name: string }

export function departments(raw: RawWorkspace): Dept[] {
  return (raw.organization?.departments ?? []).map((d: RawDepartment) =>
    typeof d === 'string' ? { id: d, name: d } : { id: d.id, name: d.name ?? d.id }).filter((d) => d.id);
}

export const SKIP = Symbol('skip');
export type OwnerAnswer = string | typeof UNKNOWN | typeof SKIP;

/** Which department owns it: a pick list, "I don't know" (an open question) or no answer. */
export async function askOwner(ctx: Ctx, message: string, current?: string, suggested?: string): Promise<OwnerAnswer> {
  const raw = ctx.ed.raw();
  const depts = departments(raw);
  if (!depts.length) {
    const v = await ctx.ui.input({
      message: `${message} ${chalk.dim(t('interview.owner.free-hint'))}`,
      default: current ?? suggested,
      unknown: true,
      validate: (x) => (!x.trim() || isUnknown(x) || ID_PATTERN.test(x.trim()) ? true : t('interview.id.pattern')),
    });
    if (!v.trim()) return SKIP;
    return isUnknown(v) ? UNKNOWN : v.trim();
  }
  const choices: Choice<OwnerAnswer>[] = depts.map((d) => ({ name: d.name === d.id ? d.id : `${d.name} (${d.id})`, value: d.id }));
  // Labelled "? …": typing ? in the list jumps to it, as ? answers a typed question.
  choices.push({ name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') });
  choices.push({ name: t('interview.skip'), value: SKIP });
  const def = current ?? (suggested && depts.some((d) => d.id === suggested) ? suggested : undefined);
  return ctx.ui.select<OwnerAnswer>({ message, choices, default: def });
}

/** "? I don't know": in a list, typing ? moves to it (lists jump to the entry that starts with what is typed). */
export function dontKnowLabel(): string {
  return `? ${t('interview.dont-know')}`;
}

/**
 * A yes/no question that "I don't know" can answer too (then an open question is recorded): a
 * short list, Yes / No / ? I don't know, where y, n and ? jump to their answer.
 */
export async function askYesNo(ctx: Ctx, message: string, def: boolean): Promise<boolean | typeof UNKNOWN> {
  return ctx.ui.select<boolean | typeof UNKNOWN>({
    message,
    choices: [
      { name: t('interview.answer.yes'), value: true },
      { name: t('interview.answer.no'), value: false },
      { name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') },
    ],
    default: def,
  });
}

export interface QuestionDraft { about: string; field?: string; text: string; ask?: string }

/** Records an open question unless the same one is already there. */
export function addQuestion(tx: Tx, raw: RawWorkspace, q: QuestionDraft): void {
  if (raw.questions.some((x) => x.about === q.about && (x.field ?? '') === (q.field ?? ''))) return;
  const entry: Record<string, Plain> = { about: q.about };
  if (q.field) entry.field = q.field;
  entry.text = q.text;
  if (q.ask && departments(raw).some((d) => d.id === q.ask)) entry.ask = q.ask;
  tx.add('questions', entry);
}

/** Writes an owner answer: the owner, or an open question. */
export function saveOwner(ctx: Ctx, kind: 'touchpoints' | 'tools', id: string, name: string, answer: OwnerAnswer): void {
  if (answer === SKIP) return;
  const about = `${kind === 'tools' ? 'tool' : 'touchpoint'}:${id}`;
  const raw = ctx.ed.raw();
  commit(ctx, (tx) => {
    if (answer === UNKNOWN) {
      addQuestion(tx, raw, { about, field: 'owner', text: t(kind === 'tools' ? 'interview.q.owner-tool' : 'interview.q.owner-touchpoint', { name }) });
    } else {
      tx.setField(kind, id, 'owner', answer);
      tx.resolveQuestions(about, 'owner');
    }
  });
}

// ---- data types ----------------------------------------------------------------------------

/** Every data type the workspace already uses (captures and tool data). */
export function knownData(raw: RawWorkspace): string[] {
  const s = new Set<string>();
  for (const tp of raw.touchpoints) for (const d of tp.captures ?? []) s.add(d);
  for (const tool of raw.tools) for (const d of tool.data ?? []) s.add(d);
  return [...s];
}

function dataLabel(id: string): string {
  const key = `interview.data.${id}`;
  const label = t(key);
  if (label !== key) return `${id}  ${chalk.dim(label)}`;
  const name = dataTypeName(id);
  return name === id ? id : `${id}  ${chalk.dim(name)}`;
}

const OTHER = '\u0000other';

const DONT_KNOW = '\u0000unknown';

/**
 * Multi-select of data types (already used ones and the shared vocabulary), plus new ones. With
 * `question`, the list ends with "? I don't know" (typing ? ticks it): then the question is recorded
 * and the answer is undefined (nothing to write), or what was ticked beside it (a partial answer).
 */
export async function askData(ctx: Ctx, message: string, selected: readonly string[], suggested?: readonly string[], validate?: (list: string[]) => true | string): Promise<string[]>;
export async function askData(ctx: Ctx, message: string, selected: readonly string[], suggested: readonly string[], validate: ((list: string[]) => true | string) | undefined, question: QuestionDraft): Promise<string[] | undefined>;
export async function askData(ctx: Ctx, message: string, selected: readonly string[], suggested: readonly string[] = [], validate?: (list: string[]) => true | string, question?: QuestionDraft): Promise<string[] | undefined> {
  const raw = ctx.ed.raw();
  const order: string[] = [];
  const add = (d: string): void => {
    if (!order.includes(d)) order.push(d);
  };
  selected.forEach(add);
  suggested.forEach(add);
  knownData(raw).sort().forEach(add);
  DATA_TYPES.forEach(add);
  const checked = new Set([...selected, ...suggested]);
  const choices: Choice<string>[] = order.map((d) => ({ name: dataLabel(d), value: d, checked: checked.has(d), short: d }));
  choices.push({ name: t('interview.data.other'), value: OTHER, short: t('interview.data.other.short') });
  if (question) choices.push({ name: dontKnowLabel(), value: DONT_KNOW, short: '?', description: t('interview.dont-know.hint'), unknown: true });
  let picked = await ctx.ui.checkbox<string>({ message, choices, validate: validate ? (v) => validate(v.filter((x) => x !== OTHER && x !== DONT_KNOW)) : undefined });
  if (question && picked.includes(DONT_KNOW)) {
    const raw = ctx.ed.raw();
    commit(ctx, (tx) => addQuestion(tx, raw, question));
    picked = picked.filter((x) => x !== DONT_KNOW);
    if (!picked.length) return undefined;
  }
  if (picked.includes(OTHER)) {
    picked = picked.filter((x) => x !== OTHER);
    const more = await ctx.ui.input({ message: t('interview.data.other.ask') });
    for (const d of parseList(more).map(dataTypeFromText)) if (d && !picked.includes(d)) picked.push(d);
  }
  return picked;
}

// ---- cost, seats, renewal --------------------------------------------------------------------

export function costText(cost: unknown): string | undefined {
  if (typeof cost === 'number') return String(cost);
  if (cost === UNKNOWN) return '?';
  if (cost && typeof cost === 'object') {
    const c = cost as { amount: number; period: string };
    return `${c.amount}/${c.period}`;
  }
  return undefined;
}

export async function askCost(ctx: Ctx, name: string, currency: string, current?: unknown): Promise<CostAnswer> {
  const def = costText(current);
  const v = await ctx.ui.input({
    message: `${t('interview.tool.cost', { name, currency })} ${chalk.dim(t('interview.tool.cost.hint'))}`,
    default: def && def !== '?' ? def : undefined,
    unknown: true,
    validate: (x) => (parseCost(x) ? true : t('interview.tool.cost.bad')),
  });
  return parseCost(v)!;
}

export function saveCost(ctx: Ctx, id: string, name: string, owner: string | undefined, cost: CostAnswer): void {
  const raw = ctx.ed.raw();
  commit(ctx, (tx) => {
    if (cost === UNKNOWN) {
      tx.setField('tools', id, 'cost', UNKNOWN);
      addQuestion(tx, raw, { about: `tool:${id}`, field: 'cost', text: t('interview.q.cost', { name }), ask: owner });
    } else {
      tx.setField('tools', id, 'cost', { amount: cost.amount, period: cost.period });
      tx.resolveQuestions(`tool:${id}`, 'cost');
    }
  });
}

export async function askSeats(ctx: Ctx, name: string, current?: { licensed?: number; active?: number }): Promise<SeatsAnswer> {
  const def = current ? `${current.licensed ?? '?'}/${current.active ?? '?'}` : undefined;
  const v = await ctx.ui.input({
    message: `${t('interview.tool.seats', { name })} ${chalk.dim(t('interview.tool.seats.hint'))}`,
    default: def,
    unknown: true,
    validate: (x) => (parseSeats(x) ? true : t('interview.tool.seats.bad')),
  });
  return parseSeats(v)!;
}

export function saveSeats(ctx: Ctx, id: string, name: string, owner: string | undefined, seats: SeatsAnswer): void {
  const raw = ctx.ed.raw();
  if (seats.licensed === undefined && seats.active === undefined) {
    // Enter: not sold per seat. Recorded as `seats: {}` so that neither the analysis nor the next
    // interview asks for seat counts again.
    commit(ctx, (tx) => {
      tx.setField('tools', id, 'seats', {});
      tx.resolveQuestions(`tool:${id}`, 'seats');
    });
    return;
  }
  commit(ctx, (tx) => {
    const known: Record<string, Plain> = {};
    if (typeof seats.licensed === 'number') known.licensed = seats.licensed;
    if (typeof seats.active === 'number') known.active = seats.active;
    if (Object.keys(known).length) tx.setField('tools', id, 'seats', known);
    if (seats.licensed === UNKNOWN || seats.active === UNKNOWN) {
      const which = seats.licensed === UNKNOWN && seats.active === UNKNOWN ? 'interview.q.seats'
        : seats.licensed === UNKNOWN ? 'interview.q.seats-licensed' : 'interview.q.seats-active';
      addQuestion(tx, raw, { about: `tool:${id}`, field: 'seats', text: t(which, { name }), ask: owner });
    } else tx.resolveQuestions(`tool:${id}`, 'seats');
  });
}

export async function askMonth(ctx: Ctx, message: string, current?: string): Promise<string | undefined> {
  const v = await ctx.ui.input({
    message: `${message} ${chalk.dim(t('interview.month.hint'))}`,
    default: current,
    unknown: true,
    validate: (x) => (!x.trim() || isUnknown(x) || parseMonth(x) ? true : t('interview.month.bad')),
  });
  if (!v.trim() || isUnknown(v)) return undefined;
  return parseMonth(v);
}

/** A free-text answer that may be skipped with Enter. */
export async function askNotes(ctx: Ctx, current?: string): Promise<string | undefined> {
  const v = await ctx.ui.input({ message: `${t('interview.notes')} ${chalk.dim(t('interview.enter-to-skip'))}`, default: current });
  const s = v.trim();
  return s && s !== current ? s : undefined;
}

