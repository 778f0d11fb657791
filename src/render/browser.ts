// Starting the one headless Chromium a run uses (for every diagram and the PDF). Where it is
// found: browser-locate.ts; its process, pipes and profile folder: browser-process.ts. Puppeteer
// itself comes with the optional dependency @mermaid-js/mermaid-cli and is imported only here, on
// demand, so that a run that renders nothing never loads it.
//
// The browser is started here, not by puppeteer.launch: in its own process group (so that the
// whole group can be killed, also a wrapper script and what it started), with a launch timeout
// (MARTECH_AUDIT_BROWSER_TIMEOUT seconds, default 30), SIGTERM then SIGKILL when it does not
// answer, and its pipes released so that our process can exit. Puppeteer then connects over the
// same DevTools pipe puppeteer.launch would use (--remote-debugging-pipe: no network port).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkExecutable, findBrowser, type BrowserLocation } from './browser-locate.js';
import { BrowserProcess, PROFILE_PREFIX, removeStaleProfiles, SOCKET_SUFFIX, spawnError, usableTmpDir } from './browser-process.js';
import { RendererUnavailable } from './unavailable.js';

/** Seconds the browser has to answer before the run goes on without it. */
export function launchTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.MARTECH_AUDIT_BROWSER_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 30_000;
}

/** Chromium flags: headless, quiet, no network chatter; `--no-sandbox` only as root. */
export function browserArgs(userDataDir: string, isRoot = typeof process.getuid === 'function' && process.getuid() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--hide-scrollbars',
    '--mute-audio',
    '--font-render-hinting=none',
    `--user-data-dir=${userDataDir}`,
  ];
}

// Structural types: what we use of puppeteer, so that it stays an optional dependency.
export interface PBrowser { newPage(): Promise<PPage>; close(): Promise<void>; process?(): { pid?: number } | null }
export interface PPage {
  setRequestInterception(on: boolean): Promise<void>;
  on(event: string, handler: (arg: any) => void): unknown;
  setContent(html: string, opts?: { waitUntil?: string | string[]; timeout?: number }): Promise<void>;
  addScriptTag(opts: { content: string }): Promise<unknown>;
  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  setViewport(v: { width: number; height: number; deviceScaleFactor?: number }): Promise<void>;
  screenshot(opts: Record<string, unknown>): Promise<Uint8Array>;
  pdf(opts: Record<string, unknown>): Promise<Uint8Array>;
  emulateMediaType?(type: string | null): Promise<void>;
  $(selector: string): Promise<{ screenshot(opts: Record<string, unknown>): Promise<Uint8Array> } | null>;
  close(): Promise<void>;
}

export interface BrowserSession {
  browser: PBrowser;
  location: BrowserLocation;
  /** URLs the pages tried to fetch (always blocked): should stay empty. */
  blockedRequests: string[];
  /** False once the browser has gone (killed, crashed). */
  alive(): boolean;
  close(): Promise<void>;
}

interface Puppeteer {
  connect(opts: Record<string, unknown>): Promise<PBrowser>;
  defaultArgs(opts: Record<string, unknown>): string[];
}

async function importPuppeteer(): Promise<Puppeteer> {
  const names = ['puppeteer-core', 'puppeteer'];
  let last: unknown;
  for (const name of names) {
    try {
      const mod: any = await import(name);
      const p = mod.default ?? mod;
      if (typeof p.connect === 'function' && typeof p.defaultArgs === 'function') return p;
    } catch (err) {
      last = err;
    }
  }
  throw new RendererUnavailable('no-puppeteer', 'puppeteer is not installed', String((last as Error)?.message ?? last));
}

/**
 * Starts the browser with a fresh profile in a temporary folder (removed by `close`). Throws
 * RendererUnavailable when there is no browser or it does not start.
 */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserSession> {
  if (env.MARTECH_AUDIT_NO_BROWSER && env.MARTECH_AUDIT_NO_BROWSER !== '0') {
    throw new RendererUnavailable('disabled', 'MARTECH_AUDIT_NO_BROWSER is set');
  }
  const found = findBrowser({ env });
  if (found.envProblem) throw new RendererUnavailable('bad-env', 'PUPPETEER_EXECUTABLE_PATH does not exist', found.envProblem);
  if (!found.location) throw new RendererUnavailable('no-browser', 'no Chromium or Chrome found');
  checkExecutable(found.location);
  const puppeteer = await importPuppeteer();
  const profileRoot = usableTmpDir(env);
  removeStaleProfiles(profileRoot);
  // One folder per run: the profile, and the browser's own temporary files (with
  // --disable-dev-shm-usage its shared memory lives in TMPDIR, as org.chromium.Chromium.*, and a
  // browser that is killed leaves them behind): removed together, by this run or the next.
  // Chromium also puts its singleton socket in TMPDIR, and a socket path has at most 107 bytes:
  // when the folder's path is too long for that, TMPDIR stays the temporary folder itself.
  let runDir: string;
  let userDataDir: string;
  let browserTmp: string;
  try {
    runDir = mkdtempSync(join(profileRoot, `${PROFILE_PREFIX}${process.pid}-`));
    userDataDir = join(runDir, 'profile');
    mkdirSync(userDataDir);
    browserTmp = join(runDir, 't');
    if (Buffer.byteLength(browserTmp) + SOCKET_SUFFIX <= 107) mkdirSync(browserTmp);
    else browserTmp = profileRoot;
  } catch (err) {
    throw new RendererUnavailable('launch-failed', 'no temporary folder for the browser profile', String((err as Error)?.message ?? err));
  }
  const cleanup = () => {
    try {
      rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Something of the browser still writing: the next run removes the folder (its process is gone).
    }
  };
  const args = [
    ...puppeteer.defaultArgs({ headless: true, args: browserArgs(userDataDir), userDataDir }).filter((a) => a !== 'about:blank'),
    '--remote-debugging-pipe',
    'about:blank',
  ];
  let child: ChildProcess;
  try {
    child = spawn(found.location.path, args, {
      // Its own process group: a timeout or an exit kills the browser and whatever it started.
      detached: process.platform !== 'win32',
      // Quiet (the Debian wrapper prints noise on stderr); fds 3 and 4 carry the DevTools protocol.
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
      env: { ...env, TMPDIR: browserTmp },
    });
  } catch (err) {
    cleanup();
    throw new RendererUnavailable('launch-failed', `could not start ${found.location.path}`, String((err as Error)?.message ?? err).split('\n')[0]);
  }
  const proc = new BrowserProcess(child);
  const onExit = () => {
    // Last resort on an abrupt exit: the browser dies with us; remove its profile.
    proc.killNow();
    cleanup();
  };
  process.once('exit', onExit);
  const fail = async (err: RendererUnavailable): Promise<never> => {
    await proc.stop();
    process.removeListener('exit', onExit);
    cleanup();
    throw err;
  };
  const timeoutMs = launchTimeoutMs(env);
  let browser: PBrowser;
  try {
    browser = await new Promise<PBrowser>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new RendererUnavailable('timeout', `${found.location!.path} did not answer`, String(Math.round(timeoutMs / 1000)))), timeoutMs);
      const stop = (err: RendererUnavailable) => {
        clearTimeout(timer);
        reject(err);
      };
      child.once('error', (err) => stop(new RendererUnavailable('launch-failed', `could not start ${found.location!.path}`, spawnError(err))));
      child.once('exit', (code, signal) => stop(new RendererUnavailable('launch-failed', `${found.location!.path} exited`, signal ? `stopped by ${signal}` : `exit code ${code}`)));
      puppeteer.connect({ transport: proc.transport, defaultViewport: { width: 800, height: 600 }, protocolTimeout: 120_000 })
        .then((b) => {
          clearTimeout(timer);
          resolvePromise(b);
        }, async (err) => {
          // The pipe usually closes just before the exit is reported: the exit code says more.
          if (await proc.waitExit(1000)) return;
          stop(new RendererUnavailable('launch-failed', `could not start ${found.location!.path}`, String((err as Error)?.message ?? err).split('\n')[0]));
        });
    });
  } catch (err) {
    return fail(err instanceof RendererUnavailable ? err : new RendererUnavailable('launch-failed', String(err)));
  }
  const blockedRequests: string[] = [];
  let closed = false;
  return {
    browser,
    location: found.location,
    blockedRequests,
    alive: () => !proc.exited && !proc.transport.closed,
    async close() {
      if (closed) return;
      closed = true;
      process.removeListener('exit', onExit);
      try {
        // A browser that does not close within 5 s is stopped below (the timer must not keep us alive).
        await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000).unref())]);
      } catch { /* already closed */ }
      await proc.stop();
      cleanup();
    },
  };
}

/** Blocks every request a page makes except the inline document and data: URLs. */
export async function isolatePage(page: PPage, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req: any) => {
    const url: string = req.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      void req.continue();
    } else {
      blocked.push(url);
      void req.abort('blockedbyclient');
    }
  });
}
