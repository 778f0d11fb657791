// The built-in taxonomy and catalog: consistency (scripts/check-data.mjs, which the build also
// runs), the revision-2 flags read through src/catalog, and the consultant's decisions that other
// steps rely on (primary capabilities vs features, file tools, internal work, media networks).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import {
  allCapabilities, isConduit, isFileTool, isFileToolSet, isInternal, isInternalSet, isMeasuring, isMedia,
  loadCatalog, loadTaxonomy, personalizes, reports,
} from '../../src/catalog/index.js';
import { checkData } from '../../scripts/check-data.mjs';
import { loadFromText } from '../../src/workspace/load.js';

const read = (name: string): any => jsYaml.load(readFileSync(`data/${name}`, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
const raw = () => ({ taxonomy: read('taxonomy.yaml'), catalog: read('catalog.yaml'), dataTypes: read('data-types.yaml') });
const entry = (id: string) => loadCatalog().byId.get(id)!;

describe('built-in data consistency (scripts/check-data.mjs)', () => {
  it('the shipped taxonomy and catalog have no problem', () => {
    expect(checkData(raw())).toEqual([]);
  });

  it('every capability of every entry exists, features never repeat a primary capability, every entry has a primary capability', () => {
    const caps = loadTaxonomy().capabilities;
    for (const t of loadCatalog().tools) {
      expect(t.capabilities.length, t.id).toBeGreaterThan(0);
      for (const c of [...t.capabilities, ...t.features]) expect(caps.has(c), `${t.id}: ${c}`).toBe(true);
      expect(t.features.filter((f) => t.capabilities.includes(f)), t.id).toEqual([]);
    }
  });

  it('every media capability reports; every measuring capability reports; file tools and internal work do not', () => {
    for (const c of loadTaxonomy().capabilities.values()) {
      if (c.media || c.measures) expect(c.reports, c.id).toBe(true);
      if (c.fileTool || c.internal) expect(c.reports, c.id).toBe(false);
      if (c.conduit) expect(c.fileTool, c.id).toBe(true);
    }
  });

  // Each mutation breaks one promise of data/README.md; the checker must name it.
  const cases: [string, (d: any) => void, RegExp][] = [
    ['an unknown capability', (d) => { d.catalog.tools[0].capabilities.push('search-advertisin'); }, /unknown capability "search-advertisin"/],
    ['a feature repeating a primary capability', (d) => { d.catalog.tools[0].features = [d.catalog.tools[0].capabilities[0]]; }, /repeats a primary capability/],
    ['an entry without a primary capability', (d) => { d.catalog.tools.find((t: any) => t.id === 'gong').capabilities = []; }, /gong: needs at least one primary capability/],
    ['a media capability that does not report', (d) => { d.taxonomy.categories[0].capabilities[0].reports = false; }, /search-advertising: a media channel reports/],
    ['a file tool that reports', (d) => { capOf(d, 'spreadsheet').reports = true; }, /spreadsheet: file tools do not report/],
    ['a flag written as false', (d) => { capOf(d, 'crm').media = false; }, /crm: media is written only when true/],
    ['measures left out', (d) => { delete capOf(d, 'crm').measures; }, /crm: measures must be written out/],
    ['a misspelt key', (d) => { d.catalog.tools[0].capabilties = []; }, /google-ads: unknown key "capabilties"/],
    ['an ad tool without its network', (d) => { delete d.catalog.tools.find((t: any) => t.id === 'meta-ads').network; }, /meta-ads: an advertising tool names the network/],
    ['an ad tool that does not say whether it needs third-party cookies', (d) => { delete d.catalog.tools.find((t: any) => t.id === 'criteo').third_party_cookies; }, /criteo: an advertising tool says whether/],
    ['a network on a tool that buys no media', (d) => { d.catalog.tools.find((t: any) => t.id === 'gong').network = 'google'; }, /gong: network is for tools with an advertising capability/],
    ['a hub without crm or CDP as primary capability', (d) => { d.catalog.tools.find((t: any) => t.id === 'gong').hub = true; }, /gong: hub: true needs/],
    ['an unknown data type', (d) => { d.catalog.tools[0].data = ['ad-engagment']; }, /data type "ad-engagment"/],
    ['a capability listed twice', (d) => { d.catalog.tools[0].capabilities.push(d.catalog.tools[0].capabilities[0]); }, /capabilities lists an id twice/],
    ['no primary capability from the own category', (d) => { const g = d.catalog.tools.find((t: any) => t.id === 'gong'); g.capabilities = ['sales-forecasting']; }, /gong: no primary capability from its own category/],
  ];
  const capOf = (d: any, id: string): any => d.taxonomy.categories.flatMap((c: any) => c.capabilities).find((k: any) => k.id === id);
  it.each(cases)('finds %s', (_name, mutate, message) => {
    const d = raw();
    mutate(d);
    const problems = checkData(d);
    expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
  });
});

describe('capability flags (rules.md revision 2 vocabulary)', () => {
  it('measures: exactly the measuring capabilities of the contract', () => {
    const measuring = [...loadTaxonomy().capabilities.values()].filter((c) => c.measures).map((c) => c.id).sort();
    expect(measuring).toEqual([
      'ab-testing', 'attribution', 'business-intelligence', 'call-tracking', 'journey-analytics', 'marketing-mix-modeling',
      'marketing-reporting', 'mobile-analytics', 'mobile-attribution', 'nps', 'product-analytics', 'session-recording',
      'social-analytics', 'social-listening', 'surveys', 'web-analytics',
    ]);
    expect(isMeasuring('web-analytics')).toBe(true);
    expect(isMeasuring('crm')).toBe(false);
    expect(isMeasuring('not-a-capability')).toBe(false);
  });

  it('reports: own-activity reporting of the contract, payments and affiliate networks included; not file tools, direct mail, CMSs or forms', () => {
    for (const c of ['crm', 'sales-pipeline', 'marketing-automation', 'email-marketing', 'sms-marketing', 'push-notifications', 'messaging',
      'live-chat', 'help-desk', 'call-center', 'pos', 'ecommerce-platform', 'marketplace-management', 'search-advertising', 'paid-social',
      'webinars', 'event-management', 'reviews', 'loyalty', 'social-publishing', 'payments', 'subscription-billing', 'affiliate-marketing',
      'web-analytics']) expect(reports(c), c).toBe(true);
    for (const c of ['spreadsheet', 'file-storage', 'team-chat', 'shared-inbox', 'collaboration', 'direct-mail', 'content-management',
      'forms', 'contact-management', 'business-card-management', 'tag-management', 'data-warehouse', 'customer-data-platform',
      'creative-design', 'project-management', 'business-apps', 'not-a-capability']) expect(reports(c), c).toBe(false);
  });

  it('personalizes: the personalizing capabilities of personalization-opportunity', () => {
    for (const c of ['personalization', 'web-engagement', 'product-recommendations', 'email-marketing', 'sms-marketing', 'push-notifications',
      'marketing-automation', 'retargeting']) expect(personalizes(c), c).toBe(true);
    for (const c of ['transactional-email', 'crm', 'ab-testing', 'search-advertising', 'content-management']) expect(personalizes(c), c).toBe(false);
  });

  it('media: the advertising capabilities, nothing else', () => {
    const media = [...loadTaxonomy().capabilities.values()].filter((c) => c.media).map((c) => c.id).sort();
    expect(media).toEqual(['display-advertising', 'native-advertising', 'paid-social', 'programmatic-advertising', 'retargeting', 'search-advertising', 'video-advertising']);
    expect(isMedia('affiliate-marketing')).toBe(false);
    expect(isMedia('direct-mail')).toBe(false);
  });

  it('file tools: spreadsheets, file stores, wikis and the conduits (team chat, shared inbox, collaboration boards)', () => {
    for (const c of ['spreadsheet', 'file-storage', 'internal-wiki', 'team-chat', 'shared-inbox', 'collaboration']) expect(isFileTool(c), c).toBe(true);
    for (const c of ['team-chat', 'shared-inbox', 'collaboration']) expect(isConduit(c), c).toBe(true);
    for (const c of ['spreadsheet', 'file-storage', 'internal-wiki']) expect(isConduit(c), c).toBe(false);
    for (const c of ['business-apps', 'crm', 'help-desk', 'project-management']) expect(isFileTool(c), c).toBe(false);
  });

  it('internal work: design, project management, team chat, wiki, office files, budget; never customer-facing capabilities', () => {
    for (const c of ['creative-design', 'project-management', 'team-chat', 'internal-wiki', 'collaboration', 'spreadsheet', 'budget-management'])
      expect(isInternal(c), c).toBe(true);
    for (const c of ['shared-inbox', 'business-apps', 'crm', 'email-marketing', 'seo']) expect(isInternal(c), c).toBe(false);
  });

  it('a tool is a file tool, or internal, only when every primary capability is', () => {
    expect(isFileToolSet(entry('microsoft-excel').capabilities)).toBe(true);
    expect(isFileToolSet(entry('google-workspace').capabilities)).toBe(true);
    expect(isFileToolSet(entry('slack').capabilities)).toBe(true);
    expect(isFileToolSet(entry('front').capabilities)).toBe(false); // a shared inbox that is a help desk is a system
    expect(isFileToolSet(entry('kintone').capabilities)).toBe(false); // a customer ledger can be a hub
    expect(isFileToolSet(entry('airtable').capabilities)).toBe(false);
    expect(isFileToolSet([])).toBe(false);
    expect(isInternalSet(entry('slack').capabilities)).toBe(true);
    expect(isInternalSet(entry('notion').capabilities)).toBe(true);
    expect(isInternalSet(entry('canva').capabilities)).toBe(true);
    expect(isInternalSet(entry('kintone').capabilities)).toBe(false);
    expect(isInternalSet(entry('hubspot-crm').capabilities)).toBe(false);
  });
});

describe('primary capabilities and features (catalog decisions)', () => {
  it('what a tool is bought for, apart from what it can also do (issue #14 examples)', () => {
    expect(entry('gong')).toMatchObject({ capabilities: ['conversation-intelligence'], features: ['sales-forecasting', 'sales-engagement'] });
    expect(entry('hubspot-marketing-hub').capabilities).toEqual(['marketing-automation', 'email-marketing', 'landing-pages']);
    expect(entry('hubspot-marketing-hub').features).not.toContain('web-analytics');
    expect(entry('salesforce-sales-cloud')).toMatchObject({ capabilities: ['crm', 'sales-pipeline'], features: ['contact-management', 'sales-forecasting'] });
    expect(entry('haihai-mail')).toMatchObject({ capabilities: ['email-marketing'], features: ['forms'] });
    expect(entry('tealium').capabilities).not.toContain('consent-management');
    expect(entry('slack').capabilities).toEqual(['team-chat']);
    expect(entry('notion').capabilities).toEqual(['internal-wiki']);
  });

  it('suites keep several primary capabilities', () => {
    expect(entry('adobe-experience-manager').capabilities).toEqual(['content-management', 'digital-asset-management']);
    expect(entry('salesforce-service-cloud').capabilities).toEqual(['help-desk', 'crm']);
    expect(entry('hubspot-sales-hub').capabilities).toEqual(['sales-pipeline', 'crm', 'sales-engagement']);
    expect(entry('braze').capabilities.length).toBeGreaterThan(3);
  });

  it('allCapabilities is primary capabilities then features, without repeats', () => {
    expect(allCapabilities({ capabilities: ['a', 'b'], features: ['c', 'a'] })).toEqual(['a', 'b', 'c']);
    expect(allCapabilities(entry('gong'))).toEqual(['conversation-intelligence', 'sales-forecasting', 'sales-engagement']);
  });

  it('file tools are in the catalog: spreadsheets and file stores', () => {
    for (const id of ['microsoft-excel', 'google-sheets', 'apple-numbers']) expect(entry(id).capabilities, id).toEqual(['spreadsheet']);
    for (const id of ['google-drive', 'microsoft-sharepoint', 'microsoft-onedrive', 'dropbox', 'box']) expect(entry(id).capabilities, id).toEqual(['file-storage']);
  });
});

describe('advertising networks and third-party cookies', () => {
  it('Google Ads and DV360 buy the same network; networks of the common ad tools', () => {
    const net = (id: string) => entry(id).network;
    expect(net('google-ads')).toBe('google');
    expect(net('display-video-360')).toBe('google');
    expect(net('meta-ads')).toBe('meta');
    expect(net('meta-business-suite')).toBe('meta');
    expect(net('the-trade-desk')).toBe('open-exchange');
    expect(net('yahoo-ads')).toBe('yahoo-japan');
    expect(net('line-ads')).toBe('line');
    expect(net('gong')).toBeUndefined();
  });

  it('every tool with an advertising capability names its network and says whether it works on third-party cookies', () => {
    for (const t of loadCatalog().tools) {
      if (!allCapabilities(t).some(isMedia)) continue;
      expect(t.network, t.id).toBeTruthy();
      expect(typeof t.thirdPartyCookies, t.id).toBe('boolean');
    }
    expect(entry('criteo').thirdPartyCookies).toBe(true);
    expect(entry('meta-ads').thirdPartyCookies).toBe(false);
    expect(entry('adobe-audience-manager').thirdPartyCookies).toBe(true);
  });
});

describe('what a workspace tool inherits', () => {
  const ws = (tools: string) => {
    const res = loadFromText(`version: 1\norganization: { name: X }\ntools:\n${tools}`);
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return res.workspace!;
  };

  it('the analysis sees primary capabilities and features; primaryCapabilities keeps the primary ones and the tool\'s own', () => {
    const w = ws('  - { id: gong, name: Gong, catalog: gong, capabilities: [call-tracking] }\n');
    const gong = w.tools[0]!;
    expect(gong.capabilities).toEqual(['call-tracking', 'conversation-intelligence', 'sales-forecasting', 'sales-engagement']);
    expect(gong.primaryCapabilities).toEqual(['call-tracking', 'conversation-intelligence']);
  });

  it('a tool without catalog or capabilities has its category as primary capability', () => {
    const w = ws('  - { id: sheet, name: Sheet, category: crm }\n');
    expect(w.tools[0]).toMatchObject({ capabilities: ['crm'], primaryCapabilities: ['crm'] });
  });

  it('network and third-party cookies come from the catalog unless the tool says otherwise', () => {
    const w = ws([
      '  - { id: criteo, name: Criteo, catalog: criteo }',
      '  - { id: criteo-2, name: Criteo, catalog: criteo, third_party_cookies: false, network: criteo-ju }',
      '  - { id: crm, name: CRM, catalog: hubspot-crm }',
    ].join('\n') + '\n');
    expect(w.tools.map((t) => [t.id, t.network, t.thirdPartyCookies])).toEqual([
      ['criteo', 'criteo', true], ['criteo-2', 'criteo-ju', false], ['crm', undefined, undefined],
    ]);
  });
});

describe('the README tells the truth about the catalog', () => {
  it('states the number of tools the catalog has', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`${loadCatalog().tools.length} tools (including tools common in Japan`);
  });
});
