// Money, numbers, percentages, plural categories and lists in a language: the one place that
// formats them. Every function takes the language explicitly (reports, diagrams, the diff, rule
// messages and the assessment all call these; none keeps its own Intl formatter).
const localeOf = (lang: string): string => (lang === 'ja' ? 'ja-JP' : 'en-US');

export interface MoneyStyle {
  /**
   * 'auto' (default): cents only when there are any, as the currency writes them (€12, €12.50);
   * 'trim': up to two decimals without trailing zeros, for running text (€12.5);
   * 'none': rounded to whole units, for compact labels (diagrams).
   */
  cents?: 'auto' | 'trim' | 'none';
  /** A sign on changes ("+€1,200", "-€300"; zero without one). */
  signed?: boolean;
}

const moneyFormats = new Map<string, { nf: Intl.NumberFormat; currency: boolean }>();

/** An amount in minor units (cents) of `currency`, in `lang`. */
export function formatMoney(minor: number, currency: string, lang: string, style: MoneyStyle = {}): string {
  const cents = style.cents ?? 'auto';
  const rounded = Math.round(minor);
  const whole = cents === 'none' || rounded % 100 === 0;
  const key = `${lang}|${currency}|${cents}|${whole}|${style.signed ? 1 : 0}`;
  let entry = moneyFormats.get(key);
  if (!entry) {
    const sign = style.signed ? { signDisplay: 'exceptZero' as const } : {};
    const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
      : cents === 'trim' ? { minimumFractionDigits: 0, maximumFractionDigits: 2 } : {};
    try {
      entry = { nf: new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency, ...digits, ...sign }), currency: true };
    } catch {
      // Not an ISO 4217 code (the loader rejects those): the number, then the code.
      entry = { nf: new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 0, maximumFractionDigits: whole ? 0 : 2, ...sign }), currency: false };
    }
    moneyFormats.set(key, entry);
  }
  const text = entry.nf.format(cents === 'none' ? Math.round(rounded / 100) : rounded / 100);
  return entry.currency ? text : `${text} ${currency}`;
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** A share (0..1) as a whole percentage ("42%"). */
export function formatPercent(share: number, lang: string): string {
  return `${formatNumber(Math.round(share * 100), lang)}%`;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The Intl.PluralRules category of a count ("one", "other"). */
export function pluralCategory(count: number, lang: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(localeOf(lang))));
  return rules.select(count);
}

/** A list: "a, b and c" / 「a、b、c」. */
export function formatList(items: readonly string[], lang: string): string {
  if (lang === 'ja') return items.join('、');
  if (items.length <= 1) return items.join('');
  // join(), not a template: a flat string rather than a V8 cons string (issue 18).
  if (items.length === 2) return [items[0], ' and ', items[1]].join('');
  return [items.slice(0, -1).join(', '), ' and ', items[items.length - 1]].join('');
}

/**
 * The first `max` items and, when there are more, one last item that counts the rest (`more(n)`,
 * e.g. "3,641 more"): the lists in report notes and table cells of a 10,000-tool stack (issue 18).
 */
export function firstOf(items: readonly string[], max: number, more: (count: number) => string): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), more(items.length - max)];
}
