// Atomic writes: a reader never sees a half-written file, and an interrupted run leaves the old
// file in place.
import { writeFileSync, renameSync, mkdirSync, rmSync, existsSync } from 'node:fs';
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

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  ensureDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw err;
  }
}
