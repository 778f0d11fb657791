// `martech-audit diagram [path] --kind K [--out FILE] [--format mmd|svg|png|pdf]`: one diagram.
// Mermaid text by default (to stdout, or to --out); svg, png and pdf are drawn by the browser.
// Without a browser an SVG is still drawn in a simpler layout (render/fallback.ts, with a note);
// PNG and PDF exit 2 and say how to enable rendering. What was grouped or left out goes to stderr.
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import { analyze } from '../../analysis/analyze.js';
import { checkStart, currentMonth, loadOrExit, type GlobalOptions } from '../context.js';
import { chalk, setupColor, write, writeErr } from '../output.js';
import { UsageError } from '../../util/errors.js';
import { writeFileAtomic } from '../../util/fs.js';
import { fileKindOf, sanitizeFile } from '../../util/sanitize.js';
import { buildDiagram, DIAGRAM_KINDS, isDiagramKind } from '../../diagrams/index.js';
import { RendererUnavailable } from '../../render/unavailable.js';
import { enableHint, unavailableReason } from '../../render/hints.js';
import type { RenderEngine } from '../../render/index.js';

export const DIAGRAM_FORMATS = ['mmd', 'svg', 'png', 'pdf'] as const;
type Format = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramCommandOptions { kind?: string; out?: string; format?: string; start?: string; scale?: string; force?: boolean }

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** The first bytes of a file, to tell a diagram from anything else. */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const MERMAID_START = /^\s*(%%|---|accTitle|accDescr|flowchart|graph|gantt|journey|quadrantChart|sequenceDiagram|classDiagram|stateDiagram|erDiagram|pie|mindmap|timeline)\b/;

/** Whether an existing file is a diagram this command could have written (by extension and content). */
export function looksLikeDiagram(path: string): boolean {
  const ext = extname(path).slice(1).toLowerCase();
  let text: string;
  try {
    text = head(path);
  } catch {
    return false;
  }
  if (ext === 'mmd') return text.trim() === '' || MERMAID_START.test(text);
  if (ext === 'svg') return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)?<svg[\s>]/.test(text);
  if (ext === 'png') return text.startsWith('\x89PNG\r\n\x1a\n');
  if (ext === 'pdf') return text.startsWith('%PDF-');
  return false;
}

/**
 * --out never overwrites a file of the workspace (its own martech-audit.yaml), and replaces an
 * existing file only when it is a diagram (extension and content agree) or with --force.
 */
export function checkDiagramOut(out: string, workspaceFiles: readonly string[], force = false): void {
  const target = real(out);
  if (workspaceFiles.some((f) => real(f) === target)) {
    throw new UsageError(t('safety.diagram-out-workspace', { file: out }), t('safety.diagram-out.hint'));
  }
  let exists = false;
  try {
    exists = lstatSync(out) !== undefined;
  } catch {
    return;
  }
  if (exists && statSync(out).isDirectory()) throw new UsageError(t('safety.diagram-out-folder', { file: out }), t('safety.diagram-out.hint'));
  if (exists && !force && !looksLikeDiagram(out)) {
    throw new UsageError(t('safety.diagram-out-not-diagram', { file: out }), t('safety.diagram-out-force.hint'));
  }
}

function pickFormat(opts: DiagramCommandOptions): Format {
  if (opts.format) {
    if (!(DIAGRAM_FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError(t('cli.bad-format', { format: opts.format, allowed: DIAGRAM_FORMATS.join(', ') }));
    }
    return opts.format as Format;
  }
  const ext = opts.out ? extname(opts.out).slice(1).toLowerCase() : '';
  return (DIAGRAM_FORMATS as readonly string[]).includes(ext) ? (ext as Format) : 'mmd';
}

export async function run(path: string, opts: DiagramCommandOptions, globals: GlobalOptions): Promise<void> {
  const kind = opts.kind ?? '';
  if (!isDiagramKind(kind)) throw new UsageError(t('diagram.bad-kind', { kind, kinds: DIAGRAM_KINDS.join(', ') }));
  const format = pickFormat(opts);
  if ((format === 'png' || format === 'pdf') && !opts.out) throw new UsageError(t('diagram.needs-out', { format }), t('diagram.needs-out.hint', { kind, format }));
  checkStart(opts.start);
  const scale = opts.scale === undefined ? 2 : Number(opts.scale);
  if (!(scale > 0 && scale <= 8)) throw new UsageError(t('diagram.bad-scale', { value: opts.scale ?? '' }));

  const { workspace, result: loaded } = await loadOrExit(path, globals);
  const { tr } = loaded;
  if (opts.out) checkDiagramOut(opts.out, workspace.files, opts.force === true);
  setupColor(globals, process.stderr);
  const month = currentMonth();
  const result = analyze(workspace, { path, start: opts.start, now: month, tr });
  const diagram = buildDiagram(kind, workspace, result, { tr, today: month });

  // The notes (what was grouped or left out) describe a diagram that exists: they are printed
  // only once it has been written, never before a failure to write it.
  const emit = (data: string | Uint8Array) => {
    if (opts.out) {
      writeFileAtomic(opts.out, typeof data === 'string' ? sanitizeFile(data, fileKindOf(opts.out)) : data);
      for (const note of diagram.notes) writeErr(chalk.dim(note));
      writeErr(t('analyze.written', { file: opts.out }));
    } else {
      write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      for (const note of diagram.notes) writeErr(chalk.dim(note));
    }
  };
  if (format === 'mmd') {
    emit(diagram.source);
    return;
  }

  let engine: RenderEngine | undefined;
  try {
    engine = await (await import('../../render/index.js')).openBrowserEngine();
  } catch (err) {
    if (!(err instanceof RendererUnavailable)) throw err;
    if (format === 'svg') {
      const { renderFallback } = await import('../../render/fallback.js');
      const r = await renderFallback(diagram, `mad-${kind}`);
      if (r.svg) {
        writeErr(chalk.yellow(t('diagram.fallback', { reason: unavailableReason(err, tr) })));
        writeErr(`  ${chalk.cyan(enableHint(err, tr))}`);
        emit(`<?xml version="1.0" encoding="UTF-8"?>\n${r.svg}\n`);
        return;
      }
    }
    throw new UsageError(t('diagram.needs-browser', { format, reason: unavailableReason(err, tr) }), enableHint(err, tr));
  }
  try {
    const [r] = await engine.renderSvgs([{ id: `mad-${kind}`, source: diagram.source }]);
    if (!r.ok) throw new Error(r.error);
    if (format === 'svg') emit(`<?xml version="1.0" encoding="UTF-8"?>\n${r.svg.svg}\n`);
    else if (format === 'png') emit(await engine.png(r.svg, scale));
    else emit(await engine.svgPdf(r.svg));
  } catch (err) {
    // The browser went away mid-run: one line, not a protocol stack trace.
    if (engine.alive?.() !== false) throw err;
    const gone = new RendererUnavailable('crashed', 'the browser stopped', String((err as Error)?.message ?? err).split('\n')[0]);
    throw new UsageError(t('diagram.needs-browser', { format, reason: unavailableReason(gone, tr) }), enableHint(gone, tr));
  } finally {
    await engine.close();
  }
}
