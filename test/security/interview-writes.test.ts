// The interview's writes (issue #11, item 11): an answer that cannot be written (the file broken
// by another process, a write that fails) is kept and written once possible, never reported as
// saved while lost; a symlinked manifest stays a link (the file it points to is written); a 0600
// file stays 0600.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceEditor } from '../../src/interview/workspace-editor.js';
import { writeFileAtomic } from '../../src/util/fs.js';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'mta-writes-')));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const MANIFEST = 'version: 1\norganization:\n  name: X\n  departments: [marketing, sales, it]\n';

describe('an answer that cannot be written is kept', () => {
  it('the file broken by another process: held, then written with the next answer once fixed', () => {
    writeFileSync(join(dir, 'martech-audit.yaml'), MANIFEST);
    const ed = WorkspaceEditor.open(dir).editor!;
    writeFileSync(join(dir, 'martech-audit.yaml'), 'version: [\n');
    const out = ed.change((tx) => tx.set(['organization', 'currency'], 'EUR'));
    expect(out.ok).toBe(false);
    expect(out.held).toBe(true);
    expect(out.errors[0].code).toBe('changed-on-disk');
    expect(ed.held).toHaveLength(1);
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe('version: [\n');
    // Still broken: the next answer waits too.
    expect(ed.change((tx) => tx.set(['organization', 'name'], 'Y')).held).toBe(true);
    expect(ed.held).toHaveLength(2);
    // Someone fixes the file: both answers are written, in order, on top of the fix.
    writeFileSync(join(dir, 'martech-audit.yaml'), `${MANIFEST}# fixed\n`);
    const next = ed.change((tx) => tx.set(['organization', 'notes'], 'n'));
    expect(next.ok).toBe(true);
    expect(ed.held).toHaveLength(0);
    const text = readFileSync(join(dir, 'martech-audit.yaml'), 'utf8');
    expect(text).toContain('currency: EUR');
    expect(text).toContain('name: Y');
    expect(text).toContain('notes: n');
    expect(text).toContain('# fixed');
  });

  it('a write that fails (a folder now where the file was; also as root): held, no exception', () => {
    writeFileSync(join(dir, 'martech-audit.yaml'), MANIFEST);
    const ed = WorkspaceEditor.open(dir).editor!;
    rmSync(join(dir, 'martech-audit.yaml'));
    mkdirSync(join(dir, 'martech-audit.yaml'));
    const out = ed.change((tx) => tx.set(['organization', 'currency'], 'EUR'));
    expect(out.ok).toBe(false);
    expect(out.held).toBe(true);
    expect(out.errors[0].code).toBe('write-failed');
    expect(ed.held).toHaveLength(1);
    rmSync(join(dir, 'martech-audit.yaml'), { recursive: true });
    writeFileSync(join(dir, 'martech-audit.yaml'), MANIFEST);
    expect(ed.flush().ok).toBe(true);
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toContain('currency: EUR');
  });
});

describe('file identity is kept', () => {
  it('a symlinked manifest stays a link; the file it points to is written', () => {
    mkdirSync(join(dir, '.real'));
    writeFileSync(join(dir, '.real', 'manifest.yaml'), MANIFEST);
    symlinkSync('.real/manifest.yaml', join(dir, 'martech-audit.yaml'));
    const ed = WorkspaceEditor.open(dir).editor!;
    expect(ed.change((tx) => tx.set(['organization', 'currency'], 'EUR')).ok).toBe(true);
    expect(lstatSync(join(dir, 'martech-audit.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, '.real', 'manifest.yaml'), 'utf8')).toContain('currency: EUR');
  });

  it('a 0600 file stays 0600 (and a 0640 one 0640)', () => {
    for (const mode of [0o600, 0o640]) {
      const f = join(dir, `m${mode.toString(8)}.yaml`);
      writeFileSync(f, MANIFEST);
      chmodSync(f, mode);
      writeFileAtomic(f, `${MANIFEST}# edited\n`);
      expect(statSync(f).mode & 0o777).toBe(mode);
    }
    writeFileSync(join(dir, 'martech-audit.yaml'), MANIFEST);
    chmodSync(join(dir, 'martech-audit.yaml'), 0o600);
    const ed = WorkspaceEditor.open(dir).editor!;
    expect(ed.change((tx) => tx.set(['organization', 'currency'], 'EUR')).ok).toBe(true);
    expect(statSync(join(dir, 'martech-audit.yaml')).mode & 0o777).toBe(0o600);
  });
});
