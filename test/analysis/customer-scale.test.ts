// The customer's side at scale (issue #15): the seven customer rules produce findings in proportion
// to the input. consent-not-synced once named, for every origin of consent, every sending tool the
// consent did not reach: origins × senders entities, 880 MB of findings on a generated 10,000-tool
// workspace, and `analyze --format json` died with "RangeError: Invalid string length".
// Counts only, never time: the same generator at two sizes, four times apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../src/api.js';
import type { AnalysisResult } from '../../src/analysis/analyze.js';
import { requireBuild, SLOW_TEST_TIMEOUT } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'martech-audit.js');
const CUSTOMER_RULES = ['persona-gap', 'consent-not-synced', 'restricted-data-flow', 'third-party-dependence',
  'freshness-gap', 'realtime-gap', 'personalization-opportunity', 'blind-personalization'];

const tmp = mkdtempSync(join(tmpdir(), 'martech-customer-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function generate(tools: number, customer: boolean): string {
  const out = join(tmp, `ws-${tools}${customer ? '-customer' : ''}`);
  const args = ['scripts/gen-workspace.mjs', '--tools', String(tools), '--touchpoints', String(tools / 2),
    '--integrations', String(tools * 2), '--out', out, ...(customer ? ['--customer'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

interface Size { findings: number; entities: number; maxEntities: number }
function sizes(r: AnalysisResult): Map<string, Size> {
  const m = new Map<string, Size>(CUSTOMER_RULES.map((id) => [id, { findings: 0, entities: 0, maxEntities: 0 }]));
  for (const f of r.findings) {
    const s = m.get(f.rule);
    if (!s) continue;
    s.findings++;
    s.entities += f.entities.length;
    s.maxEntities = Math.max(s.maxEntities, f.entities.length);
  }
  return m;
}

describe('the customer rules on generated workspaces (500 and 2,000 tools, with the customer\'s side)', () => {
  let small: Map<string, Size>;
  let large: Map<string, Size>;
  let largeResult: AnalysisResult;
  beforeAll(async () => {
    small = sizes(await audit(generate(500, true), { lang: 'en', now: '2026-12' }));
    largeResult = await audit(generate(2000, true), { lang: 'en', now: '2026-12' });
    large = sizes(largeResult);
  }, SLOW_TEST_TIMEOUT);

  it('the generator makes each customer rule fire (or the test would prove nothing)', () => {
    for (const id of ['persona-gap', 'consent-not-synced', 'restricted-data-flow', 'freshness-gap', 'realtime-gap', 'blind-personalization']) {
      expect(large.get(id)!.findings, id).toBeGreaterThan(0);
    }
  });

  it('findings and the entities they name grow with the input, not with its square', () => {
    for (const id of CUSTOMER_RULES) {
      const s = small.get(id)!;
      const l = large.get(id)!;
      // Four times the input: at most about four times the findings and entities (slack for the
      // random draw), where a pairwise rule grows sixteenfold.
      expect(l.findings, `${id} findings ${s.findings} -> ${l.findings}`).toBeLessThanOrEqual(6 * Math.max(s.findings, 5));
      expect(l.entities, `${id} entities ${s.entities} -> ${l.entities}`).toBeLessThanOrEqual(6 * Math.max(s.entities, 20));
    }
  });

  it('no customer finding names more than a bounded number of entities', () => {
    for (const id of CUSTOMER_RULES) expect(large.get(id)!.maxEntities, id).toBeLessThanOrEqual(24);
  });

  it('consent-not-synced keeps its id per origin and counts every sender it does not reach', () => {
    const consent = largeResult.findings.filter((f) => f.rule === 'consent-not-synced');
    const capped = consent.filter((f) => (f.details as { sendersMissed: number }).sendersMissed > 10);
    expect(capped.length).toBeGreaterThan(0);
    for (const f of capped) {
      const d = f.details as { tool: string; senders: string[]; sendersMissed: number };
      expect(f.id).toBe(`consent-not-synced:${d.tool}`);
      expect(d.senders).toHaveLength(10);
      expect(d.senders).toEqual([...d.senders].sort());
      // The message names a few and says how many more.
      expect(f.message).toMatch(/\d+ more/);
    }
  });
});

describe('analyze --format json on a 10,000-tool workspace whose tools hold consent data', () => {
  beforeAll(requireBuild);
  it('prints the JSON, no stack trace (exit 0 or 1)', () => {
    const ws = generate(10000, false);
    const r = spawnSync(process.execPath, [BIN, 'analyze', ws, '--format', 'json', '--lang', 'en'], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SLOW_TEST_TIMEOUT, maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
    expect([0, 1], r.stderr).toContain(r.status);
    const j = JSON.parse(r.stdout) as AnalysisResult;
    expect(j.summary.tools).toBe(10000);
    expect(j.findings.filter((f) => f.rule === 'consent-not-synced').length).toBeGreaterThan(0);
  }, SLOW_TEST_TIMEOUT);
});
