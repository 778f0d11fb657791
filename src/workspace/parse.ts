// Parses one workspace file with the yaml Document API so that every node keeps its source
// range. YAML 1.2 core schema (no yes/no booleans; 2027-01 stays a string), duplicate keys are
// errors, alias expansion is bounded.
import { Buffer, isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import jsYaml from 'js-yaml';
import { activeTranslator, type Translator } from '../i18n/index.js';
import type { Diagnostic, SourceLocation } from './diagnostics.js';
import { findOpenSlip, type OpenSlip } from './brackets.js';
import { checkOutline, outlineLoc, scalarLoc, scanOutline, type Outline } from './outline.js';
import { readBlockYaml } from './block-yaml.js';

export const MAX_ALIAS_COUNT = 100;

// The yaml package (the Document API, with every node's position) is loaded on first use: a valid
// workspace read by the fast path never needs it, and loading it cost ~15% of `validate`'s
// start-up. It is required synchronously (its CommonJS build) because positions are asked for
// from synchronous code.
const requireCjs = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
export function yamlLib(): typeof Yaml {
  return (yamlModule ??= requireCjs('yaml') as typeof Yaml);
}

export interface ParsedFile {
  /** Display path (relative to cwd when below it). */
  file: string;
  text: string;
  /** The yaml Document with node ranges; built on first use when the fast path read the file. */
  doc?: Document;
  /** Where top-level keys and the items of top-level lists start (fast path). */
  outline?: Outline;
  /** Set with `doc` (positions of its nodes). */
  lineCounter?: LineCounter;
  /** The plain JS value, when the file parsed. */
  value?: unknown;
  manifest: boolean;
  /** Parts that failed the schema and are left out of the workspace checks ("tools.3", "settings"). */
  skip?: Set<string>;
}

export function decodeUtf8(bytes: Uint8Array): { text?: string; badOffset?: number } {
  // ASCII (most workspace files) reads the same in UTF-8 and Latin-1, and Latin-1 is a plain copy:
  // ~1 ms a megabyte less than the checking decoder (issue 18). No BOM can be ASCII.
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return { badOffset: lossy.indexOf('\uFFFD') };
  }
}

export function locAt(file: string, lc: LineCounter, offset: number, endOffset?: number): SourceLocation {
  const p = lc.linePos(Math.max(0, offset));
  const loc: SourceLocation = { file, line: p.line, column: p.col };
  if (endOffset !== undefined && endOffset > offset) {
    const e = lc.linePos(endOffset);
    loc.endLine = e.line;
    loc.endColumn = e.col;
  }
  return loc;
}

export function nodeLoc(pf: ParsedFile, node: Node | null | undefined): SourceLocation {
  if (node?.range && pf.lineCounter) return locAt(pf.file, pf.lineCounter, node.range[0], node.range[1]);
  return { file: pf.file, line: 1, column: 1 };
}

// logLevel 'error': yaml would print its warnings (a list used as a key) straight to stderr.
const DOC_OPTIONS = { uniqueKeys: true, prettyErrors: false, schema: 'core', version: '1.2', strict: true, logLevel: 'error' } as const;

/** The Document of a file read by the fast path, parsed now (positions are needed). */
export function ensureDoc(pf: ParsedFile): Document | undefined {
  if (!pf.doc && pf.value !== undefined && pf.text.trim() !== '') {
    const { LineCounter: Lines, parseDocument } = yamlLib();
    pf.lineCounter = new Lines();
    pf.doc = parseDocument(pf.text, { ...DOC_OPTIONS, lineCounter: pf.lineCounter });
  }
  return pf.doc;
}

/** The node at a path, or the deepest existing ancestor; `key: true` returns the key node. */
export function nodeAt(pf: ParsedFile, path: readonly (string | number)[], key = false): Node | undefined {
  const doc = ensureDoc(pf);
  if (!doc) return undefined;
  const { isMap, isScalar, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) return node as Node;
      if (key && i === path.length - 1) return (pair.key as Node) ?? (node as Node);
      if (pair.value === null || pair.value === undefined) return (pair.key as Node) ?? (node as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined || item === null) return node as Node;
      node = item;
    } else {
      return node as Node;
    }
  }
  return node as Node;
}

export function locate(pf: ParsedFile, path: readonly (string | number)[], key = false): SourceLocation {
  if (!key) {
    const quick = outlineLoc(pf, path) ?? scalarLoc(pf, path);
    if (quick) return quick;
  }
  // A top-level section is located at its key ("organization:"), in both readers.
  return nodeLoc(pf, nodeAt(pf, path, key || path.length === 1));
}

// ---- the fast path ------------------------------------------------------------------------------
// The yaml package's Document API keeps every node's range but reads ~2 MB/s; js-yaml reads plain
// YAML about ten times faster. Large inventories (10,000 tools) are read with js-yaml (YAML 1.2
// core schema, duplicate keys rejected) plus a line scan that finds where each entity starts; the
// Document is built only when a diagnostic needs an exact position inside an entity. Files with
// anchors, aliases or tags, and files js-yaml rejects, take the Document path, whose errors are
// the precise ones.

// Anchors, aliases and tags (alias expansion must be bounded), and `?` complex keys.
const NEEDS_DOCUMENT = /(^|[\s[{,])[&*!][^\s,\]}]|^\s*\?(\s|$)/m;

/** Tests switch the fast path (or its plain-shape reader, block-yaml.ts) off to compare the paths. */
export const parserSettings = { fast: true, fastMinLength: 0, block: true };

// Values of texts read before the workspace is parsed (the manifest's settings.output and
// settings.lang, src/open.ts), kept for parseFile so that a file is read by js-yaml once: the
// first read of a process is the slow one (~5 ms of `validate` on an example). Small texts only,
// a few at a time; the callers only read the values.
const earlyValues = new Map<string, unknown>();
const EARLY_MAX_LENGTH = 256 * 1024;

/** js-yaml's value of a text (YAML 1.2 core schema); throws on YAML it cannot read. */
export function peekYaml(text: string): unknown {
  if (earlyValues.has(text)) return earlyValues.get(text);
  const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  if (text.length <= EARLY_MAX_LENGTH) {
    if (earlyValues.size >= 4) earlyValues.delete(earlyValues.keys().next().value as string);
    earlyValues.set(text, value);
  }
  return value;
}

// The characters NEEDS_DOCUMENT looks for: a text without any (most) need not be searched with it.
const mayNeedDocument = (text: string): boolean => text.includes('&') || text.includes('*') || text.includes('!') || text.includes('?');

function fastParse(text: string): { value: unknown; outline?: Outline } | undefined {
  if (!parserSettings.fast || (mayNeedDocument(text) && NEEDS_DOCUMENT.test(text)) || text.length < parserSettings.fastMinLength) return undefined;
  if (earlyValues.has(text)) {
    const value = earlyValues.get(text);
    earlyValues.delete(text);
    return { value };
  }
  // The plain shape of large inventories: read with its outline in one pass.
  const block = parserSettings.block ? readBlockYaml(text) : undefined;
  if (block) return block;
  try {
    return { value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) };
  } catch {
    return undefined; // the Document path reports the problem precisely
  }
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml.duplicate-key',
  MULTIPLE_DOCS: 'yaml.multiple-docs',
  BAD_INDENT: 'yaml.bad-indent',
  TAB_AS_INDENT: 'yaml.tab-indent',
  MISSING_CHAR: 'yaml.missing-char',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.block-as-key',
  MULTILINE_IMPLICIT_KEY: 'yaml.multiline-key',
  UNEXPECTED_TOKEN: 'yaml.unexpected-token',
  BAD_ALIAS: 'yaml.bad-alias',
  BAD_SCALAR_START: 'yaml.bad-scalar-start',
  BLOCK_IN_FLOW: 'yaml.block-in-flow',
  BAD_DQ_ESCAPE: 'yaml.bad-escape',
};

/** An unclosed or mismatched bracket or quote, in plain words, where it is. */
function slipDiagnostic(file: string, slip: OpenSlip, { t }: Translator): Diagnostic {
  if (slip.kind === 'mismatched' && slip.found) {
    return {
      severity: 'error', code: 'yaml-syntax',
      message: t(`yaml.mismatched.${slip.open}`, { found: slip.found.char, foundLine: slip.found.line, line: slip.line }),
      location: { file, line: slip.found.line, column: slip.found.column },
    };
  }
  return {
    severity: 'error', code: 'yaml-syntax',
    message: t(`yaml.unclosed.${slip.open}`, { line: slip.line }),
    location: { file, line: slip.line, column: slip.column },
    suggestion: t(`yaml.unclosed.${slip.open}.hint`),
  };
}

/** Whether the line at `offset` reads `key: value: more`, an unquoted value holding ": ". */
function colonInValue(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end).replace(/\s+#.*$/, '');
  return /^\s*(-\s+)?[^:"'{[\s][^:]*:\s+[^"'\s{[][^"']*?:(\s|$)/.test(line) || /[{,]\s*[\w-]+:\s+[^"'\s{[][^,}"']*?:\s/.test(line);
}

export function parseFile(file: string, bytes: Uint8Array, manifest: boolean, tr: Translator = activeTranslator()): { parsed: ParsedFile; diagnostics: Diagnostic[] } {
  const { t } = tr;
  const diagnostics: Diagnostic[] = [];
  const decoded = decodeUtf8(bytes);
  if (decoded.text === undefined) {
    const { LineCounter: Lines, parseDocument } = yamlLib();
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const lc = new Lines();
    parseDocument(lossy, { lineCounter: lc });
    diagnostics.push({
      severity: 'error', code: 'not-utf8', message: t('load.not-utf8'),
      location: locAt(file, lc, decoded.badOffset ?? 0), suggestion: t('load.not-utf8.hint'),
    });
    return { parsed: { file, text: lossy, lineCounter: lc, manifest }, diagnostics };
  }
  const text = decoded.text;
  const parsed: ParsedFile = { file, text, manifest };
  if (onlyComments(text)) {
    diagnostics.push({
      severity: manifest ? 'error' : 'warning', code: 'empty-file',
      message: t(manifest ? 'load.empty-manifest' : 'load.empty-file'),
      location: { file, line: 1, column: 1 }, suggestion: manifest ? t('load.empty-manifest.hint') : undefined,
    });
    parsed.value = {};
    return { parsed, diagnostics };
  }
  const fast = fastParse(text);
  if (fast && fast.value !== null && typeof fast.value === 'object' && !Array.isArray(fast.value)) {
    parsed.value = fast.value;
    parsed.outline = checkOutline(fast.outline ?? scanOutline(text), fast.value as Record<string, unknown>);
    return { parsed, diagnostics };
  }
  const { LineCounter: Lines, parseDocument, visit, isCollection } = yamlLib();
  const lineCounter = new Lines();
  const doc = parseDocument(text, { ...DOC_OPTIONS, lineCounter });
  parsed.doc = doc;
  parsed.lineCounter = lineCounter;
  // One slip gives one error: a parser reports every line after an unclosed bracket or quote
  // again, so a file with syntax errors gets one diagnostic, the first (or the bracket or quote
  // left open, where it was opened). Duplicate keys are exact and independent: all are reported
  // when they are the only problem.
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  const slip = syntax.length ? findOpenSlip(text) : undefined;
  const firstLine = syntax.length ? lineCounter.linePos(syntax[0]!.pos[0]).line : 0;
  if (slip && slip.line <= firstLine) {
    diagnostics.push(slipDiagnostic(file, slip, tr));
    return { parsed, diagnostics };
  }
  for (const e of syntax.length ? syntax.slice(0, 1) : doc.errors) {
    let key = YAML_CODES[e.code];
    let suggestion: string | undefined;
    // "Sequence item without - indicator": a line indented one space off, not a missing bracket.
    if (e.code === 'MISSING_CHAR' && /without - indicator/.test(e.message)) key = 'yaml.bad-indent';
    // `name: Webinar: Q3` is the most common YAML slip in names and notes: say to quote it.
    if ((e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'BLOCK_IN_FLOW') && colonInValue(text, e.pos[0])) {
      key = 'yaml.colon-in-value';
      suggestion = t('yaml.colon-in-value.hint');
    }
    if (e.code === 'BAD_DQ_ESCAPE') suggestion = t('yaml.bad-escape.hint');
    // Never the library's own English: a known problem in plain words, else a plain pointer.
    let message = t(key ?? 'yaml.syntax-here');
    if (e.code === 'DUPLICATE_KEY') {
      const keyText = (/^[^:\n]*/.exec(text.slice(e.pos[0]))?.[0] ?? '').trim();
      message = t('yaml.duplicate-key', { key: keyText });
      suggestion = t('yaml.duplicate-key.hint');
    }
    diagnostics.push({
      severity: 'error', code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', message,
      location: locAt(file, lineCounter, e.pos[0], e.pos[1]),
      suggestion,
    });
  }
  if (doc.errors.length) return { parsed, diagnostics };
  // A list or mapping used as a key (`? [a, b]`, `{ [x]: 1 }`) would become the text "[ a, b ]":
  // say where it is instead of reporting an odd key far away.
  let complexKey: Node | undefined;
  visit(doc, { Pair: (_, pair) => {
    if (isCollection(pair.key)) {
      complexKey = pair.key as Node;
      return visit.BREAK;
    }
    return undefined;
  } });
  if (complexKey) {
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: t('yaml.collection-key'), location: nodeLoc(parsed, complexKey) });
    return { parsed, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml reports excessive alias expansion from toJS() as a ReferenceError.
    diagnostics.push({
      severity: 'error', code: 'alias-limit', message: t('yaml.alias-limit', { max: MAX_ALIAS_COUNT }),
      location: { file, line: 1, column: 1 }, suggestion: t('yaml.alias-limit.hint'),
    });
    void err;
    return { parsed, diagnostics };
  }
  if (value === null || value === undefined) {
    value = {};
  } else if (typeof value !== 'object' || Array.isArray(value) || value instanceof Map) {
    diagnostics.push({
      severity: 'error', code: 'not-a-mapping', message: t('load.not-a-mapping'),
      location: nodeLoc(parsed, doc.contents as Node), suggestion: t('load.not-a-mapping.hint'),
    });
    return { parsed, diagnostics };
  }
  parsed.value = value;
  return { parsed, diagnostics };
}

/**
 * Blank lines and comments only: "an empty file". Checked line by line: a regular expression
 * with a repeated group overflowed the stack on a large comment-only file.
 */
export function onlyComments(text: string): boolean {
  // Without splitting the text into lines (200,000 strings for a 5 MB inventory, issue 18): the
  // first character of each line that trimStart() would keep.
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || isTrimmed(c)) continue;
    if (c !== 35) return false;
    // A comment: to the end of its line.
    const end = text.indexOf('\n', i);
    if (end < 0) return true;
    i = end;
  }
  return true;
}

/** Whether String.prototype.trimStart() removes this UTF-16 code unit (white space or a line end). */
function isTrimmed(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return TRIMMED.has(c);
}
// The white space and line terminators of ECMAScript above ASCII (what trimStart() removes).
const TRIMMED = new Set([0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
