// A browser that never answers, cannot run, or dies mid-run (issue #11, items 4, 6 and 12): the
// report falls back with one clear line, the launched process group is killed (also when it
// ignores SIGTERM), nothing is orphaned, our process exits, and no profile folder is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { requireBrowser } from '../requirements.js';
import { loadExample, TODAY } from '../diagrams/helpers.js';
import { writeReport } from '../../src/report/write-report.js';
import { findBrowser } from '../../src/render/browser-locate.js';
import { removeStaleProfiles } from '../../src/render/browser-process.js';
import { openBrowserEngine, type RenderEngine } from '../../src/render/index.js';
import { activeTranslator } from '../../src/i18n/index.js';

let dir: string;
let tmp: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-browser-')));
  tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  cpSync(join(ROOT, 'examples', 'startup-no-hub.yaml'), join(dir, 'ws.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

/** A process that still runs. A zombie (killed, not yet reaped by its new parent, which here is
 * the machine's init and may reap late) has stopped: it holds no pipe, no file and no CPU. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

const report = (out: string, env: NodeJS.ProcessEnv) => cli(['report', 'ws.yaml', '--out', out], dir, { TMPDIR: tmp, MARTECH_AUDIT_BROWSER_TIMEOUT: '2', ...env });

describe('a browser that never answers', () => {
  for (const [name, body] of [
    ['sleeps', 'echo $$ > "$0.pid"\nsleep 300 &\necho $! > "$0.child"\nwait'],
    ['ignores SIGTERM', "trap '' TERM\necho $$ > \"$0.pid\"\nsleep 300 &\necho $! > \"$0.child\"\nwait\nsleep 300"],
  ] as const) {
    it(`${name}: stopped after the timeout, its process group killed, the report written without it`, () => {
      const fake = script(`fake-${name.replace(/\W/g, '')}`, body);
      const r = report(`out-${name.replace(/\W/g, '')}`, { PUPPETEER_EXECUTABLE_PATH: fake });
      // spawnSync returned: our process exited (no pipe kept it alive).
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('the browser did not answer within 2 s and was stopped');
      expect(r.stderr).toContain('MARTECH_AUDIT_BROWSER_TIMEOUT');
      expect(r.stderr.split('\n').filter((l) => l.startsWith('Drawn without a browser'))).toHaveLength(1);
      const pid = Number(readFileSync(`${fake}.pid`, 'utf8'));
      const child = Number(readFileSync(`${fake}.child`, 'utf8'));
      expect(alive(pid)).toBe(false);
      expect(alive(child)).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    });
  }
});

describe('a browser that cannot run', () => {
  it('a file that is not executable, a folder, a path that does not exist: one line each, and the report', () => {
    const notExec = join(dir, 'not-exec');
    writeFileSync(notExec, 'just text\n');
    mkdirSync(join(dir, 'a-folder'));
    const cases: [string, string][] = [
      [notExec, `the browser did not start: ${notExec} is not executable`],
      [join(dir, 'a-folder'), `the browser did not start: ${join(dir, 'a-folder')} is a folder, not a program`],
      [join(dir, 'nope', 'chrome'), `PUPPETEER_EXECUTABLE_PATH points to ${join(dir, 'nope', 'chrome')}, which does not exist`],
    ];
    cases.forEach(([path, why], i) => {
      const r = report(`out-cannot-${i}`, { PUPPETEER_EXECUTABLE_PATH: path });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(why);
      // What to do about it: the program itself, not a note on containers.
      if (i < 2) expect(r.stderr).toContain('Set PUPPETEER_EXECUTABLE_PATH to the browser program itself');
      expect(r.stderr).not.toMatch(/Unhandled|EACCES|\n\s+at /);
      expect(existsSync(join(dir, `out-cannot-${i}`, 'report.html'))).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);
    });
  });

  it('a TMPDIR that does not exist does not stop the report', () => {
    const r = cli(['report', 'ws.yaml', '--out', 'out-tmpdir'], dir, { TMPDIR: join(dir, 'no-such-tmp'), MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code).toBe(0);
    const s = report('out-tmpdir-2', { TMPDIR: join(dir, 'no-such-tmp'), PUPPETEER_EXECUTABLE_PATH: script('fake-quick', 'exit 3') });
    expect(s.code).toBe(0);
    expect(s.stderr).toContain('the browser did not start: exit code 3');
  });

  it('profiles left by killed runs are removed at the next launch; those of live runs are not', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(tmp, `martech-audit-chromium-${dead}-AbCdEf`));
    mkdirSync(join(tmp, `martech-audit-chromium-${process.pid}-AbCdEf`));
    expect(removeStaleProfiles(tmp)).toEqual([`martech-audit-chromium-${dead}-AbCdEf`]);
    expect(readdirSync(tmp)).toEqual([`martech-audit-chromium-${process.pid}-AbCdEf`]);
    rmSync(join(tmp, `martech-audit-chromium-${process.pid}-AbCdEf`), { recursive: true });
  });
});

describe('a browser that dies mid-run', () => {
  it('is "renderer unavailable": the diagrams are drawn without it and the report is written', async () => {
    const { ws, result } = await loadExample('examples/startup-no-hub.yaml', 'en');
    let gone = false;
    let closed = false;
    const dying: RenderEngine = {
      renderSvgs: async () => {
        gone = true;
        const e = new Error('Protocol error (Runtime.callFunctionOn): Target closed');
        e.name = 'TargetCloseError';
        throw e;
      },
      png: async () => new Uint8Array(), svgPdf: async () => new Uint8Array(),
      htmlPdf: async () => { throw new Error('unreachable'); },
      blockedRequests: () => [], alive: () => !gone, close: async () => { closed = true; },
    };
    const out = join(dir, 'out-died');
    const r = await writeReport(ws, result, { tr: activeTranslator(), outDir: out, pdf: true, version: 't', today: TODAY, openEngine: async () => dying });
    expect(r.unavailable?.reason).toBe('crashed');
    expect(r.unavailable?.detail).toContain('Target closed');
    expect(r.pdf).toBe('no-browser');
    expect(closed).toBe(true);
    expect(readdirSync(out)).toContain('report.html');
  });
});

const realBrowser = findBrowser({ env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '' } }).location;

describe('a real Chromium killed mid-run', () => {
  beforeAll(() => {
    requireBrowser();
    if (!realBrowser) throw new Error('this test needs a real Chromium found without PUPPETEER_EXECUTABLE_PATH (apt-get install chromium)');
  });
  it('kill -9 once it is running: "renderer unavailable", the diagrams drawn without it, the report written, nothing left', async () => {
    // A wrapper that starts the real browser and kills it with SIGKILL when the test says so.
    const trigger = join(dir, 'kill-now');
    // A short temporary folder (Chromium's socket path must stay under 108 bytes): its own files go
    // into the run's folder, which is removed, so that nothing is left even after SIGKILL.
    const shortTmp = mkdtempSync('/tmp/mb-');
    const wrapper = script('killable', `"${realBrowser!.path}" "$@" &\npid=$!\nwhile [ ! -e '${trigger}' ]; do sleep 0.05; done\nkill -9 $pid\nwait`);
    const { ws, result } = await loadExample('examples/startup-no-hub.yaml', 'en');
    const out = join(dir, 'out-killed');
    const r = await writeReport(ws, result, { tr: activeTranslator(),
      outDir: out, pdf: true, version: 't', today: TODAY,
      openEngine: async () => {
        const engine = await openBrowserEngine({ ...process.env, PUPPETEER_EXECUTABLE_PATH: wrapper, TMPDIR: shortTmp, MARTECH_AUDIT_NO_BROWSER: '' });
        writeFileSync(trigger, '');
        while (engine.alive?.()) await new Promise((r) => setTimeout(r, 20));
        return engine;
      },
    });
    expect(r.unavailable?.reason).toBe('crashed');
    expect(r.pdf).toBe('no-browser');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['report.html', 'report.md', 'audit.json']));
    expect(readFileSync(join(out, 'diagrams', 'journey.svg'), 'utf8')).toContain('<svg');
    expect(readdirSync(shortTmp)).toEqual([]);
    rmSync(shortTmp, { recursive: true, force: true });
  });
});
