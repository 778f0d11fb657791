// Everything user-written that goes into Mermaid text passes through here. Rules (checked against
// Mermaid 11 in Chromium and under jsdom, see test/diagrams/escape.test.ts):
//
// - User text is never an id: node ids are generated (n1, n2, ...) by `IdGen`.
// - Every flowchart label is quoted, and the characters Mermaid or HTML would read are written as
//   Mermaid entity codes: `"` -> #quot;  `#` -> #35;  `<` -> #lt;  `>` -> #gt;  `&` -> #amp;
//   `` ` `` -> #96;  `%` -> #37; (a raw `>` is eaten by Mermaid's sanitiser, a raw `"` ends the
//   label, a backtick next to the quote starts a Markdown string, and `%%` starts a comment or,
//   as `%%{init: ...}%%`, a directive that reconfigures the diagram, even inside quotes).
// - Gantt and quadrant text is not quoted: there `:`, `;` and `%` are encoded too.
// - Control characters and line breaks become spaces; very long text is shortened with "…" at a
//   grapheme boundary, so an emoji or a combining mark is never cut in half.
// - The private-use characters the renderer uses as placeholders (U+E000..U+E00F) never reach it.
//
// Mermaid decodes entity codes differently per diagram type: with plain-text SVG labels
// (`htmlLabels: false`, what we render for slides and PDF) a flowchart shows `#quot;` as the text
// "&quot;". The renderer therefore swaps `#quot;`, `#35;` and `#96;` inside flowchart labels for
// placeholders before rendering and puts the real characters back into the SVG
// (`toRenderSource` / `restorePlaceholders`). The Mermaid text we write (.mmd, Markdown) keeps the
// standard entity codes, which GitHub, GitLab and mermaid.live display correctly.

/** Longest label (in graphemes) before it is shortened with an ellipsis. */
export const MAX_LABEL = 80;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// C0/C1 controls, line and paragraph separators, BOM, bidi overrides/isolates (they would reorder
// the text around them), and our placeholder range.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]/g;
const PLACEHOLDER_RANGE = /[\ue000-\ue00f]/g;

/** Plain, one-line, bounded text: the first step for every label. */
export function plainText(text: string | undefined | null, max = MAX_LABEL): string {
  if (text === undefined || text === null) return '';
  let s = String(text).replace(UNSAFE, ' ').replace(PLACEHOLDER_RANGE, '\ufffd').replace(/\s+/g, ' ').trim();
  if (s.length > max) {
    const parts: string[] = [];
    for (const { segment } of segmenter.segment(s)) {
      parts.push(segment);
      if (parts.length > max) break;
    }
    if (parts.length > max) s = `${parts.slice(0, max - 1).join('').trimEnd()}…`;
  }
  return s;
}

const FLOW_ENTITIES: Record<string, string> = { '"': '#quot;', '#': '#35;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;', '%': '#37;' };
const TEXT_ENTITIES: Record<string, string> = { '"': '#quot;', '#': '#35;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;', ':': '#58;', ';': '#59;', '%': '#37;' };

/** Escapes already-plain text for the inside of a quoted flowchart label. */
export function escapeLabelText(text: string): string {
  return text.replace(/["#<>&`%]/g, (c) => FLOW_ENTITIES[c]);
}

/**
 * A quoted flowchart label (node, edge or subgraph title). Several lines are joined with
 * `<br/>`, the one piece of markup we write ourselves; user text can never produce it because
 * its `<` is escaped.
 */
export function label(...lines: (string | undefined)[]): string {
  const parts = lines.map((l) => escapeLabelText(plainText(l))).filter((l) => l !== '');
  // Mermaid does not accept an empty quoted label.
  return `"${parts.join('<br/>') || ' '}"`;
}

/** A label line that may be longer than MAX_LABEL (for our own composed texts). */
export function labelWithMax(max: number, ...lines: (string | undefined)[]): string {
  const parts = lines.map((l) => escapeLabelText(plainText(l, max))).filter((l) => l !== '');
  return `"${parts.join('<br/>') || ' '}"`;
}

/**
 * Unquoted text for gantt section and task names: also `:` (ends a task name), `;` (ends a
 * statement), `%` (`%%` starts a comment) and `` ` `` (starts a Markdown string) are encoded.
 */
export function text(value: string | undefined, max = MAX_LABEL): string {
  const s = plainText(value, max);
  let out = s.replace(/["#<>&`:;%]/g, (c) => TEXT_ENTITIES[c]);
  // A gantt line that starts with a keyword ("call", "click", "title", a date, ...) is read as
  // that statement: encode the first character (entity codes are decoded after parsing).
  if (GANTT_KEYWORD.test(out)) out = `#${out.codePointAt(0)};${out.slice(String.fromCodePoint(out.codePointAt(0)!).length)}`;
  // An empty name would break the line's grammar.
  return out === '' ? '-' : out;
}

const GANTT_KEYWORD = /^(acc|href|call|click|gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|\d{4}-\d\d-\d\d)/i;

/**
 * Quoted text for quadrant charts (point names, axis and quadrant labels): that grammar reads
 * unquoted text token by token and rejects many characters, but accepts any quoted string.
 */
export function pointName(value: string | undefined, max = 40): string {
  return `"${text(value, max)}"`;
}

/** Generates Mermaid ids: never user text. `next()` gives n1, n2, ...; `for(key)` is stable per key. */
export class IdGen {
  private n = 0;
  private readonly byKey = new Map<string, string>();
  constructor(private readonly prefix = 'n') {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${this.n}`;
  }
  for(key: string): string {
    let id = this.byKey.get(key);
    if (!id) {
      id = this.next();
      this.byKey.set(key, id);
    }
    return id;
  }
  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

// ---- rendering with plain-text SVG labels ------------------------------------------------------

/** Placeholders for the characters Mermaid's SVG-text labels cannot show from entity codes. */
export const PLACEHOLDER = { quot: '\ue000', hash: '\ue001', backtick: '\ue002', percent: '\ue006' } as const;

/**
 * The Mermaid text as the renderer feeds it to Mermaid with `htmlLabels: false`: inside quoted
 * flowchart labels `#quot;` and `#35;` become placeholders (which Mermaid leaves alone). Other
 * diagram types decode entity codes themselves.
 */
export function toRenderSource(source: string): string {
  if (!/^\s*(flowchart|graph)\b/m.test(stripFrontmatter(source))) return source;
  return source.replace(/"[^"\n]*"/g, (q) => q.replace(/#quot;/g, PLACEHOLDER.quot).replace(/#35;/g, PLACEHOLDER.hash)
    .replace(/#96;/g, PLACEHOLDER.backtick).replace(/#37;/g, PLACEHOLDER.percent));
}

/** Puts the real characters back into a rendered SVG (valid in text and in attribute values). */
export function restorePlaceholders(svg: string): string {
  return svg.replace(/\ue000/g, '&#34;').replace(/\ue001/g, '#').replace(/\ue002/g, '`').replace(/\ue006/g, '%');
}

function stripFrontmatter(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Decodes the entity codes we write (for renderers that do not know them, and for tests). */
export function decodeEntities(value: string): string {
  return value.replace(/#(quot|lt|gt|amp|\d+);/g, (_m, name: string) => {
    switch (name) {
      case 'quot': return '"';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      default: return String.fromCodePoint(Number(name));
    }
  });
}
