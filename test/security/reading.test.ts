// A workspace from an untrusted pull request (issue #11, items 1, 5 and 7): links to secrets, a
// FIFO, a device, an endless /proc file and huge files are refused with one line naming the file;
// nothing of their content reaches the output, and nothing hangs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { makeRepo, type TempRepo } from '../git/repo.js';
import { loadFromText } from '../../src/workspace/load.js';
import { MAX_FILE_BYTES } from '../../src/workspace/files.js';

let dir: string;
const EXAMPLE = join(ROOT, 'examples', 'startup-no-hub.yaml');

function ws(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  cpSync(EXAMPLE, join(d, 'martech-audit.yaml'));
  return d;
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-untrusted-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'ghp_FAKE_SECRET_0123456789';

describe('links that leave the workspace are not followed', () => {
  it('a link to /proc/self/environ: no environment in the output, one line naming the link', () => {
    symlinkSync('/proc/self/environ', join(ws('environ'), 'env.yaml'));
    for (const args of [['validate', 'environ'], ['analyze', 'environ', '--format', 'github']]) {
      const r = cli(args, dir, { FAKE_CI_SECRET: SECRET });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stderr).toBe(
        'martech-audit: "environ/env.yaml" is a symbolic link that leads outside the workspace: links outside the workspace are not followed\n'
        + '  copy the file into the workspace folder, or link to a file inside it\n',
      );
    }
  });

  it('a link to /etc/passwd, a linked folder outside, and a manifest linked outside', () => {
    symlinkSync('/etc/passwd', join(ws('passwd'), 'users.yaml'));
    const r = cli(['validate', 'passwd'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('root:');
    expect(r.stderr).toContain('"passwd/users.yaml" is a symbolic link that leads outside the workspace');

    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'tools.yaml'), 'tools: []\n');
    symlinkSync(join(dir, 'elsewhere'), join(ws('dirlink'), 'team'));
    expect(cli(['validate', 'dirlink'], dir).stderr).toContain('"dirlink/team" is a symbolic link that leads outside the workspace');

    mkdirSync(join(dir, 'manifestlink'));
    symlinkSync('/etc/passwd', join(dir, 'manifestlink', 'martech-audit.yaml'));
    for (const target of ['manifestlink', 'manifestlink/martech-audit.yaml']) {
      const m = cli(['validate', target], dir);
      expect(m.code).toBe(2);
      expect(m.stderr).toContain('"manifestlink/martech-audit.yaml" is a symbolic link that leads outside the workspace');
      expect(m.stderr).not.toContain('root:');
    }
  });

  it('a /proc file named directly is refused', () => {
    const r = cli(['validate', '/proc/self/environ'], dir, { FAKE_CI_SECRET: SECRET });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).toContain('is a device or system file, not a workspace file');
  });
});

describe('only regular files, and not too large', () => {
  it('a FIFO manifest does not block: refused at once', () => {
    mkdirSync(join(dir, 'fifo'));
    execFileSync('mkfifo', [join(dir, 'fifo', 'martech-audit.yaml')]);
    const r = cli(['validate', 'fifo'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'martech-audit: "fifo/martech-audit.yaml" is a named pipe (FIFO), not a file: only regular files are read\n'
      + '  replace it with an ordinary YAML file, or remove it from the workspace\n',
    );
    // A FIFO among the other files too.
    execFileSync('mkfifo', [join(ws('fifo2'), 'tools.yaml')]);
    expect(cli(['validate', 'fifo2'], dir).stderr).toContain('"fifo2/tools.yaml" is a named pipe (FIFO)');
  });

  it('a manifest linked to /dev/zero does not grow without end', () => {
    mkdirSync(join(dir, 'zero'));
    symlinkSync('/dev/zero', join(dir, 'zero', 'martech-audit.yaml'));
    const r = cli(['validate', 'zero'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"zero/martech-audit.yaml" is a symbolic link that leads outside the workspace');
  });

  it('a file over the cap is one clear error, checked before reading it', () => {
    const d = ws('huge');
    writeFileSync(join(d, 'tools.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    const r = cli(['validate', 'huge'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'martech-audit: "huge/tools.yaml" is larger than 20 MB, the most a workspace file may hold\n'
      + '  split the inventory into several files (tools/*.yaml, ...): each is read on its own\n',
    );
  });

  it('a large comment-only file is "empty", not a stack overflow', () => {
    // ~10 million lines: the regular expression used before overflowed the stack.
    const res = loadFromText('#\n'.repeat(10_000_000));
    expect(res.diagnostics.map((d) => d.code)).toEqual(['empty-file']);
    const d = join(dir, 'comments');
    mkdirSync(d);
    writeFileSync(join(d, 'martech-audit.yaml'), '# note\n'.repeat(2_000_000));
    const r = cli(['validate', 'comments'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('the workspace file is empty');
  });
});

describe('excerpts are short and clean', () => {
  it('a long line is cut around the column; control characters are shown escaped', () => {
    const d = join(dir, 'long');
    mkdirSync(d);
    writeFileSync(join(d, 'martech-audit.yaml'), `version: 1\norganization: { name: "A\\e]0;t\\a" }\nbogus: ${'y'.repeat(5000)}\u001b[2J\n`);
    const r = cli(['validate', 'long'], dir);
    expect(r.code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout + r.stderr).toContain('…');
    for (const line of (r.stdout + r.stderr).split('\n')) expect(line.length).toBeLessThan(400);
  });
});

describe('diff: files read from git objects', () => {
  // A pull request's commits, read without a checkout: the same rules as on disk.
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    repo.copy(EXAMPLE, 'audit/martech-audit.yaml');
    repo.commit('audit');
  });
  afterAll(() => repo.cleanup());

  it('a symbolic link committed to /proc/self/environ is not followed: nothing of the environment is printed', () => {
    symlinkSync('/proc/self/environ', join(repo.dir, 'audit', 'env.yaml'));
    repo.commit('a link');
    for (const args of [['diff', 'HEAD~1', 'HEAD:audit'], ['diff', 'HEAD~1', 'HEAD:audit', '--format', 'markdown']]) {
      const r = cli(args, repo.dir, { FAKE_CI_SECRET: SECRET });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    repo.rm('audit/env.yaml');
    repo.commit('no link');
  });

  it('a blob over the cap (small in git: it is compressed) is refused from its recorded size, before it is read', () => {
    // 24 MB of comment lines: a few kilobytes once compressed in the repository.
    repo.write('audit/tools.yaml', '# x\n'.repeat(6_000_000));
    repo.commit('huge');
    const message = /"[0-9a-f]{7}:audit\/tools\.yaml" is larger than 20 MB, the most a workspace file may hold/;
    const r = cli(['diff', 'HEAD~1', 'HEAD:audit'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(cli(['diff', 'HEAD:audit/tools.yaml', 'HEAD~1:audit/martech-audit.yaml'], repo.dir).stderr).toMatch(message);
  });
});
