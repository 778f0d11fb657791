// `dataflow`: tools and the integrations between them, left to right in the direction data
// flows, so hubs (which most links feed) land in the middle. Line style by mode: real-time solid,
// batch dashed, manual red and labelled. Edge labels name the data types (abbreviated when long).
// Silos are red; islands (tools linked to each other but not to a hub) are framed in orange;
// customer-data tools with no link at all are framed together.
//
// Large stacks: above `maxTools` tools, tools other than hubs are grouped by owning department
// (or by category when no tool names an owner); links are counted between the groups.
import type { Translator } from '../i18n/index.js';
import { categoryNameIn } from '../catalog/index.js';
import type { Integration, Tool } from '../model/model.js';
import { IdGen, label } from './mermaid-escape.js';
import {
  abbreviateList, byId, ClassAssigner, CLUSTER_STYLES, cmp, deptLabel, flagsFrom, legend, toolClass, type LegendEntry,
} from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';
import { idNum } from './journey.js';
import { firstOf } from '../i18n/format.js';

const MANUAL_LINK = 'stroke:#c5221f,stroke-width:2.5px,color:#c5221f';

interface Edge { from: string; to: string; arrow: string; text?: string; manual: boolean }

export function dataflowDiagram({ ws, result, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t, tCount, list } = tr;
  const maxTools = options.maxTools ?? DEFAULT_OPTIONS.maxTools;
  const flags = flagsFrom(ws, result);
  const nodes = new IdGen('n');
  const subs = new IdGen('s');
  const classes = new ClassAssigner();
  const notes: string[] = [];
  const styles: string[] = [];
  // Pictures for pages and slides (legend outside) run top to bottom: the edge labels then sit on
  // short vertical lines instead of widening every rank, and the picture stays narrow enough to
  // print its words at 8 pt or more. The .mmd for GitHub keeps the classic left-to-right map.
  const out: string[] = [options.legendOutside ? 'flowchart TB' : 'flowchart LR', `  accTitle: ${t('diagram.kind.dataflow')}`];

  if (flags.noHub) {
    // The most important fact of this picture, on top: there is no shared customer view at all.
    const id = nodes.next();
    out.push(`  ${id}[${label(t('diagram.dataflow.no-hub'))}]`);
    classes.add(id, 'warning');
  }

  const linked = new Set<string>();
  for (const it of ws.integrations) {
    linked.add(it.from);
    linked.add(it.to);
  }
  const isCustomerData = (tool: Tool) => (tool.status === 'active' || tool.status === 'pilot') && tool.data.length > 0;
  const shown = ws.tools.filter((tool) => linked.has(tool.id) || isCustomerData(tool)).sort(byId);
  const hidden = ws.tools.filter((tool) => !linked.has(tool.id) && !isCustomerData(tool) && tool.status !== 'retired').sort(byId);
  if (hidden.length) notes.push(tCount('diagram.dataflow.hidden', hidden.length, { count: hidden.length, tools: list(firstOf(hidden.map((x) => x.name), 20, (count) => t('assess.more', { count }))) }));

  const integrations = [...ws.integrations].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.id, b.id));
  const edges: Edge[] = [];
  const grouped = shown.length > maxTools;

  if (!grouped) {
    const idOf = new Map<string, string>();
    for (const tool of shown) idOf.set(tool.id, nodes.next());
    const node = (tool: Tool) => {
      classes.add(idOf.get(tool.id)!, toolClass(tool, flags));
      return `${idOf.get(tool.id)}[${label(tool.name)}]`;
    };
    // Islands, then customer-data tools with no link at all, each in a frame; the rest free.
    const framed = new Set<string>();
    flags.islands.forEach((members, i) => {
      const inFrame = members.filter((id) => idOf.has(id));
      if (inFrame.length === 0) return;
      const sub = subs.next();
      out.push(`  subgraph ${sub}[${label(t('diagram.dataflow.island', { n: i + 1 }))}]`, '    direction LR');
      for (const id of inFrame) {
        out.push(`    ${node(ws.index.toolById.get(id)!)}`);
        framed.add(id);
      }
      out.push('  end');
      styles.push(`  style ${sub} ${CLUSTER_STYLES.island}`);
    });
    const alone = shown.filter((tool) => !linked.has(tool.id) && !framed.has(tool.id));
    if (alone.length) {
      const sub = subs.next();
      out.push(`  subgraph ${sub}[${label(t('diagram.dataflow.unlinked'))}]`, '    direction LR');
      for (const tool of alone) {
        out.push(`    ${node(tool)}`);
        framed.add(tool.id);
      }
      out.push('  end');
      styles.push(`  style ${sub} ${CLUSTER_STYLES.plain}`);
    }
    for (const tool of shown) if (!framed.has(tool.id)) out.push(`  ${node(tool)}`);

    for (const it of integrations) {
      const from = idOf.get(it.from);
      const to = idOf.get(it.to);
      if (!from || !to) continue;
      edges.push({ from, to, ...edgeLook(it, dataText(it), tr) });
    }
  } else {
    // Group by department (or category), hubs individually.
    const byDept = shown.some((tool) => tool.owner);
    const keyOf = (tool: Tool) => (tool.hub ? `hub:${tool.id}` : byDept ? `d:${tool.owner ?? ''}` : `c:${tool.category ?? ''}`);
    const buckets = new Map<string, Tool[]>();
    for (const tool of shown) {
      const k = keyOf(tool);
      const b = buckets.get(k);
      if (b) b.push(tool);
      else buckets.set(k, [tool]);
    }
    const deptOrder = new Map(ws.organization.departments.map((d, i) => [d.id, i]));
    const keys = [...buckets.keys()].sort((a, b) => {
      const ha = a.startsWith('hub:') ? 0 : 1;
      const hb = b.startsWith('hub:') ? 0 : 1;
      const da = deptOrder.get(a.slice(2)) ?? Number.MAX_SAFE_INTEGER;
      const db = deptOrder.get(b.slice(2)) ?? Number.MAX_SAFE_INTEGER;
      return ha - hb || da - db || cmp(a, b);
    });
    const idOfKey = new Map<string, string>();
    const keyOfTool = new Map<string, string>();
    const inside = new Map<string, number>();
    for (const it of integrations) {
      const a = keyOf(ws.index.toolById.get(it.from)!);
      const b = keyOf(ws.index.toolById.get(it.to)!);
      if (a === b) inside.set(a, (inside.get(a) ?? 0) + 1);
    }
    for (const k of keys) {
      const members = buckets.get(k)!;
      const id = nodes.next();
      idOfKey.set(k, id);
      for (const m of members) keyOfTool.set(m.id, k);
      if (k.startsWith('hub:')) {
        out.push(`  ${id}[${label(members[0].name)}]`);
        classes.add(id, toolClass(members[0], flags));
        continue;
      }
      const name = byDept
        ? (k.slice(2) ? deptLabel(ws, k.slice(2)) : t('diagram.no-owner'))
        : (k.slice(2) ? categoryNameIn(k.slice(2), tr.lang) : t('diagram.uncategorised'));
      const silos = members.filter((m) => ['silo', 'island'].includes(toolClass(m, flags))).length;
      const lines = [tCount('diagram.group.tools', members.length, { name, count: members.length })];
      if (silos) lines.push(t('diagram.group.silos', { count: silos }));
      if (inside.get(k)) lines.push(tCount('diagram.group.inside', inside.get(k)!, { count: inside.get(k)! }));
      out.push(`  ${id}[${label(...lines)}]`);
      classes.add(id, silos ? 'silo' : 'group');
    }
    // Links between two groups are counted together, both directions in one line.
    const agg = new Map<string, { a: string; b: string; n: number; ab: number; ba: number; manual: number; realtime: number }>();
    for (const it of integrations) {
      const ka = keyOfTool.get(it.from);
      const kb = keyOfTool.get(it.to);
      if (!ka || !kb || ka === kb) continue;
      let from = idOfKey.get(ka)!;
      let to = idOfKey.get(kb)!;
      const forward = idNum(from) < idNum(to);
      if (!forward) [from, to] = [to, from];
      const k = `${from}>${to}`;
      const e = agg.get(k) ?? { a: from, b: to, n: 0, ab: 0, ba: 0, manual: 0, realtime: 0 };
      e.n += 1;
      if (forward || it.bidirectional) e.ab += 1;
      if (!forward || it.bidirectional) e.ba += 1;
      if (it.mode === 'manual') e.manual += 1;
      if (it.mode === 'realtime') e.realtime += 1;
      agg.set(k, e);
    }
    for (const e of agg.values()) {
      const total = e.n;
      const parts = [tCount('diagram.links', total, { count: total })];
      if (e.manual) parts.push(t('diagram.links.manual', { count: e.manual }));
      const manual = e.manual * 2 >= total;
      const solid = manual || e.realtime * 2 > total;
      const both = e.ab > 0 && e.ba > 0;
      const arrow = solid ? (both ? '<-->' : '-->') : (both ? '<-.->' : '-.->');
      const [from, to] = e.ab > 0 ? [e.a, e.b] : [e.b, e.a];
      edges.push({ from, to, arrow, text: parts.join(tr.lang === 'ja' ? '、' : ', '), manual });
    }
    notes.push(t(byDept ? 'diagram.collapsed.tools-by-department' : 'diagram.collapsed.tools-by-category', {
      count: shown.length, groups: keys.length,
    }));
  }

  edges.sort((a, b) => idNum(a.from) - idNum(b.from) || idNum(a.to) - idNum(b.to));
  const manualLinks: number[] = [];
  edges.forEach((e, i) => {
    out.push(e.text ? `  ${e.from} ${e.arrow}|${label(e.text)}| ${e.to}` : `  ${e.from} ${e.arrow} ${e.to}`);
    if (e.manual) manualLinks.push(i);
  });

  const entries: LegendEntry[] = [];
  for (const cls of ['hub', 'silo', 'island', 'dropped', 'retiring', 'group'] as const) {
    if (classes.used(cls)) entries.push({ cls, text: t(`diagram.legend.${cls}`) });
  }
  const modes = new Set(ws.integrations.map((i) => i.mode));
  if (modes.has('realtime')) entries.push({ cls: 'legend', text: t('diagram.legend.realtime') });
  if (modes.has('batch')) entries.push({ cls: 'legend', text: t('diagram.legend.batch') });
  if (modes.has('manual')) entries.push({ cls: 'legend', text: t('diagram.legend.manual') });
  if (edges.length === 0 && shown.length === 0) {
    const id = nodes.next();
    out.push(`  ${id}[${label(t('diagram.dataflow.empty'))}]`);
    classes.add(id, 'note');
  }
  if (!options.legendOutside) out.push(...legend(new IdGen('l'), classes, entries, styles, tr));
  out.push(...classes.lines());
  out.push(...styles);
  if (manualLinks.length) out.push(`  linkStyle ${manualLinks.join(',')} ${MANUAL_LINK}`);
  return {
    kind: 'dataflow', family: 'flowchart', title: t('diagram.kind.dataflow'), source: `${out.join('\n')}\n`, notes,
    ...(options.legendOutside ? { legend: entries } : {}),
  };

  function dataText(it: Integration): string {
    const from = ws.index.toolById.get(it.from);
    return abbreviateList((it.data ?? from?.data ?? []).map(tr.dataTypeName), tr);
  }
}

function edgeLook(it: Integration, data: string, tr: Translator): { arrow: string; text?: string; manual: boolean } {
  const both = it.bidirectional;
  if (it.mode === 'manual') {
    const text = data ? `${tr.t('diagram.manual')}${tr.lang === 'ja' ? '：' : ': '}${data}` : tr.t('diagram.manual');
    return { arrow: both ? '<-->' : '-->', text, manual: true };
  }
  const arrow = it.mode === 'realtime' ? (both ? '<-->' : '-->') : (both ? '<-.->' : '-.->');
  return { arrow, text: data || undefined, manual: false };
}
