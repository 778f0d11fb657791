// Reading cells: money, months, counts, statuses. Each reader gives a value, undefined for a
// blank, or a problem: never a guess.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isProblem, parseCount, parseMoney, parseMonth, parseStatus, parseList } from '../../src/import/values.js';
import { detectDelimiter, decode } from '../../src/import/read.js';
import { scalar } from '../../src/import/emit.js';
import jsYaml from 'js-yaml';

describe('parseMoney', () => {
  it.each([
    ['1,200', 1200, undefined],
    ['$1.2k', 1200, 'USD'],
    ['¥120,000', 120000, 'JPY'],
    ['120万円', 1200000, 'JPY'],
    ['1億2000万円', 120000000, 'JPY'],
    ['€ 3.400,50', 3400.5, 'EUR'],
    ['12.000 €', 12000, 'EUR'],
    ['USD 42,000.00', 42000, 'USD'],
    ['3,5', 3.5, undefined],
    ['£39/yr', 39, 'GBP'],
    ['\\720,000', 720000, 'JPY'], // ¥ as Shift_JIS 0x5C decodes to a backslash
    [86400, 86400, undefined],
  ])('%s', (input, amount, currency) => {
    expect(parseMoney(input)).toEqual(currency ? { amount, currency } : { amount });
  });
  it.each(['', ' ', '-', 'N/A', 'n/a', '—', null, undefined])('blank %s', (input) => {
    expect(parseMoney(input)).toBeUndefined();
  });
  it.each(['約300万', 'Q3', 'about 1000', '(120.00)', '-5', 'free?'])('%s is a problem, not a number', (input) => {
    expect(isProblem(parseMoney(input))).toBe(true);
  });
  it('a formatted amount reads back as the number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const n = (whole * 100 + cents) / 100; // the double nearest to the decimal text, as parsing gives (4 + 0.56 is not)
      const us = n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const de = n.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(parseMoney(`$${us}`)).toEqual({ amount: n, currency: 'USD' });
      expect(parseMoney(`€ ${de}`)).toEqual({ amount: n, currency: 'EUR' });
      expect(parseMoney(`¥${whole.toLocaleString('ja-JP')}`)).toEqual({ amount: whole, currency: 'JPY' });
    }));
  });
});

describe('parseMonth', () => {
  it.each([
    ['2027-03-31', '2027-03'], ['2027-03', '2027-03'], ['3/31/2027', '2027-03'], ['31/03/2027', '2027-03'],
    ['31.12.2026', '2026-12'], ['2027/3/31', '2027-03'], ['2027年3月', '2027-03'], ['2027年6月30日', '2027-06'],
    ['令和9年4月', '2027-04'], ['Mar 2027', '2027-03'], ['March 31, 2027', '2027-03'], ['31 March 2027', '2027-03'],
    [46477, '2027-03'], ['46477', '2027-03'], [new Date(Date.UTC(2027, 2, 31)), '2027-03'], ['2027-03-31T00:00:00Z', '2027-03'],
  ])('%s', (input, month) => {
    expect(parseMonth(input)).toBe(month);
  });
  it.each(['Q3', '2027-13-01', 'soon', 12])('%s is a problem', (input) => {
    expect(isProblem(parseMonth(input))).toBe(true);
  });
  it('blank and 未定 are blanks', () => {
    expect(parseMonth('')).toBeUndefined();
    expect(parseMonth('未定')).toBeUndefined();
  });
});

describe('other cells', () => {
  it('counts', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('100名')).toBe(100);
    expect(parseCount('60 seats')).toBe(60);
    expect(isProblem(parseCount('2.5'))).toBe(true);
  });
  it('statuses in English and Japanese', () => {
    expect(parseStatus('Under Review')).toBe('pilot');
    expect(parseStatus('解約予定')).toBe('retiring');
    expect(parseStatus('Cancelled')).toBe('retired');
    expect(parseStatus('利用中')).toBe('active');
    expect(isProblem(parseStatus('maybe'))).toBe(true);
  });
  it('lists: a dash is an explicit empty list, a blank is nothing', () => {
    expect(parseList('a, b、c; d')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseList('—')).toEqual([]);
    expect(parseList('')).toBeUndefined();
  });
});

describe('CSV', () => {
  it.each([[',', 'a,b,c\n1,2,3'], [';', 'a;b;c\n"1,5";2;3'], ['\t', 'a\tb\tc\n1\t2\t3'], ['|', 'a|b|c\n1|2|3']])('detects %j', (d, text) => {
    expect(detectDelimiter(text)).toBe(d);
  });
  it('UTF-8 with a BOM, and Shift_JIS when the bytes are not UTF-8', () => {
    expect(decode(Buffer.from('\ufeffツール名', 'utf8'))).toEqual({ text: 'ツール名', encoding: 'utf-8' });
    // 年額 in Shift_JIS
    expect(decode(Buffer.from([0x94, 0x4e, 0x8a, 0x7a]))).toEqual({ text: '年額', encoding: 'shift_jis' });
  });
});

describe('YAML scalars', () => {
  it('read back as the same string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -_.:#,[]{}"\'\\!&*@|>%年額→\n'.split('')), minLength: 1 }), (s) => {
      expect(jsYaml.load(`k: ${scalar(s)}`, { schema: jsYaml.CORE_SCHEMA })).toEqual({ k: s });
    }));
    for (const s of ['yes', 'No', 'true', '2027-03', '1e3', '0x1F', '123', 'null', '~']) {
      expect(jsYaml.load(`k: ${scalar(s)}`, { schema: jsYaml.CORE_SCHEMA })).toEqual({ k: s });
    }
  });
});
