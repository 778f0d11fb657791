import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { jsonChunks, textChunks } from '../../src/util/json-chunks.js';

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

  it('cuts text into line-ended chunks that join to the text', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `line ${i}`).join('\n');
    const chunks = [...textChunks(text)];
    expect(chunks.join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
  });
});
