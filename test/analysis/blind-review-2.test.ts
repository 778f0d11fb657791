// General rules drawn from blind review 2 (test/fixtures/realistic/GAPS.md "Blind review 2"), each
// on a small workspace of its own: the realistic fixtures show the defect, these show the rule.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { translator } from '../../src/i18n/index.js';
import { buildSummary } from '../../src/report/summary.js';
import { run, tool, workspace } from './helpers.js';

const get = (r: ReturnType<typeof run>, id: string) => r.roadmap.initiatives.find((i) => i.id === id);
const finding = (r: ReturnType<typeof run>, id: string) => r.findings.find((f) => f.id === id);

describe('media spend is never a saving (defect 1)', () => {
  // Two accounts of one network for two countries: the r2 letter makes them overlap, but what
  // they cost is the advertising itself. One set-up, nothing dropped, nothing saved.
  const TWO_ACCOUNTS = `version: 1
organization: { name: T, currency: EUR, departments: [marketing, sales] }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, owner: 'sales', cost: 20000, data: ['contact-profile'] })}
${tool('ads-es', { capabilities: ['search-advertising'], network: 'google', owner: 'marketing', cost: 120000, data: ['ad-engagement'] })}
${tool('ads-mx', { capabilities: ['search-advertising'], network: 'google', owner: 'marketing', cost: 95000, data: ['ad-engagement'] })}
touchpoints:
  - { id: search-es, name: Search ES, stage: awareness, channel: search, owner: marketing, tools: [ads-es] }
  - { id: search-mx, name: Search MX, stage: awareness, channel: search, owner: marketing, tools: [ads-mx] }
  - { id: sales, name: Sales, stage: purchase, channel: phone, owner: sales, tools: [crm] }
`;

  it('the overlap of two accounts on one network shows no money at stake', () => {
    const r = run(TWO_ACCOUNTS, { start: '2027-01' });
    const f = finding(r, 'capability-overlap:search-advertising')!;
    expect(f).toBeDefined();
    expect(f.cost).toBeUndefined();
    expect(f.message).toContain('media spend, not a saving');
    expect(f.recommendation).not.toMatch(/phase out/);
  });

  it('its initiative keeps both accounts, drops none and saves nothing', () => {
    const r = run(TWO_ACCOUNTS, { start: '2027-01' });
    const i = get(r, 'align-media-google')!;
    expect(i).toMatchObject({ kind: 'governance', phase: 1, keep: ['ads-es', 'ads-mx'], drop: [] });
    expect(i.saving).toBeUndefined();
    expect(i.addresses).toEqual(['capability-overlap:search-advertising']);
    expect(r.roadmap.initiatives.filter((x) => x.id.startsWith('consolidate-'))).toEqual([]);
    expect(r.roadmap.totalSaving).toBe(0);
  });
});

describe('a low master-data question never holds up a high fix, and names the master the roadmap names (defect 9)', () => {
  const EVENTS = `version: 1
organization: { name: T, currency: EUR, departments: [fundraising, volunteers] }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, owner: 'fundraising', cost: 0, data: ['contact-profile', 'donations'] })}
${tool('tickets', { capabilities: ['event-management'], owner: 'fundraising', cost: 900, data: ['contact-profile', 'event-attendance'] })}
${tool('volunteering', { capabilities: ['webinars'], owner: 'volunteers', cost: 1200, data: ['contact-profile', 'event-attendance'] })}
touchpoints:
  - { id: gala, name: Gala, stage: loyalty, channel: event, owner: fundraising, tools: [tickets], captures: [event-attendance] }
  - { id: induction, name: Induction, stage: service, channel: phone, owner: volunteers, tools: [volunteering], captures: [event-attendance] }
  - { id: gifts, name: Gifts, stage: purchase, channel: website, owner: fundraising, tools: [crm], captures: [donations] }
integrations:
  - { from: tickets, to: crm, data: [contact-profile, event-attendance] }
`;

  it('connecting a silo into the hub does not wait for the low "which system is the master" workshop', () => {
    const r = run(EVENTS, { start: '2027-01' });
    expect(finding(r, 'no-source-of-truth:event-attendance')?.severity).toBe('low');
    const connect = r.roadmap.initiatives.find((i) => i.addresses.includes('data-silo:volunteering'))!;
    expect(connect.phase).toBe(2);
    expect(connect.dependsOn.filter((x) => x.startsWith('designate-sot-') || x === 'agree-sources-of-truth')).toEqual([]);
    expect(connect.start).toBe('2027-01');
  });

  const MAIL = `version: 1
organization: { name: T, currency: EUR, departments: [marketing, sales] }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, owner: 'sales', cost: 20000, data: ['contact-profile'] })}
${tool('mail-small', { capabilities: ['email-marketing'], owner: 'marketing', cost: 1000, data: ['contact-profile', 'email-engagement'] })}
${tool('mail-suite', { capabilities: ['email-marketing', 'marketing-automation'], owner: 'marketing', cost: 9000, data: ['contact-profile', 'email-engagement'] })}
touchpoints:
  - { id: news, name: News, stage: loyalty, channel: email, owner: marketing, tools: [mail-small], captures: [email-engagement] }
  - { id: promo, name: Promo, stage: awareness, channel: email, owner: marketing, tools: [mail-small], captures: [email-engagement] }
  - { id: nurture, name: Nurture, stage: consideration, channel: email, owner: marketing, tools: [mail-suite], captures: [email-engagement] }
integrations:
  - { from: crm, to: mail-small, data: [contact-profile] }
  - { from: crm, to: mail-suite, data: [contact-profile] }
`;

  it('the finding offers as master the tool the designate-sot initiative names, never one the roadmap drops', () => {
    const r = run(MAIL, { start: '2027-01' });
    expect(r.roadmap.initiatives.flatMap((i) => i.drop)).toContain('mail-small');
    const f = finding(r, 'no-source-of-truth:email-engagement')!;
    const sot = r.roadmap.initiatives.find((i) => i.addresses.includes(f.id))!;
    expect(sot.keep).toEqual(['mail-suite']);
    expect(f.details).toMatchObject({ candidate: 'mail-suite' });
    expect(f.recommendation).toContain('mail-suite');
    expect(f.recommendation).not.toContain('mail-small');
  });
});

describe('free seats are an adoption question, not a saving (defect 6)', () => {
  const FREE = `version: 1
organization: { name: T, currency: NZD, departments: [fundraising] }
tools:
${tool('npsp', { capabilities: ['crm'], hub: true, owner: 'fundraising', cost: 0, seats: { licensed: 10, active: 3 }, data: ['contact-profile', 'donations'] })}
touchpoints:
  - { id: gifts, name: Gifts, stage: purchase, channel: website, owner: fundraising, tools: [npsp], captures: [donations] }
`;

  it('speaks of adoption, names no money and proposes no seat reduction', () => {
    const r = run(FREE, { start: '2027-01' });
    const f = finding(r, 'underused-license:npsp')!;
    expect(f.cost).toBeUndefined();
    expect(f.message).toContain('adoption');
    expect(f.recommendation).not.toMatch(/^Reduce/);
    expect(r.roadmap.initiatives.filter((i) => i.id.startsWith('license-') || i.id === 'reduce-licenses')).toEqual([]);
    const adopt = get(r, 'adopt-npsp')!;
    expect(adopt).toMatchObject({ phase: 1, keep: ['npsp'], drop: [], addresses: ['underused-license:npsp'] });
    expect(adopt.saving).toBeUndefined();
    expect(r.roadmap.totalSaving).toBe(0);
  });
});

describe('a hub is never redundant (defect 2)', () => {
  // Two CRMs of two countries, not connected: two customer views (disconnected-hubs), whose answer
  // is a platform decision, never a quick retirement of one of them.
  const TWO_HUBS = `version: 1
organization: { name: T, currency: EUR, departments: [sales-es, sales-mx] }
tools:
${tool('crm-es', { capabilities: ['crm', 'sales-pipeline'], hub: true, owner: 'sales-es', cost: 90000, data: ['contact-profile', 'orders'] })}
${tool('crm-mx', { capabilities: ['crm'], hub: true, owner: 'sales-mx', cost: 30000, data: ['contact-profile', 'orders'] })}
touchpoints:
  - { id: es, name: Sales ES, stage: purchase, channel: phone, owner: sales-es, tools: [crm-es], captures: [orders] }
  - { id: mx, name: Sales MX, stage: purchase, channel: phone, owner: sales-mx, tools: [crm-mx], captures: [orders] }
`;

  it('two hubs make disconnected-hubs, no redundant-tool and no phase-1 retirement', () => {
    const r = run(TWO_HUBS, { start: '2027-01' });
    const ids = r.findings.map((f) => f.id);
    expect(ids).toContain('disconnected-hubs:crm-es+crm-mx');
    expect(ids.filter((id) => id.startsWith('redundant-tool:'))).toEqual([]);
    const phase1Drops = r.roadmap.initiatives.filter((i) => i.phase === 1).flatMap((i) => i.drop);
    expect(phase1Drops).toEqual([]);
  });
});

describe('one initiative per tool connection (defect 5, roadmap half)', () => {
  // A donation tool whose only way to the CRM is a monthly CSV: the connection that replaces the
  // CSV is also what makes the donations arrive in time; no second "freshen" initiative.
  const MONTHLY_CSV = `version: 1
organization: { name: T, currency: NZD, departments: [fundraising] }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, owner: 'fundraising', cost: 0, data: ['contact-profile', 'donations'] })}
${tool('donate', { capabilities: ['forms'], owner: 'fundraising', cost: 1200, data: ['contact-profile', 'donations'] })}
touchpoints:
  - { id: online, name: Online gifts, stage: purchase, channel: website, owner: fundraising, tools: [donate], captures: [donations], needs: daily }
  - { id: calls, name: Thank-you calls, stage: service, channel: phone, owner: fundraising, tools: [crm], captures: [donations] }
integrations:
  - { from: donate, to: crm, data: [contact-profile, donations], mode: manual, frequency: monthly }
`;

  it('the connection answers the freshness gap of the tool it connects', () => {
    const r = run(MONTHLY_CSV, { start: '2027-01' });
    expect(r.findings.map((f) => f.id)).toContain('freshness-gap:online');
    const ids = r.roadmap.initiatives.map((i) => i.id);
    expect(ids.filter((id) => id.startsWith('freshen-'))).toEqual([]);
    const connect = r.roadmap.initiatives.find((i) => i.addresses.includes('freshness-gap:online'))!;
    expect(connect.id).toMatch(/^connect-/);
    expect(connect.addresses).toEqual(expect.arrayContaining(['manual-integration:donate+crm']));
  });

  it('an inconsistent experience whose only cause is that manual link is folded into it (fold 3 extended)', () => {
    const r = run(MONTHLY_CSV, { start: '2027-01' });
    const ids = r.findings.map((f) => f.id);
    expect(ids.filter((id) => id.startsWith('inconsistent-experience:'))).toEqual([]);
    const link = r.findings.find((f) => f.id === 'manual-integration:donate+crm')!;
    expect(link.folded).toEqual(expect.arrayContaining(['data-silo:donate', 'inconsistent-experience:online']));
  });
});

describe('wording (defects 11 and 12)', () => {
  const THREE_HUBS = `version: 1
organization: { name: T, currency: EUR, departments: [es, mx] }
tools:
${tool('crm', { name: 'Salesforce', capabilities: ['crm'], hub: true, owner: 'es', cost: 1000, data: ['contact-profile'] })}
${tool('cdp', { name: 'Segment', capabilities: ['cdp'], hub: true, owner: 'es', cost: 1000, data: ['contact-profile'] })}
${tool('hubspot', { name: 'HubSpot', capabilities: ['crm'], hub: true, owner: 'mx', cost: 1000, data: ['contact-profile'] })}
${tool('cms', { name: 'Site', capabilities: ['content-management'], owner: 'mx', cost: 100, data: [] })}
touchpoints:
  - { id: form, name: '"Become a tutor" application', stage: consideration, channel: website, owner: mx, tools: [cms] }
  - { id: flyer, name: 'Flyer "Read with us"', stage: awareness, channel: website, owner: es, tools: [cms] }
  - { id: sales, name: Sales, stage: purchase, channel: phone, owner: mx, tools: [hubspot] }
integrations:
  - { from: cdp, to: crm, data: [contact-profile] }
`;

  it('a side of several joined hubs is one view, in English and Japanese', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const r = analyze(workspace(THREE_HUBS), { path: 'test.yaml', tr: await translator(lang) });
      const f = r.findings.find((x) => x.rule === 'disconnected-hubs')!;
      expect(f.message).not.toMatch(/HubSpot (and|と) Salesforce (and|と) Segment/);
      expect(f.message).toContain(lang === 'en' ? 'Segment (joined with Salesforce)' : 'Segment（Salesforce と連携済み）');
    }
  });

  it('a touchpoint name that holds quotes is not quoted again', () => {
    const r = run(THREE_HUBS.replace('tools: [print] }', 'tools: [] }'), { start: '2027-01' });
    const titles = r.roadmap.initiatives.map((i) => i.title).join('\n');
    expect(titles).not.toContain('""');
  });

  it('the executive summary calls opt-ins consent choices, not opt-outs', async () => {
    const ws = workspace(`version: 1
organization: { name: T, currency: EUR, departments: [office] }
tools:
${tool('crm', { capabilities: ['crm', 'email-marketing'], hub: true, owner: 'office', cost: 1000, data: ['contact-profile', 'consent'] })}
${tool('forms', { capabilities: ['online-fundraising'], owner: 'office', cost: 100, data: ['contact-profile', 'consent'] })}
touchpoints:
  - { id: give, name: Give, stage: purchase, channel: website, owner: office, tools: [forms], captures: [consent] }
  - { id: news, name: News, stage: loyalty, channel: email, owner: office, tools: [crm] }
`);
    const r = analyze(ws, { path: 'test.yaml', now: '2026-12' });
    expect(r.findings.map((f) => f.id)).toContain('consent-not-synced:forms');
    const s = buildSummary(ws, r, await translator('en'));
    const consent = s.problems.find((p) => p.rule === 'consent-not-synced')!;
    expect(consent.headline).toMatch(/^Consent choices recorded in forms/);
  });
});
