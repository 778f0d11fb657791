// Atomic writes: a reader never sees a half-written file, and an interrupted run leaves the old
// file in place.
import { writeFileSync, renameSync, mkdirSync, rmSync, existsSync, realpathSync, statSync, chmodSync, openSync, writeSync, closeSync } from 'node:fs';
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
 * What a file is written from: a string, bytes, or text in chunks (util/json-chunks.ts), so that a
 * document of hundreds of megabytes is never one string in memory. A chunk is a string or UTF-8
 * bytes (util/json-layout.ts writes bytes); a chunk of bytes holds whole characters.
 */
export type FileData = string | Uint8Array | Iterable<Chunk>;
export type Chunk = string | Uint8Array;

/** The text of a chunk. */
export function chunkText(chunk: Chunk): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}

/** Each chunk through `fn` (a cleaner), lazily. */
export function* mapChunks(chunks: Iterable<Chunk>, fn: (chunk: string) => string): Generator<string> {
  for (const c of chunks) yield fn(chunkText(c));
}

function writeChunks(path: string, chunks: Iterable<Chunk>, opts?: { mode?: number }): void {
  const fd = openSync(path, 'w', opts?.mode);
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * writeFileSync, and an error that names no path (ENOSPC, EIO and EDQUOT come from write(2) on a
 * descriptor) gets the file's path, so that the message says which file (never `cannot write ""`).
 */
export function writeFileNamed(path: string, data: FileData, opts?: { mode?: number }): void {
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(path, data, opts);
    else writeChunks(path, data, opts);
  } catch (err) {
    const e = err as { path?: string; syscall?: string };
    if (e && typeof e === 'object' && !e.path) {
      e.path = path;
      e.syscall ??= 'write';
    }
    throw err;
  }
}

/**
 * Replaces a file atomically. An existing file keeps its permissions (a 0600 file stays 0600), and
 * a symbolic link is written through (the file it points to is replaced, the link stays a link).
 * A device, pipe or socket (`--out /dev/stdout`) is written to, never replaced by a file.
 */
export function writeFileAtomic(path: string, data: FileData): void {
  let target = path;
  let mode: number | undefined;
  let st;
  try {
    st = statSync(path);
  } catch {
    // a new file (or a dangling link: written where the link is)
  }
  if (st && !st.isFile() && !st.isDirectory()) {
    writeFileNamed(path, data);
    return;
  }
  if (st) {
    mode = st.mode & 0o7777;
    target = realpathSync(path);
  }
  ensureDir(dirname(target));
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileNamed(tmp, data, mode === undefined ? undefined : { mode });
    // The umask may have narrowed the mode given at creation.
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (err) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw err;
  }
}
