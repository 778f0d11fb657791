// `diff --format json`: the DiffResult as one JSON document (stable key order, sorted lists).
import type { DiffResult } from './types.js';

export function renderDiffJson(d: DiffResult): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
