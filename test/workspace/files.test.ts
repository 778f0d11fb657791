// Finding a workspace's files on disk: what a new user runs into (QA). Unreadable folders are an
// error, never a silent gap; symbolic links are followed; naming the manifest of a folder
// workspace, or a subfolder of one, says what to name instead.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/workspace/load.js';
import { UsageError } from '../../src/util/errors.js';
import { cli, type CliRun } from '../git/cli.js';
import { requireBuild, withFilePermissions } from '../requirements.js';

const MANIFEST = 'version: 1\norganization: { name: Example Ltd }\n';
const TOOLS = 'tools:\n  - { id: crm, name: CRM, capabilities: [crm], data: [contact-profile] }\n';
const TOUCHPOINTS = 'touchpoints:\n  - { id: web, name: Website, stage: awareness, channel: website, tools: [crm] }\n';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) {
    try {
      chmodSync(d, 0o755);
    } catch {
      // already gone
    }
    rmSync(d, { recursive: true, force: true });
  }
  dirs = [];
});

function workspace(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-files-')));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
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


/** `martech-audit validate <dir>` under ordinary file permissions (as root too, see withFilePermissions). */
function validateAsUser(dir: string): CliRun {
  requireBuild();
  return cli(['validate', dir], tmpdir(), {}, withFilePermissions());
}

describe('workspace files on disk', () => {
  it('follows symbolic links to files and folders inside the workspace, and reads a folder linked twice once', () => {
    // Links that leave the workspace are refused (test/workspace/untrusted.test.ts).
    const dir = workspace({ 'ws/.lib/base.yaml': MANIFEST, 'ws/.lib/shared/tools.yaml': TOOLS, 'ws/.lib/shared/touchpoints.yaml': TOUCHPOINTS });
    const ws = join(dir, 'ws');
    symlinkSync(join(ws, '.lib', 'base.yaml'), join(ws, 'martech-audit.yaml'));
    symlinkSync(join(ws, '.lib', 'shared'), join(ws, 'team'));
    symlinkSync('.lib/shared', join(ws, 'team-again'));
    const res = loadWorkspace(ws);
    expect(res.diagnostics).toEqual([]);
    expect(res.workspace!.tools.map((t) => t.id)).toEqual(['crm']);
    expect(res.workspace!.touchpoints.map((t) => t.id)).toEqual(['web']);
    expect(res.sources.size).toBe(3);
  });

  it('a dangling link named like a workspace file is an error, not a file left out', () => {
    const dir = workspace({ 'martech-audit.yaml': MANIFEST });
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'tools.yaml'));
    const e = usageError(() => loadWorkspace(dir));
    expect(e.message).toMatch(/cannot read ".*tools\.yaml" \(no such file or folder\)/);
  });

  it('naming the manifest of a folder workspace reads it alone and says so', () => {
    const dir = workspace({ 'audit/martech-audit.yaml': MANIFEST, 'audit/tools.yaml': TOOLS, 'audit/teams/touchpoints.yaml': TOUCHPOINTS });
    const res = loadWorkspace(join(dir, 'audit', 'martech-audit.yaml'));
    const note = res.diagnostics.find((d) => d.code === 'manifest-alone');
    expect(note).toBeDefined();
    expect(note!.severity).toBe('warning');
    expect(note!.location.line).toBe(1);
    expect(note!.message).toContain('whose 2 other files are left out');
    expect(note!.suggestion).toMatch(/name the folder instead of the file: .*audit$/);
    // A single-file workspace on its own says nothing.
    const single = workspace({ 'martech-audit.yaml': MANIFEST + TOOLS });
    expect(loadWorkspace(join(single, 'martech-audit.yaml')).diagnostics.map((d) => d.code)).not.toContain('manifest-alone');
  });

  it('a subfolder of a workspace points at the workspace', () => {
    const dir = workspace({ 'audit/martech-audit.yaml': MANIFEST, 'audit/tools/tools.yaml': TOOLS });
    const e = usageError(() => loadWorkspace(join(dir, 'audit', 'tools')));
    expect(e.message).toContain('is not a workspace: it has no martech-audit.yaml');
    expect(e.hint).toMatch(/part of the workspace ".*audit"; run the command on that folder/);
    // A folder with no workspace above keeps the `init` hint.
    const lone = workspace({ 'notes.txt': 'x' });
    expect(usageError(() => loadWorkspace(lone)).hint).toContain('martech-audit init');
  });

  // chmod alone does not stop root (CI runs as root): these go through the CLI, run without root's
  // override of file modes (withFilePermissions), so they test the same thing for everyone.
  it('a subfolder that cannot be listed is an error, not a workspace without its tools', () => {
    const dir = workspace({ 'martech-audit.yaml': MANIFEST, 'tools/tools.yaml': TOOLS, 'touchpoints.yaml': TOUCHPOINTS });
    chmodSync(join(dir, 'tools'), 0);
    dirs.unshift(join(dir, 'tools'));
    const r = validateAsUser(dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^martech-audit: cannot read ".*tools" \(permission denied\)\n$/);
  });

  it('an unreadable workspace folder is "cannot read", not "has no martech-audit.yaml"', () => {
    const dir = workspace({ 'ws/martech-audit.yaml': MANIFEST });
    chmodSync(join(dir, 'ws'), 0);
    dirs.unshift(join(dir, 'ws'));
    const r = validateAsUser(join(dir, 'ws'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^martech-audit: cannot read ".*ws" \(permission denied\)\n$/);
  });
});
