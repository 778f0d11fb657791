#!/usr/bin/env node
// Rendering benchmark: the 10 diagrams of an example report (the five kinds of northwind-b2b, in
// English and in Japanese) drawn
//   A. by martech-audit's renderer: one Chromium, one page, Mermaid loaded once, mermaid.render
//      per diagram (src/render/mermaid-page.ts), and
//   B. by 10 separate `mmdc` processes (mermaid-cli's CLI, one browser each),
// both writing SVG files with the same Mermaid configuration and the same browser.
//
//   node scripts/bench-render.mjs [--runs 3] [--example examples/northwind-b2b]
//
// Prints both wall-clock times (median of the runs) and the speed-up. Needs Chromium (found like
// the CLI finds it) and @mermaid-js/mermaid-cli.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(arg('runs', 3));
const example = arg('example', 'examples/northwind-b2b');
const work = resolve('.bench/render');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// The library pieces, bundled from src/ once (the CLI bundle does not export them).
const entry = join(work, 'entry.mjs');
await build({
  stdin: {
    contents: `
      export { loadWorkspace } from './src/workspace/load.js';
      export { analyze } from './src/analysis/analyze.js';
      export { activeTranslator, initLang } from './src/i18n/index.js';
      export { buildDiagrams } from './src/diagrams/index.js';
      export { toRenderSource } from './src/diagrams/mermaid-escape.js';
      export { openBrowserEngine } from './src/render/index.js';
      export { mermaidConfig } from './src/render/theme.js';
      export { findBrowser } from './src/render/browser-locate.js';
      export { browserArgs } from './src/render/browser.js';
    `,
    resolveDir: resolve('.'), loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', outfile: entry, packages: 'external', logLevel: 'warning',
});
const lib = await import(entry);

const browser = lib.findBrowser().location;
if (!browser) {
  console.error('bench-render: no Chromium/Chrome found (install chromium or set PUPPETEER_EXECUTABLE_PATH)');
  process.exit(2);
}
const mmdc = resolve('node_modules/.bin/mmdc');
if (!existsSync(mmdc)) {
  console.error('bench-render: node_modules/.bin/mmdc is missing (npm install @mermaid-js/mermaid-cli)');
  process.exit(2);
}

// The 10 diagrams.
const diagrams = [];
for (const lang of ['en', 'ja']) {
  await lib.initLang(lang);
  const loaded = lib.loadWorkspace(example);
  const result = lib.analyze(loaded.workspace, { path: example, now: '2027-01' });
  for (const d of lib.buildDiagrams(loaded.workspace, result, { tr: lib.activeTranslator(), today: '2027-01' })) {
    diagrams.push({ name: `${d.kind}-${lang}`, source: d.source });
  }
}

// mmdc gets the same Mermaid configuration and the same browser flags (its own profile each run).
const config = join(work, 'mermaid-config.json');
writeFileSync(config, JSON.stringify(lib.mermaidConfig()));
for (const d of diagrams) writeFileSync(join(work, `${d.name}.mmd`), lib.toRenderSource(d.source));

async function oneBrowser(dir) {
  const engine = await lib.openBrowserEngine();
  try {
    const out = await engine.renderSvgs(diagrams.map((d) => ({ id: `b-${d.name}`, source: d.source })));
    out.forEach((r, i) => {
      if (!r.ok) throw new Error(`${diagrams[i].name}: ${r.error}`);
      writeFileSync(join(dir, `${diagrams[i].name}.svg`), r.svg.svg);
    });
  } finally {
    await engine.close();
  }
}

function separateMmdc(dir) {
  for (const d of diagrams) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-mmdc-'));
    const pconf = join(work, 'puppeteer.json');
    writeFileSync(pconf, JSON.stringify({ executablePath: browser.path, headless: true, args: lib.browserArgs(profile) }));
    execFileSync(mmdc, ['-q', '-i', join(work, `${d.name}.mmd`), '-o', join(dir, `${d.name}.svg`), '-c', config, '-p', pconf, '-I', `m-${d.name}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timesA = [];
const timesB = [];
for (let r = 0; r < runs; r++) {
  const a = join(work, `a${r}`);
  const b = join(work, `b${r}`);
  mkdirSync(a);
  mkdirSync(b);
  let t = performance.now();
  await oneBrowser(a);
  timesA.push(performance.now() - t);
  t = performance.now();
  separateMmdc(b);
  timesB.push(performance.now() - t);
  console.log(`run ${r + 1}/${runs}: one browser ${(timesA[r] / 1000).toFixed(2)} s, 10 x mmdc ${(timesB[r] / 1000).toFixed(2)} s`);
}
const A = median(timesA);
const B = median(timesB);
console.log('');
console.log(`${diagrams.length} diagrams of ${example} (en + ja), browser ${browser.path}`);
console.log(`one browser, one page, mermaid.render per diagram: ${(A / 1000).toFixed(2)} s (${(A / diagrams.length).toFixed(0)} ms per diagram)`);
console.log(`10 separate mmdc processes:                       ${(B / 1000).toFixed(2)} s (${(B / diagrams.length).toFixed(0)} ms per diagram)`);
console.log(`speed-up: ${(B / A).toFixed(1)}x (goal 5x, at least 3x)`);
