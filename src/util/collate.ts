// The order of text shown sorted (workspace files, diagnostics): String.prototype.localeCompare's,
// without its start-up cost. The first localeCompare of a process loads ICU's collation data:
// ~8 ms of CPU and often 20 ms or more of wall time, a sixth of `validate` on a folder workspace
// (issue 18). For printable ASCII, under the locales whose order of it is ICU's root order (en,
// ja, and the root locale Node falls back to), the same order comes from a table: punctuation and
// symbols, then digits, then letters without regard to case, and on a tie lowercase first.
// Anything else (other characters, other locales: Danish sorts "aa" as "å", Turkish has a dotless
// i) is compared by localeCompare itself. test/util/collate.test.ts checks the two agree.
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

/** Primary weight of each printable ASCII character (0: not printable ASCII). */
const PRIMARY = new Uint8Array(128);
let rank = 0;
for (const ch of ROOT_ORDER) {
  const code = ch.charCodeAt(0);
  PRIMARY[code] = ch >= 'A' && ch <= 'Z' ? PRIMARY[code + 32] : ++rank;
}

let rootOrder: boolean | undefined;
/** The default locale sorts ASCII in the root order (its name costs no collation data). */
function localeSortsAsciiAsRoot(): boolean {
  return (rootOrder ??= /^(und|en|ja)(-|$)/.test(new Intl.PluralRules().resolvedOptions().locale));
}

function printableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (PRIMARY[s.charCodeAt(i)] === undefined || PRIMARY[s.charCodeAt(i)] === 0) return false;
  return true;
}

/** a.localeCompare(b) (-1, 0 or 1). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!printableAscii(a) || !printableAscii(b) || !localeSortsAsciiAsRoot()) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(i)];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Equal but for case: the first lowercase letter facing an uppercase one sorts first.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}
