import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { jsonChunks, LazyArray, textChunks } from '../../src/util/json-chunks.js';

// Values as an analysis result holds them, and what JSON.stringify treats specially: undefined
// members (left out), undefined items (null), non-finite numbers (null), toJSON, long arrays
// (walked by hand at any depth) and deep nesting (batched under the walked levels).
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(new Date(0))),
  node: fc.oneof({ maxDepth: 5 }, tie('leaf'), tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('node'), { maxLength: 6 }), fc.array(tie('leaf'), { minLength: 60, maxLength: 300 })),
  object: fc.dictionary(fc.string(), tie('node'), { maxKeys: 6 }),
}));

describe('util/json-chunks', () => {
  it('joins to exactly what JSON.stringify(value, null, 2) writes', () => {
    fc.assert(fc.property(value.node, (v) => {
      expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2) ?? 'null');
    }), { numRuns: 300 });
  });

  it('ends every chunk but the last with a line break, and keeps chunks bounded', () => {
    const doc = { findings: Array.from({ length: 5000 }, (_, i) => ({ id: `r:${i}`, message: 'x'.repeat(50), entities: [{ kind: 'tool', id: `t-${i}` }] })),
      runs: [{ results: Array.from({ length: 3000 }, (_, i) => ({ ruleId: 'r', n: i })) }] };
    const chunks = [...jsonChunks(doc)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 20);
    expect(chunks.join('')).toBe(JSON.stringify(doc, null, 2));
  });

  it('writes a LazyArray as the array of its items, at any depth', () => {
    fc.assert(fc.property(fc.array(value.node, { maxLength: 400 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 }), (items, depth, walked) => {
      let doc: unknown = { results: new LazyArray(items.length, (i) => items[i]), after: 1 };
      let plain: unknown = { results: items, after: 1 };
      for (let d = 0; d < depth; d++) {
        doc = [doc];
        plain = [plain];
      }
      expect([...jsonChunks(doc, { walked })].join('')).toBe(JSON.stringify(plain, null, 2));
    }), { numRuns: 100 });
  });

  it('makes the items of a LazyArray only as they are written', () => {
    let made = 0;
    const lazy = new LazyArray(10_000, (i) => {
      made++;
      return { id: `finding-${i}`, text: 'x'.repeat(80) };
    });
    const chunks = jsonChunks({ version: 1, runs: [{ results: lazy }] }, { walked: 4 });
    expect(chunks.next().done).toBe(false);
    expect(made).toBeLessThan(1_000);
    for (const _ of chunks);
    expect(made).toBe(10_000);
  });

  it('cuts text into line-ended chunks that join to the text', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `line ${i}`).join('\n');
    const chunks = [...textChunks(text)];
    expect(chunks.join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
  });
});
