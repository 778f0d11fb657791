// The report folder: report.md, report.html, report.pdf (when asked), audit.json, audit.sarif and
// diagrams/*.mmd + *.svg. Everything is written into a temporary sibling folder first and swapped
// in at the end, so an interrupted run never leaves a half-written report: the old one stays until
// the new one is complete. A folder that does not look like a report is never replaced.
//
// Rendering: one browser for all diagrams and the PDF. Without a browser, flowcharts are drawn by
// beautiful-mermaid and the gantt and quadrant chart by render/fallback-charts.ts (simpler layouts);
// a diagram that still cannot be drawn keeps its Mermaid text; the result says what happened and
// how to get the full pictures. Nothing here prints: the command decides what to say.
import { ensureDir, mapChunks, writeFileNamed, type FileData } from '../util/fs.js';
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Translator } from '../i18n/index.js';
import { buildDiagrams } from '../diagrams/index.js';
import type { Diagram, DiagramKind } from '../diagrams/types.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Workspace } from '../model/model.js';
import { renderJson, renderJsonChunks } from './json.js';
import { reportContent, type ContentOptions } from './content.js';
import type { ReportContent } from './blocks.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml, type DiagramPicture } from './html.js';
import { renderSarifChunks } from './sarif.js';
import { InterruptedError } from '../util/errors.js';
import type { RenderEngine } from '../render/index.js';
import { RendererUnavailable } from '../render/unavailable.js';
import { fileKindOf, isClean, sanitizeFile, sanitizeText } from '../util/sanitize.js';
import { checkOutDir, followOutLink, recoverLeftovers, REPORT_MARKER, swapIn } from './report-folder.js';

export interface WriteReportOptions {
  outDir: string;
  /** Also print the HTML to report.pdf (needs the browser). */
  pdf?: boolean;
  /** false: no browser, no pictures: Markdown blocks and .mmd files only (--no-render). */
  render?: boolean;
  version: string;
  /** The month an undated roadmap starts in (YYYY-MM). */
  today: string;
  /** The language of the report: its words, `<html lang>`, the diagrams (the result's messages are in it too). */
  tr: Translator;
  /** Starts the renderer; the default is the real browser (tests pass their own). */
  openEngine?: () => Promise<RenderEngine>;
  onProgress?: (done: number, total: number) => void;
  /** The cover (--date, --author, --firm; settings.report fills the rest) and --since. */
  content?: Pick<ContentOptions, 'cover' | 'since'>;
  /** Also write report.pptx (the deck); see report/pptx.ts. */
  pptx?: boolean;
  /** What the report is doing now (the command shows it on a terminal). */
  onPhase?: (phase: 'pdf' | 'pptx') => void;
  /** The deck's pictures as they are drawn (done of total). */
  onSlidePicture?: (done: number, total: number) => void;
  /** At most this many results in audit.sarif (default SARIF_MAX_RESULTS; 0: every finding). */
  sarifMaxResults?: number;
}

export interface NotDrawn { kind: DiagramKind; title: string; reason: string }

export interface WriteReportResult {
  outDir: string;
  files: string[];
  renderer: 'browser' | 'fallback' | 'none';
  drawn: DiagramKind[];
  notDrawn: NotDrawn[];
  pdf: 'written' | 'not-requested' | 'no-browser';
  /** report.pptx: with its pictures, without them (no browser: the slides say so), or not asked for. */
  pptx: 'written' | 'no-pictures' | 'not-requested';
  /** Why the browser was not used (undefined when it was, or with --no-render). */
  unavailable?: RendererUnavailable;
  /** Requests any page tried to make (all blocked; should be empty). */
  blockedRequests: string[];
}

const SVG_ID = (kind: DiagramKind) => `mad-${kind}`;

const firstFailure = (out: { ok: boolean; error?: string }[]): string => (out.find((r) => !r.ok)?.error ?? 'closed').split('\n')[0];

async function drawDiagrams(diagrams: Diagram[], opts: WriteReportOptions): Promise<{
  pictures: Map<DiagramKind, DiagramPicture>; engine?: RenderEngine; unavailable?: RendererUnavailable; renderer: WriteReportResult['renderer'];
}> {
  const { t } = opts.tr;
  const pictures = new Map<DiagramKind, DiagramPicture>();
  if (opts.render === false) {
    for (const d of diagrams) pictures.set(d.kind, { missing: t('report.missing.no-render') });
    return { pictures, renderer: 'none' };
  }
  let engine: RenderEngine | undefined;
  let unavailable: RendererUnavailable | undefined;
  try {
    engine = await (opts.openEngine ?? (async () => (await import('../render/index.js')).openBrowserEngine()))();
  } catch (err) {
    if (!(err instanceof RendererUnavailable)) throw err;
    unavailable = err;
  }
  if (engine) {
    try {
      const out = await engine.renderSvgs(diagrams.map((d) => ({ id: SVG_ID(d.kind), source: d.source })), opts.onProgress);
      if (engine.alive?.() !== false) {
        out.forEach((r, i) => pictures.set(diagrams[i].kind, r.ok
          ? { svg: r.svg.svg, width: r.svg.width, height: r.svg.height }
          : { missing: t('report.missing.failed', { error: r.error }) }));
        return { pictures, engine, renderer: 'browser' };
      }
      unavailable = new RendererUnavailable('crashed', 'the browser stopped', firstFailure(out));
    } catch (err) {
      // The browser went away mid-run (killed, crashed): the same as no browser at all.
      if (engine.alive?.() !== false) throw err;
      unavailable = new RendererUnavailable('crashed', 'the browser stopped', String((err as Error)?.message ?? err).split('\n')[0]);
    }
    await engine.close().catch(() => undefined);
    engine = undefined;
  }
  // No browser: flowcharts through beautiful-mermaid, gantt and quadrant drawn natively.
  const { renderFallback } = await import('../render/fallback.js');
  let any = false;
  for (const d of diagrams) {
    const r = await renderFallback(d, SVG_ID(d.kind));
    if (r.svg) {
      any = true;
      const width = Number(/\bwidth="([\d.]+)"/.exec(r.svg)?.[1] ?? 0);
      pictures.set(d.kind, { svg: r.svg, width });
    } else {
      pictures.set(d.kind, { missing: t(r.reason === 'not-a-flowchart' ? 'report.missing.needs-browser' : 'report.missing.no-browser') });
    }
  }
  return { pictures, unavailable, renderer: any ? 'fallback' : 'none' };
}

/**
 * Lets the event loop run, so that a Ctrl-C that arrived during synchronous work (rendering a
 * large report takes seconds) reaches its listener before we decide anything.
 */
const drainSignals = () => new Promise<void>((r) => setTimeout(() => setImmediate(r), 0));

export async function writeReport(ws: Workspace, result: AnalysisResult, given: WriteReportOptions): Promise<WriteReportResult> {
  const { tr } = given;
  const opts = { ...given, outDir: followOutLink(given.outDir, tr) };
  recoverLeftovers(opts.outDir);
  checkOutDir(opts.outDir, ws.path, tr);
  // Ctrl-C (or SIGTERM) only sets a flag; it is checked between the phases and, last, right
  // before the swap. The listener stays until the swap decision has been made: a signal that is
  // delivered late (after synchronous rendering) is still seen, and the old report is kept.
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stopListening = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  const checkInterrupted = async () => {
    await drainSignals();
    if (interrupted) throw new InterruptedError();
  };
  let rendered: Awaited<ReturnType<typeof drawDiagrams>>;
  const diagrams = buildDiagrams(ws, result, { tr, today: opts.today });
  // The pictures (HTML, PDF, diagrams/*.svg, slides) carry their legend outside the graph; the
  // .mmd files and report.md keep it inside, for GitHub.
  const pictured = buildDiagrams(ws, result, { tr, today: opts.today, legendOutside: true });
  try {
    rendered = await drawDiagrams(pictured, opts);
  } catch (err) {
    stopListening();
    throw err;
  }
  const { pictures, engine, renderer } = rendered;
  let unavailable = rendered.unavailable;
  const out = resolve(opts.outDir);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const files: string[] = [];
  let pdf: WriteReportResult['pdf'] = opts.pdf ? 'no-browser' : 'not-requested';
  let pptx: WriteReportResult['pptx'] = 'not-requested';
  let blockedRequests: string[] = [];
  try {
    await checkInterrupted();
    ensureDir(dirname(out));
    ensureDir(join(tmp, 'diagrams'));
    // Text files carry no raw control or bidi character from the workspace (util/sanitize.ts):
    // report.md stays text to git, and the JSON escapes keep audit.json's data exact. No line
    // starts a GitHub workflow command either (a CI step may print a report file).
    // JSON and SARIF grow with the workspace: written in chunks, cleaned chunk by chunk.
    const put = (name: string, data: FileData) => {
      const kind = fileKindOf(name);
      writeFileNamed(join(tmp, name), typeof data === 'string' ? sanitizeFile(data, kind)
        : data instanceof Uint8Array || isClean(data) ? data : mapChunks(data, (c) => sanitizeFile(c, kind)));
      files.push(name);
    };
    const content = reportContent(ws, result, { version: opts.version, tr, today: opts.today, ...opts.content });
    // report.html embeds the audit document, unless the report is summarised (a large workspace:
    // report/summarise.ts): then it embeds the headline figures and audit.json beside it holds the rest.
    const summarised = isSummarised(content);
    const json = summarised ? embeddedSummary(result) : renderJson(result);
    put('report.md', renderMarkdown(content, diagrams, tr));
    const html = renderHtml(content, pictured, pictures, { tr, json, linkFiles: true });
    put('report.html', html);
    if (opts.pdf && engine) {
      opts.onPhase?.('pdf');
      try {
        put('report.pdf', await engine.htmlPdf(
          sanitizeText(renderHtml(content, pictured, pictures, { tr, json, linkFiles: false })),
          { footer: content.title, pageLabel: tr.t('report.pdf.page') },
        ));
        pdf = 'written';
      } catch (err) {
        // The browser went away while printing: the rest of the report is still written.
        if (engine.alive?.() !== false) throw err;
        unavailable = new RendererUnavailable('crashed', 'the browser stopped', String((err as Error)?.message ?? err).split('\n')[0]);
      }
    }
    if (opts.pptx) {
      opts.onPhase?.('pptx');
      const { writeDeck } = await import('./deck.js');
      // A browser that went away while printing draws no slide pictures; the deck is still written.
      const live = engine && engine.alive?.() !== false ? engine : undefined;
      const deck = await writeDeck(ws, result, content, pictured, pictures, live, tr, opts.onSlidePicture);
      put('report.pptx', deck.bytes);
      pptx = deck.pictures ? 'written' : 'no-pictures';
    }
    put('audit.json', summarised ? renderJsonChunks(result) : json);
    put('audit.sarif', renderSarifChunks(result, { version: opts.version, defaultFile: ws.files[0], tr, maxResults: opts.sarifMaxResults }));
    for (const d of diagrams) {
      put(`diagrams/${d.kind}.mmd`, d.source);
      const svg = pictures.get(d.kind)?.svg;
      if (svg) put(`diagrams/${d.kind}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
    }
    writeFileNamed(join(tmp, REPORT_MARKER), `martech-audit ${opts.version}: this folder is replaced as a whole by \`martech-audit report\`.\n`);
    // Test hook: hold here (milliseconds) so that a test can interrupt at a known moment.
    const pause = Number(process.env.MARTECH_AUDIT_TEST_PAUSE_BEFORE_SWAP ?? 0);
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    // The last moment to back out: after this the swap (synchronous) replaces the old report.
    await checkInterrupted();
    swapIn(tmp, out);
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    stopListening();
    blockedRequests = engine?.blockedRequests() ?? [];
    await engine?.close();
  }
  const drawn = diagrams.filter((d) => pictures.get(d.kind)?.svg).map((d) => d.kind);
  const notDrawn = diagrams.filter((d) => !pictures.get(d.kind)?.svg)
    .map((d) => ({ kind: d.kind, title: d.title, reason: pictures.get(d.kind)?.missing ?? '' }));
  return {
    outDir: out,
    files: files.sort(), renderer, drawn, notDrawn, pdf, pptx, unavailable, blockedRequests,
  };
}

/** Whether a table of the report was summarised (report/summarise.ts). */
function isSummarised(content: ReportContent): boolean {
  return [...content.sections, content.appendix].some((s) => s.blocks.some((b) => b.type === 'table' && b.table.more !== undefined));
}

/**
 * What a summarised report.html embeds instead of the whole audit document (tens of megabytes for
 * 10,000 tools): the headline figures and the name of the file beside it that has everything.
 */
function embeddedSummary(result: AnalysisResult): string {
  const { version, workspace, organization, summary, assessment } = result;
  return `${JSON.stringify({ version, workspace, organization, summary, assessment, summarised: true, document: 'audit.json' }, null, 2)}\n`;
}
