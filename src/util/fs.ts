// Atomic writes: a reader never sees a half-written file, and an interrupted run leaves the old
// file in place.
import { writeFileSync, renameSync, mkdirSync, rmSync, existsSync, realpathSync, statSync, chmodSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time. Node 20's recursive mkdirSync
 * never returns under /proc (it spins at 100% CPU); creating each missing level explicitly fails
 * there with an ordinary error instead.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let cur = resolve(dir);
  while (!existsSync(cur)) {
    missing.push(cur);
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/**
 * Replaces a file atomically. An existing file keeps its permissions (a 0600 file stays 0600), and
 * a symbolic link is written through (the file it points to is replaced, the link stays a link).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file (or a dangling link: written where the link is)
  }
  ensureDir(dirname(target));
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
    // The umask may have narrowed the mode given at creation.
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (err) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw err;
  }
}
