import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's root folder (holds data/, templates/, schema/), from dist/ or src/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'martech-audit') return (root = dir);
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('martech-audit: cannot find the package root');
    dir = up;
  }
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** A path as people should read it: relative to cwd when below it, with forward slashes. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = relative(cwd, p);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  return shown.split(sep).join('/');
}
