// An analytics tool's web or app activity is pseudonymous unless the workspace declares it
// personal (docs/analysis.md; GAPS.md blind review 2, defect 7): the clean case is
// test/fixtures/rules/data-silo/clean-analytics-pseudonymous.yaml, this is the other side.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const base = readFileSync('test/fixtures/rules/data-silo/clean-analytics-pseudonymous.yaml', 'utf8');

describe('data-silo of an analytics tool', () => {
  it('is raised when the workspace declares its web activity personal (user ids sent to it)', () => {
    const yaml = base.replace('touchpoints:', 'data_types:\n  - { id: web-activity, name: Web activity with user ids, personal: true }\ntouchpoints:');
    const r = run(yaml);
    expect(r.findings.map((f) => f.id)).toContain('data-silo:ga4');
  });

  it('is raised for a tool that does more than measure (a CRM-side tool holding web activity)', () => {
    const yaml = base.replace('catalog: google-analytics-4,', 'capabilities: [web-analytics, live-chat],');
    expect(run(yaml).findings.map((f) => f.id)).toContain('data-silo:ga4');
  });

  it('is not raised, nor counted siloed, by default', () => {
    const r = run(base);
    expect(r.findings.map((f) => f.id)).not.toContain('data-silo:ga4');
    expect(r.assessment.metrics.siloedShare ?? 0).toBe(0);
  });
});
