// Step "tools", one tool's details (src/interview/steps/tools.ts finds the tools): its owner,
// status, data, cost, seats, renewal and the data it is the source of truth for; at the end of
// the step, the tools that still lack something. Unknowns become open questions.
import { t, tCount } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import { TOOL_STATUSES } from '../../model/vocabulary.js';
import { isMedia, loadCatalog } from '../../catalog/index.js';
import type { RawTool, RawTouchpoint } from '../workspace-editor.js';
import { UNKNOWN, type CostAnswer } from '../answers.js';
import {
  addQuestion, askCost, askData, askMonth, askOwner, askSeats, commit, dontKnowLabel, note, saveCost, saveOwner, saveSeats, type Ctx,
  type QuestionDraft,
} from '../ask.js';
import type { Choice } from '../ui.js';

/** The built-in catalog, or undefined when it cannot be read (the interview goes on without it). */
export function loadCatalogSafe(): ReturnType<typeof loadCatalog> | undefined {
  try {
    return loadCatalog();
  } catch {
    return undefined;
  }
}

/**
 * A tool's status. The format requires one, so "? I don't know" keeps what is written (a new tool
 * is saved `active` at once) and records the question; a status picked answers it.
 */
export async function askStatus(ctx: Ctx, id: string, name: string, current: string, owner?: string): Promise<void> {
  const choices: Choice<string | typeof UNKNOWN>[] = TOOL_STATUSES.map((s) => ({ name: t(`interview.status.${s}`), value: s as string, short: s }));
  choices.push({ name: dontKnowLabel(), value: UNKNOWN, short: '?', description: t('interview.dont-know.hint') });
  const status = await ctx.ui.select<string | typeof UNKNOWN>({ message: t('interview.tools.status', { name }), choices, default: current });
  const raw = ctx.ed.raw();
  const about = `tool:${id}`;
  commit(ctx, (tx) => {
    if (status === UNKNOWN) addQuestion(tx, raw, { about, field: 'status', text: t('interview.q.status', { name }), ask: owner });
    else {
      tx.setField('tools', id, 'status', status);
      tx.resolveQuestions(about, 'status');
    }
  });
}

/**
 * Whether a tool works on third-party cookies matters for the advertising tools only (rules.md
 * `third-party-dependence`; the analysis asks the same question of media tools): asked when the
 * tool's primary capabilities are media ones and neither the tool nor its catalog entry says it.
 */
export function needsCookies(ctx: Ctx, id: string): boolean {
  const raw = ctx.ed.raw();
  const tool = raw.tools.find((x) => x.id === id);
  if (!tool || tool.third_party_cookies !== undefined || tool.status === 'retired') return false;
  if (raw.questions.some((q) => q.about === `tool:${id}` && q.field === 'third_party_cookies')) return false;
  if (ctx.ed.last.workspace?.index.toolById.get(id)?.thirdPartyCookies !== undefined) return false;
  return isAdTool(ctx, id);
}

/** A tool whose primary capabilities (its own, else its catalog entry's) are advertising ones. */
export function isAdTool(ctx: Ctx, id: string): boolean {
  const tool = ctx.ed.raw().tools.find((x) => x.id === id);
  const loaded = ctx.ed.last.workspace?.index.toolById.get(id);
  const caps = loaded ? (loaded.primaryCapabilities.length ? loaded.primaryCapabilities : loaded.capabilities) : (tool?.capabilities ?? []);
  return caps.some((c) => isMedia(c));
}

export async function askCookies(ctx: Ctx, id: string, name: string, current?: boolean): Promise<void> {
  const v = await ctx.ui.select<boolean | typeof UNKNOWN>({
    message: t('interview.tools.cookies', { name }),
    choices: [
      { name: t('interview.answer.yes'), value: true, description: t('interview.tools.cookies.yes') },
      { name: t('interview.answer.no'), value: false },
      { name: dontKnowLabel(), value: UNKNOWN, description: t('interview.dont-know.hint') },
    ],
    default: current ?? false,
  });
  const raw = ctx.ed.raw();
  const owner = raw.tools.find((x) => x.id === id)?.owner;
  commit(ctx, (tx) => {
    if (v === UNKNOWN) addQuestion(tx, raw, { about: `tool:${id}`, field: 'third_party_cookies', text: t('interview.q.cookies', { name }), ask: owner });
    else {
      tx.setField('tools', id, 'third_party_cookies', v);
      tx.resolveQuestions(`tool:${id}`, 'third_party_cookies');
    }
  });
}

/** "I don't know" what data a tool holds: asked of its owner. */
export function dataQuestion(id: string, name: string, owner?: string): QuestionDraft {
  return { about: `tool:${id}`, field: 'data', text: t('interview.q.data', { name }), ask: owner };
}

/**
 * What a tool lacks: no owner, data or cost. With `questions`, also what is recorded as an open
 * question (asked again at the end of the step, when the client may know it by now).
 */
function missingFields(ctx: Ctx, tool: RawTool, questions: boolean): Set<string> {
  const raw = ctx.ed.raw();
  const open = questions ? raw.questions.filter((q) => q.about === `tool:${tool.id}`).map((q) => q.field ?? '') : [];
  const asked = (f: string): boolean => !questions && raw.questions.some((q) => q.about === `tool:${tool.id}` && q.field === f);
  const m = new Set<string>();
  if ((!tool.owner && !asked('owner')) || open.includes('owner')) m.add('owner');
  if (tool.data === undefined) m.add('data');
  if ((tool.cost === undefined && !asked('cost')) || open.includes('cost')) m.add('cost');
  if (open.includes('seats')) m.add('seats');
  if (needsCookies(ctx, tool.id) || open.includes('third_party_cookies')) m.add('third_party_cookies');
  return m;
}

/** Asks a tool's details: all of them for a new tool, only the missing ones otherwise. */
export async function toolDetails(ctx: Ctx, id: string, isNew: boolean, tp: RawTouchpoint | undefined, questions = false): Promise<void> {
  const first = ctx.ed.raw().tools.find((x) => x.id === id);
  if (!first) return;
  ctx.reviewed.add(id);
  const name = first.name;
  const missing = isNew ? new Set(['owner', 'data', 'cost', 'seats', ...(needsCookies(ctx, id) ? ['third_party_cookies'] : [])]) : missingFields(ctx, first, questions);
  if (!missing.size) return;
  if (!isNew) note(ctx, `  ${t('interview.tools.missing', { name, fields: [...missing].map((f) => t(`interview.f.${f}`).toLowerCase()).join(', ') })}`);

  if (missing.has('owner') && !ctx.reviewed.has(`owner:${id}`)) {
    saveOwner(ctx, 'tools', id, name, await askOwner(ctx, t('interview.tools.owner', { name }), first.owner, tp?.owner));
  }
  const tool = (): RawTool => ctx.ed.raw().tools.find((x) => x.id === id)!;
  if (isNew) await askStatus(ctx, id, name, 'active', tool().owner);
  if (missing.has('data')) {
    const c = first.catalog ? loadCatalogSafe()?.byId.get(first.catalog) : undefined;
    const suggested = [...(tp?.captures ?? []), ...(c?.data ?? [])];
    const data = await askData(ctx, t('interview.tools.data', { name }), tool().data ?? [], suggested, undefined, dataQuestion(id, name, tool().owner));
    // An empty answer is written as `data: []`: "holds no customer data", not a blank; "I don't
    // know" writes nothing (the open question says what is missing).
    if (data) commit(ctx, (tx) => tx.setList('tools', id, 'data', data, true));
  }
  if (missing.has('third_party_cookies')) await askCookies(ctx, id, name, tool().third_party_cookies);
  const owner = tool().owner;
  const currency = ctx.ed.raw().organization?.currency ?? 'USD';
  let cost: CostAnswer | undefined;
  if (missing.has('cost')) {
    cost = await askCost(ctx, name, currency, tool().cost);
    saveCost(ctx, id, name, owner, cost);
  }
  if (missing.has('seats')) saveSeats(ctx, id, name, owner, await askSeats(ctx, name, tool().seats));
  // Free tools have no contract to renew.
  if (isNew && !(cost && cost !== UNKNOWN && cost.amount === 0)) {
    const renewal = await askMonth(ctx, t('interview.tools.renewal', { name }));
    if (renewal) commit(ctx, (tx) => tx.setField('tools', id, 'renewal', renewal));
  }
  const held = tool().data ?? [];
  if (held.length && (isNew || tool().source_of_truth === undefined)) await askSourceOfTruth(ctx, id, name, held);
}

export async function askSourceOfTruth(ctx: Ctx, id: string, name: string, held: string[]): Promise<void> {
  const raw = ctx.ed.raw();
  const claimedBy = (d: string): string[] => raw.tools.filter((x) => x.id !== id && (x.source_of_truth ?? []).includes(d)).map((x) => x.id);
  const current = raw.tools.find((x) => x.id === id)?.source_of_truth ?? [];
  const picked = await ctx.ui.checkbox<string>({
    message: `${t('interview.tools.sot', { name })} ${chalk.dim(t('interview.tools.sot-hint'))}`,
    choices: held.map((d) => {
      const others = claimedBy(d);
      return { name: others.length ? `${d} ${chalk.yellow(t('interview.tools.sot-claimed', { tools: others.join(', ') }))}` : d, value: d, checked: current.includes(d), short: d };
    }),
  });
  if (picked.length || current.length) commit(ctx, (tx) => tx.setList('tools', id, 'source_of_truth', picked));
}

/** At the end of the step: tools that still lack something, open questions included. */
export async function fillMissingTools(ctx: Ctx): Promise<void> {
  // Tools gone through in this session are only listed for their open questions.
  const gaps = (x: RawTool): Set<string> => {
    const m = missingFields(ctx, x, true);
    if (!ctx.reviewed.has(x.id)) return m;
    const open = new Set(ctx.ed.raw().questions.filter((q) => q.about === `tool:${x.id}`).map((q) => q.field ?? ''));
    return new Set([...m].filter((f) => open.has(f)));
  };
  const todo = ctx.ed.raw().tools.filter((x) => gaps(x).size && !ctx.reviewed.has(`missing:${x.id}`));
  if (!todo.length) return;
  ctx.ui.say('');
  note(ctx, tCount('interview.tools.missing-count', todo.length, { count: todo.length, tools: todo.map((x) => x.id).join(', ') }));
  if (!(await ctx.ui.confirm({ message: t('interview.tools.fill-missing'), default: false }))) return;
  for (const x of todo) {
    ctx.reviewed.add(`missing:${x.id}`);
    await toolDetails(ctx, x.id, false, undefined, true);
  }
}

