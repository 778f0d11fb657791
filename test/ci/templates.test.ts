// The CI templates parse, call only commands and options that exist, and `init --ci` puts them
// where CI reads them (the repository root) pointing at the workspace folder.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { REPORTERS } from '../../src/cli/commands/analyze.js';
import { DIFF_FORMATS } from '../../src/cli/commands/diff.js';
import { setWorkspacePath } from '../../src/cli/commands/init-ci.js';
import { MANIFEST, makeRepo } from '../git/repo.js';
import { ANSI, ROOT, cli } from '../git/cli.js';

const GITHUB = join(ROOT, 'templates/ci/github/.github/workflows/martech-audit.yml');
const GITLAB = join(ROOT, 'templates/ci/gitlab/.gitlab-ci.yml');

/** Splits a shell command line into words (quotes removed; $VARS kept as words). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Every `martech-audit ...` invocation in a script text. */
function invocations(script: string): string[][] {
  const found: string[][] = [];
  for (const line of script.split('\n')) {
    const i = line.indexOf('martech-audit ');
    if (i < 0 || /^\s*#/.test(line) || /npm install|martech-audit@|martech-audit:|martech-audit-/.test(line.slice(i, i + 15))) continue;
    const w = words(line.slice(i));
    if (w[0] === 'martech-audit' && w[1] && /^[a-z]+$/.test(w[1])) found.push(w);
  }
  return found;
}

function longOptions(cmd: Command): Set<string> {
  const s = new Set<string>();
  let c: Command | null = cmd;
  while (c) {
    for (const o of c.options) {
      if (o.long) s.add(o.long);
      if (o.short) s.add(o.short);
    }
    c = c.parent;
  }
  return s;
}

function checkInvocations(scripts: string[]): number {
  const program = buildProgram();
  let n = 0;
  for (const script of scripts) {
    for (const w of invocations(script)) {
      n++;
      const cmd = program.commands.find((c) => c.name() === w[1]);
      expect(cmd, `command "${w[1]}" in: ${w.join(' ')}`).toBeDefined();
      const known = longOptions(cmd!);
      for (let i = 2; i < w.length; i++) {
        if (!w[i].startsWith('-')) continue;
        const name = w[i].split('=')[0];
        expect(known.has(name), `option ${name} of "${w[1]}" in: ${w.join(' ')}`).toBe(true);
        if (name === '--format') {
          const allowed = w[1] === 'diff' ? [...DIFF_FORMATS] : w[1] === 'analyze' ? Object.keys(REPORTERS) : ['text', 'json'];
          expect(allowed, `format in: ${w.join(' ')}`).toContain(w[i + 1]);
        }
      }
    }
  }
  return n;
}

describe('GitHub Actions workflow', () => {
  const text = readFileSync(GITHUB, 'utf8');
  const wf = parse(text, { prettyErrors: true });

  it('parses, and has the jobs, permissions and checkout depth diff needs', () => {
    expect(wf.name).toBe('martech-audit');
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const job = wf.jobs.audit;
    expect(job.permissions).toEqual(expect.objectContaining({ 'pull-requests': 'write', 'security-events': 'write' }));
    const uses = job.steps.filter((s: any) => s.uses).map((s: any) => s.uses);
    expect(uses).toEqual(expect.arrayContaining([
      'actions/checkout@v4', 'actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4', 'actions/github-script@v7',
    ]));
    expect(job.steps.find((s: any) => s.uses === 'actions/checkout@v4').with['fetch-depth']).toBe(0);
    expect(wf.env.MARTECH_AUDIT_PATH).toBe('audit');
    // The SARIF uploaded is the one `report` writes into its folder.
    const upload = job.steps.find((s: any) => s.uses === 'github/codeql-action/upload-sarif@v3');
    const report = job.steps.find((s: any) => /martech-audit report /.test(s.run ?? ''));
    expect(upload.with.sarif_file).toBe('martech-audit-report/audit.sarif');
    expect(report.run).toContain('--out martech-audit-report');
    // The comment step finds its own comment by the marker the markdown diff starts with.
    expect(text).toContain('<!-- martech-audit:diff -->');
    // Untrusted refs reach the shell through env, never through ${{ }} inside run:.
    for (const s of job.steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{\s*github\.(head_ref|base_ref|event)/);
  });

  it('runs only commands, options and formats that exist', () => {
    const runs = wf.jobs.audit.steps.filter((s: any) => s.run).map((s: any) => s.run as string);
    expect(checkInvocations(runs)).toBeGreaterThanOrEqual(5);
  });
});

describe('GitLab CI job', () => {
  const ci = parse(readFileSync(GITLAB, 'utf8'), { prettyErrors: true });

  it('parses, and reports code quality and JUnit', () => {
    const job = ci['martech-audit'];
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'martech-audit-junit.xml' });
    expect(job.artifacts.when).toBe('always');
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(ci.variables.MARTECH_AUDIT_PATH).toBe('audit');
  });

  it('runs only commands, options and formats that exist', () => {
    const job = ci['martech-audit'];
    expect(checkInvocations([...job.before_script, ...job.script])).toBeGreaterThanOrEqual(5);
  });
});

describe('init --ci', () => {
  it('writes the pipeline at the repository root, pointed at the workspace folder', () => {
    const r = makeRepo();
    try {
      r.write('README.md', '# repo\n');
      const a = cli(['init', 'marketing/audit', '--ci', 'github'], r.dir);
      expect(a.stderr).toBe('');
      expect(a.code).toBe(0);
      expect(a.stdout).not.toMatch(ANSI);
      expect(existsSync(join(r.dir, 'marketing/audit/martech-audit.yaml'))).toBe(true);
      const wf = readFileSync(join(r.dir, '.github/workflows/martech-audit.yml'), 'utf8');
      expect(parse(wf).env.MARTECH_AUDIT_PATH).toBe('marketing/audit');
      expect(existsSync(join(r.dir, 'marketing/audit/.github'))).toBe(false);
      // An existing workspace: only the CI files are added, from inside the workspace too.
      const b = cli(['init', '.', '--ci', 'gitlab'], join(r.dir, 'marketing/audit'));
      expect(b.code).toBe(0);
      expect(b.stdout).toContain('Added the gitlab CI pipeline');
      expect(parse(readFileSync(join(r.dir, '.gitlab-ci.yml'), 'utf8')).variables.MARTECH_AUDIT_PATH).toBe('marketing/audit');
      // Never overwrites without --force.
      const c = cli(['init', 'marketing/audit', '--ci', 'github'], r.dir);
      expect(c.code).toBe(2);
      expect(c.stderr).toContain('.github/workflows/martech-audit.yml');
      expect(cli(['init', 'marketing/audit', '--ci', 'github', '--force'], r.dir).code).toBe(0);
      expect(readFileSync(join(r.dir, 'marketing/audit/martech-audit.yaml'), 'utf8')).not.toBe(MANIFEST);
      const d = cli(['init', 'x', '--ci', 'jenkins'], r.dir);
      expect(d.code).toBe(2);
      expect(d.stderr).toContain('unknown CI provider "jenkins"');
    } finally {
      r.cleanup();
    }
  });

  it('sets the path value safely', () => {
    expect(setWorkspacePath('env:\n  MARTECH_AUDIT_PATH: audit\n', 'a b/c')).toBe('env:\n  MARTECH_AUDIT_PATH: "a b/c"\n');
    expect(setWorkspacePath('  MARTECH_AUDIT_PATH: audit   # x\n', '.')).toBe('  MARTECH_AUDIT_PATH: .   # x\n');
  });
});
