// Edits one YAML file the way a person would: only the lines that change are touched, so
// comments, blank lines, key order, quoting and hand-aligned comments stay exactly as written.
//
// Every edit is made twice. The Document API (parseDocument + setIn/addIn/deleteIn) defines
// what the file must mean afterwards; a text splice at the node's source range produces the
// new text. The splice is kept only when it parses to exactly that meaning; otherwise the
// edited Document is written with toString() (comments kept, spacing normalised). Nothing
// is ever re-dumped from plain data. This file is the Document side; yaml-splice.ts the text side.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, isMap, isSeq, isScalar, isCollection, type Document, type Node, type Pair, type YAMLSeq } from 'yaml';
import {
  PARSE_OPTIONS, inlineable, isScalarValue, orderedIndex, spliceAppend, spliceInsert, spliceRemove, spliceSet, tryParse,
} from './yaml-splice.js';

export { PARSE_OPTIONS, renderInline, renderScalar } from './yaml-splice.js';

export type Path = readonly (string | number)[];
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true } as const;

export interface EditOptions {
  /** Preferred key order of the map the key goes into: a new key is placed after its predecessors. */
  order?: readonly string[];
  /** Write the value (a map, or a list of maps) in block style even when it is short. */
  block?: boolean;
}

/** Thrown when a file does not parse: editing it would guess at the author's intent. */
export class YamlSyntaxError extends Error {
  override name = 'YamlSyntaxError';
}

export class YamlFile {
  text: string;
  doc: Document;
  /** How many edits had to fall back to Document.toString() (tests assert 0). */
  fallbacks = 0;

  /** Line ending and byte-order mark of the file as read: edits work on "\n", output restores them. */
  private readonly eol: '\n' | '\r\n';
  private readonly bom: string;

  constructor(source: string) {
    this.bom = source.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const text = this.bom ? source.slice(1) : source;
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.text = this.eol === '\r\n' ? text.replace(/\r\n/g, '\n') : text;
    this.doc = parse(this.text);
  }

  /** The file's content to write: the edited text with its own line endings (and BOM). */
  get output(): string {
    return this.bom + (this.eol === '\r\n' ? this.text.replace(/\n/g, '\r\n') : this.text);
  }

  clone(): YamlFile {
    const c = new YamlFile(this.output);
    c.fallbacks = this.fallbacks;
    return c;
  }

  toJS(): any {
    return this.doc.toJS() ?? {};
  }

  get(path: Path): any {
    const v = path.length ? this.doc.getIn(path) : this.doc.contents;
    return isCollection(v) || isScalar(v) ? (v as any).toJS(this.doc) : v;
  }

  has(path: Path): boolean {
    return path.length === 0 ? this.doc.contents != null : this.doc.hasIn(path);
  }

  /** Sets a map key (creating it at its place in `order`), replacing any value it had. */
  set(path: Path, value: Plain, opts: EditOptions = {}): void {
    // A missing parent map: set the shortest missing prefix to the nested value instead.
    for (let i = 1; i < path.length; i++) {
      const head = path.slice(0, i);
      const node = this.doc.getIn(head, true);
      if (node === undefined || (isScalar(node) && node.value === null)) {
        let nested: Plain = value;
        for (let j = path.length - 1; j >= i; j--) nested = { [String(path[j])]: nested };
        this.set(head, nested, i === 1 ? { block: true } : {});
        return;
      }
    }
    this.commit(
      (doc) => docSet(doc, path, value, opts),
      () => spliceSet(this.text, this.doc, path, value, opts),
    );
  }

  /** Appends an item to the list at `path`, creating the list when missing. */
  append(path: Path, item: Plain, opts: EditOptions = {}): void {
    const node = this.doc.getIn(path, true);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      this.set(path, [item], opts);
      return;
    }
    this.commit(
      (doc) => {
        const seq = doc.getIn(path, true);
        if (!isSeq(seq)) throw new Error(`not a list: ${path.join('.')}`);
        seq.items.push(createNode(doc, item, opts.block ?? false));
      },
      () => spliceAppend(this.text, this.doc, path, item, opts),
    );
  }

  /** Inserts an item before position `index` of the list at `path` (at the end when past it). */
  insert(path: Path, index: number, item: Plain, opts: EditOptions = {}): void {
    const seq = this.doc.getIn(path, true);
    if (!isSeq(seq) || index >= seq.items.length) {
      this.append(path, item, opts);
      return;
    }
    this.commit(
      (doc) => {
        (doc.getIn(path, true) as YAMLSeq).items.splice(index, 0, createNode(doc, item, opts.block ?? false));
      },
      () => spliceInsert(this.text, this.doc, path, index, item, opts),
    );
  }

  /** Removes a map key or a list item. */
  remove(path: Path): void {
    if (!this.doc.hasIn(path)) return;
    this.commit(
      (doc) => {
        doc.deleteIn(path);
      },
      () => spliceRemove(this.text, this.doc, path),
    );
  }

  private commit(viaDocument: (doc: Document) => void, viaText: () => string | undefined): void {
    const expected = this.doc.clone();
    viaDocument(expected);
    const want = expected.toJS() ?? {};
    let text: string | undefined;
    try {
      text = viaText();
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const got = tryParse(text);
      if (!got || !isDeepStrictEqual(got.toJS() ?? {}, want)) text = undefined;
    }
    if (text === undefined) {
      this.fallbacks++;
      text = expected.toString(TO_STRING_OPTIONS);
    }
    this.text = text;
    this.doc = parse(text);
  }
}

function parse(text: string): Document {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) throw new YamlSyntaxError(doc.errors[0].message.split('\n')[0]);
  return doc;
}

// ---- Document API side ---------------------------------------------------------------------

function createNode(doc: Document, value: Plain, block: boolean): Node {
  const node = doc.createNode(value) as Node;
  styleNode(node, value, block);
  return node;
}

function styleNode(node: unknown, value: Plain, block: boolean): void {
  if (isSeq(node)) {
    const items = value as Plain[];
    node.flow = items.every(isScalarValue);
    node.items.forEach((n, i) => styleNode(n, items[i], block));
  } else if (isMap(node)) {
    node.flow = !block && inlineable(value);
    for (const p of node.items) {
      const k = (isScalar(p.key) ? p.key.value : p.key) as string;
      styleNode(p.value, (value as Record<string, Plain>)[k], false);
    }
  }
}

function docSet(doc: Document, path: Path, value: Plain, opts: EditOptions): void {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (isMap(parent) && !parent.has(key)) {
    const pair = doc.createPair(key, createNode(doc, value, opts.block ?? false)) as Pair;
    parent.items.splice(orderedIndex(parent, String(key), opts.order), 0, pair);
    return;
  }
  if (isMap(parent) && isScalarValue(value)) {
    doc.setIn(path, value);
    return;
  }
  doc.setIn(path, createNode(doc, value, opts.block ?? false));
}

