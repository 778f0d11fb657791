// Reading workspaces at git revisions: real repositories, nothing checked out.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSides } from '../../src/git/sides.js';
import { loadFromSources } from '../../src/workspace/load.js';
import { UsageError } from '../../src/util/errors.js';
import { INTEGRATIONS, MANIFEST, TOOLS, TOUCHPOINTS, makeRepo, type TempRepo } from './repo.js';
import { activeTranslator } from '../../src/i18n/index.js';

let repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

function repoWithAudit(dir = 'audit'): TempRepo {
  const r = makeRepo();
  repos.push(r);
  r.write(`${dir}/martech-audit.yaml`, MANIFEST);
  r.write(`${dir}/tools.yaml`, TOOLS);
  r.write(`${dir}/touchpoints.yaml`, TOUCHPOINTS);
  r.commit('first audit');
  return r;
}

function load(side: ReturnType<typeof resolveSides>['old']) {
  const res = loadFromSources(side.sources);
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return res.workspace!;
}

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveSides', () => {
  it('reads an older revision without touching the working tree', () => {
    const r = repoWithAudit();
    r.write('audit/integrations.yaml', INTEGRATIONS);
    r.commit('connect newsletter');
    r.write('audit/tools.yaml', TOOLS.replace('status: active\n    cost: { amount: 100', 'status: retiring\n    cost: { amount: 100'));
    const statusBefore = r.git('status', '--porcelain');
    const { old, new: neu } = resolveSides({ tr: activeTranslator(), old: 'HEAD~1', cwd: r.dir });
    expect(old.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(old.repoPath).toBe('audit');
    expect(neu.worktree).toBe(true);
    expect(neu.repoPath).toBe('audit');
    expect(load(old).integrations).toHaveLength(0);
    const w = load(neu);
    expect(w.integrations).toHaveLength(1);
    expect(w.index.toolById.get('newsletter')!.status).toBe('retiring');
    expect(r.git('status', '--porcelain')).toBe(statusBefore);
  });

  it('takes REV:path (from the top) and REV:./path (from the current folder)', () => {
    const r = repoWithAudit('teams/emea/audit');
    const a = resolveSides({ tr: activeTranslator(), old: 'HEAD:teams/emea/audit/', new: 'main:teams/emea/audit', cwd: r.dir });
    expect(a.old.repoPath).toBe('teams/emea/audit');
    expect(a.old.label).toBe('HEAD:teams/emea/audit/');
    expect(load(a.new).tools).toHaveLength(2);
    const b = resolveSides({ tr: activeTranslator(), old: 'HEAD:./audit', new: 'audit', cwd: join(r.dir, 'teams/emea') });
    expect(b.old.repoPath).toBe('teams/emea/audit');
    expect(b.new.path).toBe('audit');
  });

  it('--since REF compares REF with the working tree', () => {
    const r = repoWithAudit();
    r.git('checkout', '-q', '-b', 'feature');
    r.write('audit/integrations.yaml', INTEGRATIONS);
    r.commit('on the branch');
    r.write('audit/more.yaml', 'touchpoints: []\n');
    const s = resolveSides({ tr: activeTranslator(), since: 'main', old: 'audit', cwd: r.dir });
    expect(s.old.rev).toBe('main');
    expect(s.old.commit).toBe(r.git('rev-parse', 'main').trim());
    expect(load(s.old).integrations).toHaveLength(0);
    expect(s.new.sources.files.map((f) => f.path.slice(r.dir.length + 1))).toContain('audit/more.yaml');
    // Without a folder: found from the current folder (the repository top has no manifest).
    const t = resolveSides({ tr: activeTranslator(), since: 'main', cwd: r.dir });
    expect(t.new.repoPath).toBe('audit');
    expect(t.old.repoPath).toBe('audit');
  });

  it('follows a workspace moved to another folder and a renamed file', () => {
    const r = repoWithAudit('audit');
    r.write('marketing/README.md', 'Marketing team\n');
    r.git('mv', 'audit', 'marketing/martech');
    r.git('mv', 'marketing/martech/tools.yaml', 'marketing/martech/inventory.yaml');
    r.commit('move the audit');
    const a = resolveSides({ tr: activeTranslator(), old: 'HEAD~1', new: 'HEAD', cwd: r.dir });
    expect(a.old.repoPath).toBe('audit');
    expect(a.new.repoPath).toBe('marketing/martech');
    expect(load(a.old).tools.map((t) => t.id)).toEqual(load(a.new).tools.map((t) => t.id));
    const b = resolveSides({ tr: activeTranslator(), since: 'HEAD~1', old: 'marketing/martech', cwd: r.dir });
    expect(b.old.repoPath).toBe('audit');
    const c = resolveSides({ tr: activeTranslator(), old: 'HEAD~1', cwd: join(r.dir, 'marketing/martech') });
    expect(c.old.repoPath).toBe('audit');
    expect(c.new.path).toBe('.');
  });

  it('skips hidden folders, node_modules and the report folder, like the disk loader', () => {
    const r = repoWithAudit();
    r.write('audit/reports/old.yaml', 'not: [valid');
    r.write('audit/.cache/x.yaml', 'not: [valid');
    r.write('audit/node_modules/x.yaml', 'not: [valid');
    r.write('audit/notes.txt', 'ignored');
    r.commit('noise');
    const s = resolveSides({ tr: activeTranslator(), old: 'HEAD', new: 'audit', cwd: r.dir });
    const names = (side: typeof s.old) => side.sources.files.map((f) => f.path.slice(r.dir.length + 1)).sort();
    expect(names(s.old)).toEqual(names(s.new));
    expect(names(s.old)).toEqual(['audit/martech-audit.yaml', 'audit/tools.yaml', 'audit/touchpoints.yaml']);
  });

  it('reads a single-file workspace at a revision', () => {
    const r = makeRepo();
    repos.push(r);
    r.write('stack.yaml', MANIFEST + TOOLS);
    r.commit('one file');
    const s = resolveSides({ tr: activeTranslator(), old: 'HEAD:stack.yaml', new: 'stack.yaml', cwd: r.dir });
    expect(s.old.sources.kind).toBe('file');
    expect(load(s.old).tools).toHaveLength(2);
    const u = resolveSides({ tr: activeTranslator(), old: 'HEAD', new: 'stack.yaml', cwd: r.dir });
    expect(u.old.sources.kind).toBe('file');
  });

  it('an unknown revision is a clear error', () => {
    const r = repoWithAudit();
    const e = usageError(() => resolveSides({ tr: activeTranslator(), old: 'no-such-branch', new: 'audit', cwd: r.dir }));
    expect(e.message).toContain('unknown revision "no-such-branch"');
    expect(e.hint).toContain('fetch-depth');
    const f = usageError(() => resolveSides({ tr: activeTranslator(), old: 'nope~3:audit', new: 'audit', cwd: r.dir }));
    expect(f.message).toContain('unknown revision "nope~3"');
    usageError(() => resolveSides({ tr: activeTranslator(), since: 'HEAD~5', cwd: r.dir }));
  });

  it('a path missing at a revision names the workspaces that exist there', () => {
    const r = repoWithAudit();
    const e = usageError(() => resolveSides({ tr: activeTranslator(), old: 'HEAD:elsewhere/', new: 'audit', cwd: r.dir }));
    expect(e.message).toContain('"elsewhere" does not exist in HEAD');
    expect(e.hint).toContain('HEAD:audit');
  });

  it('asks which workspace when a revision has several', () => {
    const r = repoWithAudit('a');
    r.write('b/martech-audit.yaml', MANIFEST.replace('Acme', 'Other'));
    r.commit('second workspace');
    const e = usageError(() => resolveSides({ tr: activeTranslator(), old: 'HEAD~1', new: 'HEAD', cwd: r.dir }));
    expect(e.message).toContain('several workspaces (a, b)');
    // Inside one of them, that one is meant.
    expect(resolveSides({ tr: activeTranslator(), old: 'HEAD~1', new: 'HEAD', cwd: join(r.dir, 'b') }).new.repoPath).toBe('b');
    // The other side names one: the same organization is picked after a move.
    r.git('mv', 'a', 'c');
    r.commit('move a');
    expect(resolveSides({ tr: activeTranslator(), old: 'HEAD~1', new: 'c', cwd: r.dir }).old.repoPath).toBe('a');
  });

  it('compares two folders outside any repository', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-nogit-')));
    for (const d of ['v1', 'v2']) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, 'martech-audit.yaml'), MANIFEST + TOOLS);
    }
    const s = resolveSides({ tr: activeTranslator(), old: 'v1', new: 'v2', cwd: dir });
    expect(s.old.worktree && s.new.worktree).toBe(true);
    expect(s.old.repoPath).toBeUndefined();
    const e = usageError(() => resolveSides({ tr: activeTranslator(), old: 'HEAD~1', new: 'v2', cwd: dir }));
    expect(e.message).toContain('not a git repository');
  });

  it('a revision outside a repository says so, not that the current folder is not a workspace', () => {
    // QA: `martech-audit diff HEAD~1` in a folder that is no repository reported '"." is not a
    // workspace', sending the user to `init` instead of to the repository.
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-nogit-')));
    try {
      for (const args of [{ old: 'HEAD~1' }, { old: 'nope' }, { since: 'origin/main' }]) {
        const e = usageError(() => resolveSides({ tr: activeTranslator(), ...args, cwd: dir }));
        expect(e.message, JSON.stringify(args)).toContain('not a git repository');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a typo in a branch name suggests the branch', () => {
    const r = repoWithAudit();
    r.git('branch', 'feature/crm');
    const e = usageError(() => resolveSides({ tr: activeTranslator(), old: 'mian', new: 'audit', cwd: r.dir }));
    expect(e.message).toContain('unknown revision "mian"');
    expect(e.hint).toContain('did you mean "main"?');
    expect(usageError(() => resolveSides({ tr: activeTranslator(), since: 'feature/cmr', cwd: r.dir })).hint).toContain('did you mean "feature/crm"?');
    // The ~N part is kept in the suggestion; nothing close, no suggestion.
    expect(usageError(() => resolveSides({ tr: activeTranslator(), old: 'mian~1', new: 'audit', cwd: r.dir })).hint).toContain('"main~1"');
    expect(usageError(() => resolveSides({ tr: activeTranslator(), old: 'zzzzzzzz', new: 'audit', cwd: r.dir })).hint).not.toContain('did you mean');
  });
});
