// The worker sends the old side's findings that the new side also has without their words
// (src/diff/parallel.ts liteFindings): the comparison must come out the same as with the full ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDigests } from '../../src/diff/diff.js';
import { sortedById, type SideDigest } from '../../src/diff/digest.js';
import { liteFindings } from '../../src/diff/parallel.js';
import type { FindingSummary } from '../../src/diff/types.js';

const finding = fc.record({
  id: fc.constantFrom('data-silo:a', 'data-silo:b', 'overlap:a+b', 'no-hub', 'consent-not-synced:c', 'stale:x'),
  rule: fc.constantFrom('data-silo', 'overlap', 'no-hub'),
  severity: fc.constantFrom('info', 'low', 'medium', 'high', 'critical'),
  message: fc.string({ maxLength: 8 }),
  location: fc.option(fc.record({ file: fc.constantFrom('a.yaml', 'b.yaml'), line: fc.nat(9), column: fc.nat(9) }), { nil: undefined }),
  cost: fc.option(fc.nat(1000), { nil: undefined }),
}, { requiredKeys: ['id', 'rule', 'severity', 'message'] }) as fc.Arbitrary<FindingSummary>;

const digest = (label: string, findings: FindingSummary[]): SideDigest => ({
  label, path: label, organization: 'Org', currency: 'EUR', annualCost: 10, redundantSpend: 0, level: 'healthy', score: 90,
  findings: sortedById(findings), tools: [], touchpoints: [], integrations: [], personas: [], dataTypes: [], stageNames: {},
});

describe('the old side\'s findings without the words the comparison does not read', () => {
  it('give the same comparison as the full findings', () => {
    fc.assert(fc.property(fc.array(finding, { maxLength: 8 }), fc.array(finding, { maxLength: 8 }), (a, b) => {
      const old = digest('old', a);
      const neu = digest('new', b);
      const lite = liteFindings(old, new Set(neu.findings.map((f) => f.id)));
      expect(diffDigests(lite, neu)).toEqual(diffDigests(old, neu));
    }), { numRuns: 2000 });
  });
});
