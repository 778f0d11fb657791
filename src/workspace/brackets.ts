// One YAML slip, one error: finds the bracket or quote a broken file leaves open, so that
// `data: [unclosed` is reported once, where it was opened, instead of as the dozen follow-on
// errors a YAML parser gives for the lines after it. Called only when the parser has already
// rejected the file, so a guess here never turns a valid file into an error.

export interface OpenSlip {
  kind: 'unclosed' | 'mismatched';
  /** The character left open ([, {, " or '). */
  open: string;
  /** Where it was opened (1-based). */
  line: number;
  column: number;
  /** For a mismatched closer: the closer found and where. */
  found?: { char: string; line: number; column: number };
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

interface Opener { char: string; line: number; column: number; indent: number }

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const blankOrComment = (line: string): boolean => /^\s*(#.*)?$/.test(line);

/**
 * Where, in a block-style line, its value starts (after the indentation, any "- " and a
 * "key:"), or -1 when the line has no value to look at.
 */
function valueStart(line: string): number {
  let i = /^\s*(?:-(?:\s+|$))*/.exec(line)![0].length;
  const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'[\]{},][^#]*?)\s*:(?:\s+|$)/.exec(line.slice(i));
  if (key) i += key[0].length;
  return i < line.length ? i : -1;
}

/** The first bracket or quote the text leaves open, or a closer that does not match its opener. */
export function findOpenSlip(text: string): OpenSlip | undefined {
  const lines = text.split(/\r?\n/);
  const stack: Opener[] = [];
  let quote: Opener | undefined;
  let blockScalarIndent = -1; // inside `key: |` text: lines indented more than this are text

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const indent = indentOf(line);
    if (blockScalarIndent >= 0) {
      if (blankOrComment(line) && !line.trim().startsWith('#')) continue;
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    // A new block line at or left of the line that opened a bracket or quote: it was never closed.
    const open = quote ?? stack[0];
    if (open && n + 1 > open.line && indent <= open.indent && /^\s*(-(\s|$)|[^\s#"'[\]{},][^#]*?:(\s|$))/.test(line)) {
      return { kind: 'unclosed', open: open.char, line: open.line, column: open.column };
    }
    let i = 0;
    if (!quote && !stack.length) {
      i = valueStart(line);
      if (i < 0) continue;
      const c = line[i];
      if (c === '|' || c === '>') {
        blockScalarIndent = indent;
        continue;
      }
      if (c !== '[' && c !== '{' && c !== '"' && c !== "'") continue;
    }
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (quote.char === '"' && c === '\\') { i++; continue; }
        if (c === quote.char) {
          if (quote.char === "'" && line[i + 1] === "'") { i++; continue; }
          quote = undefined;
          if (!stack.length) break; // a quoted block value ends the line's interest
        }
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      const here = { line: n + 1, column: i + 1, indent: stack[0]?.indent ?? indent };
      if (c === '"' || c === "'") {
        // Inside a flow collection a quote starts a value only after [ { , : or a space.
        if (stack.length && i > 0 && !/[\s[{,:]/.test(line[i - 1]!)) continue;
        quote = { char: c, ...here };
      } else if (c === '[' || c === '{') {
        stack.push({ char: c, ...here });
      } else if (c === ']' || c === '}') {
        const top = stack.pop();
        if (!top) break;
        if (CLOSER[top.char] !== c) return { kind: 'mismatched', open: top.char, line: top.line, column: top.column, found: { char: c, line: n + 1, column: i + 1 } };
        if (!stack.length) break;
      }
    }
  }
  const open = quote ?? stack[0];
  return open ? { kind: 'unclosed', open: open.char, line: open.line, column: open.column } : undefined;
}
