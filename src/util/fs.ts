// Atomic writes: a reader never sees a half-written file, and an interrupted run leaves the old
// file in place.
import { writeFileSync, renameSync, mkdirSync, rmSync, existsSync, realpathSync, statSync, chmodSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { InterruptedError } from './errors.js';

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
    for (const chunk of chunks) writeChunk(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** One chunk, whole, at the descriptor's position (writeSync may write less than it is given). */
function writeChunk(fd: number, chunk: Chunk): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
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
    throw named(err, path);
  }
}

/** An error of write(2) that names no path (ENOSPC, EIO, EDQUOT) gets `path`; any other as it is. */
function named(err: unknown, path: string): unknown {
  const e = err as { path?: string; syscall?: string };
  if (e && typeof e === 'object' && !(err instanceof InterruptedError) && !e.path) {
    e.path = path;
    e.syscall ??= 'write';
  }
  return err;
}

/**
 * Replaces a file atomically. An existing file keeps its permissions (a 0600 file stays 0600), and
 * a symbolic link is written through (the file it points to is replaced, the link stays a link).
 * A device, pipe or socket (`--out /dev/stdout`) is written to, never replaced by a file.
 */
export function writeFileAtomic(path: string, data: FileData): void {
  const to = atomicTarget(path);
  if (!to) {
    writeFileNamed(path, data);
    return;
  }
  const { target, mode, tmp } = to;
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

/**
 * writeFileAtomic for a long document (tens of megabytes of JSON): the event loop runs between
 * chunks, so that Ctrl-C (SIGINT) or SIGTERM during the write stops it, removes the temporary file
 * and leaves the target as it was (InterruptedError: exit 130). A synchronous write cannot be
 * stopped: the signal killed the process and left `.<name>.<pid>.<time>.tmp` beside the target.
 */
export async function writeFileAtomicInterruptible(path: string, data: FileData): Promise<void> {
  // One string or buffer is one write: nothing to look between. A device or pipe is written to.
  const to = typeof data === 'string' || data instanceof Uint8Array ? undefined : atomicTarget(path);
  if (!to) {
    writeFileAtomic(path, data);
    return;
  }
  const { target, mode, tmp } = to;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stopIfInterrupted = async () => {
    // A signal reaches its listener only when the event loop runs.
    await new Promise<void>((r) => setImmediate(r));
    if (interrupted) throw new InterruptedError();
  };
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      let since = Date.now();
      for (const chunk of data as Iterable<Chunk>) {
        writeChunk(fd, chunk);
        // About every 50 ms: often enough for Ctrl-C to feel immediate, rarely enough to cost nothing.
        if (Date.now() - since >= 50) {
          await stopIfInterrupted();
          since = Date.now();
        }
      }
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(tmp, mode);
    // The last look before the target changes: an interrupted run keeps the old file.
    await stopIfInterrupted();
    renameSync(tmp, target);
  } catch (err) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw named(err, path);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * Where an atomic write of `path` goes: the file itself (through a link), its mode if it exists,
 * and the temporary file beside it; undefined for a device, pipe or socket (written to directly).
 */
function atomicTarget(path: string): { target: string; mode: number | undefined; tmp: string } | undefined {
  let target = path;
  let mode: number | undefined;
  let st;
  try {
    st = statSync(path);
  } catch {
    // a new file (or a dangling link: written where the link is)
  }
  if (st && !st.isFile() && !st.isDirectory()) return undefined;
  if (st) {
    mode = st.mode & 0o7777;
    target = realpathSync(path);
  }
  ensureDir(dirname(target));
  return { target, mode, tmp: join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`) };
}
