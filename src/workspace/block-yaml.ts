// A reader for the plain shape large workspaces are written in: block mappings and lists, one
// value a line (a plain or quoted scalar, or a flow list or mapping closed on its line), comments.
// It reads 10,000 tools several times faster than js-yaml and finds, in the same pass, where each
// top-level key and each list item starts (what scanOutline finds with a second pass); issue 18.
//
// It gives js-yaml's value (YAML 1.2 core schema: plain scalars are resolved by js-yaml's own
// types) or nothing: anything outside that shape, or anything it is not sure of (tabs, CR line
// ends, anchors, tags, block scalars, multi-line scalars, duplicate or odd keys, empty flow
// entries, ...) returns undefined, and the file is read by js-yaml and scanOutline as before. Both
// agree on random documents (test/workspace/block-yaml.property.test.ts).
import jsYaml from 'js-yaml';
import type { Outline } from './outline.js';

interface ImplicitType { resolve(s: string): boolean; construct(s: string): unknown }
const IMPLICIT = (jsYaml.CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

// js-yaml refuses these in scalars; a text holding any is left to it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: js-yaml's own pattern of non-printable characters
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
// One pass over an ASCII text instead of the three checks below (issue 18: 9 ms of 5 MB).
const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/;
const LIST_KEYS = new Set(['tools', 'touchpoints', 'integrations', 'questions', 'stages', 'personas', 'data_types']);
// Keys that would not read as the text they are written as (null, booleans) or that js-yaml treats apart.
const ODD_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

const BAIL = new Error('not the plain shape');

// The keys of the format (schema.ts), by length: a key written in a file is taken from here when it
// is one of them, not cut out of the text, so that 10,000 tools do not make 100,000 short strings
// for the same ten names.
const FORMAT_KEYS = [
  'version', 'organization', 'stages', 'settings', 'touchpoints', 'tools', 'integrations', 'strategy', 'questions', 'personas',
  'data_types', 'id', 'name', 'description', 'stage', 'channel', 'owner', 'captures', 'realtime', 'personalized', 'needs',
  'conversational', 'in_scope', 'notes', 'vendor', 'catalog', 'category', 'capabilities', 'hub', 'status', 'cost', 'amount',
  'period', 'seats', 'licensed', 'active', 'data', 'source_of_truth', 'renewal', 'third_party_cookies', 'network', 'url', 'from',
  'to', 'mode', 'frequency', 'bidirectional', 'party', 'personal', 'consent', 'restricted', 'title', 'kind', 'addresses',
  'stakeholders', 'start', 'months', 'depends_on', 'pilot', 'phase', 'saving', 'horizon', 'review', 'initiatives', 'about',
  'field', 'text', 'ask', 'currency', 'departments', 'employees', 'fail_on', 'rules', 'output', 'lang', 'assessment',
  'thresholds', 'report', 'level', 'rationale', 'severity', 'threshold', 'enabled',
];
const KEYS_BY_LENGTH: string[][] = [];
for (const k of FORMAT_KEYS) (KEYS_BY_LENGTH[k.length] ??= []).push(k);
// The same keys by a hash of their text: one comparison instead of trying each key of that length
// (issue 18: ~6 ms of 10,000 tools). 93 gives each key of the list a slot of its own; a key added
// later whose slot another key took is still found, by length (keySlotsShared).
const KEY_SLOTS = 1023;
const keyHash = (t: string, at: number, end: number): number => {
  let h = end - at;
  for (let k = at; k < end; k++) h = (Math.imul(h, 93) + t.charCodeAt(k)) | 0;
  return h & KEY_SLOTS;
};
const KEY_BY_HASH: (string | undefined)[] = new Array(KEY_SLOTS + 1).fill(undefined);
let keySlotsShared = false;
for (const k of FORMAT_KEYS) {
  const h = keyHash(k, 0, k.length);
  if (KEY_BY_HASH[h] === undefined) KEY_BY_HASH[h] = k;
  else keySlotsShared = true;
}

/** The text from `at` to `end`, one of FORMAT_KEYS when it is one. */
function keyText(t: string, at: number, end: number): string {
  const len = end - at;
  const slot = KEY_BY_HASH[keyHash(t, at, end)];
  if (slot !== undefined && slot.length === len) {
    let same = true;
    for (let k = 0; k < len; k++) {
      if (slot.charCodeAt(k) !== t.charCodeAt(at + k)) {
        same = false;
        break;
      }
    }
    if (same) return slot;
  }
  if (keySlotsShared) {
    const known = KEYS_BY_LENGTH[len];
    if (known) {
      const c = t.charCodeAt(at);
      for (const k of known) if (k.charCodeAt(0) === c && t.startsWith(k, at)) return k;
    }
  }
  return t.slice(at, end);
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

const isKeyStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isKeyChar = (c: number): boolean => isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH || c === 46;
// A plain scalar starting with one of these may be something else: js-yaml decides (1: a letter).
const MAY_RESOLVE = new Uint8Array(128);
for (const c of '0123456789+-.~nNtTfF') MAY_RESOLVE[c.charCodeAt(0)] = /[a-z]/i.test(c) ? 1 : 2;
// Indicators that may not start a plain scalar here (- is allowed before a digit or a dot).
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

function resolvePlain(s: string): unknown {
  const may = MAY_RESOLVE[s.charCodeAt(0)];
  if (may === undefined || may === 0) return s;
  // A word can only be a null or a boolean of the core schema (null, Null, NULL, true, ..., FALSE:
  // four or five letters); js-yaml's number types need a digit, a sign or a dot first. Most words
  // starting with n, t or f (tool-12, tickets) skip js-yaml's float pattern this way.
  if (may === 1 && s.length !== 4 && s.length !== 5) return s;
  for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
  return s;
}

/** The value and outline of a text in the plain shape, or undefined (read it with js-yaml). */
export function readBlockYaml(text: string): { value: Record<string, unknown>; outline: Outline } | undefined {
  // Printable ASCII and line feeds only (most files): no tab, CR or character js-yaml refuses.
  if (NOT_PLAIN_ASCII.test(text) && (text.includes('\t') || text.includes('\r') || NON_PRINTABLE.test(text))) return undefined;
  try {
    return new Reader(text).read();
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}

class Reader {
  // The lines holding something (not blank, not only a comment): start offset, end offset, indent,
  // line number; `count` of them. Typed arrays: 200,000 lines of a 5 MB file made four arrays of
  // numbers grow by copying (issue 18).
  private starts: Int32Array;
  private ends: Int32Array;
  private indents: Int32Array;
  private numbers: Int32Array;
  private readonly count: number;
  private li = 0;
  private readonly top = new Map<string, { line: number; column: number }>();
  private readonly items = new Map<string, { line: number; column: number }[]>();

  constructor(private readonly text: string) {
    let start = 0;
    let number = 1;
    let count = 0;
    const n = text.length;
    // About one line in 25 characters; grown when there are more.
    let size = (n >> 4) + 16;
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.indents = new Int32Array(size);
    this.numbers = new Int32Array(size);
    while (start <= n) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = n;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) !== HASH) {
        // Document markers and directives are the Document's business.
        if (i === start && (text.startsWith('---', i) || text.startsWith('...', i) || text.charCodeAt(i) === 37)) throw BAIL;
        if (count === size) {
          size *= 2;
          this.starts = grown(this.starts, size);
          this.ends = grown(this.ends, size);
          this.indents = grown(this.indents, size);
          this.numbers = grown(this.numbers, size);
        }
        this.starts[count] = start;
        this.ends[count] = end;
        this.indents[count] = i - start;
        this.numbers[count] = number;
        count++;
      }
      start = end + 1;
      number++;
    }
    this.count = count;
  }

  read(): { value: Record<string, unknown>; outline: Outline } {
    if (!this.count || this.indents[0] !== 0) throw BAIL;
    const value = this.mapping(0, false, 'top');
    if (this.li < this.count) throw BAIL;
    return { value, outline: { top: this.top, items: this.items } };
  }

  private isSeqLine(li: number): boolean {
    const at = this.starts[li] + this.indents[li];
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    if (next === SPACE) return true;
    if (at + 1 >= this.ends[li]) throw BAIL; // `-` alone: the item on the lines below
    return false;
  }

  /** The end of a key starting at `at` (the offset of its colon), or -1 when no `key:` starts there. */
  private keyEnd(at: number, end: number): number {
    const t = this.text;
    if (!isKeyStart(t.charCodeAt(at))) return -1;
    let i = at + 1;
    while (i < end && isKeyChar(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) !== COLON) return -1;
    if (i + 1 < end && t.charCodeAt(i + 1) !== SPACE) return -1;
    return i;
  }

  private block(indent: number, where: Where, track?: { line: number; column: number }[]): unknown {
    if (this.isSeqLine(this.li)) return this.sequence(indent, where, track);
    const at = this.starts[this.li] + indent;
    if (this.keyEnd(at, this.ends[this.li]) < 0) throw BAIL;
    return this.mapping(indent, false, where);
  }

  /** A block mapping whose keys are at column `indent`; `first`: its first key is on the current line after `- `. */
  private mapping(indent: number, first: boolean, where: Where): Record<string, unknown> {
    const t = this.text;
    const out: Record<string, unknown> = {};
    let afterInitiatives = false;
    for (let firstLine = first; this.li < this.count; firstLine = false) {
      const li = this.li;
      if (!firstLine) {
        if (this.indents[li] < indent) break;
        if (this.indents[li] > indent) throw BAIL;
      }
      const start = this.starts[li];
      const end = this.ends[li];
      const at = start + indent;
      const colon = this.keyEnd(at, end);
      if (colon < 0) {
        // A list at the indentation of a mapping ends it only where that mapping is itself in a list's item.
        throw BAIL;
      }
      const key = keyText(t, at, colon);
      if (ODD_KEYS.has(key) || Object.hasOwn(out, key)) throw BAIL;
      if (where === 'top') {
        // What scanOutline takes for a top-level key.
        if (!/^[A-Za-z_][\w-]*$/.test(key)) throw BAIL;
        this.top.set(key, { line: this.numbers[li], column: 1 });
        if (LIST_KEYS.has(key)) this.items.set(key, []);
      }
      if (key === 'initiatives') {
        if (where !== 'strategy') throw BAIL;
        this.items.set('strategy.initiatives', []);
      }
      const track = where === 'top' && LIST_KEYS.has(key) ? this.items.get(key) : where === 'strategy' && key === 'initiatives' ? this.items.get('strategy.initiatives') : undefined;
      const inner: Where = where === 'top' && key === 'strategy' ? 'strategy' : 'inner';
      let i = colon + 1;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      let value: unknown;
      if (i >= end || t.charCodeAt(i) === HASH) {
        this.li++;
        if (this.li < this.count && this.indents[this.li] > indent) {
          // After strategy's initiatives, the outline scan would take the items of a later list for initiatives.
          if (where === 'strategy' && afterInitiatives) throw BAIL;
          value = this.block(this.indents[this.li], inner, track);
        } else if (this.li < this.count && this.indents[this.li] === indent && this.isSeqLine(this.li)) {
          // A list at its key's indentation.
          if (where === 'strategy' && afterInitiatives) throw BAIL;
          value = this.sequence(indent, inner, track);
        } else value = null;
      } else {
        value = this.inline(li, i);
        this.li++;
        if (this.li < this.count && this.indents[this.li] > indent) throw BAIL;
      }
      if (key === 'initiatives') afterInitiatives = true;
      out[key] = value;
    }
    return out;
  }

  /** A block list whose dashes are at column `indent`; `track` collects where its items start. */
  private sequence(indent: number, _where: Where, track?: { line: number; column: number }[]): unknown[] {
    const t = this.text;
    const out: unknown[] = [];
    while (this.li < this.count) {
      const li = this.li;
      if (this.indents[li] < indent) break;
      if (this.indents[li] > indent) throw BAIL;
      if (!this.isSeqLine(li)) break;
      const end = this.ends[li];
      let i = this.starts[li] + indent + 1;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (i >= end || t.charCodeAt(i) === HASH) throw BAIL;
      const column = i - this.starts[li];
      track?.push({ line: this.numbers[li], column: column + 1 });
      if (t.charCodeAt(i) === DASH && (i + 1 >= end || t.charCodeAt(i + 1) === SPACE)) throw BAIL; // a list in a list
      if (this.keyEnd(i, end) >= 0) {
        out.push(this.mapping(column, true, 'inner'));
      } else {
        out.push(this.inline(li, i));
        this.li++;
        if (this.li < this.count && this.indents[this.li] > indent) throw BAIL;
      }
    }
    return out;
  }

  /** A value written on the rest of line `li` from offset `at`: quoted, flow or plain. */
  private inline(li: number, at: number): unknown {
    const t = this.text;
    const end = this.ends[li];
    const c = t.charCodeAt(at);
    let value: unknown;
    let i: number;
    if (c === 34 || c === 39) {
      const q = this.quoted(at, end);
      value = q.value;
      i = q.end;
    } else if (c === 91 || c === 123) {
      const f = this.flow(at, end);
      value = f.value;
      i = f.end;
    } else {
      if (INDICATORS.has(c) && !(c === DASH && isNumberStart(t.charCodeAt(at + 1)))) throw BAIL;
      // To the end of the line or a comment (a # after a space).
      let e = end;
      for (let k = at + 1; k < end; k++) {
        if (t.charCodeAt(k) === HASH && t.charCodeAt(k - 1) === SPACE) {
          e = k;
          break;
        }
      }
      while (e > at && t.charCodeAt(e - 1) === SPACE) e--;
      // A colon ending the value or followed by a blank would make it a mapping: js-yaml decides.
      for (let k = at; k < e; k++) {
        if (t.charCodeAt(k) === COLON && (k + 1 === e || t.charCodeAt(k + 1) === SPACE)) throw BAIL;
      }
      return resolvePlain(t.slice(at, e));
    }
    // After a quoted or flow value: blanks, then nothing or a comment.
    const from = i;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i < end && !(t.charCodeAt(i) === HASH && i > from)) throw BAIL;
    return value;
  }

  /** A quoted scalar closed on its line: its value and the offset after it. */
  private quoted(at: number, end: number): { value: string; end: number } {
    const t = this.text;
    const q = t.charCodeAt(at);
    let i = at + 1;
    if (q === 34) {
      let escaped = false;
      for (;;) {
        if (i >= end) throw BAIL;
        const c = t.charCodeAt(i);
        if (c === 92) {
          i += 2;
          escaped = true;
        } else if (c === 34) break;
        else i++;
      }
      let value: unknown;
      if (!escaped) {
        // No escape: the text between the quotes, as is (the line holds no control character).
        value = t.slice(at + 1, i);
      } else {
        try {
          value = JSON.parse(t.slice(at, i + 1));
        } catch {
          throw BAIL; // a YAML escape JSON does not know: js-yaml reads it
        }
      }
      return { value: value as string, end: i + 1 };
    }
    for (;;) {
      if (i >= end) throw BAIL;
      if (t.charCodeAt(i) === 39) {
        if (t.charCodeAt(i + 1) === 39) i += 2;
        else break;
      } else i++;
    }
    const raw = t.slice(at + 1, i);
    return { value: raw.includes("''") ? raw.replaceAll("''", "'") : raw, end: i + 1 };
  }

  /** A flow list or mapping closed on its line: its value and the offset after it. */
  private flow(at: number, end: number): { value: unknown; end: number } {
    const t = this.text;
    const isMap = t.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = at + 1;
    const skip = () => {
      while (i < end && t.charCodeAt(i) === SPACE) i++;
    };
    skip();
    if (t.charCodeAt(i) === close) return { value: isMap ? map : list, end: i + 1 };
    for (;;) {
      skip();
      if (i >= end) throw BAIL;
      let key: string | undefined;
      if (isMap) {
        const colon = this.keyEnd(i, end);
        if (colon < 0 || t.charCodeAt(colon + 1) !== SPACE) throw BAIL;
        key = keyText(t, i, colon);
        if (ODD_KEYS.has(key) || Object.hasOwn(map, key)) throw BAIL;
        i = colon + 1;
        skip();
      }
      const c = t.charCodeAt(i);
      let value: unknown;
      if (c === 34 || c === 39) {
        const q = this.quoted(i, end);
        value = q.value;
        i = q.end;
      } else if (c === 91 || c === 123) {
        const f = this.flow(i, end);
        value = f.value;
        i = f.end;
      } else {
        if (i >= end || (INDICATORS.has(c) && !(c === DASH && isNumberStart(t.charCodeAt(i + 1))))) throw BAIL;
        const from = i;
        for (; i < end; i++) {
          const x = t.charCodeAt(i);
          if (x === 44 || x === 93 || x === 125) break;
          if (x === COLON || x === HASH || x === 91 || x === 123) throw BAIL;
        }
        let e = i;
        while (e > from && t.charCodeAt(e - 1) === SPACE) e--;
        if (e === from) throw BAIL;
        value = resolvePlain(t.slice(from, e));
      }
      if (isMap) map[key!] = value;
      else list.push(value);
      skip();
      const x = t.charCodeAt(i);
      if (i < end && x === 44) {
        i++;
        skip();
        if (t.charCodeAt(i) === close) throw BAIL; // a trailing comma
        continue;
      }
      if (i < end && x === close) return { value: isMap ? map : list, end: i + 1 };
      throw BAIL;
    }
  }
}

type Where = 'top' | 'strategy' | 'inner';

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

const isNumberStart = (c: number): boolean => (c >= 48 && c <= 57) || c === 46;
