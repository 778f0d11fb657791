// `analyze --format codeclimate`: the Code Climate issue format GitLab reads as a code quality
// report (artifacts:reports:codequality), so that findings show in the merge request widget
// and on the changed lines. GitLab compares reports by fingerprint: fingerprints come from
// the finding's stable id only, so a finding keeps its fingerprint when its message, cost or
// line changes and GitLab reports it as "new" only when it really is.
import { createHash } from 'node:crypto';
import type { AuditResult, Finding } from '../analysis/types.js';
import type { Severity } from '../model/vocabulary.js';
import { rootRelative, withCiRoot } from '../git/ci.js';
import { findingFile, sortFindings, type CiReportContext, type WordedCiContext } from './github.js';

export type CodeClimateSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const CODECLIMATE_SEVERITY: Record<Severity, CodeClimateSeverity> = {
  info: 'info', low: 'minor', medium: 'major', high: 'critical', critical: 'blocker',
};

export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  severity: CodeClimateSeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

/** The fingerprint of a finding: a hash of its stable id (nothing else). */
export function fingerprint(findingId: string): string {
  return createHash('sha256').update(`martech-audit:${findingId}`).digest('hex').slice(0, 32);
}

const DUPLICATION = new Set(['capability-overlap', 'redundant-tool']);

/** Where a finding without a location is reported: the workspace's manifest (or its single file). */
function workspaceFile(result: AuditResult, ctx: CiReportContext = {}): string {
  const ws = result.workspace || '.';
  const file = /\.ya?ml$/i.test(ws) ? ws : `${ws.replace(/[\\/]+$/, '')}/martech-audit.yaml`;
  return rootRelative(file, ctx.rootDir, ctx.cwd ?? process.cwd()).replace(/^\.\//, '');
}

export function toCodeClimate(result: AuditResult, ctx: CiReportContext = {}): CodeClimateIssue[] {
  return sortFindings(result.findings).map((f: Finding) => {
    const begin = f.location?.line ?? 1;
    const issue: CodeClimateIssue = {
      type: 'issue',
      check_name: f.rule,
      description: f.message,
      content: { body: f.recommendation ?? '' },
      categories: [DUPLICATION.has(f.rule) ? 'Duplication' : 'Bug Risk'],
      severity: CODECLIMATE_SEVERITY[f.severity],
      fingerprint: fingerprint(f.id),
      location: { path: findingFile(f, ctx) ?? workspaceFile(result, ctx), lines: { begin } },
    };
    if (f.location?.endLine && f.location.endLine > begin) issue.location.lines.end = f.location.endLine;
    return issue;
  });
}

export function renderCodeClimate(result: AuditResult, ctx: CiReportContext = {}): string {
  return `${JSON.stringify(toCodeClimate(result, ctx), null, 2)}\n`;
}

/** The analyze command's entry: paths relative to $CI_PROJECT_DIR or the git top folder, as GitLab needs. */
export function codeClimateReporter(result: AuditResult, ctx: WordedCiContext): string {
  return renderCodeClimate(result, withCiRoot(ctx));
}
