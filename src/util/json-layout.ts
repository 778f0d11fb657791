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
// (util/sanitize.ts) treats as it would the whole.
//
// How (issue #18: the string writer before this one took 0.4 s of CPU and much of the garbage of
// a 10,000-tool `analyze --format json`): the text is written as UTF-8 straight into a byte buffer,
// one pass over each string that both checks it for what must be escaped and copies it. Whether a
// container fits on one line is found by writing it on one line and going back (the buffer's
// position reset) as soon as the line passes the width, so a value is neither serialised twice nor
// measured whole (a list of 10,000 findings is abandoned after its first hundred columns). Widths
// are counted as the plain writer counted them, in UTF-16 units of the JSON.stringify-escaped text:
// a multi-byte character or an escape that safe mode adds is written as more bytes than it counts
// (`adj`, below). Only a list or object broken over lines costs a generator; the chunks are the
// buffer's bytes, cut after a line break once they pass CHUNK bytes.
//
// `safe`: the text comes out as util/sanitize.ts would leave it (sanitizeTerminal, sanitizeFile),
// so that a 50 MB document is not scanned again: raw control, bidi and line-separator characters
// can only stand inside strings, and each string is scanned anyway for what JSON escapes, so the
// same scan writes them as `\uXXXX` (the same characters, read back). No line of this layout
// starts with `::` or `##[` (a line starts with indentation, then a quote, a bracket, a brace, a
// number, true, false or null), so no workflow command can start one either. The plain writer
// (before these changes) is kept in test/util/json-layout-plain.ts, and the string writer this one
// replaced in test/util/json-layout-strings.ts: this one must give their bytes exactly.

import { toJsonValue } from './json-chunks.js';

/** The widest line (indentation, key and value) a value is joined onto when no rule keeps it on one. */
export const WIDTH = 100;
/** About how many bytes a chunk holds before it is handed out (it ends at a line break). */
const CHUNK = 1 << 16;
/** How deep a field of a record may nest and stay on one line (entities: a list of objects of scalars). */
const FIELD_DEPTH = 2;

type Json = unknown;

export interface LayoutOptions {
  width?: number;
  safe?: boolean;
}

const HEX = '0123456789abcdef';

/** From how many UTF-16 units a string is checked and copied by native code rather than by a loop. */
const LONG = 24;
// What JSON.stringify escapes in a string, and every surrogate (JSON.stringify escapes a lone one,
// the encoder would not: the loop tells a lone one from a pair).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes are the point
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
// The same, and what util/sanitize.ts escapes (UNSAFE there: C1 controls and DEL, bidi marks,
// embeddings, overrides and isolates, U+2028/2029), which JSON.stringify leaves raw.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes are the point
const ESCAPED_SAFE = /["\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

class Writer {
  buf: Buffer = Buffer.allocUnsafe(CHUNK * 2);
  pos = 0;
  /** Bytes written minus the UTF-16 units the plain text counts (so `pos - adj` is a width position). */
  adj = 0;
  /** Where the current line starts (a width position). */
  lineStart = 0;
  /** A one-line attempt gives up past this width position, once it nests deeper than a field may. */
  stop = 0;
  /** The value being tried nests deeper than a field may (or is no field): only then does the width count. */
  deep = false;
  /** The value of the member that must be broken over lines (members() stopped at it). */
  pending: Json = undefined;
  /** Chunks ready to hand out (each ends with a line break). */
  readonly ready: Buffer[] = [];
  readonly escaped: RegExp;

  constructor(
    readonly width: number,
    readonly safe: boolean,
  ) {
    this.escaped = safe ? ESCAPED_SAFE : ESCAPED;
  }

  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** A line break; the chunk is cut after it once it is large enough. */
  nl(): void {
    this.room(1);
    this.buf[this.pos++] = 10;
    if (this.pos >= CHUNK) {
      this.ready.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(CHUNK * 2);
      this.pos = 0;
      this.adj = 0;
    }
    this.lineStart = this.pos - this.adj;
  }

  /** `n` spaces (indentation). */
  spaces(n: number): void {
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = 32;
    this.pos = p;
  }

  /** ASCII text of the layout's own (punctuation, numbers, literals). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Two bytes of the layout's own: `, `, `: `, `{ `, ` }`, `{}`. */
  two(c: number, d: number): void {
    this.room(2);
    const b = this.buf;
    b[this.pos++] = c;
    b[this.pos++] = d;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** A string literal, escaped as JSON.stringify escapes it (and, safe, as sanitizeJson does after it). */
  str(s: string): void {
    const n = s.length;
    // A long string is tested by a regular expression and copied by the UTF-8 encoder (native code,
    // one call each); a short one, the most of them, costs less in the loop below.
    if (n >= LONG && !this.escaped.test(s)) {
      // At most three bytes a unit, and the quotes.
      this.room(n * 3 + 2);
      const b = this.buf;
      let p = this.pos;
      b[p++] = 34;
      const bytes = b.write(s, p);
      this.adj += bytes - n;
      p += bytes;
      b[p++] = 34;
      this.pos = p;
      return;
    }
    // At most six bytes a unit (`\u001b`), and the quotes.
    this.room(n * 6 + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) {
        if (c === 34 || c === 92) {
          b[p++] = 92;
        }
        b[p++] = c;
        continue;
      }
      if (c < 0x20) {
        b[p++] = 92;
        if (c === 10) b[p++] = 110;
        else if (c === 9) b[p++] = 116;
        else if (c === 13) b[p++] = 114;
        else if (c === 8) b[p++] = 98;
        else if (c === 12) b[p++] = 102;
        else p = u(b, p, c);
        continue;
      }
      if (c < 0x800) {
        if (this.safe && (c <= 0x9f || c === 0x61c)) {
          // Raw in JSON.stringify's text (one unit), escaped by the sanitiser (six bytes).
          b[p++] = 92;
          p = u(b, p, c);
          this.adj += 5;
        } else if (c === 0x7f) {
          b[p++] = c;
        } else {
          b[p++] = 0xc0 | (c >> 6);
          b[p++] = 0x80 | (c & 0x3f);
          this.adj += 1;
        }
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          // A pair: one character, four bytes, two units.
          const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 0x3f);
          b[p++] = 0x80 | ((cp >> 6) & 0x3f);
          b[p++] = 0x80 | (cp & 0x3f);
          this.adj += 2;
          i++;
        } else {
          // A lone surrogate: JSON.stringify escapes it (six units, six bytes).
          b[p++] = 92;
          p = u(b, p, c);
        }
        continue;
      }
      if (this.safe && (c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) {
        b[p++] = 92;
        p = u(b, p, c);
        this.adj += 5;
        continue;
      }
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
      this.adj += 2;
    }
    b[p++] = 34;
    this.pos = p;
  }

  /** A scalar as JSON.stringify writes it (undefined, a function or a symbol: null, as in a list). */
  scalar(v: Json): void {
    if (typeof v === 'string') this.str(v);
    else if (typeof v === 'number') this.ascii(Number.isFinite(v) ? String(v) : 'null');
    else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
    else if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') this.ascii('null');
    // A bigint: JSON.stringify throws, as it does for the whole document.
    else this.ascii(JSON.stringify(v) ?? 'null');
  }

  /** True once the line being tried has passed its width and nests deeper than a field may. */
  over(): boolean {
    return this.deep && this.pos - this.adj > this.stop;
  }

  /**
   * `v` on one line, spaced; false (part of it written) as soon as it is known not to stay on one
   * line: it nests more than `levels` levels (a scalar: 0) and its line passes `stop`.
   */
  one(v: Json, levels: number): boolean {
    if (v === null || typeof v !== 'object') {
      this.scalar(v);
      return !this.over();
    }
    if (levels === 0) {
      this.deep = true;
      if (this.over()) return false;
    }
    if (Array.isArray(v)) {
      this.byte(91);
      for (let i = 0; i < v.length; i++) {
        if (i) this.two(44, 32);
        let x = v[i];
        if (x !== null && typeof x === 'object') x = toJsonValue(x, String(i));
        if (!this.one(x, levels - 1)) return false;
      }
      this.byte(93);
      return !this.over();
    }
    let first = true;
    for (const k of Object.keys(v)) {
      const item = toJsonValue((v as Record<string, Json>)[k], k);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      if (first) this.two(123, 32);
      else this.two(44, 32);
      first = false;
      this.str(k);
      this.two(58, 32);
      if (!this.one(item, levels - 1)) return false;
    }
    if (first) this.two(123, 125);
    else this.two(32, 125);
    return !this.over();
  }

  /**
   * Writes `v` where it stands (after the line's first `pos - adj - lineStart` columns) when it
   * stays on the line: a scalar always; a field of a record when it nests at most FIELD_DEPTH
   * levels; any container when its line fits the width. Else writes nothing and returns false.
   */
  inline(v: Json, field: boolean): boolean {
    if (v === null || typeof v !== 'object') {
      this.scalar(v);
      return true;
    }
    const pos = this.pos;
    const adj = this.adj;
    // The line may end at width - 1 (a comma may follow).
    this.stop = this.lineStart + this.width - 1;
    this.deep = !field;
    if (this.one(v, field ? FIELD_DEPTH : Infinity)) return true;
    this.pos = pos;
    this.adj = adj;
    return false;
  }

  /**
   * The members of an object broken over lines (at indentation `pad`), from the key at `from`,
   * until one of them must be broken in turn: returns that key's index (its `"key": ` written, its
   * value in `pending`), or -1 when the object is written to its closing brace.
   */
  members(v: Record<string, Json>, keys: string[], from: number, pad: number, fields: boolean, wrote: boolean): number {
    for (let i = from; i < keys.length; i++) {
      const k = keys[i];
      let item = v[k];
      if (typeof item === 'object' && item !== null) item = toJsonValue(item, k);
      else if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      this.byte(wrote ? 44 : 123);
      wrote = true;
      this.nl();
      this.spaces(pad + 2);
      this.str(k);
      this.two(58, 32);
      if (!this.inline(item, fields)) {
        this.pending = item;
        return i;
      }
    }
    if (wrote) {
      this.nl();
      this.spaces(pad);
      this.byte(125);
    } else this.two(123, 125);
    return -1;
  }

  /** A container that does not stay on its line: one member per line, each laid out by the same rules. */
  *broken(v: object, pad: number, fields: boolean): Generator<Buffer> {
    if (Array.isArray(v)) {
      this.byte(91);
      for (let i = 0; i < v.length; i++) {
        if (i) this.byte(44);
        this.nl();
        if (this.ready.length) yield* this.drain();
        this.spaces(pad + 2);
        const item = toJsonValue(v[i], String(i));
        // An object in a list is a record: its members are fields, one per line.
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) yield* this.object(item as Record<string, Json>, pad + 2, true);
        else if (!this.inline(item, false)) yield* this.broken(item as object, pad + 2, false);
      }
      this.nl();
      this.spaces(pad);
      this.byte(93);
      return;
    }
    yield* this.object(v as Record<string, Json>, pad, fields);
  }

  /** An object broken over lines (a record: `fields`); a generator only once a member is broken in turn. */
  *object(v: Record<string, Json>, pad: number, fields: boolean): Generator<Buffer> {
    const keys = Object.keys(v);
    let at = this.members(v, keys, 0, pad, fields, false);
    while (at >= 0) {
      if (this.ready.length) yield* this.drain();
      yield* this.broken(this.pending as object, pad + 2, false);
      at = this.members(v, keys, at + 1, pad, fields, true);
    }
  }

  *drain(): Generator<Buffer> {
    for (const chunk of this.ready.splice(0)) yield chunk;
  }
}

function u(b: Buffer, p: number, c: number): number {
  b[p++] = 117;
  b[p++] = HEX.charCodeAt(c >> 12);
  b[p++] = HEX.charCodeAt((c >> 8) & 15);
  b[p++] = HEX.charCodeAt((c >> 4) & 15);
  b[p++] = HEX.charCodeAt(c & 15);
  return p;
}

/**
 * The UTF-8 bytes of `value` in the layout above (no trailing line break), in chunks each ending
 * with a line break except the last. Parsed, the text is JSON.stringify(value)'s value. Each chunk
 * is a buffer of its own (a consumer may keep it).
 */
export function* layoutBytes(value: Json, opts: LayoutOptions = {}): Generator<Buffer> {
  const w = new Writer(opts.width ?? WIDTH, opts.safe === true);
  const top = toJsonValue(value, '');
  if (!w.inline(top, false)) yield* w.broken(top as object, 0, false);
  yield* w.drain();
  if (w.pos) yield w.buf.subarray(0, w.pos);
}

/** The same text as layoutBytes, in strings (chunks end at line breaks, so no character is cut). */
export function* layoutChunks(value: Json, opts: LayoutOptions = {}): Generator<string> {
  for (const chunk of layoutBytes(value, opts)) yield chunk.toString('utf8');
}

/** The whole text of layoutChunks. */
export function layoutJson(value: Json, opts: LayoutOptions = {}): string {
  return [...layoutChunks(value, opts)].join('');
}

/** The value on one line, spaced: `{ "a": 1, "b": ["x", "y"] }` (JSON.stringify's own escaping). */
export function oneLine(value: Json): string {
  const w = new Writer(WIDTH, false);
  w.deep = false;
  w.one(toJsonValue(value, ''), Infinity);
  return w.buf.toString('utf8', 0, w.pos);
}
