// The terminal report's building blocks: wrapping by display width (Japanese included), long
// tables rendered in chunks exactly like one table, and the row cap for very large stacks.
import { describe, expect, it } from 'vitest';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { fitColumns, longestWord, renderTable, renderText, wrap } from '../../src/report/text.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { analyze } from '../../src/analysis/analyze.js';
import { run, tool } from './helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';

describe('wrap', () => {
  it('never exceeds the width and loses no text', () => {
    const texts = [
      'メルマガ配信（blastmail）、Shopify Email。費用は合計で年間 ￥84,000 です。',
      'Connect the island to Salesforce Sales Cloud through Intercom, its best-connected tool.',
      'contact-profile, email-engagement, https://example.com/a/very/long/path/that/does/not/fit',
    ];
    for (const text of texts) {
      for (const w of [8, 11, 20, 40]) {
        const lines = wrap(text, w);
        for (const l of lines) expect(stringWidth(l), `${w}: ${l}`).toBeLessThanOrEqual(w);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    }
  });

  it('breaks ids after "-" and keeps Japanese closing punctuation and currency with their neighbours', () => {
    expect(wrap('contact-profile, email-engagement', 11)).toEqual(['contact-', 'profile,', 'email-', 'engagement']);
    const ja = wrap('メルマガ配信（blastmail）、Shopify Email。費用は合計で年間 ￥84,000 です。', 20);
    for (const l of ja) expect(l).not.toMatch(/^[、。）」]/);
    expect(ja.some((l) => l.includes('￥84,000'))).toBe(true);
  });
});

describe('tables', () => {
  const c = new Chalk({ level: 0 });
  const widths = [12, 20, 10];
  const rows = Array.from({ length: 95 }, (_, i) => [`row ${i}`, i % 3 ? 'short' : 'two\nlines', String(i)]);

  it('a long table rendered in chunks is the same as one cli-table3 table', () => {
    const one = new Table({ head: ['a', 'b', 'c'], colWidths: widths, style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, wordWrap: false });
    for (const r of rows) one.push(r);
    expect(renderTable(c, ['a', 'b', 'c'], widths, rows)).toBe(one.toString());
  });

  it('keeps a row spanning columns away from a chunk boundary', () => {
    const withTotal = [...rows.slice(0, 80), [{ content: 'total', colSpan: 2 }, '9']];
    const one = new Table({ head: ['a', 'b', 'c'], colWidths: widths, style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, wordWrap: false });
    for (const r of withTotal) one.push(r as any);
    expect(renderTable(c, ['a', 'b', 'c'], widths, withTotal)).toBe(one.toString());
  });

  it('caps the inventory of a very large stack and says how many rows are left out', () => {
    const tools = Array.from({ length: 12 }, (_, i) => tool(`t${i}`, { capabilities: [`c${i}`], cost: 100, data: [] })).join('\n');
    const r = run(`version: 1\norganization: { name: T }\ntools:\n${tools}\n`);
    const text = renderText(r, { tr: activeTranslator(), step: 2, maxRows: 5 });
    expect(text).toContain('7 more tools');
    expect(text).toContain('Total: 12 tools');
    expect(text).toContain('$1,200');
    expect(text).not.toMatch(/│ t5\b/);
    const widthsSeen = new Set(text.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => stringWidth(l)));
    expect(widthsSeen.size).toBe(1);
  });
});

describe('columns hold their longest word', () => {
  it('fitColumns widens a column to its longest word, taken from columns with room to spare', () => {
    const w = fitColumns(80, [{ min: 10, weight: 2, word: longestWord(['Consideration']) }, { min: 16, weight: 5 }, { min: 12, weight: 3 }, { min: 12, weight: 3 }]);
    expect(w[0]).toBeGreaterThanOrEqual(15);
    expect(w.reduce((a, b) => a + b, 0) + w.length + 1).toBe(80);
  });

  it('longestWord counts up to spaces and hyphens', () => {
    expect(longestWord(['Customer relationship management'])).toBe('relationship'.length);
    expect(longestWord(['contact-profile, subscriptions'])).toBe('subscriptions'.length);
  });

  it('a word wider than half the table is still cut, and does not starve the other columns', () => {
    const w = fitColumns(80, [{ min: 10, weight: 1, word: 200 }, { min: 10, weight: 1, word: 8 }, { min: 10, weight: 1, word: 8 }]);
    expect(w[1]).toBeGreaterThanOrEqual(10);
    expect(w[0]).toBeLessThanOrEqual(40);
  });

  it('the northwind report at 80 columns breaks no stage, category or touchpoint word mid-way', async () => {
    const ws = loadWorkspace('examples/northwind-b2b').workspace!;
    const text = renderText(analyze(ws, { path: 'examples/northwind-b2b', start: '2025-01' }), { tr: activeTranslator(), width: 80 });
    for (const broken of ['Consideratio ', 'relationshi ']) expect(text).not.toContain(broken);
    expect(text).toMatch(/│ Consideration +│/);
  });
});

describe('money is never cut', () => {
  it('the monthly total (with cents) fits its column, also when the annual total has none', () => {
    const tools = Array.from({ length: 7 }, (_, i) => tool(`t${i}`, { capabilities: ['crm'], owner: 'it', cost: { amount: 13_963_093 + i * 1_000_001, period: 'year' } }));
    const result = run(`version: 1\norganization: { name: X, currency: EUR }\ntools:\n${tools.join('\n')}\n`);
    const text = renderText(result, { tr: activeTranslator(), width: 80, step: 2 });
    expect(text).not.toContain('…');
    const monthly = result.inventory.reduce((s, x) => s + Math.round((x.monthlyCost ?? 0) * 100), 0);
    expect(text).toContain(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(monthly / 100));
  });
});

describe('English plurals', () => {
  it('one integration, one tool, one month: singular; several: plural; never "(s)"', () => {
    const yaml = `version: 1
organization: { name: X, currency: EUR }
tools:
${tool('a', { capabilities: ['crm'], data: ['contact-profile'] })}
${tool('b', { capabilities: ['email-marketing'], data: ['contact-profile'] })}
integrations:
  - { from: a, to: b, data: [contact-profile] }
`;
    const result = run(yaml);
    const text = renderText(result, { tr: activeTranslator(), width: 80 });
    expect(text).toMatch(/· 1 integration ·/);
    expect(text).toMatch(/· 2 tools ·/);
    expect(text).not.toMatch(/\(s\)/);
    expect(text).not.toMatch(/\b1 (integrations|tools|touchpoints|months|findings)\b/);
  });

  it('tCount picks .one for 1 and the plural key otherwise', async () => {
    const { tCount } = await import('../../src/i18n/index.js');
    expect(tCount('text.months', 1, { months: 1 })).toBe('1 month');
    expect(tCount('text.months', 3, { months: 3 })).toBe('3 months');
    expect(tCount('analyze.threshold', 2, { count: 2, severity: 'high' })).toMatch(/^2 findings at/);
  });
});

describe('initiatives that answer many findings', () => {
  it('name the first ten finding ids and count the rest; the result keeps every one', () => {
    const ws = loadWorkspace('examples/northwind-b2b').workspace!;
    const result = analyze(ws, { path: 'examples/northwind-b2b', start: '2025-01' });
    const first = result.roadmap.initiatives[0]!;
    const ids = Array.from({ length: 25 }, (_, i) => `redundant-tool:tool-${i}`);
    const big = { ...result, roadmap: { ...result.roadmap, initiatives: [{ ...first, addresses: ids }] } };
    const text = renderText(big, { tr: activeTranslator(), step: 5, width: 80 }).replace(/\s+/g, '');
    // Compared without spaces: the report wraps long ids after their hyphens.
    expect(text).toContain(`Answers: ${ids.slice(0, 10).join(', ')} and 15 more (\`--format json\` lists them all)`.replace(/\s+/g, ''));
    expect(text).not.toContain('redundant-tool:tool-10');
    expect(big.roadmap.initiatives[0]!.addresses).toHaveLength(25);
  });
});
