// diff's messages about revisions (issue #11, item 13): the hint is safe to paste (the revision
// quoted, never read as an option), and a path above the repository says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { GIT_ENV, makeRepo, type TempRepo } from '../git/repo.js';
import { shellQuote } from '../../src/git/sides.js';

let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo();
  repo.copy(join(ROOT, 'examples', 'northwind-b2b'), 'audit');
  repo.commit('audit');
});
afterAll(() => repo.cleanup());

describe('diff: revisions in messages', () => {
  it('an unknown revision that looks like an option: the hint quotes it and ends the options', () => {
    const r = cli(['diff', 'foo --output=x', 'audit'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`git log --oneline -5 --end-of-options 'foo --output=x' --`");
    // Pasting the hint is harmless: git writes no file.
    const cmd = /`(git log [^`]*)`/.exec(r.stderr)![1];
    try {
      execFileSync('sh', ['-c', cmd], { cwd: repo.dir, env: GIT_ENV, stdio: 'ignore' });
    } catch {
      // git fails: there is no such revision
    }
    expect(existsSync(join(repo.dir, 'x'))).toBe(false);
  });

  it('REV:../path at the top of the repository is outside it', () => {
    const r = cli(['diff', 'HEAD:../audit', 'audit'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('martech-audit: "HEAD:../audit" points outside the repository\n');
    const s = cli(['diff', 'HEAD:../../x', '.'], join(repo.dir, 'audit'));
    expect(s.stderr).toBe('martech-audit: "HEAD:../../x" points outside the repository\n');
    // Inside is fine.
    expect(cli(['diff', 'HEAD:../audit', '.'], join(repo.dir, 'audit')).code).toBe(0);
  });

  it('shellQuote', () => {
    expect(shellQuote('origin/main~2')).toBe('origin/main~2');
    expect(shellQuote('-x')).toBe("'-x'");
    expect(shellQuote("it's $(x)")).toBe("'it'\\''s $(x)'");
  });
});
