// A problem found in the input. Lines and columns are 1-based here (what people and editors
// read); offsets inside the YAML layer stay 0-based.

import type { SourceLocation } from '../model/location.js';
import type { Worded } from '../i18n/index.js';
import { compareText } from '../util/collate.js';

export type { SourceLocation };

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;               // stable machine id, e.g. unknown-key, unresolved-reference
  message: string;            // translated, plain words
  messageId?: string;         // the message's id, the same in every language (build.unknown-tool, ...)
  data?: Readonly<Record<string, string | number>>; // what the message was worded from
  location: SourceLocation;
  suggestion?: string;        // translated, e.g. did you mean "salesforce-crm"?
  related?: { location: SourceLocation; message: string }[];
  excerpt?: string;           // a few lines of source with a caret, for terminals
}

/** A diagnostic from a worded message: its words, and its id and data beside them. */
export function diagnostic(
  severity: Diagnostic['severity'], code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded,
  related?: Diagnostic['related'],
): Diagnostic {
  const d: Diagnostic = { severity, code, location, message: String(message) };
  if (typeof message === 'object') {
    d.messageId = message.messageId;
    d.data = message.data;
  }
  if (suggestion !== undefined) d.suggestion = String(suggestion);
  if (related !== undefined) d.related = related;
  return d;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compareText(a.code, b.code),
  );
}

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
