// The fast path's positions: a line scan of a file js-yaml has read (no anchors, aliases or tags)
// that finds where each top-level key and each item of the top-level lists starts, and, inside
// one entity, where a scalar value is written. The yaml Document (parse.ts) is built only when a
// position is asked for that this scan cannot vouch for: a warning on 20,000 uses of unknown
// capabilities read the 10,000-tool files a second time with it (issue 18).
import type { SourceLocation } from './diagnostics.js';
import type { ParsedFile } from './parse.js';

interface Pos { line: number; column: number }
export interface Outline {
  top: Map<string, Pos>;
  items: Map<string, Pos[]>;
  /** The lines of the text and the sorted lines where a top-level key or a list item starts (scalarLoc, built on first use). */
  lines?: string[];
  starts?: number[];
  /** Per entity start line: whether every line of it is of the plain kind scalarLoc reads. */
  plain?: Map<number, boolean>;
}

const LIST_KEYS = new Set(['tools', 'touchpoints', 'integrations', 'questions', 'stages', 'personas', 'data_types']);

export function scanOutline(text: string): Outline {
  const top = new Map<string, Pos>();
  const items = new Map<string, Pos[]>();
  const lines = text.split('\n');
  let block: string | undefined;
  let itemIndent = -1;
  let subKey: string | undefined; // strategy.initiatives
  let subIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const topKey = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (topKey) {
      block = topKey[1];
      top.set(block, { line: i + 1, column: 1 });
      itemIndent = -1;
      subKey = undefined;
      if (LIST_KEYS.has(block)) items.set(block, []);
      continue;
    }
    if (!block) continue;
    if (block === 'strategy') {
      const k = /^(\s+)initiatives\s*:/.exec(line);
      if (k) {
        subKey = 'strategy.initiatives';
        subIndent = -1;
        items.set(subKey, []);
        continue;
      }
      if (!subKey) continue;
      const m = /^(\s*)-(\s+)\S/.exec(line);
      if (m) {
        if (subIndent < 0) subIndent = m[1].length;
        if (m[1].length === subIndent) items.get(subKey)!.push({ line: i + 1, column: m[1].length + m[2].length + 2 });
      } else if (/^\s*/.exec(line)![0].length <= Math.max(0, subIndent - 1) && !/^\s*-/.test(line)) subKey = undefined;
      continue;
    }
    if (!LIST_KEYS.has(block)) continue;
    const m = /^(\s*)-(\s+)\S/.exec(line);
    if (m) {
      if (itemIndent < 0) itemIndent = m[1].length;
      if (m[1].length === itemIndent) items.get(block)!.push({ line: i + 1, column: m[1].length + m[2].length + 2 });
    }
  }
  return { top, items };
}

export function outlineLoc(pf: Pick<ParsedFile, 'file' | 'outline'>, path: readonly (string | number)[]): SourceLocation | undefined {
  const o = pf.outline;
  if (!o) return undefined;
  let pos: Pos | undefined;
  if (path.length === 1) pos = o.top.get(String(path[0]));
  else if (path.length === 2 && typeof path[1] === 'number') pos = o.items.get(String(path[0]))?.[path[1]];
  else if (path.length === 3 && path[0] === 'strategy' && path[1] === 'initiatives' && typeof path[2] === 'number') {
    pos = o.items.get('strategy.initiatives')?.[path[2]];
  }
  return pos ? { file: pf.file, line: pos.line, column: pos.column } : undefined;
}

/** Keeps only the outline lists whose item count matches what was parsed (flow style etc. fall back). */
export function checkOutline(outline: Outline, value: Record<string, unknown>): Outline {
  for (const [key, list] of [...outline.items]) {
    const actual = key === 'strategy.initiatives'
      ? (value.strategy as { initiatives?: unknown[] } | undefined)?.initiatives
      : value[key];
    if (!Array.isArray(actual) || actual.length !== list.length) outline.items.delete(key);
  }
  return outline;
}

// ---- scalars inside an entity --------------------------------------------------------------------
// scalarLoc finds a scalar (`tools.12.capabilities.3`) from the start of its entity by indentation,
// on the lines of that entity only, and only when every one of them is "plain": blank, a comment,
// or `[- ]* key: value` / `[- ]* value` whose value is a plain scalar, a quoted scalar or a flow
// collection that ends on its line. There, indentation alone gives the structure. Anything else
// (a block scalar, a value running over several lines, a quoted key) is left to the Document,
// and so is a scalar whose text does not read back as the value js-yaml parsed.

type Seg = string | number;
// `key:` at an offset of a line (sticky), matched there, not on a copy of the rest of the line: the
// 20,000 warnings of a large workspace ask for positions line by line (issue 18).
const KEY_AT = /([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/y;
const FLOW_KEY_AT = /([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t,}\]]|$)/y;
const BLANK_REST = /\s*$/y;
const COMMENT_START = /\s#/g;
/** The `key:` starting at `at`, or null. */
const keyAt = (line: string, at: number): RegExpExecArray | null => {
  KEY_AT.lastIndex = at;
  return KEY_AT.exec(line);
};

const indentOf = (line: string): number => {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
};
/** /\s/.test(String.fromCharCode(c)): ECMAScript white space and line ends. */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isBlank = (line: string, from = indentOf(line)): boolean => {
  if (from >= line.length || line[from] === '#') return true;
  // line.slice(from).trim() === '': \s is the white space and line ends trim() removes.
  BLANK_REST.lastIndex = from;
  return BLANK_REST.test(line);
};

/** End (exclusive) of a quoted scalar starting at `at` on one line; -1 when it does not end there. */
function quotedEnd(line: string, at: number): number {
  const q = line[at];
  for (let i = at + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

interface FlowEntry { key?: string; start: number; end: number }
/** The entries of a flow collection starting at `at` that closes on its line, or undefined. */
function flowEntries(line: string, at: number): { entries: FlowEntry[]; end: number } | undefined {
  const isMap = line[at] === '{';
  const entries: FlowEntry[] = [];
  let i = at + 1;
  const skip = () => {
    while (line[i] === ' ' || line[i] === '\t') i++;
  };
  for (;;) {
    skip();
    if (i >= line.length) return undefined;
    if (line[i] === (isMap ? '}' : ']')) return { entries, end: i + 1 };
    let key: string | undefined;
    if (isMap) {
      FLOW_KEY_AT.lastIndex = i;
      const k = FLOW_KEY_AT.exec(line);
      if (!k) return undefined;
      key = k[1];
      i += k[0].length;
      skip();
    }
    const start = i;
    const c = line[i];
    if (c === '"' || c === "'") {
      i = quotedEnd(line, i);
      if (i < 0) return undefined;
    } else if (c === '[' || c === '{') {
      const inner = flowEntries(line, i);
      if (!inner) return undefined;
      i = inner.end;
    } else {
      // To a comma, a closing bracket or a comment (a # after white space).
      for (; i < line.length; i++) {
        const x = line.charCodeAt(i);
        if (x === 44 || x === 93 || x === 125 || (x === 35 && i > 0 && isSpaceCode(line.charCodeAt(i - 1)))) break;
      }
      if (line[i] === '#') return undefined;
    }
    let end = i;
    while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    entries.push({ key, start, end });
    skip();
    if (line[i] === ',') i++;
    else if (line[i] !== (isMap ? '}' : ']')) return undefined;
  }
}

/** End (exclusive, trailing blanks and a comment cut) of the value starting at `at`; -1 when it is not on this line alone. */
function valueEnd(line: string, at: number): number {
  const c = line[at];
  let end: number;
  if (c === '"' || c === "'") end = quotedEnd(line, at);
  else if (c === '[' || c === '{') end = flowEntries(line, at)?.end ?? -1;
  else if (c === '|' || c === '>' || c === '&' || c === '*' || c === '!' || c === '?') return -1;
  else {
    COMMENT_START.lastIndex = at;
    const hash = COMMENT_START.exec(line);
    end = hash === null ? line.length : hash.index;
    while (end > at && /\s/.test(line[end - 1])) end--;
    return end;
  }
  return end >= 0 && isBlank(line, end) ? end : -1;
}

/** Whether a line is of the plain kind (see above). */
function plainLine(line: string): boolean {
  let i = indentOf(line);
  if (isBlank(line, i)) return true;
  if (line[i] === '\t') return false;
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    i++;
    while (line[i] === ' ') i++;
    if (i >= line.length) return false;
  }
  const k = keyAt(line, i);
  if (k) {
    i += k[0].length;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (isBlank(line, i)) return true;
  }
  return valueEnd(line, i) >= 0;
}

function linesOf(pf: Pick<ParsedFile, 'text' | 'outline'>): { lines: string[]; starts: number[] } {
  const o = pf.outline!;
  if (!o.lines) {
    o.lines = pf.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const all = [...o.top.values(), ...[...o.items.values()].flat()].map((p) => p.line - 1);
    o.starts = [...new Set(all)].sort((a, b) => a - b);
  }
  return { lines: o.lines, starts: o.starts! };
}

/** Whether every line from an entity's start to the next start is plain (memoised per entity). */
function plainEntity(pf: Pick<ParsedFile, 'text' | 'outline'>, first: number): boolean {
  const o = pf.outline!;
  const known = (o.plain ??= new Map()).get(first);
  if (known !== undefined) return known;
  const { lines, starts } = linesOf(pf);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= first) lo = mid + 1;
    else hi = mid;
  }
  const end = lo < starts.length ? starts[lo] : lines.length;
  let ok = true;
  for (let i = first; i < end && ok; i++) ok = plainLine(lines[i]);
  o.plain.set(first, ok);
  return ok;
}

interface At { line: number; col: number; flow?: FlowEntry; parentIndent: number }

/** The node a key of the block mapping starting at `at` holds, or undefined. */
function inMapping(lines: string[], at: At, key: string): At | undefined {
  const indent = at.col;
  for (let n = at.line; n < lines.length; n++) {
    const line = lines[n];
    const from = n === at.line ? at.col : indentOf(line);
    if (n !== at.line && isBlank(line, from)) continue;
    if (from < indent) return undefined;
    if (from > indent) continue;
    const k = keyAt(line, from);
    if (!k) {
      if (line[from] === '-') continue; // a list at the key's indentation belongs to the key above
      return undefined;
    }
    if (k[1] !== key) continue;
    let v = from + k[0].length;
    while (line[v] === ' ' || line[v] === '\t') v++;
    if (!isBlank(line, v)) return { line: n, col: v, parentIndent: indent };
    for (let m = n + 1; m < lines.length; m++) {
      const next = lines[m];
      const i = indentOf(next);
      if (isBlank(next, i)) continue;
      if (i > indent || (i === indent && next[i] === '-' && (next[i + 1] === ' ' || i + 1 === next.length))) return { line: m, col: i, parentIndent: indent };
      return undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The node of item `index` of the block list starting at `at`, or undefined. */
function inList(lines: string[], at: At, index: number): At | undefined {
  const indent = at.col;
  let seen = -1;
  for (let n = at.line; n < lines.length; n++) {
    const line = lines[n];
    const from = n === at.line ? at.col : indentOf(line);
    if (n !== at.line && isBlank(line, from)) continue;
    if (from < indent) return undefined;
    if (from > indent) continue;
    if (line[from] !== '-' || !(line[from + 1] === ' ' || from + 1 === line.length)) return undefined;
    if (++seen < index) continue;
    let v = from + 1;
    while (line[v] === ' ') v++;
    return v < line.length && !isBlank(line, v) ? { line: n, col: v, parentIndent: indent } : undefined;
  }
  return undefined;
}

/** One step down from a node: a key of a mapping or an item of a list, block or flow. */
function step(lines: string[], at: At, seg: Seg): At | undefined {
  const line = lines[at.line];
  const c = line[at.col];
  if (c === '[' || c === '{') {
    const flow = flowEntries(line, at.col);
    if (!flow) return undefined;
    const entry = typeof seg === 'number' ? (c === '[' ? flow.entries[seg] : undefined) : flow.entries.find((e) => e.key === seg);
    return entry && entry.end > entry.start ? { line: at.line, col: entry.start, flow: entry, parentIndent: at.parentIndent } : undefined;
  }
  if (at.flow) return undefined;
  if (typeof seg === 'number') return c === '-' ? inList(lines, at, seg) : undefined;
  return keyAt(line, at.col) ? inMapping(lines, at, seg) : undefined;
}

/** The text of a scalar read back as js-yaml reads it, or undefined for a form not read here. */
function scalarText(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/**
 * Where the scalar at `path` is written (start and end, as the Document gives them), found from
 * the text of a fast-path file; undefined when not sure (the caller asks the Document).
 */
export function scalarLoc(pf: Pick<ParsedFile, 'file' | 'text' | 'outline' | 'value'>, path: readonly Seg[]): SourceLocation | undefined {
  const o = pf.outline;
  if (!o || pf.value === undefined) return undefined;
  let start: Pos | undefined;
  let rest: readonly Seg[];
  let topKey = false;
  if (path[0] === 'strategy' && path[1] === 'initiatives' && typeof path[2] === 'number') {
    start = o.items.get('strategy.initiatives')?.[path[2]];
    rest = path.slice(3);
  } else if (typeof path[1] === 'number') {
    start = o.items.get(String(path[0]))?.[path[1]];
    rest = path.slice(2);
  } else {
    start = o.top.get(String(path[0]));
    rest = path.slice(1);
    topKey = true;
  }
  if (!start || rest.length === 0) return undefined;
  const { lines } = linesOf(pf);
  if (!plainEntity(pf, start.line - 1)) return undefined;
  let at: At | undefined = { line: start.line - 1, col: start.column - 1, parentIndent: -1 };
  // A top-level key: its value follows the key.
  if (topKey) at = inMapping(lines, { line: at.line, col: 0, parentIndent: -1 }, String(path[0]));
  for (const seg of rest) {
    if (!at) return undefined;
    at = step(lines, at, seg);
  }
  if (!at) return undefined;
  const line = lines[at.line];
  const end = at.flow ? at.flow.end : valueEnd(line, at.col);
  if (end <= at.col || '[{|>'.includes(line[at.col])) return undefined;
  if (!at.flow) {
    // A plain scalar may go on over more indented lines: only a one-line one is read here.
    for (let m = at.line + 1; m < lines.length; m++) {
      const i = indentOf(lines[m]);
      if (isBlank(lines[m], i)) continue;
      if (i > at.parentIndent && !(lines[m][i] === '-' || keyAt(lines[m], i))) return undefined;
      break;
    }
  }
  let expected: unknown = pf.value;
  for (const seg of path) expected = expected !== null && typeof expected === 'object' ? (expected as Record<string | number, unknown>)[seg] : undefined;
  if (expected === undefined || expected === null || typeof expected === 'object') return undefined;
  if (scalarText(line.slice(at.col, end)) !== String(expected)) return undefined;
  return { file: pf.file, line: at.line + 1, column: at.col + 1, endLine: at.line + 1, endColumn: end + 1 };
}
