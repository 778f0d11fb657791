// The analyze command's --baseline / --write-baseline, in one function the command calls after
// analyze(): it returns the result the reporters print (with a `baseline` section) and the
// findings that count toward --fail-on. Notes go to stderr so that stdout stays the report.
import type { AuditResult, Finding } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import { applyBaseline, createBaseline, gateFindings, readBaseline, writeBaseline } from './baseline.js';
import { sanitizeTerminal } from '../util/sanitize.js';

export interface BaselineOptions {
  /** --baseline FILE: findings recorded there do not fail the run. */
  baseline?: string;
  /** --write-baseline FILE: record today's findings. */
  writeBaseline?: string;
}

export interface BaselineOutcome<R extends AuditResult = AuditResult> {
  result: R;
  /** The findings --fail-on looks at. */
  gate: Finding[];
}

export function applyBaselineOptions<R extends AuditResult>(
  result: R, opts: BaselineOptions, tr: Translator, note: (line: string) => void = (l) => process.stderr.write(`${sanitizeTerminal(l)}\n`),
): BaselineOutcome<R> {
  const { t, tCount } = tr;
  let out: R = result;
  if (opts.baseline) {
    const applied = applyBaseline(result, readBaseline(opts.baseline, tr), opts.baseline);
    const b = applied.baseline;
    note(t('baseline.applied', { file: opts.baseline, known: b.known.length, new: b.new.length }));
    if (b.fixed.length) note(tCount('baseline.fixed', b.fixed.length, { n: b.fixed.length, ids: b.fixed.join(', ') }));
    out = applied;
  }
  if (opts.writeBaseline) {
    const written = writeBaseline(opts.writeBaseline, result, tr);
    note(tCount('baseline.written', written.findings.length, { file: opts.writeBaseline, n: written.findings.length }));
    // Just recorded: what was found is accepted, so this run does not fail on it (unless an
    // older --baseline was given too, which then decides).
    if (!opts.baseline) out = applyBaseline(result, createBaseline(result), opts.writeBaseline);
  }
  return { result: out, gate: gateFindings(out) };
}
