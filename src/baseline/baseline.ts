// Baselines: adopt the CI gate on an existing stack. `analyze --write-baseline FILE` records
// today's findings; `analyze --baseline FILE` then counts only findings that are not in it
// (or got more severe) toward --fail-on. Findings are matched by their stable id, so a
// baseline survives renamed files, moved folders and reworded messages.
//
// The file is JSON, sorted by id, without timestamps, so that it diffs cleanly in git. Any
// `analyze --format json` output is also accepted as a baseline (same `findings[].id`).
import { readFileSync } from 'node:fs';
import type { AuditResult, Finding } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { fsReason } from '../util/fs-errors.js';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../model/vocabulary.js';

export interface BaselineEntry { id: string; rule?: string; severity?: Severity; message?: string }

export interface Baseline {
  version: 1;
  workspace?: string;
  findings: BaselineEntry[];
}

/** What applying a baseline found; attached to the result as `result.baseline`. */
export interface BaselineSection {
  file: string;
  /** Findings recorded in the baseline (at the same or a lower severity): they do not fail the run. */
  known: string[];
  /** Findings that count toward --fail-on: not in the baseline, or more severe than recorded. */
  new: string[];
  /** Baseline entries no longer found: fixed (rewrite the baseline to drop them). */
  fixed: string[];
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createBaseline(result: AuditResult): Baseline {
  return {
    version: 1,
    workspace: result.workspace,
    findings: [...result.findings].sort(byId).map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, message: f.message })),
  };
}

export function serializeBaseline(b: Baseline): string {
  const note = 'martech-audit baseline: findings accepted when the CI gate was adopted. '
    + '`martech-audit analyze --baseline <this file>` fails only on findings that are not listed here. '
    + 'Rewrite it with --write-baseline; delete an entry to make that finding count again.';
  return `${JSON.stringify({ $comment: note, ...b }, null, 2)}\n`;
}

export function writeBaseline(file: string, result: AuditResult, { t }: Translator): Baseline {
  const b = createBaseline(result);
  try {
    writeFileAtomic(file, serializeBaseline(b));
  } catch (err: any) {
    throw new UsageError(t('baseline.unwritable', { file, reason: fsReason(err ?? {}, file) }));
  }
  return b;
}

/** Parses a baseline (or an `analyze --format json` document). Problems are UsageErrors (exit 2). */
export function parseBaseline(text: string, file: string, { t }: Translator): Baseline {
  let raw: any;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err: any) {
    throw new UsageError(t('baseline.not-json', { file, reason: String(err?.message ?? err) }), t('baseline.hint'));
  }
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.findings)) {
    throw new UsageError(t('baseline.bad-shape', { file }), t('baseline.hint'));
  }
  if (raw.version !== undefined && raw.version !== 1) {
    throw new UsageError(t('baseline.bad-version', { file, version: String(raw.version) }), t('baseline.hint'));
  }
  const findings: BaselineEntry[] = [];
  for (const f of raw.findings) {
    if (!f || typeof f.id !== 'string' || !f.id) throw new UsageError(t('baseline.bad-shape', { file }), t('baseline.hint'));
    const e: BaselineEntry = { id: f.id };
    if (typeof f.rule === 'string') e.rule = f.rule;
    if ((SEVERITIES as readonly string[]).includes(f.severity)) e.severity = f.severity;
    if (typeof f.message === 'string') e.message = f.message;
    findings.push(e);
  }
  return { version: 1, workspace: typeof raw.workspace === 'string' ? raw.workspace : undefined, findings };
}

export function readBaseline(file: string, tr: Translator): Baseline {
  const { t } = tr;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err: any) {
    if (err?.code === 'ENOENT') throw new UsageError(t('baseline.missing', { file }), t('baseline.missing.hint', { file }));
    throw new UsageError(t('baseline.unreadable', { file, reason: fsReason(err ?? {}, file) }));
  }
  return parseBaseline(text, file, tr);
}

/** Is this finding covered by the baseline? Same id, and not more severe than recorded. */
function known(f: Finding, entry: BaselineEntry | undefined): boolean {
  if (!entry) return false;
  return !entry.severity || SEVERITY_RANK[f.severity] <= SEVERITY_RANK[entry.severity];
}

/** Returns the result with a `baseline` section (a new object; the input is not changed). */
export function applyBaseline<R extends AuditResult>(result: R, baseline: Baseline, file: string): R & { baseline: BaselineSection } {
  const entries = new Map(baseline.findings.map((e) => [e.id, e]));
  const found = new Set(result.findings.map((f) => f.id));
  const section: BaselineSection = {
    file,
    known: result.findings.filter((f) => known(f, entries.get(f.id))).map((f) => f.id).sort(),
    new: result.findings.filter((f) => !known(f, entries.get(f.id))).map((f) => f.id).sort(),
    fixed: [...entries.keys()].filter((id) => !found.has(id)).sort(),
  };
  return { ...result, baseline: section };
}

/** The baseline section of a result, when a baseline was applied. */
export function baselineOf(result: AuditResult): BaselineSection | undefined {
  const b = (result as { baseline?: unknown }).baseline;
  if (!b || typeof b !== 'object') return undefined;
  const s = b as BaselineSection;
  return Array.isArray(s.known) && Array.isArray(s.new) ? s : undefined;
}

/** Ids of the findings a baseline accepts (empty without a baseline). */
export function knownIds(result: AuditResult): ReadonlySet<string> {
  return new Set(baselineOf(result)?.known ?? []);
}

/** The findings that count toward --fail-on: all of them, or only the new ones under a baseline. */
export function gateFindings(result: AuditResult): Finding[] {
  const b = baselineOf(result);
  if (!b) return result.findings;
  const isNew = new Set(b.new);
  return result.findings.filter((f) => isNew.has(f.id));
}

/** Findings at or above the threshold ("none": never). */
export function atOrAbove(findings: readonly Finding[], threshold: Severity | 'none' | undefined): Finding[] {
  if (!threshold || threshold === 'none') return [];
  return findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]);
}
