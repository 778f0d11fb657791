// Two sides with the same files and bytes are analysed once (src/diff/parallel.ts sameSources,
// digestOnce): the comparison must be the one of two analyses (diffRevisions, which loads and
// digests each side), to the byte, in every format, and a side that differs in any file, byte or
// name must not take that path.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDigests } from '../../src/diff/diff.js';
import { digestSides, sameSources } from '../../src/diff/parallel.js';
import { renderDiffJson } from '../../src/diff/render-json.js';
import { renderDiffText } from '../../src/diff/render-text.js';
import { renderDiffMarkdown } from '../../src/diff/render-markdown.js';
import { diffRevisions } from '../../src/diff/run.js';
import { resolveSides } from '../../src/git/sides.js';
import { translator, type Lang } from '../../src/i18n/index.js';
import { ROOT } from '../git/cli.js';

let dir: string;
const EXAMPLES = ['northwind-b2b', 'brightwater-pets.yaml', 'sakura-retail.yaml', 'startup-no-hub.yaml'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'martech-diff-same-'));
  for (const name of EXAMPLES) cpSync(join(ROOT, 'examples', name), join(dir, 'a', name), { recursive: true });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The YAML files of a workspace (one file, or the files below a folder). */
function yamlFiles(p: string): string[] {
  if (p.endsWith('.yaml')) return [p];
  return readdirSync(p, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => join(p, f)).sort();
}

/** A copy of example `name` as `b/<n>/<name>`, changed as `how` says (or not at all). */
function copy(n: number, name: string, how: 'same' | 'byte' | 'space' | 'rename', pick: number): string {
  const to = join(dir, 'b', String(n), name);
  cpSync(join(dir, 'a', name), to, { recursive: true });
  const files = yamlFiles(to);
  const file = files[pick % files.length];
  if (how === 'byte') {
    // Another tool name: one character of a value.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('name: ');
    if (at >= 0) writeFileSync(file, `${text.slice(0, at + 6)}X${text.slice(at + 7)}`);
  } else if (how === 'space') {
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
  } else if (how === 'rename' && !name.endsWith('.yaml') && !file.endsWith('martech-audit.yaml')) {
    renameSync(file, file.replace(/\.yaml$/, '-renamed.yaml'));
  }
  return to;
}

let runs = 0;

describe('a diff of two sides with the same sources', () => {
  it('is the diff of two analyses, in every format, and only identical sources are analysed once', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...EXAMPLES), fc.constantFrom('same', 'byte', 'space', 'rename') as fc.Arbitrary<'same' | 'byte' | 'space' | 'rename'>,
      fc.nat(20), fc.constantFrom('en', 'ja') as fc.Arbitrary<Lang>,
      async (name, how, pick, lang) => {
        const tr = await translator(lang);
        const old = join('a', name);
        const neu = join('b', String(runs), name);
        copy(runs++, name, how, pick);
        const sides = resolveSides({ old, new: neu, cwd: dir, tr });
        const identical = sameSources(sides.old.sources, sides.new.sources);
        if (how === 'same') expect(identical).toBe(true);
        // Appending a line break is a change of bytes (not of the workspace): not the same sources.
        if (how === 'space' || (how === 'byte' && !identical)) expect(identical).toBe(false);
        const digests = await digestSides(sides, { cwd: dir, tr, language: async () => tr, worker: false });
        const got = diffDigests(digests.old, digests.new, digests.entities);
        const want = diffRevisions({ old, new: neu, cwd: dir, tr });
        expect(renderDiffJson(got)).toBe(renderDiffJson(want));
        expect(renderDiffText(got, { tr })).toBe(renderDiffText(want, { tr }));
        expect(renderDiffMarkdown(got, { tr, generator: 'g' })).toBe(renderDiffMarkdown(want, { tr, generator: 'g' }));
        if (identical) expect(got.unchanged).toBe(true);
      },
    ), { numRuns: 24 });
  });

  it('are told apart by any file, byte, name or kind', () => {
    const src = (files: [string, string][], kind: 'directory' | 'file' = 'directory', root = '/w') => ({
      path: root, kind, root, files: files.map(([p, text], i) => ({ path: `${root}/${p}`, bytes: Buffer.from(text), manifest: i === 0 })),
    });
    const base = src([['martech-audit.yaml', 'a'], ['tools/x.yaml', 'bc']]);
    expect(sameSources(base, src([['martech-audit.yaml', 'a'], ['tools/x.yaml', 'bc']], 'directory', '/elsewhere'))).toBe(true);
    expect(sameSources(base, src([['martech-audit.yaml', 'a'], ['tools/x.yaml', 'bd']]))).toBe(false);
    expect(sameSources(base, src([['martech-audit.yaml', 'a'], ['tools/y.yaml', 'bc']]))).toBe(false);
    expect(sameSources(base, src([['martech-audit.yaml', 'a']]))).toBe(false);
    expect(sameSources(base, src([['martech-audit.yaml', 'a'], ['tools/x.yaml', 'bc']], 'file'))).toBe(false);
    // Bytes that are a slice of a larger buffer are compared as the slice.
    const pooled = Buffer.from('__bc__');
    const sliced = src([['martech-audit.yaml', 'a'], ['tools/x.yaml', 'bc']], 'directory', '/v');
    sliced.files[1].bytes = pooled.subarray(2, 4);
    expect(sameSources(base, sliced)).toBe(true);
  });
});
