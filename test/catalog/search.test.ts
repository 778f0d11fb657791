// The catalog a user searches to fill `catalog:` (QA as a new user): the id is what they copy,
// so the table never cuts or breaks it; a name match ranks above a vendor match.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fc from 'fast-check';
import { matchTier, searchCatalog } from '../../src/catalog/index.js';
import { cli, ROOT } from '../git/cli.js';

describe('catalog search', () => {
  it('ranks tools named like the query above tools that only share its vendor', () => {
    const ids = searchCatalog('sales', 50).map((h) => h.id);
    for (const vendorOnly of ['slack', 'tableau', 'mulesoft']) {
      expect(ids.indexOf('salesforce-sales-cloud'), vendorOnly).toBeLessThan(ids.indexOf(vendorOnly));
    }
    // A vendor query still finds every tool of the vendor.
    expect(searchCatalog('salesforce', 50).map((h) => h.id)).toEqual(expect.arrayContaining(['slack', 'tableau', 'salesforce-sales-cloud']));
  });
});

describe('catalog search in Japanese', () => {
  it('finds LINE by the katakana people type (ライン)', () => {
    // QA: `catalog ライン` found LINE WORKS and the webinars capability, not LINE公式アカウント.
    const ids = searchCatalog('ライン', 10).map((h) => h.id);
    expect(ids.slice(0, 2)).toContain('line-official-account');
    expect(searchCatalog('ライン広告', 5).map((h) => h.id)[0]).toBe('line-ads');
  });
});

describe('`martech-audit catalog` table', () => {
  for (const query of ['hubspot', 'sales', 'adobe', 'line']) {
    it(`shows every id of "${query}" whole on one line, within 80 columns`, () => {
      const json = cli(['catalog', query, '--format', 'json'], ROOT);
      const ids: string[] = JSON.parse(json.stdout).map((h: { id: string }) => h.id);
      const text = cli(['catalog', query], ROOT);
      expect(text.code).toBe(0);
      const lines = text.stdout.split('\n');
      const firstCells = lines.filter((l) => l.startsWith('│')).map((l) => l.split('│')[1].trim());
      for (const id of ids) expect(firstCells, id).toContain(id);
      expect(text.stdout).not.toContain('…');
      for (const l of lines.filter((x) => /^[┌│├└]/.test(x))) expect(stringWidth(l), l).toBe(80);
    });
  }
});

describe('catalog search ranking (issue #12)', () => {
  it('"sales" finds Salesforce Sales Cloud first, as the interview\'s hint promises', () => {
    expect(searchCatalog('sales', 5)[0]!.id).toBe('salesforce-sales-cloud');
    const json = cli(['catalog', 'sales', '--limit', '5', '--format', 'json'], ROOT);
    expect(JSON.parse(json.stdout)[0].id).toBe('salesforce-sales-cloud');
  });

  it('"line": LINE\'s tools, no "pipeline", "online" or "webinars"; nothing listed twice', () => {
    const hits = searchCatalog('line', 50);
    const ids = hits.map((h) => h.id);
    expect(ids.slice(0, 4)).toEqual(expect.arrayContaining(['line-official-account', 'line-ads', 'line-works']));
    // QA: "line" inside "pipeline", "Online community", "online seminar" (webinars), "SharePoint
    // Online" (an alias) is noise, not a weaker match.
    for (const noise of ['sales-pipeline', 'community', 'webinars', 'ecommerce-platform', 'microsoft-sharepoint']) expect(ids, noise).not.toContain(noise);
    // "messaging" and "community" are both a capability and a category: one row each.
    expect(new Set(ids).size).toBe(ids.length);
    expect(hits.find((h) => h.id === 'messaging')).toMatchObject({ kind: 'capability', alsoCategory: true });
    // The same in katakana: ライン is not in オンラインセミナー.
    expect(searchCatalog('ライン', 50).map((h) => h.id)).not.toContain('webinars');
  });

  it('a brand\'s compound name is still found from inside ("force", "spot", "chat"), last', () => {
    const force = searchCatalog('force', 50).map((h) => h.id);
    expect(force).toContain('salesforce-sales-cloud');
    expect(force.indexOf('sales-pipeline')).toBeLessThan(force.indexOf('salesforce-sales-cloud')); // "sales force automation": a whole word
    expect(searchCatalog('spot', 50).map((h) => h.id)).toContain('hubspot-crm');
    expect(searchCatalog('chat', 50).map((h) => h.id).at(-1)).toBe('livechat');
    // Kanji compounds have no spaces: 広告 finds 動画広告 (video advertising).
    expect(searchCatalog('広告', 50).map((h) => h.id)).toContain('video-advertising');
  });

  it('ranks exact, then first-word, then later-word, then mid-word matches (any query)', () => {
    fc.assert(fc.property(fc.constantFrom('sales', 'line', 'ads', 'hub', 'crm', 'cloud', 'mail', 'force', 'analytics', '広告', 'ライン', 'google', 'x'), (q) => {
      const hits = searchCatalog(q, 1000);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      const ids = hits.map((h) => `${h.id}`);
      expect(new Set(ids.filter((_, i) => hits[i]!.kind !== 'tool')).size).toBe(hits.filter((h) => h.kind !== 'tool').length);
    }));
  });

  it('short queries do not match inside words ("ads" is not in "uploads"), longer ones do, last', () => {
    expect(matchTier('File uploads', 'ads')).toBe(0);
    expect(matchTier('Online community', 'line')).toBe(40);
    expect(matchTier('LINE広告', 'line')).toBe(90);
    expect(matchTier('LinkedIn Sales Navigator', 'sales')).toBe(70);
    expect(matchTier('Salesforce', 'sales')).toBe(80);
    expect(matchTier('sales cloud', 'sales')).toBe(90);
    expect(matchTier('オンラインセミナー', 'ライン')).toBe(40);
    // Descriptive text (capabilities, aliases, vendors): nothing inside a word, except in kanji.
    expect(matchTier('Online community', 'line', false)).toBe(0);
    expect(matchTier('オンラインセミナー', 'ライン', false)).toBe(0);
    expect(matchTier('動画広告', '広告', false)).toBe(40);
    expect(matchTier('Sales pipeline', 'pipe', false)).toBe(60);
  });
});

describe('`martech-audit catalog` footnotes and listings fit 80 columns', () => {
  it('explains ★ only when a hub is listed', () => {
    const line = cli(['catalog', 'line'], ROOT);
    expect(line.stdout).not.toContain('★');
    expect(line.stdout).toContain('Use the id as `catalog:` on a tool.');
    const sales = cli(['catalog', 'sales', '--limit', '3'], ROOT);
    expect(sales.stdout).toContain('★ a customer-data hub by nature');
  });

  for (const lang of ['en', 'ja']) {
    for (const flag of ['--categories', '--capabilities']) {
      it(`${flag} (${lang}) is at most 80 columns when piped`, () => {
        const r = cli(['catalog', flag, '--lang', lang], ROOT);
        expect(r.code).toBe(0);
        for (const l of r.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
        // ids are never cut
        expect(r.stdout).toContain('display-advertising');
      });
    }
  }
});

describe('`martech-audit catalog` shows what a tool is for apart from its features (revision 2)', () => {
  it('text: primary capabilities, then "also:" the features; JSON: capabilities, features, network, third-party cookies', () => {
    const text = cli(['catalog', 'gong'], ROOT);
    expect(text.code).toBe(0);
    const row = text.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│')[4]!.trim()).join(' ');
    expect(row).toBe('vendor: capabilities Gong: Conversation intelligence; also: Sales forecasting and Sales engagement');
    const [gong] = JSON.parse(cli(['catalog', 'gong', '--format', 'json'], ROOT).stdout);
    expect(gong).toMatchObject({ id: 'gong', capabilities: ['conversation-intelligence'], features: ['sales-forecasting', 'sales-engagement'] });
    const [criteo] = JSON.parse(cli(['catalog', 'criteo', '--format', 'json'], ROOT).stdout);
    expect(criteo).toMatchObject({ network: 'criteo', thirdPartyCookies: true, features: ['programmatic-advertising'] });
  });

  it('--capabilities --format json carries every flag of the taxonomy', () => {
    const rows = JSON.parse(cli(['catalog', '--capabilities', '--format', 'json'], ROOT).stdout);
    const caps = new Map(rows.flatMap((r: { capabilities: { id: string }[] }) => r.capabilities.map((c) => [c.id, c])));
    expect(caps.get('retargeting')).toEqual(expect.objectContaining({ measures: false, reports: true, personalizes: true, media: true, fileTool: false, internal: false }));
    expect(caps.get('team-chat')).toEqual(expect.objectContaining({ reports: false, fileTool: true, conduit: true, internal: true }));
  });
});
