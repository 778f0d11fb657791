// A pull-request comment never exceeds GitHub's 65,536 characters (issue #11, item 10): a diff
// that adds 600 tools made 73 k. The whole comment is capped, not only the rows of each list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST, TOOLS, TOUCHPOINTS, makeRepo, type TempRepo } from '../git/repo.js';
import { cli } from '../git/cli.js';
import { COMMENT_MARKER, fitComment, MAX_COMMENT } from '../../src/diff/render-markdown.js';
import { activeTranslator } from '../../src/i18n/index.js';

let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo();
  repo.write('audit/martech-audit.yaml', MANIFEST);
  repo.write('audit/tools.yaml', TOOLS);
  repo.write('audit/touchpoints.yaml', TOUCHPOINTS);
  repo.commit('first audit');
  const many = Array.from({ length: 600 }, (_, i) =>
    `  - { id: extra-${i}, name: "Extra marketing tool number ${i} with a rather long descriptive name", capabilities: [email-marketing], data: [contact-profile], cost: ${1000 + i} }`);
  repo.write('audit/more.yaml', `tools:\n${many.join('\n')}\n`);
});
afterAll(() => repo?.cleanup());

describe('diff --format markdown', () => {
  it('600 added tools: the comment fits, keeps its marker, closes its details and says what was left out', () => {
    const r = cli(['diff', 'HEAD', '--format', 'markdown'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(r.stdout.startsWith(COMMENT_MARKER)).toBe(true);
    expect(r.stdout).toContain('a pull-request comment holds at most 65,536 characters');
    expect(r.stdout.split('<details>').length).toBe(r.stdout.split('</details>').length);
    expect(r.stdout.trimEnd()).toMatch(/<\/sub>$/);
  });

  it('fitComment: any lines, any length, within the cap', () => {
    const lines = [COMMENT_MARKER, 'head', '<details>', '<summary>x</summary>', '', ...Array.from({ length: 500 }, (_, i) => `| row ${i} | ${'y'.repeat(i * 3)} |`), '</details>', ''];
    for (const max of [2_000, 10_000, 65_536]) {
      const out = fitComment(lines, 2, '<sub>footer</sub>', activeTranslator(), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.startsWith(COMMENT_MARKER)).toBe(true);
      expect(out).toContain('</details>');
      expect(out.trimEnd().endsWith('<sub>footer</sub>')).toBe(true);
    }
    // Short comments are untouched.
    expect(fitComment(['a', 'b'], undefined, 'f', activeTranslator())).toBe('a\nb\nf\n');
  });
});
