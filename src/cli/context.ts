// What every command shares: global options, language, loading a workspace or stopping with
// its diagnostics.
import { initLang, currentLang, isLang, localeLang, resolveLang, t, type Lang } from '../i18n/index.js';
import { open, type OpenResult } from '../open.js';
import { formatDiagnostic, writeErr } from './output.js';
import { FailureExit, UsageError } from '../util/errors.js';
import type { Workspace } from '../model/model.js';
import { MONTH_PATTERN, SEVERITIES, type Severity } from '../model/vocabulary.js';
import { monthOf } from '../analysis/roadmap/months.js';

/** This month as YYYY-MM: the one place that reads the clock (the library never does). */
export function currentMonth(): string {
  return monthOf(new Date());
}

/** --start: a month (YYYY-MM); anything else is a usage error (exit 2). The same check on every command. */
export function checkStart(value: string | undefined): string | undefined {
  if (value !== undefined && !MONTH_PATTERN.test(value)) throw new UsageError(t('analyze.bad-start', { value }));
  return value;
}

/** --fail-on: a severity or 'none'; anything else is a usage error (exit 2). The same check on every command. */
export function checkFailOn(value: string | undefined): Severity | 'none' | undefined {
  if (value !== undefined && value !== 'none' && !(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(t('analyze.bad-fail-on', { value, allowed: [...SEVERITIES, 'none'].join(', ') }));
  }
  return value as Severity | 'none' | undefined;
}

/** --sarif-max-results (analyze, report): a whole number ≥ 0 (0: no limit); anything else is a usage error (exit 2). */
export function parseSarifMaxResults(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(value)) throw new UsageError(t('analyze.bad-sarif-max-results', { value }));
  return Number(value);
}

export interface GlobalOptions {
  lang?: string;
  color?: boolean;
}

/** Language priority: --lang, then the workspace's settings.lang, then LC_ALL / LC_MESSAGES / LANG. */
export async function applyWorkspaceLang(ws: Workspace | undefined, globals: GlobalOptions, setting?: string): Promise<Lang> {
  if (globals.lang && !isLang(globals.lang)) throw new UsageError(t('cli.bad-lang', { lang: globals.lang }));
  const lang = resolveLang({ flag: globals.lang, setting: ws?.settings.lang ?? setting });
  if (lang !== currentLang()) await initLang(lang);
  return lang;
}

/**
 * Loads a workspace once, with its messages in the language it asks for: --lang, else its
 * settings.lang, else the locale (src/api.ts open()).
 */
export async function loadLocalized(path: string, globals: GlobalOptions): Promise<OpenResult> {
  if (globals.lang && !isLang(globals.lang)) throw new UsageError(t('cli.bad-lang', { lang: globals.lang }));
  return open(path, { lang: globals.lang as Lang | undefined, defaultLang: localeLang() });
}

/**
 * Loads the workspace; when it is invalid, prints every error (stderr) and exits 1.
 * Warnings are printed unless `quietWarnings`.
 */
export async function loadOrExit(path: string, globals: GlobalOptions, opts: { quietWarnings?: boolean } = {}): Promise<{ workspace: Workspace; result: OpenResult }> {
  const result = await loadLocalized(path, globals);
  if (!result.ok || !result.workspace) {
    for (const d of result.diagnostics) writeErr(formatDiagnostic(d, result.sources));
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    writeErr(t('cli.invalid-workspace', { path, errors }));
    throw new FailureExit(1);
  }
  if (!opts.quietWarnings) {
    for (const d of result.diagnostics) writeErr(formatDiagnostic(d, result.sources, false));
  }
  return { workspace: result.workspace, result };
}
