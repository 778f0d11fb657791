// Step "integrations" (audit steps 2-3): how data moves between the tools entered: from/to pick
// lists (tools with customer data that reach no hub first), data, mode, direction.
import { t } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import { FREQUENCIES, INTEGRATION_MODES } from '../../model/vocabulary.js';
import type { RawWorkspace } from '../workspace-editor.js';
import { isFileToolSet } from '../../catalog/index.js';
import { addQuestion, askData, askNotes, commit, dontKnowLabel, heading, note, type Ctx } from '../ask.js';
import { UNKNOWN } from '../answers.js';
import type { Choice } from '../ui.js';

/** Hubs as the loader decides them (declared, from the catalog, or the crm/CDP default). */
export function hubIds(ctx: Ctx): Set<string> {
  const ws = ctx.ed.last.workspace;
  if (ws) return new Set(ws.index.hubs.map((h) => h.id));
  return new Set(ctx.ed.raw().tools.filter((x) => x.hub === true).map((x) => x.id));
}

/** Tools connected (in either direction, through any chain) to a hub. */
export function connectedToHub(raw: RawWorkspace, hubs: Set<string>): Set<string> {
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    adj.set(a, [...(adj.get(a) ?? []), b]);
  };
  for (const i of raw.integrations) {
    link(i.from, i.to);
    link(i.to, i.from);
  }
  const seen = new Set<string>(hubs);
  const queue = [...hubs];
  while (queue.length) {
    const x = queue.shift()!;
    for (const y of adj.get(x) ?? []) {
      if (!seen.has(y)) {
        seen.add(y);
        queue.push(y);
      }
    }
  }
  return seen;
}

/**
 * (r2) No tool is a hub (no CRM or CDP from the catalog, none marked `hub`): ask which tool holds
 * the customer master. A kintone app or an in-house database kept as the customer ledger is the
 * company's hub; without the question the audit would report "no customer hub" as critical. Never
 * a file tool (a spreadsheet or team chat is never a hub) and never a tool on its way out.
 */
const CUSTOMER_RECORDS = new Set(['contact-profile', 'company-profile']);

export async function askCustomerMaster(ctx: Ctx): Promise<void> {
  if (hubIds(ctx).size) return;
  const raw = ctx.ed.raw();
  if (raw.questions.some((q) => q.about === 'organization' && q.field === 'hub')) return;
  const ws = ctx.ed.last.workspace;
  const candidates = raw.tools.filter((x) => {
    // A customer master keeps customer records: contact or company profiles.
    if (!(x.data ?? []).some((d) => CUSTOMER_RECORDS.has(d)) || x.status === 'retired' || x.status === 'retiring') return false;
    const loaded = ws?.index.toolById.get(x.id);
    const caps = loaded ? (loaded.primaryCapabilities.length ? loaded.primaryCapabilities : loaded.capabilities) : (x.capabilities ?? []);
    return !isFileToolSet(caps);
  });
  if (!candidates.length) return;
  note(ctx, t('interview.master.intro'));
  const NONE = '\u0000none';
  const DONT_KNOW = '\u0000unknown';
  const answer = await ctx.ui.select<string>({
    message: t('interview.master.ask'),
    choices: [
      ...[...candidates].sort((a, b) => a.name.localeCompare(b.name)).map((x) => ({ name: `${x.name} ${chalk.dim(`(${x.id})`)}`, value: x.id, short: x.name })),
      { name: t('interview.master.none'), value: NONE, short: t('interview.master.none') },
      { name: dontKnowLabel(), value: DONT_KNOW, short: dontKnowLabel() },
    ],
    pageSize: 12,
  });
  if (answer === NONE) {
    note(ctx, t('interview.master.none-note'));
    return;
  }
  if (answer === DONT_KNOW) {
    commit(ctx, (tx) => addQuestion(tx, raw, { about: 'organization', field: 'hub', text: t('interview.q.master') }));
    return;
  }
  const name = raw.tools.find((x) => x.id === answer)?.name ?? answer;
  if (commit(ctx, (tx) => tx.setField('tools', answer, 'hub', true))) note(ctx, t('interview.master.set', { tool: name }));
}

export async function integrationsStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.integrations'));
  await askCustomerMaster(ctx);
  let raw = ctx.ed.raw();
  if (raw.tools.length < 2) {
    note(ctx, t('interview.int.too-few'));
    return;
  }
  note(ctx, t('interview.int.intro'));
  for (const i of raw.integrations) note(ctx, `  · ${i.from} → ${i.to}${i.bidirectional ? ' ⇄' : ''}  ${chalk.dim(`${i.mode ?? 'batch'}${i.frequency ? ` · ${i.frequency}` : ''}`)}`);

  for (;;) {
    raw = ctx.ed.raw();
    const hubs = hubIds(ctx);
    const reach = connectedToHub(raw, hubs);
    const isolated = raw.tools.filter((x) => (x.data?.length ?? 0) > 0 && x.status !== 'retired' && !reach.has(x.id));
    if (isolated.length && hubs.size) note(ctx, t('interview.int.isolated', { tools: isolated.map((x) => x.id).join(', ') }));
    const label = (id: string): string => {
      const x = raw.tools.find((y) => y.id === id)!;
      const marks = [hubs.has(id) ? chalk.green(t('interview.int.hub')) : '', isolated.some((y) => y.id === id) ? chalk.yellow(t('interview.int.no-hub')) : ''].filter(Boolean).join(' ');
      return `${x.name} ${chalk.dim(`(${id})`)} ${marks}`.trimEnd();
    };
    const ordered = [...raw.tools].sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name));
    function rank(id: string): number {
      return isolated.some((y) => y.id === id) ? 0 : hubs.has(id) ? 2 : 1;
    }
    const CHANGE = '\u0000change';
    const from = await ctx.ui.select<string | null>({
      message: t('interview.int.from'),
      choices: [
        { name: chalk.green(t('interview.int.done')), value: null },
        ...ordered.map((x) => ({ name: label(x.id), value: x.id as string | null, short: x.id })),
        ...(raw.integrations.length ? [{ name: chalk.cyan(t('interview.int.change')), value: CHANGE as string | null, short: t('interview.int.change') }] : []),
      ],
      pageSize: 12,
    });
    if (from === null) return;
    if (from === CHANGE) {
      await changeIntegration(ctx);
      continue;
    }
    const toChoices = [...raw.tools].filter((x) => x.id !== from).sort((a, b) => Number(hubs.has(b.id)) - Number(hubs.has(a.id)) || a.name.localeCompare(b.name));
    const to = await ctx.ui.select<string>({
      message: t('interview.int.to', { from }),
      choices: toChoices.map((x) => ({ name: label(x.id), value: x.id, short: x.id })),
      pageSize: 12,
    });
    if (raw.integrations.some((i) => i.from === from && i.to === to)) {
      if (!(await ctx.ui.confirm({ message: t('interview.int.exists', { from, to }), default: false }))) continue;
    }
    await addIntegration(ctx, from, to);
  }
}

/**
 * How an integration runs. "? I don't know" writes no mode (the format's default, batch, applies)
 * and records the question; a mode picked answers it.
 */
async function askMode(ctx: Ctx, ref: { file: string; index: number }, from: string, to: string, current: string): Promise<void> {
  const choices: Choice<string | typeof UNKNOWN>[] = INTEGRATION_MODES.map((m) => ({ name: t(`interview.mode.${m}`), value: m as string, short: m, description: t(`interview.mode.${m}.hint`) }));
  choices.push({ name: dontKnowLabel(), value: UNKNOWN, short: '?', description: t('interview.dont-know.hint') });
  const mode = await ctx.ui.select<string | typeof UNKNOWN>({ message: t('interview.int.mode'), choices, default: current });
  const raw = ctx.ed.raw();
  const about = `integration:${from}+${to}`;
  commit(ctx, (tx) => {
    const name = (id: string): string => raw.tools.find((x) => x.id === id)?.name ?? id;
    if (mode === UNKNOWN) addQuestion(tx, raw, { about, field: 'mode', text: t('interview.q.mode', { from: name(from), to: name(to) }) });
    else {
      tx.setField('integrations', ref, 'mode', mode);
      tx.resolveQuestions(about, 'mode');
      // A realtime link moves data as it happens: a schedule written before would contradict it.
      const before = raw.integrations.find((x) => x.ref.file === ref.file && x.ref.index === ref.index)?.frequency;
      if (mode === 'realtime' && before !== undefined && before !== 'realtime') tx.setField('integrations', ref, 'frequency', undefined);
      if (mode !== 'realtime' && before === 'realtime') tx.setField('integrations', ref, 'frequency', undefined);
    }
  });
}

/**
 * How often a batch or manual link moves data (format.md `frequency`; rules.md's freshness checks
 * read it). A realtime link needs no answer. For a manual link "whenever someone does it" writes
 * nothing (the format's meaning of a manual link without frequency). "? I don't know" records the
 * question and writes nothing.
 */
async function askFrequency(ctx: Ctx, ref: { file: string; index: number }, from: string, to: string): Promise<void> {
  const i = ctx.ed.raw().integrations.find((x) => x.ref.file === ref.file && x.ref.index === ref.index);
  const about = `integration:${from}+${to}`;
  const mode = i?.mode ?? 'batch';
  // The mode is an open question: the frequency is asked with it, not guessed here.
  if (!i || mode === 'realtime' || ctx.ed.raw().questions.some((q) => q.about === about && q.field === 'mode')) return;
  const WHENEVER = '\u0000whenever';
  const choices: Choice<string>[] = FREQUENCIES.filter((f) => f !== 'realtime').map((f) => ({ name: t(`interview.int.frequency.${f}`), value: f as string, short: f }));
  if (mode === 'manual') choices.push({ name: t('interview.int.frequency.whenever'), value: WHENEVER, short: t('interview.int.frequency.whenever') });
  choices.push({ name: dontKnowLabel(), value: UNKNOWN, short: '?', description: t('interview.dont-know.hint') });
  const current = i.frequency && i.frequency !== 'realtime' ? i.frequency : mode === 'manual' ? (i.frequency ? undefined : WHENEVER) : 'daily';
  const v = await ctx.ui.select<string>({ message: t('interview.int.frequency', { from, to }), choices, default: current });
  const raw = ctx.ed.raw();
  commit(ctx, (tx) => {
    const name = (id: string): string => raw.tools.find((x) => x.id === id)?.name ?? id;
    if (v === UNKNOWN) {
      addQuestion(tx, raw, { about, field: 'frequency', text: t('interview.q.frequency', { from: name(from), to: name(to) }) });
      return;
    }
    tx.setField('integrations', ref, 'frequency', v === WHENEVER ? undefined : v);
    tx.resolveQuestions(about, 'frequency');
  });
}

async function addIntegration(ctx: Ctx, from: string, to: string): Promise<void> {
  let ref: { file: string; index: number } | undefined;
  if (!commit(ctx, (tx) => {
    ref = tx.add('integrations', { from, to });
  }) || !ref) return;
  const at = ref;
  const held = ctx.ed.raw().tools.find((x) => x.id === from)?.data ?? [];
  // Everything `from` holds is the default: then `data` stays out (format.md).
  const data = await askData(ctx, t('interview.int.data', { from, to }), held, []);
  const everything = held.length > 0 && held.every((d) => data.includes(d)) && data.length === held.length;
  if (data.length && !everything) commit(ctx, (tx) => tx.setList('integrations', at, 'data', data));
  await askMode(ctx, at, from, to, 'batch');
  await askFrequency(ctx, at, from, to);
  if (await ctx.ui.confirm({ message: t('interview.int.both-ways', { from, to }), default: false })) {
    commit(ctx, (tx) => tx.setField('integrations', at, 'bidirectional', true));
  }
  const notes = await askNotes(ctx);
  if (notes) commit(ctx, (tx) => tx.setField('integrations', at, 'notes', notes));
}

type IntField = 'data' | 'mode' | 'frequency' | 'bidirectional' | 'notes' | 'done';

/** Change an integration that is there: data, mode, direction, notes. */
async function changeIntegration(ctx: Ctx): Promise<void> {
  const list = ctx.ed.raw().integrations;
  const pick = await ctx.ui.select<number>({
    message: t('interview.int.which'),
    choices: list.map((i, n) => ({ name: `${i.from} → ${i.to}${i.bidirectional ? ' ⇄' : ''}  ${chalk.dim(i.mode ?? 'batch')}`, value: n, short: `${i.from} → ${i.to}` })),
    pageSize: 12,
  });
  const ref = list[pick].ref;
  for (;;) {
    const i = ctx.ed.raw().integrations.find((x) => x.ref.file === ref.file && x.ref.index === ref.index);
    if (!i) return;
    const field = await ctx.ui.select<IntField>({
      message: t('interview.int.which-field', { from: i.from, to: i.to }),
      choices: [
        { name: `${t('interview.f.data')}: ${i.data?.join(', ') ?? t('interview.int.everything')}`, value: 'data' },
        { name: `${t('interview.f.mode')}: ${t(`interview.mode.${i.mode ?? 'batch'}`)}`, value: 'mode' },
        ...((i.mode ?? 'batch') === 'realtime' ? [] : [{
          name: `${t('interview.f.frequency')}: ${i.frequency && i.frequency !== 'realtime' ? t(`interview.int.frequency.${i.frequency}`) : i.mode === 'manual' ? t('interview.int.frequency.whenever') : '—'}`,
          value: 'frequency' as IntField,
        }]),
        { name: `${t('interview.f.bidirectional')}: ${i.bidirectional ? t('interview.yes') : t('interview.no')}`, value: 'bidirectional' },
        { name: `${t('interview.f.notes')}: ${i.notes ?? '—'}`, value: 'notes' },
        { name: t('interview.done'), value: 'done' },
      ],
    });
    if (field === 'done') return;
    if (field === 'data') {
      const held = ctx.ed.raw().tools.find((x) => x.id === i.from)?.data ?? [];
      const data = await askData(ctx, t('interview.int.data', { from: i.from, to: i.to }), i.data ?? held, []);
      const everything = held.length > 0 && data.length === held.length && held.every((d) => data.includes(d));
      commit(ctx, (tx) => tx.setList('integrations', ref, 'data', everything ? [] : data));
    } else if (field === 'mode') {
      await askMode(ctx, ref, i.from, i.to, i.mode ?? 'batch');
      await askFrequency(ctx, ref, i.from, i.to);
    } else if (field === 'frequency') {
      await askFrequency(ctx, ref, i.from, i.to);
    } else if (field === 'bidirectional') {
      const both = await ctx.ui.confirm({ message: t('interview.int.both-ways', { from: i.from, to: i.to }), default: i.bidirectional === true });
      commit(ctx, (tx) => tx.setField('integrations', ref, 'bidirectional', both ? true : i.bidirectional === undefined ? undefined : false));
    } else {
      const notes = await askNotes(ctx, i.notes);
      if (notes) commit(ctx, (tx) => tx.setField('integrations', ref, 'notes', notes));
    }
  }
}
