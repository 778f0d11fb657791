// The package as a library: packed like `npm publish` would (npm pack), installed into a fresh
// node_modules, imported by name from plain JavaScript and from TypeScript (types from the
// package's own declarations). `audit()` gives the same document `analyze --format json` prints.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../golden.js';
import { RULE_IDS } from '../../src/analysis/rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'martech-audit-pack-'));
  // --ignore-scripts: the test suite has just built dist/ (npm test); `prepare` would build again.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const tarball = join(dir, JSON.parse(out)[0].filename as string);
  const pkg = join(dir, 'node_modules', 'martech-audit');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  // Its dependencies as installed here (the test checks the package's own files, not npm).
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'martech-audit' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships its entry and type declarations', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', 'martech-audit', 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/types/index.d.ts', import: './dist/index.js' });
    expect(readFileSync(join(dir, 'node_modules', 'martech-audit', 'dist', 'types', 'api.d.ts'), 'utf8')).toContain('export declare function audit(');
  });

  it('imports by name, and audit() returns what analyze --format json prints', () => {
    writeFileSync(join(dir, 'check.mjs'), [
      "import { audit, formatResult, RULE_IDS } from 'martech-audit';",
      "const result = await audit(process.argv[2], { start: '2027-01' });",
      "process.stdout.write(JSON.stringify({ rules: RULE_IDS.length, result, json: await formatResult(result, 'json') }));",
    ].join('\n'));
    for (const name of ['northwind-b2b', 'sakura-retail']) {
      const path = name === 'sakura-retail' ? 'examples/sakura-retail.yaml' : `examples/${name}`;
      const out = JSON.parse(execFileSync(process.execPath, [join(dir, 'check.mjs'), path], { cwd: ROOT, encoding: 'utf8' }));
      expect(out.rules).toBe(RULE_IDS.length);
      // The reviewed document of `analyze --format json` (test/analysis/golden.test.ts checks the CLI against it).
      // formatResult lays it out as the CLI does (util/json-layout.ts); the object is the same.
      expectGolden(`analyze/${name}.json`, out.json, { update: false });
      expect(out.result).toEqual(JSON.parse(out.json));
    }
  }, 60_000);

  it('type-checks a TypeScript user of the package, and rejects a wrong use', () => {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'], skipLibCheck: false },
      files: ['use.ts'],
    }));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const good = [
      "import { audit, isFindingOf, type AnalysisResult } from 'martech-audit';",
      "const result: AnalysisResult = await audit('x', { lang: 'ja', now: '2027-01' });",
      'const level: string = result.assessment.level;',
      "for (const f of result.findings) if (isFindingOf(f, 'redundant-tool')) { const keep: string = f.details.keep; void keep; }",
      'void level;',
    ].join('\n');
    const tsc = (source: string) => {
      writeFileSync(join(dir, 'use.ts'), source);
      try {
        execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
        return '';
      } catch (err) {
        return String((err as { stdout?: string }).stdout);
      }
    };
    expect(tsc(good)).toBe('');
    expect(tsc(`${good}\nconst n: number = result.organization;`)).toMatch(/TS2322/);
    expect(tsc("import { audit } from 'martech-audit';\nawait audit('x', { lang: 'fr' });")).toMatch(/TS2322/);
  }, 180_000);
});
