// The command line behaves the same way everywhere (issue #12): --fail-on none on every command
// that fails on findings, --step by number or name on analyze and interview, columns that line
// up, and English plurals instead of "(s)".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { en } from '../../src/i18n/en/index.js';
import { analyzeStep } from '../../src/cli/commands/analyze.js';
import { interviewStep } from '../../src/cli/commands/interview.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mta-consistency-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = join(ROOT, 'examples', 'northwind-b2b');

describe('--fail-on none', () => {
  it('report takes it (and its help says so), like analyze and diff', () => {
    const r = cli(['report', EXAMPLE, '--out', join(dir, 'r'), '--no-render', '--fail-on', 'none'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const strict = cli(['report', EXAMPLE, '--out', join(dir, 'r2'), '--no-render', '--fail-on', 'low'], ROOT);
    expect(strict.code).toBe(1);
    expect(cli(['report', '--help'], ROOT).stdout).toMatch(/--fail-on[\s\S]*none/);
    for (const cmd of ['analyze', 'diff']) expect(cli([cmd, '--help'], ROOT).stdout, cmd).toMatch(/--fail-on[\s\S]*none/);
  });
});

describe('--step by number or name', () => {
  it('analyze: 2 and tools (and inventory) are the same step', () => {
    expect([analyzeStep('1'), analyzeStep('tools'), analyzeStep('Inventory'), analyzeStep('roadmap'), analyzeStep('6'), analyzeStep('x')])
      .toEqual([1, 2, 2, 5, undefined, undefined]);
    const byNumber = cli(['analyze', EXAMPLE, '--step', '2', '--fail-on', 'none', '--start', '2027-01'], ROOT);
    const byName = cli(['analyze', EXAMPLE, '--step', 'tools', '--fail-on', 'none', '--start', '2027-01'], ROOT);
    expect(byNumber.code).toBe(0);
    expect(byName.stdout).toBe(byNumber.stdout);
    const bad = cli(['analyze', EXAMPLE, '--step', 'tool'], ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('1 touchpoints, 2 tools, 3 findings, 4 assessment, 5 roadmap');
  });

  it('interview: 4 and tools are the same step; a bad one lists both forms', () => {
    expect([interviewStep('4'), interviewStep('tools'), interviewStep('1'), interviewStep('6'), interviewStep('7'), interviewStep('x')])
      .toEqual(['tools', 'tools', 'organization', 'customer', 'analysis', undefined]);
    // Without a terminal the step is checked first: a good one gets as far as "needs a terminal".
    for (const step of ['4', 'tools']) {
      const r = cli(['interview', join(dir, 'iv'), '--step', step], ROOT);
      expect(r.code).toBe(2);
      expect(r.stderr, step).toContain('needs an interactive terminal');
    }
    const bad = cli(['interview', join(dir, 'iv'), '--step', '9'], ROOT);
    expect(bad.stderr).toContain('unknown step "9"; steps: 1 organization, 2 stages, 3 touchpoints, 4 tools, 5 integrations, 6 customer, 7 analysis');
  });
});

describe('tables line up', () => {
  for (const lang of ['en', 'ja']) {
    it(`init --list (${lang}): descriptions start in one column, within 80 columns`, () => {
      const r = cli(['init', '--list', '--lang', lang], ROOT);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      const starts = new Set(lines.map((l) => /^(\S+\s+|\s+)/.exec(l)![0].length));
      expect(starts).toEqual(new Set([10]));
      expect(lines.map((l) => l.split(/\s+/)[0]).filter(Boolean)).toEqual(['b2b-saas', 'blank', 'retail']);
    });
  }
});

describe('plurals', () => {
  it('no English message writes "(s)"', () => {
    expect(Object.entries(en).filter(([, v]) => v.includes('(s)')).map(([k]) => k)).toEqual([]);
  });

  it('every English message that counts something has a singular form, unless its count is never 1', () => {
    // "{count} tools", "{touchpoints} touchpoints": the number may be 1 ("1 tools", "(1 touchpoints,
    // 1 tools)" was on the quick interview's resume menu), so `key.one` must exist (tCount picks it).
    const neverOne: Record<string, string> = {
      'interview.analysis.top': 'shown only when there are more findings than the top ones',
      'assess.score.hubs.joined': 'two hubs or more',
      'assess.score.hubs.split': 'two hubs or more',
      'diagram.collapsed.tools-by-category': 'only many tools are grouped, into several boxes',
      'diagram.collapsed.tools-by-department': 'only many tools are grouped, into several boxes',
      'diagram.overlap.at-stake': 'an overlap is two tools or more',
      'diagram.overlap.tools': 'an overlap is two tools or more',
      'diagram.portfolio.collapsed': 'only when there are more tools than are placed',
      'yaml.alias-limit': 'a fixed limit of thousands',
      'diff.md.cut': 'a fixed limit of thousands of characters',
      'build.unknown-capability.many': 'the grouped warning of a value used twice or more (the single use has its own message)',
      'build.unknown-category.many': 'the grouped warning of a value used twice or more (the single use has its own message)',
      'build.unknown-channel.many': 'the grouped warning of a value used twice or more (the single use has its own message)',
      'scale.more': 'only a table of more than 100 rows is summarised, showing 100',
      // The report's audit.sarif says so only above its limit (GitHub's 5,000 results by default).
      'report.sarif-limited': 'said only when findings exceed the SARIF limit (5,000 by default)',
      // Programmes of a very large stack (roadmap/size.ts groupMany): a group has two members or more.
      ...Object.fromEntries(['retire-redundant-group', 'retire-finish-group', 'connect-group', 'replace-manual-group', 'stop-restricted-group',
        'realtime-group', 'freshen-group', 'feed-group'].map((k) => [`roadmap.title.${k}`, 'a programme joins two initiatives or more'])),
    };
    const verbs = new Set(['needs', 'asks', 'sends', 'writes', 'does', 'is', 'was', 'has', 'as', 'its', 'this', 'us']);
    const missing = Object.entries(en)
      .filter(([k]) => !/\.(one|other)$/.test(k) && !(`${k}.one` in en) && !(k in neverOne))
      .filter(([, v]) => [...v.matchAll(/\{\w+\} ([a-z-]+s)\b/g)].some((m) => !verbs.has(m[1]!)))
      .map(([k]) => k);
    expect(missing).toEqual([]);
    for (const k of Object.keys(neverOne)) expect(en, k).toHaveProperty([k]);
  });

  it('the library\'s own error messages have no "(s)" either', () => {
    const offenders = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.parentPath.includes(`${join('src', 'i18n')}`))
      .filter((f) => /\b(?:error|warning|tool|finding|file|touchpoint|integration|question|row|initiative|link)\(s\)/.test(readFileSync(join(f.parentPath, f.name), 'utf8')))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('one and several in proper English', () => {
    const one = cli(['analyze', join(ROOT, 'examples', 'startup-no-hub.yaml'), '--fail-on', 'critical'], ROOT);
    expect(`${one.stdout}${one.stderr}`).not.toContain('(s)');
  });
});
