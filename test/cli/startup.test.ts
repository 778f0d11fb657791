// Start-up stays at node's pace by loading only what a command needs (issue 18). No timing here:
// the built CLI runs with a module hook and a preloaded script that record every file it loads
// (ES modules, and the CommonJS start-up bundles bin/martech-audit.js reads), and the source maps
// of the dist files say which sources those are.
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
  // CommonJS files (bin/martech-audit.js, the dist/fast-*.cjs bundles, required packages) and the
  // message files are read with fs.readFileSync.
  writeFileSync(join(tmp, 'preload.cjs'), [
    "const fs = require('node:fs');",
    "const { fileURLToPath } = require('node:url');",
    'const read = fs.readFileSync;',
    'fs.readFileSync = function (file, ...rest) {',
    "  const path = file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? file : '';",
    "  if (/\\.(c|m)?js$|\\.json$/.test(path) && !path.endsWith('package.json')) fs.appendFileSync(process.env.STARTUP_LOADED, require('node:url').pathToFileURL(path).href + '\\n');",
    '  return read.call(this, file, ...rest);',
    '};',
  ].join('\n'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The files (relative to the package) a run of the built CLI loads: code, and the message and data files. */
function filesReadBy(...args: string[]): string[] {
  return filesReadVia('bin', args);
}

/** The same, run through bin/martech-audit.js or through the ES module build (dist/cli.js) directly. */
function filesReadVia(via: 'bin' | 'esm', args: string[]): string[] {
  const list = join(tmp, `loaded-${via}-${args.join('_').replace(/\W/g, '-')}.txt`);
  writeFileSync(list, '');
  const entry = via === 'bin' ? ['bin/martech-audit.js', ...args]
    : ['--input-type=module', '-e', `import('./dist/cli.js').then((m) => m.main(${JSON.stringify(['node', 'martech-audit', ...args])}))`];
  const r = spawnSync(process.execPath, ['--require', join(tmp, 'preload.cjs'), '--import', pathToFileURL(join(tmp, 'register.mjs')).href, ...entry], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', STARTUP_LOADED: list },
  });
  expect(r.status, r.stderr).toBe(0);
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((url) => fileURLToPath(url).slice(ROOT.length + 1));
  return [...new Set(files)].sort();
}

/** The sources (src/..., node_modules/<package>) of everything a run of the built CLI loads. */
function loadedBy(via: 'bin' | 'esm', ...args: string[]): string[] {
  const sources = new Set<string>();
  for (const rel of filesReadVia(via, args)) {
    if (rel.startsWith('dist/') && !rel.endsWith('.json')) {
      const map = JSON.parse(readFileSync(join(ROOT, `${rel}.map`), 'utf8')) as { sources: string[] };
      for (const s of map.sources) sources.add(s.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/'));
    } else sources.add(rel.replace(/^.*node_modules\//, 'node_modules/'));
  }
  return [...sources].sort();
}

/** A run of the built CLI: through bin/martech-audit.js, or the ES module build (dist/cli.js) directly. */
function run(via: 'bin' | 'esm', args: string[], env: Record<string, string> = {}) {
  const argv = via === 'bin' ? ['bin/martech-audit.js', ...args]
    : ['--input-type=module', '-e', `import('./dist/cli.js').then((m) => m.main(${JSON.stringify(['node', 'martech-audit', ...args])}))`];
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const packages = (sources: string[]) => [...new Set(sources.filter((s) => s.startsWith('node_modules/')).map((s) => s.split('/')[1]))].sort();

describe('what a command loads (the built CLI)', () => {
  it('--help, validate, analyze and diff each run from one start-up bundle (dist/fast-*.cjs), not the ES module chunks', () => {
    const code = (files: string[]) => files.filter((f) => f.startsWith('dist/') && !f.endsWith('.json'));
    expect(code(filesReadBy('--help'))).toEqual(['dist/fast-help.cjs']);
    expect(code(filesReadBy('--lang', 'ja', 'help', 'validate'))).toEqual(['dist/fast-help.cjs']);
    expect(code(filesReadBy('validate', 'examples/northwind-b2b'))).toEqual(['dist/fast-validate.cjs']);
    expect(code(filesReadBy('--no-color', 'validate', 'examples/sakura-retail.yaml'))).toEqual(['dist/fast-validate.cjs']);
    expect(code(filesReadBy('analyze', 'examples/northwind-b2b', '--fail-on', 'none', '--start', '2027-01'))).toEqual(['dist/fast-analyze.cjs']);
    // Small sides are compared in one thread: no worker, no chunk.
    expect(code(filesReadBy('diff', 'examples/northwind-b2b', 'examples/sakura-retail.yaml'))).toEqual(['dist/fast-diff.cjs']);
    // Only the language a run speaks: English help reads no Japanese messages.
    expect(filesReadBy('--help').filter((f) => f.startsWith('dist/messages-'))).toEqual(['dist/messages-en.json']);
    // Other commands: the ES module build.
    expect(code(filesReadBy('explain', 'data-silo'))).toContain('dist/cli.js');
  });

  // The start-up bundles are built from the same sources as the ES module build; a command line
  // gives the same bytes and exit code either way (help texts, errors and diagnostics included).
  it.each([
    [[], {}], [['--help'], {}], [['--help'], { LANG: 'ja_JP.UTF-8' }], [['--lang', 'ja', '-h'], {}], [['help'], {}],
    [['help', 'validate'], { LANG: 'ja_JP.UTF-8' }], [['help', 'report'], {}], [['--version'], {}], [['-V'], {}],
    [['--lang'], {}], [['--lang', 'xx', '--help'], {}], [['validate', '--help'], {}],
    [['validate', 'examples/northwind-b2b'], {}], [['validate', 'examples/sakura-retail.yaml'], {}],
    [['--lang=ja', 'validate', 'examples/brightwater-pets.yaml', '--format', 'json'], {}],
    [['validate', 'test/fixtures/loader/many-problems'], {}], [['validate', 'test/fixtures/loader/duplicate-key.yaml'], { LANG: 'ja_JP.UTF-8' }],
    [['validate', 'examples/startup-no-hub.yaml', '--strict'], {}], [['validate', 'no-such-folder'], {}], [['validate', '--format', 'xml'], {}],
    [['validate', '--bogus'], {}],
    [['analyze', 'examples/northwind-b2b', '--start', '2027-01'], {}], [['analyze', 'examples/sakura-retail.yaml', '--start', '2027-01', '--fail-on', 'none'], {}],
    [['analyze', 'examples/brightwater-pets.yaml', '--start', '2027-01', '--format', 'json'], {}],
    [['--lang', 'ja', 'analyze', 'examples/startup-no-hub.yaml', '--start', '2027-01', '--format', 'markdown'], {}],
    [['analyze', 'examples/northwind-b2b', '--start', '2027-01', '--format', 'sarif'], {}], [['analyze', 'examples/northwind-b2b', '--step', 'roadmap', '--start', '2027-01'], {}],
    [['analyze', 'test/fixtures/loader/many-problems'], {}], [['analyze', '--fail-on', 'bogus'], {}], [['analyze', '--help'], { LANG: 'ja_JP.UTF-8' }],
    [['diff', 'examples/northwind-b2b', 'examples/sakura-retail.yaml'], {}], [['diff', 'examples/sakura-retail.yaml', 'examples/northwind-b2b', '--format', 'json'], {}],
    [['--lang', 'ja', 'diff', 'examples/brightwater-pets.yaml', 'examples/startup-no-hub.yaml', '--format', 'markdown'], {}],
    [['diff', 'examples/northwind-b2b', 'test/fixtures/loader/many-problems'], {}], [['diff', 'no-such-folder'], {}], [['diff', '--format', 'xml'], {}], [['diff', '--help'], {}],
  ] as [string[], Record<string, string>][])('%j %j: the same output from the start-up bundle and the ES module build', (args, env) => {
    const fast = run('bin', args, env);
    expect(fast).toEqual(run('esm', args, env));
    expect(fast.stdout + fast.stderr).not.toMatch(/start-up bundle|unexpected error/);
  });

  // Both builds: the start-up bundle holds what its command may need, the ES module build loads
  // what a run needs.
  it.each(['bin', 'esm'] as const)('--help loads the program, commander and the English messages: no zod, no YAML reader, no loader, no analysis (%s)', (via) => {
    const loaded = loadedBy(via, '--help');
    expect(loaded).toContain('src/cli/program.ts');
    for (const banned of ['zod', 'yaml', 'js-yaml']) expect(packages(loaded)).not.toContain(banned);
    // src/i18n/ja/index.ts is in the bundle as the two lines that read dist/messages-ja.json when
    // Japanese is asked for; the messages themselves are not read (the test above).
    expect(loaded.filter((s) => s.startsWith('src/workspace/') || s.startsWith('src/analysis/') || (s.startsWith('src/i18n/ja/') && s !== 'src/i18n/ja/index.ts'))).toEqual([]);
    expect(loaded).not.toContain('dist/messages-ja.json');
  });

  it.each(['bin', 'esm'] as const)('validate of a valid example loads the loader but not the analysis, the renderers, the Document YAML parser or zod\'s classic API (%s)', (via) => {
    for (const example of ['examples/sakura-retail.yaml', 'examples/northwind-b2b']) {
      const loaded = loadedBy(via, 'validate', example);
      expect(loaded).toContain('src/workspace/load.ts');
      // The loader's rule catalog is a table the build makes from the rule modules (src/analysis/rules/catalog.ts);
      // months.ts is --start's check.
      const leaves = ['src/analysis/rules/catalog.ts', 'src/analysis/rules/catalog-table.ts', 'src/analysis/roadmap/ids.ts', 'src/analysis/roadmap/months.ts'];
      expect(loaded.filter((s) => s.startsWith('src/analysis/') && !leaves.includes(s))).toEqual([]);
      expect(loaded.filter((s) => s.startsWith('src/report/') || s.startsWith('src/diagrams/'))).toEqual([]);
      // A valid file is read by js-yaml and the line scanner; the yaml package is for errors and odd
      // files. The start-up bundle holds it (scripts/build.mjs, yamlInBundle), evaluated on first use.
      if (via === 'esm') expect(packages(loaded)).not.toContain('yaml');
      // The loader's schemas are zod/mini: the classic API (all of zod's core) is for `schema --analysis` and `--diff`.
      // (zod/v4/locales/index.js: the name of zod's locales namespace, which the CommonJS bundle keeps; no locale.)
      const mini = ['node_modules/zod/mini/', 'node_modules/zod/v4/mini/', 'node_modules/zod/v4/core/'];
      expect(loaded.filter((s) => s.startsWith('node_modules/zod/') && !mini.some((m) => s.startsWith(m)) && s !== 'node_modules/zod/v4/locales/index.js')).toEqual([]);
    }
  });
});

// bin/martech-audit.js sets V8's optimiser flags for the commands that analyse (tuneV8) and V8
// accepts a code cache only under the flags it was made with: a build whose caches were made under
// other flags would still run, only slower, with nothing to say so. So: each start-up bundle's
// cache is accepted in a process set up as bin sets up that command, and V8 does reject it under
// other flags (the check can fail).
describe('the start-up bundles\' code caches (the built CLI)', () => {
  const rejected = (name: string, tune: string) => {
    const script = [
      "const { readFileSync } = require('node:fs');",
      "const { Script } = require('node:vm');",
      "const bin = require('./bin/martech-audit.js');",
      tune,
      `const file = require('node:path').resolve('dist/fast-${name}.cjs');`,
      "const s = new Script('(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})', { filename: file, cachedData: readFileSync(file + '.cache') });",
      'process.stdout.write(String(s.cachedDataRejected));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  it.each(['help', 'validate', 'analyze', 'diff'])('%s: accepted under the V8 settings bin gives it', (name) => {
    expect(rejected(name, `bin.tuneV8(${JSON.stringify(name)});`)).toBe('false');
  });
  it('a cache is rejected under other V8 settings', () => {
    expect(rejected('analyze', '')).toBe('true');
    expect(rejected('help', 'bin.tuneV8("analyze");')).toBe('true');
  });
});
