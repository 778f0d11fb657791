// JSON.stringify(value, null, 2), in pieces. A 10,000-tool audit is a JSON document of tens of
// megabytes (and the first revision of the consent rule made it gigabytes: "Invalid string
// length"); written as one string it is built whole, then sanitised (a copy), then encoded (a
// third copy). Here the top levels of the document are walked by hand and each item below them
// (a finding, an initiative, a tool) is serialised by JSON.stringify and indented, so the text is
// the very same bytes, produced in chunks of about CHUNK characters that each end with a line
// break: a line-based cleaner (util/sanitize.ts) treats each chunk as it would the whole.

/** About how many characters a chunk holds before it is handed out (it ends at the next line break). */
const CHUNK = 1 << 16;

/** How many levels are walked by hand; deeper values go to JSON.stringify whole, but for long arrays. */
const WALKED = 2;
/** An array longer than this is walked by hand at any depth (SARIF's results are four levels down). */
const LONG = 64;

type Json = unknown;

/** The value JSON.stringify writes for `value` under `key` (its toJSON, if it has one). */
export function toJsonValue(value: Json, key: string): Json {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => Json }).toJSON(key);
  }
  return value;
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
export function skipped(value: Json): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** How many leaves of an array are serialised by one JSON.stringify. */
const BATCH = 128;
// The length of `[\n  [\n    [\n` (n brackets, each on its line, indented): n(n + 1); the
// closing ones (`\n    ]\n  ]\n]`) are as long.
const openings = (levels: number) => levels * (levels + 1);
const closings = openings;

/**
 * An array whose items are made only when they are written (SARIF's results: one object per
 * finding, 200 MB of them at 10,000 tools if all made at once). jsonChunks writes it as the array
 * of its items; JSON.stringify does not know it (use it only with jsonChunks).
 */
export class LazyArray {
  constructor(readonly length: number, readonly item: (index: number) => Json) {}
  /** Inside a value serialised whole (JSON.stringify): all the items, made at once. */
  toJSON(): Json[] {
    return this.slice(0, this.length);
  }
  /** Items from..to (exclusive). */
  slice(from: number, to: number): Json[] {
    const out: Json[] = [];
    for (let i = from; i < Math.min(to, this.length); i++) out.push(this.item(i));
    return out;
  }
}

interface Frame {
  /** The array, or the object's own keys (a list fixed when the object is entered). */
  array?: readonly Json[] | LazyArray;
  object?: Record<string, Json>;
  keys?: string[];
  next: number;
  pad: string;
  depth: number;
  /** An object member was written (so the next one needs a comma, and the end a line break). */
  wrote: boolean;
}

/**
 * The chunks of `JSON.stringify(value, null, 2)` (no trailing line break added), each ending with
 * a line break except the last. Joined, they are byte for byte the string JSON.stringify returns.
 * (One generator frame and an explicit stack: a generator per value cost more than the text.)
 */
export function* jsonChunks(value: Json, opts: { walked?: number } = {}): Generator<string> {
  // Levels walked by hand: a LazyArray must be above them to be written lazily (SARIF's results: 4).
  const walked = opts.walked ?? WALKED;
  let parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  const stack: Frame[] = [];
  // Writes a value: a leaf whole, a container opened (and pushed on the stack).
  const open = (v: Json, key: string, pad: string, depth: number) => {
    if (v instanceof LazyArray && depth < walked) {
      if (v.length) {
        push('[\n');
        stack.push({ array: v, next: 0, pad, depth: walked - 1, wrote: false });
      } else push('[]');
      return;
    }
    v = toJsonValue(v, key);
    if (v === null || typeof v !== 'object' || (depth >= walked && !(Array.isArray(v) && v.length > LONG))) {
      const text = JSON.stringify(v, null, 2);
      // A string literal never holds a raw line break (JSON escapes it), so every \n is layout.
      push(text === undefined ? 'null' : pad && text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text);
    } else if (Array.isArray(v)) {
      if (v.length) {
        push('[\n');
        stack.push({ array: v, next: 0, pad, depth, wrote: false });
      } else push('[]');
    } else {
      stack.push({ object: v as Record<string, Json>, keys: Object.keys(v), next: 0, pad, depth, wrote: false });
    }
  };
  open(value, '', '', 0);
  while (stack.length) {
    const f = stack[stack.length - 1];
    const inner = `${f.pad}  `;
    if (f.array) {
      const a = f.array;
      if (f.next > 0) push(f.next < a.length ? ',\n' : '\n');
      if (size >= CHUNK) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
      if (f.next >= a.length) {
        push(`${f.pad}]`);
        stack.pop();
        continue;
      }
      if (f.depth + 1 >= walked) {
        // Leaves: a batch at a time, nested in as many arrays as it is deep so that JSON.stringify
        // indents it where it stands; the brackets of the nesting are cut off again.
        const batch: Json[] = a.slice(f.next, f.next + BATCH);
        f.next += batch.length;
        const levels = inner.length / 2;
        let nested: Json = batch;
        for (let l = 1; l < levels; l++) nested = [nested];
        const text = JSON.stringify(nested, null, 2);
        push(text.slice(openings(levels), text.length - closings(levels)));
        continue;
      }
      const i = f.next++;
      const item = a instanceof LazyArray ? a.item(i) : a[i];
      push(inner);
      if (!(item instanceof LazyArray) && skipped(toJsonValue(item, String(i)))) push('null');
      else open(item, String(i), inner, f.depth + 1);
      continue;
    }
    const keys = f.keys!;
    let k: string | undefined;
    while (f.next < keys.length) {
      const key = keys[f.next++];
      const item = f.object![key];
      if (item instanceof LazyArray || !skipped(toJsonValue(item, key))) {
        k = key;
        break;
      }
    }
    if (k === undefined) {
      push(f.wrote ? `\n${f.pad}}` : '{}');
      stack.pop();
      continue;
    }
    push(f.wrote ? ',\n' : '{\n');
    f.wrote = true;
    if (size >= CHUNK) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
    push(`${inner}${JSON.stringify(k)}: `);
    open(f.object![k], k, inner, f.depth + 1);
  }
  if (size) yield parts.join('');
}

/** Lines of text, in chunks of about CHUNK characters, each ending with a line break but maybe the last. */
export function* textChunks(text: string): Generator<string> {
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at + CHUNK);
    const end = nl < 0 ? text.length : nl + 1;
    yield text.slice(at, end);
    at = end;
  }
}
