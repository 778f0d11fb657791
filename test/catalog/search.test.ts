// The catalog a user searches to fill `catalog:` (QA as a new user): the id is what they copy,
// so the table never cuts or breaks it; a name match ranks above a vendor match.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { searchCatalog } from '../../src/catalog/index.js';
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
