// Small wording helpers shared by the assessment and the roadmap.
import { list, t } from '../i18n/index.js';

/** "a, b, c and 4 more" */
export function someOf(items: readonly string[], max: number): string {
  return items.length <= max ? list(items) : list([...items.slice(0, max), t('assess.more', { count: items.length - max })]);
}
