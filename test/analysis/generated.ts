// Generated workspaces for the property tests (fast-check): up to 12 tools of mixed capabilities,
// data, statuses, seats and hubs, links of every mode, a few touchpoints. Shared by the roadmap
// coherence property and the pictures-agree-with-the-roadmap property.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { tool } from './helpers.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const CAPS = ['crm', 'email-marketing', 'live-chat', 'help-desk', 'web-analytics', 'forms', 'spreadsheet', 'team-chat', 'cdp', 'sms-marketing'];
const DATA = ['contact-profile', 'orders', 'tickets', 'email-engagement', 'web-activity', 'consent', 'partner-leads'];
const STATUSES = ['active', 'active', 'active', 'pilot', 'retiring', 'retired'] as const;

export const toolArb = fc.record({
  caps: fc.subarray(CAPS, { minLength: 1, maxLength: 3 }),
  data: fc.subarray(DATA, { maxLength: 3 }),
  sot: fc.subarray(DATA, { maxLength: 1 }),
  hub: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  cost: fc.integer({ min: 0, max: 50 }),
  seats: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 })), { nil: undefined }),
  owner: fc.constantFrom('sales', 'marketing', 'service'),
});
export const linkArb = fc.record({ from: fc.nat(11), to: fc.nat(11), mode: fc.constantFrom('manual', 'batch', 'realtime'), bidirectional: fc.boolean() });
export const touchpointArb = fc.record({ tools: fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }), channel: fc.constantFrom('chat', 'email', 'website', 'event'), realtime: fc.boolean() });

export type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

export function yamlOf(tools: Of<typeof toolArb>[], links: Of<typeof linkArb>[], tps: Of<typeof touchpointArb>[]): string {
  const lines = ['version: 1', 'organization: { name: Gen, currency: EUR, departments: [sales, marketing, service] }',
    'data_types:', '  - { id: partner-leads, party: second, personal: true, restricted: "Partner terms: callback only" }', 'tools:'];
  tools.forEach((x, i) => {
    const fields: Record<string, unknown> = {
      capabilities: x.caps, data: x.data, hub: x.hub, status: x.status, cost: x.cost * 1000, owner: x.owner,
      source_of_truth: x.sot.filter((d) => x.data.includes(d)),
    };
    if (x.seats) fields.seats = { licensed: x.seats[0], active: Math.min(x.seats[0], x.seats[1]) };
    lines.push(tool(`t${i}`, fields));
  });
  const ls = links.filter((l) => l.from < tools.length && l.to < tools.length && l.from !== l.to);
  lines.push(ls.length ? 'integrations:' : 'integrations: []');
  for (const l of ls) lines.push(`  - { from: t${l.from}, to: t${l.to}, mode: ${l.mode}, bidirectional: ${l.bidirectional} }`);
  const ts = tps.map((tp) => ({ ...tp, tools: tp.tools.filter((n) => n < tools.length) }));
  lines.push(ts.length ? 'touchpoints:' : 'touchpoints: []');
  ts.forEach((tp, i) => lines.push(`  - { id: tp${i}, name: TP${i}, stage: service, channel: ${tp.channel}, owner: service, realtime: ${tp.realtime}, tools: [${tp.tools.map((n) => `t${n}`).join(', ')}] }`));
  return `${lines.join('\n')}\n`;
}

/**
 * Every bundled example and realistic fixture, by name and the path the loader takes (a
 * fixture's workspace.yaml or workspace/ folder): the workspaces the "holds for every example"
 * tests walk.
 */
export function exampleAndRealisticWorkspaces(): { name: string; path: string }[] {
  const roots = [join(HERE, '../../examples'), join(HERE, '../fixtures/realistic')];
  return roots.flatMap((root) => readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() || e.name.endsWith('.yaml'))
    .map((e) => {
      const base = join(root, e.name);
      const path = e.isDirectory() ? ['workspace.yaml', 'workspace'].map((x) => join(base, x)).find(existsSync) ?? base : base;
      return { name: e.name, path };
    }));
}
