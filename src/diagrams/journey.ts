// `journey`: the touchpoint-to-tool map. The journey's stages run left to right as frames; in each
// frame the stage's touchpoints stand on the left and the tools that serve them on the right. A
// tool used in several stages appears in each of them (as on a service blueprint), so every frame
// reads on its own and no line crosses from one stage into another. Hubs, silos, islands and
// retiring tools are styled (with a legend), out-of-scope touchpoints are dimmed, a touchpoint
// without a tool points at a red "no tool" box, and touchpoints that need live customer data get
// thick lines.
//
// Layout note: a Mermaid subgraph whose nodes have no link outside it is laid out on its own (its
// `direction` applies), and invisible links between the frames keep the stages in order. With
// one shared tool row instead, Mermaid's layout reorders the stages to reduce crossings.
//
// Large stacks: a stage with more than `maxTouchpoints / stages` touchpoints (at least 8) groups
// them by channel; a stage with more than `maxTools / stages` tools (at least 10) groups the tools
// other than hubs by category, or by the taxonomy's groups (Advertising, Data, ...) when the
// categories alone are still too many. The notes say what was grouped.
import { categoryNameIn } from '../catalog/index.js';
import type { Tool, Touchpoint } from '../model/model.js';
import { stageLabel } from '../model/names.js';
import { IdGen, label } from './mermaid-escape.js';
import { firstOf } from '../i18n/format.js';
import {
  channelName, categoryGroup, ClassAssigner, CLUSTER_STYLES, cmp, byId, flagsFrom, legend, toolClass, type LegendEntry,
} from './common.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';

interface TpNode { id: string; members: Touchpoint[]; label: string; cls: string; realtime: boolean; inScope: boolean }
interface ToolNode { id: string; members: Tool[]; label: string; cls: string }

export function journeyDiagram({ ws, result, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t, tCount, list } = tr;
  const stages = ws.stages.length || 1;
  const tpLimit = Math.max(8, Math.ceil((options.maxTouchpoints ?? DEFAULT_OPTIONS.maxTouchpoints) / stages));
  const toolLimit = Math.max(10, Math.ceil((options.maxTools ?? DEFAULT_OPTIONS.maxTools) / stages));
  const flags = flagsFrom(ws, result);
  const nodes = new IdGen('n');
  const subs = new IdGen('s');
  const classes = new ClassAssigner();
  const notes: string[] = [];
  const styles: string[] = [];
  const out: string[] = ['flowchart LR', `  accTitle: ${t('diagram.kind.journey')}`];
  const frames: string[] = [];
  const groupedTpStages: string[] = [];
  const groupedToolStages: string[] = [];
  let thick = false;
  let dotted = false;

  for (const [index, stage] of ws.stages.entries()) {
    const tps = [...(ws.index.touchpointsByStage.get(stage.id) ?? [])].sort(byId);
    const sub = subs.next();
    frames.push(sub);
    const stageName = stageLabel(ws, stage.id, tr);
    out.push(`  subgraph ${sub}[${label(`${index + 1}. ${stageName}`)}]`, '    direction LR');
    styles.push(`  style ${sub} ${CLUSTER_STYLES.stage}`);

    // Touchpoints (grouped by channel when the stage has many).
    const groupTps = tps.length > tpLimit;
    if (groupTps) groupedTpStages.push(stageName);
    const buckets = new Map<string, Touchpoint[]>();
    for (const tp of tps) {
      const key = groupTps ? String(tp.channel) : tp.id;
      const b = buckets.get(key);
      if (b) b.push(tp);
      else buckets.set(key, [tp]);
    }
    const tpNodes: TpNode[] = [];
    for (const key of [...buckets.keys()].sort(cmp)) {
      const members = buckets.get(key)!;
      const inScope = members.some((m) => m.inScope);
      const uncovered = members.every((m) => m.tools.length === 0);
      tpNodes.push({
        id: nodes.next(), members, inScope,
        realtime: members.some((m) => m.realtime && m.inScope),
        label: members.length === 1
          ? label(members[0].name)
          : label(tCount('diagram.group.touchpoints', members.length, { name: channelName(key, tr), count: members.length })),
        cls: !inScope ? 'outOfScope' : uncovered ? 'uncovered' : 'touchpoint',
      });
    }

    // The stage's tools (grouped by category when there are many; hubs stay on their own).
    const stageTools = [...new Set(tps.flatMap((tp) => [...tp.tools]))]
      .map((id) => ws.index.toolById.get(id)).filter((x): x is Tool => !!x).sort(byId);
    const groupTools = stageTools.length > toolLimit;
    if (groupTools) groupedToolStages.push(stageName);
    // Group by category; when even the categories are too many, by the taxonomy's groups.
    const byCategory = new Set(stageTools.filter((x) => !x.hub).map((x) => x.category ?? '')).size > toolLimit;
    const keyOf = (tool: Tool) => (!groupTools || tool.hub ? `t:${tool.id}`
      : byCategory ? `g:${categoryGroup(tool.category, tr).id}` : `c:${tool.category ?? ''}`);
    const toolBuckets = new Map<string, Tool[]>();
    for (const tool of stageTools) {
      const key = keyOf(tool);
      const b = toolBuckets.get(key);
      if (b) b.push(tool);
      else toolBuckets.set(key, [tool]);
    }
    const toolNodes: ToolNode[] = [];
    const toolNodeOf = new Map<string, ToolNode>();
    for (const key of [...toolBuckets.keys()].sort(cmp)) {
      const members = toolBuckets.get(key)!;
      let node: ToolNode;
      if (members.length === 1) {
        node = { id: '', members, label: label(members[0].name), cls: toolClass(members[0], flags) };
      } else {
        const cat = key.slice(2);
        const cut = members.filter((m) => ['silo', 'island'].includes(toolClass(m, flags))).length;
        const name = key.startsWith('g:') ? categoryGroup(members[0].category, tr).name : cat ? categoryNameIn(cat, tr.lang) : t('diagram.uncategorised');
        const lines = [tCount('diagram.group.tools', members.length, { name, count: members.length })];
        if (cut) lines.push(t('diagram.group.silos', { count: cut }));
        node = { id: '', members, label: label(...lines), cls: cut ? 'silo' : 'group' };
      }
      toolNodes.push(node);
      for (const m of members) toolNodeOf.set(m.id, node);
    }
    for (const n of toolNodes) n.id = nodes.next();

    if (tpNodes.length === 0) {
      const id = nodes.next();
      out.push(`    ${id}[${label(t('diagram.journey.empty-stage'))}]`);
      classes.add(id, 'uncovered');
    }
    for (const n of tpNodes) {
      out.push(`    ${n.id}[${n.label}]`);
      classes.add(n.id, n.cls);
    }
    for (const n of toolNodes) {
      out.push(`    ${n.id}[${n.label}]`);
      classes.add(n.id, n.cls);
    }
    const edges = new Map<string, { from: string; to: string; style: string }>();
    for (const n of tpNodes) {
      const style = !n.inScope ? '-.->' : n.realtime ? '==>' : '-->';
      const targets = [...new Set(n.members.flatMap((m) => [...m.tools]))];
      if (targets.length === 0 && n.inScope) {
        // Make the gap visible: the touchpoint points at "no tool".
        const id = nodes.next();
        out.push(`    ${id}[${label(t('diagram.journey.no-tool'))}]`);
        classes.add(id, 'uncovered');
        edges.set(`${n.id}>${id}`, { from: n.id, to: id, style: '-.->' });
        dotted = true;
      }
      for (const toolId of targets) {
        const target = toolNodeOf.get(toolId);
        if (!target) continue;
        const key = `${n.id}>${target.id}`;
        const prev = edges.get(key);
        if (!prev || rank(style) > rank(prev.style)) edges.set(key, { from: n.id, to: target.id, style });
      }
    }
    for (const e of [...edges.values()].sort((a, b) => idNum(a.from) - idNum(b.from) || idNum(a.to) - idNum(b.to))) {
      out.push(`    ${e.from} ${e.style} ${e.to}`);
      if (e.style === '==>') thick = true;
    }
    out.push('  end');
  }

  if (groupedTpStages.length) notes.push(t('diagram.collapsed.touchpoints-in', { stages: list(groupedTpStages) }));
  if (groupedToolStages.length) notes.push(t('diagram.collapsed.tools-in', { stages: list(groupedToolStages) }));
  const used = new Set(ws.touchpoints.flatMap((tp) => [...tp.tools]));
  const unused = ws.tools.filter((tool) => !used.has(tool.id) && tool.status !== 'retired').sort(byId);
  if (unused.length) notes.push(tCount('diagram.journey.unused', unused.length, { count: unused.length, tools: list(firstOf(unused.map((x) => x.name), 20, (count) => t('assess.more', { count }))) }));

  // Legend: only the styles this picture uses.
  const entries: LegendEntry[] = [];
  if (classes.used('touchpoint')) entries.push({ cls: 'touchpoint', text: t('diagram.legend.touchpoint') });
  for (const cls of ['hub', 'silo', 'island', 'dropped', 'retiring', 'group', 'uncovered', 'outOfScope'] as const) {
    if (classes.used(cls)) entries.push({ cls, text: t(`diagram.legend.${cls === 'outOfScope' ? 'out-of-scope' : cls}`) });
  }
  if (thick) entries.push({ cls: 'legend', text: t('diagram.legend.realtime-touchpoint') });
  if (dotted || classes.used('outOfScope')) entries.push({ cls: 'legend', text: t('diagram.legend.dotted-touchpoint') });
  const legendIds = new IdGen('l');
  const legendLines = options.legendOutside ? [] : legend(legendIds, classes, entries, styles, tr);
  out.push(...legendLines);
  if (legendLines.length) frames.push('l1');
  if (frames.length > 1) out.push(`  ${frames.join(' ~~~ ')}`);

  out.push(...classes.lines());
  out.push(...styles);
  return {
    kind: 'journey', family: 'flowchart', title: t('diagram.kind.journey'), source: `${out.join('\n')}\n`, notes,
    ...(options.legendOutside ? { legend: entries } : {}),
  };
}

function rank(style: string): number {
  return style === '==>' ? 2 : style === '-->' ? 1 : 0;
}

export function idNum(id: string): number {
  return Number(id.replace(/^\D+/, ''));
}
