// Meta checks: every public rule id has a module, docs in every language, fixtures, and an
// example that triggers it; every rules.* message exists in en and ja with the same placeholders.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analysis/rules/index.js';
import { RULES, parseFindingId, rulesInGroup, runRules, type Rule } from '../../src/analysis/rules/index.js';
import { computeFacts } from '../../src/analysis/facts.js';
import { rules as enRules } from '../../src/i18n/en/rules.js';
import { rules as jaRules } from '../../src/i18n/ja/rules.js';
import { en } from '../../src/i18n/en/index.js';
import { ja } from '../../src/i18n/ja/index.js';
import { FIXTURES, loadText, wordsIn } from './helpers.js';
import { expectGolden } from '../golden.js';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'analysis', 'rules');
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();



describe('rule registry', () => {
  it('implements exactly the public rule ids', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('is, as the modules declare it, the reviewed table of rules.md (default severities) with what this tool adds', () => {
    // Derived from the modules, compared with a reviewed golden: a new rule or a changed default
    // shows in the review of test/golden/rules/registry.md (npm run golden:update -- test/rules/meta.test.ts).
    const lines = [
      '| rule | default severity | group | subject | threshold | flags | plan step | initiatives |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const id of RULE_IDS) {
      const { meta, plan } = RULES[id] as Rule;
      const flags = [meta.hygiene && 'hygiene', meta.advisory && 'advisory', meta.marks && `marks ${meta.marks}`].filter(Boolean).join(', ');
      lines.push(`| \`${id}\` | ${meta.severity} | ${meta.group} | ${meta.subject} | ${meta.threshold ?? ''} | ${flags} | ${plan?.step ?? ''} | ${plan?.initiatives.join(', ') ?? ''} |`);
    }
    expectGolden('rules/registry.md', `${lines.join('\n')}\n`);
  });

  it.each([...RULE_IDS])('%s: module, severity, docs, fixtures, example', async (id) => {
    const rule = RULES[id];
    expect(rule.id).toBe(id);
    expect(existsSync(join(SRC, `${id}.ts`))).toBe(true);
    const mod = await import(`../../src/analysis/rules/${id}.ts`);
    expect(mod.rule).toBe(rule);
    expect(mod.example).toBe(rule.meta.example);
    expect(existsSync(join(FIXTURES, id, 'trigger.yaml'))).toBe(true);
    expect(existsSync(join(FIXTURES, id, 'clean.yaml'))).toBe(true);

    for (const lang of ['en', 'ja'] as const) {
      for (const field of ['title', 'summary', 'why', 'fix'] as const) {
        const text = rule.docsIn(lang)[field];
        expect(text.trim().length, `${lang} ${field}`).toBeGreaterThan(1);
      }
    }

    const ws = loadText(rule.meta.example);
    expect(ws.files.length).toBe(1);
    const got = runRules(ws, computeFacts(ws), wordsIn(ws));
    expect(got.some((f) => f.rule === id), `example of ${id} triggers it`).toBe(true);
  });

  it('has a fixture folder only for known rules', () => {
    const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('rule modules', () => {
  it('every module in src/analysis/rules is registered', () => {
    const modules = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !['helpers.ts', 'index.ts', 'rule.ts', 'catalog.ts', 'catalog-table.ts'].includes(f) && !f.endsWith('.test.ts'));
    expect(modules.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('the integrate group is the one docs/analysis.md lists', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'analysis.md'), 'utf8');
    const line = doc.split('\n').find((l) => l.startsWith('| `integrate` |'))!;
    const listed = [...line.split('|')[2].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).filter((x) => x.includes('-'));
    expect([...rulesInGroup('integrate')].sort()).toEqual(listed.sort());
    expect([...rulesInGroup('refocus')].sort()).toEqual(RULE_IDS.filter((id) => !listed.includes(id)).sort());
  });

  it('finding ids parse by the subject kind of their rule', () => {
    expect(parseFindingId('manual-integration:a+b')).toEqual({ rule: 'manual-integration', subject: 'a+b', kind: 'tools', ids: ['a', 'b'] });
    expect(parseFindingId('data-silo:x+y')).toEqual({ rule: 'data-silo', subject: 'x+y', kind: 'tool', ids: ['x+y'] });
    expect(parseFindingId('nope:x')).toEqual({ rule: 'nope', subject: 'x', ids: ['x'] });
  });
});

describe.each([...RULE_IDS])('%s texts', (id) => {
  const rule = RULES[id] as Rule;
  const en = rule.text.en;
  const ja = rule.text.ja;

  it('has the same keys and placeholders in en and ja, translated', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
      expect(ja[key], key).not.toBe(en[key]);
    }
  });

  it('uses only message keys it has', () => {
    const text = readFileSync(join(SRC, `${id}.ts`), 'utf8');
    for (const m of text.matchAll(/msg\(([^,)]*)/g)) {
      for (const k of m[1].matchAll(/'([a-z0-9.-]+)'/g)) expect(en[k[1]], k[1]).toBeDefined();
      // Template keys: `status.${x.status}`
      for (const k of m[1].matchAll(/`([a-z0-9.-]+)\.\$\{/g)) expect(Object.keys(en).some((x) => x.startsWith(`${k[1]}.`)), k[1]).toBe(true);
    }
  });
});

describe('shared rule words', () => {
  it('en and ja have the same rules.* keys, registered', () => {
    expect(Object.keys(jaRules).sort()).toEqual(Object.keys(enRules).sort());
    for (const k of Object.keys(enRules)) {
      expect(k.startsWith('rules.'), k).toBe(true);
      expect(placeholders(jaRules[k])).toEqual(placeholders(enRules[k]));
      expect(en[k]).toBe(enRules[k]);
      expect(ja[k]).toBe(jaRules[k]);
    }
  });
});
