// The loader's rule catalog derives from the rule modules (src/analysis/rules/index.ts); in the
// bundle it is a table the build computes from them (scripts/build.mjs), so that \`validate\` need
// not load the modules. Both must say what the modules say.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_INITIATIVES, RULE_CATALOG, RULE_SUBJECTS } from '../../src/analysis/rules/catalog.js';
import { RULES, RULE_IDS, isGeneratedInitiativeId } from '../../src/analysis/rules/index.js';
import { requireBuild } from '../requirements.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the loader rule catalog', () => {
  it('lists every rule, in registry order, with the subject kind of its module', () => {
    expect(RULE_CATALOG.ids).toEqual(RULE_IDS);
    expect(Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].meta.subject]))).toEqual(RULE_SUBJECTS);
    for (const id of RULE_IDS) expect(RULE_CATALOG.subjectOf(id)).toBe(RULES[id].meta.subject);
  });

  it('knows no other rule, not even an Object.prototype name', () => {
    for (const id of ['no-such-rule', 'toString', 'constructor', '__proto__', '']) expect(RULE_CATALOG.subjectOf(id)).toBeUndefined();
  });

  it('recognises the ids the roadmap generates: what the plans declare, whole or followed by -<subject>', () => {
    for (const id of ['retire-x', 'connect-a', 'connect-hubs-a-b', 'establish-hub', 'sync-consent', 'sync-consent-shop', 'measure-touchpoints']) {
      expect(RULE_CATALOG.isGeneratedInitiative(id), id).toBe(true);
    }
    for (const id of ['my-plan', 'retired', 'connection-x', 'feeding', '']) expect(RULE_CATALOG.isGeneratedInitiative(id), id).toBe(false);
    for (const id of GENERATED_INITIATIVES) expect(isGeneratedInitiativeId(`${id}-x`)).toBe(true);
    for (const r of RULE_IDS) for (const id of RULES[r].plan?.initiatives ?? []) expect(GENERATED_INITIATIVES).toContain(id);
  });

  describe('in the built CLI (the table the build made from the modules)', () => {
    beforeAll(requireBuild);
    it('accepts every rule in settings.rules and a dependency on every generated initiative id; refuses others', () => {
      const dir = mkdtempSync(join(tmpdir(), 'martech-catalog-'));
      try {
        const initiatives = (deps: string[]) => deps.map((d, i) => `    - { id: mine-${i}, title: Mine ${i}, kind: process, depends_on: [${d}] }`).join('\n');
        const ws = (deps: string[], rules: string[]) => [
          'version: 1', 'organization: { name: Catalog Ltd, currency: EUR }',
          'tools:', '  - { id: crm, name: CRM, capabilities: [crm], hub: true }',
          'settings:', '  rules:', ...rules.map((r) => `    ${r}: low`),
          'strategy:', '  initiatives:', initiatives(deps), '',
        ].join('\n');
        const validate = (text: string) => {
          writeFileSync(join(dir, 'ws.yaml'), text);
          return spawnSync(process.execPath, [join(ROOT, 'bin', 'martech-audit.js'), 'validate', join(dir, 'ws.yaml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
        };
        const ok = validate(ws(GENERATED_INITIATIVES.map((id) => `${id}-x`), [...RULE_IDS]));
        expect(ok.status, ok.stdout + ok.stderr).toBe(0);
        const bad = validate(ws(['not-generated-x'], ['no-such-rule']));
        expect(bad.status).toBe(1);
        expect(bad.stdout + bad.stderr).toMatch(/not-generated-x/);
        expect(bad.stdout + bad.stderr).toMatch(/no-such-rule/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
