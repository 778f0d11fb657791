import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { layoutBytes, layoutChunks, layoutJson, oneLine, WIDTH } from '../../src/util/json-layout.js';
import { layoutJson as plainLayout, oneLine as plainOneLine } from './json-layout-plain.js';
import { sanitizeFile, sanitizeTerminal } from '../../src/util/sanitize.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { isClean } from '../../src/util/sanitize.js';

// Values as an analysis result holds them, and what JSON.stringify treats specially: undefined
// members (left out), undefined items (null), non-finite numbers (null), toJSON (a Date), strings
// with quotes, line breaks, brackets and commas (which must never be taken for layout).
const tricky = fc.constantFrom('', 'a, b', '[\n  x\n]', '{ "k": 1 }', '"', '\\', '\u2028', ': ,');
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), tricky, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(new Date(0))),
  node: fc.oneof({ maxDepth: 5 }, tie('leaf'), tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('node'), { maxLength: 6 }), fc.array(tie('leaf'), { minLength: 20, maxLength: 120 })),
  object: fc.dictionary(fc.oneof(fc.string(), tricky), tie('node'), { maxKeys: 6 }),
}));
// The same without lists of objects (no records): every line obeys the width rule.
const noRecords = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ maxDepth: 4 }, tie('leaf'), tie('list'), tie('object')),
  list: fc.array(fc.oneof(tie('leaf'), fc.array(tie('leaf'), { maxLength: 8 })), { maxLength: 30 }),
  object: fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 8 }),
}));

const parsed = (v: unknown) => JSON.parse(JSON.stringify(v) ?? 'null');

/** Whether a line holds one member whose value is a scalar (a long string may pass the width). */
function oneScalar(line: string): boolean {
  const t = line.trim().replace(/,$/, '');
  for (const text of [`{${t}}`, t]) {
    try {
      const v = JSON.parse(text);
      const inner = text === t ? v : Object.values(v);
      if (text === t ? v === null || typeof v !== 'object' : inner.length === 1 && (inner[0] === null || typeof inner[0] !== 'object')) return true;
    } catch {
      // not this form
    }
  }
  return false;
}

describe('util/json-layout', () => {
  it('parses back to what JSON.stringify writes, whatever the strings hold', () => {
    fc.assert(fc.property(value.node, (v) => {
      expect(JSON.parse(layoutJson({ v }))).toEqual(parsed({ v }));
      expect(JSON.parse(oneLine(v) ?? 'null')).toEqual(parsed(v));
    }), { numRuns: 400 });
  });

  it('writes one line as people write JSON: spaced objects, lists without inner spaces', () => {
    expect(oneLine({ kind: 'tool', id: 'crm', n: [1, [2, 3], {}], e: [] })).toBe('{ "kind": "tool", "id": "crm", "n": [1, [2, 3], {}], "e": [] }');
    expect(oneLine(['a, b', '[\n]', { x: '{ "y": 1 }' }])).toBe('["a, b", "[\\n]", { "x": "{ \\"y\\": 1 }" }]');
  });

  it('puts a container on one line when it fits the width, else one member per line', () => {
    fc.assert(fc.property(noRecords.object, (v) => {
      for (const line of layoutJson({ v }).split('\n')) {
        if (line.length > WIDTH) expect(oneScalar(line), line).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('breaks exactly the containers whose one line would not fit (the plain rule, measured whole)', () => {
    // The writer never serialises a large value to measure it: its bound must agree with this.
    const plain = (v: unknown, pad: string, used: number): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
      const one = oneLine(v);
      if (used + one.length + 1 <= WIDTH) return one;
      const inner = `${pad}  `;
      if (Array.isArray(v)) return `[\n${v.map((x) => inner + plain(x, inner, inner.length)).join(',\n')}\n${pad}]`;
      const ks = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (!ks.length) return '{}';
      return `{\n${ks.map((k) => `${inner}${JSON.stringify(k)}: ${plain((v as Record<string, unknown>)[k], inner, inner.length + JSON.stringify(k).length + 2)}`).join(',\n')}\n${pad}}`;
    };
    fc.assert(fc.property(noRecords.object, (v) => {
      expect(layoutJson({ v })).toBe(plain({ v }, '', 0));
    }), { numRuns: 300 });
  });

  it('gives a record (an object in a list) one field per line, a field of at most two levels on one line', () => {
    const entities = Array.from({ length: 12 }, (_, i) => ({ kind: 'tool', id: `tool-${i}` }));
    const finding = {
      id: 'consent-not-synced:crm', rule: 'consent-not-synced', message: 'm', entities,
      location: { file: 'tools.yaml', line: 3, column: 5 }, details: { hubs: ['a', 'b'], senders: ['c'] }, deep: { a: { b: { c: 1 } } },
    };
    const text = layoutJson({ findings: [finding, { id: 'x' }] });
    expect(text).toBe([
      '{',
      '  "findings": [',
      '    {',
      '      "id": "consent-not-synced:crm",',
      '      "rule": "consent-not-synced",',
      '      "message": "m",',
      `      "entities": [${entities.map((e) => `{ "kind": "tool", "id": "${e.id}" }`).join(', ')}],`,
      '      "location": { "file": "tools.yaml", "line": 3, "column": 5 },',
      '      "details": { "hubs": ["a", "b"], "senders": ["c"] },',
      // Three levels: the width rule.
      '      "deep": { "a": { "b": { "c": 1 } } }',
      '    },',
      '    {',
      '      "id": "x"',
      '    }',
      '  ]',
      '}',
    ].join('\n'));
    // A field nesting deeper and longer than the width: broken, its own records laid out alike.
    const stage = { id: 's', touchpoints: Array.from({ length: 3 }, (_, i) => ({ id: `tp-${i}`, tools: ['a'], location: { file: 'f', line: i, column: 1 } })) };
    expect(layoutJson({ stages: [stage] }).split('\n').slice(3, 9)).toEqual([
      '      "id": "s",',
      '      "touchpoints": [',
      '        {',
      '          "id": "tp-0",',
      '          "tools": ["a"],',
      '          "location": { "file": "f", "line": 0, "column": 1 }',
    ]);
  });

  it('ends every chunk but the last with a line break, keeps chunks bounded, and joins to the text', () => {
    const doc = { findings: Array.from({ length: 5000 }, (_, i) => ({ id: `r:${i}`, message: 'x'.repeat(50), entities: [{ kind: 'tool', id: `t-${i}` }] })) };
    const chunks = [...layoutChunks(doc)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 20);
    expect(chunks.join('')).toBe(layoutJson(doc));
    expect(JSON.parse(chunks.join(''))).toEqual(doc);
  });
});

// Strings a workspace may hold: quotes, backslashes, every control character, lone and paired
// surrogates, what util/sanitize.ts escapes (C1, bidi, U+2028/2029), workflow commands after a
// line break, long lines, Japanese text, and text that looks like the layout's own punctuation.
const awkwardChar = fc.oneof(
  fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u202e', '\u2066',
    '\u2028', '\u2029', '\ud800', '\udfff', '\ud83d\ude00', 'ア', '日本語', ':', '::', '##[', ',', '{', '}', '[', ']', ' '),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const awkward = fc.oneof(
  fc.array(awkwardChar, { maxLength: 12 }).map((cs) => cs.join('')),
  fc.constantFrom('::set-output name=x::y', '\n::error file=a::b', '##[error]x', '\u202eevil', 'x'.repeat(150), '顧客データ基盤（CDP）の統合'.repeat(8)),
  fc.string({ maxLength: 30 }),
);
const awkwardValue = fc.letrec((tie) => ({
  leaf: fc.oneof(awkward, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(new Date(0))),
  node: fc.oneof({ maxDepth: 5 }, tie('leaf'), tie('array'), tie('object'), tie('records')),
  array: fc.oneof(fc.array(tie('node'), { maxLength: 6 }), fc.array(tie('leaf'), { minLength: 20, maxLength: 60 })),
  object: fc.dictionary(fc.oneof(awkward, fc.constantFrom('id', 'entities', 'details')), tie('node'), { maxKeys: 6 }),
  // Lists of records, as findings and initiatives are.
  records: fc.array(fc.dictionary(fc.oneof(awkward, fc.constantFrom('id', 'message', 'data')), tie('node'), { maxKeys: 5 }), { maxLength: 4 }),
}));

describe('util/json-layout: the writer against the plain one', () => {
  it('gives exactly the bytes of the plain layout, and in safe mode what the sanitisers make of them', () => {
    fc.assert(fc.property(awkwardValue.node, fc.constantFrom(40, 100), (v, width) => {
      const plain = plainLayout({ v }, { width });
      expect(layoutJson({ v }, { width })).toBe(plain);
      expect([...layoutChunks({ v }, { width })].join('')).toBe(plain);
      const safe = layoutJson({ v }, { width, safe: true });
      expect(safe).toBe(sanitizeTerminal(plain));
      expect(safe).toBe(sanitizeTerminal(plain, { keepColor: true }));
      expect(safe).toBe(sanitizeFile(plain, 'text'));
      expect(safe).toBe(sanitizeFile(plain, 'markup'));
      expect(JSON.parse(safe)).toEqual(JSON.parse(plain));
    }), { numRuns: 500 });
  });

  it('marks the report JSON chunks clean, and they are what the sanitisers leave', () => {
    const result = { organization: 'Tink\u001b]0;x\u0007\u202eerly\u0085', findings: [{ id: 'a', message: 'line\n::error::x\u2028##[error]y', data: { name: '\u2066z' } }] };
    const chunks = renderJsonChunks(result as never);
    expect(isClean(chunks)).toBe(true);
    const text = Buffer.concat([...chunks]).toString('utf8');
    expect(text).toBe(renderJson(result as never));
    expect(text).toBe(sanitizeTerminal(`${plainLayout(result)}\n`));
    expect(text).not.toMatch(/[\u0085\u202e\u2066\u2028]/);
    expect(text).not.toMatch(/^\s*(::|##\[)/m);
    expect(JSON.parse(text)).toEqual(result);
  });
});

// Long strings go through a regular expression and the native UTF-8 encoder, short ones through a
// loop; widths count UTF-16 units of the JSON.stringify-escaped text while the bytes are UTF-8 and
// safe mode's escapes are six bytes for one unit. Strings around the switch-over length and lines
// around the width, made of such characters, against the plain writer (in safe mode: what the
// sanitiser makes of its text, as above).
const wideChar = fc.constantFrom('a', 'é', 'ア', '\u0085', '\u007f', '\u202e', '\u2028', '\u061c', '\ud83d\ude00', '\ud800', '"', '\n', '\u001b', ' ');
const sized = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 40 }), wideChar, wideChar, fc.nat(40)).map(([n, a, b, at]) => {
    const s = a.repeat(n);
    return s.slice(0, at) + b + s.slice(at);
  }),
  fc.string({ unit: 'binary', minLength: 20, maxLength: 30 }),
  awkward,
);
const sizedValue = fc.letrec((tie) => ({
  leaf: fc.oneof(sized, fc.integer(), fc.constant(null)),
  node: fc.oneof({ maxDepth: 4 }, tie('leaf'), tie('array'), tie('object'), tie('records')),
  array: fc.array(tie('node'), { maxLength: 6 }),
  object: fc.dictionary(fc.oneof(sized, fc.constantFrom('id', 'data')), tie('node'), { maxKeys: 5 }),
  records: fc.array(fc.dictionary(fc.oneof(sized, fc.constantFrom('id', 'entities')), tie('node'), { maxKeys: 4 }), { maxLength: 3 }),
}));

/** The reference: the plain writer's text, and in safe mode what the terminal sanitiser makes of it. */
function referenceLayout(v: unknown, { width, safe }: { width?: number; safe?: boolean } = {}): string {
  const plain = plainLayout(v, { width });
  return safe ? sanitizeTerminal(plain) : plain;
}

describe('util/json-layout: the byte writer against the plain writer', () => {
  it('gives its bytes exactly, plain and safe, at any width', () => {
    fc.assert(fc.property(sizedValue.node, fc.constantFrom(0, 8, 30, 40, 61, 100), fc.boolean(), (v, width, safe) => {
      const expected = referenceLayout({ v }, { width, safe });
      const chunks = [...layoutBytes({ v }, { width, safe })];
      expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
      expect(layoutJson({ v }, { width, safe })).toBe(expected);
      expect([...layoutChunks({ v }, { width, safe })].join('')).toBe(expected);
    }), { numRuns: 1000 });
  });

  it('gives the bytes of the awkward values too, and the one-line form', () => {
    fc.assert(fc.property(awkwardValue.node, fc.constantFrom(40, 100), fc.boolean(), (v, width, safe) => {
      expect(layoutJson({ v }, { width, safe })).toBe(referenceLayout({ v }, { width, safe }));
      expect(oneLine(v)).toBe(plainOneLine(v));
    }), { numRuns: 500 });
  });

  it('cuts chunks after a line break, each its own buffer of whole characters', () => {
    const doc = { findings: Array.from({ length: 3000 }, (_, i) => ({ id: `r:${i}`, message: `顧客データ\u202e${'x'.repeat(i % 200)}`, data: { n: i } })) };
    const chunks = [...layoutBytes(doc, { safe: true })];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks.slice(0, -1)) expect(c[c.length - 1]).toBe(10);
    for (const c of chunks) expect(Buffer.from(c.toString('utf8'), 'utf8').equals(c)).toBe(true);
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(referenceLayout(doc, { safe: true }));
  });
});
