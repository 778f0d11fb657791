// The client-facing parts of report.html (and so of the PDF): the cover, the one-page executive
// summary, the journey matrix and the "since the last review" page. Kept apart from html.ts,
// which draws the five steps.
import type { Translator } from '../i18n/index.js';
import { joinNames, type Cover, type ExecutiveSummary } from './summary.js';
import { bands, CHIP_CLASSES, type MatrixStage } from './journey-matrix.js';
import type { SinceView } from './since.js';
import { CLASS_DEFS } from '../diagrams/common.js';
import { CARDS_SHOWN, moreCount } from './summarise.js';

const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const DELIVERABLE_CSS = `
/* Japanese lines break between phrases (「使われていない／ライセンス」), not inside a word. */
:root:lang(ja) body{word-break:auto-phrase}
header.top .kicker{margin:0 0 6px;color:#c7d2e2;font-size:13px;letter-spacing:.06em;text-transform:uppercase}
header.top .subtitle{margin:0 0 10px;color:#dfe6f0;font-size:16px}
header.top .meta{display:flex;flex-wrap:wrap;gap:4px 28px;margin:0;padding:0;list-style:none;font-size:14px;color:#fff}
header.top .meta .k{color:#c7d2e2;margin-right:6px}
header.top .confidential{margin:10px 0 0;font-size:12px;color:#c7d2e2}
.exec{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:8px 28px;align-items:start}
.exec h3{margin:10px 0 6px}
.exec .callout{margin:0 0 4px;max-width:none}
.exec ol{margin:0;padding-left:20px}
.exec ol li{margin:0 0 6px}
.exec .problems li .detail{display:block;color:#3c4043}
.exec .problems li .money{display:block;color:var(--muted);font-size:13px}
.exec table.kv{width:100%;min-width:0}
.exec table.kv td:last-child{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.phases{display:grid;grid-template-columns:minmax(0,1fr);gap:6px}
.phase{border:1px solid var(--line);border-left:6px solid var(--accent);border-radius:6px;padding:5px 10px;background:#fff}
.phase-1{border-left-color:#1e7b34}.phase-2{border-left-color:#b06000}.phase-3{border-left-color:#2f5597}
.phase .head{display:flex;flex-wrap:wrap;gap:2px 12px;align-items:baseline}
.phase .ph{font-weight:700}
.phase .when{color:var(--muted);font-size:13px}
.phase .saving{font-weight:700;margin-left:auto}
.phase .items{margin:2px 0 0;font-size:13px;color:#3c4043}
.dg-legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:8px 14px 0;list-style:none;font-size:13px;color:#3c4043}
.dg-legend li{display:flex;align-items:center;gap:6px}
.dg-legend .swatch{display:inline-block;width:22px;height:13px;border-radius:3px}
.dg-legend .swatch.hex{border-radius:7px}
nav.toc{display:flex;flex-wrap:wrap;gap:2px 18px}
nav.toc a{margin-right:0}
:root:lang(ja) th{white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.since-figures td,.since-figures th{text-align:left}
@media print{
 header.top{min-height:170mm;display:flex;flex-direction:column;justify-content:center;border-bottom:none;padding:0 10mm;break-after:page}
 header.top .kicker,header.top .confidential,header.top .meta .k{color:var(--muted)}
 header.top h1{font-size:30px}
 header.top .subtitle{color:var(--fg);font-size:16px}
 header.top .meta{color:var(--fg);font-size:13px;margin-top:18px}
 header.top .confidential{margin-top:auto;font-size:11px}
 header.top .cards{display:none}
 .exec{gap:4px 18px;font-size:12.5px;line-height:1.4}
 .exec table{font-size:inherit}
 .exec h3{font-size:14px;margin:10px 0 5px}
 .exec .callout strong{font-size:13px}
 .exec .problems li .money,.phase .when,.phase .items{font-size:11px}
}`;

/** The top of the page: the cover (a page of its own in print) and the key figures (screen only). */
export function coverHtml(cover: Cover, cards: string, tr: Translator): string {
  const { t } = tr;
  const who = joinNames([cover.author, cover.firm].filter((x): x is string => Boolean(x)), tr.lang);
  const meta = [
    `<li><span class="k">${esc(t('deliverable.cover.prepared-for'))}</span>${esc(cover.client)}</li>`,
    who ? `<li><span class="k">${esc(t('deliverable.cover.prepared-by'))}</span>${esc(who)}</li>` : '',
    cover.date ? `<li><span class="k">${esc(t('deliverable.cover.date'))}</span>${esc(cover.date)}</li>` : '',
  ].join('');
  return `<header class="top" id="cover"><p class="kicker">${esc(cover.kicker)}</p><h1>${esc(cover.client)}</h1>`
    + `<p class="subtitle">${esc(cover.subtitle)}</p><ul class="meta">${meta}</ul>`
    + `<ul class="cards">${cards}</ul><p class="confidential">${esc(cover.confidentiality)}</p></header>`;
}

export function summaryHtml(s: ExecutiveSummary, { t, lang }: Translator): string {
  const problems = s.problems.length
    ? `<ol class="problems">${s.problems.map((p) => `<li><strong>${esc(p.headline)}</strong> <span class="detail">${esc(p.detail)}</span>`
      + `${p.money ? ` <span class="money">${esc(p.money)}</span>` : ''}</li>`).join('')}</ol>`
    : `<p>${esc(t('deliverable.summary.no-problems'))}</p>`;
  const money = `<table class="kv"><tbody>${s.money.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
  // One row a phase: its name, months and saving, then its initiatives in one line each way.
  const phases = `<div class="phases">${s.phases.map((p) => {
    const items = p.items.length ? [...p.items, ...(p.more ? [t('deliverable.more', { count: p.more })] : [])] : [t('deliverable.phase.empty')];
    return `<div class="phase phase-${p.phase}"><div class="head"><span class="ph">${p.phase}. ${esc(p.title)}</span>`
      + `${p.when ? `<span class="when">${esc(p.when)}</span>` : ''}${p.saving ? `<span class="saving">${esc(p.saving)}</span>` : ''}</div>`
      + `<p class="items">${items.map(esc).join(lang === 'ja' ? '／' : ' · ')}</p></div>`;
  }).join('')}</div>`;
  const decisions = s.decisions.length
    ? `<ol>${s.decisions.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>`
    : `<p>${esc(t('deliverable.summary.no-decisions'))}</p>`;
  return `<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">${esc(t('deliverable.summary'))}</h2><div class="exec">`
    + `<div><div class="callout level-${esc(s.level)}"><strong>${esc(s.levelLine)}</strong>${esc(s.meaning)}</div>`
    + `<h3>${esc(s.problemsTitle)}</h3>${problems}`
    + `<h3>${esc(t('deliverable.summary.decisions'))}</h3>${decisions}</div>`
    + `<div><h3>${esc(t('deliverable.summary.money'))}</h3>${money}`
    + `<h3>${esc(t('deliverable.summary.roadmap'))}</h3>${phases}</div>`
    + '</div></section>';
}

/** A diagram's legend beside the picture: sample swatches in the diagram's own colours. */
export function diagramLegendHtml(entries: { cls: string; text: string; shape?: string }[] | undefined): string {
  if (!entries?.length) return '';
  const style = (cls: string) => {
    const def = CLASS_DEFS[cls];
    if (!def || cls === 'legend') return '';
    const get = (k: string) => new RegExp(`${k}:([^,]+)`).exec(def)?.[1];
    const dash = get('stroke-dasharray') ? 'dashed' : 'solid';
    return `background:${get('fill')};border:${get('stroke-width') ?? '1px'} ${dash} ${get('stroke')};color:${get('color')}`;
  };
  return `<ul class="dg-legend">${entries.map((e) => {
    const st = style(e.cls);
    return st ? `<li><span class="swatch${e.shape === 'hexagon' ? ' hex' : ''}" style="${esc(st)}"></span>${esc(e.text)}</li>` : `<li>${esc(e.text)}</li>`;
  }).join('')}</ul>`;
}

export function chipLegendHtml({ t }: Translator): string {
  return `<ul class="jm-legend">${CHIP_CLASSES.map((c) => `<li><span class="chip chip-${c}">${esc(t(`deliverable.chip.${c}`))}</span></li>`).join('')}</ul>`;
}

/** The stages-by-touchpoints matrix, in bands of at most five stages. */
export function matrixHtml(stages: MatrixStage[], tr: Translator): string {
  const { t } = tr;
  const card = (c: MatrixStage['cards'][number]) => {
    const flags = [c.channel, c.inScope ? '' : t('deliverable.matrix.out-of-scope'), c.realtime ? t('deliverable.matrix.realtime') : ''].filter(Boolean).join(' · ');
    const chips = c.chips.length
      ? c.chips.map((x) => `<span class="chip chip-${x.cls}">${esc(x.name)}</span>`).join('')
      : `<span class="chip chip-none">${esc(t('deliverable.matrix.no-tool'))}</span>`;
    return `<div class="jm-card${c.inScope ? '' : ' out'}${c.realtime ? ' rt' : ''}"><div class="tp">${esc(c.name)}</div><div class="ch">${esc(flags)}</div><div class="chips">${chips}</div></div>`;
  };
  const stage = (s: MatrixStage) => `<div class="jm-stage"><h4>${s.index}. ${esc(s.name)}</h4>`
    + (s.cards.length ? s.cards.slice(0, CARDS_SHOWN).map(card).join('') : `<p class="muted">${esc(t('deliverable.matrix.empty-stage'))}</p>`)
    // A large journey shows the first cards of each stage and how many more (report/summarise.ts).
    + (s.cards.length > CARDS_SHOWN ? `<p class="muted">${esc(moreCount(s.cards.length - CARDS_SHOWN, tr))}</p>` : '') + '</div>';
  const groups = bands(stages);
  return `<figure class="matrix" id="journey-matrix"><figcaption class="sr">${esc(t('deliverable.matrix.title'))}</figcaption>${chipLegendHtml(tr)}`
    + groups.map((g) => `<div class="jm" style="--cols:${g.length}">${g.map(stage).join('')}</div>`).join('')
    + '</figure>';
}

export function sinceHtml(v: SinceView, { t }: Translator): string {
  const list = (title: string, items: string[]) => `<h3>${esc(title)}</h3>`
    + (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : `<p class="muted">${esc(t('deliverable.since.none'))}</p>`);
  return `<section id="since" aria-labelledby="h-since"><h2 id="h-since">${esc(t('deliverable.since'))}</h2><p>${esc(v.intro)}</p>`
    + `<table class="since-figures"><thead><tr><th scope="col"></th><th scope="col">${esc(t('deliverable.since.before'))}</th><th scope="col">${esc(t('deliverable.since.after'))}</th></tr></thead><tbody>`
    + v.figures.map(([k, a, b]) => `<tr><td>${esc(k)}</td><td>${esc(a)}</td><td><strong>${esc(b)}</strong></td></tr>`).join('')
    + '</tbody></table>'
    + list(t('deliverable.since.resolved', { count: v.resolved.length }), v.resolved)
    + list(t('deliverable.since.new', { count: v.added.length }), v.added)
    + list(t('deliverable.since.done', { count: v.done.length }), v.done)
    + `<p><strong>${esc(v.realised)}</strong></p></section>`;
}
