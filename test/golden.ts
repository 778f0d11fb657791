// The one helper for golden files (reviewed expected output under test/golden/). A test compares;
// it never writes. A missing golden file fails the test and says how to create it; rewriting the
// files is an explicit command, `npm run golden:update` (which sets UPDATE_GOLDEN=1), after which
// the diff under test/golden/ is reviewed like code before it is committed.
import { expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

/** True under `npm run golden:update`: the helpers rewrite what differs instead of failing. */
export const updatingGoldens = (): boolean => process.env.UPDATE_GOLDEN === '1';

/** `name` is relative to test/golden/ (`analyze/startup-no-hub.txt`). */
function resolveGolden(name: string): { file: string; shown: string } {
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) throw new Error(`golden file names are relative to test/golden/: ${name}`);
  const file = join(GOLDEN_DIR, name);
  return { file, shown: relative(ROOT, file).split(sep).join('/') };
}

function currentTestFile(): string {
  const path = expect.getState().testPath;
  return path ? relative(ROOT, path).split(sep).join('/') : '<test file>';
}

export function missingGoldenMessage(shown: string): string {
  return (
    `golden file ${shown} does not exist: create it with \`npm run golden:update -- ${currentTestFile()}\`, ` +
    `then review what it wrote (git status test/golden) before committing`
  );
}

export interface GoldenOptions {
  /** What is compared, for the failure message (default: the file name). */
  what?: string;
  /** Rewrite instead of failing (default: under `npm run golden:update`). */
  update?: boolean;
}

/** Compares `actual` with the reviewed file test/golden/<name>. */
export function expectGolden(name: string, actual: string, { what = name, update = updatingGoldens() }: GoldenOptions = {}): void {
  const { file, shown } = resolveGolden(name);
  if (update) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
  } else if (!existsSync(file)) {
    throw new Error(missingGoldenMessage(shown));
  }
  expect(actual, `${what} differs from ${shown} (if the change is intended: npm run golden:update, then review the diff)`).toBe(
    readFileSync(file, 'utf8'),
  );
}

/**
 * Compares a set of files (name → text) with the reviewed folder test/golden/<name>/: the same file
 * names, the same contents. Under golden:update the folder is made to match (stale files removed).
 */
export function expectGoldenDir(name: string, actual: Record<string, string>, { update = updatingGoldens() }: GoldenOptions = {}): void {
  const { file: dir, shown } = resolveGolden(name);
  const names = Object.keys(actual).sort();
  if (update) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (!(f in actual)) rmSync(join(dir, f), { recursive: true });
    for (const f of names) {
      const p = join(dir, f);
      if (!existsSync(p) || readFileSync(p, 'utf8') !== actual[f]) writeFileSync(p, actual[f]);
    }
  } else if (!existsSync(dir)) {
    throw new Error(missingGoldenMessage(`${shown}/`));
  }
  expect(names, `${shown}/: the files written`).toEqual(readdirSync(dir).sort());
  for (const f of names) expectGolden(`${name}/${f}`, actual[f], { what: f, update });
}
