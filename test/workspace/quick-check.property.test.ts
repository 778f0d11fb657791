// The hand check of tools, touchpoints and integrations (src/workspace/quick-check.ts) stands in
// for zod on the hot path: on random near-valid files (each field valid, or one of the ways it
// goes wrong) it must give zod's verdict, and when it says "invalid" the issues are zod's own, so
// the loader's diagnostics are those of the zod schema.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkWorkspaceFile, quickCheck, QUICK_LISTS } from '../../src/workspace/quick-check.js';
import { Integration, Tool, Touchpoint, WorkspaceFile } from '../../src/workspace/schema.js';
import * as z from 'zod/mini';
import { loadFromText } from '../../src/workspace/load.js';
import { stringify } from 'yaml';

// Values that are right for some field and wrong for most: each field gets good values and these.
const odd = fc.constantFrom<unknown>(
  null, '', ' ', 'Tool', 'tool-1', 'Bad Id', '-x', 'a'.repeat(3), 0, -1, 1.5, 3, Number.NaN, Infinity, 2 ** 60, true, false,
  [], ['a'], [''], ['Bad Id'], [1], {}, { amount: 1 }, { amount: 1, period: 'year' }, { amount: -1, period: 'month' },
  { amount: 1, period: 'week' }, { licensed: 1 }, { licensed: 1.5 }, { licensed: -1 }, { active: 2, licensed: 1, x: 1 },
  'unknown', 'active', 'retired', 'year', 'realtime', 'batch', 'quarterly', 'hourly', '2027-01', '2027-13', 'crm',
);
const maybe = <T>(good: fc.Arbitrary<T>, weight: number) => fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: odd });
const idA = fc.constantFrom('crm', 'tool-1', 'a.b_c', '0x');
const ids = fc.array(idA, { maxLength: 3 });
const data = fc.array(fc.constantFrom('orders', 'contact-profile', 'Any Text'), { maxLength: 3 });
const text = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('Tool 1', 'x', '株式会社') }, { weight: 1, arbitrary: fc.constant('') });

/** A record where each field is present or not, and good (mostly) or odd. */
const entity = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[], weight: number) => fc.record(
  Object.fromEntries([
    ...Object.entries(fields).map(([k, v]) => [k, maybe(v, weight)]),
  ]),
  { requiredKeys: [] },
).chain((rec) => fc.oneof({ weight, arbitrary: fc.constant(rec) }, { weight: 1, arbitrary: odd.map((x) => ({ ...rec, unexpected: x })) })).chain((rec) => fc.constantFrom(...required.map(() => true), false).map((keepRequired) => {
  const out: Record<string, unknown> = { ...rec };
  // Mostly the required keys are there (a well-formed entity), sometimes not.
  if (keepRequired) for (const k of required) if (!(k in out)) out[k] = k === 'name' ? 'Name' : 'tool-1';
  return out;
}));

const toolOf = (weight: number) => entity({
  id: idA, name: text, vendor: text, catalog: idA, category: idA, capabilities: ids, hub: fc.boolean(), owner: idA,
  status: fc.constantFrom('active', 'pilot', 'retiring', 'retired'),
  cost: fc.oneof(fc.nat(), fc.constant('unknown'), fc.record({ amount: fc.double({ min: 0, max: 1e6, noNaN: true }), period: fc.constantFrom('year', 'month') })),
  seats: fc.record({ licensed: fc.nat(100), active: fc.nat(100) }, { requiredKeys: [] }), data, source_of_truth: data,
  renewal: fc.constantFrom('2027-01', '2026-12'), third_party_cookies: fc.boolean(), network: idA, url: text, notes: text,
}, ['id', 'name'], weight);
const touchpointOf = (weight: number) => entity({
  id: idA, name: text, stage: fc.constantFrom('awareness', 'custom'), channel: fc.constantFrom('email', 'pigeon'), owner: idA,
  tools: ids, captures: data, realtime: fc.boolean(), personas: ids, personalized: fc.boolean(),
  needs: fc.constantFrom('realtime', 'daily', 'monthly'), conversational: fc.boolean(), in_scope: fc.boolean(), notes: text,
}, ['id', 'name', 'stage', 'channel'], weight);
const integrationOf = (weight: number) => entity({
  id: idA, from: idA, to: idA, data, mode: fc.constantFrom('realtime', 'batch', 'manual'),
  frequency: fc.constantFrom('realtime', 'hourly', 'quarterly'), bidirectional: fc.boolean(), notes: text,
}, ['from', 'to'], weight);
// Mostly good fields: each is odd one time in 40.
const tool = toolOf(40);
const touchpoint = touchpointOf(40);
const integration = integrationOf(40);

const file = fc.record({
  version: fc.oneof(fc.constant(1), odd),
  organization: fc.oneof(fc.constant({ name: 'Org' }), odd),
  tools: fc.oneof({ weight: 4, arbitrary: fc.array(tool, { maxLength: 4 }) }, { weight: 1, arbitrary: odd }),
  touchpoints: fc.oneof({ weight: 4, arbitrary: fc.array(touchpoint, { maxLength: 4 }) }, { weight: 1, arbitrary: odd }),
  integrations: fc.oneof({ weight: 4, arbitrary: fc.array(integration, { maxLength: 4 }) }, { weight: 1, arbitrary: odd }),
  settings: fc.oneof(fc.constant({ fail_on: 'high' }), fc.constant({ fail_on: 'sometimes' })),
}, { requiredKeys: [] });

describe('the hand check of the large lists', () => {
  it('each list\'s check says valid exactly when its zod schema does', () => {
    const cases = [['tools', tool, Tool], ['touchpoints', touchpoint, Touchpoint], ['integrations', integration, Integration]] as const;
    for (const [key, arb, schema] of cases) {
      let valid = 0;
      fc.assert(fc.property(fc.array(arb as fc.Arbitrary<unknown>, { maxLength: 3 }), (list) => {
        const zod = z.array(schema).safeParse(list).success;
        expect(QUICK_LISTS[key](list)).toBe(zod);
        if (zod) valid++;
      }), { numRuns: 1500 });
      expect(valid).toBeGreaterThan(100);
    }
  });

  it('gives zod\'s verdict, and zod\'s issues when invalid', () => {
    let valid = 0;
    fc.assert(fc.property(file, (value) => {
      const zod = WorkspaceFile.safeParse(value);
      const quick = checkWorkspaceFile(value);
      expect(quick.success).toBe(zod.success);
      if (!quick.success && !zod.success) expect(quick.error.issues).toEqual(zod.error.issues);
      if (zod.success) valid++;
    }), { numRuns: 3000 });
    // Both verdicts were exercised.
    expect(valid).toBeGreaterThan(50);
  });

  it('the loader gives the same diagnostics and the same workspace with and without it', () => {
    // Tools with distinct ids (the ids the references use), so that many files load.
    // No catalog ids or personas either: the built-in catalog and the personas are not what is tested.
    const plain = (x: Record<string, unknown>, key: string) => {
      const { [key]: v, ...rest } = x;
      return typeof v === 'string' || Array.isArray(v) ? rest : x;
    };
    const good = toolOf(200);
    const tools = fc.tuple(good, good, good, good).map((ts) => ts.map((t, i) => plain(typeof t.id === 'string' ? { ...t, id: ['crm', 'tool-1', 'a.b_c', '0x'][i] } : t, 'catalog')));
    const doc = fc.record({ tools, touchpoints: fc.array(touchpointOf(200).map((t) => plain(t, 'personas')), { maxLength: 3 }), integrations: fc.array(integrationOf(200), { maxLength: 3 }) })
      .map((v) => stringify({ version: 1, organization: { name: 'Org' }, ...v }));
    const load = (text: string, enabled: boolean) => {
      quickCheck.enabled = enabled;
      try {
        return loadFromText(text);
      } finally {
        quickCheck.enabled = true;
      }
    };
    let ok = 0;
    fc.assert(fc.property(doc, (text) => {
      const quick = load(text, true);
      const zod = load(text, false);
      expect(quick.diagnostics).toEqual(zod.diagnostics);
      expect(quick.ok).toBe(zod.ok);
      expect(quick.workspace).toEqual(zod.workspace);
      if (quick.ok) ok++;
    }), { numRuns: 400 });
    expect(ok).toBeGreaterThan(15);
  });
});
