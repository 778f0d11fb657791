// The interview's first question for a new workspace: start from a spreadsheet of tools? Kept
// here so that the interview itself only calls it (src/cli/commands/interview.ts).
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { currentLang, t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { write, writeErr } from '../cli/output.js';
import type { Ui } from '../interview/ui.js';
import { tCount } from '../i18n/index.js';

/** A path as typed or dropped into a terminal: quotes and backslash-escaped spaces removed. */
export function typedPath(answer: string): string {
  const s = answer.trim();
  const quoted = /^(['"])(.*)\1$/.exec(s);
  return quoted ? quoted[2] : s.replace(/\\ /g, ' ');
}

/** Asks for a spreadsheet and imports it into `target`; true when the workspace was written. */
export async function offerSpreadsheet(ui: Ui, target: string): Promise<boolean> {
  const answer = await ui.input({
    message: t('sheets.interview.ask'),
    validate: (v) => (typedPath(v) === '' || existsSync(typedPath(v)) ? true : t('sheets.not-found', { path: typedPath(v) })),
  });
  const file = typedPath(answer);
  if (!file) return false;
  try {
    const { runImport } = await import('./index.js');
    const out = await runImport(file, { out: target, lang: currentLang() });
    write(tCount('sheets.interview.imported', out.result.tools.length, { tools: out.result.tools.length, file: basename(file) }));
    return true;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    writeErr(t('sheets.interview.failed', { file: basename(file), reason: err.message }));
    return false;
  }
}
