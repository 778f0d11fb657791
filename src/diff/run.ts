// Loads and analyzes both sides, then compares them. The library entry for `diff` (the command
// adds options, language and output on top).
import { analyze } from '../analysis/analyze.js';
import type { AuditResult } from '../analysis/types.js';
import { resolveSides, type ResolvedSide, type SidesInput } from '../git/sides.js';
import type { Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import { loadFromSources, type LoadResult } from '../workspace/load.js';
import { RULE_CATALOG } from '../analysis/rules/index.js';
import type { SourceFile } from '../workspace/files.js';
import { displayPath } from '../util/paths.js';
import { diffAudits, diffDigests } from './diff.js';
import { digestWorkspace, type SideDigest } from './digest.js';
import { InvalidSideError } from './parallel.js';
import type { DiffResult } from './types.js';

export { InvalidSideError };

export interface LoadedSide { side: ResolvedSide; load: LoadResult }

/** Resolves and loads both sides; an invalid workspace on either side is an InvalidSideError. */
export function loadSides(input: SidesInput): { old: LoadedSide; new: LoadedSide } {
  const sides = resolveSides(input);
  const cwd = input.cwd ?? process.cwd();
  const display = (f: SourceFile): string => displayPath(f.path, cwd);
  const old = { side: sides.old, load: loadFromSources(sides.old.sources, { display, rules: RULE_CATALOG, tr: input.tr }) };
  const neu = { side: sides.new, load: loadFromSources(sides.new.sources, { display, rules: RULE_CATALOG, tr: input.tr }) };
  if (!old.load.ok || !old.load.workspace) throw new InvalidSideError('old', old);
  if (!neu.load.ok || !neu.load.workspace) throw new InvalidSideError('new', neu);
  return { old, new: neu };
}

export interface AnalyzedSide { side: ResolvedSide; workspace: Workspace; result: AuditResult }

export function analyzeSide(s: LoadedSide, tr: Translator, now?: string): AnalyzedSide {
  const workspace = s.load.workspace!;
  return { side: s.side, workspace, result: analyze(workspace, { path: s.side.label, now, tr }) };
}

/**
 * What the diff compares of one side: its findings and assessment (no roadmap) and its entities,
 * as plain data; the workspace can be dropped once this returns.
 */
export function digestSide(s: LoadedSide, tr: Translator): SideDigest {
  return digestWorkspace(s.load.workspace!, s.side, tr);
}

/** Full analyses of both sides compared (for callers that need the results too, like `report --since`). */
export function compareSides(old: AnalyzedSide, neu: AnalyzedSide, tr: Translator): DiffResult {
  const side = (a: AnalyzedSide) => ({
    workspace: a.workspace, result: a.result, label: a.side.label, commit: a.side.commit, path: a.side.path,
  });
  return diffAudits(side(old), side(neu), tr);
}

/**
 * Everything at once (library users and tests). `now` is accepted for compatibility: it only
 * moves the roadmap, which the diff does not compare.
 */
export function diffRevisions(input: SidesInput, _now?: string): DiffResult {
  const sides = loadSides(input);
  return diffDigests(digestSide(sides.old, input.tr), digestSide(sides.new, input.tr));
}
