// What a client reads, checked on small workspaces (blind review of three realistic workspaces,
// defects 4, 12, 13 and 15): figures that are possible, a coverage that counts what belongs in
// the customer view, an executive summary that tells one problem once and agrees with the level,
// and interview questions a client can answer.
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/report/summary.js';
import { run, workspace } from './helpers.js';
import { analyze } from '../../src/analysis/analyze.js';
import { translator } from '../../src/i18n/index.js';

const NO_HUB = `version: 1
organization: { name: Juku }
data_types:
  - { id: web-activity, personal: false }
tools:
  - { id: form, name: Form, capabilities: [forms], data: [contact-profile] }
  - { id: sheet, name: Sheet, capabilities: [spreadsheet], data: [contact-profile] }
  - { id: mail, name: Mail, capabilities: [email-marketing], data: [contact-profile, email-engagement] }
  - { id: line, name: LINE, capabilities: [messaging], data: [contact-profile] }
  - { id: student, name: Students, capabilities: [contact-management], data: [contact-profile, enrollment] }
  - { id: ads, name: Google Ads, capabilities: [search-advertising], data: [ad-engagement] }
  - { id: ga4, name: GA4, capabilities: [web-analytics], data: [web-activity] }
  - { id: print, name: Print service, capabilities: [direct-mail], cost: 80000, data: [] }
`;

describe('figures a client can believe', () => {
  it('with no hub, every tool holding personal data is connected to no hub: 100%, and aggregate-only tools are in neither count', () => {
    const r = run(NO_HUB);
    expect(r.assessment.metrics.siloedTools).toBe(5);
    expect(r.assessment.metrics.customerDataTools).toBe(5);
    expect(r.assessment.metrics.siloedShare).toBe(1);
    const noHub = r.findings.find((f) => f.rule === 'no-customer-hub')!;
    expect(noHub.entities.filter((e) => e.kind === 'tool').map((e) => e.id).sort()).toEqual(['form', 'line', 'mail', 'sheet', 'student']);
  });

  it('customer-view coverage counts first-party types only: not second- or third-party or restricted data', () => {
    const r = run(`version: 1
organization: { name: Shop }
data_types:
  - { id: marketplace-orders, party: second, personal: true, restricted: "marketplace terms" }
  - { id: segments, party: third, personal: false }
  - { id: partner-leads, party: second, personal: true }
tools:
  - { id: shop, name: Shop, capabilities: [ecommerce-platform], hub: true, data: [contact-profile, orders] }
  - { id: mail, name: Mail, capabilities: [email-marketing], data: [contact-profile, email-engagement] }
  - { id: amazon, name: Seller Central, capabilities: [marketplace-management], data: [marketplace-orders] }
  - { id: dsp, name: DSP, capabilities: [programmatic-advertising], data: [segments] }
  - { id: ads, name: Ads, capabilities: [search-advertising], data: [ad-engagement] }
  - { id: partner, name: Partner portal, capabilities: [forms], data: [partner-leads] }
integrations:
  - { from: shop, to: mail, data: [contact-profile] }
`);
    expect(r.assessment.coverage.dataTypes).toMatchObject({ total: 4, reaching: 2, missing: ['ad-engagement', 'email-engagement'] });
  });
});

describe('the executive summary', () => {
  const webinars = `version: 1
organization: { name: Hydraulics }
tools:
  - { id: crm, name: Salesforce, capabilities: [crm], hub: true, data: [contact-profile, event-attendance], cost: 100000 }
  - { id: zoom, name: Zoom Webinars, capabilities: [webinars], data: [contact-profile, event-attendance], cost: 4200 }
  - { id: goto, name: GoTo Webinar, capabilities: [webinars], data: [contact-profile, event-attendance], cost: 3400 }
  - { id: zoominfo, name: ZoomInfo, capabilities: [sales-intelligence], data: [enrichment], cost: 24000, seats: { licensed: 15, active: 6 } }
integrations:
  - { from: zoom, to: crm }
  - { from: zoominfo, to: crm }
settings:
  rules: { empty-stage: off }
`;

  it('tells one problem once: the silo, the overlap and the redundancy that retiring one tool answers are one problem', async () => {
    const ws = workspace(webinars);
    const r = analyze(ws, { path: 'test.yaml', now: '2026-12' });
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['data-silo', 'capability-overlap', 'redundant-tool']));
    const s = buildSummary(ws, r, await translator('en'));
    const told = s.problems.map((p) => p.rule);
    expect(told.slice(0, 2)).toEqual(['data-silo', 'underused-license']);
    expect(told).not.toContain('capability-overlap');
    expect(told).not.toContain('redundant-tool');
  });

  it('puts a lost opt-out before a silo of the same severity, and a problem of several findings says what the roadmap does for each', async () => {
    const ws = workspace(`version: 1
organization: { name: Coffee }
tools:
  - { id: shop, name: Shopify, capabilities: [ecommerce-platform], hub: true, data: [contact-profile, consent] }
  - { id: mail, name: Klaviyo, capabilities: [email-marketing], data: [contact-profile, consent, unsubscribes] }
  - { id: sub, name: Recharge, capabilities: [subscription-commerce], data: [contact-profile, subscriptions, unsubscribes], cost: 900000 }
  - { id: quiz, name: Typeform, capabilities: [forms], data: [contact-profile, quiz-answers] }
  - { id: survey, name: SurveyMonkey, capabilities: [surveys], data: [contact-profile, survey-responses] }
  - { id: amazon, name: Seller Central, capabilities: [marketplace-management], data: [contact-profile, orders], cost: 100000 }
integrations:
  - { from: shop, to: mail, data: [contact-profile, consent] }
  - { from: mail, to: shop, data: [unsubscribes] }
  - { from: sub, to: shop, data: [contact-profile, subscriptions] }
  - { from: quiz, to: shop, data: [contact-profile] }
  - { from: survey, to: shop, data: [contact-profile] }
settings:
  rules: { empty-stage: off }
`);
    const r = analyze(ws, { path: 'test.yaml', now: '2026-12' });
    const s = buildSummary(ws, r, await translator('en'));
    expect(s.problems[0].rule).toBe('consent-not-synced');
    const trapped = s.problems.find((p) => p.rule === 'trapped-data')!;
    expect(trapped.headline).toContain('Typeform');
    expect(trapped.headline).toContain('SurveyMonkey');
    expect(trapped.detail).toContain('Typeform');
    expect(trapped.detail).toContain('SurveyMonkey');
  });

  it('with no hub and enough customer-data tools (the level is replatform), no-customer-hub advises a platform in stages, not connections one by one', () => {
    const r = run(NO_HUB);
    expect(r.assessment.level).toBe('replatform');
    const noHub = r.findings.find((f) => f.rule === 'no-customer-hub')!;
    expect(noHub.recommendation).toMatch(/move the customer data onto it in stages/);
    expect(noHub.recommendation).not.toMatch(/connect the other tools to it step by step/);
  });
});

describe('questions a client can answer', () => {
  it('no seats of media, portals or print services; no separate cost of a spreadsheet; no data question after data: []', () => {
    const r = run(`version: 1
organization: { name: Juku }
touchpoints:
  - { id: site, name: Website, stage: awareness, channel: website, tools: [cms, ga4], captures: [web-activity] }
  - { id: flyer, name: Flyer, stage: awareness, channel: direct-mail, tools: [print], captures: [contact-profile] }
tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile], cost: 100000 }
  - { id: ads, name: Google Ads, capabilities: [search-advertising], data: [ad-engagement], cost: 900000 }
  - { id: portal, name: Juku portal, capabilities: [reviews], data: [reviews], cost: 500000 }
  - { id: print, name: Print service, capabilities: [direct-mail], data: [], cost: 800000 }
  - { id: sheet, name: Inquiry sheet, capabilities: [spreadsheet], data: [contact-profile] }
  - { id: cms, name: WordPress, capabilities: [content-management], data: [], cost: 3000 }
  - { id: ga4, name: GA4, capabilities: [web-analytics], data: [web-activity], cost: 0 }
  - { id: mail, name: Mail, capabilities: [email-marketing], data: [contact-profile], cost: 400000 }
`);
    const asked = r.assessment.questions.map((q) => `${q.about} ${q.field}`);
    expect(asked).toContain('tool:mail seats');
    expect(asked).toContain('tool:crm seats');
    for (const no of ['tool:ads seats', 'tool:portal seats', 'tool:print seats', 'tool:sheet cost', 'tool:cms data']) expect(asked).not.toContain(no);
  });
});

describe('words, not keys', () => {
  it('every kind of entity a finding may involve has its word in English and Japanese (the text report printed "text.entity.persona")', async () => {
    const { EntityRef } = await import('../../src/analysis/result-schema.js');
    const { analysis: en } = await import('../../src/i18n/en/analysis.js');
    const { analysis: ja } = await import('../../src/i18n/ja/analysis.js');
    for (const kind of EntityRef.shape.kind.options) {
      expect(en[`text.entity.${kind}`], kind).toBeTruthy();
      expect(ja[`text.entity.${kind}`], kind).toBeTruthy();
    }
  });
});

describe('persona pictures', () => {
  it('a persona lane shows only the stages it goes through (or where a touchpoint names it); an untargeted touchpoint is for everyone in their own stages', async () => {
    const { customerView } = await import('../../src/diagrams/customer-view.js');
    const ws = workspace(`version: 1
organization: { name: Coffee }
personas:
  - { id: starter, name: Starter, stages: [awareness, purchase] }
  - { id: subscriber, name: Subscriber, stages: [purchase, loyalty] }
touchpoints:
  - { id: ads, name: Search ads, stage: awareness, channel: search, tools: [shop] }
  - { id: checkout, name: Checkout, stage: purchase, channel: website, tools: [shop] }
  - { id: letter, name: Letter, stage: loyalty, channel: email, tools: [shop] }
  - { id: quiz, name: Quiz, stage: consideration, channel: website, tools: [shop], personas: [subscriber] }
tools:
  - { id: shop, name: Shop, capabilities: [ecommerce-platform], hub: true, data: [contact-profile] }
`);
    const lanes = customerView(ws).lanes;
    const stagesOf = (id: string) => lanes.find((l) => l.persona.id === id)!.stages.map((s) => s.stage.id);
    expect(stagesOf('starter')).toEqual(['awareness', 'purchase']);
    expect(stagesOf('subscriber')).toEqual(['consideration', 'purchase', 'loyalty']);
    const r = analyze(ws, { path: 'test.yaml', now: '2026-12' });
    const sub = r.assessment.customer!.personas.find((p) => p.persona === 'subscriber')!;
    expect(sub.touchpoints).toBe(3);
  });
});
