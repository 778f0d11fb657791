// `roadmap`: a Mermaid gantt of the initiatives, one section per phase (quick wins, integrate,
// platform). An initiative with a `start` keeps it; one without starts when its phase does (phase 1
// at the plan's start, each next phase when the previous one's undated work ends) and not before
// the initiatives it depends on end. The plan starts at the earliest authored start, else at
// `options.today`. Bars of initiatives that answer a critical or high finding are red (`crit`);
// done ones are dark, in-progress ones outlined. No "today" marker: the text is deterministic.
import { t } from '../i18n/index.js';
import type { Initiative } from '../analysis/types.js';
import { SEVERITY_RANK } from '../workspace/vocabulary.js';
import { plainText, text } from './mermaid-escape.js';
import { cmp, money } from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';

const MONTH = /^(\d{4})-(\d{2})$/;

function toIndex(month: string): number | undefined {
  const m = MONTH.exec(month);
  if (!m) return undefined;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return undefined;
  return Number(m[1]) * 12 + (mm - 1);
}

function toDate(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export interface ScheduledInitiative { initiative: Initiative; start: number; end: number }

/** Start and end month (as month indexes) of every initiative, in phase and id order. */
export function schedule(initiatives: readonly Initiative[], today: string): ScheduledInitiative[] {
  const sorted = [...initiatives].sort((a, b) => a.phase - b.phase || cmp(a.id, b.id));
  const dated = sorted.map((i) => (i.start ? toIndex(i.start) : undefined)).filter((x): x is number => x !== undefined);
  const anchor = dated.length ? Math.min(...dated) : (toIndex(today) ?? toIndex(currentMonth())!);
  const done = new Map<string, ScheduledInitiative>();
  const out: ScheduledInitiative[] = [];
  let phaseStart = anchor;
  for (const phase of [1, 2, 3] as const) {
    let phaseEnd = phaseStart;
    for (const initiative of sorted.filter((i) => i.phase === phase)) {
      const months = Math.max(1, Math.round(initiative.months || 1));
      let start = initiative.start ? toIndex(initiative.start) : undefined;
      if (start === undefined) {
        start = phaseStart;
        for (const dep of initiative.dependsOn) {
          const d = done.get(dep);
          if (d) start = Math.max(start, d.end);
        }
        phaseEnd = Math.max(phaseEnd, start + months);
      }
      const s = { initiative, start, end: start + months };
      done.set(initiative.id, s);
      out.push(s);
    }
    phaseStart = phaseEnd;
  }
  return out;
}

export function roadmapDiagram({ ws, result, options }: DiagramInput): Diagram {
  const maxPerPhase = options.maxInitiativesPerPhase ?? DEFAULT_OPTIONS.maxInitiativesPerPhase;
  const today = options.today ?? currentMonth();
  const currency = ws.organization.currency;
  const notes: string[] = [];
  const severityOf = new Map(result.findings.map((f) => [f.id, SEVERITY_RANK[f.severity]]));
  const initiatives = result.roadmap.initiatives.filter((i) => i.status !== 'rejected');
  const planned = schedule(initiatives, today);
  const orderOf = new Map(initiatives.map((i, k) => [i.id, k]));

  const first = planned.length ? Math.min(...planned.map((p) => p.start)) : toIndex(today) ?? 0;
  const last = planned.length ? Math.max(...planned.map((p) => p.end)) : first + 1;
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
      const saves = i.saving && i.saving > 0 ? ` (${t('diagram.roadmap.saves', { amount: money(i.saving, currency) })})` : '';
      // Pictures for pages and slides carry short labels that fit beside their bars (the tables
      // under the picture give the full titles and savings); the .mmd keeps the long ones.
      const name = options.legendOutside ? plainText(i.title, 44) : plainText(i.title, 72) + saves;
      out.push(`  ${text(name, 100)} :${[...tags, `i${n}`, toDate(p.start), toDate(p.end)].join(', ')}`);
    }
    if (rest.length) {
      n += 1;
      const start = Math.min(...rest.map((p) => p.start));
      const end = Math.max(...rest.map((p) => p.end));
      out.push(`  ${text(t('diagram.roadmap.more', { count: rest.length }))} :i${n}, ${toDate(start)}, ${toDate(end)}`);
      notes.push(t('diagram.roadmap.collapsed', { phase: t(`diagram.roadmap.phase.${phase}`), count: rest.length }));
    }
  }
  if (planned.length === 0) {
    out.push(`  section ${text(t('diagram.roadmap.empty'))}`);
    out.push(`  ${text(t('diagram.roadmap.empty'))} :milestone, i1, ${toDate(first)}, 0d`);
  }
  if (planned.length) notes.push(t('diagram.roadmap.legend'));
  return { kind: 'roadmap', family: 'gantt', title: t('diagram.kind.roadmap'), source: `${out.join('\n')}\n`, notes };
}
