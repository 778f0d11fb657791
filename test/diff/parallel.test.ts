// `diff` of large workspaces analyses the old side in a worker thread (src/diff/parallel.ts; the
// built CLI has dist/diff-worker.js, src/ has none and runs in one thread). Both paths must give
// the same bytes, the same errors and the same exit codes: the built CLI on two generated
// 1,000-tool workspaces (above WORKER_MIN_BYTES together) against the library in this thread.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_MIN_BYTES } from '../../src/diff/parallel.js';
import { diffRevisions } from '../../src/diff/run.js';
import { renderDiffJson } from '../../src/diff/render-json.js';
import { renderDiffMarkdown } from '../../src/diff/render-markdown.js';
import { renderDiffText } from '../../src/diff/render-text.js';
import { translator } from '../../src/i18n/index.js';
import { cli, ROOT } from '../git/cli.js';

let dir: string;
const gen = (name: string, seed: number, extra: string[] = []): string => {
  const out = join(dir, name);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-workspace.mjs'), '--tools', '1000', '--touchpoints', '500',
    '--integrations', '2000', '--seed', String(seed), ...extra, '--out', out], { stdio: 'ignore' });
  return out;
};
const size = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + size(join(p, f)), 0) : statSync(p).size);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'martech-diff-parallel-'));
  gen('a', 42, ['--customer']);
  gen('b', 7, ['--customer']);
  // b with a YAML error (an unquoted ": " in a flow list), and a with a value that is not allowed.
  cpSync(join(dir, 'b'), join(dir, 'b-broken'), { recursive: true });
  const file = join(dir, 'b-broken', 'tools', 'tools-00.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trimStart().startsWith('capabilities: ['));
  lines[at] += ' : : [';
  writeFileSync(file, lines.join('\n'));
  cpSync(join(dir, 'a'), join(dir, 'a-invalid'), { recursive: true });
  const other = join(dir, 'a-invalid', 'tools', 'tools-00.yaml');
  writeFileSync(other, readFileSync(other, 'utf8').replace('status: active', 'status: bogus'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('diff in two threads (the built CLI) and in one (the library)', () => {
  it('the generated pair is large enough for the worker', () => {
    expect(size(join(dir, 'a')) + size(join(dir, 'b'))).toBeGreaterThan(WORKER_MIN_BYTES);
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`text, markdown and JSON are the same bytes (${lang})`, async () => {
      const tr = await translator(lang);
      const d = diffRevisions({ tr, old: 'a', new: 'b', cwd: dir });
      expect(d.tools.changed.length).toBeGreaterThan(0);
      expect(d.findings.introduced.length + d.findings.resolved.length).toBeGreaterThan(0);
      expect(d.personas).toBeDefined();
      // Written with --out (the JSON of 1,000 changed tools is more than spawnSync buffers).
      const run = (format: string) => {
        const out = join(dir, `diff-${lang}.${format}`);
        const r = cli(['diff', 'a', 'b', '--format', format, '--lang', lang, '--out', out], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('');
        return readFileSync(out, 'utf8');
      };
      expect(run('json')).toBe(renderDiffJson(d));
      expect(run('text')).toBe(renderDiffText(d, { tr }));
      expect(run('markdown')).toBe(renderDiffMarkdown(d, { tr, generator: `martech-audit ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}` }));
    });
  }

  it('a YAML error in the second workspace: its file:line:col, exit 1, nothing on stdout', () => {
    const r = cli(['diff', 'a', 'b-broken'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^b-broken\/tools\/tools-00\.yaml:\d+:\d+ {2}error {2}/);
    expect(r.stderr).toContain('the workspace at b-broken is invalid (1 error), so there is nothing to compare');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('both invalid: the old side is reported (from the worker), as in one thread', () => {
    const r = cli(['diff', 'a-invalid', 'b-broken'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^a-invalid\/tools\/tools-00\.yaml:\d+:\d+ {2}error {2}tool "[^"]+", field "status"/);
    expect(r.stderr).toContain('the workspace at a-invalid is invalid');
    expect(r.stderr).not.toContain('b-broken');
    const ja = cli(['diff', 'a-invalid', 'b', '--lang', 'ja'], dir);
    expect(ja.code).toBe(1);
    expect(ja.stderr).toMatch(/^a-invalid\/tools\/tools-00\.yaml:\d+:\d+ /);
    expect(ja.stderr).not.toContain('the workspace at');
  });

  it('--fail-on counts what the change introduces, as in one thread', async () => {
    const d = diffRevisions({ tr: await translator('en'), old: 'a', new: 'b', cwd: dir });
    const r = cli(['diff', 'a', 'b', '--format', 'json', '--fail-on', 'info', '--out', join(dir, 'fail-on.json')], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`\n${d.findings.introduced.length} new findings at or above info.\n`);
  });
});
