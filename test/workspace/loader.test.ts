import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadFromSources, loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { initLang } from '../../src/i18n/index.js';
import type { Diagnostic } from '../../src/workspace/diagnostics.js';

const fx = (name: string) => join('test/fixtures/loader', name);

interface Expect { code: string; line: number; column: number; message: RegExp; suggestion?: RegExp; severity?: 'error' | 'warning' }

const cases: Record<string, Expect[]> = {
  'typo-in-id.yaml': [{ code: 'unresolved-reference', line: 12, column: 13, message: /no tool has the id "salesforce-crn"/, suggestion: /did you mean "salesforce-crm"/ }],
  'wrong-stage.yaml': [{ code: 'unresolved-reference', line: 6, column: 12, message: /no journey stage has the id "awarenes"/, suggestion: /did you mean "awareness"/ }],
  'duplicate-key.yaml': [{ code: 'duplicate-key', line: 7, column: 5, message: /the key "status" appears twice/, suggestion: /remove one/ }],
  'bad-enum.yaml': [{ code: 'invalid-value', line: 6, column: 13, message: /tool "mailchimp", field "status".*"actve" is not allowed; use one of active, pilot, retiring, retired/, suggestion: /did you mean "active"/ }],
  'wrong-type.yaml': [{ code: 'wrong-type', line: 6, column: 24, message: /field "seats.licensed" should be a number, found the text "lots"/ }],
  'unknown-key.yaml': [{ code: 'unknown-key', line: 6, column: 5, message: /unknown field "capabilites" in tool "mailchimp"/, suggestion: /did you mean "capabilities"/ }],
  'unknown-section.yaml': [{ code: 'unknown-key', line: 3, column: 1, message: /unknown section "tool"/, suggestion: /did you mean "tools"/ }],
  'duplicate-id.yaml': [{ code: 'duplicate-id', line: 6, column: 9, message: /the tool id "intercom" is defined twice \(also at test\/fixtures\/loader\/duplicate-id.yaml:4\)/ }],
  'missing-version.yaml': [{ code: 'missing-version', line: 1, column: 1, message: /does not say which format version/, suggestion: /version: 1/ }],
  'future-version.yaml': [{ code: 'unsupported-version', line: 1, column: 10, message: /this workspace is version 2; this tool reads 1/ }],
  'not-a-mapping.yaml': [{ code: 'not-a-mapping', line: 1, column: 1, message: /must be a mapping of sections/ }],
  'unknown-owner.yaml': [{ code: 'unknown-department', line: 8, column: 12, message: /"marketting" is not one of the departments/, suggestion: /did you mean "marketing"/ }],
  'bad-month.yaml': [{ code: 'invalid-month', line: 6, column: 14, message: /"2027\/03" is not a month/, suggestion: /YYYY-MM/ }],
  'integration-typo.yaml': [{ code: 'unresolved-reference', line: 12, column: 9, message: /no tool has the id "hubspott" \(integration target\)/, suggestion: /did you mean "hubspot"/ }],
  'bad-id.yaml': [{ code: 'invalid-id', line: 4, column: 9, message: /"Google Analytics" is not a valid id/, suggestion: /did you mean "google-analytics"/ }],
  'unknown-catalog.yaml': [{ code: 'unresolved-reference', line: 6, column: 14, message: /"google-analytics-5" is not in the built-in catalog/, suggestion: /did you mean "google-analytics-4"/ }],
  'japanese.yaml': [{ code: 'unresolved-reference', line: 15, column: 12, message: /no journey stage has the id "認知"/ }],
  'tab-indent.yaml': [{ code: 'yaml-syntax', line: 4, column: 1, message: /tab|indent|YAML/i }],
  'empty.yaml': [{ code: 'empty-file', line: 1, column: 1, message: /empty/ }],
  'latin1.yaml': [{ code: 'not-utf8', line: 3, column: 9, message: /not UTF-8/, suggestion: /UTF-8/ }],
  // QA: a choice of words (fail_on, a rule's severity or off) lists the words, like an enum.
  'qa/fail-on-word.yaml': [
    { code: 'invalid-value', line: 4, column: 12, message: /"huge" is not allowed; use one of info, low, medium, high, critical, none/, suggestion: /did you mean "high"/ },
    { code: 'invalid-value', line: 6, column: 16, message: /settings\.rules\.data-silo.*"extreme" is not allowed; use one of off, info, low, medium, high, critical/ },
    { code: 'invalid-value', line: 7, column: 30, message: /"hihg" is not allowed; use one of info, low, medium, high, critical, off/, suggestion: /did you mean "high"/ },
  ],
  // QA: `name: Webinar: launch` says to quote the value; an item indented one space off says
  // indentation (yaml calls it a missing character).
  'qa/colon-in-name.yaml': [{ code: 'yaml-syntax', line: 5, column: 11, message: /a value that contains ": " must be in quotes/, suggestion: /name: "Webinar: product launch"/ }],
  'qa/indent-off.yaml': [{ code: 'yaml-syntax', line: 6, column: 1, message: /indentation here does not line up/ }],
  // QA: a list used as a key printed a Node warning on stderr and an unknown key "[ data ]".
  'qa/collection-key.yaml': [{ code: 'yaml-syntax', line: 3, column: 3, message: /a key must be a plain word/ }],
};

describe('loader error classes', () => {
  for (const [file, expected] of Object.entries(cases)) {
    it(`${file}: reports ${expected.map((e) => e.code).join(', ')} with file, line and suggestion`, () => {
      const res = loadWorkspace(fx(file));
      expect(res.ok).toBe(false);
      expect(res.workspace).toBeUndefined();
      for (const e of expected) {
        const d = res.diagnostics.find((x: Diagnostic) => x.code === e.code && x.location.line === e.line);
        expect(d, `${e.code} at line ${e.line} in ${JSON.stringify(res.diagnostics, null, 1)}`).toBeDefined();
        expect(d!.severity).toBe(e.severity ?? 'error');
        expect(d!.location.file).toBe(`test/fixtures/loader/${file}`);
        expect(d!.location.column).toBe(e.column);
        expect(d!.message).toMatch(e.message);
        if (e.suggestion) expect(d!.suggestion ?? '').toMatch(e.suggestion);
      }
    });
  }

  it('collects every problem of a file in one run: schema errors and reference errors together', () => {
    const res = loadWorkspace('test/fixtures/loader/many-problems');
    const codes = res.diagnostics.map((d) => `${d.code}@${d.location.file.split('/').pop()}:${d.location.line}`);
    expect(codes).toEqual(expect.arrayContaining([
      'invalid-value@tools.yaml:6',
      'unresolved-reference@touchpoints.yaml:6',
      'unresolved-reference@touchpoints.yaml:7',
      'unknown-channel@touchpoints.yaml:5',
      'duplicate-id@touchpoints.yaml:8',
      'defined-twice@extra.yaml:1',
    ]));
    const dup = res.diagnostics.find((d) => d.code === 'duplicate-id')!;
    expect(dup.related?.[0].location).toMatchObject({ file: 'test/fixtures/loader/many-problems/touchpoints.yaml', line: 2 });
  });
});

describe('loader success paths', () => {
  it('warnings do not fail: an unknown channel is accepted with a suggestion', () => {
    const res = loadWorkspace('test/fixtures/loader/warnings-only.yaml');
    expect(res.ok).toBe(true);
    const w = res.diagnostics.find((d) => d.code === 'unknown-channel')!;
    expect(w.severity).toBe('warning');
    expect(w.suggestion).toMatch(/did you mean "email"/);
  });

  it('inherits category, capabilities and hub from the catalog; fields on the tool win', () => {
    const res = loadWorkspace('test/fixtures/loader/catalog-inherit.yaml');
    expect(res.ok).toBe(true);
    const sf = res.workspace!.index.toolById.get('sf')!;
    expect(sf.category).toBe('crm');
    expect(sf.capabilities).toEqual(expect.arrayContaining(['crm', 'sales-pipeline', 'forecasting-custom']));
    expect(sf.hub).toBe(true);
    expect(sf.vendor).toBe('Salesforce');
    const ga = res.workspace!.index.toolById.get('ga')!;
    expect(ga.category).toBe('analytics-custom');
    expect(ga.hub).toBe(false);
  });

  it('annualises monthly costs in integer minor units', () => {
    const res = loadWorkspace('test/fixtures/loader/catalog-inherit.yaml');
    const tools = res.workspace!.index.toolById;
    expect(tools.get('sf')!.annualCostMinor).toBe(42_000_00);
    expect(tools.get('ga')!.annualCostMinor).toBe(Math.round(99.99 * 100) * 12);
    expect(tools.get('hj')!.costUnknown).toBe(true);
    expect(tools.get('hj')!.annualCostMinor).toBeUndefined();
  });

  it('keeps YAML 1.2 strings: no/yes stay text and 2027-01 stays a month', () => {
    const res = loadWorkspace('test/fixtures/loader/yaml12.yaml');
    expect(res.ok).toBe(true);
    expect(res.workspace!.tools[0].name).toBe('no');
    expect(res.workspace!.tools[0].renewal).toBe('2027-01');
  });

  it('reads a directory workspace, skipping hidden folders, node_modules and the report folder', () => {
    const res = loadWorkspace('test/fixtures/loader/dir-workspace');
    expect(res.diagnostics).toEqual([]);
    expect(res.workspace!.files).toEqual([
      'test/fixtures/loader/dir-workspace/martech-audit.yaml',
      'test/fixtures/loader/dir-workspace/teams/sales.yaml',
      'test/fixtures/loader/dir-workspace/tools.yml',
    ]);
    expect(res.workspace!.tools.map((t) => t.id)).toEqual(['crm', 'mail']);
  });

  it('an unknown channel suggests the channel people mean by it (web → website, e-mail → email)', () => {
    const res = loadWorkspace(fx('qa/channel-alias.yaml'));
    expect(res.ok).toBe(true);
    const hints = res.diagnostics.filter((d) => d.code === 'unknown-channel').map((d) => d.suggestion);
    expect(hints).toEqual(['did you mean "website"?', 'did you mean "email"?']);
  });

  it('names an entity in the reader\'s language: ツール「kintone」, not ツール "kintone"', async () => {
    await initLang('ja');
    try {
      const res = loadWorkspace(fx('qa/entity-label.yaml'));
      expect(res.diagnostics[0].message).toContain('ツール「kintone」の項目「status」');
    } finally {
      await initLang('en');
    }
  });

  it('a workspace without organization: the hint names this file, or martech-audit.yaml in a folder', () => {
    // QA: `validate empty.yaml` (just `version: 1`) said to add it "to martech-audit.yaml".
    const one = loadFromText('version: 1\n', 'empty.yaml').diagnostics.find((d) => d.code === 'no-organization');
    expect(one?.suggestion).toMatch(/to this file$/);
    const bytes = new TextEncoder().encode('version: 1\n');
    const dir = loadFromSources({ path: 'ws', kind: 'directory', root: 'ws', files: [{ path: 'ws/martech-audit.yaml', bytes, manifest: true }] }, { display: (f) => f.path });
    expect(dir.diagnostics.find((d) => d.code === 'no-organization')?.suggestion).toMatch(/to martech-audit\.yaml$/);
  });

  it('the default hub is every active crm/CDP tool when no tool says hub', () => {
    const res = loadWorkspace('test/fixtures/loader/dir-workspace');
    expect(res.workspace!.index.hubs.map((t) => t.id)).toEqual(['crm']);
  });
});
