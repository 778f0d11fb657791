// The customer's side of a diff (format revision 2): personas added, removed or changed, and data
// types whose party, personal, consent or restriction changed. Plain lines that the text and the
// Markdown renderers print under their own headings; nothing for a diff without them.
import type { Translator } from '../i18n/index.js';
import type { DiffResult } from './types.js';

export interface CustomerSection { title: string; lines: { mark: '+' | '-' | '~'; name: string; id: string; what: string }[] }

export function customerSections(d: DiffResult, { t }: Translator): CustomerSection[] {
  const out: CustomerSection[] = [];
  const sep = t('diff.list-sep');
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined) return t('diff.value.not-said');
    if (field === 'party') return t(`custreport.party.${String(v)}`);
    if (field === 'stages') return (v as string[]).join(sep);
    if (typeof v === 'boolean') return t(v ? 'diff.value.yes' : 'diff.value.no');
    if (field === 'restricted' && v === false) return t('diff.value.no');
    return String(v);
  };
  const change = (c: { field: string; before: unknown; after: unknown }) => `${t(`diff.field.${c.field}`)}: ${value(c.field, c.before)} → ${value(c.field, c.after)}`;
  if (d.personas) {
    out.push({ title: t('diff.section.personas'), lines: [
      ...d.personas.added.map((p) => ({ mark: '+' as const, name: p.name, id: p.id, what: t('diff.added') })),
      ...d.personas.removed.map((p) => ({ mark: '-' as const, name: p.name, id: p.id, what: t('diff.removed') })),
      ...d.personas.changed.map((p) => ({ mark: '~' as const, name: p.name, id: p.id, what: p.changes.map(change).join('; ') })),
    ] });
  }
  if (d.dataTypes) {
    out.push({ title: t('diff.section.data-types'), lines: d.dataTypes.changed.map((x) => ({
      mark: '~' as const, name: x.name, id: x.id, what: x.changes.map(change).join('; '),
    })) });
  }
  return out;
}
