// Reading a spreadsheet file into plain rows of cells: CSV (any delimiter, UTF-8 with or without
// BOM, Shift_JIS from Japanese Excel) through csv-parse, XLSX through exceljs. Both libraries are
// loaded only here, when `import` runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extname } from 'node:path';
import { t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { unquoteCell } from '../export/cells.js';

export interface RawRow { /** 1-based row (line) number in the file or sheet. */ n: number; cells: unknown[] }
export interface RawSheet { name: string; rows: RawRow[] }
export interface RawBook { sheets: RawSheet[]; encoding?: 'utf-8' | 'shift_jis'; kind: 'csv' | 'xlsx' }

export function fileKind(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '') return 'csv';
  throw new UsageError(t('sheets.bad-file-type', { path }), ext === '.xls' ? t('sheets.bad-file-type.xls') : undefined);
}

export async function readBook(path: string, sheet?: string): Promise<RawBook> {
  let buf: Buffer;
  try {
    if (statSync(path).isDirectory()) return readCsvFolder(path);
    buf = readFileSync(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(t('sheets.not-found', { path }));
  }
  const kind = fileKind(path);
  if (kind === 'xlsx' || (buf[0] === 0x50 && buf[1] === 0x4b)) return readXlsx(path, buf, sheet);
  return readCsv(path, buf);
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8; otherwise Shift_JIS, as Japanese Excel saves CSV. */
export function decode(buf: Buffer): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(buf), encoding: 'shift_jis' };
  }
}

/** The delimiter that splits the first lines into the same number of fields most often. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + c);
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === d && !q) n++;
  }
  return n;
}

async function readCsv(path: string, buf: Buffer): Promise<RawBook> {
  const { text, encoding } = decode(buf);
  const delimiter = detectDelimiter(text);
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true,
    }) as any;
  } catch (err: any) {
    throw new UsageError(t('sheets.bad-csv', { path, line: err?.lines ?? '?', reason: String(err?.message ?? err).replace(/^Invalid Record Length: /, '') }));
  }
  // info.lines is the line where the record ends; a record's first line is one past the previous end.
  let prevEnd = 0;
  const rows: RawRow[] = records.map(({ record, info }) => {
    // `'=1+2` (a formula neutralised by export, or by hand) reads as `=1+2`.
    const row = { n: prevEnd + 1, cells: record.map(unquoteCell) };
    prevEnd = info.lines;
    return row;
  });
  const name = path.split(/[\\/]/).pop() ?? path;
  return { sheets: [{ name, rows }], encoding, kind: 'csv' };
}

async function readXlsx(path: string, buf: Buffer, only?: string): Promise<RawBook> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch (err: any) {
    throw new UsageError(t('sheets.bad-xlsx', { path, reason: String(err?.message ?? err) }));
  }
  const names = wb.worksheets.map((w) => w.name);
  if (only !== undefined && !names.includes(only)) throw new UsageError(t('sheets.no-sheet', { sheet: only, sheets: names.join(', ') }));
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets) {
    if (only !== undefined && ws.name !== only) continue;
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as unknown[];
      // row.values is 1-based (index 0 empty); merged cells give the master's value.
      rows.push({ n, cells: Array.isArray(values) ? values.slice(1).map(unquoteCell) : [] });
    });
    sheets.push({ name: ws.name, rows });
  }
  return { sheets, kind: 'xlsx' };
}

/** A folder of CSV files (as `export --format csv` writes): each file is one sheet. */
async function readCsvFolder(path: string): Promise<RawBook> {
  const names = readdirSync(path).filter((f) => /\.(csv|tsv)$/i.test(f)).sort();
  if (!names.length) throw new UsageError(t('sheets.bad-file-type', { path }));
  const book: RawBook = { sheets: [], kind: 'csv' };
  for (const name of names) {
    const one = await readCsv(join(path, name), readFileSync(join(path, name)));
    book.sheets.push({ name: name.replace(/\.(csv|tsv)$/i, ''), rows: one.sheets[0].rows });
    if (one.encoding === 'shift_jis') book.encoding = 'shift_jis';
  }
  return book;
}
