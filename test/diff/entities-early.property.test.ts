// The worker of `diff` sends the old workspace's part of its digest before it analyses, and the
// main thread compares that part (diffEntities) while the worker finishes; the findings part comes
// last (src/diff/parallel.ts, src/cli/diff-worker.ts). Put back together, the comparison must be
// the one diffDigests makes of the two whole digests, to the byte and the key order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDigests, diffEntities } from '../../src/diff/diff.js';
import { findingsDigest, sortedById, type EntityDigest, type SideDigest } from '../../src/diff/digest.js';
import type { FindingSummary } from '../../src/diff/types.js';

const ids = (prefix: string) => fc.constantFrom(...['a', 'b', 'c', 'd', 'e'].map((x) => `${prefix}-${x}`));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const small = fc.array(ids('tool'), { maxLength: 3 });

const tool = fc.record({
  id: ids('tool'), name: fc.constantFrom('A', 'B'), status: fc.constantFrom('active', 'retired'), hub: fc.boolean(),
  owner: opt(fc.constantFrom('it', 'sales')), annualCostMinor: opt(fc.nat(5000)),
  seats: opt(fc.record({ licensed: opt(fc.nat(9)), active: opt(fc.nat(9)) })), thirdPartyCookies: opt(fc.boolean()),
}, { requiredKeys: ['id', 'name', 'status', 'hub'] });

const touchpoint = fc.record({
  id: ids('tp'), name: fc.constantFrom('T', 'U'), stage: fc.constantFrom('awareness', 'purchase', 'custom'), channel: fc.constantFrom('web', 'email'),
  owner: opt(fc.constantFrom('it', 'sales')), tools: small, captures: fc.array(fc.constantFrom('email', 'orders'), { maxLength: 2 }),
  realtime: fc.boolean(), inScope: fc.boolean(), personas: fc.array(ids('p'), { maxLength: 2 }), personasGiven: fc.boolean(),
  personalized: opt(fc.boolean()), needs: opt(fc.constantFrom('realtime', 'daily')),
}, { requiredKeys: ['id', 'name', 'stage', 'channel', 'tools', 'captures', 'realtime', 'inScope', 'personas', 'personasGiven'] });

const integration = fc.record({
  id: ids('int'), from: ids('tool'), to: ids('tool'), data: opt(fc.array(fc.constantFrom('email', 'orders'), { maxLength: 2 })),
  mode: fc.constantFrom('api', 'manual'), bidirectional: fc.boolean(), frequency: opt(fc.constantFrom('daily', 'realtime')), frequencyGiven: fc.boolean(),
}, { requiredKeys: ['id', 'from', 'to', 'mode', 'bidirectional', 'frequencyGiven'] });

const finding = fc.record({
  id: fc.constantFrom('data-silo:a', 'data-silo:b', 'overlap:a+b', 'no-hub'),
  rule: fc.constantFrom('data-silo', 'overlap', 'no-hub'),
  severity: fc.constantFrom('info', 'low', 'medium', 'high', 'critical'),
  message: fc.string({ maxLength: 6 }),
}) as fc.Arbitrary<FindingSummary>;

const digest = fc.record({
  label: fc.constantFrom('old', 'new'), commit: opt(fc.constantFrom('abc123')), currency: fc.constantFrom('EUR', 'USD'),
  annualCost: fc.nat(100), redundantSpend: fc.nat(100), level: fc.constantFrom('fragmented', 'connected'), score: fc.nat(100),
  findings: fc.uniqueArray(finding, { selector: (f) => f.id, maxLength: 4 }),
  tools: fc.uniqueArray(tool, { selector: (t) => t.id, maxLength: 5 }),
  touchpoints: fc.uniqueArray(touchpoint, { selector: (t) => t.id, maxLength: 5 }),
  integrations: fc.uniqueArray(integration, { selector: (t) => t.id, maxLength: 5 }),
  personas: fc.uniqueArray(fc.record({ id: ids('p'), name: fc.constantFrom('P', 'Q'), stages: fc.array(fc.constantFrom('awareness', 'purchase'), { maxLength: 2 }) }), { selector: (p) => p.id, maxLength: 3 }),
  dataTypes: fc.uniqueArray(fc.record({
    id: fc.constantFrom('email', 'orders'), label: fc.constantFrom('Email', 'Orders'), party: opt(fc.constantFrom('first', 'third')),
    personal: opt(fc.boolean()), consent: opt(fc.boolean()), restricted: opt(fc.constantFrom<string | false>('health', false)),
  }, { requiredKeys: ['id', 'label'] }), { selector: (x) => x.id, maxLength: 2 }),
  stageNames: fc.constantFrom({ awareness: 'Awareness', purchase: 'Purchase' }, { awareness: 'Aware' }),
}, { requiredKeys: ['label', 'currency', 'annualCost', 'redundantSpend', 'level', 'score', 'findings', 'tools', 'touchpoints', 'integrations', 'personas', 'dataTypes', 'stageNames'] })
  .map((d) => ({
    ...d, path: d.label, organization: 'Org',
    findings: sortedById(d.findings), tools: sortedById(d.tools), touchpoints: sortedById(d.touchpoints), integrations: sortedById(d.integrations),
  }) as SideDigest);

const entitiesOf = (d: SideDigest): EntityDigest => ({
  tools: d.tools, touchpoints: d.touchpoints, integrations: d.integrations, personas: d.personas, dataTypes: d.dataTypes, stageNames: d.stageNames,
});

describe('the old workspace compared before its findings arrive', () => {
  it('gives the comparison of the whole digests', () => {
    fc.assert(fc.property(digest, digest, (a, b) => {
      // As the two messages arrive in the main thread: each a structured clone.
      const part = structuredClone(entitiesOf(a));
      const rest = structuredClone(findingsDigest(a));
      const early = diffDigests({ ...rest, ...part }, b, diffEntities(part, b));
      const whole = diffDigests(a, b);
      expect(early).toEqual(whole);
      expect(JSON.stringify(early)).toBe(JSON.stringify(whole));
    }), { numRuns: 1500 });
  });

  it('the findings part leaves out exactly the workspace part', () => {
    fc.assert(fc.property(digest, (a) => {
      expect({ ...findingsDigest(a), ...entitiesOf(a) }).toEqual(a);
      expect(Object.keys(findingsDigest(a))).not.toContain('tools');
    }), { numRuns: 200 });
  });
});
