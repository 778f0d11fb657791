// report.pptx: the deck a consultant presents and edits. 16:9 slides with native text, tables and
// shapes (every word editable in PowerPoint, Keynote or LibreOffice); the diagrams are pictures
// (PNG drawn by the run's browser), each with its legend as text beside it. pptxgenjs is loaded
// only when a deck is asked for. Japanese decks set "Noto Sans CJK JP" in every run (latin and
// East Asian typefaces); where it is not installed, PowerPoint substitutes a Japanese font (Yu
// Gothic or Meiryo on Windows): Replace Fonts switches the whole deck in one step.
import type { Translator } from '../i18n/index.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Workspace } from '../model/model.js';
import type { Diagram, DiagramKind } from '../diagrams/types.js';
import { formatMoney as formatMoneyIn } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import { CLASS_DEFS } from '../diagrams/common.js';
import { SEVERITY_RANK } from '../model/vocabulary.js';
import { ruleTitle } from '../analysis/rules/index.js';
import type { ReportContent } from './blocks.js';
import { bands, type MatrixStage } from './journey-matrix.js';
import { joinNames, subjectName, withNote } from './summary.js';
import { customerSlides } from './customer-deck.js';
import { monthStep, type TimelinePhase, type TimelineRow } from './timeline.js';
import { displayWidth } from '../util/width.js';
import { sanitizeText } from '../util/sanitize.js';
import { moreCount } from './summarise.js';

export interface SlidePicture { png: Uint8Array; width: number; height: number }

export interface DeckInput {
  ws: Workspace;
  result: AnalysisResult;
  content: ReportContent;
  /** The pictured diagrams (legend outside), for titles and legends. */
  diagrams: readonly Diagram[];
  pictures: Map<DiagramKind, SlidePicture>;
  /** The language of the deck (its own words; the content brings its words in the same language). */
  tr: Translator;
}

const W = 13.333;
const H = 7.5;
const M = 0.5;
const INK = '1B2A41';
const MUTED = '5F6368';
const LINE = 'DFE3EA';
const SOFT = 'F6F8FB';
const LEVEL_COLOUR: Record<string, string> = { healthy: '1E7B34', refocus: '2F5597', integrate: 'B06000', replatform: 'C5221F' };
const SEV_COLOUR: Record<string, string> = { critical: '8C1513', high: 'C5221F', medium: 'B06000', low: '2F5597', info: '5F6368' };
/** Tool chips in the journey map: text colour and weight by class (as in the report). */
const CHIP: Record<string, { color: string; bold?: boolean; italic?: boolean }> = {
  hub: { color: '1E7B34', bold: true }, silo: { color: 'C5221F', bold: true }, island: { color: 'D56E0C', bold: true },
  dropped: { color: 'A50E0E', italic: true }, retiring: { color: '80868B', italic: true }, tool: { color: '1F2937' },
};
const PHASE_COLOURS = ['1E7B34', 'B06000', '2F5597'];
/** Timeline bars, as in the gantt: red answers a critical or high finding, dark is done, outlined in progress. */
const BAR: Record<string, { fill: string; line: string; width: number }> = {
  crit: { fill: 'C5221F', line: 'C5221F', width: 0.75 }, done: { fill: '1B2A41', line: '1B2A41', width: 0.75 },
  active: { fill: 'FFFFFF', line: '4A78C2', width: 2 }, plain: { fill: '4A78C2', line: '4A78C2', width: 0.75 },
};
/** Rows of touchpoints per journey slide, and findings per findings slide. */
const ROWS_PER_SLIDE = 5;
const FINDINGS_PER_SLIDE = 7;
// A deck is presented, not searched: a large stack's journey map and timeline show the first cards
// of a stage and rows of a phase (roadmap order: what matters first) and "… and N more"; the HTML
// report and audit.json list every one (1,000 tools made 112 continuation slides before).
const DECK_CARDS = 10;
const DECK_PHASE_ROWS = 12;

const hex = (css: string | undefined) => (css ?? '').replace('#', '').toUpperCase();

/** The deck as the bytes of a .pptx file. */
export async function renderPptx(input: DeckInput): Promise<Uint8Array> {
  // A CommonJS package: Node hands its class over as `default` (or as `default.default` when bundled).
  const mod: any = await import('pptxgenjs');
  const PptxGenJS = (mod.default?.default ?? mod.default ?? mod) as new () => any;
  const pptx = new PptxGenJS();
  // Every text of the deck comes through addText/addTable/addNotes: control characters from the
  // workspace (NUL, ESC, bell; invalid in XML, PowerPoint then calls the file damaged) and bidi
  // overrides are written as visible escapes, as in the other report files (util/sanitize.ts).
  const addSlide = pptx.addSlide.bind(pptx);
  pptx.addSlide = (...args: unknown[]) => cleanSlide(addSlide(...args));
  const { tr } = input;
  const { t } = tr;
  const ja = tr.lang === 'ja';
  const font = ja ? 'Noto Sans CJK JP' : 'Arial';
  const lang = ja ? 'ja-JP' : 'en-US';
  const { content, result, ws } = input;
  const cover = content.cover;
  const ex = content.executive;
  const money = (major: number) => formatMoneyIn(toMinor(major), result.summary.currency, tr.lang);
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = sanitizeText(content.title);
  pptx.company = sanitizeText(cover.firm ?? '');
  pptx.author = sanitizeText(cover.author ?? '');
  pptx.theme = { headFontFace: font, bodyFontFace: font };

  const base = { fontFace: font, lang, color: INK, margin: 0 };
  const footer = (slide: any) => {
    slide.addText(`${cover.client} · ${cover.confidentiality}`, { ...base, x: M, y: H - 0.42, w: W - 2 * M - 1, h: 0.3, fontSize: 9, color: MUTED });
  };
  const titled = (title: string) => {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addText(title, { ...base, x: M, y: 0.3, w: W - 2 * M, h: 0.7, fontSize: 26, bold: true, valign: 'middle' });
    slide.addShape(pptx.ShapeType.line, { x: M, y: 1.02, w: W - 2 * M, h: 0, line: { color: INK, width: 1.5 } });
    footer(slide);
    return slide;
  };
  const th = (text: string) => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: INK } } });
  const tableOpts = (colW: number[], fontSize = 12) => ({
    ...base, x: M, colW, fontSize, valign: 'top' as const, border: { type: 'solid' as const, color: LINE, pt: 0.75 }, margin: 0.06,
  });

  // ---- 1. cover ---------------------------------------------------------------------------
  {
    const slide = pptx.addSlide();
    slide.background = { color: INK };
    slide.addText(cover.kicker.toUpperCase(), { ...base, x: 0.8, y: 1.5, w: 11.5, h: 0.4, fontSize: 14, color: 'C7D2E2', charSpacing: 2 });
    slide.addText(cover.client, { ...base, x: 0.8, y: 2.0, w: 11.7, h: 1.2, fontSize: 40, bold: true, color: 'FFFFFF', valign: 'top', fit: 'shrink' });
    slide.addText(cover.subtitle, { ...base, x: 0.8, y: 3.25, w: 11.7, h: 0.6, fontSize: 20, color: 'DFE6F0' });
    const who = joinNames([cover.author, cover.firm].filter((x): x is string => Boolean(x)), tr.lang);
    const meta = [who, cover.date].filter(Boolean).join('   ·   ');
    if (meta) slide.addText(meta, { ...base, x: 0.8, y: 4.2, w: 11.7, h: 0.5, fontSize: 16, color: 'FFFFFF' });
    slide.addText(cover.confidentiality, { ...base, x: 0.8, y: 6.6, w: 11.7, h: 0.4, fontSize: 11, color: 'C7D2E2' });
  }

  // ---- 2. executive summary -----------------------------------------------------------------
  {
    const slide = titled(t('deliverable.summary'));
    const colour = LEVEL_COLOUR[ex.level] ?? INK;
    slide.addShape(pptx.ShapeType.rect, { x: M, y: 1.3, w: 7.4, h: 1.0, fill: { color: SOFT }, line: { color: SOFT } });
    slide.addShape(pptx.ShapeType.rect, { x: M, y: 1.3, w: 0.1, h: 1.0, fill: { color: colour }, line: { color: colour } });
    slide.addText([
      { text: ex.levelLine, options: { bold: true, fontSize: 18, color: colour, breakLine: true } },
      { text: ex.meaning, options: { fontSize: 13 } },
    ], { ...base, x: M + 0.25, y: 1.35, w: 7.05, h: 0.9, valign: 'middle' });
    slide.addText(ex.problemsTitle, { ...base, x: M, y: 2.5, w: 7.4, h: 0.4, fontSize: 15, bold: true });
    const runs: any[] = [];
    ex.problems.forEach((p, i) => {
      runs.push({ text: `${i + 1}. ${p.headline}`, options: { bold: true, fontSize: 13, breakLine: true } });
      runs.push({ text: p.money ? withNote(p.detail, p.money, tr.lang) : p.detail, options: { fontSize: 11, color: '3C4043', breakLine: true, paraSpaceAfter: 8 } });
    });
    if (!runs.length) runs.push({ text: t('deliverable.summary.no-problems'), options: { fontSize: 13 } });
    slide.addText(runs, { ...base, x: M, y: 2.95, w: 7.4, h: 3.9, valign: 'top' });
    slide.addText(t('deliverable.summary.money'), { ...base, x: 8.3, y: 1.3, w: 4.5, h: 0.4, fontSize: 15, bold: true });
    slide.addTable(ex.money.map(([k, v]) => [{ text: k }, { text: v, options: { align: 'right', bold: true } }]), {
      ...tableOpts([3.1, 1.43], 12), x: 8.3, y: 1.75,
    });
    // The roadmap in one picture: a coloured line a phase, with its months and saving.
    slide.addText(t('deliverable.summary.roadmap'), { ...base, x: 8.3, y: 4.35, w: 4.5, h: 0.4, fontSize: 15, bold: true });
    ex.phases.forEach((p, i) => {
      const colour = PHASE_COLOURS[i];
      const y = 4.85 + i * 0.62;
      slide.addShape(pptx.ShapeType.rect, { x: 8.3, y, w: 0.09, h: 0.5, fill: { color: colour }, line: { color: colour } });
      slide.addText([
        { text: `${p.phase}. ${p.title}`, options: { bold: true, fontSize: 12, breakLine: true } },
        { text: [p.when, p.saving].filter(Boolean).join(' · ') || t('deliverable.phase.empty'), options: { fontSize: 10.5, color: MUTED } },
      ], { ...base, x: 8.5, y, w: 4.3, h: 0.5, valign: 'middle' });
    });
  }

  // ---- 3. the journey map: stages as columns, touchpoints as cells, tools coloured by class ------
  for (const band of bands(content.matrix)) {
    const rows = Math.min(DECK_CARDS, Math.max(1, ...band.map((s) => s.cards.length)));
    for (let from = 0; from < rows; from += ROWS_PER_SLIDE) {
      const title = from === 0 ? t('deliverable.slide.journey') : t('deliverable.matrix.continued', { title: t('deliverable.slide.journey') });
      const slide = titled(title);
      const colW = band.map(() => (W - 2 * M) / band.length);
      const table: any[][] = [band.map((s) => th(`${s.index}. ${s.name}`))];
      for (let r = from; r < Math.min(rows, from + ROWS_PER_SLIDE); r++) table.push(band.map((s) => journeyCell(s, r, from)));
      slide.addTable(table, { ...tableOpts(colW, 11), y: 1.25 });
      slide.addText(chipLegend(), { ...base, x: M, y: H - 0.85, w: W - 2 * M, h: 0.35, fontSize: 10 });
    }
  }

  // ---- 4. data flow, and the other pictures -------------------------------------------------
  const pictureSlide = (kind: DiagramKind, title: string) => {
    const slide = titled(title);
    const d = input.diagrams.find((x) => x.kind === kind);
    const pic = input.pictures.get(kind);
    const legend = d?.legend?.length ? 0.5 : 0;
    const box = { x: M, y: 1.2 + legend, w: W - 2 * M, h: H - 1.2 - legend - 0.6 };
    if (d?.legend?.length) {
      slide.addText(d.legend.flatMap((e, i) => [
        ...(i ? [{ text: '   ' }] : []),
        ...(e.cls !== 'legend' ? [{ text: '■ ', options: { color: hex(/stroke:(#[0-9a-f]+)/i.exec(CLASS_DEFS[e.cls] ?? '')?.[1]) || INK } }] : []),
        { text: e.text },
      ]), { ...base, x: M, y: 1.15, w: W - 2 * M, h: 0.4, fontSize: 10.5, color: '3C4043', fit: 'shrink' });
    }
    if (pic) {
      const scale = Math.min(box.w / pic.width, box.h / pic.height);
      const w = pic.width * scale;
      const h = pic.height * scale;
      slide.addImage({ data: `image/png;base64,${Buffer.from(pic.png).toString('base64')}`, x: box.x + (box.w - w) / 2, y: box.y, w, h, altText: d?.title ?? title });
    } else {
      slide.addText(t('deliverable.pptx.no-picture-slide', { kind }), { ...base, x: box.x, y: box.y + 1, w: box.w, h: 1.2, fontSize: 16, color: MUTED, align: 'center', valign: 'middle' });
    }
  };
  pictureSlide('dataflow', t('deliverable.slide.dataflow'));
  // The customer's side (revision 2), only for a workspace that maps it: src/report/customer-deck.ts.
  customerSlides(ws, result, tr, { titled, th, tableOpts, base, pictureSlide, kinds: new Set(input.diagrams.map((d) => d.kind)), width: W, margin: M });

  // ---- 5. top findings ------------------------------------------------------------------------
  {
    const top = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (b.cost ?? 0) - (a.cost ?? 0))
      .filter((f) => f.severity !== 'info').slice(0, FINDINGS_PER_SLIDE);
    const slide = titled(t('deliverable.slide.findings'));
    const table: any[][] = [[th(t('report.col.severity')), th(t('deliverable.col.problem')), th(t('report.col.finding')), th(t('report.col.money'))]];
    for (const f of top) {
      table.push([
        { text: t(`report.severity.${f.severity}`), options: { bold: true, color: SEV_COLOUR[f.severity] } },
        { text: ruleTitle(f.rule, tr.lang), options: { bold: true } },
        { text: f.message },
        { text: f.cost !== undefined ? money(f.cost) : '', options: { align: 'right' } },
      ]);
    }
    slide.addTable(table, { ...tableOpts([1.3, 2.3, 7.3, 1.43], 10.5), y: 1.25 });
  }

  // ---- 6. overlap and savings -----------------------------------------------------------------
  {
    const slide = titled(t('deliverable.slide.overlap'));
    const overlaps = result.findings.filter((f) => f.rule === 'capability-overlap' || f.rule === 'redundant-tool')
      .sort((a, b) => (b.cost ?? 0) - (a.cost ?? 0)).slice(0, 8);
    const table: any[][] = [[th(t('deliverable.col.problem')), th(t('deliverable.slide.tools')), th(t('deliverable.slide.cost'))]];
    for (const f of overlaps) {
      const tools = f.entities.filter((e) => e.kind === 'tool').map((e) => subjectName(ws, e, tr));
      const what = f.rule === 'capability-overlap' ? subjectName(ws, f.entities.find((e) => e.kind === 'capability'), tr) : ruleTitle(f.rule, tr.lang);
      table.push([{ text: what, options: { bold: true } }, { text: joinNames(tools, tr.lang) }, { text: f.cost !== undefined ? money(f.cost) : '', options: { align: 'right' } }]);
    }
    if (overlaps.length) slide.addTable(table, { ...tableOpts([2.4, 3.6, 1.4], 11), y: 1.25 });
    else slide.addText(t('report.step3.none'), { ...base, x: M, y: 1.4, w: 7.4, h: 0.5, fontSize: 14 });
    slide.addText(t('deliverable.summary.money'), { ...base, x: 8.3, y: 1.25, w: 4.5, h: 0.4, fontSize: 15, bold: true });
    slide.addTable(ex.money.map(([k, v]) => [{ text: k }, { text: v, options: { align: 'right', bold: true } }]), { ...tableOpts([3.1, 1.43], 12), x: 8.3, y: 1.7 });
  }

  // ---- 7. roadmap: the three phases as editable boxes, then the timeline picture ---------------
  {
    const slide = titled(t('deliverable.slide.roadmap'));
    const colours = PHASE_COLOURS;
    const bw = (W - 2 * M - 0.4) / 3;
    ex.phases.forEach((p, i) => {
      const x = M + i * (bw + 0.2);
      slide.addShape(pptx.ShapeType.rect, { x, y: 1.3, w: bw, h: 5.4, fill: { color: 'FFFFFF' }, line: { color: LINE, width: 1 } });
      slide.addShape(pptx.ShapeType.rect, { x, y: 1.3, w: bw, h: 0.09, fill: { color: colours[i] }, line: { color: colours[i] } });
      const runs: any[] = [{ text: `${p.phase}. ${p.title}`, options: { bold: true, fontSize: 16, breakLine: true } }];
      if (p.when) runs.push({ text: p.when, options: { fontSize: 11, color: MUTED, breakLine: true, paraSpaceAfter: 6 } });
      if (p.items.length) for (const item of p.items) runs.push({ text: item, options: { fontSize: 12, bullet: true, breakLine: true } });
      else runs.push({ text: t('deliverable.phase.empty'), options: { fontSize: 12, color: MUTED, breakLine: true } });
      if (p.more) runs.push({ text: t('deliverable.more', { count: p.more }), options: { fontSize: 11, color: MUTED, breakLine: true } });
      if (p.saving) runs.push({ text: p.saving, options: { fontSize: 14, bold: true, color: colours[i] } });
      slide.addText(runs, { ...base, x: x + 0.15, y: 1.5, w: bw - 0.3, h: 5.1, valign: 'top' });
    });
  }
  timelineSlides();

  // ---- since the last review ------------------------------------------------------------------
  if (content.since) {
    const v = content.since;
    const slide = titled(t('deliverable.since'));
    slide.addText(v.intro, { ...base, x: M, y: 1.2, w: W - 2 * M, h: 0.4, fontSize: 13, color: MUTED });
    slide.addTable([[th(''), th(t('deliverable.since.before')), th(t('deliverable.since.after'))],
      ...v.figures.map(([k, a, b]) => [{ text: k }, { text: a }, { text: b, options: { bold: true } }])], { ...tableOpts([2.6, 2.2, 2.2], 12), y: 1.7 });
    const runs: any[] = [];
    const listed = (title: string, items: string[]) => {
      runs.push({ text: title, options: { bold: true, fontSize: 14, breakLine: true, paraSpaceBefore: runs.length ? 10 : 0, paraSpaceAfter: 2 } });
      if (!items.length) runs.push({ text: t('deliverable.since.none'), options: { fontSize: 12, color: MUTED, breakLine: true } });
      for (const i of items.slice(0, 4)) runs.push({ text: i, options: { fontSize: 12, bullet: true, breakLine: true } });
      if (items.length > 4) runs.push({ text: t('deliverable.more', { count: items.length - 4 }), options: { fontSize: 11, color: MUTED, breakLine: true } });
    };
    listed(t('deliverable.since.resolved', { count: v.resolved.length }), v.resolved);
    listed(t('deliverable.since.new', { count: v.added.length }), v.added);
    listed(t('deliverable.since.done', { count: v.done.length }), v.done);
    runs.push({ text: v.realised, options: { bold: true, fontSize: 15, color: '1E7B34', paraSpaceBefore: 12 } });
    slide.addText(runs, { ...base, x: M, y: 3.55, w: W - 2 * M, h: 3.4, valign: 'top' });
  }

  // ---- 8. next steps: the decisions, then the questions for the next interview ------------------
  {
    const slide = titled(t('deliverable.slide.next'));
    const runs: any[] = [{ text: t('deliverable.summary.decisions'), options: { bold: true, fontSize: 16, breakLine: true, paraSpaceAfter: 4 } }];
    if (ex.decisions.length) ex.decisions.forEach((d) => runs.push({ text: d, options: { fontSize: 14, bullet: { type: 'number' }, breakLine: true } }));
    else runs.push({ text: t('deliverable.summary.no-decisions'), options: { fontSize: 14, breakLine: true } });
    const questions = (result.assessment.questions ?? []).slice(0, 4);
    if (questions.length) {
      runs.push({ text: t('report.questions'), options: { bold: true, fontSize: 16, breakLine: true, paraSpaceBefore: 14, paraSpaceAfter: 4 } });
      for (const q of questions) runs.push({ text: q.text, options: { fontSize: 12, bullet: true, breakLine: true } });
    }
    slide.addText(runs, { ...base, x: M, y: 1.3, w: W - 2 * M, h: 5.5, valign: 'top' });
  }

  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  return out as Uint8Array;

  function journeyCell(stage: MatrixStage, row: number, from: number): any {
    if (row === DECK_CARDS - 1 && stage.cards.length > DECK_CARDS) {
      return { text: moreCount(stage.cards.length - row, tr), options: { color: MUTED, italic: true, fontSize: 10 } };
    }
    const card = stage.cards[row];
    if (!card) {
      return row === 0 && from === 0 && stage.cards.length === 0
        ? { text: t('deliverable.matrix.empty-stage'), options: { color: MUTED, italic: true } } : { text: '' };
    }
    const flags = [card.channel, card.inScope ? '' : t('deliverable.matrix.out-of-scope'), card.realtime ? t('deliverable.matrix.realtime') : ''].filter(Boolean).join(' · ');
    const runs: any[] = [
      { text: card.name, options: { bold: true, fontSize: 11, color: card.inScope ? INK : '80868B', breakLine: true } },
      { text: flags, options: { fontSize: 9, color: MUTED, breakLine: true } },
    ];
    if (!card.chips.length) runs.push({ text: t('deliverable.matrix.no-tool'), options: { fontSize: 10, color: 'C5221F', italic: true } });
    card.chips.forEach((c, i) => {
      const chip = CHIP[c.cls] ?? CHIP.tool;
      runs.push({ text: (i ? ' · ' : '') + c.name, options: { fontSize: 10, color: chip.color, bold: chip.bold, italic: chip.italic } });
    });
    return { text: runs, options: { fill: { color: card.inScope ? 'FFFFFF' : 'FAFAFA' } } };
  }

  /**
   * The roadmap timeline as editable shapes: each initiative's whole title (and saving) at the
   * left, its bar over the months at the right, phase by phase; as many slides as the rows need
   * at a readable size (a phase that does not fit continues on the next slide).
   */
  function timelineSlides(): void {
    const tl = content.timeline;
    if (!tl.phases.length) return;
    const n = tl.months.length;
    const titleW = 6.0;
    const trackX = M + titleW + 0.2;
    const trackW = W - M - trackX;
    const top = 1.65;
    const bottom = H - 0.95;
    // Lines a title takes at 11 pt in the title column (a wide character counts two).
    const lineH = 0.185;
    const heightOf = (r: TimelineRow) => {
      const cols = displayWidth([r.title, r.saving, ...(r.drops ?? [])].filter(Boolean).join('  '));
      return Math.max(0.3, Math.ceil((cols * 0.083) / (titleW - 0.1)) * lineH + 0.07);
    };
    type Item = { phase: TimelinePhase; row?: TimelineRow; more?: string; h: number };
    const items: Item[] = tl.phases.flatMap((p) => [
      { phase: p, h: 0.32 },
      ...p.rows.slice(0, DECK_PHASE_ROWS).map((row) => ({ phase: p, row, h: heightOf(row) })),
      ...(p.rows.length > DECK_PHASE_ROWS ? [{ phase: p, more: moreCount(p.rows.length - DECK_PHASE_ROWS, tr), h: 0.3 }] : []),
    ]);
    const pages: Item[][] = [[]];
    let used = 0;
    for (const it of items) {
      const page = pages[pages.length - 1];
      // A phase heading never ends a slide; a phase that continues repeats its heading.
      const inPhase = Boolean(it.row || it.more);
      const need = it.h + (inPhase ? 0 : 0.32);
      if (page.length && used + need > bottom - top) {
        pages.push(inPhase ? [{ phase: it.phase, h: 0.32 }] : []);
        used = inPhase ? 0.32 : 0;
      }
      pages[pages.length - 1].push(it);
      used += it.h;
    }
    const step = monthStep(n);
    pages.forEach((page, k) => {
      const slide = titled(k === 0 ? t('deliverable.slide.timeline') : t('deliverable.matrix.continued', { title: t('deliverable.slide.timeline') }));
      const height = page.reduce((s, it) => s + it.h, 0);
      for (let m = 0; m <= n; m++) {
        // A line a month, or a line a label when months are too many to tell apart.
        if (n > 36 && m % step !== 0 && m !== n) continue;
        const x = trackX + (m / n) * trackW;
        slide.addShape(pptx.ShapeType.line, { x, y: top - 0.05, w: 0, h: height + 0.05, line: { color: 'E3E6EA', width: 0.75 } });
        if (m < n && m % step === 0) {
          slide.addText(tl.months[m], { ...base, x, y: top - 0.4, w: Math.min(1.2, (step / n) * trackW + 0.4), h: 0.3, fontSize: 10, color: MUTED });
        }
      }
      let y = top;
      for (const it of page) {
        const colour = PHASE_COLOURS[it.phase.phase - 1];
        if (it.more) {
          slide.addText(it.more, { ...base, x: M + 0.15, y, w: titleW - 0.15, h: it.h, fontSize: 10.5, italic: true, color: MUTED, valign: 'middle' });
        } else if (!it.row) {
          slide.addShape(pptx.ShapeType.rect, { x: M, y: y + 0.06, w: 0.07, h: it.h - 0.12, fill: { color: colour }, line: { color: colour } });
          slide.addText(it.phase.name, { ...base, x: M + 0.15, y, w: titleW, h: it.h, fontSize: 12, bold: true, valign: 'middle' });
        } else {
          const r = it.row;
          slide.addShape(pptx.ShapeType.line, { x: M, y, w: W - 2 * M, h: 0, line: { color: 'EEF0F3', width: 0.75 } });
          slide.addText([
            { text: r.title, options: { fontSize: 11 } },
            ...(r.saving ? [{ text: `  ${r.saving}`, options: { fontSize: 11, bold: true, color: '1E7B34' } }] : []),
            // (r2) What it phases out, styled as the journey map's "dropped" chips.
            ...(r.drops ?? []).map((name) => ({ text: `  ${name}`, options: { fontSize: 10, ...CHIP.dropped } })),
          ], { ...base, x: M + 0.15, y, w: titleW - 0.15, h: it.h, valign: 'middle' });
          const bar = BAR[r.kind];
          const bh = 0.2;
          slide.addShape(pptx.ShapeType.rect, {
            x: trackX + (r.start / n) * trackW + 0.02, y: y + (it.h - bh) / 2, w: Math.max(0.06, ((r.end - r.start) / n) * trackW - 0.04), h: bh,
            fill: { color: bar.fill }, line: { color: bar.line, width: bar.width },
          });
        }
        y += it.h;
      }
      slide.addText([
        { text: tl.legend, options: { color: '3C4043' } },
        ...(tl.dropLegend ? [{ text: `  ${tl.dropLegend}`, options: { ...CHIP.dropped } }] : []),
      ], { ...base, x: M, y: H - 0.85, w: W - 2 * M, h: 0.35, fontSize: 10 });
    });
  }

  function chipLegend(): any[] {
    return (['hub', 'silo', 'island', 'dropped', 'retiring', 'tool'] as const).flatMap((c, i) => [
      ...(i ? [{ text: '    ' }] : []),
      { text: '■ ', options: { color: CHIP[c].color } },
      { text: t(`deliverable.chip.${c}`), options: { color: '3C4043' } },
    ]);
  }
}

/** Every string in a value (texts, table cells, options), cleaned; the structure kept. */
function cleanDeep<T>(v: T): T {
  if (typeof v === 'string') return sanitizeText(v) as T;
  if (Array.isArray(v)) return v.map(cleanDeep) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanDeep(x)])) as T;
  }
  return v;
}

/** A slide whose text methods clean what they are given. */
function cleanSlide(slide: any): any {
  for (const m of ['addText', 'addTable', 'addNotes']) {
    const orig = slide[m]?.bind(slide);
    if (orig) slide[m] = (...args: unknown[]) => orig(...args.map(cleanDeep));
  }
  return slide;
}
