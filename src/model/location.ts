// Where something was written: what findings and diagnostics point at.
// Lines and columns are 1-based (what people and editors read).
export interface SourceLocation {
  file: string;        // as displayed: relative to the current directory when below it
  line: number;        // 1-based
  column: number;      // 1-based
  endLine?: number;
  endColumn?: number;
}
