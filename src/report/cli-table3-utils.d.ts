// cli-table3's own measuring and colour helpers (src/report/text-layout.ts draws its tables with
// them, so that its output is cli-table3's to the byte). cli-table3 is pinned (package.json).
declare module 'cli-table3/src/utils.js' {
  const utils: {
    /** The widest line's display width, colour codes left out (string-width 4). */
    strlen(text: string): number;
    /** Each line closes the colours it opened and reopens those left open by the line above. */
    colorizeLines(lines: string[]): string[];
  };
  export default utils;
}
