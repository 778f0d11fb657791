// A path that cannot be written or read is the user's to fix, not a bug: one line naming the path
// as typed, exit 2, no stack trace, nothing half-written left behind (QA as a new user).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { describeFsError, intendedPath, isFsError } from '../../src/util/fs-errors.js';
import { withFilePermissions } from '../requirements.js';

let dir: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-cli-errors-')));
  cpSync(join(ROOT, 'examples', 'startup-no-hub.yaml'), join(dir, 'ws.yaml'));
  mkdirSync(join(dir, 'v1'));
  mkdirSync(join(dir, 'v2'));
  for (const v of ['v1', 'v2']) cpSync(join(ROOT, 'examples', 'startup-no-hub.yaml'), join(dir, v, 'martech-audit.yaml'));
  writeFileSync(join(dir, 'afile'), 'not a folder\n');
  mkdirSync(join(dir, 'out-dir'));
});

afterAll(() => {
  try {
    chmodSync(join(dir, 'ro'), 0o755);
  } catch {
    // not created: that test failed before
  }
  rmSync(dir, { recursive: true, force: true });
});

function expectOneLine(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
}

describe('writing where a file is in the way', () => {
  const blocked = /^martech-audit: cannot write inside "afile": it is a file, not a folder\n$/;

  it('analyze --out, schema --out, diff --out, init and report --out under a file', () => {
    expectOneLine(cli(['analyze', 'ws.yaml', '--format', 'json', '--out', 'afile/x.json'], dir), blocked);
    expectOneLine(cli(['schema', '--out', 'afile/schema.json'], dir), blocked);
    expectOneLine(cli(['diff', 'v1', 'v2', '--out', 'afile/d.md'], dir), blocked);
    expectOneLine(cli(['init', 'afile/ws'], dir), blocked);
    expectOneLine(cli(['init', 'afile'], dir), blocked);
    expectOneLine(cli(['report', 'ws.yaml', '--out', 'afile/report', '--no-render'], dir), /cannot write inside "afile"/);
  });

  it('a folder where the output file should be; no temporary file is left', () => {
    expectOneLine(cli(['schema', '--out', 'out-dir'], dir), /^martech-audit: cannot write "out-dir": it is a folder, not a file\n$/);
    expectOneLine(cli(['analyze', 'ws.yaml', '--format', 'json', '--out', 'out-dir'], dir), /cannot write "out-dir": it is a folder/);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('in Japanese', () => {
    expectOneLine(cli(['schema', '--out', 'afile/s.json', '--lang', 'ja'], dir), /「afile」の中には書き込めません: フォルダーではなくファイルです/);
  });

  it('a folder without write permission (as root too: run without root\'s override of file modes)', () => {
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const user = withFilePermissions();
    expectOneLine(cli(['analyze', 'ws.yaml', '--format', 'json', '--out', 'ro/x.json'], dir, {}, user), /cannot write "ro\/x.json": permission denied/);
    expectOneLine(cli(['init', 'ro/ws'], dir, {}, user), /cannot write "ro\/ws": permission denied/);
  });
});

describe('reading', () => {
  it('names an unreadable workspace file relative to the current folder', () => {
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'links', 'martech-audit.yaml'), 'version: 1\norganization: { name: X }\n');
    symlinkSync(join(dir, 'links', 'gone.yaml'), join(dir, 'links', 'tools.yaml'));
    expectOneLine(cli(['validate', 'links'], dir), /^martech-audit: cannot read "links\/tools.yaml" \(no such file or folder\)\n$/);
  });
});

describe('file-system errors in words', () => {
  it('maps temporary names back to what is being written', () => {
    expect(intendedPath(join(dir, 'out', '.report.md.123.1795692711742.tmp'))).toBe(join(dir, 'out', 'report.md'));
    expect(intendedPath(join(dir, '.audit-report.tmp-123-0e0aa9', 'diagrams'))).toBe(join(dir, 'audit-report'));
    expect(intendedPath(join(dir, 'schema.json.tmp-42'))).toBe(join(dir, 'schema.json'));
  });

  it('recognises Node system errors only', () => {
    const err = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open', path: join(dir, '.x.json.1.2.tmp') });
    expect(isFsError(err)).toBe(true);
    expect(isFsError(new Error('boom'))).toBe(false);
    expect(isFsError({ code: 'EACCES', syscall: 'open' })).toBe(false);
    expect(describeFsError(err)).toBe(`cannot write "${join(dir, 'x.json')}": permission denied`);
  });
});
