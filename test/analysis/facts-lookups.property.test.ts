// facts.ts answers by tool number and from small sets since #18 (isHub from the set of hub ids,
// integrationsOf from an array by tool number filled while the links are read), and the rules
// skip copying lists that have no repeats (helpers.ts distinct). Each must say what the plain
// definition says, on random workspaces: hubs, every link mode, bidirectional links, retired tools.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/analysis/facts.js';
import { distinct } from '../../src/analysis/rules/helpers.js';
import { linkArb, toolArb, touchpointArb, yamlOf } from './generated.js';
import { workspace } from './helpers.js';

describe('facts lookups by tool number', () => {
  it('isHub and integrationsOf say what the plain definitions say', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 24 }), fc.array(touchpointArb, { maxLength: 3 }),
      (tools, links, tps) => {
        const ws = workspace(yamlOf(tools, links, tps));
        const facts = computeFacts(ws);
        for (const t of ws.tools) {
          expect(facts.isHub(t.id)).toBe(t.hub === true);
          expect(facts.integrationsOf(t.id)).toEqual(ws.integrations.filter((it) => it.from === t.id || it.to === t.id));
        }
        expect(facts.isHub('no-such-tool')).toBe(false);
        expect(facts.integrationsOf('no-such-tool')).toEqual([]);
      },
    ), { numRuns: 150 });
  });

  it('trappedData is the same list however often and in whatever order it is asked', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 24 }),
      (tools, links) => {
        const ws = workspace(yamlOf(tools, links, []));
        const forward = computeFacts(ws);
        const backward = computeFacts(ws);
        const first = ws.tools.map((t) => [...forward.trappedData(t.id)]);
        const reversed = [...ws.tools].reverse().map((t) => [...backward.trappedData(t.id)]).reverse();
        expect(reversed).toEqual(first);
        ws.tools.forEach((t, i) => {
          expect(forward.trappedData(t.id)).toEqual(first[i]);
          // Each trapped type is one the tool holds, listed once, in the tool's order.
          expect(first[i]).toEqual(distinct(t.data).filter((d) => first[i].includes(d)));
          if (t.hub) expect(first[i]).toEqual([]);
        });
      },
    ), { numRuns: 150 });
  });
});

describe('distinct', () => {
  it('is the list without repeats in its order, and the list itself when nothing repeats', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 }), (list) => {
      const out = distinct(list);
      expect(out).toEqual([...new Set(list)]);
      if (new Set(list).size === list.length) expect(out).toBe(list);
    }));
  });
});
