// Finding and starting the one headless Chromium a run uses (for every diagram and the PDF).
//
// Where we look, in order: PUPPETEER_EXECUTABLE_PATH; the usual system installs on Linux, macOS
// and Windows (Chromium, Chrome, Edge); puppeteer's download cache. Puppeteer itself comes with
// the optional dependency @mermaid-js/mermaid-cli and is imported only here, on demand, so that a
// run that renders nothing never loads it.
//
// The browser is started here, not by puppeteer.launch: in its own process group (so that the
// whole group can be killed, also a wrapper script and what it started), with a launch timeout
// (MARTECH_AUDIT_BROWSER_TIMEOUT seconds, default 30), SIGTERM then SIGKILL when it does not
// answer, and its pipes released so that our process can exit. Puppeteer then connects over the
// same DevTools pipe puppeteer.launch would use (--remote-debugging-pipe: no network port).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export type BrowserSource = 'env' | 'system' | 'puppeteer-cache';
export interface BrowserLocation { path: string; source: BrowserSource }

/** Why rendering is not possible; `hint` says how to enable it. */
export type UnavailableReason = 'disabled' | 'no-puppeteer' | 'no-browser' | 'launch-failed' | 'not-runnable' | 'bad-env' | 'timeout' | 'crashed';

export class RendererUnavailable extends Error {
  override name = 'RendererUnavailable';
  constructor(readonly reason: UnavailableReason, message: string, readonly detail?: string) {
    super(message);
  }
}

/** Seconds the browser has to answer before the run goes on without it. */
export function launchTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.MARTECH_AUDIT_BROWSER_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 30_000;
}

export function systemBrowserPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Brave Browser.app/Contents/MacOS/Brave Browser',
    ];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => join(homedir(), 'Applications', a))];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((x): x is string => !!x);
    const rel = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((r) => rel.map((p) => `${r}\\${p}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/usr/lib/chromium/chromium',
  ];
}

/** Browsers puppeteer downloaded (`npx puppeteer browsers install chrome`), newest first. */
export function puppeteerCachePaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const root = env.PUPPETEER_CACHE_DIR || join(homedir(), '.cache', 'puppeteer');
  const out: string[] = [];
  const binaries: Record<string, string[]> = {
    chrome: ['chrome-linux64/chrome', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-win64/chrome.exe'],
    'chrome-headless-shell': ['chrome-headless-shell-linux64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-win64/chrome-headless-shell.exe'],
  };
  for (const product of ['chrome', 'chrome-headless-shell']) {
    let versions: string[] = [];
    try {
      versions = readdirSync(join(root, product));
    } catch {
      continue;
    }
    versions.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const v of versions) for (const rel of binaries[product]) out.push(join(root, product, v, rel));
  }
  void platform;
  return out;
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/**
 * The browser to use, or undefined; `envProblem` when PUPPETEER_EXECUTABLE_PATH points nowhere
 * (launchBrowser then says so rather than quietly using another browser).
 */
export function findBrowser(opts: FindOptions = {}): { location?: BrowserLocation; envProblem?: string } {
  const env = opts.env ?? process.env;
  const exists = opts.exists ?? existsSync;
  let envProblem: string | undefined;
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return { location: { path: fromEnv, source: 'env' } };
    envProblem = fromEnv;
  }
  for (const p of systemBrowserPaths(opts.platform, env)) if (exists(p)) return { location: { path: p, source: 'system' }, envProblem };
  for (const p of puppeteerCachePaths(env, opts.platform)) if (exists(p)) return { location: { path: p, source: 'puppeteer-cache' }, envProblem };
  return { envProblem };
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

const PROFILE_PREFIX = 'martech-audit-chromium-';
/** What Chromium appends to TMPDIR for its singleton socket: `/.org.chromium.Chromium.XXXXXX/SingletonSocket`. */
const SOCKET_SUFFIX = '/.org.chromium.Chromium.XXXXXX/SingletonSocket'.length;

/** The temporary folder for the profile: TMPDIR when it exists, else the system's. */
function usableTmpDir(env: NodeJS.ProcessEnv): string {
  for (const d of [env.TMPDIR || tmpdir(), tmpdir(), '/tmp']) {
    try {
      if (d && statSync(d).isDirectory()) return d;
    } catch { /* next */ }
  }
  return tmpdir();
}

/** Profiles left by runs that were killed (their process is gone): removed, so they never pile up. */
export function removeStaleProfiles(root: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const n of names) {
    if (!n.startsWith(PROFILE_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(n.slice(PROFILE_PREFIX.length))?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // still running
    } catch (err) {
      if ((err as { code?: string }).code === 'EPERM') continue;
    }
    try {
      rmSync(join(root, n), { recursive: true, force: true });
      removed.push(n);
    } catch {
      // Another user's leftover in a shared temporary folder: not ours to remove.
    }
  }
  return removed;
}

/** A folder or a file that cannot be run is "unavailable" with a reason, not a crash. */
function checkExecutable(loc: BrowserLocation): void {
  let st;
  try {
    st = statSync(loc.path);
  } catch {
    throw new RendererUnavailable(loc.source === 'env' ? 'bad-env' : 'launch-failed', `${loc.path} cannot be read`, loc.path);
  }
  if (st.isDirectory()) throw new RendererUnavailable('not-runnable', `${loc.path} is a folder`, `${loc.path} is a folder, not a program`);
  if (process.platform === 'win32') return;
  try {
    accessSync(loc.path, fsConstants.X_OK);
  } catch {
    throw new RendererUnavailable('not-runnable', `${loc.path} is not executable`, `${loc.path} is not executable`);
  }
}

function spawnError(err: NodeJS.ErrnoException): string {
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' ? 'no such file' : String(err.message).split('\n')[0];
}

/** The DevTools protocol over the browser's fds 3 (we write) and 4 (it writes): NUL-separated JSON. */
class PipeTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  closed = false;
  private pending: Buffer[] = [];
  constructor(private readonly out: Writable, private readonly input: Readable) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    const end = () => this.markClosed();
    input.on('close', end);
    input.on('error', end);
    out.on('error', end);
  }
  send(message: string): void {
    if (this.closed) return;
    this.out.write(`${message}\0`);
  }
  private receive(chunk: Buffer): void {
    let start = 0;
    for (let i = chunk.indexOf(0); i !== -1; i = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, i));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = i + 1;
      // Delivered asynchronously, as puppeteer's own transport does.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }
  markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.onclose?.());
  }
  close(): void {
    this.markClosed();
    this.out.destroy();
    this.input.destroy();
  }
}

/** The launched browser: its process group, stopped politely, then not. */
class BrowserProcess {
  readonly transport: PipeTransport;
  exited = false;
  readonly exitedPromise: Promise<void>;
  constructor(private readonly child: ChildProcess) {
    const stdio = child.stdio as unknown as [unknown, unknown, unknown, Writable, Readable];
    this.transport = new PipeTransport(stdio[3], stdio[4]);
    this.exitedPromise = new Promise((r) => {
      child.once('exit', () => {
        this.exited = true;
        r();
      });
      child.once('error', () => {
        // Never started: nothing to wait for.
        if (child.pid === undefined) {
          this.exited = true;
          r();
        }
      });
    });
  }
  private signal(sig: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === 'win32') this.child.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      try {
        this.child.kill(sig);
      } catch { /* gone */ }
    }
  }
  /** Whether the process exits within `ms`. */
  waitExit(ms: number): Promise<boolean> {
    return Promise.race([this.exitedPromise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  }
  /** SIGKILL to the group, synchronously (on process exit). */
  killNow(): void {
    if (!this.exited) this.signal('SIGKILL');
  }
  /** SIGTERM to the group, SIGKILL after 2 s, and the pipes released so that nothing keeps us alive. */
  async stop(): Promise<void> {
    if (!this.exited) {
      this.signal('SIGTERM');
      const done = await Promise.race([this.exitedPromise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]);
      if (!done) {
        this.signal('SIGKILL');
        await Promise.race([this.exitedPromise, new Promise((r) => setTimeout(r, 2000).unref())]);
      } else {
        // What the launched process started (a wrapper script's browser) may outlive it: the group goes.
        this.signal('SIGKILL');
      }
    } else {
      // The browser is gone; a child it left in the group (a wrapper's sleep) goes too.
      this.signal('SIGKILL');
    }
    this.transport.close();
    for (const s of this.child.stdio) (s as { destroy?: () => void } | null)?.destroy?.();
    this.child.unref();
  }
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
