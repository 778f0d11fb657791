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
// Strings are escaped by JSON.stringify: no string holds a raw line break, so the text comes in
// chunks of lines (each chunk ends with a line break) that a line-based cleaner (util/sanitize.ts)
// treats as it would the whole.

/** The widest line (indentation, key and value) a value is joined onto when no rule keeps it on one. */
export const WIDTH = 100;
/** About how many characters a chunk holds before it is handed out (it ends at a line break). */
const CHUNK = 1 << 16;
/** How deep a field of a record may nest and stay on one line (entities: a list of objects of scalars). */
const FIELD_DEPTH = 2;

type Json = unknown;

function toJsonValue(value: Json, key: string): Json {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => Json }).toJSON(key);
  }
  return value;
}

/** A value JSON.stringify leaves out of an object (and writes as null in a list). */
function skipped(value: Json): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

const isContainer = (v: Json): v is object => v !== null && typeof v === 'object';

/** The value on one line, spaced: `{ "a": 1, "b": ["x", "y"] }` (JSON.stringify's own escaping). */
export function oneLine(value: Json): string {
  const text = JSON.stringify(value, null, 1);
  if (text === undefined) return 'null';
  if (!text.includes('\n')) return text;
  // Every raw line break is layout (a string literal escapes its own): `[` + break + indent
  // opens a list, break + indent + `]` closes it, and any other break is a space in an object.
  return text.replace(/\[\n +/g, '[').replace(/\n *\]/g, ']').replace(/\n */g, ' ');
}

/** Whether a value nests at most `levels` levels of objects and lists (a scalar: 0). */
function nestsAtMost(value: Json, levels: number): boolean {
  if (!isContainer(value)) return true;
  if (levels === 0) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < items.length; i++) {
    const v = toJsonValue(items[i], String(i));
    if (isContainer(v) && !nestsAtMost(v, levels - 1)) return false;
  }
  return true;
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
function fitting(value: object, room: number): string | undefined {
  if (atLeast(value, room) > room) return undefined;
  const spaced = oneLine(value);
  return spaced.length <= room ? spaced : undefined;
}

/**
 * The chunks of `value` in the layout above (no trailing line break), each ending with a line
 * break except the last. Parsed, the text is JSON.stringify(value)'s value.
 */
export function* layoutChunks(value: Json, opts: { width?: number } = {}): Generator<string> {
  const width = opts.width ?? WIDTH;
  let parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  // `used`: the characters already on the line before the value (indentation and key); `tail`:
  // those that will follow it (a comma).
  function* put(v: Json, key: string, pad: string, used: number, field: boolean): Generator<string> {
    v = toJsonValue(v, key);
    if (!isContainer(v)) {
      push(skipped(v) ? 'null' : JSON.stringify(v));
      return;
    }
    const one = field && nestsAtMost(v, FIELD_DEPTH) ? oneLine(v) : fitting(v, width - used - 1);
    if (one !== undefined) {
      push(one);
      return;
    }
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
        // An item's members are the fields of a record.
        if (isContainer(item) && !Array.isArray(item)) yield* members(item as Record<string, Json>, inner, true);
        else yield* put(item, String(i), inner, inner.length, false);
      }
      push(`\n${pad}]`);
      return;
    }
    yield* members(v as Record<string, Json>, pad, false);
  }
  function* members(v: Record<string, Json>, pad: string, fields: boolean): Generator<string> {
    const inner = `${pad}  `;
    let wrote = false;
    for (const k of Object.keys(v)) {
      const item = v[k];
      if (skipped(toJsonValue(item, k))) continue;
      push(wrote ? ',\n' : '{\n');
      wrote = true;
      if (size >= CHUNK) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
      const head = `${inner}${JSON.stringify(k)}: `;
      push(head);
      yield* put(item, k, inner, head.length, fields);
    }
    push(wrote ? `\n${pad}}` : '{}');
  }
  yield* put(value, '', '', 0, false);
  if (size) yield parts.join('');
}

/** The whole text of layoutChunks. */
export function layoutJson(value: Json, opts: { width?: number } = {}): string {
  return [...layoutChunks(value, opts)].join('');
}
