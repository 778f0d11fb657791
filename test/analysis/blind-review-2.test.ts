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
