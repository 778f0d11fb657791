// `analyze --format json`: the rules.md document (plus additive fields), stable run to run:
// findings come sorted (severity, rule, id) from the rules, initiatives in the suggested order.
import type { AuditResult } from '../analysis/types.js';

export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
