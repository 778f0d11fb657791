// `analyze --format json`: the rules.md document (plus additive fields), stable run to run:
// findings come sorted (severity, rule, id) from the rules, initiatives in the suggested order.
// Laid out for review in git (util/json-layout.ts, docs/ci.md "The JSON layout"): a record's
// fields one per line, small objects and lists on one line.
import type { AuditResult } from '../analysis/types.js';
// Written in the layout's safe mode: what sanitizeTerminal / sanitizeFile would make of it, so the
// writers need not scan tens of megabytes again (the chunks are marked clean).
import { layoutBytes, layoutJson } from '../util/json-layout.js';
import { cleanChunks } from '../util/sanitize.js';

export function renderJson(result: AuditResult): string {
  return `${layoutJson(result, { safe: true })}\n`;
}

/**
 * The same text as renderJson, as UTF-8 bytes in chunks that end with a line break
 * (util/json-layout.ts): what the CLI writes, with no string made of it.
 */
export function renderJsonChunks(result: AuditResult): Generator<Uint8Array> {
  return cleanChunks(
    (function* () {
      yield* layoutBytes(result, { safe: true });
      yield NEWLINE;
    })(),
  );
}

const NEWLINE = Buffer.from('\n');
