// Finding and starting the one headless Chromium a run uses (for every diagram and the PDF).
//
// Where we look, in order: PUPPETEER_EXECUTABLE_PATH; the usual system installs on Linux, macOS
// and Windows (Chromium, Chrome, Edge); puppeteer's download cache. Puppeteer itself comes with
// the optional dependency @mermaid-js/mermaid-cli and is imported only here, on demand, so that a
// run that renders nothing never loads it.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export type BrowserSource = 'env' | 'system' | 'puppeteer-cache';
export interface BrowserLocation { path: string; source: BrowserSource }

/** Why rendering is not possible; `hint` says how to enable it. */
export type UnavailableReason = 'disabled' | 'no-puppeteer' | 'no-browser' | 'launch-failed';

export class RendererUnavailable extends Error {
  override name = 'RendererUnavailable';
  constructor(readonly reason: UnavailableReason, message: string, readonly detail?: string) {
    super(message);
  }
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

/** The browser to use, or undefined; `envProblem` when PUPPETEER_EXECUTABLE_PATH points nowhere. */
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
  close(): Promise<void>;
}

async function importPuppeteer(): Promise<{ launch(opts: Record<string, unknown>): Promise<PBrowser> }> {
  const names = ['puppeteer-core', 'puppeteer'];
  let last: unknown;
  for (const name of names) {
    try {
      const mod: any = await import(name);
      const p = mod.default ?? mod;
      if (typeof p.launch === 'function') return p;
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
  if (!found.location) {
    throw new RendererUnavailable('no-browser', 'no Chromium or Chrome found', found.envProblem);
  }
  const puppeteer = await importPuppeteer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'martech-audit-chromium-'));
  const cleanup = () => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  let browser: PBrowser;
  try {
    browser = await puppeteer.launch({
      executablePath: found.location.path,
      headless: true,
      args: browserArgs(userDataDir),
      pipe: true,
      timeout: 60_000,
      protocolTimeout: 120_000,
      // Quiet: the Debian wrapper script prints noise on stderr.
      dumpio: false,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    cleanup();
    throw new RendererUnavailable('launch-failed', `could not start ${found.location.path}`, String((err as Error)?.message ?? err).split('\n')[0]);
  }
  const blockedRequests: string[] = [];
  let closed = false;
  const onExit = () => {
    // Last resort on an abrupt exit: the browser dies with us; remove its profile.
    try {
      browser.process?.()?.pid && process.kill(browser.process!()!.pid!);
    } catch { /* already gone */ }
    cleanup();
  };
  process.once('exit', onExit);
  return {
    browser,
    location: found.location,
    blockedRequests,
    async close() {
      if (closed) return;
      closed = true;
      process.removeListener('exit', onExit);
      try {
        await browser.close();
      } catch { /* already closed */ }
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
