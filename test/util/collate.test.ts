// compareText is localeCompare with a table for printable ASCII (src/util/collate.ts): the two
// must order every pair of strings alike, in the locale the tests run in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/util/collate.js';

const sign = (n: number) => Math.sign(n);
const ascii = fc.string({ unit: fc.constantFrom(...' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDyYzZ'.split('')), maxLength: 8 });
const paths = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '-', '_', '.', '/', '1', '2', 'y', 'Y', ' '), maxLength: 6 });
const anything = fc.string({ unit: fc.constantFrom('a', 'A', 'é', 'É', 'ツ', '生', '-', '_', '\t', '\n', '1', '\u0000', '\u007f'), maxLength: 6 });

describe('compareText orders like localeCompare', () => {
  it('on printable ASCII', () => {
    fc.assert(fc.property(ascii, ascii, (a, b) => sign(compareText(a, b)) === sign(a.localeCompare(b))), { numRuns: 20_000 });
  });

  it('on file-like names that differ in case, separators and length', () => {
    fc.assert(fc.property(paths, paths, (a, b) => sign(compareText(a, b)) === sign(a.localeCompare(b))), { numRuns: 20_000 });
  });

  it('on any text (non-ASCII and control characters are compared by localeCompare)', () => {
    fc.assert(fc.property(anything, anything, (a, b) => sign(compareText(a, b)) === sign(a.localeCompare(b))), { numRuns: 5_000 });
  });

  it('sorts every printable ASCII character and the usual workspace names as localeCompare does', () => {
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    expect([...chars].sort(compareText)).toEqual([...chars].sort((a, b) => a.localeCompare(b)));
    const names = ['tools.yaml', 'tools/crm.yaml', 'tools-extra.yaml', 'tools_old.yaml', 'Tools.yaml', 'TOOLS.yaml', 'touchpoints.yaml', 'a10.yaml', 'a9.yaml', 'martech-audit.yaml', 'ツール.yaml'];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
