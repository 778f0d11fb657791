// Paths for CI annotations: GitHub and GitLab attach a finding to a line only when its file is
// given relative to the repository root, whatever folder the audit ran in.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Translator } from '../i18n/index.js';
import { repoRoot } from './git.js';

/** The folder CI paths are relative to: $GITHUB_WORKSPACE / $CI_PROJECT_DIR, else the git top folder. */
export function ciRootDir(tr: Translator, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const fromEnv = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR;
  if (fromEnv) return fromEnv;
  try {
    return repoRoot(cwd, tr);
  } catch {
    return undefined;
  }
}

/**
 * A finding's file (shown relative to `cwd`) made relative to `rootDir`, with forward slashes.
 * Without a root, or for a file outside it, the path is returned as it was.
 */
export function rootRelative(file: string, rootDir: string | undefined, cwd = process.cwd()): string {
  if (!rootDir) return file.split(sep).join('/');
  const rel = relative(rootDir, resolve(cwd, file));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return file.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** A reporter context with `rootDir` filled in from the environment (for the CLI; tests pass it). */
export function withCiRoot<T extends { rootDir?: string; cwd?: string; tr: Translator }>(ctx: T): T & { rootDir?: string } {
  if (ctx.rootDir) return ctx;
  return { ...ctx, rootDir: ciRootDir(ctx.tr, process.env, ctx.cwd ?? process.cwd()) };
}
