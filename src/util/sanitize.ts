// One place that makes text from a workspace safe to show. Names, notes and values come from YAML
// a pull request can change; printed raw, a control character retitles or clears a terminal
// (ESC ] 0; ... BEL, ESC [2J), a newline starts a GitHub workflow command (`::add-mask::`,
// `::error`), a NUL makes git treat report.md as binary, and a bidi override shows text in an
// order other than the one stored ("Trojan Source").
//
// Every character that is not legitimate in the output is written as the JSON escape `\uXXXX`:
// visible to a reader, unambiguous, and, inside a JSON string literal, the very same character
// (so audit.json and the data embedded in report.html stay exact while carrying no raw control).
// Used by the terminal writer (cli/output.ts), the GitHub annotations (report/github.ts), the
// Markdown, HTML, JSON and SARIF files and the diagram files.

/**
 * C0 controls except TAB and LF, DEL, C1 controls, the bidi embeddings/overrides/isolates and
 * marks that reorder text (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the Unicode
 * line/paragraph separators (U+2028, U+2029).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Same, and TAB and LF too: for text that must stay on one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string): string => {
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
};

/** True when `s` holds a character sanitizeText would escape. */
export function hasUnsafeChars(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
}

/** Multi-line text (a document, a terminal block): every unsafe character escaped; LF and TAB kept. */
export function sanitizeText(s: string): string {
  // Nearly all text is clean: one scan that allocates nothing, instead of two replace passes
  // (a 60 MB audit.json on stdout spent more time here than in JSON.stringify). CR is in UNSAFE.
  if (!hasUnsafeChars(s)) return s;
  // CRLF is an ordinary line end; a lone CR (which would overwrite the line shown) is escaped.
  return s.replace(/\r\n/g, '\n').replace(UNSAFE, escapeChar);
}

/** One line (a message, a label, a file name): LF and TAB escaped as well. */
export function sanitizeLine(s: string): string {
  UNSAFE_LINE.lastIndex = 0;
  if (!UNSAFE_LINE.test(s)) return s;
  return s.replace(UNSAFE_LINE, escapeChar);
}

// Select Graphic Rendition (colours, bold): what chalk writes, and all it writes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SGR = /\u001b\[[0-9;]*m/g;

export interface TerminalOptions {
  /** Keep colour sequences (SGR only: ESC [ digits m). Default false. */
  keepColor?: boolean;
  /** Lines that are GitHub workflow commands on purpose (analyze --format github). Default false. */
  workflowCommands?: boolean;
}

/**
 * What reaches a terminal or a CI log. Besides the characters above, a line that would start a
 * GitHub Actions workflow command (`::name ...::` or the older `##[name]`, after leading spaces,
 * as the runner trims them) gets a backslash in front, so that only the github format's own
 * lines are commands.
 */
export function sanitizeTerminal(text: string, opts: TerminalOptions = {}): string {
  let out: string;
  if (opts.keepColor) {
    const parts: string[] = [];
    let last = 0;
    SGR.lastIndex = 0;
    for (let m = SGR.exec(text); m; m = SGR.exec(text)) {
      parts.push(sanitizeText(text.slice(last, m.index)), m[0]);
      last = m.index + m[0].length;
    }
    parts.push(sanitizeText(text.slice(last)));
    out = parts.join('');
  } else {
    out = sanitizeText(text);
  }
  if (opts.workflowCommands) return out;
  return neutralizeWorkflowCommands(out);
}

/** A line whose text (colour codes and leading blanks aside) starts with `::` or `##[` gets a backslash. */
export function neutralizeWorkflowCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text.split('\n').map((line) => {
    const plain = line.replace(SGR, '');
    const lead = /^\s*/.exec(plain)![0].length;
    if (!plain.startsWith('::', lead) && !plain.startsWith('##[', lead)) return line;
    // Insert before the first visible character (after any colour codes and blanks).
    let seen = 0;
    for (let i = 0; i < line.length;) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      const m = line[i] === '\u001b' ? /^\u001b\[[0-9;]*m/.exec(line.slice(i)) : null;
      if (m) {
        i += m[0].length;
        continue;
      }
      if (seen === lead) return `${line.slice(0, i)}\\${line.slice(i)}`;
      seen++;
      i++;
    }
    return `\\${line}`;
  }).join('\n');
}

/**
 * The same for markup (HTML, SVG, XML): the first character of a line that would start a
 * workflow command is written as a character reference (`&#58;`, `&#35;`), which every HTML and
 * XML reader shows as the same text, so the file shows what it did while `cat report.html` in a
 * CI step cannot run a command.
 */
export function neutralizeMarkupCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text.replace(/^([^\S\n]*)(::|##\[)/gm, (_m, lead: string, cmd: string) => `${lead}${cmd[0] === ':' ? '&#58;' : '&#35;'}${cmd.slice(1)}`);
}

/** How a written file is cleaned: plain text and Markdown, markup, or the github format's own commands. */
export type FileKind = 'text' | 'markup' | 'commands';

/** The kind of a file by its name: .html, .htm, .svg, .xml are markup; anything else text. */
export function fileKindOf(path: string): FileKind {
  return /\.(html?|svg|xml)$/i.test(path) ? 'markup' : 'text';
}

/**
 * A file the tool writes: no raw control or bidi character (sanitizeText) and, as on the terminal,
 * no line that a CI step printing the file (`cat audit.txt`) would run as a workflow command.
 * A backslash in front of `::` shows in text and disappears in Markdown (an escaped colon).
 */
export function sanitizeFile(text: string, kind: FileKind): string {
  const clean = sanitizeText(text);
  if (kind === 'commands') return clean;
  return kind === 'markup' ? neutralizeMarkupCommands(clean) : neutralizeWorkflowCommands(clean);
}

/**
 * Serialised JSON with no raw control or bidi character: the ones JSON.stringify leaves raw (C1,
 * bidi, U+2028/2029) become `\uXXXX` escapes, which JSON reads back as the same characters.
 * (Raw characters can only occur inside string literals, so this never changes the data.)
 */
export function sanitizeJson(json: string): string {
  return json.replace(UNSAFE, escapeChar);
}

const CLEAN = Symbol('martech-audit.clean');

/**
 * Marks text chunks that are already as sanitizeTerminal and sanitizeFile (any kind) would leave
 * them, so that the writers hand them on unscanned: the JSON layout's safe mode
 * (util/json-layout.ts), whose strings carry their unsafe characters as `\uXXXX` escapes and whose
 * lines cannot start a workflow command. Only a writer that guarantees this may mark its text.
 */
export function cleanChunks<T extends Iterable<string | Uint8Array>>(chunks: T): T {
  return Object.assign(chunks, { [CLEAN]: true });
}

/** Whether the chunks were marked by cleanChunks. */
export function isClean(chunks: Iterable<string | Uint8Array>): boolean {
  return (chunks as { [CLEAN]?: boolean })[CLEAN] === true;
}

/**
 * The part of a long source line an excerpt shows: at most `max` characters around `column`
 * (1-based), with "…" where it was cut. Returns the raw text and the column inside it.
 */
export function clipLine(line: string, column: number, max = 160): { text: string; column: number } {
  if (line.length <= max) return { text: line, column };
  const start = Math.max(0, Math.min(column - 1 - Math.floor(max / 3), line.length - max));
  const head = start > 0 ? '…' : '';
  const tail = start + max < line.length ? '…' : '';
  return { text: head + line.slice(start, start + max) + tail, column: column - start + head.length };
}
