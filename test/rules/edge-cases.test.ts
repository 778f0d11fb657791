// The subtle parts of rules.md, one scenario each: how data "reaches" a hub (bidirectional links,
// omitted link data, chains through non-hub tools), the no-hub case, the redundancy keep-rule for
// groups of three or more, settings.rules, ordering, costs, locations and determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/analysis/facts.js';
import { RULES } from '../../src/analysis/rules/index.js';
import { SEVERITY_RANK } from '../../src/workspace/vocabulary.js';
import { findings, ids, loadText } from './helpers.js';

const HEAD = 'version: 1\norganization: { name: Edge Ltd, currency: EUR }\n';
const ws = (body: string) => loadText(HEAD + body);

describe('reaching a hub', () => {
  const tools = `tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: Tool A, capabilities: [surveys], data: [contact-profile, survey-answers] }
`;

  it('a bidirectional link without data carries what each end holds, both ways', () => {
    const one = ws(`${tools}integrations:\n  - { from: crm, to: a }\n`);
    expect(ids(findings(one), 'trapped-data')).toEqual(['trapped-data:a']);
    const both = ws(`${tools}integrations:\n  - { from: crm, to: a, bidirectional: true }\n`);
    expect(ids(findings(both), 'trapped-data')).toEqual([]);
    const f = computeFacts(both);
    expect(f.reachesHub('a', 'survey-answers')).toBe(true);
    expect(f.carried(both.integrations[0], 'backward')).toEqual(['contact-profile', 'survey-answers']);
    expect(f.carried(both.integrations[0])).toEqual(['contact-profile']);
  });

  it('a link with omitted data carries everything its source holds, not what the target holds', () => {
    const w = ws(`tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: Tool A, capabilities: [surveys], data: [survey-answers] }
  - { id: b, name: Tool B, capabilities: [forms], data: [form-submissions] }
integrations:
  - { from: a, to: b }
  - { from: b, to: crm }
`);
    const f = computeFacts(w);
    expect(f.reachesHub('b', 'form-submissions')).toBe(true);
    // b -> crm carries only what b holds: a's survey answers stop at b.
    expect(f.reachesHub('a', 'survey-answers')).toBe(false);
    expect(f.trappedData('a')).toEqual(['survey-answers']);
    const got = findings(w);
    expect(got).toContainEqual(expect.objectContaining({ id: 'trapped-data:a', details: expect.objectContaining({ data: ['survey-answers'] }) }));
    expect(ids(got, 'data-silo')).toEqual([]);
  });

  it('a chain through non-hub tools reaches the hub only when every link carries the type', () => {
    const chain = (mid: string) => ws(`tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: A, capabilities: [forms], data: [leads] }
  - { id: b, name: B, capabilities: [data-integration] }
  - { id: c, name: C, capabilities: [data-integration] }
integrations:
  - { from: a, to: b, data: [leads] }
  - { from: b, to: c, data: [${mid}] }
  - { from: c, to: crm, data: [leads] }
`);
    expect(computeFacts(chain('leads')).reachesHub('a', 'leads')).toBe(true);
    expect(ids(findings(chain('leads')), 'trapped-data')).toEqual([]);
    expect(computeFacts(chain('contact-profile')).reachesHub('a', 'leads')).toBe(false);
    expect(ids(findings(chain('contact-profile')), 'trapped-data')).toEqual(['trapped-data:a']);
    // Direction matters for "reaches", not for "connected".
    const back = ws(`tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: A, capabilities: [forms], data: [leads] }
integrations:
  - { from: crm, to: a, data: [contact-profile] }
`);
    const f = computeFacts(back);
    expect(f.connectedToHub('a')).toBe(true);
    expect(f.reachesHub('a', 'leads')).toBe(false);
  });

  it('realtime-fed needs every link of the chain to be realtime and to carry hub data', () => {
    const w = ws(`tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: bus, name: Bus, capabilities: [data-integration], data: [web-traffic] }
  - { id: x, name: X, capabilities: [personalization] }
  - { id: y, name: Y, capabilities: [personalization] }
integrations:
  - { from: crm, to: bus, data: [contact-profile], mode: realtime }
  - { from: bus, to: x, data: [contact-profile], mode: realtime }
  - { from: bus, to: y, mode: realtime }
`);
    const f = computeFacts(w);
    expect(f.realtimeHubFed('crm')).toBe(true);
    expect(f.realtimeHubFed('bus')).toBe(true);
    expect(f.realtimeHubFed('x')).toBe(true);
    // bus -> y carries only what bus holds (web-traffic), which is not hub data.
    expect(f.realtimeHubFed('y')).toBe(false);
  });

  it('downstream lists where a data type flows', () => {
    const w = ws(`tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: A, capabilities: [forms], data: [leads] }
  - { id: b, name: B, capabilities: [data-integration] }
integrations:
  - { from: a, to: b, data: [leads] }
  - { from: b, to: crm, data: [leads] }
`);
    expect(computeFacts(w).downstream('a', 'leads')).toEqual(['b', 'crm']);
    expect(computeFacts(w).downstream('a', 'other')).toEqual([]);
  });
});

describe('realtime-gap in both directions (rules.md r2)', () => {
  const w = (back: string, forth: string) => ws(`touchpoints:
  - { id: booth, name: Booth, stage: awareness, channel: event, tools: [tablet], needs: realtime, captures: [leads] }
tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: tablet, name: Tablet, capabilities: [forms], data: [contact-profile, leads] }
integrations:
  - { from: crm, to: tablet, data: [contact-profile], ${forth} }
  - { from: tablet, to: crm, data: [leads], ${back} }
`);
  const gap = (back: string, forth: string) => findings(w(back, forth)).filter((f) => f.rule === 'realtime-gap');

  it('one finding per touchpoint, its details saying which way the data is too slow', () => {
    const both = gap('mode: manual, frequency: weekly', 'mode: batch');
    expect(both.map((f) => f.id)).toEqual(['realtime-gap:booth']);
    expect(both[0].details).toEqual(expect.objectContaining({
      directions: ['from-hub', 'to-hub'], toHub: [{ data: 'leads', pace: 'weekly', origins: ['tablet'] }],
    }));
    expect(both[0].message).toContain('weekly');
    expect(gap('mode: batch', 'mode: realtime')[0].details).toEqual(expect.objectContaining({ directions: ['to-hub'] }));
    expect(gap('mode: realtime', 'mode: batch')[0].details).toEqual(expect.objectContaining({ directions: ['from-hub'] }));
    expect(gap('mode: realtime', 'mode: realtime')).toEqual([]);
  });

  it('leaves such touchpoints to realtime-gap: freshness-gap never reports them', () => {
    expect(ids(findings(w('mode: batch', 'mode: batch')), 'freshness-gap')).toEqual([]);
  });
});

describe('no hub at all', () => {
  const w = ws(`touchpoints:
  - { id: chat, name: Chat, stage: service, channel: chat, tools: [crisp], realtime: true }
tools:
  - { id: crisp, name: Crisp, capabilities: [live-chat], data: [contact-profile] }
  - { id: typeform, name: Typeform, capabilities: [surveys], data: [contact-profile, survey-answers] }
  - { id: mailchimp, name: Mailchimp, capabilities: [email-marketing], data: [contact-profile] }
integrations:
  - { from: typeform, to: mailchimp, data: [contact-profile] }
`);
  const got = findings(w);

  it('raises no-customer-hub instead of per-tool silo and trapped-data findings', () => {
    expect(got[0]).toEqual(expect.objectContaining({ id: 'no-customer-hub:workspace', severity: 'critical' }));
    expect(ids(got, 'data-silo')).toEqual([]);
    expect(ids(got, 'trapped-data')).toEqual([]);
    expect(computeFacts(w).siloedTools.map((x) => x.id).sort()).toEqual(['crisp', 'mailchimp', 'typeform']);
  });

  it('no-customer-hub says it once (rules.md r2): no island, no per-touchpoint inconsistency, never a realtime gap', () => {
    expect(ids(got, 'isolated-cluster')).toEqual([]);
    expect(ids(got, 'inconsistent-experience')).toEqual([]);
    expect(ids(got, 'realtime-gap')).toEqual([]);
    expect(ids(got, 'disconnected-hubs')).toEqual([]);
  });
});

describe('redundant-tool keep rule', () => {
  const tool = (id: string, extra = '') => `  - { id: ${id}, name: ${id.toUpperCase()}, capabilities: [email-marketing]${extra} }\n`;

  it('keeps the hub even when it is the most expensive', () => {
    const w = ws(`tools:\n${tool('a', ', cost: 100')}${tool('b', ', cost: 200')}${tool('c', ', cost: 900, hub: true')}`);
    const got = findings(w).filter((f) => f.rule === 'redundant-tool');
    expect(got.map((f) => f.id).sort()).toEqual(['redundant-tool:a', 'redundant-tool:b']);
    for (const f of got) expect(f.details).toEqual(expect.objectContaining({ keep: 'c', capabilities: ['email-marketing'] }));
    expect(got.reduce((s, f) => s + (f.cost ?? 0), 0)).toBe(300);
  });

  it('else keeps the one with more automated links, else more active seats, else the larger contract, then the smallest id (rules.md r2)', () => {
    const connected = ws(`tools:\n${tool('a', ', cost: 100')}${tool('b', ', cost: 200')}${tool('c', ', cost: 50')}  - { id: d, name: D, capabilities: [crm] }\nintegrations:\n  - { from: c, to: d }\n  - { from: b, to: d, mode: manual }\n`);
    expect(ids(findings(connected), 'redundant-tool')).toEqual(['redundant-tool:a', 'redundant-tool:b']);
    const seats = ws(`tools:\n${tool('a', ', cost: 300, seats: { licensed: 5, active: 2 }')}${tool('b', ', cost: 100, seats: { licensed: 9, active: 9 }')}`);
    expect(ids(findings(seats), 'redundant-tool')).toEqual(['redundant-tool:a']);
    const established = ws(`tools:\n${tool('a', ', cost: 300')}${tool('b', ', cost: 100')}${tool('c', ', cost: 200')}`);
    expect(ids(findings(established), 'redundant-tool')).toEqual(['redundant-tool:b', 'redundant-tool:c']);
    const tie = ws(`tools:\n${tool('b')}${tool('a')}${tool('c')}`);
    expect(ids(findings(tie), 'redundant-tool')).toEqual(['redundant-tool:b', 'redundant-tool:c']);
  });

  it('with overlapping sets, never removes every provider of a capability', () => {
    // a does x+y, b does x, c does y: either a goes, or b and c go, never all three. r2 keep
    // order: a has more primary capabilities, so b and c go.
    const w = ws(`tools:
  - { id: a, name: A, capabilities: [email-marketing, sms-marketing], cost: 500 }
  - { id: b, name: B, capabilities: [email-marketing], cost: 100 }
  - { id: c, name: C, capabilities: [sms-marketing], cost: 100 }
`);
    const got = findings(w).filter((f) => f.rule === 'redundant-tool');
    expect(got.map((f) => f.id)).toEqual(['redundant-tool:b', 'redundant-tool:c']);
    for (const f of got) expect(f.details).toEqual(expect.objectContaining({ keep: 'a' }));
    expect(got.reduce((n, f) => n + (f.cost ?? 0), 0)).toBe(200);
  });

  it('property: the reported tools can all go at once, no hub goes, and no remaining tool but a hub is redundant', () => {
    const caps = ['email-marketing', 'sms-marketing', 'web-analytics', 'forms', 'surveys'];
    fc.assert(fc.property(
      fc.array(fc.record({
        caps: fc.subarray(caps, { minLength: 1 }),
        cost: fc.integer({ min: 0, max: 5 }),
        hub: fc.boolean(),
        status: fc.constantFrom('active', 'active', 'pilot', 'retiring'),
      }), { minLength: 1, maxLength: 7 }),
      fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 5 }),
      (spec, links) => {
        const body = `tools:\n${spec.map((s, i) => `  - { id: t${i}, name: T${i}, capabilities: [${s.caps.join(', ')}], cost: ${s.cost * 100}, hub: ${s.hub}, status: ${s.status} }\n`).join('')}`
          + `integrations:\n${links.filter(([a, b]) => a < spec.length && b < spec.length && a !== b).map(([a, b]) => `  - { from: t${a}, to: t${b} }\n`).join('') || '  []\n'}`;
        const w = ws(body.replace('integrations:\n  []\n', 'integrations: []\n'));
        const removed = new Set(findings(w).filter((f) => f.rule === 'redundant-tool').map((f) => f.id.split(':')[1]));
        const active = w.tools.filter((x) => x.status === 'active');
        const stay = active.filter((x) => !removed.has(x.id));
        const provided = new Set(active.flatMap((x) => x.capabilities));
        const still = new Set(stay.flatMap((x) => x.capabilities));
        expect([...provided].filter((c) => !still.has(c))).toEqual([]);
        // A hub is never redundant (two customer views are disconnected-hubs: a platform decision).
        expect(active.filter((x) => x.hub && removed.has(x.id)).map((x) => x.id)).toEqual([]);
        for (const x of stay) {
          if (x.hub) continue;
          const redundant = x.capabilities.every((c) => stay.some((o) => o !== x && o.capabilities.includes(c)));
          expect(redundant, `${x.id} could also go`).toBe(false);
        }
      },
    ), { numRuns: 200 });
  });
});

describe('settings.rules', () => {
  const base = `tools:
  - { id: gong, name: Gong, capabilities: [conversation-intelligence], cost: 84000, seats: { licensed: 60, active: 18 } }
  - { id: hootsuite, name: Hootsuite, capabilities: [social-publishing], cost: 1200 }
`;
  const withSettings = (s: string) => ws(`settings:\n  rules:\n${s}${base}`);

  it('turns a rule off (off, severity: off, enabled: false)', () => {
    expect(ids(findings(ws(base)), 'orphan-tool')).toEqual(['orphan-tool:gong', 'orphan-tool:hootsuite']);
    expect(ids(findings(withSettings('    orphan-tool: off\n')), 'orphan-tool')).toEqual([]);
    expect(ids(findings(withSettings('    orphan-tool: { severity: off }\n')), 'orphan-tool')).toEqual([]);
    expect(ids(findings(withSettings('    orphan-tool: { enabled: false }\n')), 'orphan-tool')).toEqual([]);
  });

  it('changes the severity', () => {
    const got = findings(withSettings('    orphan-tool: high\n    underused-license: { severity: critical }\n'));
    expect(got.filter((f) => f.rule === 'orphan-tool').every((f) => f.severity === 'high')).toBe(true);
    expect(got.find((f) => f.rule === 'underused-license')).toEqual(expect.objectContaining({ id: 'underused-license:gong', severity: 'critical' }));
    expect(got[0].severity).toBe('critical');
  });

  it('changes the threshold (default 0.5)', () => {
    expect(RULES['underused-license'].defaultThreshold).toBe(0.5);
    expect(ids(findings(withSettings('    underused-license: { threshold: 0.25 }\n')), 'underused-license')).toEqual([]);
    const got = findings(withSettings('    underused-license: { threshold: 0.4 }\n')).find((f) => f.rule === 'underused-license');
    expect(got).toEqual(expect.objectContaining({
      id: 'underused-license:gong', severity: 'low', cost: 56000, // (r2) keeping 20 seats (18 in use + 10% spare) saves 40 of 60
      details: expect.objectContaining({ licensed: 60, active: 18, threshold: 0.4 }),
    }));
  });
});

describe('findings', () => {
  const w = ws(`touchpoints:
  - { id: fair, name: Trade fair, stage: consideration, channel: event }
tools:
  - { id: crm, name: Salesforce, capabilities: [crm], hub: true, data: [contact-profile], cost: 10000 }
  - { id: shop, name: Shopify, capabilities: [ecommerce-platform], hub: true, data: [contact-profile], source_of_truth: [contact-profile] }
  - { id: hs, name: HubSpot, capabilities: [crm, email-marketing], data: [contact-profile], source_of_truth: [contact-profile], cost: 5000.5 }
  - { id: mc, name: Mailchimp, capabilities: [email-marketing], data: [contact-profile, email-engagement], cost: { amount: 30, period: month } }
integrations:
  - { from: hs, to: crm, mode: manual }
`);
  const got = findings(w);

  it('are sorted by severity (critical first), then rule, then id', () => {
    const key = (f: (typeof got)[number]) => [-SEVERITY_RANK[f.severity], f.rule, f.id] as const;
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [key(got[i - 1]), key(got[i])];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `${got[i - 1].id} before ${got[i].id}`).toBe(true);
    }
  });

  it('carry stable ids with sorted multi-subjects, names in messages, locations and costs', () => {
    expect(got).toContainEqual(expect.objectContaining({
      id: 'disconnected-hubs:crm+shop', severity: 'high',
      message: expect.stringContaining('Salesforce'),
      location: expect.objectContaining({ file: 'workspace.yaml', line: 6 }),
    }));
    expect(got).toContainEqual(expect.objectContaining({
      // r2: only Salesforce's cost is at stake; HubSpot also does e-mail, a suite named, not summed.
      id: 'capability-overlap:crm', cost: 10000,
      details: { capability: 'crm', tools: ['crm', 'hs'], summed: ['crm'], suites: ['hs'] },
      entities: [{ kind: 'capability', id: 'crm' }, { kind: 'tool', id: 'crm' }, { kind: 'tool', id: 'hs' }],
    }));
    expect(got).toContainEqual(expect.objectContaining({
      id: 'manual-integration:hs+crm', details: expect.objectContaining({ from: 'hs', to: 'crm' }),
      location: expect.objectContaining({ line: 11 }),
    }));
    expect(got).toContainEqual(expect.objectContaining({
      id: 'source-of-truth-conflict:contact-profile', details: expect.objectContaining({ tools: ['hs', 'shop'], candidate: 'shop' }),
    }));
    expect(got).toContainEqual(expect.objectContaining({ id: 'redundant-tool:mc', cost: 360, details: expect.objectContaining({ keep: 'hs' }) }));
    expect(got).toContainEqual(expect.objectContaining({ id: 'data-silo:mc', details: expect.objectContaining({ hubCandidates: expect.any(Array) }) }));
    for (const f of got) {
      expect(f.id.startsWith(`${f.rule}:`)).toBe(true);
      expect(f.message).not.toMatch(/\{\w+\}/);
      expect(f.recommendation).not.toMatch(/\{\w+\}/);
    }
  });

  it('are the same run to run and whatever the order of the input', () => {
    expect(findings(w)).toEqual(got);
    const reordered = ws(`touchpoints:
  - { id: fair, name: Trade fair, stage: consideration, channel: event }
tools:
  - { id: mc, name: Mailchimp, capabilities: [email-marketing], data: [contact-profile, email-engagement], cost: { amount: 30, period: month } }
  - { id: hs, name: HubSpot, capabilities: [email-marketing, crm], data: [contact-profile], source_of_truth: [contact-profile], cost: 5000.5 }
  - { id: shop, name: Shopify, capabilities: [ecommerce-platform], hub: true, data: [contact-profile], source_of_truth: [contact-profile] }
  - { id: crm, name: Salesforce, capabilities: [crm], hub: true, data: [contact-profile], cost: 10000 }
integrations:
  - { from: hs, to: crm, mode: manual }
`);
    expect(findings(reordered).map((f) => [f.id, f.severity, f.cost])).toEqual(got.map((f) => [f.id, f.severity, f.cost]));
  });

  it('are written in Japanese when the language is ja', () => {
    const jp = findings(w, 'ja');
    expect(jp.map((f) => f.id)).toEqual(got.map((f) => f.id));
    expect(jp.find((f) => f.rule === 'disconnected-hubs')!.message).toContain('ハブ');
    expect(jp.find((f) => f.rule === 'capability-overlap')!.message).toContain('€');
  });

  it('realtime-gap and inconsistent-experience never both report a touchpoint', () => {
    const w2Yaml = `touchpoints:
  - { id: t1, name: T1, stage: service, channel: chat, tools: [a], realtime: true }
  - { id: t2, name: T2, stage: service, channel: chat, tools: [b], realtime: true }
  - { id: t3, name: T3, stage: service, channel: chat, tools: [a, b], realtime: true }
tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: a, name: A, capabilities: [live-chat], data: [chat-transcripts] }
  - { id: b, name: B, capabilities: [live-chat], data: [chat-transcripts] }
integrations:
  - { from: a, to: crm }
`;
    const w2 = ws(w2Yaml);
    const g = findings(w2);
    // r2: A only sends to the hub, so no hub data reaches any of these live chats: each is an
    // inconsistent experience, none a realtime gap. Once the hub feeds A nightly, t1 and t3 are gaps.
    expect(ids(g, 'realtime-gap')).toEqual([]);
    expect(ids(g, 'inconsistent-experience')).toEqual(['inconsistent-experience:t1', 'inconsistent-experience:t2', 'inconsistent-experience:t3']);
    const fed = findings(ws(w2Yaml.replace('  - { from: a, to: crm }', '  - { from: a, to: crm, bidirectional: true }')));
    expect(ids(fed, 'realtime-gap')).toEqual(['realtime-gap:t1', 'realtime-gap:t3']);
    expect(ids(fed, 'inconsistent-experience')).toEqual(['inconsistent-experience:t2']);
  });
});
