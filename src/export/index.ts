// `export`: the tables of src/export/tables.ts as one Excel workbook (real Excel tables: typed
// numbers and dates, currency formats, frozen header row, filters) or as a folder of CSV files
// (one per sheet, UTF-8 with BOM so that Excel opens Japanese text correctly). exceljs is loaded
// only here.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ensureDir, writeFileAtomic } from '../util/fs.js';
import type { Translator } from '../i18n/index.js';
import { buildTables, moneyFormat, type Table } from './tables.js';
import { csvTextCell, xlsxTextCell } from './cells.js';
import type { Workspace } from '../model/model.js';
import type { AnalysisResult } from '../analysis/analyze.js';

/** The CSV file of each table: ASCII names, whatever the language. */
export const CSV_NAMES: Record<string, string> = {
  tools: 'inventory.csv', touchpoints: 'touchpoints.csv', integrations: 'integrations.csv', findings: 'findings.csv',
  roadmap: 'roadmap.csv', questions: 'questions.csv', workspace: 'workspace.csv',
};

/**
 * From this many data rows (all sheets together) the workbook is written with exceljs's streaming
 * writer, row by row: the in-memory model of a 10,000-tool workbook takes gigabytes. The streaming
 * writer cannot write table objects, so a large workbook has plain sheets with the same typed
 * cells, formats, frozen header and an autoFilter (docs/import-export.md).
 */
export const STREAM_ROWS = 5000;

function columnWidth(c: Table['columns'][number]): number {
  return Math.max(c.width, Math.min(60, [...c.header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 4));
}

function columnNumFmt(c: Table['columns'][number], money: string): string | undefined {
  return c.type === 'money' ? money : c.type === 'int' ? '#,##0' : c.type === 'month' ? 'yyyy-mm' : undefined;
}

const xlsxValue = (v: unknown) => (v === undefined ? null : typeof v === 'string' ? xlsxTextCell(v) : v);

async function streamedWorkbookBuffer(ws: Workspace, tables: Table[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => { stream.on('end', () => res()); stream.on('error', rej); });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'martech-audit';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const money = moneyFormat(ws.organization.currency);
  for (const table of tables) {
    const last = String.fromCharCode(64 + Math.min(26, table.columns.length));
    const sheet = wb.addWorksheet(table.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
      autoFilter: table.columns.length <= 26 ? `A1:${last}${Math.max(2, table.rows.length + 1)}` : undefined,
    } as any);
    sheet.columns = table.columns.map((c) => {
      const numFmt = columnNumFmt(c, money);
      const style: Record<string, unknown> = {};
      if (numFmt) style.numFmt = numFmt;
      if (c.type === 'text' && c.width >= 40) style.alignment = { wrapText: true, vertical: 'top' };
      return { width: columnWidth(c), style };
    }) as any;
    const header = sheet.addRow(table.columns.map((c) => xlsxTextCell(c.header)));
    header.eachCell((cell) => { cell.numFmt = 'General'; cell.font = { bold: true }; cell.alignment = {}; });
    header.commit();
    for (const r of table.rows) sheet.addRow(r.map(xlsxValue) as any[]).commit();
    sheet.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export async function workbookBuffer(ws: Workspace, result: AnalysisResult, tr: Translator): Promise<Buffer> {
  const tables = buildTables(ws, result, tr);
  if (tables.reduce((n, t) => n + t.rows.length, 0) >= STREAM_ROWS) return streamedWorkbookBuffer(ws, tables);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'martech-audit';
  // Fixed dates: the same audit gives the same workbook properties.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const money = moneyFormat(ws.organization.currency);
  for (const table of tables) {
    const sheet = wb.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = table.rows.length ? table.rows : [table.columns.map(() => null)];
    sheet.addTable({
      name: `${table.key[0].toUpperCase()}${table.key.slice(1)}`,
      ref: 'A1',
      headerRow: true,
      style: { theme: table.key === 'workspace' ? 'TableStyleLight1' : 'TableStyleMedium2', showRowStripes: true },
      columns: table.columns.map((c) => ({ name: xlsxTextCell(c.header), filterButton: true })),
      // Text is cleaned of control characters (cells.ts); numbers and dates stay typed.
      rows: rows.map((r) => r.map((v) => (v === undefined ? null : typeof v === 'string' ? xlsxTextCell(v) : v))) as any[][],
    });
    table.columns.forEach((c, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = Math.max(c.width, Math.min(60, [...c.header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 4));
      if (c.type === 'money') col.numFmt = money;
      else if (c.type === 'int') col.numFmt = '#,##0';
      else if (c.type === 'month') col.numFmt = 'yyyy-mm';
      if (c.type === 'text' && c.width >= 40) col.alignment = { wrapText: true, vertical: 'top' };
    });
    // The header row keeps its own look (the column formats above would otherwise apply to it).
    sheet.getRow(1).eachCell((cell) => { cell.numFmt = 'General'; cell.font = { bold: true }; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * RFC 4180: quoted when needed, CRLF between records. Dates as YYYY-MM, numbers as written (a
 * negative number stays `-5`); text cleaned, with a `'` in front when a spreadsheet would read
 * it as a formula (cells.ts).
 */
export function csvText(table: Table): string {
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s = v instanceof Date ? v.toISOString().slice(0, 7) : typeof v === 'number' ? String(v) : csvTextCell(String(v));
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns.map((c) => cell(c.header)).join(','), ...table.rows.map((r) => r.map(cell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function exportWorkspace(ws: Workspace, result: AnalysisResult, format: 'xlsx' | 'csv', out: string, tr: Translator): Promise<string[]> {
  if (format === 'xlsx') {
    writeFileAtomic(out, await workbookBuffer(ws, result, tr));
    return buildTables(ws, result, tr).map((t) => t.name);
  }
  const tables = buildTables(ws, result, tr);
  // `--out inventory.csv`: the tool list alone, as one file.
  if (/\.(csv|tsv|txt)$/i.test(out)) {
    writeFileAtomic(out, csvText(tables.find((t) => t.key === 'tools')!));
    return [tables[0].name];
  }
  const abs = resolve(out);
  const files = tables.map((t) => ({ name: CSV_NAMES[t.key], text: csvText(t) }));
  if (!existsSync(abs)) {
    // A new folder appears whole or not at all.
    ensureDir(dirname(abs));
    const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.tmp`);
    try {
      for (const f of files) writeFileAtomic(join(tmp, f.name), f.text);
      renameSync(tmp, abs);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  } else {
    for (const f of files) writeFileAtomic(join(abs, f.name), f.text);
  }
  return files.map((f) => f.name);
}
