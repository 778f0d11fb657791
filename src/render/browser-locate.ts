// Where the browser is: PUPPETEER_EXECUTABLE_PATH; the usual system installs on Linux, macOS and
// Windows (Chromium, Chrome, Edge); puppeteer's download cache. And whether what was found can run.
import { accessSync, constants as fsConstants, existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RendererUnavailable } from './unavailable.js';

export type BrowserSource = 'env' | 'system' | 'puppeteer-cache';
export interface BrowserLocation { path: string; source: BrowserSource }

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

/** A folder or a file that cannot be run is "unavailable" with a reason, not a crash. */
export function checkExecutable(loc: BrowserLocation): void {
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
