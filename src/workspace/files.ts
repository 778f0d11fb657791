// Finds the files of a workspace: a directory with martech-audit.yaml (+ any *.yaml/*.yml below
// it, skipping hidden folders, node_modules and the report output folder) or a single file.
import { readdirSync, statSync, readFileSync, existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, relative, sep } from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { fsReason } from '../util/fs-errors.js';
import { displayPath } from '../util/paths.js';

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
  if (st.isFile()) {
    const files: SourceFile[] = [{ path: abs, bytes: readBytes(abs, path), manifest: true }];
    // The manifest of a folder workspace named on its own: only it is read (like a compiler given
    // one file), and the loader says so, so that its unresolved references make sense.
    const others = MANIFEST_NAMES.includes(basename(abs)) ? countOtherYaml(dirname(abs), abs) : 0;
    return { path, kind: 'file', root: abs, files, ...(others ? { manifestOfFolder: { folder: displayPath(dirname(abs)), others } } : {}) };
  }
  if (!st.isDirectory()) throw new UsageError(t('load.no-such-path', { path }));
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
  const manifestPath = join(abs, manifestName);
  const manifestBytes = readBytes(manifestPath, displayPath(manifestPath));
  const out = outputDir?.(manifestBytes) ?? 'reports';
  const found = yamlFilesBelow(abs, manifestPath, resolve(abs, out));
  return {
    path, kind: 'directory', root: abs,
    files: [{ path: manifestPath, bytes: manifestBytes, manifest: true }, ...found.map((f) => ({ path: f, bytes: readBytes(f, displayPath(f)), manifest: false }))],
  };
}

/**
 * The YAML files below a workspace folder, in path order: hidden entries, node_modules and the
 * report folder are skipped; symbolic links are followed (a folder linked twice is read once). A
 * folder that cannot be listed is an error, never silently left out: its tools would go missing.
 */
function yamlFilesBelow(abs: string, manifestPath: string, skip: string): string[] {
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
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          // A dangling link named like a workspace file would lose input without a word.
          if (isYamlFile(e.name)) throw unreadable(displayPath(full), err);
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || full === skip) continue;
        walk(full);
      } else if (isFile && isYamlFile(e.name) && full !== manifestPath) {
        found.push(full);
      }
    }
  };
  walk(abs);
  found.sort((a, b) => relative(abs, a).split(sep).join('/').localeCompare(relative(abs, b).split(sep).join('/')));
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

function readBytes(abs: string, shown: string): Uint8Array {
  try {
    return readFileSync(abs);
  } catch (err) {
    throw unreadable(shown, err);
  }
}
