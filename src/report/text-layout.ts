// Layout for the terminal report: wrapping to a width (East Asian wide characters count as two
// columns; Japanese line-breaking rules), column widths, and tables drawn as cli-table3 draws them.
import Table from 'cli-table3';
import tableUtils from 'cli-table3/src/utils.js';
import type { ChalkInstance } from 'chalk';
import { displayWidth, displayWidth as stringWidth } from '../util/width.js';

// ---- wrapping -------------------------------------------------------------------------------

// Japanese line-breaking (kinsoku): no line starts with closing punctuation or a small kana and
// none ends with an opening bracket. Latin words break at spaces and after "-" or "/" inside
// long ids ("contact-" / "profile"), wide characters between any two of them.
const NO_LINE_START = new Set([...'、。，．・：；？！）」』】〕〉》｝］’”ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥,.:;!?)]}%％']);
const NO_LINE_END = new Set([...'（「『【〔〈《｛［‘“([{￥¥$€£']);

interface Token { text: string; space: boolean }

// Most text here is ASCII: tokenize it word by word (util/width.ts measures it the same way).
const ASCII = /^[\x20-\x7e]*$/;
/** The same breaks for plain ASCII, word by word (most text is ASCII and this is much faster). */
function tokenizeAscii(line: string): Token[] {
  const out: Token[] = [];
  let space = false;
  for (const word of line.split(/( +)/)) {
    if (!word) continue;
    if (word[0] === ' ') {
      space = true;
      continue;
    }
    const pieces = word.split(/(?<=[-/])(?=[^-/])/);
    pieces.forEach((piece, i) => out.push({ text: piece, space: i === 0 && space }));
    space = false;
  }
  return out;
}
const charWidth = (ch: string): number => (ch.charCodeAt(0) < 0x300 ? 1 : stringWidth(ch));

function tokenize(line: string): Token[] {
  if (ASCII.test(line)) return tokenizeAscii(line);
  const out: Token[] = [];
  let space = false;
  let prev = '';
  for (const ch of line) {
    if (/\s/.test(ch)) {
      space = true;
      prev = ch;
      continue;
    }
    const last = out[out.length - 1];
    const wide = charWidth(ch) > 1;
    const glue = last && !space && (NO_LINE_START.has(ch) || NO_LINE_END.has(prev)
      || (!wide && charWidth(prev) === 1 && !'-/'.includes(prev)));
    if (glue) last.text += ch;
    else out.push({ text: ch, space });
    space = false;
    prev = ch;
  }
  return out;
}

function hardSplit(text: string, width: number): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (displayWidth(cur + ch) > width && cur) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

/** Wraps plain text (no colour codes) to `width` display columns. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    let curW = 0;
    for (const tok of tokenize(para)) {
      const tw = displayWidth(tok.text);
      const sep = tok.space && cur ? ' ' : '';
      if (curW + sep.length + tw <= w) {
        cur += sep + tok.text;
        curW += sep.length + tw;
        continue;
      }
      if (cur) lines.push(cur);
      if (tw <= w) {
        cur = tok.text;
        curW = tw;
      } else {
        const parts = hardSplit(tok.text, w);
        lines.push(...parts.slice(0, -1));
        cur = parts[parts.length - 1];
        curW = displayWidth(cur);
      }
    }
    lines.push(cur);
  }
  return lines;
}

export const wrapCell = (text: string, width: number): string => wrap(text, width).join('\n');

/** The display width of the longest piece `wrap` will not break (a word, or up to a hyphen). */
export function longestWord(texts: Iterable<string>): number {
  let max = 0;
  for (const text of texts) {
    for (const line of text.split('\n')) for (const tok of tokenize(line)) max = Math.max(max, displayWidth(tok.text));
  }
  return max;
}

/**
 * Splits `total` columns between table columns with minimum widths and weights. `word` (the
 * longest unbreakable word of a column, see longestWord) makes a column at least wide enough to
 * hold it, as far as the table can afford: the width is taken from columns that have room to
 * spare beyond their own longest word, and columns that need the least are served first, so a
 * word is broken mid-way only when no layout could hold it.
 */
export function fitColumns(total: number, spec: { min: number; weight: number; word?: number }[]): number[] {
  const borders = spec.length + 1;
  const avail = Math.max(total - borders, spec.reduce((s, c) => s + c.min, 0));
  const widths = spec.map((c) => c.min);
  let rest = avail - widths.reduce((s, x) => s + x, 0);
  const weights = spec.reduce((s, c) => s + c.weight, 0) || 1;
  const extra = spec.map((c) => Math.floor((rest * c.weight) / weights));
  extra.forEach((e, i) => (widths[i] += e));
  rest -= extra.reduce((s, x) => s + x, 0);
  const growable = spec.map((c, i) => (c.weight ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; rest > 0 && growable.length; k = (k + 1) % growable.length, rest--) widths[growable[k]]++;
  // Room for the longest words: move columns from those with slack to those that need them.
  // A word wider than half the table is cut in any case (a URL): it does not get to starve the rest.
  const floor = spec.map((c) => Math.max(c.min, Math.min((c.word ?? 0) + 2, Math.floor(avail / 2))));
  const needy = spec.map((_, i) => i).filter((i) => widths[i] < floor[i]).sort((a, b) => floor[a] - widths[a] - (floor[b] - widths[b]) || a - b);
  for (const i of needy) {
    const donors = spec.map((_, j) => j).filter((j) => widths[j] > floor[j]);
    const slack = donors.reduce((s, j) => s + widths[j] - floor[j], 0);
    if (slack <= 0) break;
    let need = Math.min(floor[i] - widths[i], slack);
    while (need > 0) {
      // One column at a time from the donor with most slack to spare.
      let best = -1;
      for (const j of donors) if (widths[j] > floor[j] && (best < 0 || widths[j] - floor[j] > widths[best] - floor[best])) best = j;
      if (best < 0) break;
      widths[best]--;
      widths[i]++;
      need--;
    }
  }
  return widths;
}

// ---- tables ---------------------------------------------------------------------------------

export type Row = (string | { content: string; colSpan?: number })[];
const CHUNK = 40;

/**
 * A cli-table3 table with fixed column widths. cli-table3's layout is quadratic in the number of
 * rows, so long tables are rendered in chunks of the same widths and stitched together (the
 * bottom border of one chunk becomes a row separator, the next chunk's top border is dropped):
 * the output is the same as one table, in linear time.
 */
export function renderTable(c: ChalkInstance, head: string[], widths: number[], rows: Row[]): string {
  const make = (withHead: boolean) => new Table({
    head: withHead ? head.map((h, i) => c.bold(wrapCell(h, widths[i] - 2))) : [],
    colWidths: widths, style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, wordWrap: false,
  });
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  // A row spanning columns renders its separator from the row above: keep it off a chunk start.
  const last = chunks[chunks.length - 1];
  if (chunks.length > 1 && last.some((r) => r.some((x) => typeof x === 'object' && (x.colSpan ?? 1) > 1))) {
    last.unshift(chunks[chunks.length - 2].pop()!);
  }
  if (!chunks.length) chunks.push([]);
  const mid = `├${widths.map((w) => '─'.repeat(w)).join('┼')}┤`;
  const parts: string[] = [];
  chunks.forEach((chunk, i) => {
    let drawn = drawTable(i === 0 ? head.map((h, k) => c.bold(wrapCell(h, widths[k] - 2))) : [], widths, chunk);
    if (drawn === undefined) {
      const tb = make(i === 0);
      for (const r of chunk) tb.push(r as any);
      drawn = tb.toString();
    }
    let lines = drawn.split('\n');
    if (i > 0) lines = lines.slice(1);
    if (i < chunks.length - 1) lines[lines.length - 1] = mid;
    parts.push(lines.join('\n'));
  });
  return parts.join('\n');
}


/**
 * What cli-table3 draws for a table with fixed column widths, padding 1, no colours on borders,
 * whose every row covers every column exactly (cells spanning columns allowed, no row spans) and
 * whose every line fits its cell; undefined for any other table (cli-table3 draws it). Why:
 * cli-table3 measures each cell's whole text again for every line it draws (a debug message,
 * O(text²) per cell with several lines or wide characters): 1.2 s of the 10,000-tool text report.
 * The junctions follow cli-table3's: ┬ / ─ under a cell of the row above that spans the column.
 */
export function drawTable(head: string[], widths: number[], rows: Row[]): string | undefined {
  const all: Row[] = head.length ? [head, ...rows] : rows;
  // Per row: each cell's first column, span, width and lines; `starts` marks the columns a cell begins at.
  const laid: { x: number; span: number; width: number; lines: string[]; widths: number[] }[][] = [];
  const starts: boolean[][] = [];
  for (const row of all) {
    const cells: (typeof laid)[number] = [];
    const begins = widths.map(() => false);
    let x = 0;
    for (const cell of row) {
      const content = typeof cell === 'string' ? cell : cell.content || '';
      const span = typeof cell === 'string' ? 1 : cell.colSpan || 1;
      if (x + span > widths.length) return undefined;
      const spanned = widths.slice(x, x + span);
      const width = spanned.reduce((s, w) => s + w, span - 1);
      const lines = tableUtils.colorizeLines(content.split('\n'));
      if (lines.some((l) => tableUtils.strlen(l) > width - 2)) return undefined;
      begins[x] = true;
      cells.push({ x, span, width, lines, widths: spanned });
      x += span;
    }
    if (x !== widths.length) return undefined;
    laid.push(cells);
    starts.push(begins);
  }
  const out: string[] = [];
  laid.forEach((cells, y) => {
    let top = '';
    for (const cell of cells) {
      cell.widths.forEach((w, offset) => {
        const x = cell.x + offset;
        const spanAbove = y > 0 && !starts[y - 1][x];
        top += y === 0 ? (x === 0 ? '┌' : offset === 0 ? '┬' : '─')
          : x === 0 ? '├' : spanAbove ? (offset === 0 ? '┬' : '─') : offset === 0 ? '┼' : '┴';
        top += '─'.repeat(w);
      });
    }
    out.push(top + (y === 0 ? '┐' : '┤'));
    const height = Math.max(1, ...cells.map((cell) => cell.lines.length));
    for (let n = 0; n < height; n++) {
      let line = '';
      for (const cell of cells) {
        const text = cell.lines[n];
        line += text === undefined ? `│${' '.repeat(cell.width)}`
          : `│ ${text}${' '.repeat(cell.width - 2 - tableUtils.strlen(text))} `;
      }
      out.push(`${line}│`);
    }
  });
  const last = laid[laid.length - 1];
  if (last) out.push(last.map((cell) => (cell.x === 0 ? '└' : '┴') + '─'.repeat(cell.width)).join('') + '┘');
  return out.join('\n');
}
