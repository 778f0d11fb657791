// Large stacks (250 tools, 120 touchpoints, 400 integrations, from scripts/gen-workspace.mjs) stay
// legible: every diagram is grouped to a bounded number of boxes, says what it grouped, and still
// parses with Mermaid.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { loadExample, mermaidParse, TODAY, type Loaded } from './helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';

// A folder of this run's own: several test runs may share the working tree.
const WS = join(mkdtempSync(join(tmpdir(), 'martech-large-')), 'ws-250');
let big: Loaded;

beforeAll(async () => {
  rmSync(WS, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['scripts/gen-workspace.mjs', '--tools', '250', '--touchpoints', '120', '--integrations', '400', '--out', WS], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  big = await loadExample(WS, 'en');
});

const nodes = (source: string) => new Set([...source.matchAll(/^\s+(n\d+)[[{]/gm)].map((m) => m[1])).size;

describe('a 250-tool stack', () => {
  it('every diagram is grouped, says so, and parses', async () => {
    const parse = await mermaidParse();
    const diagrams = Object.fromEntries(buildDiagrams(big.ws, big.result, { tr: activeTranslator(), today: TODAY }).map((d) => [d.kind, d]));
    for (const d of Object.values(diagrams)) await expect(parse(d.source), d.kind).resolves.toBeTruthy();

    // Journey: per stage at most ~10 touchpoint boxes and ~10 tool boxes (+ hubs).
    expect(diagrams.journey.notes.join(' ')).toMatch(/grouped by channel/);
    expect(diagrams.journey.notes.join(' ')).toMatch(/grouped by category/);
    for (const block of diagrams.journey.source.split(/^  subgraph s\d+/m).slice(1)) {
      const inFrame = block.slice(0, block.indexOf('\n  end'));
      expect(nodes(inFrame)).toBeLessThanOrEqual(30);
    }
    // Data flows: one box per department plus the hubs.
    expect(diagrams.dataflow.notes.join(' ')).toMatch(/\d+ tools are grouped by owning department/);
    expect(nodes(diagrams.dataflow.source)).toBeLessThanOrEqual(12);
    expect(diagrams.dataflow.source).toMatch(/\d+ links/);
    // Overlaps: a few costly boxes with their three costliest tools.
    expect(nodes(diagrams.overlap.source)).toBeLessThanOrEqual(45);
    expect(diagrams.overlap.notes.join(' ')).toMatch(/costliest/);
    // Portfolio: the 30 costliest tools.
    expect(diagrams.portfolio.source.match(/^\s+"[^"]*":::/gm)!.length).toBeLessThanOrEqual(30);
    expect(diagrams.portfolio.notes.join(' ')).toMatch(/The 30 costliest of \d+ tools are placed/);
    // Roadmap: at most 12 bars per phase.
    for (const section of diagrams.roadmap.source.split(/^  section /m).slice(1)) {
      expect(section.match(/:(\w+, )*i\d+,/g)!.length).toBeLessThanOrEqual(12);
    }
  });
});
