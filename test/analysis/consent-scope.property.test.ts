// Where consent must arrive (customer.ts consentScope) is worked out once per workspace from the
// strongly connected components of the personal-data links between tools that are not live hubs,
// with bitsets of hubs and senders (#18). It must say exactly what the plain definition says: a
// walk per origin, downstream and upstream, stopping at live hubs (docs/analysis.md, "Where consent
// must arrive"). The reference below is that plain walk, as customer.ts had it before; random
// workspaces with hubs (retired ones too), cycles, retired tools, personal and impersonal consent,
// touchpoints with and without personas, more than 32 senders at times (several bitset words).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AT_HUB, customerSide, SENDING_CAPABILITIES, UNSCHEDULED } from '../../src/analysis/customer.js';
import { FREQUENCY_RANK } from '../../src/model/vocabulary.js';
import { customerView, missingTargets, type ConsentOrigin, type ConsentTargets, type ConsentView } from '../../src/diagrams/customer-view.js';
import { computeFacts } from '../../src/analysis/facts.js';
import type { Workspace } from '../../src/model/model.js';
import { loadFromText } from '../../src/workspace/load.js';

const CAPABILITIES = ['crm', 'customer-data-platform', 'email-marketing', 'sms-marketing', 'paid-social', 'retargeting',
  'consent-management', 'web-analytics', 'help-desk', 'loyalty'];
const DATA = ['people', 'clicks', 'optout', 'prefs', 'cookies'];
const PERSONAS = ['p1', 'p2', 'p3'];
const STATUSES = ['active', 'active', 'active', 'pilot', 'retiring', 'retired'];

interface Spec {
  tools: { id: string; cap: string; hub: boolean; status: string; data: string[] }[];
  links: { from: number; to: number; data: string[] | undefined; mode: string; both: boolean }[];
  touchpoints: { tools: number[]; personas: string[] | undefined }[];
}

const specs = fc.integer({ min: 2, max: 45 }).chain((n) => fc.record({
  tools: fc.array(fc.record({
    cap: fc.constantFrom(...CAPABILITIES),
    status: fc.constantFrom(...STATUSES),
    data: fc.subarray(DATA),
  }), { minLength: n, maxLength: n }).chain((ts) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
    // About one tool in eight is a hub.
    .map((rolls) => ts.map((t, i) => ({ ...t, hub: rolls[i] === 0, id: `t-${i}` })))),
  links: fc.array(fc.record({
    from: fc.integer({ min: 0, max: n - 1 }),
    to: fc.integer({ min: 0, max: n - 1 }),
    data: fc.option(fc.subarray(DATA, { minLength: 1 }), { nil: undefined }),
    mode: fc.constantFrom('realtime', 'batch', 'manual'),
    both: fc.boolean(),
  }), { maxLength: 3 * n }),
  touchpoints: fc.array(fc.record({
    tools: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 4 }),
    personas: fc.option(fc.subarray(PERSONAS, { minLength: 1 }), { nil: undefined }),
  }), { maxLength: Math.ceil(n / 2) }),
}));

function yamlOf(s: Spec): string {
  const lines = ['version: 1', 'organization: { name: Random }', 'personas:',
    ...PERSONAS.map((p) => `  - { id: ${p}, name: ${p} }`),
    'data_types:',
    '  - { id: people, name: People, personal: true }',
    '  - { id: clicks, name: Clicks, personal: false }',
    '  - { id: optout, name: Opt-outs, personal: true, consent: true }',
    '  - { id: prefs, name: Preferences, personal: true, consent: true }',
    '  - { id: cookies, name: Cookie choices, personal: false, consent: true }',
    'tools:',
    ...s.tools.map((t) => `  - { id: ${t.id}, name: ${t.id}, capabilities: [${t.cap}], status: ${t.status}${t.hub ? ', hub: true' : ''}, data: [${t.data.join(', ')}] }`),
    'touchpoints:',
    ...s.touchpoints.map((tp, i) => `  - { id: tp-${i}, name: tp-${i}, stage: loyalty, channel: email, tools: [${tp.tools.map((k) => s.tools[k].id).join(', ')}]${tp.personas ? `, personas: [${tp.personas.join(', ')}]` : ''} }`),
    'integrations:',
    ...s.links.filter((l) => l.from !== l.to).map((l) => `  - { from: ${s.tools[l.from].id}, to: ${s.tools[l.to].id}, mode: ${l.mode}${l.data ? `, data: [${l.data.join(', ')}]` : ''}${l.both ? ', bidirectional: true' : ''} }`),
  ];
  if (!s.touchpoints.length) lines[lines.indexOf('touchpoints:')] = 'touchpoints: []';
  if (!s.links.some((l) => l.from !== l.to)) lines[lines.indexOf('integrations:')] = 'integrations: []';
  return `${lines.join('\n')}\n`;
}

function load(s: Spec): Workspace {
  const r = loadFromText(yamlOf(s), 'random.yaml');
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), yamlOf(s)).toEqual([]);
  return r.workspace!;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (ids: Iterable<string>) => [...ids].sort(byId);

/** The plain definition: a breadth-first walk per origin (customer.ts before #18's rewrite). */
function reference(ws: Workspace) {
  const facts = computeFacts(ws);
  const tool = (id: string) => ws.index.toolById.get(id);
  const live = (id: string) => tool(id) !== undefined && tool(id)!.status !== 'retired';
  const personal = (d: string) => ws.index.dataTypeById.get(d)?.personal === true;
  const arcs: { from: string; to: string }[] = [];
  for (const it of ws.integrations) {
    if (it.from !== it.to && facts.carried(it, 'forward').some(personal)) arcs.push({ from: it.from, to: it.to });
    if (it.bidirectional && it.from !== it.to && facts.carried(it, 'backward').some(personal)) arcs.push({ from: it.to, to: it.from });
  }
  const out = (id: string) => arcs.filter((a) => a.from === id).map((a) => a.to);
  const inn = (id: string) => arcs.filter((a) => a.to === id).map((a) => a.from);
  const liveHub = (id: string) => facts.isHub(id) && live(id);
  const senders = ws.tools.filter((t) => live(t.id) && t.primaryCapabilities.some((c) => SENDING_CAPABILITIES.includes(c))
    && t.data.some(personal)).map((t) => t.id);
  const firstHubs = (start: string, next: (id: string) => string[]) => {
    const seen = new Set([start]);
    const queue = [start];
    const found = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      for (const v of next(queue[i])) {
        if (seen.has(v)) continue;
        seen.add(v);
        if (liveHub(v)) found.add(v);
        else queue.push(v);
      }
    }
    return found;
  };
  const sendersFedBy = (start: string) => {
    const seen = new Set([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const v of out(queue[i])) {
        if (seen.has(v)) continue;
        seen.add(v);
        if (!liveHub(v)) queue.push(v);
      }
    }
    return [...seen].filter((id) => senders.includes(id));
  };
  const tps = (id: string) => ws.touchpoints.filter((tp) => tp.tools.includes(id));
  const personasOf = (id: string) => new Set(tps(id).filter((tp) => tp.personasGiven).flatMap((tp) => tp.personas));
  const allHubs = sorted(facts.hubs.filter((h) => h.status !== 'retired').map((h) => h.id));
  const ads = sorted(ws.tools.filter((t) => live(t.id) && t.primaryCapabilities.some((c) => ['retargeting', 'paid-social',
    'display-advertising', 'programmatic-advertising'].includes(c))).map((t) => t.id));
  return (origin: string, d: string): { hubs: string[]; senders: string[] } => {
    if (!personal(d)) return tps(origin).length ? { hubs: [], senders: [] } : { hubs: [], senders: ads.filter((id) => id !== origin) };
    let hubs: string[];
    if (liveHub(origin)) hubs = [origin];
    else if (!tps(origin).length) hubs = allHubs;
    else {
      hubs = sorted(new Set([...firstHubs(origin, out), ...firstHubs(origin, inn)]));
      if (!hubs.length) hubs = allHubs;
    }
    const all = new Set<string>(sendersFedBy(origin));
    for (const h of hubs) for (const id of sendersFedBy(h)) all.add(id);
    for (const tp of tps(origin)) for (const id of tp.tools) if (senders.includes(id)) all.add(id);
    const met = personasOf(origin);
    for (const s of senders) {
      if (inn(s).length) continue;
      if ([...personasOf(s)].some((p) => met.has(p))) all.add(s);
    }
    for (const id of [origin, ...hubs]) all.delete(id);
    return { hubs: hubs.filter((h) => h !== origin), senders: sorted(all) };
  };
}

describe('where consent must arrive, worked out per component, is the plain walk per origin', () => {
  it('consentTargets of every tool and consent type, and consent-not-synced\'s count of what is missed', () => {
    fc.assert(fc.property(specs, (s) => {
      const ws = load(s);
      const facts = computeFacts(ws);
      const cs = customerSide(ws, facts);
      const want = reference(ws);
      for (const t of ws.tools) {
        const types = ['optout', 'prefs', 'cookies'];
        for (const d of types) expect(cs.consentTargets(t.id, d), `${t.id} ${d}\n${yamlOf(s)}`).toEqual(want(t.id, d));
        // What the finding says: the hubs and senders not reached, a sender that is a missed hub named once.
        const hubs = new Set<string>();
        const missed = new Set<string>();
        const lost = new Set<string>();
        for (const d of types) {
          const reached = cs.reachedFrom(t.id, d);
          const w = want(t.id, d);
          for (const h of w.hubs) if (!reached.has(h)) { hubs.add(h); lost.add(d); }
          for (const x of w.senders) if (!reached.has(x)) { missed.add(x); lost.add(d); }
        }
        const senders = sorted([...missed].filter((id) => !hubs.has(id)));
        expect(cs.consentMissed(t.id, types, 3), `${t.id}\n${yamlOf(s)}`).toEqual({
          data: types.filter((d) => lost.has(d)), hubs: sorted(hubs), senders: senders.slice(0, 3), sendersMissed: senders.length,
        });
      }
    }), { numRuns: 300 });
  });
});

/** The plain count of what an origin misses: every target of every type walked (customer-view.ts before #18). */
function plainMissing(c: ConsentView, origin: ConsentOrigin, role: 'hub' | 'sender' | undefined, limit: number) {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const d of origin.data) {
    const reached = c.reached(origin.tool, d);
    const t: ConsentTargets = c.targets(origin.tool, d);
    for (const id of role === 'hub' ? t.hubs : role === 'sender' ? t.senders : [...t.hubs, ...t.senders]) {
      if (id === origin.tool || reached.has(id) || seen.has(id)) continue;
      seen.add(id);
      if (ids.length < limit) ids.push(id);
    }
  }
  return { ids, total: seen.size };
}

describe('what the consent picture and pages say an origin misses, counted from what it reaches, is the plain walk of its targets', () => {
  it('missingTargets, every role and limit, and the arrivals', () => {
    let pictured = 0;
    fc.assert(fc.property(specs, (s) => {
      const ws = load(s);
      // No consent picture when no tool holds a consent type.
      const c = customerView(ws).consent ?? { origins: [], arrivals: { total: 0 } } as unknown as ConsentView;
      if (c.origins.length) pictured++;
      let total = 0;
      for (const o of c.origins) {
        for (const role of [undefined, 'hub', 'sender'] as const) {
          for (const limit of [0, 1, 3, Number.POSITIVE_INFINITY]) {
            expect(missingTargets(c, o, role, limit), `${o.tool} ${role} ${limit}\n${yamlOf(s)}`).toEqual(plainMissing(c, o, role, limit));
          }
        }
        for (const d of o.data) total += new Set([...c.targets(o.tool, d).hubs, ...c.targets(o.tool, d).senders]).size;
      }
      expect(c.arrivals.total).toBe(total);
    }), { numRuns: 300 });
    // The generator must draw origins of consent most of the time, or this proves little.
    expect(pictured).toBeGreaterThan(150);
  });
});

// The customer side follows each data type over lists of the arcs that carry it, linked in typed
// arrays by tool number (customer.ts, facts.ts DataGraph; #18). Its searches must say what the
// plain definitions say, read off the links themselves: the same random workspaces.
describe('the customer side\'s searches per data type are the plain searches over the links', () => {
  it('reachedFrom, hubFreshness, toHubFreshness, hubDataReaches and hubDataTypes', () => {
    fc.assert(fc.property(specs, (s) => {
      const ws = load(s);
      const facts = computeFacts(ws);
      const cs = customerSide(ws, facts);
      const arcs = ws.integrations.flatMap((it) => {
        const rank = it.frequency ? FREQUENCY_RANK[it.frequency] : UNSCHEDULED;
        const arc = (from: string, to: string, data: readonly string[]) => ({ from, to, data, manual: it.mode === 'manual', rank });
        if (it.from === it.to) return [];
        return [arc(it.from, it.to, facts.carried(it)), ...(it.bidirectional ? [arc(it.to, it.from, facts.carried(it, 'backward'))] : [])];
      });
      const hubs = facts.hubs.map((h) => h.id);
      const reach = (starts: readonly string[], d: string) => {
        const seen = new Set(starts);
        const queue = [...starts];
        for (let i = 0; i < queue.length; i++) {
          for (const a of arcs) if (!a.manual && a.from === queue[i] && a.data.includes(d) && !seen.has(a.to)) { seen.add(a.to); queue.push(a.to); }
        }
        return seen;
      };
      // The freshest arrival: the least, over paths of links carrying d, of the slowest link's rank (relaxed until nothing changes).
      const bottleneck = (d: string, forward: boolean) => {
        const best = new Map(hubs.map((h) => [h, AT_HUB]));
        for (let changed = true; changed;) {
          changed = false;
          for (const a of arcs) {
            if (!a.data.includes(d)) continue;
            const [u, v] = forward ? [a.from, a.to] : [a.to, a.from];
            const r = best.get(u);
            if (r === undefined) continue;
            const cand = Math.max(r, a.rank);
            if (best.get(v) === undefined || cand < best.get(v)!) { best.set(v, cand); changed = true; }
          }
        }
        return best;
      };
      const types = [...new Set([...DATA, ...arcs.flatMap((a) => a.data)])];
      const fedBy = new Map(types.map((d) => [d, reach(hubs, d)]));
      for (const t of ws.tools) {
        for (const d of types) {
          const reached = reach([t.id], d);
          reached.delete(t.id);
          expect(sorted(cs.reachedFrom(t.id, d))).toEqual(sorted(reached));
          expect(cs.toHubFreshness(t.id, d)).toBe(facts.isHub(t.id) ? AT_HUB : bottleneck(d, false).get(t.id));
        }
        let fresh: number | undefined;
        for (const a of arcs) if (a.to === t.id) for (const d of a.data) {
          const r = bottleneck(d, true).get(t.id);
          if (r !== undefined && (fresh === undefined || r < fresh)) fresh = r;
        }
        expect(cs.hubFreshness(t.id)).toBe(facts.isHub(t.id) ? AT_HUB : fresh);
        const fedTypes = types.filter((d) => !hubs.includes(t.id) && fedBy.get(d)!.has(t.id));
        expect(cs.hubDataReaches(t.id)).toBe(hubs.includes(t.id) || fedTypes.length > 0);
        expect(cs.hubDataTypes(t.id)).toEqual(hubs.includes(t.id) ? sorted(new Set(t.data)) : sorted(fedTypes));
      }
    }), { numRuns: 150 });
  });
});
