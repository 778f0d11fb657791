// One YAML slip gives one error, where it is, in plain words (issue #12: `data: [unclosed` in a
// tools file gave 15 errors, among them the yaml library's own "Block collections are not
// allowed within flow collections", and none said which bracket was left open).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOpenSlip } from '../../src/workspace/brackets.js';
import { loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { cli, ROOT } from '../git/cli.js';

describe('findOpenSlip', () => {
  const cases: [string, string, ReturnType<typeof findOpenSlip>][] = [
    ['an unclosed list before the next key', 'tools:\n  - id: a\n    data: [unclosed\n    notes: x\n  - id: b\n', { kind: 'unclosed', open: '[', line: 3, column: 11 }],
    ['a list over two lines is fine', 'tools:\n  - id: a\n    data: [a,\n      b]\n    notes: x\n', undefined],
    ['an unclosed quote', 'tools:\n  - id: a\n    name: "Acme\n    notes: x\n', { kind: 'unclosed', open: '"', line: 3, column: 11 }],
    ['an unclosed mapping before the next item', 'tools:\n  - id: a\n    cost: { amount: 3, period: year\n  - id: b\n', { kind: 'unclosed', open: '{', line: 3, column: 11 }],
    ['a closer of the other kind', 'tools:\n  - id: a\n    cost: { amount: 3, period: year]\n', { kind: 'mismatched', open: '{', line: 3, column: 11, found: { char: ']', line: 3, column: 36 } }],
    ['quotes, block text and brackets inside strings are not brackets', "tools:\n  - id: a\n    name: 'it''s [x'\n    notes: |\n      [ not a list\n    data: [x, \"y]\"]\n", undefined],
    ['an unclosed list at the end of the file', 'a: [b\n', { kind: 'unclosed', open: '[', line: 1, column: 4 }],
    ['brackets inside a plain value are text', 'tools:\n  - id: a\n    notes: see [1\n    name: x\n', undefined],
  ];
  for (const [what, text, expected] of cases) it(what, () => expect(findOpenSlip(text)).toEqual(expected));
});

const TOOLS = `version: 1
organization: { name: Acme }
tools:
  - id: mailchimp
    name: Mailchimp
    status: active
    data: [contact-profile, email-engagement]
    notes: Newsletter only.
  - id: hubspot
    name: HubSpot
    status: active
touchpoints:
  - id: newsletter
    name: Newsletter
    stage: awareness
    channel: email
    tools: [mailchimp]
`;

describe('a YAML slip in a workspace', () => {
  it('`data: [unclosed` gives one error at the bracket: "unclosed `[` opened at line 7"', () => {
    const res = loadFromText(TOOLS.replace('data: [contact-profile, email-engagement]', 'data: [unclosed'), 'audit.yaml');
    const errors = res.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'yaml-syntax', location: { file: 'audit.yaml', line: 7, column: 11 } });
    expect(errors[0]!.message).toBe('unclosed `[` opened at line 7: the list has no closing `]`');
    expect(errors[0]!.suggestion).toMatch(/close it with `\]`/);
  });

  it('an unclosed quote and a mismatched closer, in plain words', () => {
    const quote = loadFromText(TOOLS.replace('name: HubSpot', 'name: "HubSpot'), 'audit.yaml').diagnostics.filter((d) => d.severity === 'error');
    expect(quote).toHaveLength(1);
    expect(quote[0]).toMatchObject({ location: { line: 10, column: 11 }, message: expect.stringContaining('unclosed `"` opened at line 10') });
    const mixed = loadFromText(TOOLS.replace('data: [contact-profile, email-engagement]', 'data: [contact-profile, email-engagement}'), 'audit.yaml')
      .diagnostics.filter((d) => d.severity === 'error');
    expect(mixed).toHaveLength(1);
    expect(mixed[0]).toMatchObject({ location: { line: 7, column: 45 }, message: '`}` at line 7 does not close the `[` opened at line 7; close the list with `]`' });
  });

  it('never shows the yaml library\'s own text, and a broken file gives one syntax error', () => {
    const slips = [
      TOOLS.replace('data: [contact-profile, email-engagement]', 'data: [unclosed'),
      TOOLS.replace('    name: HubSpot\n', '    name: HubSpot\n   status: active\n'),
      TOOLS.replace('notes: Newsletter only.', 'notes: Newsletter: only.'),
      TOOLS.replace('  - id: hubspot', '  - id: hubspot\n\t  vendor: x'),
      TOOLS.replace('name: Mailchimp', 'name: "Mail\\qchimp"'),
      TOOLS.replace('tools: [mailchimp]', 'tools: [mailchimp\n    - x]'),
    ];
    for (const text of slips) {
      const errors = loadFromText(text, 'audit.yaml').diagnostics.filter((d) => d.code === 'yaml-syntax');
      expect(errors, text).toHaveLength(1);
      // The library's messages are sentences in its own words ("Block collections are not allowed…",
      // "Implicit keys need to be…"); ours never contain them.
      expect(errors[0]!.message, text).not.toMatch(/allowed within|Implicit|must be followed|Nested mappings|Missing closing|Invalid escape|collections? are/);
    }
  });

  it('in Japanese too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mta-syntax-'));
    try {
      writeFileSync(join(dir, 'audit.yaml'), TOOLS.replace('data: [contact-profile, email-engagement]', 'data: [unclosed'));
      const r = cli(['validate', 'audit.yaml', '--lang', 'ja'], dir);
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out).toContain('audit.yaml:7:11  エラー  7 行目で開いた `[` が閉じられていません');
      expect(out).toContain('リストの最後に `]` を付けてください');
      expect(out).toContain('エラー 1 件');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the example workspace with `data: [unclosed` in a tools file: one error, in that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mta-syntax-'));
    try {
      cpSync(join(ROOT, 'examples', 'northwind-b2b'), join(dir, 'audit'), { recursive: true });
      const file = join(dir, 'audit', 'tools', 'marketing.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('data: [contact-profile, email-engagement, consent]', 'data: [unclosed'));
      const res = loadWorkspace(join(dir, 'audit'));
      const errors = res.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.location.file.split('/').pop()}:${d.location.line}:${d.location.column}`)).toEqual(['marketing.yaml:9:11']);
      // No follow-on warning about tools of the broken file ("refers to mailchimp, which is not in the workspace").
      expect(res.diagnostics.filter((d) => d.message.includes('mailchimp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('did you mean, when the tool meant has an error of its own', () => {
  it('a typo\'d `salesforce-crn` still suggests `salesforce-crm`, whose `period: yr` is reported too', () => {
    const res = loadFromText(`version: 1
organization: { name: Typo Corp }
tools:
  - id: salesforce-crm
    name: Salesforce
    cost: { amount: 1000, period: yr }
touchpoints:
  - id: demo
    name: Demo call
    stage: consideration
    channel: phone
    tools: [salesforce-crn]
`, 'audit.yaml');
    const ref = res.diagnostics.find((d) => d.code === 'unresolved-reference');
    expect(ref).toMatchObject({ location: { line: 12, column: 13 }, suggestion: expect.stringContaining('did you mean "salesforce-crm"') });
    expect(res.diagnostics.find((d) => d.location.line === 6)).toBeDefined();
  });
});
