// `overlap`: each capability that two or more active tools provide as a primary capability, as
// the `capability-overlap` findings list them (so that picture and words agree: primary
// capabilities only, media channels apart), linked to those tools, with the tools' annual cost
// and the money at stake. (r2) Tools are marked by what the roadmap does with them: the ones it
// drops (retired, moved away from) and the ones it keeps (consolidated onto).
import { capabilityNameIn } from '../catalog/index.js';
import type { AuditResult } from '../analysis/types.js';
import type { Tool, Workspace } from '../model/model.js';
import { IdGen, label } from './mermaid-escape.js';
import { byId, ClassAssigner, cmp, legend, money, toolClass, flagsFrom, toolCost, type LegendEntry } from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';

/** Tools drawn per capability box; fewer when the picture would hold more than MAX_TOOL_NODES. */
const TOOLS_PER_CAPABILITY = 8;
const MAX_TOOL_NODES = 40;

export interface Overlap {
  capability: string; tools: Tool[]; costMinor: number; unknownCost: number;
  /** The finding's money at stake (rules.md r2: only tools whose every primary capability is in the overlap), minor units. */
  atStakeMinor?: number;
}

/** The overlapping capabilities the findings report (rules.md `capability-overlap`), sorted by id. */
export function overlaps(ws: Workspace, result: AuditResult): Overlap[] {
  const out: Overlap[] = [];
  for (const f of result.findings) {
    if (f.rule !== 'capability-overlap') continue;
    const capability = typeof f.details?.capability === 'string' ? f.details.capability : f.id.slice('capability-overlap:'.length);
    const tools = f.entities.filter((e) => e.kind === 'tool').map((e) => ws.index.toolById.get(e.id)).filter((x): x is Tool => !!x).sort(byId);
    if (tools.length < 2) continue;
    out.push({
      capability, tools,
      costMinor: tools.reduce((s, x) => s + (x.annualCostMinor ?? 0), 0),
      unknownCost: tools.filter((x) => x.annualCostMinor === undefined).length,
      ...(typeof f.cost === 'number' ? { atStakeMinor: Math.round(f.cost * 100) } : {}),
    });
  }
  return out.sort((a, b) => cmp(a.capability, b.capability));
}

export function overlapDiagram({ ws, result, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t } = tr;
  const maxCaps = options.maxCapabilities ?? DEFAULT_OPTIONS.maxCapabilities;
  const currency = ws.organization.currency;
  const flags = flagsFrom(ws, result);
  const nodes = new IdGen('n');
  const classes = new ClassAssigner();
  const styles: string[] = [];
  const notes: string[] = [];
  const out: string[] = ['flowchart LR', `  accTitle: ${t('diagram.kind.overlap')}`];

  let all = overlaps(ws, result);
  // A large stack overlaps everywhere: fewer, costlier boxes keep the picture readable.
  const large = new Set(all.flatMap((o) => o.tools.map((x) => x.id))).size > MAX_TOOL_NODES;
  const max = large ? Math.min(8, maxCaps) : maxCaps;
  if (all.length > max) {
    const keep = new Set([...all].sort((a, b) => b.costMinor - a.costMinor || cmp(a.capability, b.capability)).slice(0, max).map((o) => o.capability));
    notes.push(t('diagram.overlap.collapsed', { shown: max, total: all.length }));
    all = all.filter((o) => keep.has(o.capability));
  }
  if (all.length === 0) {
    const id = nodes.next();
    out.push(`  ${id}[${label(t('diagram.overlap.none'))}]`);
    classes.add(id, 'note');
    out.push(...classes.lines());
    return { kind: 'overlap', family: 'flowchart', title: t('diagram.kind.overlap'), source: `${out.join('\n')}\n`, notes };
  }

  // Capabilities that the very same tools provide share one box: "these two tools overlap on
  // live chat, help desk and chatbot" reads better than three identical boxes.
  const sets = new Map<string, Overlap[]>();
  for (const o of all) {
    const key = o.tools.map((x) => x.id).join('+');
    const l = sets.get(key);
    if (l) l.push(o);
    else sets.set(key, [o]);
  }
  const toolIds = new Map<string, string>();
  const links: string[] = [];
  const distinct = new Set([...sets.values()].flatMap((g) => g[0].tools.map((x) => x.id))).size;
  const perBox = distinct > MAX_TOOL_NODES ? 3 : TOOLS_PER_CAPABILITY;
  if (perBox < TOOLS_PER_CAPABILITY) notes.push(t('diagram.overlap.fewer-tools', { count: perBox }));
  for (const group of sets.values()) {
    const o = group[0];
    const capId = nodes.next();
    const names = group.map((g) => capabilityNameIn(g.capability, tr.lang));
    const shownNames = names.length > 4 ? [...names.slice(0, 3), t('diagram.more', { count: names.length - 3 })] : names;
    // (r2) The money at stake is the finding's: a suite that also does it is named, not summed.
    const atStake = Math.max(0, ...group.map((g) => g.atStakeMinor ?? 0));
    const costLine = atStake > 0
      ? t('diagram.overlap.at-stake', { count: o.tools.length, cost: money(atStake / 100, currency, tr.lang) })
      : t('diagram.overlap.tools', { count: o.tools.length });
    out.push(`  ${capId}{{${label(...shownNames, costLine)}}}`);
    classes.add(capId, 'capability');
    const ranked = [...o.tools].sort((a, b) => (b.annualCostMinor ?? -1) - (a.annualCostMinor ?? -1) || byId(a, b));
    const shown = ranked.slice(0, perBox);
    for (const tool of [...shown].sort(byId)) {
      let id = toolIds.get(tool.id);
      if (!id) {
        id = nodes.next();
        toolIds.set(tool.id, id);
        out.push(`  ${id}[${label(tool.name, toolCost(tool, currency, tr))}]`);
        // (r2) What the roadmap does with it: dropped, kept (consolidated onto), else a hub or a tool.
        const cls = flags.drop.has(tool.id) ? 'dropped' : toolClass(tool, flags) === 'hub' ? 'hub' : flags.keep.has(tool.id) ? 'kept' : 'tool';
        classes.add(id, cls);
      }
      links.push(`  ${capId} --- ${id}`);
    }
    if (shown.length < ranked.length) {
      const id = nodes.next();
      out.push(`  ${id}[${label(t('diagram.more-tools', { count: ranked.length - shown.length }))}]`);
      classes.add(id, 'group');
      links.push(`  ${capId} --- ${id}`);
    }
  }
  out.push(...links);

  const entries: LegendEntry[] = [{ cls: 'capability', text: t('diagram.legend.capability'), shape: 'hexagon' }];
  if (classes.used('hub')) entries.push({ cls: 'hub', text: t('diagram.legend.hub') });
  if (classes.used('kept')) entries.push({ cls: 'kept', text: t('diagram.legend.kept') });
  if (classes.used('dropped')) entries.push({ cls: 'dropped', text: t('diagram.legend.dropped') });
  if (!options.legendOutside) out.push(...legend(new IdGen('l'), classes, entries, styles, tr));
  out.push(...classes.lines());
  out.push(...styles);
  return {
    kind: 'overlap', family: 'flowchart', title: t('diagram.kind.overlap'), source: `${out.join('\n')}\n`, notes,
    ...(options.legendOutside ? { legend: entries } : {}),
  };
}
