// report.html: one self-contained file that makes no network request. A strict
// Content-Security-Policy is the first thing in <head> (no source may load anything; inline styles
// for the SVGs; the one small script is allowed by its hash). Every text is escaped; the embedded
// audit JSON has `<`, `>`, `&` and line separators as \u escapes so it can never end its <script>.
// Diagrams are inline SVGs with their own ids; a diagram that could not be drawn shows its Mermaid
// text and says why. The findings table filters by severity (works without the script, through
// CSS :has) and by text (the script). Print styles: A4 landscape, one step per page.
import { createHash } from 'node:crypto';
import type { Translator } from '../i18n/index.js';
import type { Diagram, DiagramKind } from '../diagrams/types.js';
import { SEVERITIES } from '../model/vocabulary.js';
import type { Block, Cell, ReportContent, Table } from './blocks.js';
import { coverHtml, DELIVERABLE_CSS, diagramLegendHtml, matrixHtml, sinceHtml, summaryHtml } from './deliverable-html.js';
import { MATRIX_CSS } from './journey-matrix.js';
import { TIMELINE_CSS, timelineHtml } from './timeline.js';

/** A drawn diagram, or why there is none. */
export interface DiagramPicture { svg?: string; width?: number; height?: number; missing?: string }

export interface HtmlOptions {
  /** The language of the page's own words (the content brings its words; both are in one language). */
  tr: Translator;
  /** The `analyze --format json` document, embedded for machines (and as a record). */
  json: string;
  /** Links to the files next to the report (diagrams/*.svg): only when written as a folder. */
  linkFiles?: boolean;
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside <script type="application/json">. */
export function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The findings filter (text search, counts). Severity checkboxes also work without it (CSS).
const SCRIPT = `(function(){
var q=document.getElementById('finding-search'),c=document.getElementById('finding-count');
if(!q||!c)return;
var rows=[].slice.call(document.querySelectorAll('#findings-table tbody tr'));
var boxes=[].slice.call(document.querySelectorAll('.filter input[type=checkbox]'));
function update(){var s=q.value.trim().toLowerCase(),n=0;
rows.forEach(function(r){var b=document.getElementById('sev-'+r.getAttribute('data-severity'));
var ok=(!b||b.checked)&&(!s||r.textContent.toLowerCase().indexOf(s)>=0);r.hidden=!ok;if(ok)n++;});
c.textContent=c.getAttribute('data-template').replace('{shown}',n).replace('{total}',rows.length);}
q.hidden=false;q.addEventListener('input',update);
boxes.forEach(function(b){b.addEventListener('change',update);});update();})();`;

export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

export const CSP = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

const CSS = `
:root{--fg:#1b2a41;--muted:#5f6368;--line:#dfe3ea;--bg:#ffffff;--soft:#f6f8fb;--accent:#2f5597;
--critical:#8c1513;--high:#c5221f;--medium:#b06000;--low:#2f5597;--info:#5f6368;
--healthy:#1e7b34;--refocus:#2f5597;--integrate:#b06000;--replatform:#c5221f;
font-family:Arial,"Liberation Sans",Helvetica,"Noto Sans CJK JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif}
:root:lang(ja){font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font-size:15px;line-height:1.5}
header.top{background:#1b2a41;color:#fff;padding:28px 40px 24px}
header.top h1{margin:0 0 4px;font-size:26px;font-weight:700}
header.top .generator{margin:0;color:#c7d2e2;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0 0;padding:0;list-style:none}
.cards li{background:rgba(255,255,255,.08);border:1px solid rgba(255,255,255,.18);border-radius:8px;padding:10px 14px;min-width:120px}
.cards .label{display:block;font-size:12px;color:#c7d2e2;text-transform:uppercase;letter-spacing:.04em}
.cards .value{display:block;font-size:20px;font-weight:700;margin-top:2px}
.cards .tone-critical .value,.cards .tone-high .value,.cards .tone-replatform .value{color:#ffb4ab}
.cards .tone-medium .value,.cards .tone-integrate .value{color:#ffd58a}
.cards .tone-healthy .value,.cards .tone-saving .value{color:#a8e6b5}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 40px;font-size:14px}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:18px;white-space:nowrap}
main{max-width:1280px;margin:0 auto;padding:8px 40px 48px}
section{margin-top:36px}
h2{font-size:22px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--fg)}
h3{font-size:16px;margin:24px 0 8px}
p{max-width:960px}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:12px 0 20px;font-size:13.5px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:700;position:sticky;top:37px}
td.num,th.num{text-align:right;white-space:nowrap}
td.wide{min-width:220px}
td.nowrap,code.nowrap{white-space:nowrap;overflow-wrap:normal}
tbody tr:hover{background:#fafbfd}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;color:#3c4043;overflow-wrap:anywhere}
.sev{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:700;color:#fff;white-space:nowrap}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.callout{border-left:6px solid var(--accent);background:var(--soft);padding:12px 16px;margin:8px 0 16px;max-width:960px}
.callout strong{display:block;font-size:18px}
.level-healthy{border-color:var(--healthy)}.level-refocus{border-color:var(--refocus)}.level-integrate{border-color:var(--integrate)}.level-replatform{border-color:var(--replatform)}
table.kv{width:auto;min-width:50%}
table.kv td:first-child{color:var(--muted);padding-right:24px}
figure.diagram{margin:20px 0 28px;border:1px solid var(--line);border-radius:8px;background:#fff}
figure.diagram figcaption{padding:10px 14px;border-bottom:1px solid var(--line);font-weight:700;display:flex;justify-content:space-between;gap:12px}
figure.diagram figcaption a{font-weight:400;font-size:13px;color:var(--accent)}
.svg-wrap{overflow-x:auto;padding:12px}
.svg-wrap svg{display:block;margin:0 auto;max-width:100%;height:auto}
figure.wide .svg-wrap svg{max-width:none;width:var(--w);height:auto}
.notes{margin:0;padding:0 14px 12px;font-size:13px;color:var(--muted)}
.notes p{margin:4px 0}
figure.not-drawn pre{margin:0 14px 14px;padding:12px;background:var(--soft);border-radius:6px;overflow-x:auto;font-size:12px;line-height:1.4}
.filter{display:flex;flex-wrap:wrap;align-items:center;gap:10px 16px;margin:8px 0;padding:10px 12px;background:var(--soft);border-radius:8px;font-size:14px}
.filter label{cursor:pointer;white-space:nowrap}
.filter input[type=search]{flex:1;min-width:200px;padding:5px 8px;border:1px solid #c5ccd6;border-radius:6px;font:inherit}
${SEVERITIES.map((s) => `body:has(#sev-${s}:not(:checked)) #findings-table tr[data-severity="${s}"]{display:none}`).join('\n')}
tr[hidden]{display:none}
footer{max-width:1280px;margin:0 auto;padding:16px 40px 40px;color:var(--muted);font-size:12px}
@page{size:A4 landscape;margin:12mm 12mm 16mm}
@page portrait{size:A4 portrait;margin:12mm 12mm 16mm}
@page big{size:A3 landscape;margin:12mm 12mm 16mm}
@media print{
 body{font-size:11px}
 header.top{padding:0 0 12px;background:none;color:var(--fg);border-bottom:2px solid var(--fg)}
 header.top .generator,.cards .label{color:var(--muted)}
 .cards li{border-color:var(--line);background:none}
 .cards .value{color:var(--fg)!important;font-size:16px}
 nav.toc,.filter,figure.diagram figcaption a,.no-print{display:none!important}
 main,footer{max-width:none;padding:0}
 section{break-before:page;margin-top:0}
 section:first-of-type{break-before:auto;margin-top:16px}
 h2,h3,figcaption{break-after:avoid}
 code{font-size:11px}
 th{position:static}
 thead{display:table-header-group}
 tr,figure.diagram{break-inside:avoid}
 #findings-table tr{display:table-row!important}
 .svg-wrap{overflow:visible;padding:4px}
 figure.wide .svg-wrap svg,.svg-wrap svg{max-width:100%!important;max-height:128mm;width:auto;height:auto}
 figure.pg-portrait{page:portrait}
 figure.pg-big{page:big}
 figure.pg-portrait .svg-wrap svg,figure.pg-big .svg-wrap svg{max-height:235mm}
 .sev{border:1px solid #000;color:#000;background:none!important}
 a{color:inherit;text-decoration:none}
}`;

function cellHtml(cell: Cell, nowrap = false): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if (cell.severity) return `<span class="sev sev-${cell.severity}">${escapeHtml(cell.text)}</span>`;
  let s = escapeHtml(cell.text);
  // Paths and finding ids may break after / : + (and nowhere else).
  if (cell.code) s = nowrap ? `<code class="nowrap">${s}</code>` : `<code>${s.replace(/([/:+])/g, '$1<wbr>')}</code>`;
  if (cell.strong) s = `<strong>${s}</strong>`;
  if (cell.muted) s = `<span class="muted">${s}</span>`;
  return s;
}

function tableHtml(table: Table): string {
  const cls = (c: { numeric?: boolean; wide?: boolean; nowrap?: boolean }) => (c.numeric ? ' class="num"' : c.wide ? ' class="wide"' : c.nowrap ? ' class="nowrap"' : '');
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows.map((r, i) => {
    const meta = table.rowMeta?.[i];
    const attrs = `${meta?.severity ? ` data-severity="${meta.severity}"` : ''}${meta?.id ? ` id="${escapeHtml(meta.id)}"` : ''}`;
    return `<tr${attrs}>${r.map((c, k) => `<td${cls(table.columns[k] ?? {})}>${cellHtml(c, table.columns[k]?.nowrap)}</td>`).join('')}</tr>`;
  });
  const more = table.more ? `\n<p class="muted more">${escapeHtml(table.more)}</p>` : '';
  return `<table id="${escapeHtml(table.id)}">${head}<tbody>\n${rows.join('\n')}\n</tbody></table>${more}`;
}

function filterHtml(table: Table, { t }: Translator): string {
  const counts = new Map<string, number>();
  for (const m of table.rowMeta ?? []) if (m.severity) counts.set(m.severity, (counts.get(m.severity) ?? 0) + 1);
  const boxes = [...SEVERITIES].reverse().filter((s) => counts.get(s)).map((s) =>
    `<label><input type="checkbox" id="sev-${s}" checked> <span class="sev sev-${s}">${escapeHtml(t(`report.severity.${s}`))}</span> ${counts.get(s)}</label>`);
  return `<div class="filter" role="group" aria-label="${escapeHtml(t('report.filter.label'))}"><span>${escapeHtml(t('report.filter.show'))}</span>${boxes.join('')}`
    + `<input type="search" id="finding-search" placeholder="${escapeHtml(t('report.filter.search'))}" aria-label="${escapeHtml(t('report.filter.search'))}" hidden>`
    + `<span id="finding-count" aria-live="polite" data-template="${escapeHtml(t('report.filter.count'))}"></span></div>`;
}

function diagramHtml(d: Diagram, pic: DiagramPicture | undefined, opts: HtmlOptions): string {
  const { t } = opts.tr;
  const notes = d.notes.length ? `<div class="notes">${d.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>` : '';
  if (pic?.svg) {
    // Very wide pictures (the journey of a large stack) keep 70% of their size and scroll
    // sideways rather than shrink until the text cannot be read; print fits them to the page.
    const wide = (pic.width ?? 0) > 1800;
    const link = opts.linkFiles ? ` <a class="no-print" href="diagrams/${d.kind}.svg">${escapeHtml(t('report.open-svg'))}</a>` : '';
    const size = wide ? ` style="--w:${Math.round(pic.width! * 0.7)}px"` : '';
    const page = printPage(pic.svg, d.family);
    return `<figure class="diagram${wide ? ' wide' : ''}${page ? ` pg-${page}` : ''}" id="diagram-${d.kind}"><figcaption><span>${escapeHtml(d.title)}</span>${link}</figcaption>`
      + `${diagramLegendHtml(d.legend)}<div class="svg-wrap"${size}>${pic.svg}</div>${notes}</figure>`;
  }
  return `<figure class="diagram not-drawn" id="diagram-${d.kind}"><figcaption><span>${escapeHtml(d.title)}</span></figcaption>`
    + `<div class="notes"><p>${escapeHtml(pic?.missing ?? t('report.not-drawn'))}</p></div>${notes}`
    + `<pre><code>${escapeHtml(d.source)}</code></pre></figure>`;
}

/** The smallest text of a diagram family, in CSS px as Mermaid draws it (render/theme.ts). */
const TEXT_PX: Record<string, number> = { flowchart: 14, gantt: 14, quadrant: 14 };
/** 8 pt in CSS px: nothing in the PDF is set smaller. */
const READABLE_PX = 8 / 0.75;

/**
 * Which printed page a picture goes on so that its text stays at least 8 pt once fitted: the A4
 * landscape page of the report (undefined), an A4 portrait page for a tall one, an A3 landscape
 * page for a wide one. Areas in CSS px: the page less its margins, caption and legend.
 */
export function printPage(svg: string, family: string): 'portrait' | 'big' | undefined {
  const box = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const w = Number(box?.[1] ?? /\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const h = Number(box?.[2] ?? /\bheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  if (!w || !h) return undefined;
  const text = TEXT_PX[family] ?? 14;
  const fits = (pw: number, ph: number) => text * Math.min(1, pw / w, ph / h) >= READABLE_PX;
  const mm = 96 / 25.4;
  // The width inside a figure's frame: the page's 269 mm (A4 landscape), 182 mm (portrait) and
  // 392 mm (A3 landscape) less the frame and its padding.
  if (fits(245 * mm, 128 * mm)) return undefined;
  if (fits(160 * mm, 235 * mm)) return 'portrait';
  return 'big';
}

function blockHtml(b: Block, content: ReportContent, diagrams: Map<DiagramKind, Diagram>, pictures: Map<DiagramKind, DiagramPicture>, opts: HtmlOptions): string {
  switch (b.type) {
    case 'p': return `<p${b.muted ? ' class="muted"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'h3': return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'kv': return `<table class="kv"><tbody>${b.rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
    case 'callout': return `<div class="callout level-${escapeHtml(b.level)}"><strong>${escapeHtml(b.title)}</strong>${escapeHtml(b.text)}</div>`;
    case 'table': return b.table.id === 'findings-table' ? filterHtml(b.table, opts.tr) + tableHtml(b.table) : tableHtml(b.table);
    case 'matrix': return matrixHtml(content.matrix, opts.tr);
    case 'diagram': {
      if (b.markdownOnly) return '';
      const d = diagrams.get(b.kind);
      // The roadmap reads as rows of whole titles beside their bars (report/timeline.ts); the
      // gantt picture stays in diagrams/roadmap.svg.
      if (d && b.kind === 'roadmap' && content.timeline.phases.length) {
        const link = opts.linkFiles && pictures.get('roadmap')?.svg ? ` <a class="no-print" href="diagrams/roadmap.svg">${escapeHtml(opts.tr.t('report.open-svg'))}</a>` : '';
        return timelineHtml(content.timeline, d.title, link, opts.tr);
      }
      return d ? diagramHtml(d, pictures.get(b.kind), opts) : '';
    }
  }
}

/** The whole report page. */
export function renderHtml(content: ReportContent, diagrams: readonly Diagram[], pictures: Map<DiagramKind, DiagramPicture>, opts: HtmlOptions): string {
  const { tr } = opts;
  const { t } = tr;
  const byKind = new Map(diagrams.map((d) => [d.kind, d]));
  const all = [...content.sections, content.appendix];
  const sections = all.map((s) => `<section id="${escapeHtml(s.id)}" aria-labelledby="h-${escapeHtml(s.id)}"><h2 id="h-${escapeHtml(s.id)}">${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, content, byKind, pictures, opts)).join('\n')}\n</section>`);
  const toc = [{ id: 'summary', title: t('deliverable.summary') }, ...(content.since ? [{ id: 'since', title: t('deliverable.since') }] : []), ...all];
  const cards = content.summary.map((c) => `<li class="${c.tone ? `tone-${escapeHtml(c.tone)}` : ''}"><span class="label">${escapeHtml(c.label)}</span><span class="value">${escapeHtml(c.value)}</span></li>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.lang)}">`,
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${escapeHtml(content.generator)}">`,
    `<title>${escapeHtml(content.title)}</title>`,
    `<style>${CSS}${MATRIX_CSS}${TIMELINE_CSS}${DELIVERABLE_CSS}</style>`,
    '</head>',
    '<body>',
    coverHtml(content.cover, cards, tr),
    `<nav class="toc" aria-label="${escapeHtml(t('report.contents'))}">${toc.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('')}</nav>`,
    '<main>',
    summaryHtml(content.executive, tr),
    ...(content.since ? [sinceHtml(content.since, tr)] : []),
    ...sections,
    '</main>',
    `<footer>${escapeHtml(content.generator)}</footer>`,
    `<script type="application/json" id="audit-data">${scriptSafeJson(opts.json.trimEnd())}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
