// A problem found in the input. Lines and columns are 1-based here (what people and editors
// read); offsets inside the YAML layer stay 0-based.

import type { SourceLocation } from '../model/location.js';

export type { SourceLocation };

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;               // stable machine id, e.g. unknown-key, unresolved-reference
  message: string;            // translated, plain words
  location: SourceLocation;
  suggestion?: string;        // translated, e.g. did you mean "salesforce-crm"?
  related?: { location: SourceLocation; message: string }[];
  excerpt?: string;           // a few lines of source with a caret, for terminals
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      a.code.localeCompare(b.code),
  );
}

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
