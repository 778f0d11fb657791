#!/usr/bin/env node
// The command. CommonJS (bin/package.json): a CommonJS entry starts without Node's ES module
// loader, and it can compile a start-up bundle with a V8 code cache (Node 20 has no compile cache
// for ES modules; issue 18).
//
// `--help` (and `help`, `-V`, no command), `validate`, `analyze` and `diff` run from one CommonJS bundle each
// (dist/fast-<name>.cjs, made by scripts/build.mjs from the same sources: the program with that
// one command); every other command runs from the ES module build (dist/cli.js), which loads each
// command's code on demand. The bundle is chosen by the command word as commander finds it: the
// first argument that is not a global option (`--lang <lang>`, `--lang=<lang>`, `--no-color`).
'use strict';
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createRequire } = require('node:module');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const HELP = new Set(['-h', '--help', 'help', '-V', '--version']);
const FAST_COMMANDS = new Set(['validate', 'analyze', 'diff']);

/** The start-up bundle that runs this command line, or undefined for the ES module build. */
function fastPath(args) {
  let i = 0;
  while (args[i] === '--no-color' || args[i] === '--lang' || args[i]?.startsWith('--lang=')) i += args[i] === '--lang' ? 2 : 1;
  const word = args[i];
  if (word === undefined || HELP.has(word)) return 'help';
  if (FAST_COMMANDS.has(word)) return word;
  return undefined;
}

/**
 * Compiles and runs dist/fast-<name>.cjs as Node would run a CommonJS module, with the code cache
 * the build wrote beside it (V8 checks it belongs to this source and this V8, and ignores it
 * otherwise). Exported for the build, which writes that cache.
 */
function loadFast(name) {
  const file = join(DIST, `fast-${name}.cjs`);
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache (a development build, or one being made): compiled as usual
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return { script, exports: mod.exports };
}

/**
 * How V8 optimises a command that analyses (issue 18). Such a run is short, and at 10,000 tools
 * about a quarter of its CPU went to compiling hot functions on background threads; `diff` runs
 * two analyses whose compilations compete for the same two cores. Two settings cut that work: no
 * inlining (each optimised function is compiled alone, a much smaller graph) and no on-stack
 * replacement (a long loop is not compiled a second time while it runs; its function is optimised
 * for its next call). Measured alternately against the defaults: the 10k `analyze` 2.48 -> 2.33 s
 * (CPU 3.83 -> 3.06 s), the 10k `diff` 3.29 -> 2.72 s, `report --no-render` 3.04 -> 2.88 s, an
 * example's `analyze` 169 -> 160 ms. `--help` and `validate` keep V8's defaults: they compile
 * little and ran about 5% slower with these. Set before any code of the program is compiled; the
 * build makes each start-up bundle's code cache under the settings its command runs with (V8
 * rejects a cache made under other flags).
 */
function tuneV8(command) {
  if (command === 'help' || command === 'validate') return;
  // V8 prints "Error: unrecognized flag" on stderr for a flag it does not know: only the V8
  // versions these flags are known in (Node 20: 11, 22: 12, 24: 13) get them.
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 11 && major <= 13) require('node:v8').setFlagsFromString('--no-turbo-inlining --no-use-osr');
}

function missingBuild(err, file) {
  if (err && (err.code === 'ENOENT' || err.code === 'ERR_MODULE_NOT_FOUND') && String(err.message).includes(file)) {
    process.stderr.write(`martech-audit: the build is missing (dist/${file}). Run \`npm run build\` in the package folder.\n`);
    process.exit(2);
  }
  throw err;
}

if (require.main === module) {
  const fast = fastPath(process.argv.slice(2));
  tuneV8(fast);
  if (fast) {
    let run;
    try {
      run = loadFast(fast).exports.main;
    } catch (err) {
      missingBuild(err, `fast-${fast}.cjs`);
    }
    run(process.argv);
  } else {
    import('../dist/cli.js').then((m) => m.main(process.argv)).catch((err) => missingBuild(err, 'cli.js'));
  }
}

module.exports = { fastPath, loadFast, tuneV8 };
