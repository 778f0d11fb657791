// Runs the built CLI (dist/, built by `npm test`) as CI would: no TTY, stdin closed, CI=true.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIT_ENV } from './repo.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'martech-audit.js');

export interface CliRun { code: number; stdout: string; stderr: string }

/** `wrapper`: a command to run it under, such as `withFilePermissions()` from test/requirements.ts. */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, wrapper: string[] = []): CliRun {
  const base: NodeJS.ProcessEnv = { ...GIT_ENV, CI: 'true', LANG: 'en_US.UTF-8', LC_ALL: '' };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  delete base.GITHUB_WORKSPACE;
  delete base.CI_PROJECT_DIR;
  const [cmd, ...argv] = [...wrapper, process.execPath, BIN, ...args];
  const r = spawnSync(cmd, argv, {
    cwd, env: { ...base, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts an ANSI colour sequence
export const ANSI = /\u001b\[/;
