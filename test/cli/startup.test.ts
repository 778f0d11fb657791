// Start-up stays at node's pace by loading only what a command needs (issue 18). No timing here:
// the built CLI runs with a module hook that records every file it loads, and the source maps of
// the dist chunks say which sources those are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'martech-startup-'));
  // The loader hooks run off the main thread in Node 20: each loaded file is appended to a list.
  writeFileSync(join(tmp, 'hooks.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    'export async function load(url, context, next) {',
    "  if (url.startsWith('file:')) appendFileSync(process.env.STARTUP_LOADED, url + '\\n');",
    '  return next(url, context);',
    '}',
  ].join('\n'));
  writeFileSync(join(tmp, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(tmp, 'hooks.mjs')).href)});\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The sources (src/..., node_modules/<package>) of everything a run of the built CLI loads. */
function loadedBy(...args: string[]): string[] {
  const list = join(tmp, `loaded-${args.join('_').replace(/\W/g, '-')}.txt`);
  writeFileSync(list, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(tmp, 'register.mjs')).href, 'bin/martech-audit.js', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', STARTUP_LOADED: list },
  });
  expect(r.status, r.stderr).toBe(0);
  const sources = new Set<string>();
  for (const url of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
    const file = fileURLToPath(url);
    const rel = file.slice(ROOT.length + 1);
    if (rel.startsWith('dist/')) {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
      for (const s of map.sources) sources.add(s.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/'));
    } else sources.add(rel.replace(/^.*node_modules\//, 'node_modules/'));
  }
  return [...sources].sort();
}

const packages = (sources: string[]) => [...new Set(sources.filter((s) => s.startsWith('node_modules/')).map((s) => s.split('/')[1]))].sort();

describe('what a command loads (the built CLI)', () => {
  it('--help loads the program, commander and the English messages: no zod, no YAML reader, no loader, no analysis', () => {
    const loaded = loadedBy('--help');
    expect(loaded).toContain('src/cli/program.ts');
    for (const banned of ['zod', 'yaml', 'js-yaml']) expect(packages(loaded)).not.toContain(banned);
    expect(loaded.filter((s) => s.startsWith('src/workspace/') || s.startsWith('src/analysis/') || s.startsWith('src/i18n/ja/'))).toEqual([]);
  });

  it('validate of a valid example loads the loader but not the analysis, the renderers, the Document YAML parser or zod\'s classic API', () => {
    for (const example of ['examples/sakura-retail.yaml', 'examples/northwind-b2b']) {
      const loaded = loadedBy('validate', example);
      expect(loaded).toContain('src/workspace/load.ts');
      // The loader's rule catalog is a table the build makes from the rule modules (src/analysis/rules/catalog.ts);
      // months.ts is --start's check.
      const leaves = ['src/analysis/rules/catalog.ts', 'src/analysis/rules/catalog-table.ts', 'src/analysis/roadmap/ids.ts', 'src/analysis/roadmap/months.ts'];
      expect(loaded.filter((s) => s.startsWith('src/analysis/') && !leaves.includes(s))).toEqual([]);
      expect(loaded.filter((s) => s.startsWith('src/report/') || s.startsWith('src/diagrams/'))).toEqual([]);
      // A valid file is read by js-yaml and the line scanner; the yaml package is for errors and odd files.
      expect(packages(loaded)).not.toContain('yaml');
      // The loader's schemas are zod/mini: the classic API (all of zod's core) is for `schema --analysis` and `--diff`.
      expect(loaded.filter((s) => s.startsWith('node_modules/zod/') && !s.startsWith('node_modules/zod/v4/mini/') && !s.startsWith('node_modules/zod/v4/core/'))).toEqual([]);
    }
  });
});
