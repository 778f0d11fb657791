// Terminal output helpers: colour only on a TTY (never with NO_COLOR, --no-color or when piped),
// diagnostics printed like a compiler (file:line:col, message, suggestion, excerpt).
import chalk, { type ChalkInstance } from 'chalk';
import { displayWidth as stringWidth } from '../util/width.js';
import { t } from '../i18n/index.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import { clipLine, isClean, sanitizeLine, sanitizeTerminal } from '../util/sanitize.js';
import { chunkText, type Chunk } from '../util/fs.js';

export function setupColor(opts: { color?: boolean }, stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  // --no-color and NO_COLOR always win; FORCE_COLOR turns colour on for a pipe; else only a TTY.
  const noColor = opts.color === false || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  chalk.level = noColor ? 0 : forced || stream.isTTY ? chalk.level || 1 : 0;
  return chalk;
}

export { chalk };

export interface WriteOptions {
  /** The text is GitHub workflow commands on purpose (analyze --format github). */
  workflowCommands?: boolean;
}

// Everything printed passes through here: no control character, escape sequence (other than
// the colours chalk writes) or bidi override from a workspace reaches the terminal or a CI log,
// and no line can start a GitHub workflow command unless it is one (util/sanitize.ts).
function clean(text: string, opts: WriteOptions): string {
  const out = sanitizeTerminal(text, { keepColor: chalk.level > 0, workflowCommands: opts.workflowCommands });
  return out.endsWith('\n') ? out : `${out}\n`;
}

export function write(text: string, opts: WriteOptions = {}): void {
  process.stdout.write(clean(text, opts));
}

/**
 * Text in chunks (each ending with a line break, util/json-chunks.ts; strings or UTF-8 bytes),
 * cleaned chunk by chunk as write() cleans the whole: a document of any size reaches stdout without
 * ever being one string. Waits when the stream's buffer is full (a slow pipe), so memory stays bounded.
 */
export async function writeChunks(chunks: Iterable<Chunk>, opts: WriteOptions = {}): Promise<void> {
  let newline = false;
  // The JSON layout writes its text already clean (util/json-layout.ts, `safe`): not scanned again.
  const clean = isClean(chunks);
  for (const chunk of chunks) {
    if (!chunk.length) continue;
    newline = typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 10;
    const text = clean ? chunk : sanitizeTerminal(chunkText(chunk), { keepColor: chalk.level > 0, workflowCommands: opts.workflowCommands });
    if (!process.stdout.write(text)) await new Promise<void>((r) => process.stdout.once('drain', r));
  }
  if (!newline) process.stdout.write('\n');
}

export function writeErr(text: string, opts: WriteOptions = {}): void {
  process.stderr.write(clean(text, opts));
}

// The lines of the source last excerpted: diagnostics come sorted by file, and splitting a large
// file again for each of thousands of diagnostics made `validate` take minutes.
let split: { source: string; lines: string[] } | undefined;
function linesOf(source: string): string[] {
  if (split?.source !== source) split = { source, lines: source.split(/\r?\n/) };
  return split.lines;
}

/** Source excerpt with a caret under the problem, like a compiler. */
export function excerpt(source: string | undefined, line: number, column: number, endLine?: number, endColumn?: number): string {
  if (!source) return '';
  const lines = linesOf(source);
  if (line < 1 || line > lines.length) return '';
  const from = Math.max(1, line - 1);
  const width = String(line).length;
  const out: string[] = [];
  // Long lines are cut around the column (a minified or binary file must not flood the log) and
  // every control character is shown escaped: an excerpt repeats what a pull request wrote.
  const clip = (n: number) => clipLine(lines[n - 1] ?? '', n === line ? column : 1);
  for (let n = from; n <= line; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(chalk.dim(`  ${mark} ${String(n).padStart(width)} | `) + sanitizeLine(clip(n).text));
  }
  const { text, column: col } = clip(line);
  const before = stringWidth(sanitizeLine(text.slice(0, col - 1)));
  const endCol = endLine === line && endColumn && endColumn > column ? col + (endColumn - column) : col + 1;
  const span = Math.max(1, Math.min(stringWidth(sanitizeLine(text.slice(col - 1, endCol - 1))), 60));
  out.push(chalk.dim(`    ${' '.repeat(width)} | `) + ' '.repeat(before) + chalk.red('^'.repeat(span)));
  return out.join('\n');
}

const RELATED_SHOWN = 5;

export function formatDiagnostic(d: Diagnostic, sources?: Map<string, string>, withExcerpt = true): string {
  const where = `${d.location.file}:${d.location.line}:${d.location.column}`;
  const sev = d.severity === 'error' ? chalk.red(t('cli.error')) : chalk.yellow(t('cli.warning'));
  // A message quotes values from the workspace: it stays on one line, whatever they hold.
  let line = `${chalk.bold(sanitizeLine(where))}  ${sev}  ${sanitizeLine(d.message)}`;
  if (d.suggestion) line += chalk.cyan(`  (${sanitizeLine(d.suggestion)})`);
  const parts = [line];
  if (withExcerpt) {
    const ex = excerpt(sources?.get(d.location.file), d.location.line, d.location.column, d.location.endLine, d.location.endColumn);
    if (ex) parts.push(ex);
  }
  // A value used in a thousand places is one warning; the terminal shows its first few other
  // places and the count of the rest (`validate --format json` keeps every one).
  const related = d.related ?? [];
  const shown = related.length > RELATED_SHOWN + 1 ? RELATED_SHOWN : related.length;
  for (const r of related.slice(0, shown)) {
    parts.push(chalk.dim(sanitizeLine(`    ${r.location.file}:${r.location.line}:${r.location.column}  ${r.message}`)));
  }
  if (shown < related.length) parts.push(chalk.dim(`    ${t('cli.related-more', { count: related.length - shown })}`));
  return parts.join('\n');
}

/** Pads to a display width, counting East Asian wide characters as two columns. */
export function padEnd(text: string, width: number): string {
  const w = stringWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}
