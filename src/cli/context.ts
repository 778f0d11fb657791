// What every command shares: global options, language, loading a workspace or stopping with
// its diagnostics.
import { initLang, currentLang, detectLang, isLang, t, type Lang } from '../i18n/index.js';
import { loadWorkspace, type LoadResult } from '../workspace/load.js';
import { formatDiagnostic, writeErr } from './output.js';
import { FailureExit, UsageError } from '../util/errors.js';
import type { Workspace } from '../model/model.js';

export interface GlobalOptions {
  lang?: string;
  color?: boolean;
}

/** Language priority: --lang, then the workspace's settings.lang, then LC_ALL / LANG. */
export async function applyWorkspaceLang(ws: Workspace | undefined, globals: GlobalOptions): Promise<Lang> {
  let lang: Lang = currentLang();
  if (globals.lang) {
    if (!isLang(globals.lang)) throw new UsageError(t('cli.bad-lang', { lang: globals.lang }));
    lang = globals.lang;
  } else if (ws?.settings.lang) lang = ws.settings.lang;
  else lang = detectLang(undefined);
  if (lang !== currentLang()) await initLang(lang);
  return lang;
}

/**
 * Loads the workspace; when it is invalid, prints every error (stderr) and exits 1.
 * Warnings are printed unless `quietWarnings`.
 */
export async function loadOrExit(path: string, globals: GlobalOptions, opts: { quietWarnings?: boolean } = {}): Promise<{ workspace: Workspace; result: LoadResult }> {
  const result = loadWorkspace(path);
  await applyWorkspaceLang(result.workspace, globals);
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
