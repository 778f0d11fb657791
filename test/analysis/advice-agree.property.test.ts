// (r2) "A recommendation never contradicts another finding's" and the roadmap does what the
// findings say, over generated workspaces (fast-check), the examples and the realistic fixtures:
// - a consent initiative reaches every hub and sender its finding says the opt-outs miss (unless
//   the roadmap phases that tool out);
// - no recommendation advises connecting a file tool (a spreadsheet, a team chat): rules.md says
//   its data moves into a system, which is what manual-integration and the roadmap say;
// - the executive summary's problems heading counts what it lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../src/analysis/analyze.js';
import { isFindingOf } from '../../src/analysis/rules/index.js';
import { isFileTool } from '../../src/analysis/capabilities.js';
import { translator } from '../../src/i18n/index.js';
import type { Workspace } from '../../src/model/model.js';
import { buildSummary } from '../../src/report/summary.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { exampleAndRealisticWorkspaces, linkArb, toolArb, touchpointArb, yamlOf } from './generated.js';
import { tool, workspace } from './helpers.js';

const TODAY = '2027-01';
const en = await translator('en');
const ja = await translator('ja');

function expectAdviceAgrees(label: string, ws: Workspace, result: AnalysisResult): void {
  const initiatives = result.roadmap.initiatives;
  const drop = new Set(initiatives.flatMap((i) => i.drop));
  const retiring = (id: string) => ['retiring', 'retired'].includes(ws.index.toolById.get(id)?.status ?? '');
  for (const f of result.findings) {
    if (!isFindingOf(f, 'consent-not-synced')) continue;
    const answer = initiatives.find((i) => i.addresses.includes(f.id));
    if (!answer) continue;
    for (const target of [...f.details.hubs, ...f.details.senders]) {
      if (drop.has(target) || retiring(target)) continue;
      expect(answer.tools, `${label}: ${answer.id} leaves out ${target}, which ${f.id} says the consent misses`).toContain(target);
    }
  }
  // The English advice (every run here is in English): "Connect <tools> to <hub>".
  const literal = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const t of ws.tools.filter(isFileTool)) {
    const connects = new RegExp(`(^|\\. )(Once a customer hub is chosen, )?[Cc]onnect [^.]*(?<![\\w-])${literal(t.name)}(?![\\w-])[^.]* to `);
    for (const f of result.findings) expect(connects.test(f.recommendation ?? ''), `${label}: ${f.id} advises connecting the file tool ${t.id}: ${f.recommendation}`).toBe(false);
  }
}

function expectHeadingCounts(label: string, ws: Workspace, result: AnalysisResult): void {
  for (const tr of [en, ja]) {
    const s = buildSummary(ws, result, tr);
    const n = s.problems.length;
    if (tr.lang === 'en') expect(s.problemsTitle, label).toBe(['The problems that matter most', 'The problem that matters most', 'The two problems that matter most', 'The three problems that matter most'][Math.min(n, 3)]);
    else expect(s.problemsTitle, label).toBe(['重要な課題', '最も重要な課題', '最も重要な2つの課題', '最も重要な3つの課題'][Math.min(n, 3)]);
  }
}

describe('advice agrees with advice (r2)', () => {
  it('property: on every generated workspace', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 14 }), fc.array(touchpointArb, { maxLength: 5 }),
      (tools, links, tps) => {
        const yaml = yamlOf(tools, links, tps);
        const ws = workspace(yaml);
        const result = analyze(ws, { path: 'test.yaml', start: TODAY, now: TODAY, tr: en });
        expectAdviceAgrees(yaml, ws, result);
        expectHeadingCounts(yaml, ws, result);
      },
    ), { numRuns: 120 });
  });

  it('holds for every example and realistic workspace', () => {
    let checked = 0;
    for (const e of exampleAndRealisticWorkspaces()) {
      const loaded = loadWorkspace(e.path);
      // Every bundled workspace loads: one that stopped loading fails here rather than being passed over.
      expect(loaded.diagnostics.filter((d) => d.severity === 'error'), e.name).toEqual([]);
      if (!loaded.workspace) throw new Error(`${e.name} did not load`);
      const result = analyze(loaded.workspace, { path: e.name, now: TODAY, tr: en });
      expectAdviceAgrees(e.name, loaded.workspace, result);
      expectHeadingCounts(e.name, loaded.workspace, result);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('consent missed by two hubs: the initiative synchronises it to both (maison-velin named Klaviyo, not Shopify Plus)', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('shop', { capabilities: ['e-commerce'], hub: true, data: ['contact-profile', 'orders'] })}
${tool('esp', { capabilities: ['email-marketing'], hub: true, data: ['contact-profile', 'email-engagement'] })}
${tool('loyalty', { capabilities: ['loyalty'], data: ['contact-profile', 'consent'] })}
integrations:
  - { from: loyalty, to: shop, data: [contact-profile] }
  - { from: shop, to: esp, data: [contact-profile, orders], bidirectional: true }
`;
    const ws = workspace(yaml);
    const result = analyze(ws, { path: 't', now: TODAY, tr: en });
    const f = result.findings.find((x) => x.id === 'consent-not-synced:loyalty')!;
    expect(f.details).toMatchObject({ hubs: ['esp', 'shop'] });
    const sync = result.roadmap.initiatives.find((i) => i.addresses.includes(f.id))!;
    expect(sync.tools).toEqual(expect.arrayContaining(['esp', 'shop']));
    expect(sync.title).toMatch(/to esp and shop/);
  });
});

describe('the roadmap does not work through a file it moves away from (r2)', () => {
  it('a freshness gap whose slow data starts in a file the roadmap moves into the hub is answered by the move (yumori, hokusei)', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile'] })}
${tool('sheet', { capabilities: ['spreadsheet'], data: ['contact-profile', 'event-attendance'] })}
touchpoints:
  - { id: fair, name: Trade fair, stage: consideration, channel: event, tools: [sheet], captures: [event-attendance], needs: daily }
integrations:
  - { from: sheet, to: crm, mode: manual, frequency: weekly }
`;
    const ws = workspace(yaml);
    const result = analyze(ws, { path: 't', now: TODAY, tr: en });
    expect(result.findings.map((f) => f.id)).toContain('freshness-gap:fair');
    const ids = result.roadmap.initiatives.map((i) => i.id);
    expect(ids.filter((id) => id.startsWith('freshen-'))).toEqual([]);
    expect(result.roadmap.initiatives.find((i) => i.id === 'move-sheet')!.addresses).toContain('freshness-gap:fair');
  });
});
