// topoOrder ranks the items once and runs Kahn's algorithm on positions (#18: thousands of
// initiatives). Property: it gives what the plain algorithm gives, on random dependency graphs
// with cycles and dependencies outside the set: repeatedly, the first item in priority order whose
// dependencies (inside the set) are all placed; when none is free (a cycle), the first one left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topoOrder } from '../../src/analysis/roadmap/index.js';

interface Item { id: string; dependsOn: Set<string>; phase: number }

function plainOrder(items: Item[], cmp: (a: Item, b: Item) => number): Item[] {
  const ids = new Set(items.map((x) => x.id));
  const sorted = [...items].sort(cmp);
  const placed = new Set<string>();
  const out: Item[] = [];
  while (out.length < items.length) {
    const free = sorted.find((x) => !placed.has(x.id) && [...x.dependsOn].every((d) => !ids.has(d) || d === x.id || placed.has(d)));
    // A cycle: Kahn's algorithm breaks it with the first item left; what it frees then goes first.
    const next = free ?? sorted.find((x) => !placed.has(x.id))!;
    placed.add(next.id);
    out.push(next);
  }
  return out;
}

describe('topoOrder', () => {
  it('orders like the plain priority Kahn algorithm, cycles and outside dependencies included', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(
        fc.constant(n),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: n + 2 }), fc.integer({ min: 0, max: n + 2 })), { maxLength: 3 * n }),
        fc.boolean(),
      )),
      ([n, phases, edges, acyclic]) => {
        const items: Item[] = phases.map((phase, i) => ({ id: `i${String(i).padStart(2, '0')}`, dependsOn: new Set(), phase }));
        for (const [a, b] of edges) {
          if (a >= n) continue;
          // Acyclic: only on earlier items; otherwise anything, themselves and unknown ids too.
          if (acyclic && b >= a) continue;
          items[a].dependsOn.add(`i${String(b).padStart(2, '0')}`);
        }
        const cmp = (a: Item, b: Item) => a.phase - b.phase || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        const got = topoOrder(items, cmp).map((x) => x.id);
        expect(new Set(got).size).toBe(n);
        expect(got).toEqual(plainOrder(items, cmp).map((x) => x.id));
      },
    ), { numRuns: 300 });
  });
});
