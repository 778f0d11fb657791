// Fast paths of src/workspace/parse.ts against the plain versions they replace (issue 18):
// onlyComments scans the text instead of splitting it into lines; decodeUtf8 copies ASCII bytes
// as Latin-1 instead of running the checking UTF-8 decoder.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, onlyComments } from '../../src/workspace/parse.js';

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

describe('decodeUtf8', () => {
  /** The former version: the checking decoder, a leading BOM dropped. */
  const plain = (bytes: Uint8Array) => {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch {
      return { badOffset: new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD') };
    }
  };

  it('decodes as the checking decoder did (ASCII, UTF-8, a BOM, invalid bytes, views into larger buffers)', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.uint8Array({ min: 0, max: 127, maxLength: 40 }),
      fc.string({ maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
      fc.string({ maxLength: 20 }).map((s) => new TextEncoder().encode(`\uFEFF${s}`)),
    );
    fc.assert(fc.property(bytes, fc.nat(3), fc.nat(3), (b, before, after) => {
      // The same bytes as a view into a larger buffer, as files.ts and git.ts hand them over.
      const big = new Uint8Array(before + b.length + after).fill(0xff);
      big.set(b, before);
      const view = big.subarray(before, before + b.length);
      expect(decodeUtf8(b)).toEqual(plain(b));
      expect(decodeUtf8(view)).toEqual(plain(b));
    }), { numRuns: 3000 });
  });
});
