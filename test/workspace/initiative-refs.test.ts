// An authored initiative may depend on another authored one or on one the roadmap generates
// (retire-x, connect-x, ...). Which ids the roadmap generates is the analysis' to say: the loader
// asks the RuleCatalog it is handed.
import { describe, expect, it } from 'vitest';
import { loadFromText } from '../../src/workspace/load.js';
import { RULE_CATALOG } from '../../src/analysis/rules/index.js';

const workspace = (dependsOn: string) => `version: 1
organization: { name: Acme, currency: EUR }
tools:
  - { id: hubspot, name: HubSpot, category: crm, hub: true }
  - { id: mailchimp, name: Mailchimp, category: email-marketing }
strategy:
  initiatives:
    - { id: clean-data, title: Clean the data, kind: process }
    - { id: switch, title: Switch e-mail, kind: consolidate, depends_on: [${dependsOn}] }
`;

const unresolved = (text: string, rules = RULE_CATALOG) =>
  loadFromText(text, 'w.yaml', { rules }).diagnostics.filter((d) => d.code === 'unresolved-reference').map((d) => d.message);

describe('depends_on', () => {
  it('an authored initiative and a generated one resolve', () => {
    expect(unresolved(workspace('clean-data, retire-mailchimp, connect-mailchimp, establish-hub'))).toEqual([]);
  });
  it('an id that is neither is an error, with a suggestion', () => {
    const d = loadFromText(workspace('clean-dta'), 'w.yaml', { rules: RULE_CATALOG }).diagnostics.filter((x) => x.code === 'unresolved-reference');
    expect(d).toHaveLength(1);
    expect(d[0].suggestion).toContain('clean-data');
    expect(unresolved(workspace('retyre-mailchimp'))).toHaveLength(1);
  });
  it('the catalog decides what the roadmap generates', () => {
    expect(unresolved(workspace('retire-mailchimp'), { ...RULE_CATALOG, isGeneratedInitiative: () => false })).toHaveLength(1);
  });
});
