// What people type in a meeting, read into workspace values: "42k", "390/month", "月額5万",
// "60/41", "2027/3", "?" for "I don't know".
import { MONTH_PATTERN } from '../model/vocabulary.js';
import { asciiWords } from './ids.js';
import { slugify } from '../util/suggest.js';

export const UNKNOWN = 'unknown' as const;
export type Unknown = typeof UNKNOWN;

const UNKNOWN_WORDS = /^(\?+|unknown|don'?t know|dont know|dk|n\/?k|tbd|わからない|分からない|わかりません|不明|未定|？+)$/i;

/** "?" and its spoken forms: the answer is recorded as an open question. */
export function isUnknown(text: string): boolean {
  return UNKNOWN_WORDS.test(text.trim().normalize('NFKC'));
}

export type CostAnswer = { amount: number; period: 'year' | 'month' } | Unknown;

/** Reads an amount with optional multiplier (k, m, 千, 万, 億) and currency signs. */
function readAmount(text: string): number | undefined {
  let s = text.replace(/[$€£¥￥₩₹]|円|ドル|ユーロ|\b[A-Z]{3}\b/g, '').replace(/[\s,_']/g, '');
  let mult = 1;
  const m = /^(.*?)(k|m|mn|千|万|億)$/i.exec(s);
  if (m) {
    s = m[1];
    mult = { k: 1e3, m: 1e6, mn: 1e6, 千: 1e3, 万: 1e4, 億: 1e8 }[m[2].toLowerCase() as 'k'] ?? 1;
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s) * mult;
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

/**
 * A cost: "12000", "12,000", "42k", "390/month", "390 per month", "月額5万", "60万/年", "?".
 * Per year unless a month is named. Returns undefined when it cannot be read.
 */
export function parseCost(input: string): CostAnswer | undefined {
  const raw = input.trim().normalize('NFKC');
  if (!raw || isUnknown(raw)) return UNKNOWN;
  let s = raw;
  let period: 'year' | 'month' = 'year';
  const monthly = /(\/\s*(mo|mon|month|m|月)\.?$|\s*(per|a|each)\s+month$|\s*monthly$|^月額|\/月$|per mo\.?$)/i;
  const yearly = /(\/\s*(y|yr|year|年)\.?$|\s*(per|a|each)\s+year$|\s*(yearly|annual|annually|p\.?a\.?)$|^年額|^年間|\/年$)/i;
  if (monthly.test(s)) {
    period = 'month';
    s = s.replace(monthly, '');
  } else if (yearly.test(s)) s = s.replace(yearly, '');
  const amount = readAmount(s.trim());
  if (amount === undefined || amount < 0) return undefined;
  return { amount, period };
}

export interface SeatsAnswer { licensed?: number | Unknown; active?: number | Unknown }

/** Seats as "licensed/active": "60/41", "60", "?/41", "60 41"; "" = not seat-based. */
export function parseSeats(input: string): SeatsAnswer | undefined {
  const s = input.trim().normalize('NFKC');
  if (!s) return {};
  if (isUnknown(s)) return { licensed: UNKNOWN, active: UNKNOWN };
  const parts = s.split(/\s*[/,、\s]\s*/).filter(Boolean);
  if (parts.length > 2) return undefined;
  const read = (p: string | undefined): number | Unknown | undefined | null => {
    if (p === undefined) return undefined;
    if (isUnknown(p)) return UNKNOWN;
    const n = readAmount(p);
    return n !== undefined && Number.isInteger(n) ? n : null;
  };
  const licensed = read(parts[0]);
  const active = read(parts[1]);
  if (licensed === null || active === null) return undefined;
  const out: SeatsAnswer = {};
  if (licensed !== undefined) out.licensed = licensed;
  if (active !== undefined) out.active = active;
  return out;
}

/** A month: "2027-03", "2027/3", "2027-3", "2027年3月", "03/2027". */
export function parseMonth(input: string): string | undefined {
  const s = input.trim().normalize('NFKC');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m) {
    const r = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s);
    if (r) m = [r[0], r[2], r[1]] as unknown as RegExpExecArray;
  }
  if (!m) return undefined;
  const month = `${m[1]}-${m[2].padStart(2, '0')}`;
  return MONTH_PATTERN.test(month) ? month : undefined;
}

/** A comma-separated list: "a, b、c" -> [a, b, c]. */
export function parseList(input: string): string[] {
  return input.normalize('NFKC').split(/[,、;\n]/).map((x) => x.trim()).filter(Boolean);
}

/**
 * A data type as the workspace writes it: an id-like word ("Purchase history" -> purchase-history,
 * 購入 -> purchase). Text with nothing to romanise is kept as typed (any non-empty text is valid).
 */
export function dataTypeId(text: string): string {
  const id = slugify(asciiWords(text).join('-'));
  return id || text.trim();
}
