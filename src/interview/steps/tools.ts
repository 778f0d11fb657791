// Step "tools" (audit step 2): the tools behind each touchpoint, found by typing (the built-in
// catalog and the tools already entered), then each tool's owner, status, data, cost, seats,
// renewal and the data it is the source of truth for (tool-details.ts). Unknowns become open
// questions.
import { t } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import { INSIDE_WORD, loadTaxonomy, matchFields, searchCatalog, categoryName, capabilityName, localName } from '../../catalog/index.js';
import type { Plain } from '../yaml-edit.js';
import type { Choice } from '../ui.js';
import type { RawTool, RawTouchpoint } from '../workspace-editor.js';
import { proposeId, uniqueId } from '../ids.js';
import { UNKNOWN, isUnknown } from '../answers.js';
import {
  askCost, askData, askId, askMonth, askNotes, askOwner, askSeats, commit, heading, markDone, nonEmpty, note,
  saveCost, saveOwner, saveSeats, type Ctx, type OwnerAnswer, openEntry, closeEntry, addQuestion, dontKnowLabel,
} from '../ask.js';
import { currentStages } from './stages.js';
import { askCookies, askSourceOfTruth, askStatus, dataQuestion, fillMissingTools, isAdTool, loadCatalogSafe, toolDetails } from './tool-details.js';

export { toolDetails };

type Pick = { t: 'done' } | { t: 'unknown' } | { t: 'tool'; id: string } | { t: 'catalog'; id: string } | { t: 'new'; name: string };

/** How well a tool already entered matches what was typed: the catalog search's ranking (0: not at all). */
function matchScore(tool: RawTool, q: string): number {
  return matchFields([tool.id, tool.name, tool.catalog], [tool.vendor], q);
}

/** Search-as-you-type: tools already entered first, then the catalog, then "add as new". */
export function toolChoices(ctx: Ctx, term: string, exclude: readonly string[], doneLabel: string): Choice<Pick>[] {
  const raw = ctx.ed.raw();
  const q = term.trim();
  const out: Choice<Pick>[] = [];
  if (!q) out.push({ name: chalk.green(doneLabel), value: { t: 'done' } });
  // "?" (or "don't know", "tbd") is an answer here too, not the name of a new tool.
  if (q && isUnknown(q)) out.push({ name: `${dontKnowLabel()} ${chalk.dim(`— ${t('interview.dont-know.hint')}`)}`, value: { t: 'unknown' }, short: dontKnowLabel() });
  const mine = raw.tools.filter((x) => !exclude.includes(x.id))
    .map((x) => ({ x, score: q ? matchScore(x, q) : 1 }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.x.name.localeCompare(b.x.name));
  const pushMine = (list: typeof mine) => {
    for (const { x } of list) {
      out.push({ name: `${x.name} ${chalk.dim(`(${x.id}) · ${t('interview.tools.in-audit')}`)}`, value: { t: 'tool', id: x.id }, short: x.name });
    }
  };
  // Tools already entered first, except those matched only inside a word ("line" in "Pipeline
  // Sync"): those come after the catalog's word matches, as `catalog` would rank them.
  pushMine(mine.filter((m) => m.score > INSIDE_WORD));
  const inside = mine.filter((m) => m.score <= INSIDE_WORD);
  if (!q) pushMine(inside);
  if (q) {
    const usedCatalog = new Set(raw.tools.map((x) => x.catalog).filter(Boolean));
    let hits: ReturnType<typeof searchCatalog> = [];
    try {
      hits = searchCatalog(q, 60).filter((h) => h.kind === 'tool' && !usedCatalog.has(h.id));
    } catch {
      hits = []; // no catalog data: new tools can still be added
    }
    const cat = loadCatalogSafe();
    let insideShown = false;
    for (const h of hits.slice(0, 12)) {
      if (!insideShown && h.score <= INSIDE_WORD) {
        pushMine(inside);
        insideShown = true;
      }
      const c = cat?.byId.get(h.id);
      const what = [c?.vendor, c?.category ? categoryName(c.category) : undefined].filter(Boolean).join(' · ');
      out.push({ name: `${h.label} ${chalk.dim(what ? `— ${what}` : '')}`, value: { t: 'catalog', id: h.id }, short: h.label });
    }
    if (!insideShown) pushMine(inside);
    out.push({ name: chalk.cyan(t('interview.tools.new', { name: q })), value: { t: 'new', name: q }, short: q });
  }
  return out;
}

/**
 * What a catalog match brings: its category and capabilities, the capability that is the category
 * itself not repeated ("Online community; Online community" for Discourse).
 */
export function catalogNote(c: { category?: string; capabilities: readonly string[] }): string {
  const category = c.category ? categoryName(c.category) : '—';
  const capabilities = c.capabilities.filter((id) => id !== c.category).map(capabilityName);
  return capabilities.length
    ? t('interview.tools.from-catalog', { category, capabilities: capabilities.join(', ') })
    : t('interview.tools.from-catalog.category', { category });
}

function orderedTouchpoints(ctx: Ctx): RawTouchpoint[] {
  const stages = currentStages(ctx).map((s) => s.id);
  return [...ctx.ed.raw().touchpoints].sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));
}

export async function toolsStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.tools'));
  note(ctx, t('interview.tools.intro'));
  // Touchpoints that already list tools are not gone through one by one; they can be picked.
  const all = orderedTouchpoints(ctx);
  const hadTools = all.filter((tp) => tp.tools?.length && !ctx.st.done.includes(tp.id));
  for (const tp of all) {
    if (ctx.st.done.includes(tp.id) || hadTools.includes(tp)) continue;
    await toolsAt(ctx, tp.id);
    markDone(ctx, tp.id);
  }
  if (hadTools.length && !ctx.st.done.includes('*existing')) {
    await changeTools(ctx, hadTools.map((tp) => tp.id));
    markDone(ctx, '*existing');
  }
  if (!ctx.st.done.includes('*other')) {
    ctx.ui.say('');
    await pickLoop(ctx, t('interview.tools.other'), undefined);
    markDone(ctx, '*other');
  }
  if (!ctx.st.done.includes('*missing')) {
    await fillMissingTools(ctx);
    markDone(ctx, '*missing');
  }
  if (!ctx.st.done.includes('*change') && ctx.ed.raw().tools.length) {
    await changeToolsMenu(ctx);
    markDone(ctx, '*change');
  }
}

/** "Anything to change about a tool?": status, cost, owner, ... of any tool, field by field. */
async function changeToolsMenu(ctx: Ctx): Promise<void> {
  ctx.ui.say('');
  for (;;) {
    const tools = [...ctx.ed.raw().tools].sort((a, b) => a.name.localeCompare(b.name));
    const id = await ctx.ui.select<string | null>({
      message: t('interview.tools.change-which'),
      choices: [
        { name: chalk.green(t('interview.tools.change-nothing')), value: null },
        ...tools.map((x) => ({ name: `${x.name} ${chalk.dim(`(${x.id}) · ${x.status ?? 'active'}`)}`, value: x.id as string | null, short: x.name })),
      ],
      pageSize: 12,
    });
    if (id === null) return;
    await changeTool(ctx, id);
  }
}

type ToolField = 'owner' | 'status' | 'cost' | 'seats' | 'data' | 'source_of_truth' | 'third_party_cookies' | 'renewal' | 'notes' | 'done';

export async function changeTool(ctx: Ctx, id: string): Promise<void> {
  for (;;) {
    const tool = ctx.ed.raw().tools.find((x) => x.id === id);
    if (!tool) return;
    const show = (v: unknown): string => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'object' && v ? JSON.stringify(v).replace(/[{}"]/g, '').replace(/,/g, ', ') : String(v));
    const field = await ctx.ui.select<ToolField>({
      message: t('interview.tools.which-field', { name: tool.name }),
      choices: ([
        ['owner', tool.owner], ['status', tool.status ?? 'active'], ['cost', tool.cost], ['seats', tool.seats], ['data', tool.data],
        ['source_of_truth', tool.source_of_truth],
        // Only where it matters: an advertising tool, or a tool that says it already.
        ...(tool.third_party_cookies !== undefined || isAdTool(ctx, id) ? [['third_party_cookies', tool.third_party_cookies === undefined ? undefined : tool.third_party_cookies ? t('interview.yes') : t('interview.no')]] : []),
        ['renewal', tool.renewal], ['notes', tool.notes],
      ] as [ToolField, unknown][]).map(([f, v]) => ({ name: `${t(`interview.f.${f}`)}: ${show(v)}`, value: f }))
        .concat([{ name: t('interview.done'), value: 'done' }]),
    });
    if (field === 'done') return;
    const currency = ctx.ed.raw().organization?.currency ?? 'USD';
    if (field === 'owner') saveOwner(ctx, 'tools', id, tool.name, await askOwner(ctx, t('interview.tools.owner', { name: tool.name }), tool.owner));
    else if (field === 'status') {
      await askStatus(ctx, id, tool.name, tool.status ?? 'active', tool.owner);
    } else if (field === 'cost') saveCost(ctx, id, tool.name, tool.owner, await askCost(ctx, tool.name, currency, tool.cost));
    else if (field === 'seats') saveSeats(ctx, id, tool.name, tool.owner, await askSeats(ctx, tool.name, tool.seats));
    else if (field === 'data') {
      const data = await askData(ctx, t('interview.tools.data', { name: tool.name }), tool.data ?? [], [], undefined, dataQuestion(id, tool.name, tool.owner));
      if (data) commit(ctx, (tx) => tx.setList('tools', id, 'data', data, true));
    } else if (field === 'source_of_truth') {
      if (tool.data?.length) await askSourceOfTruth(ctx, id, tool.name, tool.data);
      else note(ctx, `  ${t('interview.tools.sot-no-data')}`);
    } else if (field === 'third_party_cookies') {
      await askCookies(ctx, id, tool.name, tool.third_party_cookies);
    } else if (field === 'renewal') {
      const renewal = await askMonth(ctx, t('interview.tools.renewal', { name: tool.name }), tool.renewal);
      if (renewal) commit(ctx, (tx) => tx.setField('tools', id, 'renewal', renewal));
    } else {
      const notes = await askNotes(ctx, tool.notes);
      if (notes) commit(ctx, (tx) => tx.setField('tools', id, 'notes', notes));
    }
  }
}

/** Touchpoints that had tools before: shown, and open to adding more. */
async function changeTools(ctx: Ctx, ids: string[]): Promise<void> {
  ctx.ui.say('');
  for (;;) {
    const raw = ctx.ed.raw();
    const tps = ids.map((id) => raw.touchpoints.find((x) => x.id === id)).filter((x): x is RawTouchpoint => !!x);
    const pick = await ctx.ui.select<string | null>({
      message: t('interview.tools.change-at'),
      choices: [
        { name: chalk.green(t('interview.tools.change-none')), value: null },
        ...tps.map((tp) => ({ name: `${tp.name} ${chalk.dim(`· ${(tp.tools ?? []).join(', ')}`)}`, value: tp.id as string | null, short: tp.name })),
      ],
      pageSize: 12,
    });
    if (pick === null) return;
    await toolsAt(ctx, pick);
  }
}

/** --quick: the tools at a touchpoint just entered, each by name or catalog match; details later. */
export async function quickTools(ctx: Ctx, tpId: string): Promise<void> {
  const tp = ctx.ed.raw().touchpoints.find((x) => x.id === tpId);
  if (tp) await pickLoop(ctx, t('interview.tools.at', { name: tp.name }), tp);
}

/** The details of a tool entered quickly (or interrupted): everything a new tool is asked. */
export async function finishTool(ctx: Ctx, id: string): Promise<void> {
  const tool = ctx.ed.raw().tools.find((x) => x.id === id);
  if (tool) {
    ctx.ui.say(`${chalk.bold(tool.name)} ${chalk.dim(`(${tool.id})`)}`);
    const tp = ctx.ed.raw().touchpoints.find((x) => (x.tools ?? []).includes(id));
    await toolDetails(ctx, id, true, tp);
  }
  closeEntry(ctx, `tool:${id}`);
}

async function toolsAt(ctx: Ctx, tpId: string): Promise<void> {
  const tp = ctx.ed.raw().touchpoints.find((x) => x.id === tpId);
  if (!tp) return;
  ctx.ui.say('');
  const stage = currentStages(ctx).find((s) => s.id === tp.stage)?.name ?? tp.stage;
  ctx.ui.say(`${chalk.bold(tp.name)} ${chalk.dim(`${stage} · ${tp.channel}`)}`);
  if (tp.tools?.length) note(ctx, `  ${t('interview.tools.already', { tools: tp.tools.join(', ') })}`);
  // Tools already listed here that still miss details.
  for (const id of tp.tools ?? []) if (!ctx.reviewed.has(id)) await toolDetails(ctx, id, false, tp);
  await pickLoop(ctx, t('interview.tools.at', { name: tp.name }), tp);
}

async function pickLoop(ctx: Ctx, message: string, tp: RawTouchpoint | undefined): Promise<void> {
  for (;;) {
    const here = tp ? ctx.ed.raw().touchpoints.find((x) => x.id === tp.id)?.tools ?? [] : [];
    const doneLabel = t(tp ? (here.length ? 'interview.tools.done-here' : 'interview.tools.none-here') : 'interview.tools.no-more');
    const pick = await ctx.ui.search<Pick>({
      message: `${message} ${chalk.dim(t('interview.tools.search-hint'))}`,
      source: (term) => toolChoices(ctx, term, here, doneLabel),
    });
    if (pick.t === 'done') return;
    if (pick.t === 'unknown') {
      const raw = ctx.ed.raw();
      commit(ctx, (tx) => addQuestion(tx, raw, tp
        ? { about: `touchpoint:${tp.id}`, field: 'tools', text: t('interview.q.tools-at', { name: tp.name }), ask: tp.owner }
        : { about: 'organization', field: 'tools', text: t('interview.q.tools-other') }));
      return;
    }
    let id: string | undefined;
    let created = false;
    if (pick.t === 'tool') id = pick.id;
    else {
      id = await createTool(ctx, pick, tp);
      created = id !== undefined;
    }
    if (!id) continue;
    const toolId = id;
    if (tp) commit(ctx, (tx) => tx.pushField('touchpoints', tp.id, 'tools', toolId));
    if (ctx.quick) {
      // Details later: recorded as begun, so that --resume offers to fill them in.
      if (created) openEntry(ctx, `tool:${toolId}`);
      continue;
    }
    if (!ctx.reviewed.has(toolId)) await toolDetails(ctx, toolId, created, tp);
  }
}

/** Several tool files (e.g. one per department): the owner decides where a new tool goes. */
function routesByOwner(ctx: Ctx): boolean {
  return ctx.ed.files.filter((f) => Array.isArray(f.yaml?.get(['tools']))).length > 1;
}

async function createTool(ctx: Ctx, pick: Exclude<Pick, { t: 'done' } | { t: 'unknown' } | { t: 'tool' }>, tp: RawTouchpoint | undefined): Promise<string | undefined> {
  const entry: Record<string, Plain> = {};
  let name: string;
  let proposal: string | undefined;
  if (pick.t === 'catalog') {
    const c = loadCatalogSafe()?.byId.get(pick.id);
    if (!c) return undefined;
    name = c.name;
    proposal = uniqueId(c.id, ctx.ed.raw().tools.map((x) => x.id));
    entry.name = name;
    if (c.vendor) entry.vendor = c.vendor;
    entry.catalog = c.id;
    note(ctx, `  ${catalogNote(c)}`);
  } else if (ctx.quick) {
    name = pick.name.trim();
    entry.name = name;
  } else {
    name = (await ctx.ui.input({ message: t('interview.tools.name'), default: pick.name, validate: nonEmpty })).trim();
    entry.name = name;
    const cat = await askCategory(ctx, name);
    if (cat) {
      entry.category = cat.category;
      if (cat.capabilities.length) entry.capabilities = cat.capabilities;
    }
  }
  const fallback = typeof entry.category === 'string' ? entry.category : 'tool';
  const taken = ctx.ed.raw().tools.map((x) => x.id);
  const id = ctx.quick
    ? (proposal && !taken.includes(proposal) ? proposal : proposeId(proposal ?? name, taken, fallback))
    : await askId(ctx, 'tools', name, fallback, (tx, x) => tx.add('tools', { id: x, ...entry }), proposal);
  let owner: OwnerAnswer | undefined;
  if (routesByOwner(ctx) && !ctx.quick) {
    owner = await askOwner(ctx, t('interview.tools.owner', { name }), undefined, tp?.owner);
    if (typeof owner === 'string' && owner !== UNKNOWN) entry.owner = owner;
  }
  // Saved with the status the next question proposes, so that a tool interrupted before it is
  // answered is still complete in the file (the answer overwrites it).
  entry.status = 'active';
  if (!commit(ctx, (tx) => tx.add('tools', { id, ...entry }))) return undefined;
  if (owner === UNKNOWN) saveOwner(ctx, 'tools', id, name, owner);
  if (owner !== undefined) ctx.reviewed.add(`owner:${id}`);
  return id;
}

interface CategoryPick { category: string; capabilities: string[] }

/** Category of a tool that is not in the catalog: typed search over the taxonomy. */
async function askCategory(ctx: Ctx, name: string): Promise<CategoryPick | undefined> {
  type V = { category: string; capability?: string } | null;
  const tax = loadTaxonomy();
  const v = await ctx.ui.search<V>({
    message: `${t('interview.tools.category', { name })} ${chalk.dim(t('interview.tools.category-hint'))}`,
    source: (term) => {
      const skip = { name: chalk.dim(t('interview.tools.no-category')), value: null as V };
      const out: { name: string; value: V }[] = [];
      if (!term.trim()) {
        out.push(skip);
        for (const c of tax.categories) out.push({ name: `${localName(c.name, c.id)} ${chalk.dim(`(${c.id})`)}`, value: { category: c.id } });
        return out;
      }
      const hits = searchCatalog(term, 40).filter((h) => h.kind !== 'tool');
      const seen = new Set<string>();
      for (const h of hits) {
        const category = h.kind === 'category' ? h.id : tax.capabilities.get(h.id)?.category;
        if (!category) continue;
        const key = `${category}/${h.kind === 'capability' ? h.id : ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const label = h.kind === 'category' ? localName(tax.categoryById.get(category)?.name, category)
          : `${h.label} ${chalk.dim(`· ${categoryName(category)}`)}`;
        out.push({ name: `${label} ${chalk.dim(`(${h.id})`)}`, value: { category, capability: h.kind === 'capability' ? h.id : undefined } });
      }
      out.push(skip);
      return out;
    },
  });
  if (!v) return undefined;
  const caps = tax.categoryById.get(v.category)?.capabilities ?? [];
  if (caps.length <= 1) return { category: v.category, capabilities: caps.map((c) => c.id) };
  const pre = v.capability ? [v.capability] : caps.some((c) => c.id === v.category) ? [v.category] : [caps[0].id];
  const picked = await ctx.ui.checkbox<string>({
    message: t('interview.tools.capabilities', { name }),
    choices: caps.map((c) => ({ name: `${localName(c.name, c.id)} ${chalk.dim(`(${c.id})`)}`, value: c.id, checked: pre.includes(c.id), short: c.id })),
  });
  return { category: v.category, capabilities: picked };
}
