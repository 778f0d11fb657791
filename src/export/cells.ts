// What a text cell of an exported spreadsheet may hold, and how `import` reads it back.
//
// A name, note or value comes from workspace YAML that a pull request can change. Written raw
// into a CSV file, a cell starting with `=`, `+`, `-` or `@` (or a TAB or CR before one) is taken
// as a formula by Excel, LibreOffice and Google Sheets when the client opens the file ("CSV
// injection", OWASP): `=HYPERLINK(...)`, `=WEBSERVICE(...)` or DDE payloads run in the client's
// spreadsheet. The OWASP remedy: a single quote in front, which spreadsheets show as text.
// Numbers the exporter types as numbers (costs, seats, phases: a negative amount is a number,
// not text) are never quoted; only text is.
//
// XLSX text cells are stored as strings (`t="s"`), never as formulas, so they need no quote. They
// get one only in the one case that would otherwise be ambiguous on import: text that already
// starts with quotes before such a character (`'=x` is written `''=x`).
//
// Control characters (ESC, NUL, a lone CR, bidi overrides) are written as `\uXXXX`, as every other
// output of the product does (util/sanitize.ts): exceljs would silently drop some of them and a
// terminal or a viewer would act on the others. Inside the JSON of the Workspace sheet this escape
// is the same character, so those values stay exact.
import { sanitizeText } from '../util/sanitize.js';

/** Text a spreadsheet would evaluate: a formula trigger, after any quotes already there. */
const TRIGGER = /^'*[=+\-@\t\r]/;
/** What `import` undoes: one quote in front of the above. */
const QUOTED = /^'+[=+\-@\t\r]/;

/** A text cell for a CSV file: cleaned, and quoted when a spreadsheet would take it as a formula. */
export function csvTextCell(s: string): string {
  const clean = sanitizeText(s);
  return TRIGGER.test(clean) ? `'${clean}` : clean;
}

/** A text cell for an XLSX file (stored as text): cleaned; quoted only when it already starts with a quote before a trigger. */
export function xlsxTextCell(s: string): string {
  const clean = sanitizeText(s);
  return QUOTED.test(clean) ? `'${clean}` : clean;
}

/** A cell as `import` reads it: a quote written to neutralise a formula (by `export`, or by hand) is removed. */
export function unquoteCell<T>(v: T): T | string {
  return typeof v === 'string' && QUOTED.test(v) ? v.slice(1) : v;
}
