// `martech-audit diff` end to end: the built CLI in real temporary repositories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGRATIONS, MANIFEST, TOOLS, TOUCHPOINTS, makeRepo, type TempRepo } from '../git/repo.js';
import { ANSI, cli } from '../git/cli.js';

let repo: TempRepo;

beforeAll(() => {
  repo = makeRepo();
  repo.write('audit/martech-audit.yaml', MANIFEST);
  repo.write('audit/tools.yaml', TOOLS);
  repo.write('audit/touchpoints.yaml', TOUCHPOINTS);
  repo.commit('first audit');
  repo.write('audit/integrations.yaml', INTEGRATIONS);
  repo.commit('connect the newsletter to the CRM');
});

afterAll(() => repo?.cleanup());

const noStack = (s: string): void => expect(s).not.toMatch(/\n\s+at /);

describe('diff (CLI)', () => {
  it('compares a revision with the working tree: text, no colour, no prompt under CI', () => {
    const r = cli(['diff', 'HEAD~1'], repo.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Audit diff: HEAD~1 \([0-9a-f]{7}, audit\) → working tree \(audit\)/);
    expect(r.stdout).toContain('+ Newsletter Tool → Acme CRM (newsletter+crm)');
    expect(r.stdout).toContain('- high     data-silo:newsletter');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('--format json and markdown (to a file), from a sub-folder with REV:./path', () => {
    const j = cli(['diff', 'HEAD~1:./', '.', '--format', 'json'], join(repo.dir, 'audit'));
    expect(j.code).toBe(0);
    const d = JSON.parse(j.stdout);
    expect(d.integrations.added.map((i: any) => i.id)).toEqual(['newsletter+crm']);
    expect(d.old.label).toBe('HEAD~1:./');
    const m = cli(['diff', '--since', 'HEAD~1', '--format', 'markdown', '--out', 'comment.md'], repo.dir);
    expect(m.code).toBe(0);
    expect(m.stdout).toBe('');
    expect(m.stderr).toContain('Wrote comment.md');
    const md = readFileSync(join(repo.dir, 'comment.md'), 'utf8');
    expect(md).toMatch(/^<!-- martech-audit:diff -->\n### Martech audit: /);
    expect(md).toContain('<details>');
  });

  it('--fail-on: exit 1 when the change introduces a finding at or above the threshold', () => {
    expect(cli(['diff', 'HEAD', 'HEAD~1', '--fail-on', 'high'], repo.dir).code).toBe(1);
    expect(cli(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'high'], repo.dir).code).toBe(0);
  });

  it('a revision that does not exist: exit 2, one clear line, no stack trace', () => {
    const r = cli(['diff', 'no-such-branch', 'HEAD'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('martech-audit: unknown revision "no-such-branch"');
    expect(r.stderr).toContain('fetch-depth: 0');
    noStack(r.stderr);
    const s = cli(['diff', '--since', 'origin/main'], repo.dir);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('unknown revision "origin/main"');
    const p = cli(['diff', 'HEAD:nowhere/', 'HEAD'], repo.dir);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('"nowhere" does not exist in HEAD');
    expect(p.stderr).toContain('HEAD:audit');
  });

  it('bad usage is exit 2', () => {
    expect(cli(['diff'], repo.dir).code).toBe(2);
    expect(cli(['diff', 'HEAD', '--format', 'yaml'], repo.dir).code).toBe(2);
    expect(cli(['diff', 'a', 'b', '--since', 'HEAD'], repo.dir).code).toBe(2);
  });

  it('a workspace moved between folders and renamed files still compare', () => {
    const r2 = makeRepo();
    try {
      r2.write('audit/martech-audit.yaml', MANIFEST);
      r2.write('audit/tools.yaml', TOOLS);
      r2.write('audit/touchpoints.yaml', TOUCHPOINTS);
      r2.commit('first');
      mkdirSync(join(r2.dir, 'teams'));
      r2.git('mv', 'audit', 'teams/martech');
      r2.git('mv', 'teams/martech/tools.yaml', 'teams/martech/inventory.yaml');
      r2.commit('move');
      const r = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], r2.dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const d = JSON.parse(r.stdout);
      expect(d.unchanged).toBe(true);
      expect([d.old.path, d.new.path]).toEqual(['audit', 'teams/martech']);
      expect(cli(['diff', '--since', 'HEAD~1', 'teams/martech'], r2.dir).stdout).toContain('No change');
    } finally {
      r2.cleanup();
    }
  });

  it('an invalid workspace at a revision: its errors, then exit 1', () => {
    const r3 = makeRepo();
    try {
      r3.write('audit/martech-audit.yaml', MANIFEST);
      r3.write('audit/tools.yaml', 'tools:\n  - id: crm\n    nmae: CRM\n');
      r3.commit('broken');
      r3.write('audit/tools.yaml', TOOLS);
      const r = cli(['diff', 'HEAD'], r3.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('audit/tools.yaml:3:5');
      expect(r.stderr).toContain('the workspace at HEAD is invalid');
      noStack(r.stderr);
    } finally {
      r3.cleanup();
    }
  });
});
