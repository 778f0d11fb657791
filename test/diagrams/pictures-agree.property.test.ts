// (r2) Pictures agree with the roadmap: every picture that classifies tools (the portfolio
// quadrant, the data flow, the journey map, the overlap diagram, the journey matrix of the HTML
// report and the deck, the inventory table) shows as retired or moved away from exactly the tools
// some initiative drops or that are already retiring, and never shows a tool the roadmap keeps
// (or only reduces seats of) under Migrate or Eliminate. Checked on the emitted Mermaid text and
// report content, over generated workspaces (fast-check), the examples and the realistic fixtures.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../src/analysis/analyze.js';
import { buildDiagram } from '../../src/diagrams/index.js';
import { translator, type Translator } from '../../src/i18n/index.js';
import type { Workspace } from '../../src/model/model.js';
import { journeyMatrix } from '../../src/report/journey-matrix.js';
import { reportContent } from '../../src/report/content.js';
import { exampleAndRealisticWorkspaces, linkArb, toolArb, touchpointArb, yamlOf } from '../analysis/generated.js';
import { workspace } from '../analysis/helpers.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const TODAY = '2027-01';

/** Tool id by the name a picture shows (a long name is cut with "…" on the portfolio). */
function byName(ws: Workspace): { get(name: string): string | undefined } {
  const exact = new Map(ws.tools.map((t) => [t.name, t.id]));
  return {
    get(shown: string) {
      // Mermaid entities as the generators write them (#quot; #amp; #35; ...).
      const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
      const name = shown.replace(/#(\w+);/g, (m, e: string) => named[e] ?? (/^\d+$/.test(e) ? String.fromCodePoint(Number(e)) : m));
      if (exact.has(name)) return exact.get(name);
      if (!name.endsWith('…')) return undefined;
      const cut = ws.tools.filter((t) => t.name.startsWith(name.slice(0, -1)));
      return cut.length === 1 ? cut[0].id : undefined;
    },
  };
}

/** The portfolio's points: tool id -> x and class. */
function portfolioOf(source: string, names: ReturnType<typeof byName>): Map<string, { x: number; cls: string }> {
  const out = new Map<string, { x: number; cls: string }>();
  for (const m of source.matchAll(/^ {2}"(.*)":::(\w+): \[([\d.]+), ([\d.]+)\]$/gm)) {
    const id = names.get(m[1]);
    // Every point is a tool the test can name: a point it could not read would pass unchecked.
    expect(id, `portfolio point ${m[1]}`).toBeDefined();
    out.set(id!, { x: Number(m[3]), cls: m[2] });
  }
  return out;
}

/** A flowchart's tool nodes: tool id -> class (nodes whose first label line is a tool's name). */
function flowchartOf(source: string, names: ReturnType<typeof byName>): Map<string, string> {
  const node = new Map<string, string>();
  for (const m of source.matchAll(/^\s+(n\d+)\["([^"]*)"\]$/gm)) {
    const id = names.get(m[2].split('<br/>')[0]);
    if (id) node.set(m[1], id);
  }
  const out = new Map<string, string>();
  for (const m of source.matchAll(/^ {2}class ([\w,]+) (\w+)$/gm)) {
    for (const n of m[1].split(',')) if (node.has(n)) out.set(node.get(n)!, m[2]);
  }
  return out;
}

/** Every picture and table that classifies tools agrees with the roadmap's `drop`. */
function expectPicturesAgree(label: string, ws: Workspace, result: AnalysisResult, tr: Translator): number {
  let seen = 0;
  const drop = new Set(result.roadmap.initiatives.flatMap((i) => i.drop));
  const retiring = (id: string) => ['retiring', 'retired'].includes(ws.index.toolById.get(id)?.status ?? '');
  const leaving = (id: string) => drop.has(id) || retiring(id);
  const names = byName(ws);
  const options = { tr, today: TODAY };

  // The portfolio: left (Migrate, Eliminate) exactly for the tools the roadmap drops or that retire.
  const portfolio = portfolioOf(buildDiagram('portfolio', ws, result, options).source, names);
  for (const [id, p] of portfolio) {
    seen++;
    expect(p.x < 0.5, `${label}: portfolio puts ${id} ${p.x < 0.5 ? 'under Migrate/Eliminate' : 'under Invest/Tolerate'}; drop: ${[...drop]}`).toBe(leaving(id));
    if (p.cls === 'dropped') expect(drop.has(id), `${label}: portfolio marks ${id} dropped`).toBe(true);
  }

  // Flowcharts: a tool drawn as dropped is dropped; a dropped tool drawn is drawn dropped (or retiring).
  for (const kind of ['journey', 'dataflow', 'overlap'] as const) {
    const classes = flowchartOf(buildDiagram(kind, ws, result, options).source, names);
    for (const [id, cls] of classes) {
      seen++;
      if (cls === 'dropped') expect(drop.has(id), `${label}: ${kind} draws ${id} dropped`).toBe(true);
      if (cls === 'retiring') expect(retiring(id), `${label}: ${kind} draws ${id} retiring`).toBe(true);
      if (cls === 'kept') expect(leaving(id), `${label}: ${kind} draws ${id} kept`).toBe(false);
      if (drop.has(id) && !retiring(id)) expect(cls, `${label}: ${kind} draws dropped ${id} as ${cls}`).toBe('dropped');
    }
  }

  // The journey matrix (HTML report, PDF and deck): the same chips.
  for (const stage of journeyMatrix(ws, result, tr)) {
    for (const card of stage.cards) {
      for (const chip of card.chips) {
        const id = names.get(chip.name)!;
        if (chip.cls === 'dropped') expect(drop.has(id), `${label}: matrix chip ${id} dropped`).toBe(true);
        if (drop.has(id) && !retiring(id)) expect(chip.cls, `${label}: matrix chip of dropped ${id}`).toBe('dropped');
      }
    }
  }

  // The inventory table: the "phased out by the roadmap" tag on exactly the dropped tools.
  const content = reportContent(ws, result, { tr, version: 't', cover: { date: '2027-01-15' } });
  const inventory = content.sections.find((s) => s.id === 'inventory')!;
  const table = inventory.blocks.find((b) => b.type === 'table')!;
  const tag = tr.t('report.tag.dropped');
  for (const row of (table as { table: { rows: { text?: string }[][] } }).table.rows) {
    const nameCell = row[0] as { text: string };
    const id = names.get(nameCell.text)!;
    const tags = String(row[3] && typeof row[3] === 'object' ? (row[3] as { text?: string }).text ?? '' : row[3]);
    expect(tags.includes(tag), `${label}: inventory tag of ${id}`).toBe(drop.has(id) && !retiring(id));
  }
  return seen;
}

const en = await translator('en');
const ja = await translator('ja');

describe('pictures agree with the roadmap (r2)', () => {
  it('property: on every generated workspace, what a picture retires is what the roadmap drops', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 14 }), fc.array(touchpointArb, { maxLength: 5 }),
      (tools, links, tps) => {
        const yaml = yamlOf(tools, links, tps);
        const ws = workspace(yaml);
        const result = analyze(ws, { path: 'test.yaml', start: TODAY, now: TODAY });
        expectPicturesAgree(yaml, ws, result, en);
      },
    ), { numRuns: 120 });
  });

  it('holds for every example and realistic workspace, in its own language', () => {
    let checked = 0;
    for (const e of exampleAndRealisticWorkspaces()) {
      const loaded = loadWorkspace(e.path);
      // Every bundled workspace loads: one that stopped loading fails here rather than being passed over.
      expect(loaded.diagnostics.filter((d) => d.severity === 'error'), e.name).toEqual([]);
      if (!loaded.workspace) throw new Error(`${e.name} did not load`);
      const ws = loaded.workspace;
      const result = analyze(ws, { path: e.name, now: TODAY });
      const seen = expectPicturesAgree(e.name, ws, result, ws.settings.lang === 'ja' || /-ja$|sakura/.test(e.name) ? ja : en);
      expect(seen, `${e.name}: tools the test could read in the pictures`).toBeGreaterThan(5);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('ferrand-hydraulique: ZoomInfo, whose seats the roadmap reduces, is not under Eliminate', () => {
    const loaded = loadWorkspace(join(__dirname, '../fixtures/realistic/ferrand-hydraulique/workspace.yaml'));
    const ws = loaded.workspace!;
    const result = analyze(ws, { path: 'ferrand', now: TODAY });
    expect(result.roadmap.initiatives.find((i) => i.id === 'license-zoominfo')).toMatchObject({ drop: [] });
    const points = portfolioOf(buildDiagram('portfolio', ws, result, { tr: en, today: TODAY }).source, byName(ws));
    expect(points.get('zoominfo')!.x).toBeGreaterThanOrEqual(0.5);
    expect(points.get('goto-webinar')!.x).toBeLessThan(0.5);
  });
});
