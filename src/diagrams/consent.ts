// `consent`: where a customer's consent choices (opt-ins, unsubscribes, cookie choices: the data
// types marked `consent`) start and where they must arrive. Left: the touchpoints where they are
// captured; then the tools they start in; the links that carry them (with how often); right: the
// hubs and the tools that message identified customers. A red dashed arrow "does not arrive" joins
// an origin to every hub or sender its consent does not reach: someone who unsubscribed there can
// still be mailed from here (rules.md, `consent-not-synced`).
import { computeFacts } from '../analysis/facts.js';
import { dataTypeLabel } from '../model/names.js';
import { IdGen, label } from './mermaid-escape.js';
import { abbreviateList, ClassAssigner, legend, type LegendEntry } from './common.js';
import { customerView } from './customer-view.js';
import type { Diagram, DiagramInput } from './types.js';

const MISSING_LINK = 'stroke:#c5221f,stroke-width:2.5px,stroke-dasharray:6 4,color:#c5221f';

export function consentDiagram({ ws, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t } = tr;
  const facts = computeFacts(ws);
  const view = customerView(ws, facts).consent;
  const nodes = new IdGen('n');
  const classes = new ClassAssigner();
  const styles: string[] = [];
  const notes: string[] = [];
  const out: string[] = ['flowchart LR', `  accTitle: ${t('custreport.diagram.consent')}`];
  const edges: { from: string; to: string; arrow: string; text?: string; how?: string; missing?: boolean }[] = [];
  const nodeOf = new Map<string, string>();
  const name = (id: string) => ws.index.toolById.get(id)?.name ?? id;
  const dataTypeName = (id: string) => dataTypeLabel(ws, id, tr);

  if (!view) {
    const id = nodes.next();
    out.push(`  ${id}[${label(t('custreport.no-consent'))}]`);
    classes.add(id, 'note');
    out.push(...classes.lines());
    return { kind: 'consent', family: 'flowchart', title: t('custreport.diagram.consent'), source: `${out.join('\n')}\n`, notes };
  }
  const ids = new Set(view.types.map((d) => d.id));
  const single = view.types.length === 1;
  const toolNode = (id: string, cls: string) => {
    let n = nodeOf.get(`t:${id}`);
    if (!n) {
      n = nodes.next();
      nodeOf.set(`t:${id}`, n);
      out.push(`  ${n}[${label(name(id))}]`);
      classes.add(n, cls);
    }
    return n;
  };
  const roleOf = new Map<string, 'hub' | 'sender'>();
  for (const a of view.arrivals) roleOf.set(a.to, a.role);
  const clsOf = (id: string) => (facts.isHub(id) ? 'hub' : view.origins.some((o) => o.tool === id) ? 'consentOrigin' : roleOf.get(id) === 'sender' ? 'sender' : 'tool');

  // Where it starts: touchpoints, then origin tools.
  const tps = [...new Set([...view.origins.flatMap((o) => o.touchpoints), ...view.unheld.map((u) => u.touchpoint)])].sort();
  for (const tpId of tps) {
    const tp = ws.index.touchpointById.get(tpId)!;
    const n = nodes.next();
    nodeOf.set(`p:${tpId}`, n);
    out.push(`  ${n}([${label(tp.name)}])`);
    classes.add(n, 'touchpoint');
  }
  for (const o of view.origins) {
    const n = toolNode(o.tool, clsOf(o.tool));
    for (const tpId of o.touchpoints) edges.push({ from: nodeOf.get(`p:${tpId}`)!, to: n, arrow: '-.->', text: t('custreport.captures') });
  }
  for (const u of view.unheld) {
    const n = nodes.next();
    out.push(`  ${n}[${label(t('custreport.held-nowhere', { data: dataTypeName(u.data) }))}]`);
    classes.add(n, 'uncovered');
    edges.push({ from: nodeOf.get(`p:${u.touchpoint}`)!, to: n, arrow: '-.->' });
  }
  // The links that carry consent today.
  for (const i of [...view.links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const carried = [...new Set([...facts.carried(i, 'forward'), ...(i.bidirectional ? facts.carried(i, 'backward') : [])])].filter((d) => ids.has(d));
    const from = toolNode(i.from, clsOf(i.from));
    const to = toolNode(i.to, clsOf(i.to));
    const how = i.mode === 'manual' ? t('diagram.manual') : i.frequency ? t(`frequency.${i.frequency}`) : '';
    // With one consent type the notes name it once; the arrows then only say how often.
    const text = [single ? '' : abbreviateList(carried.map(dataTypeName), tr), how].filter(Boolean).join(', ');
    const arrow = i.mode === 'realtime' ? (i.bidirectional ? '<-->' : '-->') : (i.bidirectional ? '<-.->' : '-.->');
    edges.push({ from, to, arrow, text, how });
  }
  // Where it must arrive and does not.
  const missing = new Map<string, string[]>();
  for (const a of view.arrivals.filter((x) => !x.arrives)) {
    const k = `${a.origin}>${a.to}`;
    missing.set(k, [...(missing.get(k) ?? []), a.data]);
  }
  for (const [k, data] of [...missing.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [from, to] = k.split('>');
    const edge = { from: toolNode(from, clsOf(from)), to: toolNode(to, clsOf(to)) };
    const text = single ? t('custreport.not-arriving.one') : t('custreport.not-arriving', { data: abbreviateList([...new Set(data)].map(dataTypeName), tr) });
    // A link drawn already between the two (a manual export) is that arrow turned red, never a
    // second arrow beside it: one pair of tools is drawn "arrives" or "does not arrive", not both.
    const drawn = edges.find((e) => e.from === edge.from && e.to === edge.to && !e.missing);
    if (drawn) {
      drawn.missing = true;
      drawn.text = [drawn.how, text].filter(Boolean).join(', ');
    } else edges.push({ ...edge, arrow: '-.->', missing: true, text });
  }
  const missingIdx: number[] = [];
  edges.forEach((e, i) => {
    out.push(e.text ? `  ${e.from} ${e.arrow}|${label(e.text)}| ${e.to}` : `  ${e.from} ${e.arrow} ${e.to}`);
    if (e.missing) missingIdx.push(i);
  });
  const arrived = view.arrivals.filter((a) => a.arrives).length;
  notes.push(t('custreport.note.consent', { arrived, total: view.arrivals.length, types: view.types.map((d) => dataTypeName(d.id)).join(', ') }));

  const entries: LegendEntry[] = [];
  if (classes.used('touchpoint')) entries.push({ cls: 'touchpoint', text: t('custreport.legend.consent-touchpoint') });
  if (classes.used('consentOrigin')) entries.push({ cls: 'consentOrigin', text: t('custreport.legend.origin') });
  if (classes.used('hub')) entries.push({ cls: 'hub', text: t('diagram.legend.hub') });
  if (classes.used('sender')) entries.push({ cls: 'sender', text: t('custreport.legend.sender') });
  if (classes.used('uncovered')) entries.push({ cls: 'uncovered', text: t('custreport.legend.held-nowhere') });
  if (missingIdx.length) entries.push({ cls: 'legend', text: t('custreport.legend.missing') });
  // Pages and slides draw the legend beside the picture (options.legendOutside).
  if (!options.legendOutside) out.push(...legend(new IdGen('l'), classes, entries, styles, tr));
  out.push(...classes.lines(), ...styles);
  if (missingIdx.length) out.push(`  linkStyle ${missingIdx.join(',')} ${MISSING_LINK}`);
  return {
    kind: 'consent', family: 'flowchart', title: t('custreport.diagram.consent'), source: `${out.join('\n')}\n`, notes,
    ...(options.legendOutside ? { legend: entries } : {}),
  };
}
