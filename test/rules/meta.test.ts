// Meta checks: every public rule id has a module, docs in every language, fixtures, and an
// example that triggers it; every rules.* message exists in en and ja with the same placeholders.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analysis/rule-ids.js';
import { RULES, runRules } from '../../src/analysis/rules/index.js';
import { computeFacts } from '../../src/analysis/facts.js';
import { en } from '../../src/i18n/en/index.js';
import { ja } from '../../src/i18n/ja/index.js';
import { rules as enRules } from '../../src/i18n/en/rules.js';
import { rules as jaRules } from '../../src/i18n/ja/rules.js';
import { setMessages } from '../../src/i18n/index.js';
import { FIXTURES, loadText } from './helpers.js';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'analysis', 'rules');
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

// Default severities from the rules.md table.
const SPEC_SEVERITY: Record<string, string> = {
  'no-customer-hub': 'critical', 'data-silo': 'high', 'isolated-cluster': 'high', 'trapped-data': 'medium',
  'disconnected-hubs': 'high', 'manual-integration': 'medium', 'realtime-gap': 'medium',
  'inconsistent-experience': 'high', 'capability-overlap': 'medium', 'redundant-tool': 'medium',
  'source-of-truth-conflict': 'high', 'no-source-of-truth': 'low', 'uncovered-touchpoint': 'medium',
  'empty-stage': 'medium', 'unmeasured-touchpoint': 'low', 'untapped-touchpoint': 'info', 'orphan-tool': 'low',
  'underused-license': 'low', 'retired-tool-in-use': 'medium',
};

afterAll(() => setMessages('en', en));

describe('rule registry', () => {
  it('implements exactly the public rule ids', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it.each([...RULE_IDS])('%s: module, severity, docs, fixtures, example', async (id) => {
    const rule = RULES[id];
    expect(rule.id).toBe(id);
    expect(existsSync(join(SRC, `${id}.ts`))).toBe(true);
    const mod = await import(`../../src/analysis/rules/${id}.ts`);
    expect(mod.rule).toBe(rule);
    expect(mod.example).toBe(rule.docs.example);
    expect(rule.defaultSeverity).toBe(SPEC_SEVERITY[id]);
    expect(existsSync(join(FIXTURES, id, 'trigger.yaml'))).toBe(true);
    expect(existsSync(join(FIXTURES, id, 'clean.yaml'))).toBe(true);

    for (const [lang, messages] of [['en', en], ['ja', ja]] as const) {
      setMessages(lang, messages);
      for (const field of ['title', 'summary', 'why', 'fix'] as const) {
        const text = rule.docs[field];
        expect(text, `${lang} ${field}`).not.toBe(`rules.${id}.${field}`);
        expect(text.trim().length, `${lang} ${field}`).toBeGreaterThan(1);
      }
    }
    setMessages('en', en);

    const ws = loadText(rule.docs.example);
    expect(ws.files.length).toBe(1);
    const got = runRules(ws, computeFacts(ws));
    expect(got.some((f) => f.rule === id), `example of ${id} triggers it`).toBe(true);
  });

  it('has a fixture folder only for known rules', () => {
    const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('rule messages', () => {
  it('en and ja have the same rules.* keys', () => {
    expect(Object.keys(jaRules).sort()).toEqual(Object.keys(enRules).sort());
    for (const k of Object.keys(enRules)) expect(k.startsWith('rules.'), k).toBe(true);
  });

  it.each(Object.keys(enRules))('%s has the same placeholders in en and ja', (key) => {
    expect(placeholders(jaRules[key] ?? '')).toEqual(placeholders(enRules[key]));
    expect(jaRules[key]).not.toBe(enRules[key]);
  });

  it('both catalogs are registered', () => {
    for (const k of Object.keys(enRules)) {
      expect(en[k]).toBe(enRules[k]);
      expect(ja[k]).toBe(jaRules[k]);
    }
  });

  it('every rules.* key used in the rule modules exists', () => {
    const used = new Set<string>();
    for (const f of readdirSync(SRC)) {
      const text = readFileSync(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/'(rules\.[a-z0-9.-]+)'/g)) used.add(m[1]);
      // Template keys: `rules.<id>.status.${x.status}` etc.
      for (const m of text.matchAll(/`(rules\.[a-z0-9.-]+)\.\$\{/g)) {
        expect(Object.keys(enRules).some((k) => k.startsWith(`${m[1]}.`)), m[1]).toBe(true);
      }
    }
    for (const k of used) expect(enRules[k], k).toBeDefined();
    for (const id of RULE_IDS) for (const f of ['title', 'summary', 'why', 'fix']) expect(enRules[`rules.${id}.${f}`]).toBeDefined();
  });
});
