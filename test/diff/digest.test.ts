// The diff command analyses each side only as far as it compares (findings and assessment, no
// roadmap: src/diff/digest.ts). Its digest must be exactly the one taken from the full analysis,
// for every example and realistic workspace, in both languages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { digestAudit } from '../../src/diff/diff.js';
import { digestWorkspace, sortedById } from '../../src/diff/digest.js';
import { translator } from '../../src/i18n/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const WORKSPACES = [
  'examples/northwind-b2b', 'examples/sakura-retail.yaml', 'examples/brightwater-pets.yaml', 'examples/startup-no-hub.yaml',
  'test/fixtures/realistic/kestrel-financial/workspace', 'test/fixtures/realistic/hokusei-seiki-ja/workspace.yaml',
  'test/fixtures/realistic/tandlys-startup/workspace.yaml', 'test/fixtures/realistic/maison-velin-retail/workspace.yaml',
  'test/fixtures/realistic/yumori-ryokan-ja/workspace.yaml', 'test/fixtures/realistic/ferrand-hydraulique/workspace.yaml',
];

describe('the diff digest', () => {
  for (const path of WORKSPACES) {
    it(`${path}: the same without the roadmap as from the full analysis`, async () => {
      const ws = loadWorkspace(path).workspace!;
      expect(ws).toBeDefined();
      for (const lang of ['en', 'ja'] as const) {
        const tr = await translator(lang);
        const where = { label: path, path, commit: 'abc1234' };
        const lean = digestWorkspace(ws, where, tr);
        const full = digestAudit({ workspace: ws, result: analyze(ws, { path, now: '2026-01', tr }), ...where }, tr);
        expect(lean.findings.length).toBeGreaterThan(0);
        // Key order too: the JSON output follows it.
        expect(JSON.stringify(lean)).toBe(JSON.stringify(full));
      }
    });
  }
});

describe('sortedById', () => {
  it('is a stable sort by id in code-unit order, with repeated ids or without', () => {
    const item = fc.record({ id: fc.oneof(fc.constantFrom('a', 'b', 'tool-1', 'tool-10', 'Tool-2', 'é', '日本'), fc.string({ maxLength: 4 })), n: fc.nat() });
    fc.assert(fc.property(fc.array(item, { maxLength: 40 }), (xs) => {
      const expected = [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      expect(sortedById(xs)).toEqual(expected);
      expect(sortedById(xs).every((x, i) => x === expected[i])).toBe(true);
    }));
  });
});
