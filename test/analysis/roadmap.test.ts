// Step 5: generated initiatives, merge with the strategy by id, rejections, dependencies and the
// suggested order, renewals timing, stakeholders and the start month.
import { describe, expect, it } from 'vitest';
import { addMonths, monthIndex, monthString, topoOrder } from '../../src/analysis/roadmap/index.js';
import { isGeneratedInitiativeId } from '../../src/analysis/rules/index.js';
import { run, tool } from './helpers.js';

const STACK = `version: 1
organization: { name: T, currency: EUR, departments: [sales, service, marketing, it] }
tools:
${tool('crm', { capabilities: ['crm', 'email-marketing'], hub: true, owner: 'sales', cost: 50000, data: ['contact-profile', 'orders'], source_of_truth: ['contact-profile'] })}
${tool('chat', { capabilities: ['live-chat', 'help-desk'], owner: 'service', cost: 6000, data: ['contact-profile', 'chat-transcripts'] })}
${tool('desk', { capabilities: ['help-desk', 'knowledge-base'], owner: 'service', cost: 9000, data: ['tickets'] })}
${tool('mail', { capabilities: ['email-marketing'], owner: 'marketing', cost: 3600, renewal: '2027-06', data: ['contact-profile', 'email-engagement'] })}
touchpoints:
  - { id: chat, name: Chat, stage: service, channel: chat, owner: service, tools: [chat], captures: [chat-transcripts] }
  - { id: tickets, name: Tickets, stage: service, channel: email, owner: service, tools: [desk], captures: [tickets] }
  - { id: news, name: News, stage: awareness, channel: email, owner: marketing, tools: [mail], captures: [email-engagement] }
  - { id: site, name: Site, stage: purchase, channel: website, owner: sales, tools: [crm], captures: [orders] }
integrations:
  - { from: mail, to: crm, data: [contact-profile] }
`;

const ids = (r: ReturnType<typeof run>) => r.roadmap.initiatives.map((i) => i.id);
const get = (r: ReturnType<typeof run>, id: string) => r.roadmap.initiatives.find((i) => i.id === id);

describe('generated initiatives', () => {
  it('answers findings with stable ids, phases, owners and stakeholders', () => {
    const r = run(STACK, { start: '2027-01' });
    const connect = get(r, 'connect-chat')!;
    expect(connect).toMatchObject({ kind: 'integrate', phase: 2, tools: ['chat', 'crm'], owner: 'service', source: 'generated', status: 'proposed' });
    expect(connect.addresses).toContain('data-silo:chat');
    // connecting the chat changes sales' CRM: sales is a stakeholder
    expect(connect.stakeholders).toContain('sales');
    const retire = get(r, 'retire-mail')!;
    expect(retire).toMatchObject({ kind: 'retire', phase: 1, saving: 3600, owner: 'marketing' });
    expect(retire.addresses).toEqual(expect.arrayContaining(['redundant-tool:mail', 'capability-overlap:email-marketing']));
    for (const i of r.roadmap.initiatives) expect(isGeneratedInitiativeId(i.id), i.id).toBe(true);
  });

  it('overlaps between the same tools become one consolidation that waits for the connection', () => {
    const r = run(STACK, { start: '2027-01' });
    const consolidations = r.roadmap.initiatives.filter((i) => i.kind === 'consolidate');
    expect(consolidations).toHaveLength(1);
    const c = consolidations[0];
    expect(c.phase).toBe(3);
    expect(c.dependsOn).toContain('connect-chat');
    expect(ids(r).indexOf('connect-chat')).toBeLessThan(ids(r).indexOf(c.id));
    expect(monthIndex(c.start!)).toBeGreaterThan(monthIndex(get(r, 'connect-chat')!.end!));
  });

  it('orders by phase, and within a phase the highest severity answered first, then the widest impact (r2)', () => {
    const r = run(STACK, { start: '2027-01' });
    const phases = r.roadmap.initiatives.map((i) => i.phase);
    expect([...phases].sort()).toEqual(phases);
    r.roadmap.initiatives.forEach((i, n) => expect(i.order).toBe(n + 1));
    const rank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;
    const severity = new Map(r.findings.map((f) => [f.id, rank[f.severity]]));
    const top = (i: (typeof r.roadmap.initiatives)[number]) => Math.max(0, ...i.addresses.map((x) => severity.get(x) ?? 0));
    for (let n = 1; n < r.roadmap.initiatives.length; n++) {
      const [a, b] = [r.roadmap.initiatives[n - 1], r.roadmap.initiatives[n]];
      if (a.phase !== b.phase || b.dependsOn.length || a.dependsOn.length) continue;
      expect(top(a)).toBeGreaterThanOrEqual(top(b));
      if (top(a) === top(b)) expect(a.impact).toBeGreaterThanOrEqual(b.impact);
    }
  });

  it('every initiative names what it keeps and drops (r2)', () => {
    const r = run(STACK, { start: '2027-01' });
    expect(get(r, 'retire-mail')).toMatchObject({ drop: ['mail'], keep: ['crm'] });
    expect(get(r, 'connect-chat')).toMatchObject({ keep: ['chat', 'crm'], drop: [] });
    for (const i of r.roadmap.initiatives) expect(i.keep.filter((t) => i.drop.includes(t))).toEqual([]);
  });
});

describe('renewals', () => {
  it('a retirement is timed to land before the renewal it saves', () => {
    const r = run(STACK, { start: '2027-01' });
    const retire = get(r, 'retire-mail')!;
    expect(retire.renewal).toEqual({ tool: 'mail', month: '2027-06', cost: 3600, met: true });
    expect(monthIndex(retire.end!)).toBeLessThan(monthIndex('2027-06'));
    expect(r.roadmap.renewals).toEqual([{ tool: 'mail', name: 'mail', month: '2027-06', cost: 3600, initiative: 'retire-mail' }]);
  });

  it('when it cannot land in time, it says so and targets the next renewal', () => {
    const r = run(STACK.replace('"2027-06"', '"2027-01"'), { start: '2027-01' });
    const retire = get(r, 'retire-mail')!;
    expect(retire.renewal).toMatchObject({ tool: 'mail', met: false, missed: '2027-01', month: '2028-01' });
  });

  it('a renewal month in the past rolls forward to the next one', () => {
    const r = run(STACK.replace('"2027-06"', '"2025-06"'), { start: '2027-01' });
    expect(r.roadmap.renewals[0].month).toBe('2027-06');
  });
});

describe('authored initiatives', () => {
  const withStrategy = (initiatives: string) => `${STACK}strategy:\n  review: monthly\n  initiatives:\n${initiatives}`;

  it('merge by id: the authored fields win, the generated ones fill the gaps', () => {
    const r = run(withStrategy(`    - { id: connect-chat, title: "Chat app for the CRM", owner: it, start: 2027-04, months: 5 }\n`), { start: '2027-01' });
    const c = get(r, 'connect-chat')!;
    expect(c).toMatchObject({ title: 'Chat app for the CRM', owner: 'it', start: '2027-04', months: 5, source: 'authored', kind: 'integrate', phase: 2 });
    expect(c.addresses).toContain('data-silo:chat');
    expect(c.stakeholders).toEqual(expect.arrayContaining(['sales', 'service']));
    expect(r.roadmap.review).toBe('monthly');
  });

  it('status: rejected drops the generated initiative and says so', () => {
    const r = run(withStrategy(`    - { id: retire-mail, title: "Keep Mailchimp", status: rejected, notes: "Legal needs the archive" }\n`), { start: '2027-01' });
    expect(ids(r)).not.toContain('retire-mail');
    expect(r.roadmap.rejected).toEqual([{ id: 'retire-mail', title: 'Keep Mailchimp', drops: ['retire-mail'], notes: 'Legal needs the archive' }]);
    expect(r.roadmap.unaddressed).toContain('redundant-tool:mail');
  });

  it('an authored initiative that answers the same finding with the same tools replaces the generated one', () => {
    const r = run(withStrategy(`    - { id: service-to-crm, title: "Service on the CRM", kind: integrate, tools: [chat, crm], addresses: ["data-silo:chat"] }\n`), { start: '2027-01' });
    expect(ids(r)).not.toContain('connect-chat');
    expect(r.roadmap.replaced).toEqual([{ id: 'connect-chat', by: 'service-to-crm' }]);
    // who depended on the generated one now depends on the authored one
    const consolidate = r.roadmap.initiatives.find((i) => i.kind === 'consolidate')!;
    expect(consolidate.dependsOn).toContain('service-to-crm');
  });

  it('the roadmap starts at --start, else at the strategy\'s first month when later than now, else now', () => {
    const strategy = withStrategy(`    - { id: x-training, title: "Training", start: 2027-05 }\n`);
    expect(run(strategy, { start: '2027-02' }).roadmap.start).toBe('2027-02');
    expect(run(strategy, { now: '2027-01' }).roadmap.start).toBe('2027-05');
    expect(run(strategy, { now: '2027-09' }).roadmap.start).toBe('2027-09');
    expect(run(STACK).roadmap.start).toBeUndefined();
    expect(run(STACK, { now: '2026-11' }).roadmap.nextReview).toBe('2027-02');
  });
});

describe('replatform', () => {
  it('no hub and sixteen customer-data tools: a pilot first, then the migration', () => {
    const tools = 'abcdefghijklmnop'.split('').map((id, i) => tool(id, { capabilities: [`cap-${id}`], owner: i < 9 ? 'sales' : 'service', data: ['contact-profile'] })).join('\n');
    const r = run(`version: 1\norganization: { name: T, departments: [sales, service] }\ntools:\n${tools}\n`, { start: '2027-01' });
    expect(r.assessment.level).toBe('replatform');
    const pilot = get(r, 'replatform-pilot')!;
    const migrate = get(r, 'replatform')!;
    expect(pilot).toMatchObject({ kind: 'pilot', pilot: true, phase: 3, owner: 'sales' });
    expect(migrate.dependsOn).toContain('replatform-pilot');
    expect(ids(r).indexOf('replatform-pilot')).toBeLessThan(ids(r).indexOf('replatform'));
    expect(pilot.addresses).toContain('no-customer-hub:workspace');
    expect(migrate.stakeholders).toContain('service');
  });

  it('a small company without a hub adopts a CRM in weeks, not a pilot and a migration (r2 size)', () => {
    const tools = ['a', 'b', 'c', 'd', 'e'].map((id, i) => tool(id, { capabilities: [`cap-${id}`], owner: i < 3 ? 'sales' : 'service', data: ['contact-profile'] })).join('\n');
    const r = run(`version: 1\norganization: { name: T, departments: [sales, service] }\ntools:\n${tools}\n`, { start: '2027-01' });
    expect(r.assessment.level).toBe('replatform');
    expect(ids(r).filter((x) => x.startsWith('replatform'))).toEqual([]);
    const adopt = get(r, 'establish-hub')!;
    expect(adopt.title).toMatch(/^Adopt a CRM/);
    expect(adopt.addresses).toContain('no-customer-hub:workspace');
    for (const i of r.roadmap.initiatives) expect(i.months, i.id).toBe(1);
  });
});

describe('helpers', () => {
  it('months', () => {
    expect(addMonths('2027-11', 3)).toBe('2028-02');
    expect(monthString(monthIndex('2027-01') - 1)).toBe('2026-12');
  });

  it('topoOrder puts dependencies first and breaks cycles by priority', () => {
    const item = (id: string, deps: string[] = []) => ({ id, dependsOn: new Set(deps) });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(topoOrder([item('a', ['c']), item('b'), item('c')], byId).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(topoOrder([item('a', ['b']), item('b', ['a'])], byId).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('waves (r2: "a 60-tool enterprise gets pilots and waves")', () => {
  it('a large stack runs at most five initiatives at once; those starting together form a wave; renewals are still met', async () => {
    const { audit } = await import('../../src/api.js');
    const r = await audit('test/fixtures/realistic/kestrel-financial/workspace', { lang: 'en', now: '2026-12' });
    const list = r.roadmap.initiatives;
    expect(list.length).toBeGreaterThan(5);
    // Five at once; only work that saves a renewal may run beside them rather than wait and miss it.
    const running = new Map<number, number>();
    for (const i of list.filter((x) => !x.renewal)) for (let m = monthIndex(i.start!); m <= monthIndex(i.end as string); m++) running.set(m, (running.get(m) ?? 0) + 1);
    for (const [m, n] of running) expect(n, monthString(m)).toBeLessThanOrEqual(5);
    expect(Math.max(...running.values())).toBe(5);
    // Waves are numbered by start month, from 1, with no gap.
    const waves = [...new Set(list.map((i) => i.wave as number))].sort((a, b) => a - b);
    expect(waves[0]).toBe(1);
    expect(waves).toEqual(waves.map((_, k) => k + 1));
    for (const i of list) for (const j of list) if ((i.start as string) < (j.start as string)) expect(i.wave as number).toBeLessThan(j.wave as number);
    // Waiting for room never costs a renewal that starting at once would meet.
    expect(list.filter((i) => (i.renewal as { met: boolean } | undefined)?.met === false).map((i) => i.id)).toEqual([]);
  });

  it('a small stack has no waves: its few initiatives run side by side', () => {
    const r = run(STACK, { start: '2027-01' });
    expect(r.roadmap.initiatives.filter((i) => i.wave !== undefined)).toEqual([]);
  });
});

describe('size and consolidation (r2)', () => {
  it('a small company connects three or more tools to its hub in one initiative', async () => {
    const { audit } = await import('../../src/api.js');
    const r = await audit('test/fixtures/realistic/brightwater-pets/workspace.yaml', { lang: 'en', now: '2026-12' });
    const one = r.roadmap.initiatives.find((i) => i.id === 'connect-to-hub')!;
    // GA4's web activity is pseudonymous (an analytics tool): nothing of it to connect (blind review 2, defect 7)
    expect(one.keep).toEqual(['gorgias', 'klaviyo', 'nosto', 'typeform', 'shopify']);
    expect(one.addresses).toEqual(expect.arrayContaining(['trapped-data:klaviyo', 'trapped-data:nosto']));
    expect(r.roadmap.initiatives.map((i) => i.id).filter((id) => id.startsWith('connect-') && id !== 'connect-to-hub')).toEqual([]);
    expect(r.roadmap.initiatives.length).toBeLessThanOrEqual(10);
  });

  it('two ad tools on one network are run as one set-up: nothing dropped, no saving (media spend)', async () => {
    const { audit } = await import('../../src/api.js');
    const r = await audit('test/fixtures/realistic/kestrel-financial/workspace', { lang: 'en', now: '2026-12' });
    // Google Ads and DV360 both buy YouTube: one conversion set-up, both stay.
    const media = r.roadmap.initiatives.find((i) => i.id === 'align-media-google')!;
    expect(media.keep).toEqual(['display-video-360', 'google-ads']);
    expect(media.drop).toEqual([]);
    expect(media.saving).toBeUndefined();
    expect(media.addresses).toEqual(['capability-overlap:display-advertising', 'capability-overlap:video-advertising']);
    expect(r.roadmap.initiatives.flatMap((i) => i.drop)).not.toContain('google-ads');
  });
});

describe('a small company without a hub', () => {
  // Two systems joined by a CSV export and no hub: "adopt a CRM and connect A and B to it" is the
  // whole job; a second "connect B to the customer hub" after it would be the same work twice.
  const NO_HUB = `version: 1
organization: { name: T, currency: EUR, departments: [office, marketing] }
tools:
${tool('students', { capabilities: ['student-information'], owner: 'office', cost: 12000, data: ['contact-profile', 'orders'] })}
${tool('mailer', { capabilities: ['email-marketing'], owner: 'marketing', cost: 2400, data: ['contact-profile', 'email-engagement'] })}
${tool('forms', { capabilities: ['forms'], owner: 'marketing', cost: 600, data: ['contact-profile'] })}
touchpoints:
  - { id: news, name: News, stage: loyalty, channel: email, owner: marketing, tools: [mailer], captures: [email-engagement] }
  - { id: signup, name: Sign-up, stage: purchase, channel: website, owner: office, tools: [forms, students], captures: [contact-profile, orders] }
integrations:
  - { from: students, to: mailer, data: [contact-profile], mode: manual }
  - { from: forms, to: students, data: [contact-profile], mode: manual }
`;

  it('connects the tools the CRM adoption names inside that initiative, not again one by one', () => {
    const r = run(NO_HUB, { start: '2027-01' });
    const hub = get(r, 'establish-hub');
    expect(hub, ids(r).join(', ')).toBeDefined();
    const connects = ids(r).filter((id) => id.startsWith('connect-'));
    expect(connects).toEqual([]);
    expect(hub!.addresses.some((a) => a.startsWith('manual-integration:'))).toBe(true);
  });
});

describe('the size of the company', () => {
  // The same six-tool stack without a hub: a nine-person firm adopts a CRM in weeks; with 600
  // people the replatform level gets its pilot first, then the migration (rules.md, roadmap).
  const stack = (employees?: number) => `version: 1
organization: { name: T, currency: EUR, departments: [office, marketing]${employees ? `, employees: ${employees}` : ''} }
tools:
${['a', 'b', 'c', 'd', 'e', 'f'].map((x, i) => tool(x, { capabilities: [['email-marketing', 'forms', 'live-chat', 'help-desk', 'webinars', 'e-commerce'][i]], owner: i % 2 ? 'office' : 'marketing', cost: 1200, data: ['contact-profile'] })).join('\n')}
touchpoints:
  - { id: site, name: Site, stage: purchase, channel: website, owner: office, tools: [f], captures: [contact-profile] }
integrations: []
`;
  it('is small when the workspace does not say (as before) or says 50 people or fewer', () => {
    for (const n of [undefined, 9, 50]) {
      const r = run(stack(n), { start: '2027-01' });
      expect(r.assessment.level).toBe('replatform');
      expect(ids(r)).toContain('establish-hub');
      expect(ids(r)).not.toContain('replatform-pilot');
    }
  });
  it('asks how many people work there when that decides the roadmap (never assumes it silently)', () => {
    const asks = (r: ReturnType<typeof run>) => r.assessment.questions.some((q) => q.about === 'organization' && q.field === 'employees');
    expect(asks(run(stack(), { start: '2027-01' }))).toBe(true);
    expect(asks(run(stack(9), { start: '2027-01' }))).toBe(false);
    expect(asks(run(stack(600), { start: '2027-01' }))).toBe(false);
  });
  it('pilots, then migrates, for a company of more than 50 people', () => {
    const r = run(stack(600), { start: '2027-01' });
    expect(ids(r)).toEqual(expect.arrayContaining(['replatform-pilot', 'replatform']));
    expect(ids(r)).not.toContain('establish-hub');
    expect(get(r, 'replatform')!.dependsOn).toContain('replatform-pilot');
  });
});
