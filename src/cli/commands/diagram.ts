// `martech-audit diagram [path] --kind K [--out FILE] [--format mmd|svg|png|pdf]`: one diagram.
// Mermaid text by default (to stdout, or to --out); svg, png and pdf are drawn by the browser.
// Without a browser an SVG is still drawn in a simpler layout (render/fallback.ts, with a note);
// PNG and PDF exit 2 and say how to enable rendering. What was grouped or left out goes to stderr.
import { extname } from 'node:path';
import { t } from '../../i18n/index.js';
import { analyze } from '../../analysis/analyze.js';
import { currentMonth, loadOrExit, type GlobalOptions } from '../context.js';
import { chalk, setupColor, write, writeErr } from '../output.js';
import { UsageError } from '../../util/errors.js';
import { writeFileAtomic } from '../../util/fs.js';
import { MONTH_PATTERN } from '../../model/vocabulary.js';
import { buildDiagram, DIAGRAM_KINDS, isDiagramKind } from '../../diagrams/index.js';
import { RendererUnavailable } from '../../render/browser.js';
import { enableHint, unavailableReason } from '../../render/hints.js';
import type { RenderEngine } from '../../render/index.js';

export const DIAGRAM_FORMATS = ['mmd', 'svg', 'png', 'pdf'] as const;
type Format = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramCommandOptions { kind?: string; out?: string; format?: string; start?: string; scale?: string }

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
  if (opts.start !== undefined && !MONTH_PATTERN.test(opts.start)) throw new UsageError(t('analyze.bad-start', { value: opts.start }));
  const scale = opts.scale === undefined ? 2 : Number(opts.scale);
  if (!(scale > 0 && scale <= 8)) throw new UsageError(t('diagram.bad-scale', { value: opts.scale ?? '' }));

  const { workspace } = await loadOrExit(path, globals);
  setupColor(globals, process.stderr);
  const month = currentMonth();
  const result = analyze(workspace, { path, start: opts.start, now: month });
  const diagram = buildDiagram(kind, workspace, result, { today: month });

  // The notes (what was grouped or left out) describe a diagram that exists: they are printed
  // only once it has been written, never before a failure to write it.
  const emit = (data: string | Uint8Array) => {
    if (opts.out) {
      writeFileAtomic(opts.out, data);
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
        writeErr(chalk.yellow(t('diagram.fallback', { reason: unavailableReason(err) })));
        writeErr(`  ${chalk.cyan(enableHint(err))}`);
        emit(`<?xml version="1.0" encoding="UTF-8"?>\n${r.svg}\n`);
        return;
      }
    }
    throw new UsageError(t('diagram.needs-browser', { format, reason: unavailableReason(err) }), enableHint(err));
  }
  try {
    const [r] = await engine.renderSvgs([{ id: `mad-${kind}`, source: diagram.source }]);
    if (!r.ok) throw new Error(r.error);
    if (format === 'svg') emit(`<?xml version="1.0" encoding="UTF-8"?>\n${r.svg.svg}\n`);
    else if (format === 'png') emit(await engine.png(r.svg, scale));
    else emit(await engine.svgPdf(r.svg));
  } finally {
    await engine.close();
  }
}
