// Layout for the terminal report: wrapping to a width (East Asian wide characters count as two
// columns; Japanese line-breaking rules), column widths, and tables with cli-table3.
import Table from 'cli-table3';
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
    const tb = make(i === 0);
    for (const r of chunk) tb.push(r as any);
    let lines = tb.toString().split('\n');
    if (i > 0) lines = lines.slice(1);
    if (i < chunks.length - 1) lines[lines.length - 1] = mid;
    parts.push(lines.join('\n'));
  });
  return parts.join('\n');
}

