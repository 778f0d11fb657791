// Shared by the flowchart generators: the colour classes and their legend, which tools the audit
// flagged (read from the findings, so that picture and text agree), money and sorting.
import type { Lang, Translator } from '../i18n/index.js';
import { formatMoney } from '../i18n/format.js';
import { loadTaxonomy, localName } from '../catalog/index.js';
import type { AuditResult, Finding } from '../analysis/types.js';
import { getRule } from '../analysis/rules/index.js';
import { departmentName, type Tool, type Workspace } from '../model/model.js';
import { label, type IdGen } from './mermaid-escape.js';
import { displayWidth } from '../util/width.js';

/** Node styles. Colours were chosen to print well in colour and in greyscale (fill + border style). */
export const CLASS_DEFS: Record<string, string> = {
  touchpoint: 'fill:#eef4fb,stroke:#4a78c2,stroke-width:1px,color:#1b2a41',
  tool: 'fill:#ffffff,stroke:#6b7280,stroke-width:1px,color:#1f2937',
  hub: 'fill:#e3f2e6,stroke:#1e7b34,stroke-width:3px,color:#0b3d18,font-weight:bold',
  silo: 'fill:#fde8e6,stroke:#c5221f,stroke-width:2px,color:#5c0b09',
  island: 'fill:#fff3e0,stroke:#d56e0c,stroke-width:2px,color:#4a2800',
  retiring: 'fill:#f1f3f4,stroke:#80868b,stroke-width:1px,stroke-dasharray:5 3,color:#5f6368',
  outOfScope: 'fill:#fafafa,stroke:#bdc1c6,stroke-width:1px,stroke-dasharray:3 3,color:#80868b',
  uncovered: 'fill:#ffffff,stroke:#c5221f,stroke-width:2px,stroke-dasharray:4 3,color:#5c0b09',
  dropped: 'fill:#fff5f5,stroke:#c5221f,stroke-width:2px,stroke-dasharray:6 3,color:#5c0b09',
  kept: 'fill:#ffffff,stroke:#1e7b34,stroke-width:2px,color:#0b3d18',
  capability: 'fill:#f3e8fd,stroke:#7b3fb8,stroke-width:2px,color:#2e0f52',
  group: 'fill:#f8f9fa,stroke:#3c4043,stroke-width:2px,stroke-dasharray:8 2,color:#202124',
  legend: 'fill:#ffffff,stroke:#dadce0,stroke-width:1px,color:#3c4043',
  warning: 'fill:#c5221f,stroke:#8c1513,stroke-width:2px,color:#ffffff,font-weight:bold',
  note: 'fill:#fffde7,stroke:#c7b200,stroke-width:1px,color:#3c3500',
  // The customer's side (consent view): where consent starts, who messages customers.
  consentOrigin: 'fill:#fff8e1,stroke:#b06000,stroke-width:2px,color:#3e2400',
  sender: 'fill:#eef4fb,stroke:#2f5597,stroke-width:2px,color:#1b2a41',
};

/** Subgraph styles (applied with `style <id> ...`). */
export const CLUSTER_STYLES = {
  stage: 'fill:#f7f9fc,stroke:#b7c3d4,stroke-width:1px,color:#1b2a41',
  dept: 'fill:#fbfbfb,stroke:#d0d4d9,stroke-width:1px,color:#3c4043',
  island: 'fill:#fffaf2,stroke:#d56e0c,stroke-width:2px,stroke-dasharray:6 3,color:#4a2800',
  legend: 'fill:#ffffff,stroke:#dadce0,stroke-width:1px,color:#5f6368',
  plain: 'fill:#fbfbfb,stroke:#d0d4d9,stroke-width:1px,color:#3c4043',
};

export type ToolClass = 'hub' | 'silo' | 'island' | 'retiring' | 'dropped' | 'tool';

export interface Flags {
  silos: Set<string>;
  islands: string[][];
  islandOf: Map<string, number>;
  noHub: boolean;
  /** (r2) Tools the roadmap keeps (kept, made source of truth, connected to, consolidated onto). */
  keep: Set<string>;
  /** (r2) Tools the roadmap drops (retired or moved away from): pictures say what the words say. */
  drop: Set<string>;
}

/** (r2) What the roadmap keeps and drops, read from its initiatives' `keep` and `drop`. */
export function roadmapTargets(result: AuditResult): { keep: Set<string>; drop: Set<string> } {
  const initiatives = result.roadmap?.initiatives ?? [];
  const drop = new Set(initiatives.flatMap((i) => i.drop ?? []));
  const keep = new Set(initiatives.flatMap((i) => i.keep ?? []).filter((id) => !drop.has(id)));
  return { keep, drop };
}

function toolEntities(f: Finding): string[] {
  return f.entities.filter((e) => e.kind === 'tool').map((e) => e.id).sort();
}

const flagsCache = new WeakMap<AuditResult, WeakMap<Workspace, Flags>>();

/**
 * What the findings say about tools: silos and islands (department clusters cut off from the hub).
 * Worked out once per result and workspace (both frozen once analysed): a report asks for them in
 * every picture it draws twice (legend inside and outside) and in the journey matrix, and each time
 * sorted every finding (28,000 at 10,000 tools). Read-only: callers never change the sets.
 */
export function flagsFrom(ws: Workspace, result: AuditResult): Flags {
  let byWs = flagsCache.get(result);
  if (!byWs) flagsCache.set(result, (byWs = new WeakMap()));
  let flags = byWs.get(ws);
  if (!flags) byWs.set(ws, (flags = computeFlags(ws, result)));
  return flags;
}

function computeFlags(ws: Workspace, result: AuditResult): Flags {
  const silos = new Set<string>();
  const islands: string[][] = [];
  const islandOf = new Map<string, number>();
  // Each rule says how its findings mark tools (meta.marks in src/analysis/rules/<id>.ts).
  const marks = (f: Finding) => getRule(f.rule)?.meta.marks;
  const noHub = result.findings.some((f) => marks(f) === 'all-silos');
  const sorted = [...result.findings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const f of sorted) {
    if (marks(f) === 'silo') for (const id of toolEntities(f)) silos.add(id);
    if (marks(f) === 'island') {
      const members = toolEntities(f).filter((id) => !islandOf.has(id));
      if (members.length === 0) continue;
      for (const id of members) islandOf.set(id, islands.length);
      islands.push(members);
    }
  }
  if (noHub) {
    // rules.md: without any hub, no-customer-hub stands for the per-tool silo findings.
    for (const tool of ws.tools) {
      // The tools the siloed share counts: a tool holding only aggregate metrics (`personal: false`) is no silo.
      const personal = tool.data.some((d) => ws.index.dataTypeById.get(d)?.personal !== false);
      if ((tool.status === 'active' || tool.status === 'pilot') && personal && !islandOf.has(tool.id)) silos.add(tool.id);
    }
  }
  return { silos, islands, islandOf, noHub, ...roadmapTargets(result) };
}

export function toolClass(tool: Tool, flags: Flags): ToolClass {
  if (tool.status === 'retiring' || tool.status === 'retired') return 'retiring';
  // (r2) A hub the roadmap retires (a second CRM moved onto the first) is drawn as going, as the
  // overlap diagram and the words say, not as the customer-data hub to keep.
  if (flags.drop.has(tool.id)) return 'dropped';
  if (tool.hub) return 'hub';
  if (flags.islandOf.has(tool.id)) return 'island';
  if (flags.silos.has(tool.id)) return 'silo';
  return 'tool';
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Money in major units, formatted for `lang`, without decimals. */
export function money(amount: number, currency: string, lang: Lang): string {
  return formatMoney(Math.round(amount * 100), currency, lang, { cents: 'none' });
}

export function toolCost(tool: Tool, currency: string, tr: Translator): string {
  if (tool.annualCostMinor === undefined) return tr.t('diagram.cost.unknown');
  return tr.t('diagram.cost.year', { cost: money(tool.annualCostMinor / 100, currency, tr.lang) });
}

/** Collects `class` statements and emits them sorted, once per class. */
export class ClassAssigner {
  private readonly members = new Map<string, string[]>();
  add(id: string, cls: string): void {
    const l = this.members.get(cls);
    if (l) l.push(id);
    else this.members.set(cls, [id]);
  }
  used(cls: string): boolean {
    return this.members.has(cls);
  }
  /** classDef lines for the used classes, then one `class` line per class. */
  lines(extra: string[] = []): string[] {
    const names = [...new Set([...this.members.keys(), ...extra])].sort(cmp);
    const out: string[] = [];
    for (const name of names) out.push(`  classDef ${name} ${CLASS_DEFS[name]}`);
    for (const name of names) {
      const ids = this.members.get(name);
      if (ids?.length) out.push(`  class ${ids.join(',')} ${name}`);
    }
    return out;
  }
}

export interface LegendEntry { cls: string; text: string; shape?: 'hexagon' }

/** A legend as a frame of sample nodes. Only the entries whose style the diagram uses are listed. */
export function legend(ids: IdGen, classes: ClassAssigner, entries: LegendEntry[], styles: string[], tr: Translator): string[] {
  if (entries.length === 0) return [];
  const sub = ids.next();
  // Unlinked nodes in a left-to-right frame share one rank: they stack in a compact column.
  const out = [`  subgraph ${sub}[${label(tr.t('diagram.legend'))}]`, '    direction LR'];
  const nodeIds: string[] = [];
  for (const e of entries) {
    const id = ids.next();
    nodeIds.push(id);
    out.push(e.shape === 'hexagon' ? `    ${id}{{${label(e.text)}}}` : `    ${id}[${label(e.text)}]`);
    classes.add(id, e.cls);
  }
  out.push('  end');
  styles.push(`  style ${sub} ${CLUSTER_STYLES.legend}`);
  return out;
}

/**
 * Splits a list for a label: the first items that fit in `max` columns, then "+N more". Japanese
 * is measured in display columns (a character counts two) against a shorter budget, so that a
 * label wraps only at the space before 「ほか N件」 and never inside a word (Mermaid breaks
 * Japanese text anywhere).
 */
export function abbreviateList(items: readonly string[], tr: Translator, max = 32): string {
  const ja = tr.lang === 'ja';
  const budget = ja ? Math.round(max * 0.8) : max;
  const shown: string[] = [];
  let len = 0;
  for (const item of items) {
    const add = (shown.length ? 2 : 0) + (ja ? displayWidth(item) : item.length);
    if (shown.length > 0 && len + add > budget) break;
    shown.push(item);
    len += add;
  }
  const rest = items.length - shown.length;
  // Japanese lists take 「、」 (a short list reads 「受注、購買履歴」).
  const sep = ja ? '、' : ', ';
  return rest > 0 ? `${shown.join(sep)} ${tr.t('diagram.more', { count: rest })}` : shown.join(sep);
}

/** A department's display name; an undeclared id is shown capitalised ("sales" -> "Sales", "it" -> "IT"). */
export function deptLabel(ws: Workspace, id: string): string {
  const name = departmentName(ws, id);
  if (name !== id || !/^[a-z]/.test(name)) return name;
  // Short ids are acronyms (it, hr, cs); longer ones words (sales, customer-success).
  return name.length <= 3 ? name.toUpperCase() : name[0].toUpperCase() + name.slice(1).replace(/[-_]/g, ' ');
}

/** The taxonomy group of a category (Advertising, Data, ...): the level above categories. */
export function categoryGroup(category: string | undefined, tr: Translator): { id: string; name: string } {
  const tax = loadTaxonomy();
  const cat = category ? tax.categoryById.get(category) : undefined;
  const group = cat ? tax.groups.find((g) => g.id === cat.group) : undefined;
  return group ? { id: group.id, name: localName(group.name, group.id, tr.lang) } : { id: '', name: tr.t('diagram.uncategorised') };
}

/** A touchpoint channel's name in `tr`'s language (`web` → Website); an unknown channel as written. */
export function channelName(channel: string, tr: Translator): string {
  const key = `diagram.channel.${channel}`;
  const s = tr.t(key);
  return s === key ? channel : s;
}
