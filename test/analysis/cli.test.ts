// `analyze`, `explain` and `schema --analysis` end to end through the built CLI: exit codes,
// options, colour, --out, and errors that are one clear line.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBuild } from '../requirements.js';
import { RULE_IDS } from '../../src/analysis/rules/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'martech-audit.js');
const CLEAN_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR|COLUMNS)$/.test(k))),
  TZ: 'UTC',
};
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...CLEAN_ENV, ...env } });
const NW = 'examples/northwind-b2b';
const tmp = mkdtempSync(join(tmpdir(), 'ma-analyze-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('analyze', () => {
  beforeAll(requireBuild);
  it('exits 1 when a finding reaches settings.fail_on (high), 0 with --fail-on none or critical', () => {
    const r = cli(['analyze', NW, '--start', '2027-01']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/4 findings at or above "high"/);
    expect(cli(['analyze', NW, '--fail-on', 'none']).status).toBe(0);
    expect(cli(['analyze', NW, '--fail-on', 'critical']).status).toBe(0);
    expect(cli(['analyze', 'examples/startup-no-hub.yaml', '--fail-on', 'critical']).status).toBe(1);
  });

  it('--step shows one step', () => {
    const r = cli(['analyze', NW, '--step', '4', '--fail-on', 'none']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('4. Assessment')).toBe(true);
    expect(r.stdout).not.toContain('5. Roadmap');
    expect(r.stdout).not.toContain('Martech audit:');
  });

  it('bad options are exit 2 with one clear line', () => {
    for (const args of [['--step', '9'], ['--format', 'xml'], ['--fail-on', 'severe'], ['--start', '2027-13'], ['--step', '2', '--format', 'json']]) {
      const r = cli(['analyze', NW, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^martech-audit: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli(['analyze', 'no/such/folder']).status).toBe(2);
  });

  it('no colour when piped or with --no-color/NO_COLOR; FORCE_COLOR turns it on', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts an ANSI colour sequence
    const ansi = /\u001b\[/;
    expect(cli(['analyze', NW, '--fail-on', 'none']).stdout).not.toMatch(ansi);
    expect(cli(['analyze', NW, '--fail-on', 'none'], { NO_COLOR: '1' }).stdout).not.toMatch(ansi);
    expect(cli(['analyze', NW, '--fail-on', 'none'], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
    expect(cli(['analyze', NW, '--fail-on', 'none', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ansi);
  });

  it('--out writes the report to a file (and nothing half-written next to it)', () => {
    const file = join(tmp, 'out', 'audit.json');
    const r = cli(['analyze', NW, '--format', 'json', '--out', file, '--fail-on', 'none', '--start', '2027-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).roadmap.start).toBe('2027-01');
    expect(readdirSync(dirname(file))).toEqual(['audit.json']);
  });

  it('json findings are sorted by severity, rule and id', () => {
    const doc = JSON.parse(cli(['analyze', NW, '--format', 'json', '--fail-on', 'none']).stdout);
    const rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as Record<string, number>;
    const keys = doc.findings.map((f: any) => [-rank[f.severity], f.rule, f.id]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it('schema --analysis prints the JSON Schema of the document', () => {
    const r = cli(['schema', '--analysis']);
    const schema = JSON.parse(r.stdout);
    expect(schema.$id).toMatch(/analysis-v1/);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'workspace', 'summary', 'assessment', 'findings', 'roadmap']));
  });
});

describe('explain', () => {
  beforeAll(requireBuild);
  it('lists every rule with its default severity', () => {
    const r = cli(['explain']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no-customer-hub\s+│ critical/);
    expect(r.stdout).toMatch(/no-source-of-truth\s+│ low/);
    expect(r.stdout.match(/^│ [a-z-]+ +│/gm)?.length).toBe(RULE_IDS.length);
  });

  it('explains one rule: what, why, how, and an example that triggers it', () => {
    const r = cli(['explain', 'data-silo']);
    expect(r.status).toBe(0);
    for (const h of ['What it checks', 'Why it matters', 'How to fix it', 'Example that triggers it']) expect(r.stdout).toContain(h);
    expect(r.stdout).toContain('version: 1');
  });

  it('an unknown rule is exit 2 with a suggestion', () => {
    const r = cli(['explain', 'data-sillo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "data-silo"?');
  });

  it('speaks Japanese with --lang ja', () => {
    const r = cli(['explain', 'realtime-gap', '--lang', 'ja']);
    expect(r.stdout).toContain('なぜ問題か');
    expect(r.stdout).toContain('中（medium）');
  });
});
