// --start and --fail-on mean the same and are checked the same way on every command that takes
// them (src/cli/context.ts checkStart / checkFailOn): a bad value is a usage error (exit 2) with
// one message, before anything is loaded or written.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cli, ROOT } from '../git/cli.js';
import { requireBuild } from '../requirements.js';

const EXAMPLE = join(ROOT, 'examples', 'startup-no-hub.yaml');
const OUT = join(tmpdir(), 'mta-options-never-written');

describe('option values', () => {
  it('--fail-on bogus: exit 2, saying what is allowed, on analyze, report and diff', () => {
    requireBuild();
    const runs = [
      cli(['analyze', EXAMPLE, '--fail-on', 'bogus'], ROOT),
      cli(['report', EXAMPLE, '--out', OUT, '--no-render', '--fail-on', 'bogus'], ROOT),
      cli(['diff', 'HEAD', 'HEAD', '--fail-on', 'bogus'], ROOT),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/bogus/);
      expect(r.stderr).toMatch(/info, low, medium, high, critical, none/);
      expect(r.stderr, 'diff used to call it an unknown format').not.toMatch(/format/);
    }
  });

  it('--start 2027-13: exit 2 and the same message on analyze, report, diagram and export', () => {
    requireBuild();
    const runs = [
      cli(['analyze', EXAMPLE, '--start', '2027-13'], ROOT),
      cli(['report', EXAMPLE, '--out', OUT, '--no-render', '--start', '2027-13'], ROOT),
      cli(['diagram', EXAMPLE, '--kind', 'roadmap', '--start', '2027-13'], ROOT),
      cli(['export', EXAMPLE, '--out', join(OUT, 'x.xlsx'), '--start', '2027-13'], ROOT),
    ];
    const messages = runs.map((r) => {
      expect(r.code).toBe(2);
      return r.stderr.split('\n')[0];
    });
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toContain('2027-13');
  });
});
