// facts.ts keeps, per data type, which links carry it as lists linked in typed arrays (DataGraph;
// #18), not a map per type of arrays per tool. The searches over them must say what the plain
// definition says: per data type, a breadth-first search over the links that carry it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts, DataGraph, reachByData } from '../../src/analysis/facts.js';
import { linkArb, toolArb, yamlOf } from './generated.js';
import { workspace } from './helpers.js';

const TYPES = ['a', 'b', 'c', 'd'];

/** The plain definition: per type, the nodes reached from the seeds (not counting a seed itself) over edges that carry it. */
function plainReach(edges: readonly [number, number, string][], seeds: readonly number[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const d of TYPES) {
    if (!edges.some((e) => e[2] === d)) continue;
    const seen = new Set(seeds);
    const queue = [...seen];
    for (let i = 0; i < queue.length; i++) {
      for (const [from, to, t] of edges) {
        if (t !== d || from !== queue[i] || seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
        if (!out.has(to)) out.set(to, new Set());
        out.get(to)!.add(d);
      }
    }
  }
  return out;
}

describe('DataGraph and reachByData', () => {
  it('reach what the plain search per data type reaches', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(...TYPES)), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }),
        fc.integer({ min: 0, max: 50 }),
      )),
      ([n, edges, seeds, capacity]) => {
        // (A capacity below the number of edges makes the arrays grow.)
        const graph = new DataGraph(n, capacity);
        const types: string[] = [];
        for (const [from, to, d] of edges) {
          if (!types.includes(d)) types.push(d);
          graph.add(types.indexOf(d), from, to);
        }
        const reached = reachByData(graph, types, () => seeds);
        const plain = plainReach(edges, seeds);
        for (let v = 0; v < n; v++) expect(new Set(reached[v] ?? [])).toEqual(plain.get(v) ?? new Set());
      },
    ), { numRuns: 300 });
  });

  it('downstream is every tool the data reaches over links that carry it (any mode), sorted', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 10 }), fc.array(linkArb, { maxLength: 20 }),
      (tools, links) => {
        const ws = workspace(yamlOf(tools, links, []));
        const facts = computeFacts(ws);
        const arcs = ws.integrations.flatMap((it) => [
          { from: it.from, to: it.to, data: facts.carried(it) },
          ...(it.bidirectional ? [{ from: it.to, to: it.from, data: facts.carried(it, 'backward') }] : []),
        ]);
        const types = [...new Set(ws.tools.flatMap((t) => t.data)), 'no-such-type'];
        for (const t of ws.tools) {
          for (const d of types) {
            const seen = new Set([t.id]);
            const queue = [t.id];
            for (let i = 0; i < queue.length; i++) {
              for (const a of arcs) if (a.from === queue[i] && a.data.includes(d) && !seen.has(a.to)) { seen.add(a.to); queue.push(a.to); }
            }
            expect(facts.downstream(t.id, d)).toEqual(queue.slice(1).sort());
          }
        }
      },
    ), { numRuns: 150 });
  });
});
