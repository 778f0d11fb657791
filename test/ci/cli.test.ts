// CI end to end with the built CLI: baselines, the github/junit/codeclimate formats, and every
// command under CI=true without a TTY (no colour, no prompt, an exit code, never a hang).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MANIFEST, TOOLS, TOUCHPOINTS, makeRepo, type TempRepo } from '../git/repo.js';
import { ANSI, cli } from '../git/cli.js';

let repo: TempRepo;

const CHAT_TOOL = `  - id: chat
    name: Chat Tool
    capabilities: [live-chat]
    owner: marketing
    status: active
    cost: 1200
    data: [contact-profile, conversations]
`;

beforeAll(() => {
  repo = makeRepo();
  repo.write('audit/martech-audit.yaml', `${MANIFEST}settings:\n  fail_on: high\n`);
  repo.write('audit/tools.yaml', TOOLS);
  repo.write('audit/touchpoints.yaml', TOUCHPOINTS);
  repo.commit('audit');
});

afterAll(() => repo?.cleanup());

describe('baseline flow', () => {
  it('adopt the gate on an existing stack, then fail only on new findings', () => {
    // Today the stack has a high finding: the gate fails.
    const before = cli(['analyze', 'audit', '--format', 'json'], repo.dir);
    expect(before.code).toBe(1);
    const ids = JSON.parse(before.stdout).findings.map((f: any) => f.id);
    expect(ids).toContain('data-silo:newsletter');

    // Record it. Writing the baseline accepts what it records, so this run passes.
    const write = cli(['analyze', 'audit', '--write-baseline', '.martech-audit-baseline.json', '--format', 'json'], repo.dir);
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('Wrote the baseline .martech-audit-baseline.json');
    const baseline = JSON.parse(readFileSync(join(repo.dir, '.martech-audit-baseline.json'), 'utf8'));
    expect(baseline.findings.map((f: any) => f.id)).toEqual([...ids].sort());

    // With the baseline, the same stack passes; the JSON says which findings are known.
    const ok = cli(['analyze', 'audit', '--baseline', '.martech-audit-baseline.json', '--format', 'json'], repo.dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).baseline).toEqual(expect.objectContaining({ new: [], fixed: [] }));
    expect(ok.stderr).toContain(`known findings, which do not fail the run: ${ids.length}; new: 0.`);

    // A new silo: only it counts.
    repo.write('audit/tools.yaml', TOOLS + CHAT_TOOL);
    const bad = cli(['analyze', 'audit', '--baseline', '.martech-audit-baseline.json'], repo.dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/; new: [1-9]\d*\./);
    expect(cli(['analyze', 'audit', '--baseline', '.martech-audit-baseline.json', '--fail-on', 'critical'], repo.dir).code).toBe(0);

    // GitHub annotations: the new finding is an error, the known ones notices.
    const gh = cli(['analyze', '.', '--format', 'github', '--baseline', '../.martech-audit-baseline.json', '--fail-on', 'none'],
      join(repo.dir, 'audit'), { GITHUB_WORKSPACE: repo.dir });
    expect(gh.code).toBe(0);
    expect(gh.stdout).toMatch(/^::error file=audit\/tools\.yaml,line=\d+,col=\d+,title=data-silo%3Achat \(high\)::/m);
    expect(gh.stdout).toMatch(/^::notice file=audit\/tools\.yaml,line=\d+,col=\d+,title=data-silo%3Anewsletter \(high\)::\(in the baseline\)/m);
    repo.write('audit/tools.yaml', TOOLS);

    // A missing baseline is a usage error.
    const missing = cli(['analyze', 'audit', '--baseline', 'nope.json'], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the baseline file "nope.json" does not exist');
  });
});

describe('CI formats through analyze', () => {
  it('junit and codeclimate: paths relative to the repository root, from any folder', () => {
    const j = cli(['analyze', '.', '--format', 'junit', '--fail-on', 'none'], join(repo.dir, 'audit'));
    expect(j.code).toBe(0);
    expect(j.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="martech-audit: Acme"/);
    expect(j.stdout).toContain('file="audit/tools.yaml"');
    const c = cli(['analyze', '.', '--format', 'codeclimate', '--out', 'gl-code-quality-report.json'], join(repo.dir, 'audit'), { CI_PROJECT_DIR: repo.dir });
    expect(c.code).toBe(1); // the gate still applies to the report formats
    const issues = JSON.parse(readFileSync(join(repo.dir, 'audit', 'gl-code-quality-report.json'), 'utf8'));
    expect(issues.find((i: any) => i.check_name === 'data-silo').location.path).toBe('audit/tools.yaml');
  });
});

describe('CI=true without a TTY', () => {
  it('no command colours its output, prompts, or hangs', () => {
    const runs: [string[], number[]][] = [
      [['--help'], [0]],
      [['validate', 'audit'], [0]],
      [['validate', 'audit', '--format', 'json'], [0]],
      [['analyze', 'audit', '--fail-on', 'none'], [0]],
      [['analyze', 'nowhere'], [2]],
      [['catalog', 'salesforce'], [0]],
      [['schema'], [0]],
      [['explain', 'data-silo'], [0]],
      [['diff', 'HEAD', 'audit'], [0]],
      [['report', 'audit', '--out', 'report-out', '--no-render'], [0]],
      [['init', 'fresh', '--template', 'b2b-saas'], [0]],
      [['init', 'fresh'], [2]],
      [['interview', 'fresh2'], [1, 2]],
    ];
    for (const [args, codes] of runs) {
      const r = cli(args, repo.dir);
      expect(codes, `martech-audit ${args.join(' ')} exited ${r.code}: ${r.stderr}`).toContain(r.code);
      expect(r.stdout, `stdout of ${args.join(' ')}`).not.toMatch(ANSI);
      expect(r.stderr, `stderr of ${args.join(' ')}`).not.toMatch(ANSI);
    }
    expect(existsSync(join(repo.dir, 'fresh2'))).toBe(false);
    // Valid YAML came out of init without anyone answering a question.
    expect(parseYaml(readFileSync(join(repo.dir, 'fresh', 'martech-audit.yaml'), 'utf8')).version).toBe(1);
  });

  it('FORCE_COLOR is the only way to get colour when piped', () => {
    const r = cli(['validate', 'audit'], repo.dir, { FORCE_COLOR: '1' });
    expect(r.stdout).toMatch(ANSI);
  });
});
