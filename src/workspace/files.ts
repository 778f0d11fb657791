// Finds the files of a workspace: a directory with martech-audit.yaml (+ any *.yaml/*.yml below
// it, skipping hidden folders, node_modules and the report output folder) or a single file.
//
// A workspace may come from an untrusted pull request, so only what belongs to it is read
// (docs/security.md): regular files inside the workspace folder, at most MAX_FILE_BYTES each. A
// symbolic link that leads outside the folder (to /etc/passwd, to /proc/self/environ and its
// secrets) is an error naming the link, never followed; FIFOs, devices and sockets are refused
// before anything blocks on them; a file that grows past the cap while read (/dev/zero through a
// link inside, a /proc file) stops at the cap.
import { readdirSync, statSync, lstatSync, existsSync, realpathSync, openSync, fstatSync, readSync, closeSync, constants as fsConstants } from 'node:fs';
import { basename, dirname, join, resolve, relative, sep } from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { fsReason } from '../util/fs-errors.js';
import { displayPath } from '../util/paths.js';
import { compareText } from '../util/collate.js';

export const MANIFEST_NAMES = ['martech-audit.yaml', 'martech-audit.yml'];
const SKIP_DIRS = new Set(['node_modules']);

export interface SourceFile { path: string; bytes: Uint8Array; manifest: boolean }
export interface WorkspaceSources {
  path: string;
  kind: 'directory' | 'file';
  root: string;
  files: SourceFile[];
  /** Set when the file given is the manifest of a folder workspace with other files. */
  manifestOfFolder?: { folder: string; others: number };
}

/** The largest workspace file read (20 MB): far above any real inventory, far below trouble. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Reads a workspace from disk; unreadable paths are a UsageError (exit 2). */
export function readWorkspaceSources(path: string, outputDir?: (manifestBytes: Uint8Array) => string | undefined): WorkspaceSources {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch (err: any) {
    if (err?.code === 'ENOENT' || err?.code === 'ENOTDIR') throw new UsageError(t('load.no-such-path', { path }), t('load.no-such-path.hint'));
    throw unreadable(path, err);
  }
  if (st.isFile() || !st.isDirectory()) {
    // One file: it must itself be a regular file, and a link must stay in the folder it is named in.
    const files: SourceFile[] = [{ path: abs, bytes: readBytes(abs, path, realOf(dirname(abs))), manifest: true }];
    // The manifest of a folder workspace named on its own: only it is read (like a compiler given
    // one file), and the loader says so, so that its unresolved references make sense.
    const others = MANIFEST_NAMES.includes(basename(abs)) ? countOtherYaml(dirname(abs), abs) : 0;
    return { path, kind: 'file', root: abs, files, ...(others ? { manifestOfFolder: { folder: displayPath(dirname(abs)), others } } : {}) };
  }
  try {
    // An unreadable folder is not "a folder without a manifest".
    readdirSync(abs);
  } catch (err) {
    throw unreadable(path, err);
  }
  const manifestName = MANIFEST_NAMES.find((n) => existsSync(join(abs, n)));
  if (!manifestName) {
    const above = workspaceAbove(abs);
    throw new UsageError(
      t('load.no-manifest', { path }),
      above ? t('io.workspace-above', { path: displayPath(above) }) : t('load.no-manifest.hint', { path }),
    );
  }
  const root = realOf(abs);
  const manifestPath = join(abs, manifestName);
  const manifestBytes = readBytes(manifestPath, displayPath(manifestPath), root);
  const out = outputDir?.(manifestBytes) ?? 'reports';
  const found = yamlFilesBelow(abs, manifestPath, resolve(abs, out), root);
  return {
    path, kind: 'directory', root: abs,
    files: [{ path: manifestPath, bytes: manifestBytes, manifest: true }, ...found.map((f) => ({ path: f, bytes: readBytes(f, displayPath(f), root), manifest: false }))],
  };
}

/**
 * The YAML files below a workspace folder, in path order: hidden entries, node_modules and the
 * report folder are skipped; symbolic links are followed (a folder linked twice is read once). A
 * folder that cannot be listed is an error, never silently left out: its tools would go missing.
 */
function yamlFilesBelow(abs: string, manifestPath: string, skip: string, root = realOf(abs)): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    let entries;
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw unreadable(displayPath(dir), err);
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          // A linked folder or YAML file must stay inside the workspace (other links are not read).
          if (isYamlFile(e.name) || statSync(full).isDirectory()) checkInside(full, displayPath(full), root);
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          if (err instanceof UsageError) throw err;
          // A dangling link named like a workspace file would lose input without a word.
          if (isYamlFile(e.name)) throw unreadable(displayPath(full), err);
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || full === skip) continue;
        walk(full);
      } else if (isYamlFile(e.name) && full !== manifestPath && (isFile || !isDir)) {
        // FIFOs, sockets and devices named *.yaml are listed, so that reading them says why not.
        found.push(full);
      }
    }
  };
  walk(abs);
  found.sort((a, b) => compareText(relative(abs, a).split(sep).join('/'), relative(abs, b).split(sep).join('/')));
  return found;
}

/** How many other workspace files a manifest's folder holds (0 when it cannot be listed). */
function countOtherYaml(dir: string, manifestPath: string): number {
  try {
    return yamlFilesBelow(dir, manifestPath, resolve(dir, 'reports')).length;
  } catch {
    return 0;
  }
}

/** The nearest folder above `dir` that holds a manifest: the workspace `dir` belongs to. */
function workspaceAbove(dir: string): string | undefined {
  let cur = dirname(dir);
  for (let i = 0; i < 20; i++) {
    if (MANIFEST_NAMES.some((n) => existsSync(join(cur, n)))) return cur;
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
  return undefined;
}

function unreadable(shown: string, err: unknown): UsageError {
  return new UsageError(t('load.unreadable', { path: shown, reason: fsReason(err as { code?: string }, shown) }));
}

function realOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

const within = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** A link whose target leaves `root` (or enters /proc, /sys, /dev) is an error naming the link. */
function checkInside(abs: string, shown: string, root: string): void {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return; // dangling: reading it says so
  }
  if (!within(real, root) || /^\/(proc|sys|dev)(\/|$)/.test(real)) {
    throw new UsageError(t('safety.link-outside', { path: shown }), t('safety.link-outside.hint'));
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'device';
}

/**
 * Reads one workspace file: a regular file inside `root`, at most MAX_FILE_BYTES. The file is
 * opened without blocking (a FIFO would wait forever for a writer) and checked with fstat on the
 * very descriptor read, then read in chunks up to the cap (a /proc file reports size 0).
 */
function readBytes(abs: string, shown: string, root: string): Uint8Array {
  let isLink = false;
  try {
    isLink = lstatSync(abs).isSymbolicLink();
  } catch (err) {
    throw unreadable(shown, err);
  }
  if (isLink) checkInside(abs, shown, root);
  let fd: number;
  try {
    fd = openSync(abs, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOCTTY ?? 0));
  } catch (err) {
    throw unreadable(shown, err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(t(`safety.not-regular.${kindOf(st)}`, { path: shown }), t('safety.not-regular.hint'));
    if (/^\/(proc|sys)(\/|$)/.test(realOf(abs))) throw new UsageError(t('safety.not-regular.device', { path: shown }), t('safety.not-regular.hint'));
    const tooLarge = () => new UsageError(
      t('safety.too-large', { path: shown, mb: MAX_FILE_BYTES / 1024 / 1024 }), t('safety.too-large.hint'),
    );
    if (st.size > MAX_FILE_BYTES) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 65536, MAX_FILE_BYTES + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        throw unreadable(shown, err);
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) throw tooLarge();
    }
    // Most files are read in one chunk: that chunk, not a copy of it.
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
