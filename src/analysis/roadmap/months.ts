// Month arithmetic for the roadmap and the Gantt diagram: one module, so that the report's table
// and the diagram agree on every date. Months are "YYYY-MM" strings or month indexes (months
// since year 0). Nothing here reads the clock: the command passes the current month in.
import type { ReviewCadence } from '../../model/vocabulary.js';

const MONTH = /^(\d{4})-(\d{2})$/;

/** "2027-03" -> months since year 0. Assumes a valid month (see parseMonth for user input). */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** A month index from text, or undefined when it is not a valid YYYY-MM month. */
export function parseMonth(month: string): number | undefined {
  const m = MONTH.exec(month);
  if (!m) return undefined;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return undefined;
  return Number(m[1]) * 12 + (mm - 1);
}

export function monthString(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The first day of a month index ("2027-03-01"), as a Gantt chart wants dates. */
export function monthStartDate(index: number): string {
  return `${monthString(index)}-01`;
}

export function addMonths(month: string, n: number): string {
  return monthString(monthIndex(month) + n);
}

/** The month of a date in local time ("2026-12"). Only commands call it, with the clock's date. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export const CADENCE_MONTHS: Readonly<Record<ReviewCadence, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** The first time a yearly renewal month falls on or after `from`. */
export function nextYearly(month: string, from: number): number {
  let m = monthIndex(month);
  while (m < from) m += 12;
  return m;
}
