// `martech-audit export [path] --format xlsx|csv --out <file>`: thin; the work is src/export/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../i18n/index.js';
import { analyze } from '../../analysis/analyze.js';
import { UsageError } from '../../util/errors.js';
import { checkStart, currentMonth, loadOrExit, type GlobalOptions } from '../context.js';
import { chalk, write } from '../output.js';

export interface ExportOptions { format?: string; out: string; start?: string; force?: boolean }

export async function run(path: string, opts: ExportOptions, globals: GlobalOptions): Promise<void> {
  const format = opts.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError(t('sheets.bad-export-format', { value: format }));
  checkStart(opts.start);
  // Nothing is overwritten unasked: the workbook, or any of the CSV files of the folder.
  const { CSV_NAMES } = await import('../../export/index.js');
  const oneFile = format === 'xlsx' || /\.(csv|tsv|txt)$/i.test(opts.out);
  const taken = oneFile ? existsSync(opts.out) : Object.values(CSV_NAMES).some((f) => existsSync(join(opts.out, f)));
  if (taken && !opts.force) throw new UsageError(t('sheets.exists', { path: opts.out }));
  const { workspace, result: loaded } = await loadOrExit(path, globals, { quietWarnings: true });
  const { tr } = loaded;
  const result = analyze(workspace, { path, start: opts.start, now: currentMonth(), tr });
  const { exportWorkspace } = await import('../../export/index.js');
  const sheets = await exportWorkspace(workspace, result, format, opts.out, tr);
  write(chalk.green('✔ ') + t('sheets.export.written', { path: opts.out, sheets: sheets.join(', ') }));
}
