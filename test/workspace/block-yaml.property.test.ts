// The plain-shape reader (src/workspace/block-yaml.ts) stands in for js-yaml and the outline scan
// on large files: whenever it gives a value, it must be js-yaml's (key order included) and its
// outline must be the scan's. Checked on random documents written in the styles people and
// generators use, on the same documents with random slips, and on every example and fixture.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBlockYaml } from '../../src/workspace/block-yaml.js';
import { checkOutline, scanOutline } from '../../src/workspace/outline.js';
import { loadFromText } from '../../src/workspace/load.js';
import { parserSettings } from '../../src/workspace/parse.js';

const jsYamlValue = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
};

/** Deep equality that also compares the order of keys (and tells -0 from 0, NaN from NaN). */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (typeof a !== typeof b) return false;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.join('\u0000') !== kb.join('\u0000')) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

/** The reader agrees with js-yaml and the outline scan on `text` (or declines it). */
function agrees(text: string): boolean | 'declined' {
  const block = readBlockYaml(text);
  if (!block) return 'declined';
  const ref = jsYamlValue(text);
  if (!ref.ok) return false;
  if (!sameValue(block.value, ref.value)) return false;
  const scanned = checkOutline(scanOutline(text), ref.value as Record<string, unknown>);
  const mine = checkOutline(block.outline, block.value);
  expect({ top: [...mine.top], items: [...mine.items] }).toEqual({ top: [...scanned.top], items: [...scanned.items] });
  return true;
}

// ---- random documents in the plain shape, written several ways ------------------------------
const scalarText = fc.oneof(
  fc.constantFrom('crm', 'Tool 1 (crm)', 'tool-1', 'a.b_c', '2027-01', '1', '0', '-1', '1.5', '.5', '1e3', '0x1F', '0o17', '+3', '007',
    'true', 'True', 'FALSE', 'null', 'Null', '~', 'yes', 'no', 'on', '.inf', '-.Inf', '.nan', 'http://x.y/z?q=1', 'a:b', 'a#b',
    'Tom\'s', 'say "hi"', '株式会社さくら', '🚀 Launch', 'a, b', '[x]', '{y}', '-x', '- x', ': x', 'x: y', 'x:', 'x #y', '#x', '@x',
    '`x`', '%x', '&x', '*x', '!x', '|', '>', '?', 'a\\b', 'back\\slash', 'tab\there', 'line\nbreak', '', ' ', ' lead', 'trail ', '"', '\'',
    // Words next to js-yaml's null and boolean spellings (a plain word is resolved only at four or five characters).
    'nul', 'nulls', 'NuLL', 'tru', 'truth', 'tRUE', 'fals', 'falsey', 'FaLSE', 'n', 'f', 'T', 'tool', 'tools-1', 'Nan', 'nan', 'inf', 'Infinity',
    // Characters js-yaml refuses or reads apart (non-printable, a lone surrogate, a line or paragraph separator, non-breaking space).
    'a\u0001b', 'del\u007f', 'nel\u0085', 'c1\u0090', 'lone\uD800', 'sep\u2028', 'nb\u00a0sp', 'bom\uFEFF', 'é\u00e9'),
  fc.string({ maxLength: 6 }),
);
/** A scalar as written: plain, single- or double-quoted. */
const writtenScalar = fc.tuple(scalarText, fc.constantFrom('plain', 'single', 'double')).map(([s, style]) =>
  style === 'plain' ? s : style === 'single' ? `'${s.replaceAll("'", "''")}'` : JSON.stringify(s));
const key = fc.oneof(
  fc.constantFrom('id', 'name', 'tools', 'touchpoints', 'integrations', 'stages', 'strategy', 'initiatives', 'questions', 'settings',
    'data', 'cost', 'amount', 'period', 'seats', 'data_types', 'personas', 'notes', 'x-y', 'a.b', '_k', 'true', 'null', '__proto__', 'constructor',
    // Next to the format's keys, which the reader takes from its own list by a hash of their text.
    'ids', 'nam', 'Name', 'tools_', 'catalogs', 'source_of_truth', 'source_of_trut', 'third_party_cookies', 'depends_on', 'dependson', 'fail_on', 'fail_in'),
  fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,5}$/),
);
const flowScalar = fc.oneof(writtenScalar, fc.constantFrom('crm', 'x y', '12', 'a-b'));
const flowList = fc.array(flowScalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`);
const flowMap = fc.array(fc.tuple(key, flowScalar), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
const inlineValue = fc.oneof({ weight: 4, arbitrary: writtenScalar }, flowList, flowMap,
  fc.constantFrom('[]', '{}', '[ ]', '[a, [b, c]]', '[{a: 1}, {b: 2}]', '[a,b]', '[a, ]', '{a: }', '{a:1}', '[a #x]'));
const comment = fc.constantFrom('', '', '', ' # note', '  #x', ' #');

type Node = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Node][] } | { kind: 'seq'; items: Node[] };
const node: fc.Memo<Node> = fc.memo((depth) => depth <= 1
  ? inlineValue.map((text) => ({ kind: 'scalar' as const, text }))
  : fc.oneof(
    { weight: 2, arbitrary: inlineValue.map((text) => ({ kind: 'scalar' as const, text })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, node(depth - 1)), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })) },
    { weight: 1, arbitrary: fc.array(node(depth - 1), { minLength: 1, maxLength: 4 }).map((items) => ({ kind: 'seq' as const, items })) },
  ));

/** Writes a node at `indent`, lists at their key's indentation or two further, with comments and blank lines. */
function write(n: Node, indent: number, compact: boolean, notes: string[], out: string[]): void {
  const pad = ' '.repeat(indent);
  const note = () => notes[out.length % notes.length];
  if (n.kind === 'map') {
    for (const [k, v] of n.entries) {
      if (v.kind === 'scalar') out.push(`${pad}${k}: ${v.text}${note()}`);
      else {
        out.push(`${pad}${k}:${note()}`);
        if (out.length % 5 === 0) out.push('');
        if (out.length % 7 === 0) out.push(`${pad}  # a comment`);
        write(v, v.kind === 'seq' && compact ? indent : indent + 2, compact, notes, out);
      }
    }
  } else if (n.kind === 'seq') {
    for (const item of n.items) {
      if (item.kind === 'scalar') out.push(`${pad}- ${item.text}${note()}`);
      else if (item.kind === 'map') {
        const inner: string[] = [];
        write(item, indent + 2, compact, notes, inner);
        inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
        out.push(...inner);
      } else {
        out.push(`${pad}-`);
        write(item, indent + 2, compact, notes, out);
      }
    }
  } else out.push(`${pad}${n.text}`);
}

const doc = fc.tuple(
  fc.array(fc.tuple(key, node(4)), { minLength: 1, maxLength: 6 }),
  fc.boolean(),
  fc.array(comment, { minLength: 1, maxLength: 3 }),
  fc.constantFrom('', '\n', '\n\n# end\n'),
).map(([entries, compact, notes, tail]) => {
  const out: string[] = [];
  write({ kind: 'map', entries }, 0, compact, notes, out);
  return out.join('\n') + tail;
});

/** The same document with a slip: a character inserted, removed or replaced somewhere. */
const slipped = fc.tuple(doc, fc.nat(), fc.constantFrom('', ' ', '  ', '-', ':', '#', '"', "'", '[', ']', '{', '}', ',', '\t', '\r', '&a ', '*a', '!!str ', '? ', '|', '---', '\n', '\n  ', 'x', '0')).map(([text, at, ins]) => {
  const i = at % (text.length + 1);
  return at % 3 === 0 ? text.slice(0, i) + ins + text.slice(i + 1) : text.slice(0, i) + ins + text.slice(i);
});

describe('the plain-shape reader', () => {
  it('gives js-yaml\'s value and the outline scan\'s positions on random plain documents', () => {
    let read = 0;
    fc.assert(fc.property(doc, (text) => {
      const r = agrees(text);
      expect(r).not.toBe(false);
      if (r === true) read++;
    }), { numRuns: 3000 });
    if (process.env.BLOCK_DEBUG) console.log('random', read);
    expect(read).toBeGreaterThan(300);
  });

  it('never reads a slipped document differently from js-yaml', () => {
    let read = 0;
    fc.assert(fc.property(slipped, (text) => {
      const r = agrees(text);
      expect(r).not.toBe(false);
      if (r === true) read++;
    }), { numRuns: 5000 });
    if (process.env.BLOCK_DEBUG) console.log('slipped', read);
    expect(read).toBeGreaterThan(100);
  });

  it('reads the files of a generated inventory, and agrees on every example and fixture', () => {
    const tools = Array.from({ length: 30 }, (_, i) => [
      `  - id: tool-${i}`, `    name: "Tool ${i} (crm)"`, '    category: crm', '    capabilities: [crm, email-marketing]', '    hub: true',
      '    status: active', `    cost: { amount: ${i * 10}, period: year }`, `    seats: { licensed: ${i}, active: 1 }`, '    data: [contact-profile, orders]',
    ].join('\n'));
    expect(agrees(`tools:\n${tools.join('\n')}\n`)).toBe(true);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) files.push(p);
      }
    };
    walk('examples');
    walk('test/fixtures');
    expect(files.length).toBeGreaterThan(20);
    let read = 0;
    for (const f of files) {
      const r = agrees(readFileSync(f, 'utf8'));
      expect(r, f).not.toBe(false);
      if (r === true) read++;
    }
    if (process.env.BLOCK_DEBUG) console.log(read, files.length);
    expect(read).toBeGreaterThan(5);
  });

  it('the loader gives the same diagnostics and workspace with and without it', () => {
    const load = (text: string, block: boolean) => {
      parserSettings.block = block;
      try {
        return loadFromText(text);
      } finally {
        parserSettings.block = true;
      }
    };
    const tool = fc.record({
      id: fc.constantFrom('crm', 'tool-1', 'Bad Id', 'a.b'), name: fc.constantFrom('"Tool 1"', 'Tool: 1', "'x'", ''),
      status: fc.constantFrom('active', 'gone'), cost: fc.constantFrom('{ amount: 1, period: year }', '12', 'unknown', '-1', '{ amount: x }'),
      data: fc.constantFrom('[orders]', '[]', '[orders, ]', 'orders'), extra: fc.constantFrom('', '    vendor: X', '    bogus: 1', '    capabilities: [nope]'),
    }, { requiredKeys: ['id'] });
    const text = fc.array(tool, { maxLength: 4 }).map((ts) => [
      'version: 1', 'organization:', '  name: Org', 'tools:',
      ...ts.flatMap((t) => [`  - id: ${t.id}`, ...Object.entries(t).filter(([k, v]) => k !== 'id' && k !== 'extra' && v !== undefined).map(([k, v]) => `    ${k}: ${v}`), ...(t.extra ? [t.extra] : [])]),
      'touchpoints:', '  - id: tp', '    name: TP', '    stage: awareness', '    channel: email', '    tools: [crm, tool-1, missing]',
    ].join('\n') + '\n');
    fc.assert(fc.property(text, (t) => {
      const a = load(t, true);
      const b = load(t, false);
      expect(a.diagnostics).toEqual(b.diagnostics);
      expect(a.workspace).toEqual(b.workspace);
    }), { numRuns: 300 });
  });
});
