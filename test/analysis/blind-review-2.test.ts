// General rules drawn from blind review 2 (test/fixtures/realistic/GAPS.md "Blind review 2"), each
// on a small workspace of its own: the realistic fixtures show the defect, these show the rule.
import { describe, expect, it } from 'vitest';
import { run, tool } from './helpers.js';

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
