// Bundles src/cli/main.ts into dist/ with esbuild.
// Why a bundle: separate ESM imports of commander, yaml, zod, chalk and cli-table3 cost ~2.5x
// `node -e 0` at start-up; one minified bundle ~1.4x. Heavy modules (Mermaid, Puppeteer,
// Inquirer, jsdom) stay external and are loaded with dynamic import() only by the commands
// that need them; code splitting keeps each command's own code in a lazy chunk.
import { build } from 'esbuild';
import { rmSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const external = [
  '@mermaid-js/mermaid-cli',
  'puppeteer',
  'puppeteer-core',
  'mermaid',
  'jsdom',
  'beautiful-mermaid',
  '@inquirer/prompts',
  '@inquirer/core',
  'pptxgenjs',
  // exceljs (import/export of .xlsx): CommonJS with optional browser shims; loaded by those two commands only.
  'exceljs',
];

// zod's classic API re-exports all ~50 of its error-message locales (~250 kB minified), which
// every command would compile at start-up. martech-audit never shows zod's own messages (its
// diagnostics are translated by src/workspace/issues.ts), so only English is kept.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    // Only the classic API (namespace zod-classic, below) configures a locale; zod/mini imports none.
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/, namespace: 'zod-classic' }, () => ({ path: 'zod-locales-en', namespace: 'zod-locales' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

// The loader's schemas (src/workspace/schema.ts) use zod/mini, of which the bundle keeps only what
// they use (~25 kB). The JSON Schemas of `analyze --format json` and of `diff` are written with
// zod's classic API, which needs all of zod's core; sharing one copy of the core would make every
// command that validates a workspace load all of it (~150 kB). The classic API therefore gets its
// own copy of zod, in the chunks of `schema --analysis` and `schema --diff` only.
const zodClassicApart = {
  name: 'zod-classic-apart',
  setup(b) {
    const apart = async (args) => {
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer });
      return r.errors.length ? { errors: r.errors } : { path: r.path, namespace: 'zod-classic', sideEffects: false };
    };
    b.onResolve({ filter: /^zod$/ }, (args) => (args.namespace === 'file' && !args.importer.includes('node_modules') ? apart(args) : undefined));
    b.onResolve({ filter: /.*/, namespace: 'zod-classic' }, apart);
    b.onResolve({ filter: /.*/, namespace: 'zod-locales' }, apart);
    // zod's modules have no side effects (its package.json), in this copy too: unused parts are left out.
    b.onLoad({ filter: /.*/, namespace: 'zod-classic' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), resolveDir: dirname(args.path), loader: 'js' }));
  },
};

// The message catalog of a language (src/i18n/<lang>/index.ts) is one object spread together from
// an object per area: ~1,900 keys, whose spreading alone took ~6 ms of every command's start-up.
// The build evaluates the module and ships the merged catalog as dist/messages-<lang>.json (same
// keys, same order, same texts), which the module reads with one readFileSync and JSON.parse: the
// ESM chunks and the CommonJS start-up bundles (below) share one copy, and a bundle holds no
// catalog text (the Japanese one is 250 kB). A module that is not plain data is left as it is.
const messagesAsJson = {
  name: 'messages-as-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/](en|ja)[\\/]index\.ts$/ }, async (args) => {
      const lang = args.path.match(/[\\/](en|ja)[\\/]index\.ts$/)[1];
      const bundled = await build({ entryPoints: [args.path], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
      const mod = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
      const plain = (value) => value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
      if (!Object.values(mod).every(plain)) return undefined;
      writeFileSync(`dist/messages-${lang}.json`, JSON.stringify({ ...mod }));
      const lines = [
        "import { readFileSync } from 'node:fs';",
        `const messages = JSON.parse(readFileSync(new URL('./messages-${lang}.json', import.meta.url), 'utf8'));`,
        ...Object.keys(mod).map((name) => `export const ${name} = messages.${name};`),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

// Modules evaluated on first use instead of at start-up. An ESM import is evaluated when the
// importing chunk loads; a module the bundle reaches through require() is wrapped by esbuild and
// evaluated on first use.
// - string-width builds an Intl.Segmenter (ICU data) at import time, ~10 ms of every command's
//   start-up, while most text it is asked to measure is plain ASCII (src/util/width.ts does not
//   call it for that). Its default export is a function: the stand-in calls it.
// - chalk (as src/cli/output.ts imports it) detects the terminal at import time (~5 ms with
//   node:tty); `--help` and piped output never colour. The stand-in forwards every property to
//   chalk once it is loaded; `level` set before that (output.ts setupColor: 0 for a pipe) is kept
//   and given to chalk when it loads, so nothing loads it just to switch colour off.
const LAZY = {
  'string-width': () => `let m;\nexport default function lazy(...a) { return (m ??= require('string-width').default)(...a); }\n`,
  chalk: () => [
    'let m, level;',
    "const real = () => { if (!m) { m = require('chalk').default; if (level !== undefined) m.level = level; } return m; };",
    'export default new Proxy({}, {',
    "  get: (_, k) => (k === 'level' && !m && level !== undefined ? level : real()[k]),",
    "  set: (_, k, v) => { if (k === 'level' && !m) level = v; else real()[k] = v; return true; },",
    '});',
  ].join('\n'),
};
// Only where src/ imports them (other modules may import chalk's named exports, which stay as they are).
const LAZY_IMPORTERS = { 'string-width': /[\\/]src[\\/]util[\\/]width\.ts$/, chalk: /[\\/]src[\\/]cli[\\/]output\.ts$/ };
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.kind === 'import-statement' && LAZY_IMPORTERS[args.path].test(args.importer)
      ? { path: args.path, namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: LAZY[args.path](), resolveDir: process.cwd(), loader: 'js' }));
  },
};

// commander requires node:child_process at load time for executable subcommands, which
// martech-audit does not have; loading it (with net, dgram and their kin) cost ~3 ms of every
// start-up. The same text, with child_process required when spawn is first asked for.
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path}: commander no longer has \`${eager}\` (scripts/build.mjs, commanderLazyChildProcess)`);
      return { contents: text.replace(eager, "const childProcess = { get spawn() { return require('node:child_process').spawn; } };"), loader: 'js' };
    });
  },
};

// The loader's rule catalog (src/analysis/rules/catalog.ts) derives from the rule modules, which
// `validate` should not load (a fifth of its start-up). The build computes the tables from the
// modules themselves and puts them in the bundle in place of catalog.ts: a rule is written once,
// in its module, and validate loads a table.
async function ruleCatalogTables() {
  const tmp = 'dist/.rule-catalog.mjs';
  await build({
    entryPoints: ['src/analysis/rules/index.ts'], outfile: tmp, bundle: true, format: 'esm', platform: 'node',
    target: 'node20', packages: 'external', logLevel: 'warning', define: { __VERSION__: JSON.stringify(pkg.version) },
  });
  try {
    const { RULE_SUBJECTS, GENERATED_INITIATIVES } = await import(pathToFileURL(tmp).href);
    return { subjects: RULE_SUBJECTS, initiatives: GENERATED_INITIATIVES };
  } finally {
    rmSync(tmp, { force: true });
  }
}
const ruleCatalogTable = (tables) => ({
  name: 'rule-catalog-table',
  setup(b) {
    b.onLoad({ filter: /src[\\/]analysis[\\/]rules[\\/]catalog\.ts$/ }, (args) => ({
      contents: [
        '// Made by scripts/build.mjs from the rule modules (src/analysis/rules/catalog.ts says why).',
        "import { ruleCatalog } from './catalog-table.js';",
        `export const RULE_SUBJECTS = Object.freeze(${JSON.stringify(tables.subjects)});`,
        `export const GENERATED_INITIATIVES = Object.freeze(${JSON.stringify(tables.initiatives)});`,
        'export const RULE_CATALOG = ruleCatalog(RULE_SUBJECTS, GENERATED_INITIATIVES);',
      ].join('\n'),
      resolveDir: dirname(args.path),
      loader: 'ts',
    }));
  },
});

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
const ruleTables = await ruleCatalogTables();
await build({
  // diff-worker: the thread that analyses one side of a large `diff` (src/diff/parallel.ts finds it beside the chunks).
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'diff-worker': 'src/cli/diff-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.NOMINIFY, // NOMINIFY=1 npm run build: readable names in `node --cpu-prof` profiles
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  external,
  plugins: [zodEnglishOnly, zodClassicApart, messagesAsJson, lazyModules, commanderLazyChildProcess, ruleCatalogTable(ruleTables)],
  legalComments: 'none',
  // cli-table3 is CommonJS and requires Node built-ins; give the ESM bundle a require(), made on
  // first use (each of the ~30 chunks a command loads used to make one at start-up).
  banner: { js: "import{createRequire as __cr}from'node:module';var __rq;function require(id){return(__rq??=__cr(import.meta.url))(id)}" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// Start-up bundles (issue 18). `--help`, `validate`, `analyze` and `diff` are the commands people
// run most and wait for (`analyze --fail-on` and `diff --since` in every CI run): each is one
// CommonJS file (dist/fast-help.cjs, dist/fast-validate.cjs, dist/fast-analyze.cjs,
// dist/fast-diff.cjs) holding the whole program,
// commander and what that command needs, built from the same sources as dist/cli.js.
// One file instead of the ~15 to ~30 chunks of the ES module build: every ES module costs an
// asynchronous read, a compile and a link, and a CommonJS file can be compiled with a V8 code
// cache (Node 20 has none for ES modules; below). bin/martech-audit.js picks the bundle by the
// command word; the other commands' code is left out (a stand-in that says so if ever reached).
const FAST_PATHS = { help: undefined, validate: 'validate', analyze: 'analyze', diff: 'diff' };
const onlyCommand = (command) => ({
  name: 'only-command',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, (args) => (args.kind === 'dynamic-import' && args.path !== `./commands/${command}.js`
      ? { path: args.path, namespace: 'left-out' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`martech-audit: ${args.path} is not in this start-up bundle (bin/martech-audit.js chose it)`)});`,
      loader: 'js',
    }));
  },
});
// The loader requires the yaml package (the Document parser, for files with errors and odd
// files) from node_modules on first use. In a start-up bundle it is bundled instead, still
// evaluated on first use, so that its ~20 files are one read and its code is in the code cache:
// `validate` of a file with errors is the run people repeat while fixing it.
const yamlInBundle = {
  name: 'yaml-in-bundle',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]workspace[\\/]parse\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const runtime = "requireCjs('yaml')";
      if (!text.includes(runtime)) throw new Error(`${args.path}: no longer has ${runtime} (scripts/build.mjs, yamlInBundle)`);
      return { contents: text.replace(runtime, "require('yaml')"), loader: 'ts' };
    });
  },
};
for (const [name, command] of Object.entries(FAST_PATHS)) {
  const out = `dist/fast-${name}.cjs`;
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: !process.env.NOMINIFY,
    sourcemap: 'linked',
    external,
    plugins: [onlyCommand(command), yamlInBundle, zodEnglishOnly, zodClassicApart, messagesAsJson, lazyModules, commanderLazyChildProcess, ruleCatalogTable(ruleTables)],
    legalComments: 'none',
    // import.meta.url (the package root, the message files, createRequire) is this file's URL.
    banner: { js: "var __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
    define: { __VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
    logLevel: 'warning',
  });
  // The bin compiles the bundle as a script, which has no import(): everything it runs is in it.
  if (/\bimport\(/.test(readFileSync(out, 'utf8'))) {
    console.error(`${out} has a dynamic import(); a start-up bundle must hold all it runs (scripts/build.mjs, FAST_PATHS).`);
    process.exit(1);
  }
}

// Type declarations for library users (package.json `types` / `exports`): the pinned TypeScript 7
// is the native compiler, which emits .d.ts files itself.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The taxonomy, catalog and data-type vocabulary, parsed once at build time (src/catalog reads this when it is current).
const { default: jsYaml } = await import('js-yaml');
const data = {};
for (const name of ['taxonomy.yaml', 'catalog.yaml', 'data-types.yaml']) data[name] = jsYaml.load(readFileSync(`data/${name}`, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
// Data that breaks what data/README.md promises (an unknown capability, a feature that repeats a
// primary capability, an ad tool without its network, ...) is not shipped.
const { checkData } = await import('./check-data.mjs');
const problems = checkData({ taxonomy: data['taxonomy.yaml'], catalog: data['catalog.yaml'], dataTypes: data['data-types.yaml'] });
if (problems.length) {
  console.error(`data/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync('dist/data.json', JSON.stringify(data));

// The JSON Schema of the format is generated from the same zod schemas the loader uses.
mkdirSync('schema', { recursive: true });
const schema = execFileSync(process.execPath, ['bin/martech-audit.js', 'schema'], { encoding: 'utf8' });
writeFileSync('schema/martech-audit.schema.json', schema);
// And the JSON Schema of `diff --format json`, for CI scripts that read the diff.
const diffSchema = execFileSync(process.execPath, ['bin/martech-audit.js', 'schema', '--diff'], { encoding: 'utf8' });
writeFileSync('schema/martech-audit-diff.schema.json', diffSchema);

// The V8 code cache of each start-up bundle (dist/fast-<name>.cjs.cache): the bundle is run on
// typical command lines in a child process (loaded as bin/martech-audit.js loads it), then V8
// serialises the code of every function compiled by then. A run that finds it skips most parsing
// and compiling; V8 ignores a cache made by another V8 version or for another source, so a
// package installed under another Node version compiles as usual.
// A workspace with the mistakes people make first (a duplicate key, a typo in a reference, a
// bad indentation), so that the cache also holds the code that reports them.
const primeDir = mkdtempSync(join(tmpdir(), 'martech-audit-build-'));
const invalid = join(primeDir, 'invalid.yaml');
const badYaml = join(primeDir, 'bad-yaml.yaml');
writeFileSync(invalid, [
  'version: 1', 'organization: { name: Prime }', 'tools:', '  - id: crm', '    name: CRM', '    capabilities: [crm]',
  '    cost: lots', 'touchpoints:', '  - id: web', '    name: Website', '    stage: awarness', '    channel: website', '    tools: [crn]', '',
].join('\n'));
writeFileSync(badYaml, ['version: 1', 'tools:', '  - id: crm', '    name: CRM', '    name: CRM again', '   bad: indent', ''].join('\n'));
const PRIME = {
  help: [['--help'], ['--lang', 'ja', '--help'], ['help', 'validate'], ['--version']],
  analyze: [
    ['analyze', 'examples/northwind-b2b', '--fail-on', 'none', '--start', '2027-01'],
    ['analyze', 'examples/sakura-retail.yaml', '--format', 'json', '--fail-on', 'none', '--start', '2027-01'],
    ['analyze', 'examples/startup-no-hub.yaml', '--format', 'sarif', '--fail-on', 'none', '--start', '2027-01'],
  ],
  diff: [
    ['diff', 'examples/northwind-b2b', 'examples/sakura-retail.yaml', '--format', 'json'],
    ['diff', 'examples/sakura-retail.yaml', 'examples/northwind-b2b'],
  ],
  validate: [['validate', 'examples/northwind-b2b'], ['validate', 'examples/sakura-retail.yaml'], ['validate', invalid], ['validate', '--format', 'json', invalid], ['validate', badYaml]],
};
for (const name of Object.keys(FAST_PATHS)) {
  const prime = [
    "const { writeFileSync } = require('node:fs');",
    "const { loadFast, tuneV8 } = require('./bin/martech-audit.js');",
    // The V8 settings the command runs with: the cache is V8's only under the same flags.
    `tuneV8(${JSON.stringify(name)});`,
    `const { script, exports } = loadFast(${JSON.stringify(name)});`,
    '(async () => {',
    `  for (const args of ${JSON.stringify(PRIME[name])}) await exports.runCli(['node', 'martech-audit', ...args]);`,
    `  writeFileSync(${JSON.stringify(`dist/fast-${name}.cjs.cache`)}, script.createCachedData());`,
    '})();',
  ].join('\n');
  execFileSync(process.execPath, ['-e', prime], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
}
rmSync(primeDir, { recursive: true, force: true });
