// Feeds the deck (report/pptx.ts) from a report run: the diagrams the slides show, as PNG pictures
// drawn by the run's browser. Without a browser the deck is still written; its picture slides say
// why there is no picture, and so does the command.
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import type { Diagram, DiagramKind } from '../diagrams/types.js';
import type { RenderEngine } from '../render/index.js';
import type { DiagramPicture } from './html.js';
import type { ReportContent } from './blocks.js';
import { renderPptx, type SlidePicture } from './pptx.js';

/** The diagrams that have a slide of their own (personas and consent: only drawn for a workspace that maps the customer's side). */
export const SLIDE_DIAGRAMS: readonly DiagramKind[] = ['dataflow', 'personas', 'consent'];

export async function writeDeck(
  ws: Workspace, result: AnalysisResult, content: ReportContent, diagrams: readonly Diagram[],
  pictures: Map<DiagramKind, DiagramPicture>, engine: RenderEngine | undefined, tr: Translator,
  onProgress?: (done: number, total: number) => void,
): Promise<{ bytes: Uint8Array; pictures: boolean }> {
  const pngs = new Map<DiagramKind, SlidePicture>();
  if (engine) {
    const kinds = SLIDE_DIAGRAMS.filter((k) => pictures.get(k)?.svg && pictures.get(k)?.width && pictures.get(k)?.height);
    for (const [i, kind] of kinds.entries()) {
      const p = pictures.get(kind)!;
      const svg = { svg: p.svg!, width: Math.ceil(p.width!), height: Math.ceil(p.height!) };
      pngs.set(kind, { png: await engine.png(svg, 2), width: svg.width + 32, height: svg.height + 32 });
      onProgress?.(i + 1, kinds.length);
    }
  }
  const bytes = await renderPptx({ ws, result, content, diagrams, pictures: pngs, tr });
  return { bytes, pictures: engine !== undefined };
}
