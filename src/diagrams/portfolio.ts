// `portfolio`: a quadrant chart of tools by annual cost (up) against use and connectedness
// (right): invest (costly and central), tolerate (cheap and used), migrate (costly, little used:
// move its few users to a platform), eliminate (cheap and little used: noise).
//
// Use = touchpoints + integrations relative to the most-used tool, averaged with seat use
// (active / licensed) where known. Both axes on a square-root scale so that a few large contracts (or one hub) do
// not squash everything else to the floor. Tools with an unknown cost are listed, not guessed.
//
// (r2) Which side a tool is on is the roadmap's decision, not the chart's: the left (Migrate,
// Eliminate) holds exactly the tools some initiative drops and the tools already retiring; use
// only places a tool within its side. A seat reduction keeps the tool (right side).
import type { Tool } from '../model/model.js';
import { isMedia } from '../catalog/index.js';
import { plainText, pointName } from './mermaid-escape.js';
import { byId, cmp, flagsFrom, toolClass } from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';
import { firstOf } from '../i18n/format.js';

const POINT_CLASSES: Record<string, string> = {
  hub: 'color: #1e7b34, radius: 9, stroke-color: #0b3d18, stroke-width: 2px',
  silo: 'color: #c5221f, radius: 7, stroke-color: #5c0b09, stroke-width: 1px',
  island: 'color: #d56e0c, radius: 7, stroke-color: #4a2800, stroke-width: 1px',
  retiring: 'color: #9aa0a6, radius: 6, stroke-color: #5f6368, stroke-width: 1px',
  dropped: 'color: #f6aea9, radius: 6, stroke-color: #c5221f, stroke-width: 2px',
  tool: 'color: #4a78c2, radius: 6, stroke-color: #1b2a41, stroke-width: 1px',
};

export interface PortfolioPoint {
  tool: Tool; x: number; y: number; cls: string;
  /** (r2) Moved left: the roadmap drops it (or it is retiring) although it is widely used. */ leftByRoadmap?: boolean;
  /** (r2) Moved right: the roadmap does not drop it although it is little used. */ rightByRoadmap?: boolean;
}

/** An advertising network: its cost is media spend, not the price of a tool. */
const mediaOnly = (tool: Tool) => tool.primaryCapabilities.length > 0 && tool.primaryCapabilities.every(isMedia);

/** Longest point label: the chart is small. */
const POINT_LABEL = 30;
/** Where a tool is placed when its use alone would put it on the other side of the roadmap's decision. */
const ROADMAP_LEFT = 0.4;
const ROADMAP_RIGHT = 0.6;
const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number) => Math.min(0.96, Math.max(0.04, v));

/** (r2) On the left (Migrate, Eliminate): exactly the tools some initiative drops and the tools already retiring. */
export function leftOfPortfolio(tool: Tool, drop: ReadonlySet<string>): boolean {
  return drop.has(tool.id) || tool.status === 'retiring' || tool.status === 'retired';
}

export function portfolioPoints({ ws, result }: DiagramInput): { points: PortfolioPoint[]; unknown: Tool[]; media: Tool[] } {
  const flags = flagsFrom(ws, result);
  const active = ws.tools.filter((tool) => tool.status !== 'retired').sort(byId);
  // Media spend is not the cost of a tool: an ad network placed by it would crush every tool to the
  // floor and sit under Migrate for being expensive and lightly linked.
  const media = active.filter(mediaOnly);
  const candidates = active.filter((tool) => !mediaOnly(tool));
  const unknown = candidates.filter((tool) => tool.annualCostMinor === undefined);
  const placed = candidates.filter((tool) => tool.annualCostMinor !== undefined);
  const reach = (tool: Tool) => (ws.index.touchpointsByTool.get(tool.id)?.length ?? 0)
    + (ws.index.integrationsFrom.get(tool.id)?.length ?? 0) + (ws.index.integrationsTo.get(tool.id)?.length ?? 0);
  const maxReach = Math.max(1, ...placed.map(reach));
  const maxCost = Math.max(1, ...placed.map((tool) => tool.annualCostMinor!));
  const points = placed.map((tool) => {
    let x = Math.sqrt(reach(tool) / maxReach);
    const s = tool.seats;
    if (s?.licensed && s.active !== undefined) x = (x + Math.min(1, s.active / s.licensed)) / 2;
    // Rounded before the side is decided: 0.497 would otherwise print as 0.50, on the other side.
    x = round2(clamp(x));
    const y = Math.sqrt(tool.annualCostMinor! / maxCost);
    // (r2) The chart says what the roadmap says: a tool it drops (or that is retiring) is under
    // Migrate or Eliminate, every other tool (kept, connected, its seats reduced, or not in the
    // roadmap at all) under Invest or Tolerate, whatever its use today.
    const left = leftOfPortfolio(tool, flags.drop);
    let leftByRoadmap = false;
    let rightByRoadmap = false;
    if (left && x >= 0.5) { x = ROADMAP_LEFT; leftByRoadmap = true; }
    else if (!left && x < 0.5) { x = ROADMAP_RIGHT; rightByRoadmap = true; }
    return { tool, x, y: round2(clamp(y)), cls: toolClass(tool, flags), ...(leftByRoadmap ? { leftByRoadmap } : {}), ...(rightByRoadmap ? { rightByRoadmap } : {}) };
  });
  return { points, unknown, media };
}

// Chart geometry as rendered (src/render/theme.ts): used only to keep labels from overlapping.
const CHART_W = 760;
const CHART_H = 640;
const LABEL_H = 16 / CHART_H;
const LABEL_GAP = 10 / CHART_H;

function labelWidth(name: string): number {
  let px = 0;
  // At the 14 px point labels of render/theme.ts: a wide (Japanese) character is a full 14 px,
  // Latin text about 7.4 px a character; the plot is narrower than the chart by its padding.
  for (const ch of name) px += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 14 : 7.4;
  return (px + 10) / CHART_W;
}

/** Nudges to try, nearest first; moving up or down is preferred over sideways. */
const OFFSETS: [number, number][] = (() => {
  const out: [number, number][] = [];
  for (let i = -15; i <= 15; i++) for (let j = -5; j <= 5; j++) out.push([j * 0.03, i * 0.03]);
  return out.sort((a, b) => (4 * a[0] ** 2 + a[1] ** 2) - (4 * b[0] ** 2 + b[1] ** 2) || a[1] - b[1] || a[0] - b[0]);
})();

interface Box { x0: number; x1: number; y0: number; y1: number }
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The point and the label under it, in chart fractions (y up). */
function boxes(p: PortfolioPoint, name: string): Box[] {
  const w = labelWidth(name);
  const r = 9 / CHART_W;
  return [
    { x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r },
    { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - LABEL_GAP - LABEL_H, y1: p.y - LABEL_GAP + 2 / CHART_H },
  ];
}

/**
 * Moves points a little (up or down first, then sideways) so that labels do not overlap each
 * other or the quadrant titles. A point never leaves its quadrant (that would change what it
 * recommends); when there is no free place it keeps its position. Deterministic.
 */
function spread(points: PortfolioPoint[], names: Map<string, string>, titles: string[]): void {
  const taken: Box[] = [];
  // Quadrant titles sit at the top of each quadrant once points are drawn.
  const titleBox = (cx: number, top: number, title: string): Box => {
    const w = (title.length * 10 + 16) / CHART_W;
    return { x0: cx - w / 2, x1: cx + w / 2, y0: top - 34 / CHART_H, y1: top };
  };
  taken.push(titleBox(0.75, 1, titles[0]), titleBox(0.25, 1, titles[1]), titleBox(0.25, 0.5, titles[2]), titleBox(0.75, 0.5, titles[3]));
  for (const p of points) {
    const name = names.get(p.tool.id) ?? '';
    const [ylo, yhi] = p.y < 0.5 ? [0.04, 0.47] : [0.5 + LABEL_GAP + LABEL_H + 0.01, 0.96];
    const [xlo, xhi] = p.x < 0.5 ? [0.04, 0.49] : [0.51, 0.96];
    for (const [dx, dy] of OFFSETS) {
      const x = round2(p.x + dx);
      const y = round2(p.y + dy);
      if (y < ylo || y > yhi || x < xlo || x > xhi) continue;
      const candidate = { ...p, x, y };
      const [, text] = boxes(candidate, name);
      if (text.x0 < -0.01 || text.x1 > 1.01) continue;
      if (!boxes(candidate, name).some((b) => taken.some((tk) => overlaps(b, tk)))) {
        p.x = x;
        p.y = y;
        break;
      }
    }
    taken.push(...boxes(p, name));
  }
}

export function portfolioDiagram(input: DiagramInput): Diagram {
  const { t, list } = input.options.tr;
  const max = input.options.maxPoints ?? DEFAULT_OPTIONS.maxPoints;
  const notes: string[] = [];
  let { points, unknown, media } = portfolioPoints(input);
  if (points.length > max) {
    const keep = new Set([...points].sort((a, b) => b.tool.annualCostMinor! - a.tool.annualCostMinor! || byId(a.tool, b.tool))
      .slice(0, max).map((p) => p.tool.id));
    notes.push(t('diagram.portfolio.collapsed', { shown: max, total: points.length }));
    points = points.filter((p) => keep.has(p.tool.id));
  }
  const names = new Map(points.map((p) => [p.tool.id, plainText(p.tool.name, POINT_LABEL)]));
  const titles = [1, 2, 3, 4].map((q) => t(`diagram.portfolio.q${q}`));
  // Place the most expensive first so that they keep their exact position.
  points.sort((a, b) => b.tool.annualCostMinor! - a.tool.annualCostMinor! || byId(a.tool, b.tool));
  spread(points, names, titles);
  points.sort((a, b) => byId(a.tool, b.tool));

  const out = [
    'quadrantChart',
    `  accTitle: ${t('diagram.kind.portfolio')}`,
    `  x-axis ${pointName(t('diagram.portfolio.x-low'))} --> ${pointName(t('diagram.portfolio.x-high'))}`,
    `  y-axis ${pointName(t('diagram.portfolio.y-low'))} --> ${pointName(t('diagram.portfolio.y-high'))}`,
    `  quadrant-1 ${pointName(t('diagram.portfolio.q1'))}`,
    `  quadrant-2 ${pointName(t('diagram.portfolio.q2'))}`,
    `  quadrant-3 ${pointName(t('diagram.portfolio.q3'))}`,
    `  quadrant-4 ${pointName(t('diagram.portfolio.q4'))}`,
  ];
  for (const p of points) out.push(`  ${pointName(p.tool.name, POINT_LABEL)}:::${p.cls}: [${p.x.toFixed(2)}, ${p.y.toFixed(2)}]`);
  const used = [...new Set(points.map((p) => p.cls))].sort(cmp);
  for (const cls of used) out.push(`  classDef ${cls} ${POINT_CLASSES[cls]}`);
  if (points.length === 0) notes.push(t('diagram.portfolio.empty'));
  notes.push(t('diagram.portfolio.method'));
  const left = points.filter((p) => p.leftByRoadmap);
  if (left.length) notes.push(t('diagram.portfolio.left-by-roadmap', { tools: list(left.map((p) => p.tool.name)) }));
  const right = points.filter((p) => p.rightByRoadmap);
  if (right.length) notes.push(t('diagram.portfolio.right-by-roadmap', { tools: list(right.map((p) => p.tool.name)) }));
  if (media.length) notes.push(t('diagram.portfolio.media', { tools: list(firstOf(media.map((x) => x.name), 20, (count) => t('assess.more', { count }))) }));
  if (unknown.length) notes.push(t('diagram.portfolio.unplaced', { count: unknown.length, tools: list(unknown.map((x) => x.name)) }));
  return { kind: 'portfolio', family: 'quadrant', title: t('diagram.kind.portfolio'), source: `${out.join('\n')}\n`, notes };
}
