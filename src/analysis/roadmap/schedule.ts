// When each initiative runs, and the renewals ahead. One scheduler for the roadmap and the Gantt
// diagram: from the plan's first month, an initiative starts when the ones it depends on have
// ended (or at its own authored start) and lasts its months; initiatives that save a tool's cost
// are checked against the tool's next renewal (met, or missed and moved to the one after).
import type { Workspace } from '../../model/model.js';
import { toMajor } from '../money.js';
import { byId } from './context.js';
import { CADENCE_MONTHS, monthIndex, monthString, nextYearly } from './months.js';
import type { Draft, FullRoadmap, PlannedInitiative, RenewalRef, UpcomingRenewal } from './types.js';

/**
 * Start and end month indexes (end inclusive) of initiatives given in dependency order. With a
 * `capacity`, at most that many initiatives run in any month: an initiative starts in the first
 * month, from when its dependencies have ended, where it fits beside those already running (a
 * team runs a few pieces of work at once, so a long roadmap rolls out in waves), unless waiting
 * would miss its `deadline` (the month of a renewal it saves) that starting at once would meet.
 */
export function scheduleMonths(
  ordered: readonly { id: string; dependsOn: Iterable<string>; months: number; start?: string; deadline?: number }[], base: number, capacity?: number,
): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  const running = new Map<number, number>();
  // The first full month in [m, m + len), or -1 when the initiative fits there.
  const blocked = (m: number, len: number): number => {
    for (let k = m; k < m + len; k++) if ((running.get(k) ?? 0) >= capacity!) return k;
    return -1;
  };
  // Every month from base up to this one is full, so no initiative starts before it (months only
  // fill up): the search skips them instead of rescanning them for each of thousands of initiatives.
  let firstFree = base;
  for (const d of ordered) {
    let earliest = base;
    for (const x of d.dependsOn) earliest = Math.max(earliest, (out.get(x)?.end ?? base - 1) + 1);
    let start = d.start ? monthIndex(d.start) : earliest;
    if (!d.start && capacity) {
      if (start < firstFree) start = firstFree;
      // A start before a full month in its span would span that month too: look on after it.
      for (let k = blocked(start, d.months); k >= 0; k = blocked(start, d.months)) start = k + 1;
      // A renewal is money: work that would still meet its tool's renewal when started at once
      // does not wait for room (it runs beside the others).
      if (d.deadline !== undefined && earliest + d.months - 1 < d.deadline && start + d.months - 1 >= d.deadline) start = earliest;
    }
    out.set(d.id, { start, end: start + d.months - 1 });
    for (let k = start; k < start + d.months; k++) running.set(k, (running.get(k) ?? 0) + 1);
    if (capacity) while ((running.get(firstFree) ?? 0) >= capacity) firstFree++;
  }
  return out;
}

/** At most this many initiatives run side by side (a stack that is not small, a roadmap longer than that). */
export const WAVE_SIZE = 5;

/**
 * (r2) Size fits the company: "a 60-tool enterprise gets pilots and waves". For a stack that is not
 * small and a roadmap of more than WAVE_SIZE initiatives, at most WAVE_SIZE run at once; the
 * initiatives that start in the same month form a wave (numbered from 1). Undefined: no waves.
 */
export function waveCapacity(count: number, small: boolean): number | undefined {
  return small || count <= WAVE_SIZE ? undefined : WAVE_SIZE;
}

/** The roadmap's first month: `--start`, else the later of now and the first authored start. */
export function baseMonth(ws: Workspace, opts: { start?: string; now?: string }): number | undefined {
  if (opts.start) return monthIndex(opts.start);
  const authoredStarts = ws.strategy.initiatives.filter((a) => a.start && a.status !== 'rejected' && a.status !== 'done').map((a) => monthIndex(a.start!));
  const firstAuthored = authoredStarts.length ? Math.min(...authoredStarts) : undefined;
  const now = opts.now ? monthIndex(opts.now) : undefined;
  return now !== undefined && firstAuthored !== undefined ? Math.max(now, firstAuthored) : now ?? firstAuthored;
}

/** The ordered drafts as planned initiatives (JSON key order fixed), with dates and renewals when `base` is known. */
export function planInitiatives(ws: Workspace, ordered: readonly Draft[], base: number | undefined, capacity?: number): PlannedInitiative[] {
  const tool = (id: string) => ws.index.toolById.get(id);
  const nextRenewal = (id: string, from: number): number | undefined => {
    const r = tool(id)?.renewal;
    return r ? nextYearly(r, from) : undefined;
  };
  // The first renewal among a draft's tools (the earliest month, then the smallest id), once per draft.
  const firstRenewal = (d: Draft): { id: string; m: number } | undefined => {
    if (base === undefined) return undefined;
    let first: { id: string; m: number } | undefined;
    for (const id of d.renewalTools) {
      const m = nextRenewal(id, base);
      if (m !== undefined && (!first || m < first.m || (m === first.m && id < first.id))) first = { id, m };
    }
    return first;
  };
  const firsts = ordered.map(firstRenewal);
  const months = base !== undefined
    ? scheduleMonths(ordered.map((d, i) => ({ id: d.id, dependsOn: d.dependsOn, months: d.months, ...(d.start ? { start: d.start } : {}), deadline: firsts[i]?.m })), base, capacity)
    : undefined;
  // Waves: the distinct start months, in order.
  const waveOf = new Map<number, number>();
  if (months && capacity) [...new Set([...months.values()].map((m) => m.start))].sort((a, b) => a - b).forEach((m, i) => waveOf.set(m, i + 1));
  // Thousands of initiatives share a few thousand months: each month's text is made once.
  const monthTexts = new Map<number, string>();
  const monthText = (m: number): string => {
    let s = monthTexts.get(m);
    if (s === undefined) monthTexts.set(m, (s = monthString(m)));
    return s;
  };
  const sortedIds = (x: Set<string>) => (x.size > 1 ? [...x].sort(byId) : [...x]);
  return ordered.map((d, i) => {
    const when = months?.get(d.id);
    let renewal: RenewalRef | undefined;
    if (when && base !== undefined) {
      const first = firsts[i];
      if (first) {
        const x = tool(first.id)!;
        const cost = x.annualCostMinor !== undefined ? toMajor(x.annualCostMinor) : undefined;
        if (when.end < first.m) renewal = { tool: first.id, month: monthString(first.m), ...(cost !== undefined ? { cost } : {}), met: true };
        else {
          let next = first.m;
          while (next <= when.end) next += 12;
          renewal = { tool: first.id, month: monthString(next), ...(cost !== undefined ? { cost } : {}), met: false, missed: monthString(first.m) };
        }
      }
    }
    // Optional fields in a fixed key order, so that the JSON document stays stable.
    const worded = typeof d.title === 'string' ? undefined : d.title;
    const out = {
      id: d.id, title: worded ? worded.text : d.title,
      ...(worded ? { messageId: worded.messageId, data: worded.data } : {}),
      kind: d.kind, phase: d.phase, addresses: sortedIds(d.addresses), tools: d.tools, keep: d.keep ?? [], drop: d.drop ?? [],
    } as PlannedInitiative;
    if (d.owner) out.owner = d.owner;
    out.stakeholders = sortedIds(d.stakeholders);
    if (d.savingMinor) out.saving = toMajor(d.savingMinor);
    if (d.decidedSavingMinor) out.decidedSaving = toMajor(d.decidedSavingMinor);
    if (when) {
      out.start = monthText(when.start);
      out.end = monthText(when.end);
    }
    if (when && waveOf.size > 1) out.wave = waveOf.get(when.start);
    out.months = d.months;
    out.dependsOn = sortedIds(d.dependsOn);
    out.pilot = d.pilot;
    out.status = d.status;
    out.source = d.source;
    out.order = i + 1;
    out.impact = d.impact;
    if (renewal) out.renewal = renewal;
    if (d.notes) out.notes = d.notes;
    return out;
  });
}

/** Renewals of the tools still in use, from the plan's start, with the initiative that acts before each. */
export function upcomingRenewals(ws: Workspace, planned: readonly PlannedInitiative[], drafts: ReadonlyMap<string, Draft>, base: number | undefined): UpcomingRenewal[] {
  const renewals: UpcomingRenewal[] = [];
  const actsOn = new Map<string, string>();
  for (const p of planned) if (p.renewal && !actsOn.has(p.renewal.tool)) actsOn.set(p.renewal.tool, p.id);
  for (const p of planned) for (const id of drafts.get(p.id)?.renewalTools ?? []) if (!actsOn.has(id)) actsOn.set(id, p.id);
  for (const x of ws.tools) {
    if (!x.renewal || x.status === 'retired') continue;
    const m = base !== undefined ? nextYearly(x.renewal, base) : monthIndex(x.renewal);
    const by = actsOn.get(x.id);
    renewals.push({
      tool: x.id, name: x.name, month: monthString(m),
      ...(x.annualCostMinor !== undefined ? { cost: toMajor(x.annualCostMinor) } : {}),
      ...(by ? { initiative: by } : {}),
    });
  }
  return renewals.sort((a, b) => byId(a.month, b.month) || byId(a.tool, b.tool));
}

/** The plan's review dates: its start and the next review by the strategy's cadence. */
export function reviewDates(ws: Workspace, base: number | undefined): Pick<FullRoadmap, 'start' | 'nextReview'> {
  return base !== undefined ? { start: monthString(base), nextReview: monthString(base + CADENCE_MONTHS[ws.strategy.review]) } : {};
}

