// The string writer of the JSON layout as it was before the byte writer in src/util/json-layout.ts
// (issue #18: the byte writer takes less than half its CPU): kept as the reference that writer
// must match byte for byte, in safe mode too (test/util/json-layout.test.ts).

// The layout of audit.json (`analyze --format json`, the report's audit.json): JSON that a team
// keeps in git and reads in diffs, at about three quarters of the bytes of
// JSON.stringify(value, null, 2) (the 10,000-tool audit: 51 MB instead of 67 MB).
//
// Rules, the same every run (docs/ci.md "The JSON layout"):
// - A record (an object that is an item of a list: a finding, an initiative, a tool) has one
//   field per line; a field stands on one line when it nests at most two levels (entities,
//   location, data, details, a list of ids): a change to a finding is a changed line per field
//   that changed, whatever the lengths.
// - Any other object or list stands on one line when that line fits in WIDTH columns; otherwise
//   it has one member per line, indented by two spaces, and the same rules apply to each member.
// One line is spaced as people write JSON: `{ "kind": "tool", "id": "crm" }`, `["a", "b"]`.
// Strings are escaped as JSON.stringify escapes them: no string holds a raw line break, so the
// text comes in chunks of lines (each chunk ends with a line break) that a line-based cleaner
// (util/sanitize.ts) treats as it would the whole. One line is made by hand (a JSON.stringify per
// field, then respaced, was three times the cost; a JSON.stringify per record, respaced by one scan
// or by regular expressions on its indented form, measured 1.3 to 2 times the cost too: the native
// serialiser is about half of this writer's time by itself), a record whose fields all stay on
// their lines is one string (no generator), and only a list or object broken over lines costs one.
//
// `safe`: the text comes out as util/sanitize.ts would leave it (sanitizeTerminal, sanitizeFile),
// so that a 50 MB document is not scanned again: raw control, bidi and line-separator characters
// can only stand inside strings, and each string is tested anyway for what JSON escapes, so the
// same test finds them and the rare string that holds one has them written as `\uXXXX` (the same
// characters, read back). No line of this layout starts with `::` or `##[` (a line starts with
// indentation, then a quote, a bracket, a brace, a number, true, false or null), so no workflow
// command can start one either. The plain writer (before these changes) is kept in
// test/util/json-layout-plain.ts: this one must give its bytes exactly.

import { sanitizeJson } from '../../src/util/sanitize.js';
import { skipped, toJsonValue } from '../../src/util/json-chunks.js';

/** The widest line (indentation, key and value) a value is joined onto when no rule keeps it on one. */
export const WIDTH = 100;
/** About how many characters a chunk holds before it is handed out (it ends at a line break). */
const CHUNK = 1 << 16;
/** How deep a field of a record may nest and stay on one line (entities: a list of objects of scalars). */
const FIELD_DEPTH = 2;

type Json = unknown;

const isContainer = (v: Json): v is object => v !== null && typeof v === 'object';

type Quote = (s: string) => string;

// What JSON.stringify escapes in a string (and lone surrogates: any surrogate takes the slow way).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes are the point
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote: Quote = (s) => (ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`);
// The same, and what util/sanitize.ts escapes (UNSAFE there: C1 controls and DEL, bidi marks,
// embeddings, overrides and isolates, U+2028/2029), which JSON.stringify leaves raw.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes are the point
const ESCAPED_SAFE = /["\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** A scalar as JSON.stringify writes it (undefined, a function or a symbol: null, as in a list). */
function scalar(v: Json, q: Quote): string {
  if (typeof v === 'string') return q(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || skipped(v)) return 'null';
  return JSON.stringify(v) ?? 'null';
}

/**
 * The value on one line, spaced, or undefined when it nests more than `levels` levels of objects
 * and lists (a scalar: 0).
 */
function line(v: Json, levels: number, q: Quote): string | undefined {
  if (!isContainer(v)) return scalar(v, q);
  if (levels === 0) return undefined;
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      const x = line(toJsonValue(v[i], String(i)), levels - 1, q);
      if (x === undefined) return undefined;
      s += i ? `, ${x}` : x;
    }
    return `${s}]`;
  }
  let s = '';
  for (const k of Object.keys(v)) {
    const item = toJsonValue((v as Record<string, Json>)[k], k);
    if (skipped(item)) continue;
    const x = line(item, levels - 1, q);
    if (x === undefined) return undefined;
    s += `${s ? ', ' : '{ '}${q(k)}: ${x}`;
  }
  return s ? `${s} }` : '{}';
}

/** The value on one line, spaced: `{ "a": 1, "b": ["x", "y"] }` (JSON.stringify's own escaping). */
export function oneLine(value: Json): string {
  return line(toJsonValue(value, ''), Infinity, quote)!;
}

/**
 * At least how many characters the value takes on one line, counted only up to `room`: past it
 * the count stops (a list of 10,000 findings is never measured whole, nor serialised to be).
 */
function atLeast(value: Json, room: number): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null) return 4;
  if (!isContainer(value)) return 0;
  let n = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && n <= room; i++) n += (i ? 2 : 0) + atLeast(toJsonValue(value[i], String(i)), room - n);
    return n;
  }
  for (const k of Object.keys(value)) {
    if (n > room) break;
    const v = toJsonValue((value as Record<string, Json>)[k], k);
    // `"k": v, ` (the last one's comma and space are the closing brace's space).
    if (!skipped(v)) n += k.length + 6 + atLeast(v, room - n);
  }
  return n;
}

/** The one-line text of a container when it fits in `room` characters, else undefined. */
function fitting(value: object, room: number, q: Quote): string | undefined {
  if (atLeast(value, room) > room) return undefined;
  const one = line(value, Infinity, q)!;
  return one.length <= room ? one : undefined;
}

/**
 * The chunks of `value` in the layout above (no trailing line break), each ending with a line
 * break except the last. Parsed, the text is JSON.stringify(value)'s value.
 */
export function* layoutChunks(value: Json, opts: { width?: number; safe?: boolean } = {}): Generator<string> {
  const width = opts.width ?? WIDTH;
  // Safe mode: the layout is decided on the plain text (widths count a character as one, as the
  // plain writer did), and a piece that holds a string with a character to escape is cleaned as
  // it is handed out (`dirty`: such a string was quoted since the last piece).
  let dirty = false;
  const q: Quote = opts.safe
    ? (s) => {
        if (!ESCAPED_SAFE.test(s)) return `"${s}"`;
        dirty = true;
        return JSON.stringify(s);
      }
    : quote;
  let parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    if (dirty) {
      s = sanitizeJson(s);
      dirty = false;
    }
    parts.push(s);
    size += s.length;
  };
  // `pad "key": ` for each indentation and key.
  const heads = new Map<string, Map<string, string>>();
  const headOf = (pad: string, k: string) => {
    let keys = heads.get(pad);
    if (keys === undefined) heads.set(pad, (keys = new Map()));
    let h = keys.get(k);
    if (h === undefined) {
      const was = dirty;
      dirty = false;
      h = `${pad}${q(k)}: `;
      // A key to clean is not kept: quoting it again marks the piece it goes into.
      if (!dirty) keys.set(k, h);
      dirty ||= was;
    }
    return h;
  };
  // The text of a value that stays on its line (`used`: the characters before it on the line;
  // `field`: it is a field of a record), or undefined when it is broken over lines.
  const inline = (v: Json, used: number, field: boolean): string | undefined => {
    if (!isContainer(v)) return scalar(v, q);
    return (field ? line(v, FIELD_DEPTH, q) : undefined) ?? fitting(v, width - used - 1, q);
  };
  // A record (an object in a list at indentation `pad`) as one string when every field stays on
  // its line, else undefined (it is then broken by the generator below).
  const record = (v: object, pad: string): string | undefined => {
    const inner = `${pad}  `;
    let s = '';
    for (const k of Object.keys(v)) {
      let item = (v as Record<string, Json>)[k];
      if (typeof item === 'object' && item !== null) item = toJsonValue(item, k);
      else if (skipped(item)) continue;
      const head = headOf(inner, k);
      const text = inline(item, head.length, true);
      if (text === undefined) return undefined;
      s += s ? `,\n${head}${text}` : `{\n${head}${text}`;
    }
    return s ? `${s}\n${pad}}` : '{}';
  };
  // A container broken over lines: one member per line, each laid out by the same rules.
  function* broken(v: object, pad: string, fields: boolean): Generator<string> {
    const inner = `${pad}  `;
    if (Array.isArray(v)) {
      push('[');
      for (let i = 0; i < v.length; i++) {
        push(i ? ',\n' : '\n');
        if (size >= CHUNK) {
          yield parts.join('');
          parts = [];
          size = 0;
        }
        push(inner);
        const item = toJsonValue(v[i], String(i));
        // An object in a list is a record: its members are fields, one per line.
        if (isContainer(item) && !Array.isArray(item)) {
          const text = record(item, inner);
          if (text !== undefined) push(text);
          else yield* broken(item, inner, true);
        } else {
          const text = inline(item, inner.length, false);
          if (text !== undefined) push(text);
          else yield* broken(item as object, inner, false);
        }
      }
      push(`\n${pad}]`);
      return;
    }
    let wrote = false;
    for (const k of Object.keys(v)) {
      let item = (v as Record<string, Json>)[k];
      if (typeof item === 'object' && item !== null) item = toJsonValue(item, k);
      else if (skipped(item)) continue;
      push(wrote ? ',\n' : '{\n');
      wrote = true;
      if (size >= CHUNK) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
      const head = headOf(inner, k);
      const text = inline(item, head.length, fields);
      if (text !== undefined) push(head + text);
      else {
        push(head);
        yield* broken(item as object, inner, false);
      }
    }
    push(wrote ? `\n${pad}}` : '{}');
  }
  const top = toJsonValue(value, '');
  const text = inline(top, 0, false);
  if (text !== undefined) push(text);
  else yield* broken(top as object, '', false);
  if (size) yield parts.join('');
}

/** The whole text of layoutChunks. */
export function layoutJson(value: Json, opts: { width?: number; safe?: boolean } = {}): string {
  return [...layoutChunks(value, opts)].join('');
}
