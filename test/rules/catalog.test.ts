// The loader's rule catalog (src/analysis/rules/catalog.ts) is a table of its own so that
// `validate` need not load the rule modules: it must say what the modules say.
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG, RULE_SUBJECTS } from '../../src/analysis/rules/catalog.js';
import { RULES, RULE_IDS } from '../../src/analysis/rules/index.js';
import { isGeneratedInitiativeId } from '../../src/analysis/roadmap/ids.js';

describe('the loader rule catalog', () => {
  it('lists every rule, in registry order, with the subject kind of its module', () => {
    expect(RULE_CATALOG.ids).toEqual(RULE_IDS);
    expect(Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].meta.subject]))).toEqual(RULE_SUBJECTS);
    for (const id of RULE_IDS) expect(RULE_CATALOG.subjectOf(id)).toBe(RULES[id].meta.subject);
  });

  it('knows no other rule, not even an Object.prototype name', () => {
    for (const id of ['no-such-rule', 'toString', 'constructor', '__proto__', '']) expect(RULE_CATALOG.subjectOf(id)).toBeUndefined();
  });

  it('recognises the ids the roadmap generates', () => {
    for (const id of ['retire-x', 'connect-a', 'establish-hub', 'my-plan']) expect(RULE_CATALOG.isGeneratedInitiative(id)).toBe(isGeneratedInitiativeId(id));
  });
});
