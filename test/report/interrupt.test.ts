// Ctrl-C during `report`: exit 130, the previous report intact, no temporary folder left behind.
// The run is held right before the swap (MARTECH_AUDIT_TEST_PAUSE_BEFORE_SWAP), so the signal
// arrives at a known moment; a second case interrupts inside the synchronous write phase, where the
// signal is delivered late (the bug QA found): a preloaded hook (hold-in-sync-write.mjs) stops the
// run there until the signal has been sent, so that case no longer depends on the machine's speed.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SLOW_TEST_TIMEOUT } from '../requirements.js';

const TMP = mkdtempSync(join(tmpdir(), 'martech-interrupt-'));
const WS = join(TMP, 'ws');
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', MARTECH_AUDIT_NO_BROWSER: '1' };

afterAll(() => rmSync(TMP, { recursive: true, force: true }));
beforeAll(() => {
  const g = spawnSync(process.execPath, ['scripts/gen-workspace.mjs', '--tools', '200', '--touchpoints', '100', '--integrations', '400', '--out', WS], { encoding: 'utf8' });
  expect(g.status, g.stderr).toBe(0);
});

function reportOnce(out: string) {
  const r = spawnSync(process.execPath, ['bin/martech-audit.js', 'report', WS, '--no-render', '--out', out], { encoding: 'utf8', env, timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/**
 * Starts `report`, sends SIGINT when `when` says so, resolves with the exit code and stderr. With
 * `go`, the file of that name is created once the signal has been sent (see hold-in-sync-write.mjs).
 */
function interrupted(out: string, extraEnv: Record<string, string>, when: (stderr: string, elapsed: number) => boolean, go?: string) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string; sent: boolean }>((resolve) => {
    const child = spawn(process.execPath, ['bin/martech-audit.js', 'report', WS, '--no-render', '--out', out], { env: { ...env, ...extraEnv } });
    let stderr = '';
    let sent = false;
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (!sent && when(stderr, Date.now() - t0)) {
        sent = true;
        child.kill('SIGINT');
        if (go) writeFileSync(go, 'sent\n');
      }
    }, 20);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr, sent });
    });
  });
}

const leftovers = () => readdirSync(TMP).filter((f) => f.startsWith('.'));

describe('report interrupted', () => {
  it('right before the swap: exit 130, the old report stays, no temporary folder', async () => {
    const out = join(TMP, 'held');
    reportOnce(out);
    const before = readFileSync(join(out, 'report.md'), 'utf8');
    // Interrupt once the temporary folder is complete and the run is holding before the swap.
    const r = await interrupted(out, { MARTECH_AUDIT_TEST_PAUSE_BEFORE_SWAP: '3000' },
      () => readdirSync(TMP).some((f) => f.startsWith('.held.tmp-') && existsSync(join(TMP, f, '.martech-audit-report'))));
    expect(r.sent).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/Interrupted/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(before);
    expect(leftovers()).toEqual([]);
  }, SLOW_TEST_TIMEOUT);

  it('during synchronous rendering (the signal is delivered late): still exit 130 and the old report', async () => {
    const out = join(TMP, 'late');
    reportOnce(out);
    const before = readFileSync(join(out, 'report.md'), 'utf8');
    // The hook holds the run inside the synchronous write phase until the signal has been sent.
    const go = join(TMP, 'late-go');
    const hook = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'hold-in-sync-write.mjs')).href}`, MARTECH_TEST_GO: go };
    const r = await interrupted(out, hook, (stderr) => stderr.includes('test-hook: holding inside the synchronous write'), go);
    expect(r.sent, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/Interrupted/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(before);
    expect(leftovers()).toEqual([]);
  }, SLOW_TEST_TIMEOUT);
});
