// Line wrapping by display width that also works for Japanese: breaks at spaces between Latin
// words and between full-width characters, never before 、。） or after （「 (kinsoku). Used for
// help text and for table cells (cli-table3 wraps only at spaces and truncates Japanese with "…";
// pass cells through wrapText(text, colWidth - 2) first).
import { displayWidth as stringWidth } from './width.js';

// Kinsoku: characters that must not start a line, and characters that must not end one.
const NO_LINE_START = new Set([...'、。，．・：；？！）」』】〕〉》｝〙〗’”ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥,.:;!?)]}%']);
const NO_LINE_END = new Set([...'（「『【〔〈《｛〘〖‘“([{']);
const isSpace = (c: string): boolean => /^\s+$/.test(c);
const isNarrow = (c: string): boolean => stringWidth(c) <= 1 && !isSpace(c);

/** Splits one line into unbreakable chunks: a space-led ASCII word (or a part of it ending in a hyphen), or one wide character. */
export function wrapChunks(line: string): string[] {
  const chunks: string[] = [];
  let cur = '';
  const push = (): void => {
    if (cur) chunks.push(cur);
    cur = '';
  };
  for (const c of line) {
    const last = cur ? [...cur].pop()! : '';
    if (isSpace(c)) {
      if (cur && !isSpace(last)) push();
      cur += c;
    } else if (NO_LINE_START.has(c) || (last && NO_LINE_END.has(last))) {
      // Glue to what precedes: 「、」 never starts a line and 「（」 never ends one.
      if (!cur && chunks.length) cur = chunks.pop()!;
      cur += c;
    } else if (isNarrow(c)) {
      if (cur && !isSpace(last) && !isNarrow(last)) push();
      // A long id may break after a hyphen inside it: "salesforce-" / "commerce-cloud" (not "--flag").
      else if (last === '-' && /[A-Za-z0-9]/.test(c) && /[A-Za-z0-9]-$/.test(cur) && !/^\s*-/.test(cur)) push();
      cur += c;
    } else {
      if (cur && !isSpace(cur)) push();
      cur += c;
    }
  }
  push();
  return chunks;
}

/** Wraps text to a display width, at spaces or between full-width characters. */
/** Cuts a chunk wider than the line into pieces that fit (a long URL or id). */
function hardSplit(chunk: string, width: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const c of chunk) {
    if (cur && stringWidth(cur + c) > width) {
      pieces.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/**
 * Wraps text to a display width, at spaces or between full-width characters. With `hard`, a
 * chunk wider than the width (a long id) is cut too, so that no line exceeds it.
 */
export function wrapText(text: string, width: number, opts: { hard?: boolean } = {}): string {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\n/)) {
    let chunks = wrapChunks(raw);
    if (opts.hard) chunks = chunks.flatMap((c) => (stringWidth(c.trimStart()) > width ? hardSplit(c, width) : [c]));
    if (!chunks.length) {
      out.push('');
      continue;
    }
    let line = chunks[0];
    let w = stringWidth(line);
    for (const chunk of chunks.slice(1)) {
      const cw = stringWidth(chunk);
      if (w + cw <= width) {
        line += chunk;
        w += cw;
        continue;
      }
      out.push(line.trimEnd());
      line = chunk.trimStart();
      w = stringWidth(line);
    }
    out.push(line);
  }
  return out.join('\n');
}
