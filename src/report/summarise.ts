// Large workspaces: report.md and report.html summarise their long tables. A consultant reading
// the report of a 10,000-tool stack needs the totals and the worst items, not 26,000 rows (and a
// 200 MB report folder): a table of more than ROWS_SHOWN rows shows its first ROWS_SHOWN, in an
// order that puts what matters first (the most severe findings, the most expensive tools, the
// roadmap's own order), and says how many more there are and that audit.json (and audit.sarif)
// list every one. Tables of ROWS_SHOWN rows or fewer, so every bundled example, are unchanged.
import type { Translator } from '../i18n/index.js';
import { formatNumber } from '../i18n/format.js';

/** The most rows a table of report.md / report.html shows (README, "Report and diagrams"). */
export const ROWS_SHOWN = 100;

/** The most touchpoint cards per stage in the HTML journey map, and rows per phase in the timeline. */
export const CARDS_SHOWN = 40;

/** The first `limit` items, and how many were left out. */
export function firstRows<T>(items: readonly T[], limit = ROWS_SHOWN): { rows: T[]; omitted: number } {
  return items.length > limit ? { rows: items.slice(0, limit), omitted: items.length - limit } : { rows: [...items], omitted: 0 };
}

/**
 * The line under a summarised table: "Showing the first 100 of 26,004 rows (the most severe
 * first); the full list is in audit.json." `order` is a scale.order.* key.
 */
export function moreNote(shown: number, total: number, order: string, { t, lang }: Translator): string {
  return t('scale.more', { shown: formatNumber(shown, lang), total: formatNumber(total, lang), order: t(`scale.order.${order}`) });
}

/** "+N more" under a column of cards or bars. */
export function moreCount(count: number, { t, lang }: Translator): string {
  return t('scale.more-count', { count: formatNumber(count, lang) });
}
