// Words and numbers shared by the diff renderers (text, markdown): money, signed deltas, field
// changes, side names, in the language of the Translator a renderer hands to diffWords().
import type { Translator } from '../i18n/index.js';
import { formatMoney } from '../i18n/format.js';
import { DEFAULT_STAGES } from '../model/vocabulary.js';
import type {
  DiffResult, DiffSide, FieldChange, IntegrationChange, IntegrationSummary, ToolSummary, TouchpointChange, TouchpointFieldChange,
} from './types.js';

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${Math.abs(n)}` : '±0';
}

export function integrationName(i: { fromName: string; toName: string; bidirectional?: boolean }): string {
  return `${i.fromName} ${i.bidirectional ? '↔' : '→'} ${i.toName}`;
}

/** The diff's words in the language of `tr`: what the text and Markdown renderers share. */
export function diffWords(tr: Translator) {
  const { t, tCount } = tr;
  // A data type's name, once per type (a 10,000-tool diff names the same few dozen types ~100,000 times).
  const typeNames = new Map<string, string>();
  const dataTypeName = (id: string): string => {
    let name = typeNames.get(id);
    if (name === undefined) typeNames.set(id, (name = tr.dataTypeName(id)));
    return name;
  };
  function money(amount: number, currency: string, signed = false): string {
    return formatMoney(Math.round(amount * 100), currency, tr.lang, { signed });
  }

  /** A money change ("-€12,000"), or "±0", or a note when the currencies differ. */
  function moneyChange(change: number | null, currency: string): string {
    if (change === null) return t('diff.currency-changed');
    if (change === 0) return '±0';
    return money(change, currency, true);
  }

  function levelName(level: string): string {
    return t(`diff.level.${level}`);
  }

  function severityName(sev: string): string {
    return t(`diff.severity.${sev}`);
  }

  function sideName(s: DiffSide): string {
    if (!s.commit) return s.path === '.' ? t('diff.working-tree') : t('diff.working-tree-at', { path: s.path });
    const short = s.commit.slice(0, 7);
    return s.label.includes(':') ? `${s.label} (${short})` : `${s.label} (${short}, ${s.path})`;
  }

  function seats(v: unknown): string {
    if (!v || typeof v !== 'object') return t('diff.value.none');
    const s = v as { licensed?: number; active?: number };
    return tCount('diff.seats', s.licensed ?? 2, { active: s.active ?? '?', licensed: s.licensed ?? '?' });
  }

  function value(field: FieldChange['field'], v: unknown, currency: string): string {
    if (v === null || v === undefined) return field === 'cost' ? t('diff.value.unknown') : t('diff.value.none');
    switch (field) {
      case 'cost': return money(v as number, currency);
      case 'seats': return seats(v);
      case 'hub':
      case 'thirdPartyCookies': return v ? t('diff.value.yes') : t('diff.value.no');
      case 'status': return t(`diff.status.${String(v)}`);
      default: return String(v);
    }
  }

  /** "status: active → retiring" */
  function fieldChange(c: FieldChange, currency: string): string {
    return `${t(`diff.field.${c.field}`)}: ${value(c.field, c.before, currency)} → ${value(c.field, c.after, currency)}`;
  }

  function integrationFieldChange(c: IntegrationChange['changes'][number]): string {
    const v = (x: unknown): string => {
      if (c.field === 'data') return x === null ? t('diff.value.all-data') : dataList(x as string[]) || t('diff.value.none');
      if (c.field === 'bidirectional') return x ? t('diff.value.yes') : t('diff.value.no');
      if (c.field === 'frequency') return x === null ? t('diff.value.whenever') : t(`frequency.${String(x)}`);
      return t(`diff.mode.${String(x)}`);
    };
    return `${t(`diff.field.${c.field}`)}: ${v(c.before)} → ${v(c.after)}`;
  }

  /** A list change as what was added and what was dropped: "+HubSpot, −Marketo". */
  function listDelta(before: readonly string[], after: readonly string[], name: (id: string) => string): string {
    const added = after.filter((x) => !before.includes(x)).map((x) => `+${name(x)}`);
    const removed = before.filter((x) => !after.includes(x)).map((x) => `−${name(x)}`);
    return [...added, ...removed].join(t('diff.list-sep'));
  }

  /** "tools: +HubSpot, −Marketo", "stage: Awareness → Consideration", "in scope: yes → no" */
  function touchpointFieldChange(c: TouchpointFieldChange, names: TouchpointChange['names']): string {
    const label = t(`diff.field.${c.field === 'inScope' ? 'in-scope' : c.field}`);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
    switch (c.field) {
      case 'tools':
        return `${label}: ${listDelta(list(c.before), list(c.after), (id) => names[id] ?? id)}`;
      case 'captures':
        return `${label}: ${listDelta(list(c.before), list(c.after), dataTypeName)}`;
      case 'personas': {
        // null: everyone (no list given).
        const ps = (v: unknown): string => (v === null ? t('diff.value.everyone') : list(v).map((id) => names[id] ?? id).join(t('diff.list-sep')) || t('diff.value.none'));
        return `${label}: ${ps(c.before)} → ${ps(c.after)}`;
      }
      case 'personalized': {
        const yn = (v: unknown): string => (v === null ? t('diff.value.not-said') : v ? t('diff.value.yes') : t('diff.value.no'));
        return `${label}: ${yn(c.before)} → ${yn(c.after)}`;
      }
      case 'needs': {
        const f = (v: unknown): string => (v === null ? t('diff.value.not-said') : t(`frequency.${String(v)}`));
        return `${label}: ${f(c.before)} → ${f(c.after)}`;
      }
      case 'realtime':
      case 'inScope': {
        const yn = (v: unknown): string => (v ? t('diff.value.yes') : t('diff.value.no'));
        return `${label}: ${yn(c.before)} → ${yn(c.after)}`;
      }
      case 'stage': {
        const st = (v: unknown): string => stageLabel(String(v), names[String(v)] ?? String(v));
        return `${label}: ${st(c.before)} → ${st(c.after)}`;
      }
      default: {
        const v = (x: unknown): string => (x === null || x === undefined ? t('diff.value.none') : String(x));
        return `${label}: ${v(c.before)} → ${v(c.after)}`;
      }
    }
  }

  /** "Marketing · active · €12,000 a year" */
  function toolFacts(s: ToolSummary, currency: string): string {
    const parts: string[] = [t(`diff.status.${s.status}`)];
    if (s.owner) parts.push(s.owner);
    parts.push(s.annualCost !== undefined ? t('diff.per-year', { amount: money(s.annualCost, currency) }) : t('diff.cost-unknown'));
    return parts.join(' · ');
  }

  function dataList(ids: readonly string[]): string {
    return ids.map((id) => dataTypeName(id)).join(t('diff.list-sep'));
  }

  /** A stage as shown: a default stage in this language, else the workspace's own name. */
  function stageLabel(id: string, name: string): string {
    return DEFAULT_STAGES.some((s) => s.id === id && s.name === name) ? t(`stage.${id}`) : name;
  }

  /** "Consideration · webinar" */
  function touchpointFacts(x: { stage: string; stageName: string; channel: string }): string {
    return `${stageLabel(x.stage, x.stageName)} · ${x.channel}`;
  }


  function integrationFacts(i: IntegrationSummary): string {
    const parts = [t(`diff.mode.${i.mode}`)];
    if (i.data?.length) parts.push(dataList(i.data));
    return parts.join(' · ');
  }

  /** "1 tool removed, 1 changed · 1 integration added" (empty when the inventory did not change). */
  function stackSummary(d: DiffResult): string {
    const part = (kind: string, added: number, removed: number, changed: number): string | undefined => {
      const bits: string[] = [];
      if (added) bits.push(t('diff.count.added', { n: added }));
      if (removed) bits.push(t('diff.count.removed', { n: removed }));
      if (changed) bits.push(t('diff.count.changed', { n: changed }));
      return bits.length ? t(`diff.kind.${kind}`, { list: bits.join(t('diff.list-sep')) }) : undefined;
    };
    return [
      part('tools', d.tools.added.length, d.tools.removed.length, d.tools.changed.length),
      part('touchpoints', d.touchpoints.added.length, d.touchpoints.removed.length, d.touchpoints.changed.length),
      part('integrations', d.integrations.added.length, d.integrations.removed.length, d.integrations.changed.length),
    ].filter(Boolean).join(' · ');
  }

  function stackChanged(d: DiffResult): boolean {
    return stackSummary(d) !== '';
  }

  /** "2 resolved, 1 new" */
  function findingsSummary(d: DiffResult): string {
    const bits: string[] = [];
    if (d.findings.resolved.length) bits.push(t('diff.findings.n-resolved', { n: d.findings.resolved.length }));
    if (d.findings.introduced.length) bits.push(t('diff.findings.n-introduced', { n: d.findings.introduced.length }));
    if (d.findings.changed.length) bits.push(t('diff.findings.n-changed', { n: d.findings.changed.length }));
    return bits.join(t('diff.list-sep')) || t('diff.findings.none-changed');
  }

  return { t, money, moneyChange, levelName, severityName, sideName, fieldChange, integrationFieldChange, touchpointFieldChange, toolFacts, stageLabel, touchpointFacts, integrationFacts, stackSummary, stackChanged, findingsSummary };
}

export type DiffWords = ReturnType<typeof diffWords>;
