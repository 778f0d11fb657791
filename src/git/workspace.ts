// A workspace as it was at a revision: the same files the disk loader would read (files.ts),
// taken from git objects, so nothing is checked out and the working tree is never touched.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MANIFEST_NAMES, MAX_FILE_BYTES, isYamlFile, type SourceFile, type WorkspaceSources } from '../workspace/files.js';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { blobSize, listTree, listWorkingTree, objectType, readBlob, readBlobs, normRepoPath } from './git.js';

/**
 * The same cap as on disk (files.ts), checked on the size git records before anything is read:
 * git stores blobs compressed, so a small pull request can add a file of gigabytes of zeros.
 */
function checkBlobSize(size: number | undefined, commit: string, path: string, { t }: Translator): void {
  if (size !== undefined && size > MAX_FILE_BYTES) {
    throw new UsageError(t('safety.too-large', { path: `${commit.slice(0, 7)}:${path}`, mb: MAX_FILE_BYTES / 1024 / 1024 }), t('safety.too-large.hint'));
  }
}

const SKIP_DIRS = new Set(['node_modules']);

export type RevisionRead =
  | { status: 'ok'; sources: WorkspaceSources; repoPath: string }
  | { status: 'missing' }
  | { status: 'no-manifest' };

/** The report folder named in a manifest (never read back as input); default "reports". */
export function outputFolder(manifest: Uint8Array): string {
  try {
    const v = parseYaml(new TextDecoder().decode(manifest), { maxAliasCount: 10 });
    const out = v?.settings?.output;
    return typeof out === 'string' ? normRepoPath(out) : 'reports';
  } catch {
    return 'reports';
  }
}

/** The organization name a manifest declares (used to tell workspaces apart when several exist). */
export function organizationName(manifest: Uint8Array): string | undefined {
  try {
    const v = parseYaml(new TextDecoder().decode(manifest), { maxAliasCount: 10 });
    const name = v?.organization?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function hiddenOrSkipped(segments: readonly string[]): boolean {
  return segments.some((s) => s.startsWith('.') || SKIP_DIRS.has(s));
}

/**
 * Reads the workspace at `<commit>:<repoPath>`: a folder with a manifest (plus its YAML files,
 * with the same skipping rules as on disk) or a single YAML file.
 * `root` is the repository's top folder; `label` is how the user named this side.
 */
export function readWorkspaceAtRevision(root: string, commit: string, repoPath: string, label: string, tr: Translator): RevisionRead {
  const base = normRepoPath(repoPath);
  const type = objectType(root, commit, base, tr);
  if (!type || type === 'commit') return { status: 'missing' };
  if (type === 'blob') {
    checkBlobSize(blobSize(root, commit, base, tr), commit, base, tr);
    const bytes = readBlob(root, commit, base, tr);
    const file: SourceFile = { path: join(root, ...base.split('/')), bytes, manifest: true };
    return { status: 'ok', repoPath: base, sources: { path: label, kind: 'file', root: file.path, files: [file] } };
  }
  const entries = listTree(root, commit, tr, base);
  const prefix = base ? `${base}/` : '';
  const manifestName = MANIFEST_NAMES.find((n) => entries.some((e) => e.path === `${prefix}${n}` && e.type === 'blob'));
  if (!manifestName) return { status: 'no-manifest' };
  const manifestEntry = entries.find((e) => e.path === `${prefix}${manifestName}`)!;
  checkBlobSize(manifestEntry.size, commit, manifestEntry.path, tr);
  const manifestBytes = readBlobs(root, [manifestEntry.sha], tr).get(manifestEntry.sha) ?? Buffer.alloc(0);
  const out = outputFolder(manifestBytes);
  const picked = entries
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && e.path !== manifestEntry.path)
    .map((e) => ({ e, rel: e.path.slice(prefix.length) }))
    .filter(({ rel }) => {
      const segs = rel.split('/');
      if (hiddenOrSkipped(segs)) return false;
      if (!isYamlFile(segs[segs.length - 1])) return false;
      // Same as the disk loader: the report folder itself (relative to the workspace) is skipped.
      const dir = segs.slice(0, -1).join('/');
      return !(out && (dir === out || dir.startsWith(`${out}/`)));
    })
    .sort((a, b) => a.rel.localeCompare(b.rel));
  for (const p of picked) checkBlobSize(p.e.size, commit, p.e.path, tr);
  const blobs = readBlobs(root, picked.map((p) => p.e.sha), tr);
  const abs = (p: string): string => join(root, ...p.split('/'));
  return {
    status: 'ok',
    repoPath: base,
    sources: {
      path: label,
      kind: 'directory',
      root: abs(base || '.'),
      files: [
        { path: abs(manifestEntry.path), bytes: manifestBytes, manifest: true },
        ...picked.map(({ e }) => ({ path: abs(e.path), bytes: blobs.get(e.sha) ?? Buffer.alloc(0), manifest: false })),
      ],
    },
  };
}

export interface ManifestCandidate { dir: string; organization?: string }

function candidatesFrom(paths: readonly string[]): string[] {
  const dirs: string[] = [];
  for (const p of paths) {
    const segs = p.split('/');
    const name = segs[segs.length - 1];
    if (!MANIFEST_NAMES.includes(name)) continue;
    if (hiddenOrSkipped(segs.slice(0, -1))) continue;
    dirs.push(segs.slice(0, -1).join('/'));
  }
  return [...new Set(dirs)].sort();
}

/** Every workspace folder (a folder with a manifest) in a revision, repository-relative. */
export function findWorkspacesAtRevision(root: string, commit: string, tr: Translator): ManifestCandidate[] {
  const entries = listTree(root, commit, tr).filter((e) => e.type === 'blob');
  const dirs = candidatesFrom(entries.map((e) => e.path));
  const manifests = dirs.map((d) => entries.find((e) => MANIFEST_NAMES.some((n) => e.path === (d ? `${d}/${n}` : n)))!);
  for (const m of manifests) checkBlobSize(m.size, commit, m.path, tr);
  const blobs = readBlobs(root, manifests.map((m) => m.sha), tr);
  return dirs.map((dir, i) => ({ dir, organization: organizationName(blobs.get(manifests[i].sha) ?? Buffer.alloc(0)) }));
}

/** Every workspace folder in the working tree that git tracks or would add, repository-relative. */
export function findWorkspacesInWorkingTree(root: string, tr: Translator): string[] {
  return candidatesFrom(listWorkingTree(root, tr).filter((p) => existsSync(join(root, ...p.split('/')))));
}

/** `a` below or equal to `b` (repository-relative paths). */
export function isWithin(a: string, b: string): boolean {
  return b === '' || a === b || a.startsWith(`${b}/`);
}
