// What every command shares: global options, language, loading a workspace or stopping with
// its diagnostics.
import jsYaml from 'js-yaml';
import { initLang, currentLang, isLang, resolveLang, t, type Lang } from '../i18n/index.js';
import { loadWorkspace, type LoadResult } from '../workspace/load.js';
import { yamlLib } from '../workspace/parse.js';
import { formatDiagnostic, writeErr } from './output.js';
import { FailureExit, UsageError } from '../util/errors.js';
import type { Workspace } from '../model/model.js';
import { monthOf } from '../analysis/roadmap/months.js';

/** This month as YYYY-MM: the one place that reads the clock (the library never does). */
export function currentMonth(): string {
  return monthOf(new Date());
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

/** settings.lang read straight from the YAML texts, for a workspace too broken to build. */
export function peekSettingsLang(sources: Map<string, string>): string | undefined {
  for (const text of sources.values()) {
    if (!/^settings:/m.test(text)) continue;
    try {
      // js-yaml is fast; when it rejects the file, the document model still finds settings.lang
      // despite errors elsewhere (duplicate keys, bad indentation).
      let lang: unknown;
      try {
        lang = (jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as any)?.settings?.lang;
      } catch {
        lang = yamlLib().parseDocument(text, { uniqueKeys: false }).getIn(['settings', 'lang']);
      }
      if (typeof lang === 'string') return lang;
    } catch {
      // unparsable: its own diagnostics say so
    }
  }
  return undefined;
}

/**
 * Loads a workspace with its messages in the language it asks for. Diagnostics are worded while
 * loading, before settings.lang is known; when that setting picks another language, the
 * workspace is read again when it has diagnostics, so that every message is in one language.
 */
export async function loadLocalized(path: string, globals: GlobalOptions): Promise<LoadResult> {
  const result = loadWorkspace(path);
  const before = currentLang();
  await applyWorkspaceLang(result.workspace, globals, result.workspace ? undefined : peekSettingsLang(result.sources));
  // Only diagnostics carry worded text (default stage names translate lazily): a clean load need
  // not be repeated, which matters for a large workspace.
  return currentLang() === before || result.diagnostics.length === 0 ? result : loadWorkspace(path);
}

/**
 * Loads the workspace; when it is invalid, prints every error (stderr) and exits 1.
 * Warnings are printed unless `quietWarnings`.
 */
export async function loadOrExit(path: string, globals: GlobalOptions, opts: { quietWarnings?: boolean } = {}): Promise<{ workspace: Workspace; result: LoadResult }> {
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
