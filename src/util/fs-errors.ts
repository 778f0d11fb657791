// File-system errors in words. A path the user gave that cannot be read or written (permission
// denied, a parent that is a file, a folder where a file should go) is not a bug: it is one line
// naming the path as the user typed it, and exit 2. Used by the loader and by cli/main.ts, the one
// place that decides how errors print.
import { statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { t } from '../i18n/index.js';
import { displayPath } from './paths.js';

/** A Node system error (ENOENT, EACCES, ...) raised by a file-system call. */
export interface FsError extends Error {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

export function isFsError(err: unknown): err is FsError {
  if (!(err instanceof Error)) return false;
  const e = err as Partial<FsError>;
  return typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.syscall === 'string';
}

// Temporary names of the atomic writers: util/fs.ts (".NAME.PID.TIME.tmp"), the report folder
// (".NAME.tmp-PID-HEX") and older ones ("NAME.tmp-PID"). Users never typed those.
const TEMP_NAMES = [/^\.(.+)\.\d+\.\d+\.tmp$/, /^\.(.+)\.tmp-\d+-[0-9a-f]+$/, /^(.+)\.tmp-\d+$/];

/** The path the user meant: temporary names are mapped back to the file or folder they become. */
export function intendedPath(path: string): string {
  const parts = resolve(path).split(sep);
  for (let i = 1; i < parts.length; i++) {
    for (const re of TEMP_NAMES) {
      const m = re.exec(parts[i]);
      // Anything below a temporary folder is part of what is being written: name that folder.
      if (m) return displayPath([...parts.slice(0, i), m[1]].join(sep));
    }
  }
  return displayPath(resolve(path));
}

/** The nearest existing ancestor of `path` when it is a file (the reason for ENOTDIR / EEXIST). */
function fileInTheWay(path: string): string | undefined {
  let dir = dirname(resolve(path));
  for (;;) {
    try {
      const st = statSync(dir);
      return st.isDirectory() ? undefined : dir;
    } catch {
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
}

/** Why a file-system call failed, in words ("permission denied", ""audit" is a file, not a folder"). */
export function fsReason(err: { code?: string }, path?: string): string {
  const code = err.code ?? '';
  if ((code === 'ENOTDIR' || code === 'EEXIST') && path) {
    const blocker = fileInTheWay(path) ?? (code === 'EEXIST' ? resolve(path) : undefined);
    if (blocker) return t('io.reason.not-a-folder', { path: displayPath(blocker) });
  }
  const key = `io.reason.${code}`;
  const text = t(key);
  return text === key ? code || String(err) : text;
}

const WRITES = new Set(['mkdir', 'rename', 'write', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink', 'link', 'chmod', 'utime', 'ftruncate']);
const READS = new Set(['scandir', 'read', 'stat', 'lstat', 'readlink', 'realpath', 'opendir', 'access']);

/** One line for a file-system error: what could not be done with which path, and why. */
export function describeFsError(err: FsError): string {
  // rename(tmp, target): the target is what the user named.
  const raw = err.syscall === 'rename' && err.dest ? err.dest : err.path ?? err.dest ?? '';
  const shown = raw ? intendedPath(raw) : '';
  const temp = raw !== '' && TEMP_NAMES.some((re) => raw.split(/[\\/]/).some((p) => re.test(p)));
  const op = WRITES.has(err.syscall) || temp ? 'write' : READS.has(err.syscall) ? 'read' : 'open';
  // A file where a folder should be (`--out report.md/x`): name the file in the way.
  const blocker = (err.code === 'ENOTDIR' || err.code === 'EEXIST') && raw
    ? fileInTheWay(raw) ?? (err.code === 'EEXIST' && op === 'write' ? resolve(raw) : undefined)
    : undefined;
  if (blocker) return t('io.blocked', { path: displayPath(blocker) });
  // No path at all (should not happen any more, see util/fs.ts writeFileNamed): no empty quotes.
  if (!raw) return t(`io.cannot-${op}-unnamed`, { reason: fsReason(err) });
  return t(`io.cannot-${op}`, { path: shown || basename(raw), reason: fsReason(err, raw || undefined) });
}
