import { describe, it, expect } from 'vitest';
import { parseCost, parseSeats, parseMonth, parseList, dataTypeId, isUnknown } from '../../src/interview/answers.js';

describe('what people type, read into workspace values', () => {
  it.each([
    ['12000', { amount: 12000, period: 'year' }],
    ['12,000', { amount: 12000, period: 'year' }],
    ['€ 1200.50', { amount: 1200.5, period: 'year' }],
    ['42k', { amount: 42000, period: 'year' }],
    ['1.5m', { amount: 1500000, period: 'year' }],
    ['390/month', { amount: 390, period: 'month' }],
    ['390 / mo', { amount: 390, period: 'month' }],
    ['390 per month', { amount: 390, period: 'month' }],
    ['$99 monthly', { amount: 99, period: 'month' }],
    ['8000 per year', { amount: 8000, period: 'year' }],
    ['月額5万', { amount: 50000, period: 'month' }],
    ['60万/年', { amount: 600000, period: 'year' }],
    ['５万円／月', { amount: 50000, period: 'month' }],
    ['0', { amount: 0, period: 'year' }],
    ['?', 'unknown'],
    ['', 'unknown'],
    ['わからない', 'unknown'],
    ['twelve', undefined],
    ['-5', undefined],
  ])('cost %s', (input, want) => {
    expect(parseCost(input)).toEqual(want);
  });

  it('seats as licensed/active', () => {
    expect(parseSeats('60/41')).toEqual({ licensed: 60, active: 41 });
    expect(parseSeats('60')).toEqual({ licensed: 60 });
    expect(parseSeats('?/41')).toEqual({ licensed: 'unknown', active: 41 });
    expect(parseSeats('10/?')).toEqual({ licensed: 10, active: 'unknown' });
    expect(parseSeats('?')).toEqual({ licensed: 'unknown', active: 'unknown' });
    expect(parseSeats('')).toEqual({});
    expect(parseSeats('1.5')).toBeUndefined();
    expect(parseSeats('1/2/3')).toBeUndefined();
  });

  it('months, lists and data types', () => {
    expect(parseMonth('2027-03')).toBe('2027-03');
    expect(parseMonth('2027/3')).toBe('2027-03');
    expect(parseMonth('2027年3月')).toBe('2027-03');
    expect(parseMonth('03/2027')).toBe('2027-03');
    expect(parseMonth('2027-13')).toBeUndefined();
    expect(parseList('a, b、c;; ')).toEqual(['a', 'b', 'c']);
    expect(dataTypeId('Purchase history')).toBe('purchase-history');
    expect(dataTypeId('会員ランク')).toBe('member-rank');
    expect(dataTypeId('保証')).toBe('保証');
    expect(isUnknown(' ？ ')).toBe(true);
  });
});
