// Acceptance of the customer's side (issue #15) on the two realistic workspaces written for it as a
// consultant writes them, expectations first (test/fixtures/realistic/README.md): a B2C retailer
// with consent and personalization, and a Japanese ryokan group with personas and data types. This
// checks the level and every `must` / `must_not` of their expected.yaml. An expectation about a
// rule of issue #14 that main does not meet yet (the r2 folds) is listed in PENDING with its reason
// and runs as `it.todo`, never skipped in silence; expected.yaml is never edited to match the tool.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { audit } from '../../src/api.js';
import type { AnalysisResult } from '../../src/analysis/analyze.js';

const ROOT = 'test/fixtures/realistic';
const FIXTURES: Record<string, string> = {
  'brightwater-pets': 'brightwater-pets/workspace.yaml',
  'yumori-ryokan-ja': 'yumori-ryokan-ja/workspace.yaml',
};

const FOLDS = 'blocked: the r2 folds of "one problem, one finding" (issue #14, not on main yet)';
const PENDING: Record<string, string> = {
  'brightwater-pets must_not data-silo:lightspeed': FOLDS,
  'brightwater-pets must_not trapped-data:yotpo': FOLDS,
};

interface Expected {
  level?: string;
  must?: { id: string }[];
  must_not?: { id: string; folded_into?: string }[];
}

const pattern = (p: string) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

const results = new Map<string, Promise<AnalysisResult>>();
const resultOf = (name: string) => {
  let r = results.get(name);
  if (!r) results.set(name, (r = audit(join(ROOT, FIXTURES[name]), { lang: 'en', now: '2026-12' })));
  return r;
};

function expectation(name: string, key: string, body: () => Promise<void>) {
  const reason = PENDING[`${name} ${key}`];
  if (reason) it.todo(`${key} — ${reason}`);
  else it(key, body);
}

for (const name of Object.keys(FIXTURES)) {
  const exp = parse(readFileSync(join(ROOT, name, 'expected.yaml'), 'utf8')) as Expected;
  describe(`realistic customer-side fixture ${name}`, () => {
    if (exp.level) {
      expectation(name, 'level', async () => {
        expect((await resultOf(name)).assessment.level).toBe(exp.level);
      });
    }
    for (const m of exp.must ?? []) {
      expectation(name, `must ${m.id}`, async () => {
        const ids = (await resultOf(name)).findings.map((f) => f.id);
        expect(ids.filter((id) => pattern(m.id).test(id)), `${m.id} in findings`).not.toEqual([]);
      });
    }
    for (const m of exp.must_not ?? []) {
      expectation(name, `must_not ${m.id}`, async () => {
        const r = await resultOf(name);
        expect(r.findings.map((f) => f.id).filter((id) => pattern(m.id).test(id))).toEqual([]);
        if (m.folded_into) {
          const wide = r.findings.find((f) => f.id === m.folded_into) as { folded?: string[] } | undefined;
          expect(wide?.folded ?? [], `${m.id} folded into ${m.folded_into}`).toEqual(expect.arrayContaining([expect.stringMatching(pattern(m.id))]));
        }
      });
    }
    it('carries the customer\'s side in the assessment, and asks rather than guesses', async () => {
      const r = await resultOf(name);
      const customer = r.assessment.customer;
      expect(customer).toBeDefined();
      expect(customer!.personas.length).toBeGreaterThan(0);
      for (const p of customer!.personas) expect(p.reaching).toBeLessThanOrEqual(p.touchpoints);
      expect(customer!.firstParty.reaching).toBeLessThanOrEqual(customer!.firstParty.total);
      const counts = Object.values(customer!.personalization.counts).reduce((a, b) => a + b, 0);
      expect(counts).toBe(customer!.personalization.touchpoints.length);
      // A persona gap in the findings is a gap in the persona's coverage.
      for (const f of r.findings.filter((x) => x.rule === 'persona-gap')) {
        const [persona, stage] = f.id.slice('persona-gap:'.length).split('+');
        expect(customer!.personas.find((p) => p.persona === persona)?.gaps).toContain(stage);
      }
    });
  });
}

it('every pending expectation names one that exists (no stale entry)', () => {
  const known = new Set<string>();
  for (const name of Object.keys(FIXTURES)) {
    const exp = parse(readFileSync(join(ROOT, name, 'expected.yaml'), 'utf8')) as Expected;
    if (exp.level) known.add(`${name} level`);
    for (const m of exp.must ?? []) known.add(`${name} must ${m.id}`);
    for (const m of exp.must_not ?? []) known.add(`${name} must_not ${m.id}`);
  }
  expect(Object.keys(PENDING).filter((k) => !known.has(k))).toEqual([]);
});

// A version-1 workspace (no personas, data_types, personalized, needs, frequency) audits as before:
// no customer section, no customer questions; of the customer rules only consent-not-synced can
// fire, because rules.md checks the vocabulary's consent types in every workspace.
describe('a version-1 workspace', () => {
  const CUSTOMER_RULES = ['persona-gap', 'restricted-data-flow', 'third-party-dependence', 'freshness-gap', 'personalization-opportunity', 'blind-personalization'];
  it.each(['examples/startup-no-hub.yaml', 'test/fixtures/realistic/harbour-finch-healthy/workspace.yaml', 'test/fixtures/realistic/tandlys-startup/workspace.yaml'])('%s gets none of the customer\'s side', async (path) => {
    const r = await audit(path, { lang: 'en', now: '2026-12' });
    expect(r.assessment.customer).toBeUndefined();
    expect(r.assessment.questions.filter((q) => q.source === 'customer')).toEqual([]);
    expect(r.findings.filter((f) => CUSTOMER_RULES.includes(f.rule)).map((f) => f.id)).toEqual([]);
  });
});
