// A very large stack's roadmap is a set of programmes, not one initiative per tool (issue #18,
// found on the generated 10,000-tool workspace: ~9,800 initiatives in 4,500 waves running to the
// year 2445). Beyond MANY_OF_A_KIND same-kind initiatives, redundant tools are retired per
// capability ("retire the N redundant live-chat tools, keep X") and connections, manual transfers
// and the like are grouped per owning department, so that the roadmap ends within a few years.
// Counts and months only, never time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../src/api.js';
import type { AnalysisResult } from '../../src/analysis/analyze.js';
import { MANY_OF_A_KIND } from '../../src/analysis/roadmap/size.js';
import { monthIndex } from '../../src/analysis/roadmap/index.js';
import { SLOW_TEST_TIMEOUT } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'martech-programmes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function generate(tools: number): string {
  const out = join(tmp, `ws-${tools}`);
  const args = ['scripts/gen-workspace.mjs', '--tools', String(tools), '--touchpoints', String(tools / 2),
    '--integrations', String(tools * 2), '--out', out, '--customer'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

describe('the roadmap of a 1,000-tool stack is grouped into programmes', () => {
  let r: AnalysisResult;
  let ja: AnalysisResult;
  beforeAll(async () => {
    const ws = generate(1000);
    r = await audit(ws, { lang: 'en', start: '2027-01' });
    ja = await audit(ws, { lang: 'ja', start: '2027-01' });
  }, SLOW_TEST_TIMEOUT);

  const redundant = () => new Set(r.findings.filter((f) => f.rule === 'redundant-tool').map((f) => f.id.slice('redundant-tool:'.length)));

  it('the generator makes many redundant tools (or the test would prove nothing)', () => {
    expect(redundant().size).toBeGreaterThan(10 * MANY_OF_A_KIND);
  });

  it('retires redundant tools per capability: one initiative drops many, names its keepers and counts what it drops', () => {
    const groups = r.roadmap.initiatives.filter((i) => i.id.startsWith('retirements-'));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.kind).toBe('retire');
      expect(g.drop.length).toBeGreaterThan(1);
      expect(g.keep.length).toBeGreaterThan(0);
      for (const t of g.keep) expect(g.drop).not.toContain(t);
      expect(g.title).toMatch(new RegExp(`^Retire the ${g.drop.length} redundant .+ tools and keep `));
    }
    // What stays one retirement per tool is a handful, not hundreds.
    const single = r.roadmap.initiatives.filter((i) => i.id.startsWith('retire-') && i.drop.length === 1
      && i.addresses.includes(`redundant-tool:${i.drop[0]}`));
    expect(single.length).toBeLessThanOrEqual(MANY_OF_A_KIND * 2);
  });

  it('every redundant tool is still dropped, and every dropped tool by exactly one initiative', () => {
    const droppedBy = new Map<string, string[]>();
    for (const i of r.roadmap.initiatives) for (const t of i.drop) droppedBy.set(t, [...(droppedBy.get(t) ?? []), i.id]);
    for (const t of redundant()) expect(droppedBy.get(t), t).toHaveLength(1);
    for (const [t, by] of droppedBy) expect(by, t).toHaveLength(1);
    // Each answered finding is answered once.
    const answered = r.roadmap.initiatives.flatMap((i) => i.addresses.filter((a) => a.startsWith('redundant-tool:')));
    expect(new Set(answered).size).toBe(answered.length);
  });

  it('ends within five years, in waves of at most five initiatives started together', () => {
    const list = r.roadmap.initiatives;
    expect(list.length).toBeLessThan(150);
    const last = Math.max(...list.map((i) => monthIndex(i.end as string)));
    expect(last - monthIndex('2027-01')).toBeLessThan(60);
    for (const kind of ['connect-', 'replace-manual-', 'freshen-', 'feed-', 'stop-restricted-', 'realtime-']) {
      expect(list.filter((i) => i.id.startsWith(kind) && i.source === 'generated').length, kind).toBeLessThanOrEqual(MANY_OF_A_KIND);
    }
  });

  it('the grouped titles have their Japanese text', () => {
    const g = ja.roadmap.initiatives.find((i) => i.id.startsWith('retirements-'))!;
    expect(g.title).toMatch(/^重複している.+のツール ?\d+ ?件を廃止し、/);
  });
});
