// audit.sarif against the official SARIF 2.1.0 JSON Schema (vendored in test/fixtures/sarif, the
// network is closed), plus what GitHub code scanning needs: stable rule ids, a location per
// result with a repository-relative URI and a 1-based start line.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { renderSarif, SARIF_MAX_RESULTS, sarifResultCount, toUri } from '../../src/report/sarif.js';
import { RULE_IDS } from '../../src/analysis/rules/index.js';
import { EXAMPLES, hostileWorkspace, loadExample, loadText } from '../diagrams/helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';
import { expectGolden } from '../golden.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function validator() {
  // The schema is draft-04: Ajv 8 reads it once `id` is `$id` and the draft-04 $schema is dropped
  // (this schema uses no other draft-04-only keyword).
  const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('audit.sarif', () => {
  const validate = validator();

  it('the vendored schema is the official one and rejects a broken log', () => {
    const raw = readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8');
    expect(raw.length).toBe(112768);
    expect(JSON.parse(raw).id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
  });

  it.each(EXAMPLES)('is valid SARIF 2.1.0 for $name, one result per finding', async ({ path, lang }) => {
    const { ws, result } = await loadExample(path, lang);
    const log = JSON.parse(renderSarif(result, { tr: activeTranslator(), version: '1.2.3', defaultFile: ws.files[0] }));
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('martech-audit');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULE_IDS]);
    expect(run.results).toHaveLength(result.findings.length);
    run.results.forEach((r: any, i: number) => {
      const f = result.findings[i];
      expect(r.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.rule);
      expect(r.partialFingerprints['martechAuditFinding/v1']).toBe(f.id);
      expect(r.message.text).toContain(f.message);
      expect(r.locations).toHaveLength(1);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:|\\/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      if (f.location) expect(loc.region.startLine).toBe(f.location.line);
      expect(['error', 'warning', 'note']).toContain(r.level);
    });
  });

  it('stays valid with hostile names and a path with spaces and non-ASCII characters', async () => {
    const { ws, result } = await loadText(hostileWorkspace());
    const moved = { ...result, findings: result.findings.map((f) => (f.location ? { ...f, location: { ...f.location, file: 'audit folder/顧客 #1.yaml' } } : f)) };
    const log = JSON.parse(renderSarif(moved, { tr: activeTranslator(), version: '0.0.0-dev', defaultFile: ws.files[0] }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('audit%20folder/%E9%A1%A7%E5%AE%A2%20%231.yaml');
  });

  it('is compact with one result per line; its content is the reviewed golden (kept pretty-printed for review)', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const text = renderSarif(result, { tr: activeTranslator(), version: '1.2.3', defaultFile: ws.files[0] });
    const log = JSON.parse(text);
    // What is reviewed: the log itself, pretty-printed.
    expectGolden('analyze/northwind-b2b.sarif.json', `${JSON.stringify(log, null, 2)}\n`);
    // What is shipped: that log compact, the results one per line between the head and the tail.
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(log.runs[0].results.length + 3);
    expect(lines.slice(1, -2).map((l, i) => l.replace(/,$/, '') === JSON.stringify(log.runs[0].results[i]))).not.toContain(false);
    const run = Object.fromEntries(Object.entries(log.runs[0]).map(([k, v]) => [k, k === 'results' ? 'R' : v]));
    const [head, tail] = JSON.stringify({ ...log, runs: [run] }).split('"R"');
    expect(lines[0]).toBe(`${head}[`);
    expect(lines.at(-2)).toBe(`]${tail}`);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('keeps at most maxResults results, the most severe, and says in the log how many it left out', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const n = result.findings.length;
    expect(n).toBeGreaterThan(5);
    const log = JSON.parse(renderSarif(result, { tr: activeTranslator(), version: '1.2.3', defaultFile: ws.files[0], maxResults: 5 }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    // The first five findings in finding order (severity first): the least severe are the ones left out.
    expect(run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['martechAuditFinding/v1']))
      .toEqual(result.findings.slice(0, 5).map((f) => f.id));
    expect(run.properties).toMatchObject({ findings: n, resultsOmitted: n - 5 });
    const note = run.invocations[0].toolExecutionNotifications[0];
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(note.level).toBe('warning');
    expect(note.message.text).toBe(`This log keeps the 5 most severe of ${n} findings and leaves out the ${n - 5} least severe (at most 5 results: GitHub code scanning keeps at most 5,000 results of a run and rejects a run of more than 25,000; \`--sarif-max-results\` sets the limit, 0 for none). audit.json (\`analyze --format json\`) lists every finding.`);
    // At or under the limit (the default is the 5,000 results GitHub keeps of a run; 0 is none), the log is whole and says nothing of a limit.
    for (const maxResults of [undefined, 0, n]) {
      const whole = JSON.parse(renderSarif(result, { tr: activeTranslator(), version: '1.2.3', defaultFile: ws.files[0], maxResults }));
      expect(whole.runs[0].results).toHaveLength(n);
      expect(whole.runs[0].invocations).toBeUndefined();
      expect(whole.runs[0].properties.resultsOmitted).toBeUndefined();
    }
    expect(SARIF_MAX_RESULTS).toBe(5_000);
    expect(sarifResultCount(5_000, undefined)).toEqual({ kept: 5_000, omitted: 0 });
    expect(sarifResultCount(28_216, undefined)).toEqual({ kept: 5_000, omitted: 23_216 });
    expect(sarifResultCount(28_216, 25_000)).toEqual({ kept: 25_000, omitted: 3_216 });
    expect(sarifResultCount(28_216, 0)).toEqual({ kept: 28_216, omitted: 0 });
  });

  it('writes URIs: relative paths stay relative and are encoded, absolute ones become file URIs', () => {
    expect(toUri('examples/northwind-b2b/tools/sales.yaml')).toBe('examples/northwind-b2b/tools/sales.yaml');
    expect(toUri('a b/c#d.yaml')).toBe('a%20b/c%23d.yaml');
    expect(toUri('/tmp/x y.yaml')).toBe('file:///tmp/x%20y.yaml');
  });
});

describe('report --sarif-max-results (needs npm run build)', () => {
  it('limits the folder\'s audit.sarif, says so on stderr in both languages, keeps audit.json whole; a bad value writes nothing (exit 2)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sarif-report-'));
    try {
      const run = (...args: string[]) => spawnSync(process.execPath, ['bin/martech-audit.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const r = run('report', 'examples/northwind-b2b', '--no-render', '--out', join(dir, 'r'), '--sarif-max-results', '4');
      expect(r.status).toBe(0);
      const log = JSON.parse(readFileSync(join(dir, 'r', 'audit.sarif'), 'utf8'));
      const audit = JSON.parse(readFileSync(join(dir, 'r', 'audit.json'), 'utf8'));
      expect(validator()(log)).toBe(true);
      expect(log.runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['martechAuditFinding/v1']))
        .toEqual(audit.findings.slice(0, 4).map((f: { id: string }) => f.id));
      expect(log.runs[0].properties).toMatchObject({ findings: audit.findings.length, resultsOmitted: audit.findings.length - 4 });
      expect(r.stderr).toBe(`audit.sarif keeps the 4 most severe of ${audit.findings.length} findings (at most 4 results: GitHub code scanning keeps at most 5,000 results of a run; --sarif-max-results sets the limit, 0 for none); audit.json lists every finding.\n`);
      const ja = run('report', 'examples/northwind-b2b', '--no-render', '--out', join(dir, 'ja'), '--sarif-max-results', '1', '--lang', 'ja');
      expect(ja.status).toBe(0);
      expect(ja.stderr).toBe(`audit.sarif には指摘 ${audit.findings.length} 件のうち重大度の高い 1 件を収めました（上限 1 件。GitHub のコードスキャンが 1 回の実行で保存する結果は 5,000 件まで。上限は --sarif-max-results で指定でき、0 は上限なし）。すべての指摘は audit.json にあります。\n`);
      // The default (5,000) is far above the example's findings: the log is whole and nothing is said.
      const whole = run('report', 'examples/northwind-b2b', '--no-render', '--out', join(dir, 'w'));
      expect(whole.stderr).toBe('');
      expect(JSON.parse(readFileSync(join(dir, 'w', 'audit.sarif'), 'utf8')).runs[0].results).toHaveLength(audit.findings.length);
      const bad = run('report', 'examples/northwind-b2b', '--no-render', '--out', join(dir, 'bad'), '--sarif-max-results', 'lots');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--sarif-max-results takes a whole number (0 for no limit), not "lots"');
      expect(existsSync(join(dir, 'bad'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('analyze --format sarif (needs npm run build)', () => {
  it('prints the same valid SARIF log that report writes, one result per finding', async () => {
    const { execFileSync } = await import('node:child_process');
    const run = (...args: string[]) => execFileSync(process.execPath, ['bin/martech-audit.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const log = JSON.parse(run('analyze', 'examples/northwind-b2b', '--format', 'sarif', '--fail-on', 'none'));
    expect(validator()(log)).toBe(true);
    const json = JSON.parse(run('analyze', 'examples/northwind-b2b', '--format', 'json', '--fail-on', 'none'));
    expect(log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['martechAuditFinding/v1']))
      .toEqual(json.findings.map((f: { id: string }) => f.id));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/northwind-b2b\//);
  });

  it('--sarif-max-results: limits the log and says so on stderr; a value that is not a whole number is a usage error (exit 2)', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/martech-audit.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const r = run('analyze', 'examples/northwind-b2b', '--format', 'sarif', '--fail-on', 'none', '--sarif-max-results', '3');
    expect(r.status).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results).toHaveLength(3);
    expect(r.stderr).toMatch(/^The SARIF log keeps the 3 most severe of \d+ findings \(at most 3 results: GitHub code scanning keeps at most 5,000 results of a run and rejects a run of more than 25,000\)\. --sarif-max-results 0 keeps them all; --format json lists every finding\.\n$/);
    // One result is said in the singular, in the log and on stderr.
    const one = run('analyze', 'examples/northwind-b2b', '--format', 'sarif', '--fail-on', 'none', '--sarif-max-results', '1');
    expect(one.stderr).toMatch(/^The SARIF log keeps the most severe of \d+ findings \(at most 1 result: /);
    expect(JSON.parse(one.stdout).runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^This log keeps the most severe of \d+ findings and leaves out the \d+ least severe \(at most 1 result: /);
    const whole = run('analyze', 'examples/northwind-b2b', '--format', 'sarif', '--fail-on', 'none', '--sarif-max-results', '0');
    expect(whole.stderr).toBe('');
    expect(JSON.parse(whole.stdout).runs[0].results.length).toBe(log.runs[0].properties.findings);
    // A flag that would do nothing says so, as --step does with a format other than text.
    const json = run('analyze', 'examples/northwind-b2b', '--format', 'json', '--sarif-max-results', '3');
    expect(json.status).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('--sarif-max-results works with --format sarif only');
    for (const bad of ['x', '-1', '2.5', '']) {
      const b = run('analyze', 'examples/northwind-b2b', '--format', 'sarif', '--sarif-max-results', bad);
      expect(b.status, bad).toBe(2);
      expect(b.stdout).toBe('');
      expect(b.stderr).toContain(`--sarif-max-results takes a whole number (0 for no limit), not "${bad}"`);
    }
  });
});
