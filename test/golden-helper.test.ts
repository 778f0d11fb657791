// The golden helper (test/golden.ts) can fail: a missing golden file is an error that says how to
// create it, and nothing is written; a difference fails. And no test writes golden files itself.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGolden, expectGoldenDir, GOLDEN_DIR } from './golden.js';

const TEST_DIR = dirname(fileURLToPath(import.meta.url));

// `update: false` throughout: these run under `npm run golden:update` too, and must not write.
const check = { update: false };

describe('the golden helper', () => {
  it('fails on a missing golden file, says how to create it, and writes nothing', () => {
    const name = 'no-such-area/missing.txt';
    expect(() => expectGolden(name, 'text', check)).toThrow(
      'golden file test/golden/no-such-area/missing.txt does not exist: create it with `npm run golden:update -- test/golden-helper.test.ts`',
    );
    expect(existsSync(join(GOLDEN_DIR, 'no-such-area'))).toBe(false);
  });

  it('fails on a missing golden folder and writes nothing', () => {
    expect(() => expectGoldenDir('no-such-area/dir', { 'a.yaml': 'a: 1\n' }, check)).toThrow(/golden file test\/golden\/no-such-area\/dir\/ does not exist/);
    expect(existsSync(join(GOLDEN_DIR, 'no-such-area'))).toBe(false);
  });

  it('fails when the text differs, and passes when it is the same', () => {
    const name = 'diff/northwind-retire-marketo.txt';
    const golden = readFileSync(join(GOLDEN_DIR, name), 'utf8');
    expect(() => expectGolden(name, `${golden}x`, check)).toThrow(/differs from test\/golden\/diff\/northwind-retire-marketo\.txt/);
    expectGolden(name, golden, check);
  });

  it('fails when a folder has a file more or less than its golden copy', () => {
    const dir = join(GOLDEN_DIR, 'interview', 'beta');
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expectGoldenDir('interview/beta', files, check);
    expect(() => expectGoldenDir('interview/beta', { ...files, 'extra.yaml': '' }, check)).toThrow(/the files written/);
  });
});

describe('golden files are written only by `npm run golden:update`', () => {
  it('no test but the helper reads UPDATE_GOLDEN or opens a file in test/golden', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!['fixtures', 'golden', '.tmp'].includes(e.name)) walk(p);
        } else if (/\.(ts|mjs|js)$/.test(e.name) && !['golden.ts', 'golden-helper.test.ts'].includes(e.name)) {
          const code = readFileSync(p, 'utf8')
            .split('\n')
            .filter((l) => !/^\s*(\/\/|\/?\*)/.test(l)); // comments may name test/golden/
          if (code.some((l) => /UPDATE_GOLDEN|['"/]golden['"/]/.test(l))) offenders.push(relative(TEST_DIR, p));
        }
      }
    };
    walk(TEST_DIR);
    expect(offenders, 'use expectGolden / expectGoldenDir from test/golden.ts').toEqual([]);
  });
});
