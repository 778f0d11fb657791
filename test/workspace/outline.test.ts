// The line scanner's scalar positions (src/workspace/outline.ts scalarLoc) against the yaml
// Document's: wherever the scanner answers, it must give the Document's start and end exactly;
// where it is not sure it says so, and the Document answers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarLoc } from '../../src/workspace/outline.js';
import { nodeAt, nodeLoc, parseFile, type ParsedFile } from '../../src/workspace/parse.js';

const ROOT = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Every path to a scalar in a parsed value. */
function leaves(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]));
  return prefix.length ? [prefix] : [];
}

/** Compares the scanner with the Document on every scalar of a file; returns [answered, scalars]. */
function compare(name: string, text: string): [number, number] {
  const { parsed } = parseFile(name, new TextEncoder().encode(text), true);
  if (!parsed.outline || parsed.value === undefined) return [0, 0];
  const paths = leaves(parsed.value);
  const fast = paths.map((p) => scalarLoc(parsed, p));
  // The Document, built once after the scanner has answered (nodeAt builds it on first use).
  const doc: ParsedFile = { ...parsed };
  let answered = 0;
  paths.forEach((p, i) => {
    if (!fast[i]) return;
    answered++;
    expect(fast[i], `${name} ${p.join('.')}`).toEqual(nodeLoc(doc, nodeAt(doc, p)));
  });
  return [answered, paths.length];
}

describe('scalar positions from the line scanner', () => {
  it('are the Document\'s on every fixture and example it answers for, and it answers for most', () => {
    let answered = 0;
    let total = 0;
    for (const file of [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))]) {
      const [a, t] = compare(file, readFileSync(file, 'utf8'));
      answered += a;
      total += t;
    }
    expect(total).toBeGreaterThan(10_000);
    expect(answered / total).toBeGreaterThan(0.8);
  });

  it('are the Document\'s on generated files of every style (flow and block, quotes, comments, long values)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    // Texts that need care: quotes, colons, hashes, escapes, non-ASCII.
    const text = fc.oneof(word, fc.constantFrom("Bob's shop", 'a: b', 'x #y', 'say "hi"', 'tab\there', '東京 店舗', 'back\\slash', '#first', '- dash', '  padded  ', ''));
    const scalar = text.chain((t) => fc.constantFrom(
      ...(/^[a-z][a-z0-9 -]*$/.test(t) && !t.endsWith(' ') ? [t] : []),
      JSON.stringify(t),
      `'${t.replace(/'/g, "''")}'`,
    ));
    const comment = fc.constantFrom('', '', '  # note', ' #x');
    const list = fc.tuple(fc.array(scalar, { minLength: 1, maxLength: 4 }), fc.constantFrom('flow', 'block', 'compact'), comment);
    const tool = fc.record({
      id: word, name: scalar, caps: list, cost: fc.oneof(fc.nat(5000), fc.constant(1.5)),
      notes: fc.constantFrom(undefined, 'block', 'folded-plain', 'plain'), flow: fc.boolean(), seatsFlow: fc.boolean(),
    });
    let answered = 0;
    let total = 0;
    fc.assert(fc.property(fc.array(tool, { minLength: 1, maxLength: 5 }), fc.constantFrom(2, 4), (tools, ind) => {
      const pad = ' '.repeat(ind);
      const lines = ['version: 1', 'settings:', `${pad}output: reports # where`, `${pad}rules: { data-silo: off, orphan-tool: "low" }`, 'tools:'];
      for (const t of tools) {
        const [caps, style, c] = t.caps;
        if (t.flow) {
          lines.push(`${pad}- { id: ${t.id}, name: ${t.name}, capabilities: [${caps.join(', ')}], cost: ${t.cost} }${c}`);
          continue;
        }
        lines.push(`${pad}- id: ${t.id}${c}`, `${pad}  name: ${t.name}`);
        if (style === 'flow') lines.push(`${pad}  capabilities: [ ${caps.join(' , ')} ]${c}`);
        else {
          lines.push(`${pad}  capabilities:${c}`);
          const at = style === 'compact' ? `${pad}  ` : `${pad}    `;
          for (const x of caps) lines.push(`${at}- ${x}`);
        }
        lines.push(`${pad}  cost: ${t.cost}`);
        lines.push(t.seatsFlow ? `${pad}  seats: {licensed: 10, active: 3}` : `${pad}  seats:\n${pad}    licensed: 10\n\n${pad}    # a comment\n${pad}    active: 3`);
        if (t.notes === 'block') lines.push(`${pad}  notes: |`, `${pad}    id: not a key`, `${pad}    - nor an item`);
        if (t.notes === 'folded-plain') lines.push(`${pad}  notes: first line`, `${pad}    second line`);
        if (t.notes === 'plain') lines.push(`${pad}  notes: one line # comment`);
      }
      const yaml = `${lines.join('\n')}\n`;
      const { parsed } = parseFile('gen.yaml', new TextEncoder().encode(yaml), true);
      if (!parsed.outline) return; // duplicate ids etc. are not this test's business
      const [a, n] = compare('gen.yaml', yaml);
      answered += a;
      total += n;
    }), { numRuns: 300 });
    // Entities with a block scalar or a value over two lines are the Document's; the rest is the scanner's.
    expect(answered / total).toBeGreaterThan(0.4);
  });
});

