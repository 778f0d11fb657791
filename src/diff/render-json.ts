// `diff --format json`: the DiffResult as one JSON document (stable key order, sorted lists).
import type { DiffResult } from './types.js';
import { jsonChunks } from '../util/json-chunks.js';

export function renderDiffJson(d: DiffResult): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** The same text in chunks that end with a line break (util/json-chunks.ts): what the CLI writes. */
export function* renderDiffJsonChunks(d: DiffResult): Generator<string> {
  yield* jsonChunks(d);
  yield '\n';
}
