// `martech-audit import <file> --out <workspace> | --into <workspace>`: thin; the work is src/import/.
import { basename, relative, resolve } from 'node:path';
import { t, initLang, currentLang, isLang, type Params } from '../../i18n/index.js';
import { UsageError } from '../../util/errors.js';
import { chalk, write } from '../output.js';
import type { GlobalOptions } from '../context.js';
import type { ImportOptions } from '../../import/index.js';
import type { RowIssue } from '../../import/convert.js';
import { tCount } from '../../i18n/index.js';

export interface ImportCommandOptions extends Omit<ImportOptions, 'lang'> { format?: string }

const SHOW = 40;

export async function run(file: string, opts: ImportCommandOptions, globals: GlobalOptions): Promise<void> {
  if (globals.lang && !isLang(globals.lang)) throw new UsageError(t('cli.bad-lang', { lang: globals.lang }));
  if (globals.lang && globals.lang !== currentLang()) await initLang(globals.lang as 'en' | 'ja');
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(t('cli.bad-format', { format, allowed: 'text, json' }));
  const { runImport } = await import('../../import/index.js');
  const out = await runImport(file, { ...opts, lang: globals.lang });
  const r = out.result;
  const msg = (i: RowIssue) => t(i.key, i.params as Params);

  if (format === 'json') {
    write(JSON.stringify({
      version: 1, file, target: out.target, written: out.written, rows: r.rows, sheets: r.sheetsRead,
      tools: r.tools.length, matched: r.matched, kept: r.kept, touchpoints: r.touchpoints.length,
      integrations: r.integrations.length, questions: r.questions.length,
      files: [...out.files.keys()].map((p) => relative(process.cwd(), p) || p),
      issues: r.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, ...(i.row ? { row: i.row } : {}), message: msg(i) })),
    }, null, 2));
    return;
  }

  const lines: string[] = [];
  lines.push(tCount('sheets.summary.read', r.rows, { rows: r.rows, file, sheets: r.sheetsRead.join(', ') }));
  const counts = [tCount('sheets.summary.tools', r.tools.length, { count: r.tools.length, matched: r.matched })];
  if (r.touchpoints.length) counts.push(tCount('sheets.summary.touchpoints', r.touchpoints.length, { count: r.touchpoints.length }));
  if (r.integrations.length) counts.push(tCount('sheets.summary.integrations', r.integrations.length, { count: r.integrations.length }));
  if (r.questions.length) counts.push(tCount('sheets.summary.questions', r.questions.length, { count: r.questions.length }));
  lines.push(`  ${counts.join(currentLang() === 'ja' ? '、' : ', ')}`);
  const where = (i: RowIssue) => {
    if (!i.row) return '';
    const parts = r.sheetsRead.length > 1 ? [i.sheet] : [];
    if (i.row) parts.push(t('sheets.summary.row', { row: i.row }));
    return parts.join(' ');
  };
  const section = (sev: RowIssue['severity'], head: string, mark: string) => {
    const xs = r.issues.filter((i) => i.severity === sev);
    if (!xs.length) return;
    lines.push('', sev === 'note' ? t(head) : tCount(head, xs.length, { count: xs.length }));
    for (const i of xs.slice(0, SHOW)) lines.push(`  ${mark} ${where(i) ? `${where(i)}: ` : ''}${msg(i)}`);
    if (xs.length > SHOW) lines.push(`  ${t('sheets.summary.more', { count: xs.length - SHOW })}`);
  };
  section('rejected', 'sheets.summary.rejected', chalk.red('✖'));
  section('warning', 'sheets.summary.warnings', chalk.yellow('!'));
  section('note', 'sheets.summary.notes', chalk.dim('·'));
  lines.push('');
  const names = [...out.files.keys()].map((p) => (opts.into ? relative(process.cwd(), p) : relative(resolve(out.target), p)) || basename(p));
  if (!out.written) {
    lines.push(t('sheets.summary.dry-run', { path: out.target }));
    for (const [p, text] of out.files) lines.push('', chalk.bold(`--- ${relative(process.cwd(), p) || p}`), text.trimEnd());
  } else {
    lines.push(chalk.green('✔ ') + t(opts.into ? 'sheets.summary.added' : 'sheets.summary.written', { path: out.target, files: names.join(', ') }));
    lines.push(t('sheets.summary.next', { path: out.target }));
  }
  write(lines.join('\n'));
}
