// `analyze --format json`: the rules.md document (plus additive fields), stable run to run:
// findings come sorted (severity, rule, id) from the rules, initiatives in the suggested order.
// Laid out for review in git (util/json-layout.ts, docs/ci.md "The JSON layout"): a record's
// fields one per line, small objects and lists on one line.
import type { AuditResult } from '../analysis/types.js';
import { layoutChunks, layoutJson } from '../util/json-layout.js';

export function renderJson(result: AuditResult): string {
  return `${layoutJson(result)}\n`;
}

/** The same text as renderJson, in chunks that end with a line break (util/json-layout.ts): what the CLI writes. */
export function* renderJsonChunks(result: AuditResult): Generator<string> {
  yield* layoutChunks(result);
  yield '\n';
}
