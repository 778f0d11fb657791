// `roadmap`: a Mermaid gantt of the initiatives, one section per phase (quick wins, integrate,
// platform), on the roadmap's own dates (one scheduler: src/analysis/roadmap/schedule.ts), so that
// the chart and the report's table agree. Bars of initiatives that answer a critical or high finding are red (`crit`);
// done ones are dark, in-progress ones outlined. No "today" marker: the text is deterministic.
import type { Initiative } from '../analysis/types.js';
import { monthStartDate, parseMonth } from '../analysis/roadmap/months.js';
import { scheduleMonths } from '../analysis/roadmap/schedule.js';
import { SEVERITY_RANK } from '../model/vocabulary.js';
import { plainText, text } from './mermaid-escape.js';
import { displayWidth } from '../util/width.js';

/** A bar label at most `columns` wide (a Japanese character counts two), cut with "…" at a character. */
function shortLabel(title: string, columns: number): string {
  const s = plainText(title, 200);
  if (displayWidth(s) <= columns) return s;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    if (displayWidth(out + segment) > columns - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}
import { cmp, money } from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';

export interface ScheduledInitiative { initiative: Initiative; start: number; end: number }

/**
 * Start and end month (as month indexes, end exclusive) of every initiative, in the roadmap's
 * order. The dates are the roadmap's own (src/analysis/roadmap/schedule.ts); initiatives the
 * roadmap left undated (it was built without a current month) are scheduled by the same rule
 * from `today`.
 */
export function schedule(initiatives: readonly Initiative[], today?: string): ScheduledInitiative[] {
  const dated = initiatives.map((i) => (i.start ? parseMonth(i.start) : undefined)).filter((x): x is number => x !== undefined);
  const base = (today ? parseMonth(today) : undefined) ?? (dated.length ? Math.min(...dated) : 0);
  const months = scheduleMonths(initiatives.map((i) => ({
    id: i.id, dependsOn: i.dependsOn, months: Math.max(1, Math.round(i.months || 1)),
    ...(i.start && parseMonth(i.start) !== undefined ? { start: i.start } : {}),
  })), base);
  return initiatives.map((initiative) => {
    const m = months.get(initiative.id)!;
    return { initiative, start: m.start, end: m.end + 1 };
  });
}

/**
 * What the gantt and the report's timeline both draw: the initiatives not rejected, scheduled, in
 * the roadmap's order, the worst severity each finding has, and the months shown (end exclusive).
 */
export function plannedRoadmap(result: DiagramInput['result'], today: string | undefined) {
  const severityOf = new Map(result.findings.map((f) => [f.id, SEVERITY_RANK[f.severity]]));
  const initiatives = result.roadmap.initiatives.filter((i) => i.status !== 'rejected');
  const planned = schedule(initiatives, today);
  const orderOf = new Map(initiatives.map((i, k) => [i.id, k]));
  const first = planned.length ? Math.min(...planned.map((p) => p.start)) : (today ? parseMonth(today) : undefined) ?? 0;
  const last = planned.length ? Math.max(...planned.map((p) => p.end)) : first + 1;
  return { severityOf, planned, orderOf, first, last };
}

export function roadmapDiagram({ ws, result, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t } = tr;
  const maxPerPhase = options.maxInitiativesPerPhase ?? DEFAULT_OPTIONS.maxInitiativesPerPhase;
  const today = options.today;
  const currency = ws.organization.currency;
  const notes: string[] = [];
  const { severityOf, planned, orderOf, first, last } = plannedRoadmap(result, today);
  const span = last - first;
  const tick = span <= 12 ? '1month' : span <= 36 ? '3month' : '6month';

  const out: string[] = [
    'gantt',
    `  accTitle: ${t('diagram.kind.roadmap')}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m',
    `  tickInterval ${tick}`,
    '  todayMarker off',
  ];
  let n = 0;
  for (const phase of [1, 2, 3] as const) {
    // Within a phase: by start month, then in the roadmap's own order (a cascade reads well).
    const inPhase = planned.filter((p) => p.initiative.phase === phase)
      .sort((a, b) => a.start - b.start || orderOf.get(a.initiative.id)! - orderOf.get(b.initiative.id)!);
    if (inPhase.length === 0) continue;
    out.push(`  section ${text(t(`diagram.roadmap.phase.${phase}`))}`);
    let shown = inPhase;
    let rest: ScheduledInitiative[] = [];
    if (inPhase.length > maxPerPhase) {
      const keep = new Set([...inPhase]
        .sort((a, b) => (b.initiative.saving ?? 0) - (a.initiative.saving ?? 0) || cmp(a.initiative.id, b.initiative.id))
        .slice(0, maxPerPhase - 1).map((p) => p.initiative.id));
      shown = inPhase.filter((p) => keep.has(p.initiative.id));
      rest = inPhase.filter((p) => !keep.has(p.initiative.id));
    }
    for (const p of shown) {
      const i = p.initiative;
      const tags: string[] = [];
      if (i.status === 'done') tags.push('done');
      else if (i.status === 'in-progress') tags.push('active');
      const worst = Math.max(-1, ...i.addresses.map((id) => severityOf.get(id) ?? -1));
      if (worst >= SEVERITY_RANK.high) tags.push('crit');
      n += 1;
      const saves = i.saving && i.saving > 0 ? ` (${t('diagram.roadmap.saves', { amount: money(i.saving, currency, tr.lang) })})` : '';
      // Pictures for pages and slides carry short labels that fit beside their bars (the tables
      // under the picture give the full titles and savings); the .mmd keeps the long ones.
      const name = options.legendOutside ? shortLabel(i.title, 44) : plainText(i.title, 72) + saves;
      out.push(`  ${text(name, 100)} :${[...tags, `i${n}`, monthStartDate(p.start), monthStartDate(p.end)].join(', ')}`);
    }
    if (rest.length) {
      n += 1;
      const start = Math.min(...rest.map((p) => p.start));
      const end = Math.max(...rest.map((p) => p.end));
      out.push(`  ${text(t('diagram.roadmap.more', { count: rest.length }))} :i${n}, ${monthStartDate(start)}, ${monthStartDate(end)}`);
      notes.push(t('diagram.roadmap.collapsed', { phase: t(`diagram.roadmap.phase.${phase}`), count: rest.length }));
    }
  }
  if (planned.length === 0) {
    out.push(`  section ${text(t('diagram.roadmap.empty'))}`);
    out.push(`  ${text(t('diagram.roadmap.empty'))} :milestone, i1, ${monthStartDate(first)}, 0d`);
  }
  if (planned.length) notes.push(t('diagram.roadmap.legend'));
  return { kind: 'roadmap', family: 'gantt', title: t('diagram.kind.roadmap'), source: `${out.join('\n')}\n`, notes };
}
