// The report folder (issue #11, items 2 and 12): `report` replaces only a folder it wrote itself
// (the marker file, and nothing it did not write); settings.output stays inside the workspace; a
// run killed between the two renames is recovered by the next one, and its leftovers removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { isOutputInside } from '../../src/workspace/build.js';
import { REPORT_MARKER } from '../../src/report/report-folder.js';

let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-repfolder-')));
  cpSync(join(ROOT, 'examples', 'northwind-b2b'), join(dir, 'ws'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['report', 'ws', '--no-render', ...args], dir, env);

describe('what report may replace', () => {
  it('a folder with report.md and audit.json beside files of someone else is left alone', () => {
    const d = join(dir, 'd');
    mkdirSync(join(d, 'sub'), { recursive: true });
    for (const f of ['report.md', 'audit.json', 'thesis.txt']) writeFileSync(join(d, f), f);
    writeFileSync(join(d, 'sub', 'notes.md'), 'mine');
    const r = report(['--out', 'd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('martech-audit: will not replace "d": it is not empty and does not look like a martech-audit report folder\n'
      + '  choose another folder with --out, or an empty one; nothing was changed\n');
    // Even with the marker: thesis.txt and sub/ were not written by martech-audit.
    writeFileSync(join(d, REPORT_MARKER), 'x');
    const s = report(['--out', 'd']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('will not replace "d": it holds "sub/", which martech-audit did not write');
    expect(readdirSync(d).sort()).toEqual([REPORT_MARKER, 'audit.json', 'report.md', 'sub', 'thesis.txt']);
    expect(readFileSync(join(d, 'thesis.txt'), 'utf8')).toBe('thesis.txt');
  });

  it('its own folder is replaced; a file added to it by hand stops the next run', () => {
    expect(report(['--out', 'mine']).code).toBe(0);
    expect(report(['--out', 'mine']).code).toBe(0);
    writeFileSync(join(dir, 'mine', 'diagrams', 'notes.txt'), 'added by hand');
    const r = report(['--out', 'mine']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it holds "diagrams/notes.txt"');
  });

  it('--out through a symbolic link: the report goes to the folder it leads to, the link stays a link', () => {
    expect(report(['--out', 'linked-target']).code).toBe(0);
    symlinkSync('linked-target', join(dir, 'linked'));
    // The folder behind the link holds a foreign file: refused, as without the link.
    writeFileSync(join(dir, 'linked-target', 'notes.txt'), 'mine');
    expect(report(['--out', 'linked']).code).toBe(2);
    rmSync(join(dir, 'linked-target', 'notes.txt'));
    const r = report(['--out', 'linked']);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'linked')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'linked-target', 'report.md'))).toBe(true);
    symlinkSync('nowhere', join(dir, 'dangling'));
    const d = report(['--out', 'dangling']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('"dangling" is a symbolic link to "nowhere", which does not exist');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
  });

  it('settings.output through a link that leaves the workspace is refused; the folder outside survives', () => {
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'precious.txt'), 'keep');
    cpSync(join(ROOT, 'examples', 'northwind-b2b'), join(dir, 'ws-link'), { recursive: true });
    symlinkSync(join(dir, 'outside'), join(dir, 'ws-link', 'reports'));
    const r = cli(['report', 'ws-link', '--no-render'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link that leads outside the workspace');
    expect(readdirSync(join(dir, 'outside'))).toEqual(['precious.txt']);
  });

  it('settings.output outside the workspace is a validation error with file:line; the folder outside survives', () => {
    mkdirSync(join(dir, 'victim'));
    writeFileSync(join(dir, 'victim', 'precious.txt'), 'keep');
    const manifest = join(dir, 'ws', 'martech-audit.yaml');
    const original = readFileSync(manifest, 'utf8');
    try {
      writeFileSync(manifest, original.replace(/^  output: .*$/m, '  output: ../victim'));
      const v = cli(['validate', 'ws'], dir);
      expect(v.code).toBe(1);
      expect(v.stdout + v.stderr).toMatch(/ws\/martech-audit\.yaml:\d+:\d+ {2}error {2}settings\.output "\.\.\/victim" is not a folder inside the workspace/);
      expect(cli(['report', 'ws', '--no-render'], dir).code).toBe(1);
      expect(readdirSync(join(dir, 'victim'))).toEqual(['precious.txt']);
    } finally {
      writeFileSync(manifest, original);
    }
  });

  it('isOutputInside', () => {
    for (const ok of ['reports', 'out/audit', './reports', 'a/../b']) expect(isOutputInside(ok), ok).toBe(true);
    for (const bad of ['..', '../x', 'a/../../x', '/tmp/x', 'C:\\x', '.', '', 'a/..', '..\\x']) expect(isOutputInside(bad), bad).toBe(false);
  });
});

describe('a run killed between the two renames', () => {
  it('kill -9 leaves .rep.old-* and .rep.tmp-*; the next run puts a report back and removes the leftovers', () => {
    expect(report(['--out', 'rep']).code).toBe(0);
    const killed = report(['--out', 'rep'], { MARTECH_AUDIT_TEST_KILL_BETWEEN_RENAMES: '1' });
    expect(killed.code).toBe(-1); // killed by a signal
    const left = readdirSync(dir).filter((n) => n.startsWith('.rep.'));
    expect(left.map((n) => n.replace(/-\d+-[0-9a-f]+$/, '')).sort()).toEqual(['.rep.old', '.rep.tmp']);
    expect(existsSync(join(dir, 'rep'))).toBe(false);
    const next = report(['--out', 'rep']);
    expect(next.code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.rep.'))).toEqual([]);
    expect(existsSync(join(dir, 'rep', 'report.md'))).toBe(true);
  });

  it('leftovers of a live process, and leftovers holding foreign files, are not touched', () => {
    const live = join(dir, `.live.tmp-${process.pid}-abcdef`);
    mkdirSync(live);
    const foreign = join(dir, '.live.old-999999999-abcdef');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.txt'), 'x');
    expect(report(['--out', 'live']).code).toBe(0);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });
});

describe('diagram --out', () => {
  it('refuses a workspace file (even with --force) and an existing file that is not a diagram (unless --force)', () => {
    const manifest = join(dir, 'ws', 'martech-audit.yaml');
    const before = readFileSync(manifest, 'utf8');
    const r = cli(['diagram', 'ws', '--kind', 'journey', '--out', 'ws/martech-audit.yaml', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('will not write the diagram to "ws/martech-audit.yaml": it is a file of the workspace');
    expect(readFileSync(manifest, 'utf8')).toBe(before);
    expect(cli(['diagram', 'ws', '--kind', 'journey', '--out', 'ws/tools/marketing.yaml'], dir).code).toBe(2);

    writeFileSync(join(dir, 'notes.svg'), 'my notes');
    const n = cli(['diagram', 'ws', '--kind', 'journey', '--out', 'notes.svg'], dir);
    expect(n.code).toBe(2);
    expect(n.stderr).toBe('martech-audit: will not overwrite "notes.svg": it exists and is not a diagram\n'
      + '  name a new file, e.g. --out journey.svg, or add --force to replace it\n');
    expect(readFileSync(join(dir, 'notes.svg'), 'utf8')).toBe('my notes');
    expect(cli(['diagram', 'ws', '--kind', 'journey', '--out', 'notes.svg', '--force'], dir).code).toBe(0);
    // A diagram replaces a diagram.
    expect(cli(['diagram', 'ws', '--kind', 'journey', '--out', 'j.mmd'], dir).code).toBe(0);
    expect(cli(['diagram', 'ws', '--kind', 'dataflow', '--out', 'j.mmd'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'j.mmd'), 'utf8')).toMatch(/^flowchart/m);
  });
});

