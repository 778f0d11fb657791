// Grouping many drafts into programmes (roadmap/size.ts groupMany, #18) takes shortcuts; each is
// checked against the plain definition it replaces.
//  - retiredCapability finds the capability in one look at the findings instead of sorting lists.
//  - The dependencies on a family's members are redirected once for all its programmes, instead of
//    once per programme: the same dependencies as merging the programmes one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byId, type PlanContext } from '../../src/analysis/roadmap/context.js';
import { joinInto, redirectDependencies, retiredCapability } from '../../src/analysis/roadmap/size.js';
import type { Draft } from '../../src/analysis/roadmap/types.js';

const draft = (id: string, x: Partial<Draft> = {}): Draft => ({
  id, kind: 'retire', phase: 1, title: id, addresses: new Set(), tools: [], subjects: [], stakeholders: new Set(), extraDepartments: new Set(),
  months: 1, dependsOn: new Set(), pilot: false, renewalTools: [], source: 'generated', status: 'proposed', touchesNeighbours: false, impact: 0, ...x,
});

describe('retiredCapability', () => {
  const plain = (own: readonly string[], addresses: Set<string>): string | undefined => {
    const overlaps = [...addresses].filter((x) => x.startsWith('capability-overlap:')).map((x) => x.slice('capability-overlap:'.length)).sort(byId);
    return overlaps.find((x) => own.includes(x)) ?? overlaps[0] ?? [...own].sort(byId)[0];
  };
  const cap = fc.constantFrom('crm', 'email', 'sms', 'ads', 'analytics', 'cdp', 'chat', 'e-mail', 'Email');
  it('is the plain one', () => {
    fc.assert(fc.property(fc.array(cap, { maxLength: 4 }), fc.array(fc.oneof(cap.map((x) => `capability-overlap:${x}`), fc.constantFrom('redundant-tool:t', 'capability-overlap', 'orphan-tool:t')), { maxLength: 6 }), fc.boolean(),
      (own, addresses, known) => {
        const c = { tool: (id: string) => (known && id === 't' ? { primaryCapabilities: own } : undefined) } as unknown as PlanContext;
        const d = draft('retire-t', { subjects: ['t'], addresses: new Set(addresses) });
        expect(retiredCapability(c, d)).toBe(plain(known ? own : [], d.addresses));
      }));
  });
});

describe('dependencies on merged drafts', () => {
  it('redirected once per family, are those of merging the programmes one by one', () => {
    // n drafts d0..d(n-1) with random dependencies (also on ids that are no draft), some of them
    // put into programmes p0..p(k-1).
    const world = fc.integer({ min: 1, max: 14 }).chain((n) => fc.record({
      deps: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n + 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      group: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: n, maxLength: n }),
    }));
    fc.assert(fc.property(world, ({ deps, group }) => {
      const make = () => {
        const drafts = new Map<string, Draft>();
        deps.forEach((ds, i) => drafts.set(`d${i}`, draft(`d${i}`, { dependsOn: new Set(ds.map((j) => `d${j}`)) })));
        const c = { drafts, indexSubjects: () => {} } as unknown as PlanContext;
        const groups = [0, 1, 2, 3].map((g) => ({ target: draft(`p${g}`), parts: [...drafts.values()].filter((_, i) => group[i] === g) }))
          .filter((g) => g.parts.length);
        return { c, drafts, groups };
      };
      const one = make();
      for (const g of one.groups) {
        joinInto(one.c, g.target, g.parts);
        redirectDependencies(one.c, new Map(g.parts.map((p) => [p.id, g.target])));
      }
      const all = make();
      const into = new Map<string, Draft>();
      for (const g of all.groups) {
        joinInto(all.c, g.target, g.parts);
        for (const p of g.parts) into.set(p.id, g.target);
      }
      redirectDependencies(all.c, into);
      const deps2 = (m: Map<string, Draft>) => [...m.values()].map((d) => [d.id, [...d.dependsOn].sort()]);
      expect(deps2(all.drafts)).toEqual(deps2(one.drafts));
    }), { numRuns: 500 });
  });
});
