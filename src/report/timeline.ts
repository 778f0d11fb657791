// The roadmap timeline as the client reads it on a page or a slide: one row per initiative, its
// whole title (never cut) and saving beside a bar over the months, grouped by phase. Drawn as HTML
// in the report and PDF, and as editable shapes in the deck (report/pptx.ts). The Mermaid gantt
// stays as diagrams/roadmap.mmd and .svg (for git and GitHub). Same schedule and the same bar
// colours as the gantt: red answers a critical or high finding, dark is done, outlined in progress.
import type { Translator } from '../i18n/index.js';
import { formatMoney } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import { monthString } from '../analysis/roadmap/months.js';
import { SEVERITY_RANK } from '../model/vocabulary.js';
import { plannedRoadmap } from '../diagrams/roadmap.js';
import { CARDS_SHOWN, moreCount } from './summarise.js';

export type BarKind = 'crit' | 'done' | 'active' | 'plain';

export interface TimelineRow {
  title: string;
  /** Month offsets from the timeline's first month; `end` is exclusive. */
  start: number;
  end: number;
  kind: BarKind;
  /** The yearly saving, formatted ("€56,000 a year"), when there is one. */
  saving?: string;
  /** (r2) The tools the initiative phases out (its `drop`), by name: drawn as "dropped" chips, as in the journey map. */
  drops?: string[];
}

export interface TimelinePhase { phase: 1 | 2 | 3; name: string; rows: TimelineRow[] }

export interface Timeline {
  /** "YYYY-MM" of every month shown, first to last. */
  months: string[];
  phases: TimelinePhase[];
  /** What the colours mean. */
  legend: string;
  /** What a "dropped" chip means, when a row has one (the journey map's words for it). */
  dropLegend?: string;
}

/** At most this many "dropped" chips on a row (the initiative's title names the rest). */
export const DROPS_SHOWN = 6;

/** The timeline of the roadmap's initiatives (the rejected ones left out, as in the gantt). */
export function roadmapTimeline(result: AnalysisResult, today: string | undefined, tr: Translator): Timeline {
  const { t } = tr;
  const { severityOf, planned, orderOf, first, last } = plannedRoadmap(result, today);
  const currency = result.summary.currency;
  const toolName = new Map(result.inventory.map((x) => [x.id, x.name]));
  const phases: TimelinePhase[] = [];
  for (const phase of [1, 2, 3] as const) {
    // Within a phase: by start month, then in the roadmap's own order (a cascade reads well).
    const inPhase = planned.filter((p) => p.initiative.phase === phase)
      .sort((a, b) => a.start - b.start || orderOf.get(a.initiative.id)! - orderOf.get(b.initiative.id)!);
    if (!inPhase.length) continue;
    phases.push({
      phase,
      name: t(`diagram.roadmap.phase.${phase}`),
      rows: inPhase.map(({ initiative: i, start, end }) => {
        const worst = Math.max(-1, ...i.addresses.map((id) => severityOf.get(id) ?? -1));
        const kind: BarKind = i.status === 'done' ? 'done' : i.status === 'in-progress' ? 'active' : worst >= SEVERITY_RANK.high ? 'crit' : 'plain';
        const saving = i.saving && i.saving > 0
          ? t('deliverable.timeline.saving', { amount: formatMoney(toMinor(i.saving), currency, tr.lang) }) : undefined;
        // A programme of a very large stack drops hundreds of tools: the first few as chips, then how many more.
        const names = (i.drop ?? []).map((id) => toolName.get(id) ?? id);
        const drops = names.length > DROPS_SHOWN
          ? [...names.slice(0, DROPS_SHOWN), t('assess.more', { count: names.length - DROPS_SHOWN })] : names;
        return { title: i.title, start: start - first, end: end - first, kind, ...(saving ? { saving } : {}), ...(drops.length ? { drops } : {}) };
      }),
    });
  }
  const dropping = phases.some((p) => p.rows.some((r) => r.drops));
  return {
    months: Array.from({ length: Math.max(1, last - first) }, (_, k) => monthString(first + k)), phases, legend: t('diagram.roadmap.legend'),
    ...(dropping ? { dropLegend: t('deliverable.chip.dropped') } : {}),
  };
}

/** Every n-th month is labelled, so that labels never run into each other. */
export function monthStep(count: number): number {
  // At most about eight labels: a large stack's roadmap in waves runs for years.
  return count <= 8 ? 1 : count <= 16 ? 2 : count <= 36 ? 3 : count <= 72 ? 6 : 12 * Math.ceil(count / 96);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The timeline as an HTML figure (the report and the PDF). */
export function timelineHtml(tl: Timeline, title: string, link: string, tr: Translator): string {
  const n = tl.months.length;
  const step = monthStep(n);
  const pct = (m: number) => `${((m / n) * 100).toFixed(3)}%`;
  const head = tl.months.map((m, k) => (k % step === 0 ? `<span style="left:${pct(k)}">${esc(m)}</span>` : '')).join('');
  // A large roadmap shows the first rows of each phase and how many more (report/summarise.ts).
  const rows = tl.phases.map((p) => `<div class="tl-phase tl-p${p.phase}">${esc(p.name)}</div>${p.rows.slice(0, CARDS_SHOWN).map((r) => '<div class="tl-row">'
    + `<div class="tl-title">${esc(r.title)}${r.saving ? ` <span class="tl-save">${esc(r.saving)}</span>` : ''}${dropChips(r.drops)}</div>`
    + `<div class="tl-track"><span class="tl-bar tl-${r.kind}" style="left:${pct(r.start)};width:${pct(r.end - r.start)}"></span></div></div>`).join('')}`
    + (p.rows.length > CARDS_SHOWN ? `<div class="tl-row"><div class="tl-title muted">${esc(moreCount(p.rows.length - CARDS_SHOWN, tr))}</div><div></div></div>` : '')).join('');
  return `<figure class="diagram timeline" id="diagram-roadmap"><figcaption><span>${esc(title)}</span>${link}</figcaption>`
    + `<div class="tl" style="--m:${n}"><div class="tl-row tl-head"><div></div><div class="tl-months">${head}</div></div>${rows}</div>`
    + `<div class="notes"><p>${esc(tl.legend)}${tl.dropLegend ? dropChips([tl.dropLegend]) : ''}</p></div></figure>`;
}

/** The tools a row phases out, as the journey map's "dropped" chips (report/journey-matrix.ts MATRIX_CSS). */
function dropChips(names: readonly string[] | undefined): string {
  return names?.length ? ` ${names.map((n) => `<span class="chip chip-dropped">${esc(n)}</span>`).join(' ')}` : '';
}

export const TIMELINE_CSS = `
.tl{padding:10px 14px 4px;font-size:13px}
.tl-row{display:grid;grid-template-columns:minmax(0,42%) minmax(0,1fr);gap:0 14px;align-items:center;border-top:1px solid #eef0f3;padding:4px 0;break-inside:avoid}
.tl-head{border-top:0;padding:0 0 4px}
.tl-months{position:relative;height:1.4em;font-size:12px;color:var(--muted)}
.tl-months span{position:absolute;top:0;white-space:nowrap}
.tl-title{line-height:1.3}
.tl-save{color:#1e7b34;font-weight:700;white-space:nowrap}
.tl-track{position:relative;height:16px;background-image:repeating-linear-gradient(to right,#e3e6ea 0 1px,transparent 1px 100%);background-size:calc(100% / var(--m)) 100%}
.tl-bar{position:absolute;top:2px;bottom:2px;border-radius:3px;background:#4a78c2;min-width:4px;box-sizing:border-box}
.tl-crit{background:#c5221f}.tl-done{background:#1b2a41}.tl-active{background:#fff;border:2px solid #4a78c2}
.tl-phase{font-weight:700;margin:10px 0 2px;padding-left:8px;border-left:4px solid #1e7b34;break-after:avoid}
.tl-p2{border-left-color:#b06000}.tl-p3{border-left-color:#2f5597}
@media print{
 figure.timeline{break-inside:auto}
 .tl{font-size:11px;padding:6px 8px 2px}
 .tl-months{font-size:11px}
 .tl-row{padding:2px 0}
 .tl-track{height:13px}
 .tl-phase{margin-top:6px}
}`;
