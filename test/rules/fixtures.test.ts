// Walks test/fixtures/rules/<rule>/{trigger,clean,clean-<case>}.yaml: the trigger fixture must give exactly the
// findings its `# expect:` lines list for that rule; the clean one none of that rule.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analysis/rules/index.js';
import { analyze } from '../../src/analysis/analyze.js';
import { FIXTURES, expectations, findings, ids, load, wordsIn } from './helpers.js';

const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe.each(dirs)('rule %s', (rule) => {
  it('is a known rule id', () => {
    expect(RULE_IDS).toContain(rule);
  });

  it('fires on trigger.yaml', () => {
    const file = join(FIXTURES, rule, 'trigger.yaml');
    const expected = expectations(file);
    expect(expected.length).toBeGreaterThan(0);
    const got = findings(load(file));
    for (const e of expected) {
      expect(got).toContainEqual(expect.objectContaining({
        id: e.id, rule, severity: e.severity,
        entities: expect.arrayContaining(e.entities),
        message: expect.any(String), recommendation: expect.any(String),
      }));
    }
    expect(ids(got, rule)).toEqual(expected.map((e) => e.id).sort());
  });

  it('has its findings planned on trigger.yaml (a plan proposes only the initiative ids it declares: draft() throws otherwise)', () => {
    const ws = load(join(FIXTURES, rule, 'trigger.yaml'));
    const result = analyze(ws, { start: '2027-01', tr: wordsIn(ws).tr });
    expect(result.findings.length).toBeGreaterThan(0);
  });

  // clean.yaml, and any clean-<case>.yaml beside it (a regression of one judgement: each says why on top).
  const cleans = readdirSync(join(FIXTURES, rule)).filter((f) => /^clean(-[a-z0-9-]+)?\.yaml$/.test(f)).sort();
  it.each(cleans)('does not fire on %s', (file) => {
    const got = findings(load(join(FIXTURES, rule, file)));
    expect(ids(got, rule)).toEqual([]);
  });
});
