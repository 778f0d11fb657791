// (r2) "A roadmap a consultant can sign": the coherence rules hold for every roadmap the product
// emits (rules.md), checked here over generated workspaces with fast-check, over the examples,
// and on the cases the issue names (retire then consolidate onto; a spreadsheet as source of
// truth; a file automated instead of removed; a tool with no data connected).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coherenceViolations } from '../../src/analysis/roadmap/coherence.js';
import { cannotAnchor } from '../../src/analysis/roadmap/targets.js';
import { analyze } from '../../src/analysis/analyze.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { linkArb, toolArb, touchpointArb, yamlOf } from './generated.js';
import { run, tool, workspace } from './helpers.js';

/** Every coherence rule, read from the public JSON only. */
function expectCoherent(label: string, result: ReturnType<typeof run>, ws: Parameters<typeof coherenceViolations>[0]): void {
  const initiatives = result.roadmap.initiatives;
  expect(coherenceViolations(ws, initiatives, result.findings), label).toEqual([]);
  // The same rules, spelled out independently of the product's checker.
  const dropped = new Set(initiatives.flatMap((i) => i.drop));
  initiatives.forEach((i, n) => {
    for (const t of i.keep) expect(dropped.has(t), `${label}: ${i.id} keeps ${t}, which another initiative drops`).toBe(false);
    if (i.id.startsWith('connect-') || i.id.startsWith('designate-sot-')) {
      for (const t of i.keep) expect(cannotAnchor(ws.index.toolById.get(t)), `${label}: ${i.id} anchors on ${t}`).toBeUndefined();
    }
    for (const d of i.dependsOn) expect(initiatives.findIndex((x) => x.id === d), `${label}: ${i.id} depends on a later ${d}`).toBeLessThan(n);
  });
}

describe('roadmap coherence (r2)', () => {
  it('property: every roadmap of a generated workspace holds together', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 14 }), fc.array(touchpointArb, { maxLength: 5 }),
      (tools, links, tps) => {
        const yaml = yamlOf(tools, links, tps);
        const ws = workspace(yaml);
        const r = run(yaml, { start: '2027-01' });
        expectCoherent(yaml, r, ws);
        for (const i of r.roadmap.initiatives) {
          expect(Array.isArray(i.keep) && Array.isArray(i.drop)).toBe(true);
        }
      },
    ), { numRuns: 150 });
  });

  it('holds for every example workspace', () => {
    const root = join(__dirname, '../../examples');
    for (const name of readdirSync(root)) {
      const loaded = loadWorkspace(join(root, name));
      if (!loaded.workspace) continue;
      const r = analyze(loaded.workspace, { path: name, start: '2027-01' });
      expectCoherent(name, r, loaded.workspace);
    }
  });

  it('holds for every realistic workspace (test/fixtures/realistic)', () => {
    const root = join(__dirname, '../fixtures/realistic');
    const names = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const single = join(root, name, 'workspace.yaml');
      const loaded = loadWorkspace(existsSync(single) ? single : join(root, name, 'workspace'));
      expect(loaded.workspace, name).toBeDefined();
      const r = analyze(loaded.workspace!, { path: name, start: '2027-01' });
      expectCoherent(name, r, loaded.workspace!);
    }
  });

  it('a tool retired in phase 1 is never what a later consolidation keeps', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile'], cost: 50000 })}
${tool('freshdesk', { capabilities: ['help-desk'], data: ['tickets'], cost: 100 })}
${tool('zendesk', { capabilities: ['help-desk', 'live-chat'], data: ['tickets'], cost: 9000 })}
${tool('intercom', { capabilities: ['live-chat'], data: ['tickets'], cost: 6000 })}
integrations:
  - { from: freshdesk, to: crm }
  - { from: freshdesk, to: zendesk }
  - { from: zendesk, to: crm }
`;
    const r = run(yaml, { start: '2027-01' });
    const dropped = new Set(r.roadmap.initiatives.flatMap((i) => i.drop));
    for (const i of r.roadmap.initiatives) expect(i.keep.filter((t) => dropped.has(t)), i.id).toEqual([]);
  });

  it('a manual feed into a spreadsheet moves the data into the system and drops the file; it is never connected or made source of truth', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile', 'orders'], cost: 5000 })}
${tool('sheet', { capabilities: ['spreadsheet'], data: ['contact-profile', 'orders'], source_of_truth: ['orders'] })}
${tool('shop', { capabilities: ['e-commerce'], data: ['orders'], source_of_truth: ['orders'] })}
integrations:
  - { from: shop, to: sheet, mode: manual }
  - { from: shop, to: crm }
`;
    const r = run(yaml, { start: '2027-01' });
    const ids = r.roadmap.initiatives.map((i) => i.id);
    expect(ids).not.toContain('connect-sheet');
    expect(ids.filter((x) => x.startsWith('replace-manual-'))).toEqual([]);
    const move = r.roadmap.initiatives.find((i) => i.id === 'move-sheet')!;
    expect(move).toMatchObject({ phase: 1, drop: ['sheet'] });
    expect(move.addresses).toContain('manual-integration:shop+sheet');
    for (const i of r.roadmap.initiatives) expect(i.keep, i.id).not.toContain('sheet');
  });

  it('a manual link that is a tool\'s only way to the hub is that tool\'s connection, in phase 2', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile'] })}
${tool('webinar', { capabilities: ['webinars'], data: ['contact-profile', 'webinar-attendance'] })}
integrations:
  - { from: webinar, to: crm, mode: manual }
`;
    const r = run(yaml, { start: '2027-01' });
    const c = r.roadmap.initiatives.find((i) => i.id === 'connect-webinar')!;
    expect(c).toMatchObject({ phase: 2, keep: ['webinar', 'crm'] });
    expect(c.addresses).toContain('manual-integration:webinar+crm');
    expect(r.roadmap.initiatives.map((i) => i.id).filter((x) => x.startsWith('replace-manual-'))).toEqual([]);
  });

  it('a manual link carrying only restricted data is stopped, never automated; the checker catches a roadmap that does both', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
data_types:
  - { id: portal-leads, restricted: "Portal terms: the leads may be called back, not mailed" }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile'] })}
${tool('portal', { capabilities: ['reviews'], data: ['portal-leads'] })}
${tool('mail', { capabilities: ['email-marketing'], data: ['contact-profile', 'portal-leads'] })}
integrations:
  - { from: crm, to: mail }
  - { from: crm, to: portal, data: [contact-profile] }
  - { from: portal, to: mail, mode: manual, data: [portal-leads] }
`;
    const r = run(yaml, { start: '2027-01' });
    const manual = r.findings.find((f) => f.id === 'manual-integration:portal+mail')!;
    expect(manual.recommendation).toMatch(/^Do not automate this transfer/);
    const stop = r.roadmap.initiatives.find((i) => i.id === 'stop-restricted-portal-mail')!;
    expect(stop.addresses).toEqual(expect.arrayContaining(['manual-integration:portal+mail', 'restricted-data-flow:portal+mail']));
    expect(r.roadmap.initiatives.filter((i) => i.kind === 'integrate' && i.addresses.includes('manual-integration:portal+mail'))).toEqual([]);
    // The class the checker must catch: the same roadmap with an automation of that link.
    const ws = workspace(yaml);
    const automated = [...r.roadmap.initiatives, { id: 'replace-manual-portal-mail', kind: 'integrate', keep: ['portal', 'mail'], drop: [], dependsOn: [], addresses: ['manual-integration:portal+mail'] }];
    expect(coherenceViolations(ws, automated, r.findings).map((v) => v.rule)).toEqual(['automates-restricted']);
  });

  it('a spreadsheet is never kept (not what people move onto, not consolidated onto)', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, data: ['contact-profile'] })}
${tool('sheet-a', { capabilities: ['spreadsheet'], data: ['contact-profile'], cost: 100 })}
${tool('sheet-b', { capabilities: ['spreadsheet'], data: ['contact-profile'], cost: 200 })}
integrations:
  - { from: sheet-a, to: crm, mode: manual }
  - { from: sheet-b, to: crm, mode: manual }
`;
    const r = run(yaml, { start: '2027-01' });
    expect(r.findings.map((f) => f.id).filter((id) => /^(redundant-tool|capability-overlap):/.test(id))).toEqual([]);
    for (const i of r.roadmap.initiatives) expect(i.keep.filter((t) => t.startsWith('sheet')), i.id).toEqual([]);
    const ws = workspace(yaml);
    expect(coherenceViolations(ws, [{ id: 'retire-sheet-b', kind: 'retire', keep: ['sheet-a'], drop: ['sheet-b'], dependsOn: [] }]).map((v) => v.rule)).toEqual(['file-kept']);
  });

  it('several origins: "agree which system is the master", owned by the departments involved', () => {
    const yaml = `version: 1
organization: { name: T, currency: EUR, departments: [sales, service] }
tools:
${tool('a', { capabilities: ['crm'], data: ['contact-profile'], owner: 'sales' })}
${tool('b', { capabilities: ['help-desk'], data: ['contact-profile'], owner: 'service' })}
${tool('h', { capabilities: ['cdp'], hub: true, data: ['contact-profile'], owner: 'sales' })}
integrations:
  - { from: a, to: h }
  - { from: b, to: h }
`;
    const r = run(yaml, { start: '2027-01' });
    const sot = r.roadmap.initiatives.find((i) => i.id === 'designate-sot-contact-profile');
    expect(r.findings.map((f) => f.id)).toContain('no-source-of-truth:contact-profile');
    expect(sot!.title).toMatch(/^Agree which system is the master/);
    expect(sot!.keep).toEqual([]);
    expect([sot!.owner, ...sot!.stakeholders].sort()).toEqual(['sales', 'service']);
  });
});
