// Property tests: the loader never throws on arbitrary input (it only returns diagnostics), and a
// valid workspace round-trips through YAML.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadFromText, loadFromSources } from '../../src/workspace/load.js';
import { TOP_LEVEL_KEYS, CHANNELS, TOOL_STATUSES, INTEGRATION_MODES } from '../../src/workspace/vocabulary.js';

const wellFormed = (res: ReturnType<typeof loadFromText>) => {
  expect(Array.isArray(res.diagnostics)).toBe(true);
  for (const d of res.diagnostics) {
    expect(d.location.line).toBeGreaterThanOrEqual(1);
    expect(d.location.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(res.ok).toBe(res.workspace !== undefined);
};

const yamlish = fc.array(
  fc.oneof(
    fc.constantFrom('version: 1\n', 'tools:\n', '  - id: a\n', '    name: x\n', 'touchpoints:\n', '- ', ': ', '&a ', '*a ', '[', ']', '{', '}',
      '"', "'", '#', '\t', '---\n', '? ', '|\n', '>\n', '!!str ', '  ', '\n', 'stage: awareness\n', 'integrations:\n  - from: a\n    to: b\n'),
    fc.string({ maxLength: 8 }),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(''));

describe('loader properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => wellFormed(loadFromText(text))), { numRuns: 300 });
  });

  it('never throws on YAML-like token soup', () => {
    fc.assert(fc.property(yamlish, (text) => wellFormed(loadFromText(text))), { numRuns: 500 });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const res = loadFromSources({ path: 'x.yaml', kind: 'file', root: 'x.yaml', files: [{ path: 'x.yaml', bytes, manifest: true }] }, { display: () => 'x.yaml' });
      wellFormed(res);
    }), { numRuns: 300 });
  });

  it('never throws on arbitrary YAML trees under the known sections', () => {
    const section = fc.constantFrom(...TOP_LEVEL_KEYS, 'tool', 'settings');
    const tree = fc.dictionary(section, fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'stage', 'channel', 'tools', 'from', 'to', 'data', 'cost', 'status', 'hub', 'seats', 'x'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })));
    fc.assert(fc.property(tree, (obj) => wellFormed(loadFromText(stringify({ version: 1, ...obj })))), { numRuns: 400 });
  });

  const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
  const name = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), fc.constantFrom('株式会社さくら', 'LINE公式アカウント', 'Café "Ümlaut" #1', '<script>alert(1)</script>', '🚀 Launch'));
  const workspace = fc.uniqueArray(id, { minLength: 1, maxLength: 8 }).chain((toolIds) =>
    fc.record({
      tools: fc.tuple(...toolIds.map((tid) => fc.record({
        id: fc.constant(tid), name, status: fc.constantFrom(...TOOL_STATUSES),
        cost: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.record({ amount: fc.integer({ min: 0, max: 100_000 }), period: fc.constantFrom('year', 'month') })),
        data: fc.uniqueArray(fc.constantFrom('contact-profile', 'orders', 'web-traffic', 'tickets'), { maxLength: 3 }),
      }))),
      touchpoints: fc.uniqueArray(id, { maxLength: 6 }).chain((tpIds) => fc.tuple(...tpIds.map((tp) => fc.record({
        id: fc.constant(tp), name, stage: fc.constantFrom('awareness', 'consideration', 'purchase', 'service', 'loyalty'),
        channel: fc.constantFrom(...CHANNELS), tools: fc.subarray(toolIds), realtime: fc.boolean(), in_scope: fc.boolean(),
      })))),
      // Two distinct ends: pick an ordered pair of different indices (a filter would spin forever on one tool).
      integrations: toolIds.length < 2 ? fc.constant([] as { from: string; to: string; mode: (typeof INTEGRATION_MODES)[number] }[]) : fc.array(
        fc.record({ a: fc.nat(toolIds.length - 1), b: fc.nat(toolIds.length - 2), mode: fc.constantFrom(...INTEGRATION_MODES) })
          .map(({ a, b, mode }) => ({ from: toolIds[a], to: toolIds[b >= a ? b + 1 : b], mode })),
        { maxLength: 6 }),
    }));

  it('a valid workspace round-trips through YAML into the model', () => {
    fc.assert(fc.property(workspace, name, (ws, orgName) => {
      const doc = { version: 1, organization: { name: orgName, currency: 'EUR' }, ...ws };
      const res = loadFromText(stringify(doc));
      expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const model = res.workspace!;
      expect(model.organization.name).toBe(orgName);
      expect(model.tools.map((t) => [t.id, t.name, t.status, [...t.data]])).toEqual(ws.tools.map((t) => [t.id, t.name, t.status, t.data]));
      expect(model.touchpoints.map((t) => [t.id, t.stage, [...t.tools], t.realtime, t.inScope])).toEqual(ws.touchpoints.map((t) => [t.id, t.stage, t.tools, t.realtime, t.in_scope]));
      expect(model.integrations.map((i) => [i.from, i.to, i.mode])).toEqual(ws.integrations.map((i) => [i.from, i.to, i.mode]));
      for (const [i, t] of ws.tools.entries()) {
        const expected = typeof t.cost === 'number' ? t.cost * 100 : t.cost.amount * 100 * (t.cost.period === 'month' ? 12 : 1);
        expect(model.tools[i].annualCostMinor).toBe(expected);
      }
    }), { numRuns: 200, endOnFailure: true });
  });
});
