// The two sides of `martech-audit diff`: each a workspace path in the working tree or a git
// revision of a workspace (`HEAD~1`, `origin/main:audit/`, `REV:./path`), plus `--since REF`.
//
// A side names its folder explicitly (a path, `REV:path`) or not (a bare revision, or the
// working tree when only one side is given). An implicit folder is found like this:
//   1. the folder of the other side (or the current folder), when it holds a workspace there;
//   2. else the only workspace in that revision (a workspace moved between folders);
//   3. else, among several, the one around the current folder or with the other side's
//      organization name; otherwise a clear error that lists them.
// Entities are matched by id later, so renamed files and moved folders do not matter.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { MANIFEST_NAMES, readWorkspaceSources, type WorkspaceSources } from '../workspace/files.js';
import { normRepoPath, refNames, repoRoot, resolveCommit } from './git.js';
import { closest } from '../util/suggest.js';
import {
  findWorkspacesAtRevision, findWorkspacesInWorkingTree, isWithin, organizationName, outputFolder,
  readWorkspaceAtRevision, type ManifestCandidate,
} from './workspace.js';

export type SideSpec =
  | { kind: 'worktree'; path?: string }
  | { kind: 'revision'; rev: string; path?: string };

export interface ResolvedSide {
  /** How the user named the side ("HEAD~1", "origin/main:audit/", "audit"), or the folder for an implicit one. */
  label: string;
  worktree: boolean;
  /** Revision as given and the commit it resolved to (revision sides only). */
  rev?: string;
  commit?: string;
  /** Workspace folder (or file) relative to the repository root; undefined outside a repository. */
  repoPath?: string;
  /** Workspace folder (or file) as shown to the user (relative to the current folder). */
  path: string;
  sources: WorkspaceSources;
}

export interface SidesInput {
  /** The language of the errors a user can fix (a bad revision, no workspace there). */
  tr: Translator;
  old?: string;
  new?: string;
  since?: string;
  cwd?: string;
}

interface Ctx { cwd: string; root?: string; prefix: string; tr: Translator }

function isDrivePath(spec: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(spec);
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function needRepo(ctx: Ctx, spec: string): string {
  const { t } = ctx.tr;
  if (!ctx.root) throw new UsageError(t('git.not-a-repo', { spec }), t('git.not-a-repo.hint'));
  return ctx.root;
}

/** Parses one side as typed. A path that exists wins over a revision of the same name. */
export function parseSide(spec: string, ctx: Ctx): SideSpec {
  const { t } = ctx.tr;
  if (isDrivePath(spec)) return { kind: 'worktree', path: spec };
  const colon = spec.indexOf(':');
  if (colon >= 0) {
    const rev = spec.slice(0, colon);
    const raw = spec.slice(colon + 1);
    if (!rev) throw new UsageError(t('git.bad-spec', { spec }), t('git.bad-spec.hint'));
    // Like git: "REV:./x" and "REV:../x" are relative to the current folder, "REV:x" to the top.
    // At the top folder the prefix is empty: "HEAD:../audit" must not become "/audit".
    const joined = /^\.\.?(\/|$)/.test(raw) ? (ctx.prefix ? `${ctx.prefix}/${raw}` : raw) : raw;
    const path = normRepoPath(joined);
    if (path === '..' || path.startsWith('../') || path.startsWith('/')) throw new UsageError(t('git.outside-repo', { spec }));
    return { kind: 'revision', rev, path };
  }
  if (existsSync(resolve(ctx.cwd, spec))) return { kind: 'worktree', path: spec };
  if (spec.startsWith('-')) throw new UsageError(t('git.bad-spec', { spec }), t('git.bad-spec.hint'));
  return { kind: 'revision', rev: spec };
}

function commitOf(ctx: Ctx, rev: string, spec: string): string {
  const { t } = ctx.tr;
  const root = needRepo(ctx, spec);
  const commit = resolveCommit(root, rev, ctx.tr);
  if (!commit) {
    // A typo in a branch name ("mian", "orgin/main") gets the nearest branch or tag.
    const base = rev.replace(/[~^].*$/, '');
    const guess = base ? closest(base, refNames(root, ctx.tr)) : undefined;
    // The hint is a command to paste: the revision is quoted for the shell and cannot be read as
    // an option (`--output=x` would write a file).
    const hint = t('git.unknown-revision.hint', { rev: shellQuote(rev) });
    throw new UsageError(
      t('git.unknown-revision', { rev, spec }),
      guess && guess !== base ? `${t('suggest.did-you-mean', { value: guess + rev.slice(base.length) })} ${hint}` : hint,
    );
  }
  return commit;
}

function repoRelative(ctx: Ctx, absPath: string): string | undefined {
  if (!ctx.root) return undefined;
  const rel = relative(real(ctx.root), real(absPath));
  if (rel.startsWith('..') || resolve(rel) === rel) return undefined;
  return normRepoPath(rel.split(sep).join('/'));
}

/** An absolute path as shown: relative to the current folder ('.' for itself). */
function shown(ctx: Ctx, abs: string): string {
  return resolve(abs) === resolve(ctx.cwd) ? '.' : displayPath(abs, ctx.cwd);
}

function showRepoPath(ctx: Ctx, repoPath: string): string {
  return shown(ctx, resolve(ctx.root ?? ctx.cwd, repoPath || '.'));
}


function revisionLabel(rev: string, repoPath: string): string {
  return `${rev}:${repoPath}`;
}

function listCandidates(c: readonly { dir: string }[]): string {
  return c.map((x) => x.dir || '.').join(', ');
}

function fromWorktree(ctx: Ctx, path: string, label: string): ResolvedSide {
  const abs = resolve(ctx.cwd, path);
  let sources: WorkspaceSources;
  try {
    sources = { ...readWorkspaceSources(abs, outputFolder), path: label };
  } catch (err) {
    // Name the path as the user typed it, not the absolute one.
    if (err instanceof UsageError && path !== abs) throw new UsageError(err.message.split(abs).join(path), err.hint?.split(abs).join(path));
    throw err;
  }
  return { label, worktree: true, repoPath: repoRelative(ctx, abs), path: shown(ctx, abs), sources };
}

function fromRevision(ctx: Ctx, rev: string, commit: string, repoPath: string, label: string, explicit: boolean): ResolvedSide | undefined {
  const { t } = ctx.tr;
  const root = ctx.root!;
  const read = readWorkspaceAtRevision(root, commit, repoPath, label, ctx.tr);
  if (read.status === 'ok') {
    return { label, worktree: false, rev, commit, repoPath: read.repoPath, path: showRepoPath(ctx, read.repoPath), sources: read.sources };
  }
  if (!explicit) return undefined;
  const found = findWorkspacesAtRevision(root, commit, ctx.tr);
  const hint = found.length
    ? t('git.workspaces-at', { rev, list: found.map((f) => `${rev}:${f.dir || '.'}`).join(', ') })
    : t('git.no-workspace-at', { rev });
  const key = read.status === 'missing' ? 'git.path-not-in-revision' : 'git.no-manifest-in-revision';
  throw new UsageError(t(key, { path: repoPath || '.', rev }), hint);
}

function choose(
  candidates: readonly ManifestCandidate[], hintPath: string | undefined, org: string | undefined,
  where: string, { t }: Translator,
): ManifestCandidate {
  if (candidates.length === 0) throw new UsageError(t('git.no-workspace-at', { rev: where }), t('git.no-workspace.hint'));
  if (candidates.length === 1) return candidates[0];
  if (hintPath !== undefined) {
    // The current folder (or the other side's) is inside one of them: take the innermost.
    const around = candidates.filter((c) => isWithin(hintPath, c.dir)).sort((a, b) => b.dir.length - a.dir.length);
    if (around.length) return around[0];
  }
  if (org) {
    const same = candidates.filter((c) => c.organization === org);
    if (same.length === 1) return same[0];
  }
  throw new UsageError(
    t('git.several-workspaces', { rev: where, list: listCandidates(candidates) }),
    t('git.several-workspaces.hint'),
  );
}

function orgOf(side: ResolvedSide | undefined): string | undefined {
  const m = side?.sources.files.find((f) => f.manifest);
  return m ? organizationName(m.bytes) : undefined;
}

function resolveImplicitRevision(ctx: Ctx, rev: string, spec: string, other: ResolvedSide | undefined): ResolvedSide {
  const commit = commitOf(ctx, rev, spec);
  const hint = other?.repoPath ?? ctx.prefix;
  const direct = fromRevision(ctx, rev, commit, hint, rev, false);
  if (direct && (direct.sources.kind === 'directory' || other?.sources.kind === 'file')) return direct;
  const picked = choose(findWorkspacesAtRevision(ctx.root!, commit, ctx.tr), hint, orgOf(other), rev, ctx.tr);
  return fromRevision(ctx, rev, commit, picked.dir, rev, true)!;
}

function hasManifest(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && MANIFEST_NAMES.some((n) => existsSync(resolve(dir, n)));
  } catch {
    return false;
  }
}

function resolveImplicitWorktree(ctx: Ctx, other: ResolvedSide | undefined): ResolvedSide {
  if (other?.repoPath !== undefined && ctx.root) {
    const abs = resolve(ctx.root, other.repoPath || '.');
    if (other.sources.kind === 'file' ? existsSync(abs) : hasManifest(abs)) {
      const p = shown(ctx, abs);
      return fromWorktree(ctx, p, p);
    }
  }
  if (hasManifest(ctx.cwd) || !ctx.root) return fromWorktree(ctx, '.', '.');
  const dirs = findWorkspacesInWorkingTree(ctx.root, ctx.tr).map((dir) => ({ dir }));
  const picked = choose(dirs, other?.repoPath ?? ctx.prefix, undefined, ctx.tr.t('git.working-tree'), ctx.tr);
  const p = showRepoPath(ctx, picked.dir);
  return fromWorktree(ctx, p, p);
}

/** Resolves and reads both sides of a diff. Throws UsageError (exit 2) for anything the user can fix. */
export function resolveSides(input: SidesInput): { old: ResolvedSide; new: ResolvedSide } {
  const { tr } = input;
  const { t } = tr;
  const cwd = input.cwd ?? process.cwd();
  const root = repoRoot(cwd, tr);
  const prefix = root ? (repoRelative({ cwd, root, prefix: '', tr }, cwd) ?? '') : '';
  const ctx: Ctx = { cwd, root: root ? real(root) : undefined, prefix, tr };

  type Typed = SideSpec & { text: string };
  let oldSpec: Typed;
  let newSpec: Typed;
  if (input.since !== undefined) {
    if (input.new !== undefined) throw new UsageError(t('diff.since-and-two-sides'), t('diff.since-and-two-sides.hint'));
    const since = input.since;
    if (since.includes(':')) {
      oldSpec = { ...parseSide(since, ctx), text: since };
    } else {
      oldSpec = { kind: 'revision', rev: since, text: since };
    }
    newSpec = input.old !== undefined ? { kind: 'worktree', path: input.old, text: input.old } : { kind: 'worktree', text: '.' };
  } else {
    if (input.old === undefined) throw new UsageError(t('diff.need-sides'), t('diff.need-sides.hint'));
    oldSpec = { ...parseSide(input.old, ctx), text: input.old };
    newSpec = input.new !== undefined ? { ...parseSide(input.new, ctx), text: input.new } : { kind: 'worktree', text: '.' };
  }

  // A revision outside a repository: say so first, not that the other side (the current
  // folder) is not a workspace.
  for (const s of [oldSpec, newSpec]) if (s.kind === 'revision') needRepo(ctx, s.text);

  const explicit = (s: SideSpec): boolean => s.path !== undefined;
  const resolveOne = (s: Typed, other: ResolvedSide | undefined): ResolvedSide => {
    if (s.kind === 'worktree') {
      return s.path !== undefined ? fromWorktree(ctx, s.path, s.text) : resolveImplicitWorktree(ctx, other);
    }
    if (s.path !== undefined) {
      const commit = commitOf(ctx, s.rev, s.text);
      return fromRevision(ctx, s.rev, commit, s.path, s.text.includes(':') ? s.text : revisionLabel(s.rev, s.path), true)!;
    }
    return resolveImplicitRevision(ctx, s.rev, s.text, other);
  };

  // Explicit sides first; with two implicit sides, the newer one (closer to today's layout) first.
  let oldSide: ResolvedSide;
  let newSide: ResolvedSide;
  if (explicit(oldSpec)) {
    oldSide = resolveOne(oldSpec, undefined);
    newSide = resolveOne(newSpec, oldSide);
  } else {
    newSide = resolveOne(newSpec, undefined);
    oldSide = resolveOne(oldSpec, newSide);
  }
  return { old: oldSide, new: newSide };
}

/** A word for a POSIX shell: single-quoted unless it is plainly safe. */
export function shellQuote(s: string): string {
  return /^[\w@%+=.,/~^-]+$/.test(s) && !s.startsWith('-') ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
