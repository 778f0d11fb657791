// `analyze --format json`: the rules.md document (plus additive fields), stable run to run:
// findings come sorted (severity, rule, id) from the rules, initiatives in the suggested order.
import type { AuditResult } from '../analysis/types.js';
import { jsonChunks } from '../util/json-chunks.js';

export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The same text as renderJson, in chunks that end with a line break (util/json-chunks.ts): what the CLI writes. */
export function* renderJsonChunks(result: AuditResult): Generator<string> {
  yield* jsonChunks(result);
  yield '\n';
}
