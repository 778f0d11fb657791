// Reading one spreadsheet cell as a value of the workspace format: money, months, counts, yes/no,
// lists, statuses. Each reader returns the value, `undefined` for a blank cell, or a problem
// (`{ problem }`, an i18n key with its parameters) for text it could not read: never a guess.
import type { Params } from '../i18n/index.js';

export interface Problem { problem: string; params?: Params }
export type Read<T> = T | undefined | Problem;

export function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

/** The text of a cell: numbers and dates as written, rich text joined, formulas by their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('').trim();
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text.trim();
    if ('error' in o) return '';
  }
  return String(v).trim();
}

/** A formula cell's value is its cached result; a hyperlink cell's its text. */
export function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText) || typeof o.text === 'string') return cellText(v);
    if ('error' in o) return undefined;
  }
  return v;
}

const BLANK = /^(?:|-|–|—|n\/?a|none|null|tbd|tbc|\?|不明|未定|なし|ー|－|―|―)$/i;
const UNKNOWN = /^(?:unknown|tbd|tbc|\?|不明|未定|要確認)$/i;

/** Blank: empty, a dash, n/a. */
export function isBlank(v: unknown): boolean {
  const s = cellText(cellValue(v));
  return s === '' || /^(?:-|–|—|n\/?a|null|ー|－|―)$/i.test(s);
}

/** "unknown", "TBD", "不明": the value is known to be not known (cost: unknown). */
export function isUnknown(v: unknown): boolean {
  return UNKNOWN.test(cellText(cellValue(v)));
}

// ---- money ------------------------------------------------------------------------------------

export interface Money { amount: number; currency?: string }

const CURRENCY_WORDS: [RegExp, string][] = [
  [/US\$|USD|\$/i, 'USD'], [/€|EUR/i, 'EUR'], [/£|GBP/i, 'GBP'], [/¥|￥|円|JPY|yen|^\\\s?\d/i, 'JPY'],
  [/CHF/i, 'CHF'], [/A\$|AUD/i, 'AUD'], [/C\$|CAD/i, 'CAD'], [/SEK|kr/i, 'SEK'], [/CNY|RMB|元/i, 'CNY'], [/₩|KRW/i, 'KRW'], [/₹|INR/i, 'INR'],
];

/**
 * "1,200", "$1.2k", "¥120,000", "120万円", "€ 3.400,50", "USD 42000", "3.5M". Both separators:
 * the last one is the decimal mark. One comma followed by exactly three digits (or groups of
 * three) is a thousands separator, otherwise a decimal comma; one dot followed by three digits is
 * a thousands separator only in euros (3.400 €), otherwise a decimal point.
 */
export function parseMoney(raw: unknown): Read<Money> {
  const v = cellValue(raw);
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? { amount: round2(v) } : { problem: 'sheets.value.negative', params: { value: String(v) } };
  let s = cellText(v).normalize('NFKC');
  if (BLANK.test(s)) return undefined;
  let currency: string | undefined;
  for (const [re, code] of CURRENCY_WORDS) if (re.test(s)) { currency = code; break; }
  let factor = 1;
  // Japanese units: 1億2000万円, 120万円, 5千円.
  const jp = /^(?:(\d[\d,.]*)億)?(?:(\d[\d,.]*)万)?(?:(\d[\d,.]*)千)?(\d[\d,.]*)?\s*円?$/.exec(s.replace(/[¥￥\s]|JPY/g, ''));
  if (jp && (jp[1] || jp[2] || jp[3]) && /[億万千]/.test(s)) {
    const num = (x?: string) => (x ? Number(x.replace(/,/g, '')) : 0);
    const total = num(jp[1]) * 1e8 + num(jp[2]) * 1e4 + num(jp[3]) * 1e3 + num(jp[4]);
    if (Number.isFinite(total)) return { amount: round2(total), currency: currency ?? 'JPY' };
  }
  if (/^\(.*\)$/.test(s) || /^-\s*\S/.test(s) || /\d\s*-$/.test(s)) return { problem: 'sheets.value.negative', params: { value: s } };
  s = s.replace(/US\$|A\$|C\$|USD|EUR|GBP|JPY|CHF|AUD|CAD|SEK|CNY|RMB|KRW|INR|yen|kr|[$€£¥￥₩₹円元]|^\\(?=\s?\d)/gi, '').trim();
  s = s.replace(/\s*(?:\/\s*(?:yr|year|年)|per year|p\.?a\.?|年額|年)$/i, '').trim();
  const suffix = /^(.*?)\s*(k|m|mn|mio|bn|b)$/i.exec(s);
  if (suffix) {
    s = suffix[1];
    const u = suffix[2].toLowerCase();
    factor = u === 'k' ? 1e3 : u === 'b' || u === 'bn' ? 1e9 : 1e6;
  }
  s = s.replace(/[\s\u00a0'’]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return { problem: 'sheets.value.money', params: { value: cellText(v) } };
  const amount = parseNumber(s, currency === 'EUR');
  if (amount === undefined) return { problem: 'sheets.value.money', params: { value: cellText(v) } };
  return { amount: round2(amount * factor), currency };
}

function parseNumber(s: string, euroStyle: boolean): number | undefined {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    normal = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    normal = /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : /^\d+,\d{1,2}$/.test(s) ? s.replace(',', '.') : '';
  } else if (lastDot >= 0) {
    if (/^\d{1,3}(\.\d{3}){2,}$/.test(s) || (euroStyle && /^\d{1,3}\.\d{3}$/.test(s))) normal = s.replace(/\./g, '');
    else normal = /^\d+\.\d+$/.test(s) ? s : '';
  } else normal = s;
  if (!normal) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- counts -----------------------------------------------------------------------------------

/** "60", "1,200", "60 seats", "60名", 60.0. */
export function parseCount(raw: unknown): Read<number> {
  const v = cellValue(raw);
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : { problem: 'sheets.value.count', params: { value: String(v) } };
  const s = cellText(v).normalize('NFKC');
  if (BLANK.test(s)) return undefined;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?\s*(?:seats?|licen[cs]es?|users?|名|人|ライセンス|アカウント|席|ID)?$/i.exec(s);
  if (!m) return { problem: 'sheets.value.count', params: { value: s } };
  return Number(m[1].replace(/,/g, ''));
}

// ---- months -----------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function ym(y: number, m: number): Read<string> {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || y < 1990 || y > 2200) return undefined;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** An Excel serial day number (1900 date system) as a UTC date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}

/**
 * The renewal month from 2027-03-31, 2027-03, 3/31/2027 (US), 31.03.2027, 31/03/2027 (day first
 * when the first number is over 12), 2027/3/31, 2027年3月, 令和9年3月, Mar 2027, 31 March 2027,
 * an Excel date or serial number. A slash date whose first two numbers are both 12 or less is
 * read month first (US), as SaaS-management exports write them.
 */
export function parseMonth(raw: unknown): Read<string> {
  const v = cellValue(raw);
  const bad: Problem = { problem: 'sheets.value.date', params: { value: cellText(v) } };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? bad : ym(v.getUTCFullYear(), v.getUTCMonth() + 1) ?? bad;
  if (typeof v === 'number') {
    if (v >= 20000 && v < 120000) {
      const d = excelSerialToDate(v);
      return ym(d.getUTCFullYear(), d.getUTCMonth() + 1) ?? bad;
    }
    if (v >= 199001 && v <= 220012) return ym(Math.floor(v / 100), v % 100) ?? bad; // 202703
    return bad;
  }
  const s = cellText(v).normalize('NFKC').replace(/\s+/g, ' ');
  if (BLANK.test(s)) return undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ][\d:.]+Z?)?$/.exec(s))) return ym(+m[1], +m[2]) ?? bad;
  if ((m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s))) return ym(+m[1], +m[2]) ?? bad;
  // An Excel serial day number that reached a CSV as text ("46477").
  if (/^\d{5}(?:\.\d+)?$/.test(s) && +s >= 20000 && +s < 120000) return parseMonth(+s);
  if ((m = /^(\d{4})年\s*(\d{1,2})月(?:\s*(\d{1,2})日)?(?:末|頃)?$/.exec(s))) return ym(+m[1], +m[2]) ?? bad;
  if ((m = /^令和\s*(\d{1,2}|元)年\s*(\d{1,2})月/.exec(s))) return ym(2018 + (m[1] === '元' ? 1 : +m[1]), +m[2]) ?? bad;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    const a = +m[1], b = +m[2], y = +m[3];
    // Dots are European (day first); slashes are US (month first) unless the first number is a day.
    const dayFirst = s.includes('.') || a > 12;
    return ym(y, dayFirst ? b : a) ?? bad;
  }
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s))) return ym(+m[2], +m[1]) ?? bad;
  if ((m = /^(?:(\d{1,2})(?:st|nd|rd|th)?[ -])?([a-z]{3,9})\.?[ -,]*(?:(\d{1,2})(?:st|nd|rd|th)?,? )?(\d{4})$/i.exec(s))) {
    const mon = MONTHS[m[2].slice(0, m[2].toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (mon) return ym(+m[4], mon) ?? bad;
  }
  return bad;
}

// ---- yes / no, lists, enums -------------------------------------------------------------------

export function parseBool(raw: unknown): Read<boolean> {
  const v = cellValue(raw);
  if (typeof v === 'boolean') return v;
  const s = cellText(v).normalize('NFKC').toLowerCase();
  if (s === '') return undefined;
  if (/^(?:yes|y|true|1|x|✓|✔|はい|有|あり|○|〇|◯|対象)$/.test(s)) return true;
  if (/^(?:no|n|false|0|いいえ|無|なし|×|✕|-|対象外)$/.test(s)) return false;
  return { problem: 'sheets.value.bool', params: { value: s } };
}

/** "a, b; c" / "a、b" / one per line. "—" means an explicit empty list. */
export function parseList(raw: unknown): string[] | undefined {
  const s = cellText(cellValue(raw));
  if (s === '') return undefined;
  if (/^(?:—|-|–|\(none\)|（なし）|\(なし\)|なし|none)$/i.test(s)) return [];
  return s.split(/[,;、，；\n]+/).map((x) => x.trim()).filter(Boolean);
}

export const STATUS_WORDS: Record<string, 'active' | 'pilot' | 'retiring' | 'retired'> = {
  active: 'active', 'in use': 'active', live: 'active', production: 'active', renewing: 'active', renewed: 'active',
  approved: 'active', sanctioned: 'active', managed: 'active', current: 'active', 'in-use': 'active', used: 'active',
  利用中: 'active', 稼働中: 'active', 運用中: 'active', 契約中: 'active', 使用中: 'active', 有効: 'active', 導入済: 'active', 導入済み: 'active',
  pilot: 'pilot', trial: 'pilot', poc: 'pilot', evaluating: 'pilot', evaluation: 'pilot', 'in review': 'pilot', 'under review': 'pilot',
  testing: 'pilot', 'free trial': 'pilot', トライアル: 'pilot', 試用: 'pilot', 試用中: 'pilot', 検証中: 'pilot', 検討中: 'pilot', パイロット: 'pilot', 評価中: 'pilot',
  retiring: 'retiring', sunsetting: 'retiring', 'to be retired': 'retiring', 'not renewing': 'retiring', cancelling: 'retiring',
  deprecated: 'retiring', 'phasing out': 'retiring', 'will not renew': 'retiring', 解約予定: 'retiring', 廃止予定: 'retiring', 移行中: 'retiring', 停止予定: 'retiring', 段階的廃止: 'retiring',
  retired: 'retired', cancelled: 'retired', canceled: 'retired', churned: 'retired', terminated: 'retired', expired: 'retired',
  inactive: 'retired', decommissioned: 'retired', unused: 'retired', 解約済: 'retired', 解約済み: 'retired', 廃止: 'retired', 廃止済み: 'retired',
  停止: 'retired', 停止中: 'retired', 未使用: 'retired', 解約: 'retired',
};

export function parseStatus(raw: unknown, extra: Record<string, string> = {}): Read<'active' | 'pilot' | 'retiring' | 'retired'> {
  const s = cellText(cellValue(raw)).normalize('NFKC').trim();
  if (s === '') return undefined;
  const key = s.toLowerCase().replace(/[_]+/g, ' ');
  const hit = STATUS_WORDS[key] ?? (extra[key] as any) ?? STATUS_WORDS[key.replace(/\s+/g, '')];
  return hit ?? { problem: 'sheets.value.status', params: { value: s } };
}

/** A name compared loosely: case, width, punctuation and spaces do not count. */
export function normaliseName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
