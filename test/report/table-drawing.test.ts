// The text report draws its tables itself (src/report/text-layout.ts drawTable, linear time) the
// way cli-table3 draws them: the same bytes for any table it takes on, cli-table3 as the oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { drawTable, wrapCell, type Row } from '../../src/report/text-layout.js';

const oracle = (head: string[], widths: number[], rows: Row[]): string => {
  const t = new Table({ head, colWidths: widths, style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, wordWrap: false });
  for (const r of rows) t.push(r as any);
  return t.toString();
};

const words = fc.constantFrom('a', 'tool-12', 'contact-profile', 'メール配信', '顧客', '·', '€ 1,200', '', 'x y z', '（ハブ）');
const text = fc.array(words, { maxLength: 8 }).map((ws) => ws.join(' '));

describe('drawTable', () => {
  it('draws what cli-table3 draws (spans, several lines, wide characters, colours)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 4, max: 16 }), { minLength: 1, maxLength: 5 }),
      fc.boolean(), fc.boolean(),
      fc.array(fc.tuple(fc.array(text, { minLength: 5, maxLength: 5 }), fc.nat(4), fc.nat(4)), { maxLength: 12 }),
      (widths, withHead, colour, specs) => {
        const c = new Chalk({ level: colour ? 1 : 0 });
        const cell = (t: string, w: number) => (colour && t.length % 2 ? c.red(wrapCell(t, w - 2)) : wrapCell(t, w - 2));
        const rows: Row[] = specs.map(([texts, at, len]) => {
          // Most rows one cell per column; some with a cell spanning from `at` over `len + 1` columns.
          const row: Row = [];
          for (let x = 0; x < widths.length;) {
            const span = x === at % widths.length ? Math.min(len + 1, widths.length - x) : 1;
            const w = widths.slice(x, x + span).reduce((s, v) => s + v, span - 1);
            row.push(span > 1 ? { content: cell(texts[x], w), colSpan: span } : cell(texts[x], w));
            x += span;
          }
          return row;
        });
        const head = withHead ? widths.map((w, i) => c.bold(wrapCell(`col ${i}`, w - 2))) : [];
        expect(drawTable(head, widths, rows)).toBe(oracle(head, widths, rows));
      },
    ), { numRuns: 300 });
  });

  it('leaves to cli-table3 what it does not draw: a line too wide for its cell, a row short of columns', () => {
    expect(drawTable([], [6, 6], [['much too long', 'a']])).toBeUndefined();
    expect(drawTable([], [6, 6], [['a']])).toBeUndefined();
    expect(drawTable([], [6, 6], [])).toBe(oracle([], [6, 6], []));
  });
});
