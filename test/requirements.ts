// What some tests need from the machine (the build, Chromium, tmux, poppler, fontconfig). A test
// never skips itself when something is missing: it fails, and the message says what to install.
// .ci/run installs all of it; so does a developer once (see CONTRIBUTING.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../src/render/browser-locate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Debian package of each command the tests run. */
const PACKAGES: Record<string, string> = {
  tmux: 'tmux',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  'fc-match': 'fontconfig',
  'fc-list': 'fontconfig',
  setpriv: 'util-linux',
  git: 'git',
};

export const hasCommand = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Throws unless `cmd` is on the PATH. */
export function requireCommand(cmd: string): void {
  if (hasCommand(cmd)) return;
  throw new Error(`this test needs \`${cmd}\`, which is not installed (Debian/Ubuntu: apt-get install ${PACKAGES[cmd] ?? cmd}; .ci/run installs it)`);
}

/** Throws unless dist/ is built (the end-to-end tests run bin/martech-audit.js). */
export function requireBuild(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js'))) return;
  throw new Error('dist/ is not built: run `npm run build` first (`npm test` builds before testing)');
}

/** Throws unless a Chromium or Chrome is found the way the product finds one. */
export function requireBrowser(): void {
  if (findBrowser().location) return;
  throw new Error(
    'this test needs Chromium or Chrome, and none was found (Debian/Ubuntu: apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH; .ci/run installs it)',
  );
}

export const runningAsRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The argv prefix that runs a command under the file permissions any user has. Root ignores file
 * modes (capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so a permission test run as root
 * (CI runs as root) would see no error; `setpriv` drops those two capabilities for the child, and
 * the modes apply to it as to the folder's owner. Empty when not root.
 */
export function withFilePermissions(): string[] {
  if (!runningAsRoot()) return [];
  requireCommand('setpriv');
  return ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'];
}

/**
 * The timeout of a test that launches Chromium (in-process or through the CLI), drives a whole
 * interview, or runs many CLI commands: tens of seconds alone, several times that on a loaded
 * two-core machine. A timeout is there to catch a hang, never to measure speed.
 */
export const SLOW_TEST_TIMEOUT = 300_000;
