// Finds the files of a workspace: a directory with martech-audit.yaml (+ any *.yaml/*.yml below
// it, skipping hidden folders, node_modules and the report output folder) or a single file.
import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';

export const MANIFEST_NAMES = ['martech-audit.yaml', 'martech-audit.yml'];
const SKIP_DIRS = new Set(['node_modules']);

export interface SourceFile { path: string; bytes: Uint8Array; manifest: boolean }
export interface WorkspaceSources { path: string; kind: 'directory' | 'file'; root: string; files: SourceFile[] }

export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Reads a workspace from disk; unreadable paths are a UsageError (exit 2). */
export function readWorkspaceSources(path: string, outputDir?: (manifestBytes: Uint8Array) => string | undefined): WorkspaceSources {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UsageError(t('load.no-such-path', { path }), t('load.no-such-path.hint'));
  }
  if (st.isFile()) {
    return { path, kind: 'file', root: abs, files: [{ path: abs, bytes: readBytes(abs, path), manifest: true }] };
  }
  if (!st.isDirectory()) throw new UsageError(t('load.no-such-path', { path }));
  const manifestName = MANIFEST_NAMES.find((n) => existsSync(join(abs, n)));
  if (!manifestName) {
    throw new UsageError(t('load.no-manifest', { path }), t('load.no-manifest.hint', { path }));
  }
  const manifestPath = join(abs, manifestName);
  const manifestBytes = readBytes(manifestPath, manifestName);
  const out = outputDir?.(manifestBytes) ?? 'reports';
  const skip = resolve(abs, out);
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || full === skip) continue;
        walk(full);
      } else if (e.isFile() && isYamlFile(e.name) && full !== manifestPath) {
        found.push(full);
      }
    }
  };
  walk(abs);
  found.sort((a, b) => relative(abs, a).split(sep).join('/').localeCompare(relative(abs, b).split(sep).join('/')));
  return {
    path, kind: 'directory', root: abs,
    files: [{ path: manifestPath, bytes: manifestBytes, manifest: true }, ...found.map((f) => ({ path: f, bytes: readBytes(f, f), manifest: false }))],
  };
}

function readBytes(abs: string, shown: string): Uint8Array {
  try {
    return readFileSync(abs);
  } catch (err: any) {
    throw new UsageError(t('load.unreadable', { path: shown, reason: err?.code ?? String(err) }));
  }
}
