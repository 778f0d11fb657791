// onlyComments (src/workspace/parse.ts) scans the text instead of splitting it into lines (issue
// 18): it must say what the line-by-line version said on any text.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { onlyComments } from '../../src/workspace/parse.js';

/** The former version: every line blank or a comment once trimStart() has taken its leading blanks. */
const byLines = (text: string): boolean => text.split('\n').every((line) => {
  const s = line.trimStart();
  return s === '' || s.startsWith('#');
});

const piece = fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', '\r\n', '#', '# note', 'x', 'key: 1', '-', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u180e', '\v', '\f', 'é');

describe('onlyComments', () => {
  it('agrees with the line-by-line check', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ maxLength: 8 }), (parts, extra) => {
      const text = parts.join('') + (parts.length % 3 === 0 ? extra : '');
      expect(onlyComments(text)).toBe(byLines(text));
    }), { numRuns: 5000 });
  });

  it('reads the usual cases', () => {
    expect(onlyComments('')).toBe(true);
    expect(onlyComments('# a\n\n  # b\n')).toBe(true);
    expect(onlyComments('# a\nversion: 1\n')).toBe(false);
    expect(onlyComments('\u00a0# a\r\n\u2028x')).toBe(false);
  });
});
