// Shortcuts of the analysis (#18), each against the plain definition it replaces:
//  - buildInventory sets the optional fields one by one instead of spreading small objects: the
//    same items, the same keys in the same order.
//  - followRenames (roadmap/merge.ts) makes a draft's dependency set again only when something in
//    it changes: the same sets, in the same order, as making every one again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/analysis/analyze.js';
import { toMajor } from '../../src/analysis/money.js';
import { followRenames } from '../../src/analysis/roadmap/merge.js';
import type { Draft } from '../../src/analysis/roadmap/types.js';
import type { Workspace } from '../../src/model/model.js';

function plainInventory(ws: Workspace) {
  return ws.tools.map((x) => {
    const monthlyMinor = x.costGiven?.period === 'month' ? Math.round(x.costGiven.amount * 100)
      : x.annualCostMinor !== undefined ? Math.round(x.annualCostMinor / 12) : undefined;
    const seats = x.seats ? {
      ...(x.seats.licensed !== undefined ? { licensed: x.seats.licensed } : {}),
      ...(x.seats.active !== undefined ? { active: x.seats.active } : {}),
      ...(x.seats.licensed && x.seats.active !== undefined ? { usage: Math.round((x.seats.active / x.seats.licensed) * 10000) / 10000 } : {}),
    } : undefined;
    return {
      id: x.id, name: x.name,
      ...(x.vendor ? { vendor: x.vendor } : {}),
      ...(x.category ? { category: x.category } : {}),
      ...(x.owner ? { owner: x.owner } : {}),
      status: x.status, hub: x.hub,
      touchpoints: (ws.index.touchpointsByTool.get(x.id) ?? []).map((tp) => tp.id),
      data: [...x.data],
      ...(x.annualCostMinor !== undefined ? { annualCost: toMajor(x.annualCostMinor), monthlyCost: toMajor(monthlyMinor!) } : {}),
      costUnknown: x.costUnknown,
      ...(seats ? { seats } : {}),
      ...(x.renewal ? { renewal: x.renewal } : {}),
      location: x.loc,
    };
  });
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const tool = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'), name: fc.string({ maxLength: 5 }), vendor: maybe(fc.constantFrom('', 'V')), category: maybe(fc.constantFrom('', 'crm')),
  owner: maybe(fc.constantFrom('', 'sales')), status: fc.constantFrom('active', 'retired', 'pilot'), hub: fc.boolean(), data: fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }),
  annualCostMinor: maybe(fc.integer({ min: 0, max: 10 ** 8 })), costGiven: maybe(fc.record({ period: fc.constantFrom('month', 'year'), amount: fc.double({ min: 0, max: 1e6, noNaN: true }) })),
  costUnknown: fc.boolean(), renewal: maybe(fc.constantFrom('', '2027-03')),
  seats: maybe(fc.record({ licensed: maybe(fc.integer({ min: 0, max: 500 })), active: maybe(fc.integer({ min: 0, max: 500 })) }, { requiredKeys: [] })),
  loc: maybe(fc.record({ file: fc.constant('tools.yaml'), line: fc.nat(99) })),
}, { requiredKeys: ['id', 'name', 'status', 'hub', 'data', 'costUnknown'] });

describe('buildInventory', () => {
  it('is the plain spread of optional fields, key order included', () => {
    fc.assert(fc.property(fc.array(tool, { maxLength: 5 }), (tools) => {
      const ws = { tools, index: { touchpointsByTool: new Map([['a', [{ id: 'web' }, { id: 'shop' }]]]) } } as unknown as Workspace;
      const fast = buildInventory(ws);
      const plain = plainInventory(ws);
      expect(fast).toEqual(plain);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
      expect(fast.map((x) => Object.keys(x))).toEqual(plain.map((x) => Object.keys(x)));
    }), { numRuns: 300 });
  });
});

describe('followRenames', () => {
  const draft = (id: string, deps: string[]) => ({ id, dependsOn: new Set(deps) }) as unknown as Draft;
  it('gives every draft the dependencies of making its set again', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(id, fc.array(id, { maxLength: 4 })), { selector: (x) => x[0], maxLength: 5 }), fc.array(fc.tuple(id, id), { maxLength: 3 }),
      (spec, renames) => {
        const rename = new Map<string, string>(renames);
        const make = () => new Map<string, Draft>(spec.map(([i, deps]) => [i, draft(i, deps)]));
        const fast = make();
        followRenames(fast, rename);
        const plain = make();
        for (const d of plain.values()) d.dependsOn = new Set([...d.dependsOn].map((x) => rename.get(x) ?? x).filter((x) => x !== d.id && plain.has(x)));
        expect([...fast.values()].map((d) => [d.id, [...d.dependsOn]])).toEqual([...plain.values()].map((d) => [d.id, [...d.dependsOn]]));
      }), { numRuns: 500 });
  });
});
