// Plumbing around the git executable: read objects of any revision without checking anything
// out (rev-parse, cat-file, ls-tree). Every failure a user can cause is a UsageError (exit 2).
import { spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';

export interface GitRun { status: number; stdout: Buffer; stderr: string }

const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Runs git in `cwd`; never prompts (no terminal, no credential helper questions). `tr` words the
 * errors a user can cause (git missing, a failed command), here and in every function below.
 */
export function runGit(cwd: string, args: string[], { t }: Translator, input?: string | Buffer): GitRun {
  const res = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(t('git.not-installed'), t('git.not-installed.hint'));
    throw new UsageError(t('git.failed', { command: `git ${args[0]}`, reason: res.error.message }));
  }
  return { status: res.status ?? 1, stdout: res.stdout ?? Buffer.alloc(0), stderr: res.stderr?.toString('utf8') ?? '' };
}

function ok(cwd: string, args: string[], tr: Translator, input?: string | Buffer): Buffer {
  const r = runGit(cwd, args, tr, input);
  const { t } = tr;
  if (r.status !== 0) {
    throw new UsageError(t('git.failed', { command: `git ${args.join(' ')}`, reason: r.stderr.trim().split('\n')[0] || `exit ${r.status}` }));
  }
  return r.stdout;
}

/** The top folder of the repository that holds `cwd`, or undefined outside a repository. */
export function repoRoot(cwd: string, tr: Translator): string | undefined {
  const r = runGit(cwd, ['rev-parse', '--show-toplevel'], tr);
  if (r.status !== 0) return undefined;
  return r.stdout.toString('utf8').trim() || undefined;
}

/** Resolves a revision to a commit id, or undefined when it names no commit. */
export function resolveCommit(root: string, rev: string, tr: Translator): string | undefined {
  if (!rev || rev.startsWith('-')) return undefined;
  const r = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], tr);
  if (r.status !== 0) return undefined;
  return r.stdout.toString('utf8').trim() || undefined;
}

/** Branch and tag names (short: main, origin/main, v1.0), for "did you mean" on a typo. */
export function refNames(root: string, tr: Translator): string[] {
  const r = runGit(root, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'], tr);
  if (r.status !== 0) return [];
  return r.stdout.toString('utf8').split('\n').map((x) => x.trim()).filter((x) => x && !x.endsWith('/HEAD'));
}

export type ObjectType = 'blob' | 'tree' | 'commit';

/** The type of `<commit>:<path>` (path relative to the repository root; '' is the root tree). */
export function objectType(root: string, commit: string, path: string, tr: Translator): ObjectType | undefined {
  const r = runGit(root, ['cat-file', '-t', `${commit}:${path}`], tr);
  if (r.status !== 0) return undefined;
  const type = r.stdout.toString('utf8').trim();
  return type === 'blob' || type === 'tree' || type === 'commit' ? type : undefined;
}

/** `size`: the blob's size in bytes (git stores it compressed: a small commit can hold a huge file). */
export interface TreeEntry { mode: string; type: string; sha: string; path: string; size?: number }

/** Every file below `path` in `commit` (recursive), paths relative to the repository root. */
export function listTree(root: string, commit: string, tr: Translator, path = ''): TreeEntry[] {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (path) args.push('--', path.endsWith('/') ? path : `${path}/`);
  const out = ok(root, args, tr).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha, sizeText] = rec.slice(0, tab).trim().split(/ +/);
    const size = Number(sizeText);
    entries.push({ mode, type, sha, path: rec.slice(tab + 1), ...(Number.isFinite(size) ? { size } : {}) });
  }
  return entries;
}

/** The size in bytes of the blob `<commit>:<path>`. */
export function blobSize(root: string, commit: string, path: string, tr: Translator): number {
  return Number(ok(root, ['cat-file', '-s', `${commit}:${path}`], tr).toString('utf8').trim());
}

/** Reads many blobs with one `git cat-file --batch` process. */
export function readBlobs(root: string, shas: readonly string[], tr: Translator): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(shas)];
  if (!unique.length) return out;
  const buf = ok(root, ['cat-file', '--batch'], tr, `${unique.join('\n')}\n`);
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8');
    const [sha, type, sizeText] = header.split(' ');
    if (type === 'missing' || sizeText === undefined) {
      pos = nl + 1;
      continue;
    }
    const size = Number(sizeText);
    out.set(sha, Buffer.from(buf.subarray(nl + 1, nl + 1 + size)));
    pos = nl + 1 + size + 1;
  }
  return out;
}

/** Reads one blob `<commit>:<path>`. */
export function readBlob(root: string, commit: string, path: string, tr: Translator): Buffer {
  return ok(root, ['cat-file', 'blob', `${commit}:${path}`], tr);
}

/**
 * Files of the working tree that git knows or would add (tracked plus untracked, not ignored),
 * relative to the repository root.
 */
export function listWorkingTree(root: string, tr: Translator): string[] {
  const out = ok(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], tr).toString('utf8');
  return [...new Set(out.split('\0').filter(Boolean))].sort();
}

/** Normalizes a repository-relative path: forward slashes, no "./", no trailing slash; '' for the root. */
export function normRepoPath(p: string): string {
  const n = posix.normalize(p.replace(/\\/g, '/'));
  if (n === '.' || n === './' || n === '/') return '';
  return n.replace(/^\.\//, '').replace(/\/+$/, '');
}
