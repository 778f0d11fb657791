// Pictures without a browser: flowcharts drawn to SVG by `beautiful-mermaid` (an optional
// dependency; no DOM, ~100 ms per diagram). It draws flowcharts only, so the roadmap gantt and the
// portfolio quadrant chart are drawn by fallback-charts.ts from the Mermaid text we generate.
//
// beautiful-mermaid reads a slightly different Mermaid: it does not know accTitle, ignores
// invisible links (~~~), and shows entity codes literally. So the source is adapted first
// (frames are chained with transparent links so that the journey's stages stay in order, entity
// codes become placeholders) and the SVG is cleaned afterwards: characters restored, the web-font
// @import removed (no network), element ids prefixed so that several SVGs can share one page.
import type { Diagram } from '../diagrams/types.js';
import { FONT_STACK } from './theme.js';
import { ganttSvg, quadrantSvg } from './fallback-charts.js';

type Renderer = (text: string, options?: Record<string, unknown>) => string;
let loaded: Promise<Renderer | undefined> | undefined;

/** beautiful-mermaid's renderer, or undefined when the optional package is not installed. */
export function loadFallbackRenderer(): Promise<Renderer | undefined> {
  loaded ??= (async () => {
    try {
      const name = 'beautiful-mermaid';
      const mod: any = await import(name);
      return typeof mod.renderMermaidSVG === 'function' ? (mod.renderMermaidSVG as Renderer) : undefined;
    } catch {
      return undefined;
    }
  })();
  return loaded;
}

const ENTITY_TO_PLACEHOLDER: Record<string, string> = {
  quot: '\ue000', '35': '\ue001', '96': '\ue002', lt: '\ue003', gt: '\ue004', amp: '\ue005', '37': '\ue006',
};
const PLACEHOLDER_TO_XML: Record<string, string> = {
  '\ue000': '&#34;', '\ue001': '#', '\ue002': '`', '\ue003': '&lt;', '\ue004': '&gt;', '\ue005': '&amp;', '\ue006': '%',
};

const LINK = /^\s+[nsl]\d+ (-->|==>|-\.->|<-->|<-\.->|---)/;

/** The Mermaid text as beautiful-mermaid reads it best. */
export function adaptForFallback(source: string): string {
  const lines = source.split('\n').filter((l) => !/^\s*accTitle:/.test(l));
  const links = lines.filter((l) => LINK.test(l)).length;
  const out: string[] = [];
  const chained: string[] = [];
  for (const line of lines) {
    const chain = /^\s+([sl]\d+(?: ~~~ [sl]\d+)+)\s*$/.exec(line);
    if (chain) {
      const frames = chain[1].split(' ~~~ ');
      for (let i = 1; i < frames.length; i++) chained.push(`  ${frames[i - 1]} --> ${frames[i]}`);
      continue;
    }
    out.push(line.replace(/"[^"\n]*"/g, (q) => q.replace(/#(quot|35|96|lt|gt|amp|37);/g, (_, k: string) => ENTITY_TO_PLACEHOLDER[k])));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  if (chained.length) {
    out.push(...chained);
    out.push(`  linkStyle ${chained.map((_, i) => links + i).join(',')} stroke:transparent,stroke-width:0px`);
  }
  return `${out.join('\n')}\n`;
}

/** Cleans beautiful-mermaid's SVG: characters back, no web fonts, ids and styles scoped to `svgId`. */
export function cleanFallbackSvg(svg: string, svgId: string): string {
  let s = svg.replace(/[\ue000-\ue006]/g, (c) => PLACEHOLDER_TO_XML[c]);
  s = s.replace(/@import\s+url\([^)]*\)\s*;?/g, '')
    .replace(/font-family:\s*'Arial',\s*system-ui,\s*sans-serif/g, `font-family: ${FONT_STACK.replace(/"/g, "'")}`);
  const ids = new Set([...s.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const id of ids) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    s = s.replace(new RegExp(`(\\sid=")${esc}(")`, 'g'), `$1${svgId}-${id}$2`)
      .replace(new RegExp(`url\\(#${esc}\\)`, 'g'), `url(#${svgId}-${id})`)
      .replace(new RegExp(`(href=")#${esc}(")`, 'g'), `$1#${svgId}-${id}$2`);
  }
  // Its stylesheet addresses every `svg` and `text` of a page: scope it to this picture.
  s = s.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${css
    .replace(/(^|[}\s])svg\s*\{/g, `$1#${svgId} {`)
    .replace(/(^|[}\s])text\s*\{/g, `$1#${svgId} text {`)}</style>`);
  // The root element gets the diagram's id.
  return s.replace(/^<svg\b/, `<svg id="${svgId}"`);
}

export interface FallbackResult { svg?: string; reason?: 'not-a-flowchart' | 'no-renderer' | 'failed'; error?: string }

export async function renderFallback(diagram: Diagram, svgId: string): Promise<FallbackResult> {
  if (diagram.family !== 'flowchart') {
    // The roadmap gantt and the portfolio quadrant: drawn from our own Mermaid text.
    const svg = diagram.family === 'gantt' ? ganttSvg(diagram.source, svgId) : quadrantSvg(diagram.source, svgId);
    return svg ? { svg } : { reason: 'not-a-flowchart' };
  }
  const render = await loadFallbackRenderer();
  if (!render) return { reason: 'no-renderer' };
  try {
    const svg = render(adaptForFallback(diagram.source), { font: 'Arial', padding: 24 });
    return { svg: cleanFallbackSvg(svg, svgId) };
  } catch (err) {
    return { reason: 'failed', error: String((err as Error)?.message ?? err) };
  }
}
