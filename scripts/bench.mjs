#!/usr/bin/env node
// `npm run bench`: start-up and analysis speed.
//
//   node scripts/bench.mjs [--runs 7] [--sizes 1000,2000,5000,10000] [--skip-startup] [--skip-sheets]
//                          [--skip-commands] [--command-runs 3]
//
// 1. Start-up: `--help` and `validate` on an example against `node -e 0` (median of N runs of the
//    built CLI, so run `npm run build` first).
// 2. Scale: for each size, a generated directory workspace (scripts/gen-workspace.mjs, tools,
//    tools/2 touchpoints, 2 x tools integrations) is loaded and analysed in-process: load,
//    facts, rules, assessment + roadmap, and the text and JSON reports, each the median of a
//    few runs. The library is bundled from src/ with esbuild into .bench/ so that the figures are
//    those of the shipped code without a TypeScript loader.
// 3. Spreadsheets (issue 17): the largest workspace out to xlsx/CSV and back in.
// 4. Whole commands at scale (issue 18, --skip-commands to leave out): the built CLI on the
//    10,000-tool workspace, each figure with its ratio to `node -e 0` measured in the same run,
//    its CPU time and its peak memory (read by a preloaded module from process.resourceUsage()).
// Goal (issue 4): analysing 10,000 tools takes under 2 s and grows near-linearly from 1,000.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '.bench');
const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const RUNS = Number(arg('runs', 7));
const SIZES = String(arg('sizes', '1000,2000,5000,10000')).split(',').map(Number);
const GOAL_MS = 2000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;

function table(head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(cells[0]), w.map((x) => '-'.repeat(x)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---- 1. start-up -----------------------------------------------------------------------------
function timeProcess(argv) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

if (!args.includes('--skip-startup')) {
  const bin = join(ROOT, 'bin', 'martech-audit.js');
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    console.error('bench: dist/cli.js is missing; run `npm run build` first (or pass --skip-startup)');
    process.exit(2);
  }
  const base = timeProcess(['-e', '0']);
  const rows = [['node -e 0', ms(base), '1.00x']];
  for (const [label, argv] of [
    ['martech-audit --help', [bin, '--help']],
    ['martech-audit validate examples/sakura-retail.yaml', [bin, 'validate', 'examples/sakura-retail.yaml']],
    ['martech-audit analyze examples/northwind-b2b', [bin, 'analyze', 'examples/northwind-b2b', '--fail-on', 'none', '--start', '2027-01']],
  ]) {
    const m = timeProcess(argv);
    rows.push([label, ms(m), `${(m / base).toFixed(2)}x`]);
  }
  console.log(`Start-up (median of ${RUNS} runs)\n`);
  console.log(table(['command', 'time', 'vs node'], rows));
  console.log('');
}

// ---- 2. scale --------------------------------------------------------------------------------
mkdirSync(BENCH, { recursive: true });
const libFile = join(BENCH, 'bench-lib.mjs');
const { build } = await import('esbuild');
await build({
  stdin: {
    contents: [
      "export { loadWorkspace } from './src/workspace/load.ts';",
      "export { computeFacts } from './src/analysis/facts.ts';",
      "export { runRules } from './src/analysis/rules/index.ts';",
      "export { assess } from './src/analysis/assess.ts';",
      "export { buildRoadmap } from './src/analysis/roadmap/index.ts';",
      "export { analyze } from './src/analysis/analyze.ts';",
      "export { renderText } from './src/report/text.ts';",
      "export { activeTranslator } from './src/i18n/index.ts';",
      "export { wordsFor } from './src/analysis/words.ts';",
      "export { renderJson } from './src/report/json.ts';",
      "export { buildTables } from './src/export/tables.ts';",
      "export { workbookBuffer, csvText } from './src/export/index.ts';",
      "export { readBook } from './src/import/read.ts';",
      "export { convert } from './src/import/convert.ts';",
      "export { runImport } from './src/import/index.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: libFile, logLevel: 'warning', external: ['exceljs'],
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});
// The bundle lives in .bench/; the catalog data is found from the package root.
process.chdir(ROOT);
const lib = await import(pathToFileURL(libFile).href);

const scaleRuns = Number(arg('scale-runs', 3));
const rows = [];
const results = [];
for (const n of SIZES) {
  const dir = join(BENCH, `ws-${n}`);
  const marker = join(dir, 'martech-audit.yaml');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(ROOT, 'scripts', 'gen-workspace.mjs')).mtimeMs) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-workspace.mjs'), '--tools', String(n), '--touchpoints', String(n / 2),
      '--integrations', String(n * 2), '--out', dir], { stdio: 'ignore' });
  }
  const t = { load: [], facts: [], rules: [], steps45: [], analyze: [], analyzeCpu: [], text: [], json: [] };
  let summary;
  for (let i = 0; i < scaleRuns; i++) {
    let t0 = performance.now();
    const loaded = lib.loadWorkspace(dir);
    t.load.push(performance.now() - t0);
    if (!loaded.workspace) throw new Error(`bench: the generated workspace ${dir} is invalid: ${loaded.diagnostics[0]?.message}`);
    const ws = loaded.workspace;
    t0 = performance.now();
    const facts = lib.computeFacts(ws);
    t.facts.push(performance.now() - t0);
    t0 = performance.now();
    const words = lib.wordsFor(ws, lib.activeTranslator());
    const findings = lib.runRules(ws, facts, words);
    t.rules.push(performance.now() - t0);
    t0 = performance.now();
    const a = lib.assess(ws, facts, findings, words);
    lib.buildRoadmap(ws, facts, findings, words, { start: '2027-01', level: a.level });
    t.steps45.push(performance.now() - t0);
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = lib.analyze(ws, { path: dir, start: '2027-01' });
    t.analyze.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    t.analyzeCpu.push((cpu.user + cpu.system) / 1000);
    t0 = performance.now();
    lib.renderText(result, { tr: lib.activeTranslator(), width: 80 });
    t.text.push(performance.now() - t0);
    t0 = performance.now();
    lib.renderJson(result);
    t.json.push(performance.now() - t0);
    summary = { findings: result.findings.length, initiatives: result.roadmap.initiatives.length, level: result.assessment.level };
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  results.push({ n, ...m });
  rows.push([
    n.toLocaleString('en-US'), ms(m.load), ms(m.facts), ms(m.rules), ms(m.steps45), ms(m.analyze), ms(m.analyzeCpu),
    ms(m.text), ms(m.json), String(summary.findings), String(summary.initiatives),
  ]);
}
console.log(`Scale: generated workspaces (tools, tools/2 touchpoints, 2 x tools integrations; median of ${scaleRuns} runs)\n`);
console.log(table(['tools', 'load', 'facts', 'rules', 'assess+roadmap', 'analyze (all)', 'analyze cpu', 'text', 'json', 'findings', 'initiatives'], rows));

if (results.length >= 2) {
  const first = results[0];
  const last = results[results.length - 1];
  const growth = last.analyze / first.analyze;
  const size = last.n / first.n;
  console.log(`\nanalysis grows ${growth.toFixed(1)}x for ${size.toFixed(0)}x the tools`
    + ` (${(first.analyze / (first.n / 1000)).toFixed(0)} ms → ${(last.analyze / (last.n / 1000)).toFixed(0)} ms per 1,000 tools)`);
  const big = results.find((r) => r.n === 10000);
  if (big) {
    console.log(`10,000 tools: analysis ${ms(big.analyze)} wall, ${ms(big.analyzeCpu)} CPU (goal < ${GOAL_MS} ms): ${big.analyze < GOAL_MS ? 'met' : 'NOT MET'}`);
  }
  const [l1] = (await import('node:os')).loadavg();
  const cores = (await import('node:os')).availableParallelism?.() ?? 1;
  if (l1 > cores) console.log(`note: the machine is busy (load ${l1.toFixed(1)} on ${cores} cores); wall times are inflated, CPU times less so`);
  if (growth > size * 1.5) console.log('warning: growth is well above linear');
}

// ---- 3. spreadsheets (issue 17) ---------------------------------------------------------------
// The largest generated workspace goes out as a workbook and as CSV files and comes back in
// (import --dry-run: read, convert, render, validate in memory; nothing written).
if (!args.includes('--skip-sheets')) {
  const { mkdtempSync, writeFileSync, mkdirSync: mk, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const n = SIZES[SIZES.length - 1];
  const dir = join(BENCH, `ws-${n}`);
  const tmp = mkdtempSync(join(tmpdir(), 'martech-bench-sheets-'));
  const ws = lib.loadWorkspace(dir).workspace;
  const result = lib.analyze(ws, { path: dir, start: '2027-01' });
  const timed = async (fn) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await fn();
    const cpu = process.cpuUsage(c0);
    return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, out };
  };
  const xlsx = join(tmp, 'audit.xlsx');
  const csvDir = join(tmp, 'csv');
  const sheetRows = [];
  const ex = await timed(async () => { const b = await lib.workbookBuffer(ws, result, lib.activeTranslator()); writeFileSync(xlsx, b); return b.length; });
  sheetRows.push(['export xlsx', ms(ex.wall), ms(ex.cpu), `${(ex.out / 1e6).toFixed(1)} MB`]);
  const ec = await timed(() => {
    mk(csvDir);
    const names = { tools: 'inventory.csv', touchpoints: 'touchpoints.csv', integrations: 'integrations.csv', findings: 'findings.csv',
      roadmap: 'roadmap.csv', questions: 'questions.csv', workspace: 'workspace.csv' };
    let bytes = 0;
    for (const t of lib.buildTables(ws, result, lib.activeTranslator())) { const text = lib.csvText(t); bytes += text.length; writeFileSync(join(csvDir, names[t.key]), text); }
    return bytes;
  });
  sheetRows.push(['export csv (7 files)', ms(ec.wall), ms(ec.cpu), `${(ec.out / 1e6).toFixed(1)} MB`]);
  for (const [label, file] of [['import xlsx', xlsx], ['import csv folder', csvDir], ['import inventory.csv', join(csvDir, 'inventory.csv')]]) {
    const im = await timed(() => lib.runImport(file, { out: join(tmp, 'back'), dryRun: true }));
    sheetRows.push([label, ms(im.wall), ms(im.cpu), `${im.out.result.tools.length} tools`]);
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\nSpreadsheets: the ${n.toLocaleString('en-US')}-tool workspace (${ws.touchpoints.length} touchpoints, ${ws.integrations.length} integrations, ${result.findings.length} findings) out and back in\n`);
  console.log(table(['step', 'wall', 'cpu', 'size'], sheetRows));
}

// ---- 4. whole commands at scale (issue 18) ------------------------------------------------------
// Each row is one process of the built CLI (the median of --command-runs runs); wall and CPU are
// also given as a multiple of `node -e 0` timed here, in the same conditions.
if (!args.includes('--skip-commands')) {
  const { mkdtempSync, readFileSync, writeFileSync, rmSync, cpSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const bin = join(ROOT, 'bin', 'martech-audit.js');
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    console.error('bench: dist/cli.js is missing; run `npm run build` first (or pass --skip-commands)');
    process.exit(2);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'martech-bench-cmd-'));
  const usage = join(tmp, 'usage.mjs');
  writeFileSync(usage, "import{writeFileSync}from'node:fs';process.on('exit',()=>{const r=process.resourceUsage();"
    + "writeFileSync(process.env.BENCH_USAGE,JSON.stringify({cpu:(r.userCPUTime+r.systemCPUTime)/1000,rss:r.maxRSS}));});\n");
  const n = 10000;
  const big = join(BENCH, `ws-${n}`);
  if (!existsSync(join(big, 'martech-audit.yaml'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-workspace.mjs'), '--tools', String(n), '--touchpoints', String(n / 2),
      '--integrations', String(n * 2), '--out', big], { stdio: 'ignore' });
  }
  // A second revision for diff: another seed (tools, touchpoints and integrations added, removed and changed).
  const other = join(BENCH, `ws-${n}-b`);
  if (!existsSync(join(other, 'martech-audit.yaml'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-workspace.mjs'), '--tools', String(n), '--touchpoints', String(n / 2),
      '--integrations', String(n * 2), '--seed', '7', '--out', other], { stdio: 'ignore' });
  }
  // Warnings-heavy: every tool of the 10k workspace also names two capabilities of its own.
  const warned = join(tmp, 'ws-warnings');
  cpSync(big, warned, { recursive: true });
  for (const f of readdirSync(join(warned, 'tools'))) {
    const file = join(warned, 'tools', f);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s*capabilities: \[.*)\]$/gm, '$1, own-scoring, own-lead-routing]'));
  }
  const cmdRuns = Number(arg('command-runs', 3));
  const measure = (argv, out) => {
    const runs = [];
    for (let i = 0; i < cmdRuns; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(usage).href, ...argv], {
        cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', BENCH_USAGE: join(tmp, 'usage.json') },
      });
      const wall = performance.now() - t0;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
      const u = JSON.parse(readFileSync(join(tmp, 'usage.json'), 'utf8'));
      runs.push({ wall, cpu: u.cpu, rss: u.rss / 1024, out: out ? out(r) : '' });
    }
    const pick = (k) => median(runs.map((x) => x[k]));
    return { wall: pick('wall'), cpu: pick('cpu'), rss: pick('rss'), out: runs[0].out };
  };
  const duSize = (p) => {
    const walk = (q) => (statSync(q).isDirectory() ? readdirSync(q).reduce((a, f) => a + walk(join(q, f)), 0) : statSync(q).size);
    return walk(p);
  };
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  const base = measure(['-e', '0']);
  const rowsC = [];
  const add = (label, m, note = '') => rowsC.push([label, ms(m.wall), `${(m.wall / base.wall).toFixed(1)}x`, ms(m.cpu),
    `${(m.cpu / base.cpu).toFixed(1)}x`, `${m.rss.toFixed(0)} MB`, note || m.out]);
  add('node -e 0', base);
  add('--help', measure([bin, '--help']));
  add('validate examples/sakura-retail.yaml', measure([bin, 'validate', 'examples/sakura-retail.yaml']));
  add('validate 10k', measure([bin, 'validate', big]));
  add('validate 10k, 20k unknown capabilities', measure([bin, 'validate', warned, '--format', 'json'],
    (r) => `${JSON.parse(r.stdout).warnings} warnings`));
  add('analyze --format json 10k', measure([bin, 'analyze', big, '--format', 'json', '--fail-on', 'none', '--start', '2027-01'],
    (r) => `JSON ${mb(Buffer.byteLength(r.stdout))} from ${mb(duSize(big))} of YAML`));
  const reportDir = join(tmp, 'report');
  add('report --no-render 10k', measure([bin, 'report', big, '--no-render', '--out', reportDir, '--fail-on', 'none', '--start', '2027-01'],
    () => `${mb(duSize(reportDir))} on disk`));
  add('diff 10k vs 10k (another seed)', measure([bin, 'diff', big, other, '--format', 'json'], (r) => `diff ${mb(Buffer.byteLength(r.stdout))}`));
  rmSync(tmp, { recursive: true, force: true });
  const [l1] = (await import('node:os')).loadavg();
  console.log(`\nCommands: the built CLI (median of ${cmdRuns} runs; load average ${l1.toFixed(1)} on ${(await import('node:os')).availableParallelism?.() ?? 1} cores)\n`);
  console.log(table(['command', 'wall', 'vs node', 'cpu', 'vs node', 'peak RSS', 'output'], rowsC));
}
