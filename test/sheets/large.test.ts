// Issue #17: "a round trip through Excel keeps the audit identical (tested ... on a 10,000-row
// file)". A generated workspace of 10,000 tools goes out to xlsx through the built CLI, comes back
// with no row rejected, and audits the same (level, findings, roadmap), file positions aside.
// No timing is asserted: the timeout only catches a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../git/cli.js';
import { GIT_ENV } from '../git/repo.js';
import { SLOW_TEST_TIMEOUT } from '../requirements.js';

let dir: string;
beforeAll(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-sheets10k-'))); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// test/git/cli.ts's cli() stops a command after 60 s; a 10,000-tool export on a loaded two-core
// machine may take longer, so these commands get the test's own (hang-catching) timeout.
function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...GIT_ENV, CI: 'true', LANG: 'en_US.UTF-8', LC_ALL: '' };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SLOW_TEST_TIMEOUT, maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function analyzeJson(path: string) {
  const r = run(['analyze', path, '--format', 'json', '--start', '2027-01', '--fail-on', 'none', '--lang', 'en']);
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  return { findings: j.findings.map(({ location, ...f }: any) => f), assessment: j.assessment, roadmap: j.roadmap, summary: j.summary };
}

/**
 * scripts/gen-workspace.mjs, with the consent and preference data types left out of every list:
 * with them, each of thousands of tools gets a finding naming the thousands of tools the records
 * do not reach, a report of hundreds of megabytes that measures that rule, not the spreadsheet.
 */
function generate(out: string) {
  const g = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-workspace.mjs'), '--tools', '10000', '--touchpoints', '500', '--integrations', '2000', '--out', out], { encoding: 'utf8' });
  expect(g.status, g.stderr).toBe(0);
  const files = [join(out, 'touchpoints.yaml'), join(out, 'integrations.yaml'), ...readdirSync(join(out, 'tools')).map((f) => join(out, 'tools', f))];
  for (const f of files) {
    const text = readFileSync(f, 'utf8').replace(/^(\s+(?:data|captures): )\[(.*)\]$/gm, (_m, head: string, list: string) => {
      const kept = [...new Set(list.split(', ').map((d) => (d === 'preferences' || d === 'consent' ? 'orders' : d)))];
      return `${head}[${kept.join(', ')}]`;
    });
    writeFileSync(f, text);
  }
}

describe('a 10,000-row workbook', () => {
  it('export, then import: every row comes back and the audit is the same', async () => {
    const src = join(dir, 'ws');
    generate(src);
    const file = join(dir, 'ws10k.xlsx');
    const e = run(['export', src, '--out', file]);
    expect(e.code, e.stderr).toBe(0);

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inventory = wb.getWorksheet('Inventory')!;
    let rows = 0;
    inventory.eachRow((_row, n) => { if (n > 1) rows++; });
    expect(rows).toBe(10_000);

    const back = join(dir, 'back');
    const i = run(['import', file, '--out', back, '--format', 'json']);
    expect(i.code, i.stderr).toBe(0);
    const summary = JSON.parse(i.stdout);
    expect(summary).toMatchObject({ tools: 10_000, touchpoints: 500, integrations: 2_000, questions: 0 });
    // The only notes allowed: the sheets of the analysis' own output, which analyze recomputes.
    expect(summary.issues.filter((x: any) => !(x.severity === 'note' && (x.sheet === 'Findings' || x.sheet === 'Roadmap')))).toEqual([]);

    const before = analyzeJson(src);
    const after = analyzeJson(back);
    expect(after.assessment.level).toBe(before.assessment.level);
    expect(after.findings.map((f: any) => f.id)).toEqual(before.findings.map((f: any) => f.id));
    expect(after).toEqual(before);
  }, SLOW_TEST_TIMEOUT);
});
