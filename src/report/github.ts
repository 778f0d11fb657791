// `analyze --format github`: GitHub Actions workflow commands, so that findings appear as
// annotations on the pull request's YAML lines:
//   ::error file=audit/tools.yaml,line=31,col=5,title=data-silo%3Aintercom (high)::Intercom holds …
// Severities map to error (critical, high), warning (medium, low) and notice (info, and any
// finding a baseline accepts). Escaping follows the runner: %, CR and LF in the message;
// also ':' and ',' in properties. GitHub shows at most 10 errors and 10 warnings per step, so
// the most severe come first and a summary notice leads.
import type { AuditResult, Finding } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import { baselineOf, knownIds } from '../baseline/baseline.js';
import { rootRelative, withCiRoot } from '../git/ci.js';
import { sanitizeText } from '../util/sanitize.js';
import { SEVERITY_RANK, type Severity } from '../model/vocabulary.js';

export interface CiReportContext {
  /** Folder annotation paths are relative to (the repository root in CI). Default: paths as in the result. */
  rootDir?: string;
  /** The folder the analysis ran in (finding paths are relative to it). Default: process.cwd(). */
  cwd?: string;
  [extra: string]: unknown;
}

/** A CI report that has words of its own (a summary, labels): in the language of `tr` (the findings' messages are the result's). */
export type WordedCiContext = CiReportContext & { tr: Translator };

export type GithubLevel = 'error' | 'warning' | 'notice';

export const GITHUB_LEVEL: Record<Severity, GithubLevel> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'warning', info: 'notice',
};

/**
 * Escapes the message part of a workflow command: other control characters are shown escaped
 * (util/sanitize.ts), then %, CR and LF as the runner reads them, so that no value from the
 * workspace can end the command or start another one.
 */
export function escapeData(s: string): string {
  return s.split('\r').map(sanitizeText).join('\r').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title): also ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(level: GithubLevel, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
    || a.rule.localeCompare(b.rule) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function findingFile(f: Finding, ctx: CiReportContext): string | undefined {
  return f.location ? rootRelative(f.location.file, ctx.rootDir, ctx.cwd ?? process.cwd()) : undefined;
}

export function renderGithub(result: AuditResult, ctx: WordedCiContext): string {
  const { t } = ctx.tr;
  const known = knownIds(result);
  const b = baselineOf(result);
  const lines: string[] = [];
  const a = result.assessment;
  const summary = b
    ? t('ci.summary.baseline', { level: t(`diff.level.${a.level}`), score: a.score, n: result.findings.length, new: b.new.length, known: b.known.length })
    : t('ci.summary', { level: t(`diff.level.${a.level}`), score: a.score, n: result.findings.length });
  lines.push(workflowCommand('notice', { title: t('ci.title', { organization: result.organization }) }, summary));
  for (const f of sortFindings(result.findings)) {
    const isKnown = known.has(f.id);
    const level = isKnown ? 'notice' : GITHUB_LEVEL[f.severity];
    const title = `${f.id} (${t(`diff.severity.${f.severity}`)})`;
    const body = [isKnown ? `${t('ci.in-baseline')} ${f.message}` : f.message];
    if (f.recommendation) body.push(f.recommendation);
    // Only the start: GitHub shows an annotation under the last line of its range, and the
    // entity's first line (its id) is where a reviewer looks.
    const loc = f.location;
    lines.push(workflowCommand(level, {
      file: findingFile(f, ctx),
      line: loc?.line,
      col: loc?.column,
      title,
    }, body.join('\n')));
  }
  return `${lines.join('\n')}\n`;
}

/** The analyze command's entry: annotation paths relative to $GITHUB_WORKSPACE or the git top folder. */
export function githubReporter(result: AuditResult, ctx: WordedCiContext): string {
  return renderGithub(result, withCiRoot(ctx));
}
