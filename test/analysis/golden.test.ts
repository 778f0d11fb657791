// Golden files of `analyze` for each example: the terminal text (no colour, 80 columns) and the
// JSON document, made through the library and checked again end to end through the built CLI.
// `npm run golden:update -- test/analysis` rewrites them: read the diff before committing (do the
// conclusions still make sense to a consultant?).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { Ajv } from 'ajv';
import { loadWorkspace } from '../../src/workspace/load.js';
import { analyze } from '../../src/analysis/analyze.js';
import { renderText } from '../../src/report/text.js';
import { renderJson } from '../../src/report/json.js';
import { analysisJsonSchema, AnalysisResultSchema } from '../../src/analysis/result-schema.js';
import { initLang, translator } from '../../src/i18n/index.js';
import { expectGolden } from '../golden.js';
import { RULE_IDS } from '../../src/analysis/rules/index.js';
import { requireBuild } from '../requirements.js';
import { dataTypeLabels } from '../../src/model/names.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'martech-audit.js');
const START = '2027-01';
const EXAMPLES = [
  { name: 'northwind-b2b', path: 'examples/northwind-b2b' },
  { name: 'sakura-retail', path: 'examples/sakura-retail.yaml' },
  { name: 'startup-no-hub', path: 'examples/startup-no-hub.yaml' },
  // The customer's side (format revision 2): personas, data types, consent, personalization.
  { name: 'brightwater-pets', path: 'examples/brightwater-pets.yaml' },
];
const CLEAN_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR|COLUMNS)$/.test(k))),
  TZ: 'UTC',
};

async function viaLibrary(path: string) {
  const prev = process.cwd();
  process.chdir(ROOT);
  try {
    const loaded = loadWorkspace(path);
    const ws = loaded.workspace!;
    expect(ws, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    // The analysis and the text renderer are handed their language.
    const lang = ws.settings.lang ?? 'en';
    await initLang(lang);
    const tr = await translator(lang);
    const result = analyze(ws, { path, start: START, tr });
    const text = renderText(result, { tr, width: 80, color: false, departments: new Map(ws.organization.departments.map((d) => [d.id, d.name])), dataTypes: dataTypeLabels(ws, tr) });
    return { result, text, json: renderJson(result) };
  } finally {
    process.chdir(prev);
  }
}

afterAll(() => initLang('en'));

describe('golden output of the examples', () => {
  const seen = new Set<string>();
  for (const ex of EXAMPLES) {
    it(`${ex.name}: text and JSON`, async () => {
      const { result, text, json } = await viaLibrary(ex.path);
      // A finding folded into a wider one (rules.md r2) was raised too: its id names its rule.
      for (const f of result.findings) for (const id of [f.id, ...(f.folded ?? [])]) seen.add(id.slice(0, id.indexOf(':')));
      expectGolden(`analyze/${ex.name}.txt`, text);
      expectGolden(`analyze/${ex.name}.json`, json);
      // 80 columns, whatever the language
      for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      // every table line is exactly as wide as the others, Japanese included
      const tableLines = text.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(new Set(tableLines.map((l) => stringWidth(l)))).toEqual(new Set([80]));
      // and nothing in a cell is cut off with "…"
      expect(tableLines.filter((l) => /…\s*│/.test(l))).toEqual([]);
      // the document matches its schema (zod, and the JSON Schema `schema --analysis` prints)
      expect(AnalysisResultSchema.safeParse(JSON.parse(json)).success).toBe(true);
      const validate = new Ajv({ strict: false }).compile(analysisJsonSchema());
      expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('every rule is triggered by at least one example', () => {
    expect(RULE_IDS.filter((r) => !seen.has(r))).toEqual([]);
  });
});

describe('the CLI prints the same', () => {
  beforeAll(requireBuild);
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: CLEAN_ENV });
  for (const ex of EXAMPLES) {
    it(`${ex.name}`, () => {
      const text = cli(['analyze', ex.path, '--no-color', '--start', START, '--fail-on', 'none']);
      expect(text.status, text.stderr).toBe(0);
      expectGolden(`analyze/${ex.name}.txt`, text.stdout, { what: 'the CLI\'s text' });
      const json = cli(['analyze', ex.path, '--format', 'json', '--start', START, '--fail-on', 'none']);
      expectGolden(`analyze/${ex.name}.json`, json.stdout, { what: 'the CLI\'s JSON' });
    });
  }
});
