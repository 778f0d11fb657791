// The text side of a YAML edit (src/interview/yaml-edit.ts): the new text of a file after setting,
// appending, inserting or removing at a path, spliced at the node's source range so that every
// other line stays as written. Each returns undefined when it cannot splice safely; the caller
// then checks the result's meaning against the Document API's and falls back to it.
import { isMap, isSeq, isScalar, isCollection, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import type { EditOptions, Path, Plain } from './yaml-edit.js';

export const PARSE_OPTIONS = { schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** The text parsed, or undefined when it does not parse. */
export function tryParse(text: string): Document | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return doc.errors.length ? undefined : doc;
}

export function keyOf(p: Pair): string {
  return String(isScalar(p.key) ? p.key.value : p.key);
}

/** Where a new key goes: after the last existing key that comes before it in `order`. */
export function orderedIndex(map: YAMLMap, key: string, order: readonly string[] | undefined): number {
  if (!order) return map.items.length;
  const rank = order.indexOf(key);
  if (rank < 0) return map.items.length;
  let at = 0;
  map.items.forEach((p, i) => {
    const r = order.indexOf(keyOf(p as Pair));
    if (r >= 0 && r < rank) at = i + 1;
  });
  // Keys unknown to `order` that sit right after the predecessor stay with it.
  return at;
}

function lineStart(text: string, off: number): number {
  return text.lastIndexOf('\n', off - 1) + 1;
}

function lineEnd(text: string, off: number): number {
  const nl = text.indexOf('\n', off);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, off: number): number {
  return off - lineStart(text, off);
}

/** Offset just after the last line of a node (its trailing comment included). */
function endOfNode(text: string, node: Node): number {
  const e = node.range![1];
  if (e > 0 && text[e - 1] === '\n') return e;
  return lineEnd(text, e);
}

/** Skips comment lines indented deeper than `indent`: continuations of the comment above. */
function skipContinuations(text: string, off: number, indent: number): number {
  let at = off;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    const m = /^( *)#/.exec(line);
    if (!m || m[1].length <= indent) break;
    at = end;
  }
  return at;
}

export function isScalarValue(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#,[\]{}\n\r\t]*$/;

/** A scalar as YAML source: plain when that reads back as the same string, else double-quoted. */
export function renderScalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (PLAIN_SAFE.test(v) && !/\s$|:$|:\s/.test(v)) {
    // Plain only when it reads back as the same string in block and in flow context.
    const block = tryParse(v);
    const flow = tryParse(`[${v}]`);
    if (block && block.toJS() === v && flow && isDeepStrictEqual(flow.toJS(), [v])) return v;
  }
  return JSON.stringify(v);
}

/** Flow style as people write it: `[a, b]` and `{ amount: 1, period: month }`. */
export function renderInline(v: Plain): string {
  if (isScalarValue(v)) return renderScalar(v);
  if (Array.isArray(v)) return `[${v.map(renderInline).join(', ')}]`;
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  return `{ ${entries.map(([k, x]) => `${renderScalar(k)}: ${renderInline(x)}`).join(', ')} }`;
}

export function inlineable(v: Plain): boolean {
  if (isScalarValue(v)) return true;
  if (Array.isArray(v)) return v.every(isScalarValue);
  const vals = Object.values(v);
  return vals.every(isScalarValue) && renderInline(v).length <= 60;
}

/** Block lines of a map value at `indent`. */
function blockMapLines(v: Record<string, Plain>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (inlineable(x)) out.push(`${pad}${renderScalar(k)}: ${renderInline(x)}`);
    else {
      out.push(`${pad}${renderScalar(k)}:`);
      out.push(...valueBlockLines(x, indent + 2));
    }
  }
  return out;
}

function valueBlockLines(x: Plain, indent: number, block = false): string[] {
  if (Array.isArray(x)) return x.flatMap((item) => itemLines(item, indent, block));
  return blockMapLines(x as Record<string, Plain>, indent);
}

function itemLines(item: Plain, indent: number, block: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (isScalarValue(item) || Array.isArray(item) || (!block && inlineable(item))) return [`${pad}- ${renderInline(item)}`];
  const lines = blockMapLines(item, indent + 2);
  if (!lines.length) return [`${pad}- {}`];
  lines[0] = `${pad}- ${lines[0].slice(indent + 2)}`;
  return lines;
}

/** `key: value` lines at `indent`. */
function pairLines(key: string | number, value: Plain, indent: number, block: boolean): string[] {
  const pad = ' '.repeat(indent);
  const k = renderScalar(key as string);
  const scalarList = Array.isArray(value) && value.every(isScalarValue);
  if (isScalarValue(value) || scalarList || (!block && inlineable(value))) return [`${pad}${k}: ${renderInline(value)}`];
  // Lists of entities go two spaces in, like the examples and templates.
  return [`${pad}${k}:`, ...(Array.isArray(value) ? value.flatMap((i) => itemLines(i, indent + 2, block)) : blockMapLines(value, indent + 2))];
}

function insertAt(text: string, off: number, chunk: string): string {
  return text.slice(0, off) + chunk + text.slice(off);
}

function blockIndent(text: string, map: YAMLMap): number {
  const first = map.items[0] as Pair | undefined;
  return first && (first.key as Node)?.range ? column(text, (first.key as Node).range![0]) : 0;
}

export function spliceSet(text: string, doc: Document, path: Path, value: Plain, opts: EditOptions): string | undefined {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  const block = opts.block ?? false;

  if (parent === null || parent === undefined) {
    if (parentPath.length) return undefined;
    // An empty file or one with only comments: append at the end.
    return appendTopLevel(text, String(key), value, block, false);
  }
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key] as Node | undefined;
    if (!item || !isScalar(item) || !isScalarValue(value)) return undefined;
    return text.slice(0, item.range![0]) + renderScalar(value) + text.slice(item.range![1]);
  }
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => keyOf(p as Pair) === String(key)) as Pair | undefined;

  if (!pair) {
    if (parent === doc.contents) return appendTopLevel(text, String(key), value, block, parent.items.length > 0);
    if (parent.flow) {
      const last = parent.items[parent.items.length - 1] as Pair | undefined;
      const entry = `${renderScalar(String(key))}: ${renderInline(value)}`;
      if (!last) return text.slice(0, parent.range![0]) + `{ ${entry} }` + text.slice(parent.range![1]);
      const end = ((last.value ?? last.key) as Node).range![1];
      return insertAt(text, end, `, ${entry}`);
    }
    const idx = orderedIndex(parent, String(key), opts.order);
    if (idx === 0) return undefined;
    const prev = parent.items[idx - 1] as Pair;
    const indent = blockIndent(text, parent);
    const prevNode = (!prev.value || (isScalar(prev.value) && prev.value.value === null) ? prev.key : prev.value) as Node;
    const off = skipContinuations(text, endOfNode(text, prevNode), indent);
    let chunk = pairLines(key, value, indent, block).join('\n') + '\n';
    if (off > 0 && text[off - 1] !== '\n') chunk = `\n${chunk}`;
    return insertAt(text, off, chunk);
  }

  const old = pair.value as Node | null;
  const keyNode = pair.key as Node;
  if (!old || (isScalar(old) && old.range![0] === old.range![1])) {
    // `key:` with nothing after it.
    const colon = text.indexOf(':', keyNode.range![1]);
    if (colon < 0) return undefined;
    return insertAt(text, colon + 1, ` ${renderInline(value)}`);
  }
  if (isScalar(old) || (isCollection(old) && (old as YAMLMap | YAMLSeq).flow)) {
    if (!isScalarValue(value) && !inlineable(value)) {
      // A scalar, or a flow list that outgrows one line (a department with a name joins
      // `[marketing, sales]`), becoming a block structure: rewrite the pair as a fresh one would be.
      return replacePairBlock(text, parent, pair, value, block);
    }
    return text.slice(0, old.range![0]) + renderInline(value) + text.slice(old.range![1]);
  }
  return replacePairBlock(text, parent, pair, value, block);
}

function replacePairBlock(text: string, parent: YAMLMap, pair: Pair, value: Plain, block: boolean): string | undefined {
  const keyNode = pair.key as Node;
  const start = lineStart(text, keyNode.range![0]);
  if (text.slice(start, keyNode.range![0]).trim() !== '') return undefined; // key on a "- " line
  const indent = column(text, keyNode.range![0]);
  const valueNode = (!pair.value || (isScalar(pair.value) && pair.value.value === null) ? keyNode : pair.value) as Node;
  const end = skipContinuations(text, endOfNode(text, valueNode), indent);
  void parent;
  return text.slice(0, start) + pairLines(keyOf(pair), value, indent, block).join('\n') + '\n' + text.slice(end);
}

function appendTopLevel(text: string, key: string, value: Plain, block: boolean, hasContent: boolean): string {
  const body = text.length && !text.endsWith('\n') ? `${text}\n` : text;
  // A blank line before a new section; none right under the header comment of a new file.
  const sep = hasContent && !body.endsWith('\n\n') ? '\n' : '';
  return body + sep + pairLines(key, value, 0, block).join('\n') + '\n';
}

function dashOffset(text: string, item: Node): number | undefined {
  let i = item.range![0] - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return text[i] === '-' ? i : undefined;
}

export function spliceAppend(text: string, doc: Document, path: Path, item: Plain, opts: EditOptions): string | undefined {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) return undefined;
  const block = opts.block ?? false;
  if (seq.flow) {
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (!last) {
      const open = text.indexOf('[', seq.range![0]);
      return insertAt(text, open + 1, renderInline(item));
    }
    return insertAt(text, last.range![1], `, ${renderInline(item)}`);
  }
  const items = seq.items as Node[];
  const last = items[items.length - 1];
  if (!last?.range) return undefined;
  const dash = dashOffset(text, last);
  if (dash === undefined) return undefined;
  const indent = column(text, dash);
  const off = skipContinuations(text, endOfNode(text, last), indent);
  // Keep the list's rhythm: a blank line between items when the author put one there.
  let spaced = false;
  if (items.length >= 2) {
    const prevEnd = endOfNode(text, items[items.length - 2]);
    spaced = /\n[ \t]*\n/.test('\n' + text.slice(prevEnd, dash));
  } else spaced = !isScalarValue(item) && !inlineable(item) && isMap(last) && !(last as YAMLMap).flow && (last as YAMLMap).items.length > 2;
  let chunk = itemLines(item, indent, block).join('\n') + '\n';
  if (spaced) chunk = `\n${chunk}`;
  if (off > 0 && text[off - 1] !== '\n') chunk = `\n${chunk}`;
  return insertAt(text, off, chunk);
}

export function spliceInsert(text: string, doc: Document, path: Path, index: number, item: Plain, opts: EditOptions): string | undefined {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) return undefined;
  const at = seq.items[index] as Node | undefined;
  if (!at?.range) return undefined;
  if (seq.flow) return insertAt(text, at.range[0], `${renderInline(item)}, `);
  const dash = dashOffset(text, at);
  if (dash === undefined) return undefined;
  const start = lineStart(text, dash);
  if (text.slice(start, dash).trim() !== '') return undefined;
  return insertAt(text, start, itemLines(item, column(text, dash), opts.block ?? false).join('\n') + '\n');
}

export function spliceRemove(text: string, doc: Document, path: Path): string | undefined {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (isSeq(parent) && typeof key === 'number') {
    const items = parent.items as Node[];
    const item = items[key];
    if (!item?.range) return undefined;
    if (parent.flow) {
      if (key > 0) return text.slice(0, items[key - 1].range![1]) + text.slice(item.range[1]);
      if (items.length > 1) return text.slice(0, item.range[0]) + text.slice(items[1].range![0]);
      return text.slice(0, item.range[0]) + text.slice(item.range[1]);
    }
    const dash = dashOffset(text, item);
    if (dash === undefined) return undefined;
    const start = lineStart(text, dash);
    if (text.slice(start, dash).trim() !== '') return undefined;
    const end = skipContinuations(text, endOfNode(text, item), column(text, dash));
    return removeLines(text, start, end, key === 0, key === items.length - 1);
  }
  if (isMap(parent)) {
    const pair = parent.items.find((p) => keyOf(p as Pair) === String(key)) as Pair | undefined;
    if (!pair) return text;
    const keyNode = pair.key as Node;
    if (parent.flow) {
      const i = parent.items.indexOf(pair);
      const valueEnd = ((pair.value ?? keyNode) as Node).range![1];
      if (i > 0) {
        const prev = parent.items[i - 1] as Pair;
        return text.slice(0, ((prev.value ?? prev.key) as Node).range![1]) + text.slice(valueEnd);
      }
      if (parent.items.length > 1) return text.slice(0, keyNode.range![0]) + text.slice(((parent.items[1] as Pair).key as Node).range![0]);
      return text.slice(0, keyNode.range![0]) + text.slice(valueEnd);
    }
    const start = lineStart(text, keyNode.range![0]);
    if (text.slice(start, keyNode.range![0]).trim() !== '') return undefined;
    const valueNode = (!pair.value || (isScalar(pair.value) && pair.value.value === null) ? keyNode : pair.value) as Node;
    const end = skipContinuations(text, endOfNode(text, valueNode), column(text, keyNode.range![0]));
    const i = parent.items.indexOf(pair);
    return removeLines(text, start, end, i === 0, i === parent.items.length - 1);
  }
  return undefined;
}

/** Removes the lines [start, end) and the blank line that separated them from a neighbour. */
function removeLines(text: string, start: number, end: number, first: boolean, last: boolean): string {
  let before = text.slice(0, start);
  let after = text.slice(end);
  const blankAfter = /^([ \t]*\n)+/.exec(after)?.[0] ?? '';
  const blankBefore = /\n(([ \t]*\n)+)$/.exec(before)?.[1] ?? '';
  if (blankAfter && (first || blankBefore)) after = after.slice(blankAfter.length);
  else if (blankBefore && last) before = before.slice(0, before.length - blankBefore.length);
  return before + after;
}
