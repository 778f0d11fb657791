// `personas`: the journey per persona (format.md, revision 2). One lane per persona, stacked top to
// bottom; in each lane the stages it goes through, left to right, each with the in-scope
// touchpoints where the persona is met. A stage where the persona meets nothing is a red gap (the
// `persona-gap` finding); a stage whose touchpoints' tools all reach a hub is plain, partly is
// orange, none is red. A star marks a touchpoint personalized today.
import { stageLabel } from '../model/names.js';
import { IdGen, label } from './mermaid-escape.js';
import { ClassAssigner, CLUSTER_STYLES, legend, type LegendEntry } from './common.js';
import { customerViewOf } from './customer-view.js';
import type { Diagram, DiagramInput } from './types.js';

/** Most touchpoint names in one stage box; the rest are counted. */
const MAX_NAMES = 5;

export function personasDiagram({ ws, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t } = tr;
  const { facts, view } = customerViewOf(ws);
  const tool = (id: string) => ws.index.toolById.get(id);
  const reaches = (tpTools: readonly string[]) => tpTools.some((id) => tool(id) && tool(id)!.status !== 'retired' && facts.connectedToHub(id));
  const nodes = new IdGen('n');
  const subs = new IdGen('p');
  const classes = new ClassAssigner();
  const styles: string[] = [];
  const notes: string[] = [];
  const out: string[] = ['flowchart TB', `  accTitle: ${t('custreport.diagram.personas')}`];
  const frames: string[] = [];
  let starred = false;

  if (!view.lanes.length) {
    const id = nodes.next();
    out.push(`  ${id}[${label(t('custreport.no-personas'))}]`);
    classes.add(id, 'note');
  }
  for (const lane of view.lanes) {
    const sub = subs.next();
    frames.push(sub);
    const title = lane.touchpoints
      ? t('custreport.lane', { name: lane.persona.name, reaching: lane.reaching, total: lane.touchpoints })
      : lane.persona.name;
    out.push(`  subgraph ${sub}[${label(title)}]`, '    direction LR');
    styles.push(`  style ${sub} ${CLUSTER_STYLES.stage}`);
    const ids: string[] = [];
    for (const { stage, touchpoints } of lane.stages) {
      const id = nodes.next();
      ids.push(id);
      const head = `${stage.index + 1}. ${stageLabel(ws, stage.id, tr)}`;
      if (!touchpoints.length) {
        out.push(`    ${id}[${label(head, t('custreport.gap'))}]`);
        classes.add(id, 'uncovered');
        continue;
      }
      const names = touchpoints.slice(0, MAX_NAMES).map((tp) => {
        if (tp.personalized) starred = true;
        return tp.personalized ? `${tp.name} ★` : tp.name;
      });
      if (touchpoints.length > MAX_NAMES) names.push(t('custreport.more', { count: touchpoints.length - MAX_NAMES }));
      const reaching = touchpoints.filter((tp) => reaches(tp.tools)).length;
      out.push(`    ${id}[${label(head, ...names)}]`);
      classes.add(id, reaching === touchpoints.length ? 'touchpoint' : reaching ? 'island' : 'silo');
    }
    for (let i = 1; i < ids.length; i++) out.push(`    ${ids[i - 1]} --> ${ids[i]}`);
    out.push('  end');
  }
  const unmet = ws.touchpoints.filter((tp) => tp.inScope && tp.personasGiven && tp.personas.length === 0);
  if (unmet.length) notes.push(t('custreport.note.unmet', { touchpoints: unmet.map((x) => x.name).join(', ') }));
  if (view.lanes.length) notes.push(t('custreport.note.personas'));

  const entries: LegendEntry[] = [];
  if (classes.used('touchpoint')) entries.push({ cls: 'touchpoint', text: t('custreport.legend.reaching') });
  if (classes.used('island')) entries.push({ cls: 'island', text: t('custreport.legend.partly') });
  if (classes.used('silo')) entries.push({ cls: 'silo', text: t('custreport.legend.none') });
  if (classes.used('uncovered')) entries.push({ cls: 'uncovered', text: t('custreport.legend.gap') });
  if (starred) entries.push({ cls: 'legend', text: t('custreport.legend.star') });
  // Pages and slides draw the legend beside the picture (options.legendOutside).
  const legendLines = options.legendOutside ? [] : legend(new IdGen('l'), classes, entries, styles, tr);
  out.push(...legendLines);
  if (legendLines.length) frames.push('l1');
  if (frames.length > 1) out.push(`  ${frames.join(' ~~~ ')}`);
  out.push(...classes.lines(), ...styles);
  return {
    kind: 'personas', family: 'flowchart', title: t('custreport.diagram.personas'), source: `${out.join('\n')}\n`, notes,
    ...(options.legendOutside ? { legend: entries } : {}),
  };
}
