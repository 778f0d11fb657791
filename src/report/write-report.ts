// The report folder: report.md, report.html, report.pdf (when asked), audit.json, audit.sarif and
// diagrams/*.mmd + *.svg. Everything is written into a temporary sibling folder first and swapped
// in at the end, so an interrupted run never leaves a half-written report: the old one stays until
// the new one is complete. A folder that does not look like a report is never replaced.
//
// Rendering: one browser for all diagrams and the PDF. Without a browser, flowcharts are drawn by
// beautiful-mermaid and the gantt and quadrant chart by render/fallback-charts.ts (simpler layouts);
// a diagram that still cannot be drawn keeps its Mermaid text; the result says what happened and
// how to get the full pictures. Nothing here prints: the command decides what to say.
import { ensureDir } from '../util/fs.js';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { homedir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { t } from '../i18n/index.js';
import { buildDiagrams } from '../diagrams/index.js';
import type { Diagram, DiagramKind } from '../diagrams/types.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Workspace } from '../model/model.js';
import { renderJson } from './json.js';
import { reportContent, renderMarkdown } from './markdown.js';
import { renderHtml, type DiagramPicture } from './html.js';
import { renderSarif } from './sarif.js';
import { InterruptedError, UsageError } from '../util/errors.js';
import type { RenderEngine } from '../render/index.js';
import { RendererUnavailable } from '../render/browser.js';

/** Marks a folder as ours, so that a re-run may replace it. */
export const REPORT_MARKER = '.martech-audit-report';

export interface WriteReportOptions {
  outDir: string;
  /** Also print the HTML to report.pdf (needs the browser). */
  pdf?: boolean;
  /** false: no browser, no pictures: Markdown blocks and .mmd files only (--no-render). */
  render?: boolean;
  version: string;
  /** The month an undated roadmap starts in (YYYY-MM). */
  today: string;
  /** The language of the report (`<html lang>`); default the language of the messages. */
  lang?: string;
  /** Starts the renderer; the default is the real browser (tests pass their own). */
  openEngine?: () => Promise<RenderEngine>;
  onProgress?: (done: number, total: number) => void;
}

export interface NotDrawn { kind: DiagramKind; title: string; reason: string }

export interface WriteReportResult {
  outDir: string;
  files: string[];
  renderer: 'browser' | 'fallback' | 'none';
  drawn: DiagramKind[];
  notDrawn: NotDrawn[];
  pdf: 'written' | 'not-requested' | 'no-browser';
  /** Why the browser was not used (undefined when it was, or with --no-render). */
  unavailable?: RendererUnavailable;
  /** Requests any page tried to make (all blocked; should be empty). */
  blockedRequests: string[];
}

/** Refuses to replace anything that is not a report folder (or empty), or that holds the workspace. */
export function checkOutDir(outDir: string, workspacePath: string): void {
  const out = resolve(outDir);
  const ws = resolve(workspacePath);
  const wsDir = existsSync(ws) && statSync(ws).isFile() ? dirname(ws) : ws;
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
  if (out === resolve('/') || out === homedir() || out === process.cwd() || inside(wsDir, out)) {
    throw new UsageError(t('report.unsafe-out', { dir: outDir }), t('report.unsafe-out.hint'));
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UsageError(t('report.out-not-dir', { dir: outDir }), t('report.unsafe-out.hint'));
  const entries = readdirSync(out);
  const looksLikeReport = entries.includes(REPORT_MARKER) || (entries.includes('report.md') && entries.includes('audit.json'));
  if (entries.length > 0 && !looksLikeReport) {
    throw new UsageError(t('report.not-a-report', { dir: outDir }), t('report.unsafe-out.hint'));
  }
}

/** Moves `tmp` to `out`, replacing what was there; the old folder goes only once the new one is in place. */
function swapIn(tmp: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(tmp, out);
    return;
  }
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}-${randomBytes(3).toString('hex')}`);
  renameSync(out, old);
  try {
    renameSync(tmp, out);
  } catch (err) {
    renameSync(old, out);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

const SVG_ID = (kind: DiagramKind) => `mad-${kind}`;

async function drawDiagrams(diagrams: Diagram[], opts: WriteReportOptions): Promise<{
  pictures: Map<DiagramKind, DiagramPicture>; engine?: RenderEngine; unavailable?: RendererUnavailable; renderer: WriteReportResult['renderer'];
}> {
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
    const out = await engine.renderSvgs(diagrams.map((d) => ({ id: SVG_ID(d.kind), source: d.source })), opts.onProgress);
    out.forEach((r, i) => pictures.set(diagrams[i].kind, r.ok
      ? { svg: r.svg.svg, width: r.svg.width }
      : { missing: t('report.missing.failed', { error: r.error }) }));
    return { pictures, engine, renderer: 'browser' };
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

export async function writeReport(ws: Workspace, result: AnalysisResult, opts: WriteReportOptions): Promise<WriteReportResult> {
  checkOutDir(opts.outDir, ws.path);
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
  const diagrams = buildDiagrams(ws, result, { today: opts.today });
  try {
    rendered = await drawDiagrams(diagrams, opts);
  } catch (err) {
    stopListening();
    throw err;
  }
  const { pictures, engine, unavailable, renderer } = rendered;
  const out = resolve(opts.outDir);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`);
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const files: string[] = [];
  let pdf: WriteReportResult['pdf'] = opts.pdf ? 'no-browser' : 'not-requested';
  let blockedRequests: string[] = [];
  try {
    await checkInterrupted();
    ensureDir(dirname(out));
    ensureDir(join(tmp, 'diagrams'));
    const put = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(tmp, name), data);
      files.push(name);
    };
    const json = renderJson(result);
    const content = reportContent(ws, result, { version: opts.version, lang: opts.lang });
    put('report.md', renderMarkdown(content, diagrams));
    const html = renderHtml(content, diagrams, pictures, { json, linkFiles: true });
    put('report.html', html);
    if (opts.pdf && engine) {
      put('report.pdf', await engine.htmlPdf(
        renderHtml(content, diagrams, pictures, { json, linkFiles: false }),
        { footer: content.title, pageLabel: t('report.pdf.page') },
      ));
      pdf = 'written';
    }
    put('audit.json', json);
    put('audit.sarif', renderSarif(result, { version: opts.version, defaultFile: ws.files[0] }));
    for (const d of diagrams) {
      put(`diagrams/${d.kind}.mmd`, d.source);
      const svg = pictures.get(d.kind)?.svg;
      if (svg) put(`diagrams/${d.kind}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
    }
    writeFileSync(join(tmp, REPORT_MARKER), `martech-audit ${opts.version}: this folder is replaced as a whole by \`martech-audit report\`.\n`);
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
    files: files.sort(), renderer, drawn, notDrawn, pdf, unavailable, blockedRequests,
  };
}
