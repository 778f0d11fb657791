// Compiler-style diagnostics (cli/output.ts).
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/cli/output.js';

describe('excerpt', () => {
  it('shows the line and a caret', () => {
    expect(excerpt('a: 1\nb: x\n', 2, 4)).toContain('> 2 | b: x');
  });

  it('stays fast for thousands of diagnostics in one large file', () => {
    // QA: validate of a 10,000-tool workspace with 10,000 errors took 80 s, splitting the 1.3 MB
    // file into lines again for every excerpt.
    const source = Array.from({ length: 40_000 }, (_, i) => `  - { from: tool-${i}, to: tool-${i + 1}, mode: batch }`).join('\n');
    const start = Date.now();
    let out = '';
    for (let i = 0; i < 5000; i++) out = excerpt(source, 1 + i * 7, 5);
    expect(out).toContain('tool-34993');
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
