// `martech-audit diff <old> [new]` / `diff --since REF [path]`: what changed between two
// versions of an audit. Thin: resolve the sides (src/git), analyze both, compare (src/diff),
// print one of three formats. Never prompts; colour only on a TTY.
import { activeTranslator, t, translator, type Translator } from '../../i18n/index.js';
import { applyWorkspaceLang, checkFailOn, type GlobalOptions } from '../context.js';
import { countAtOrAbove } from '../../api.js';
import { chalk, formatDiagnostic, write, writeChunks, writeErr } from '../output.js';
import { FailureExit, UsageError } from '../../util/errors.js';
import { mapChunks, writeFileAtomicInterruptible } from '../../util/fs.js';
import { sanitizeFile } from '../../util/sanitize.js';
import { digestSides, InvalidSideError } from '../../diff/parallel.js';
import { resolveSides } from '../../git/sides.js';
import { diffDigests } from '../../diff/diff.js';
import { renderDiffText } from '../../diff/render-text.js';
import { renderDiffMarkdown } from '../../diff/render-markdown.js';
import { renderDiffJsonChunks } from '../../diff/render-json.js';
import type { DiffResult } from '../../diff/types.js';
import { tCount } from '../../i18n/index.js';

declare const __VERSION__: string;

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

export interface DiffOptions { since?: string; format?: string; out?: string; failOn?: string }

function render(format: string, d: DiffResult, toFile: boolean, tr: Translator): string | Iterable<string> {
  switch (format) {
    case 'markdown': {
      const version = typeof __VERSION__ === 'string' ? __VERSION__ : undefined;
      return renderDiffMarkdown(d, { tr, generator: version ? `martech-audit ${version}` : 'martech-audit' });
    }
    // Two 10,000-tool revisions differ by tens of megabytes: written in chunks, never one string.
    case 'json': return renderDiffJsonChunks(d);
    default: return renderDiffText(d, toFile ? { tr } : { tr, chalk });
  }
}

export async function run(oldSpec: string | undefined, newSpec: string | undefined, opts: DiffOptions, globals: GlobalOptions): Promise<void> {
  const format = opts.format ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t('cli.bad-format', { format, allowed: DIFF_FORMATS.join(', ') }));
  }
  const failOn = checkFailOn(opts.failOn) ?? 'none';

  let digests;
  try {
    // The sides are found and read before the workspace's language is known: the command's language.
    const cmd = activeTranslator();
    const sides = resolveSides({ old: oldSpec, new: newSpec, since: opts.since, tr: cmd });
    // Both loaded and analysed at once when they are large (src/diff/parallel.ts); the new side's
    // workspace decides the language of the comparison.
    digests = await digestSides(sides, {
      cwd: process.cwd(), tr: cmd, language: async (ws) => translator(await applyWorkspaceLang(ws, globals)),
    });
  } catch (err) {
    if (!(err instanceof InvalidSideError)) throw err;
    const { load, side } = err.loaded;
    await applyWorkspaceLang(undefined, globals);
    for (const d of load.diagnostics) writeErr(formatDiagnostic(d, load.sources));
    const errors = load.diagnostics.filter((d) => d.severity === 'error').length;
    writeErr(tCount('git.invalid-side', errors, { side: side.label, errors }));
    throw new FailureExit(1);
  }
  const { tr } = digests;
  const d = diffDigests(digests.old, digests.new, digests.entities);
  digests = undefined;

  const text = render(format, d, Boolean(opts.out), tr);
  if (opts.out) {
    await writeFileAtomicInterruptible(opts.out, typeof text === 'string' ? sanitizeFile(text, 'text') : mapChunks(text, (c) => sanitizeFile(c, 'text')));
    writeErr(t('diff.written', { file: opts.out }));
  } else if (typeof text === 'string') {
    write(text);
  } else {
    await writeChunks(text);
  }

  // Only what the change introduces counts (src/api.ts countAtOrAbove, like analyze and report).
  const bad = countAtOrAbove(d.findings.introduced, failOn);
  if (bad) {
    writeErr(tCount('diff.fail', bad, { n: bad, severity: failOn }));
    throw new FailureExit(1);
  }
}
