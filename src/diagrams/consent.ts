// `consent`: where a customer's consent choices (opt-ins, unsubscribes, cookie choices: the data
// types marked `consent`) start and where they must arrive. Left: the touchpoints where they are
// captured; then the tools they start in; the links that carry them (with how often); right: the
// hubs and the tools that message identified customers. A red dashed arrow "does not arrive" joins
// an origin to every hub or sender its consent does not reach: someone who unsubscribed there can
// still be mailed from here (rules.md, `consent-not-synced`).
import { dataTypeLabel } from '../model/names.js';
import { formatNumber } from '../i18n/format.js';
import { IdGen, label } from './mermaid-escape.js';
import { abbreviateList, ClassAssigner, legend, type LegendEntry } from './common.js';
import { customerViewOf, missingTargets, type ConsentView } from './customer-view.js';
import { DEFAULT_OPTIONS, type Diagram, type DiagramInput } from './types.js';

const MISSING_LINK = 'stroke:#c5221f,stroke-width:2.5px,stroke-dasharray:6 4,color:#c5221f';

export function consentDiagram({ ws, options }: DiagramInput): Diagram {
  const { tr } = options;
  const { t } = tr;
  const { facts, view: whole } = customerViewOf(ws);
  const view = whole.consent;
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
  // A tool is drawn as a sender when it messages identified customers and some origin's consent must reach it.
  const originSet = new Set(view.origins.map((o) => o.tool));
  const clsOf = (id: string) => (facts.isHub(id) ? 'hub' : originSet.has(id) ? 'consentOrigin'
    : view.role(id) === 'sender' && view.origins.length > 0 ? 'sender' : 'tool');
  // A large stack (more tools in the picture than maxTools): one node per group, counts on the arrows.
  const drawn = toolsDrawn(view);
  if (drawn > (options.maxTools ?? DEFAULT_OPTIONS.maxTools)) return groupedConsent({ ws, options }, view, drawn);

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
  for (const o of view.origins) {
    for (const d of o.data) {
      const reached = view.reached(o.tool, d);
      const want = view.targets(o.tool, d);
      for (const to of [...want.hubs, ...want.senders]) {
        if (to === o.tool || reached.has(to)) continue;
        const k = `${o.tool}>${to}`;
        const list = missing.get(k);
        if (list) list.push(d);
        else missing.set(k, [d]);
      }
    }
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
  notes.push(t('custreport.note.consent', { arrived: view.arrivals.arrived, total: view.arrivals.total, types: view.types.map((d) => dataTypeName(d.id)).join(', ') }));

  return finishConsent({ out, classes, styles, missingIdx, notes, legendOutside: options.legendOutside, tr }, classes.used('consentOrigin'));
}

/**
 * How many tools the whole picture draws: the origins, the ends of the links that carry consent,
 * and every hub or sender some origin's consent misses. Counted from the few places each origin's
 * consent reaches, never from the pairs that miss (origins x senders at scale).
 */
function toolsDrawn(view: ConsentView): number {
  const tools = new Set(view.origins.map((o) => o.tool));
  for (const i of view.links) {
    tools.add(i.from);
    tools.add(i.to);
  }
  // Every hub or sender that some consent type of an origin must reach and does not.
  for (const o of view.origins) {
    for (const d of o.data) {
      const reached = view.reached(o.tool, d);
      const want = view.targets(o.tool, d);
      for (const id of [...want.hubs, ...want.senders]) if (!reached.has(id)) tools.add(id);
    }
  }
  return tools.size;
}

/** How many (origin, hub) or (origin, sender) pairs there are where consent must arrive. */
function targetPairs(view: ConsentView, role: 'hub' | 'sender'): number {
  let pairs = 0;
  for (const o of view.origins) {
    const ts = o.data.map((d) => view.targets(o.tool, d));
    // Types that must arrive at the same places share one ConsentTargets, its lists of distinct tools (customer-view.ts).
    if (ts.length && ts.every((t) => t === ts[0])) {
      pairs += (role === 'hub' ? ts[0].hubs : ts[0].senders).length;
      continue;
    }
    const ids = new Set<string>();
    for (const d of o.data) for (const id of role === 'hub' ? view.targets(o.tool, d).hubs : view.targets(o.tool, d).senders) ids.add(id);
    pairs += ids.size;
  }
  return pairs;
}

/**
 * The consent picture of a large stack: the touchpoints, the origins, the hubs and the senders as
 * one node each, and on the red arrows how many origin-to-hub and origin-to-sender pairs miss some
 * consent type. The consent table of the report and the consent-not-synced findings name them.
 */
function groupedConsent({ ws, options }: Pick<DiagramInput, 'ws' | 'options'>, view: ConsentView, drawn: number): Diagram {
  const { tr } = options;
  const { t, lang } = tr;
  const n = (x: number) => formatNumber(x, lang);
  const dataTypeName = (id: string) => dataTypeLabel(ws, id, tr);
  const nodes = new IdGen('n');
  const classes = new ClassAssigner();
  const styles: string[] = [];
  const out: string[] = ['flowchart LR', `  accTitle: ${t('custreport.diagram.consent')}`];
  const edges: string[] = [];
  const missingIdx: number[] = [];
  const node = (text: string, cls: string, shape: 'box' | 'stadium' = 'box') => {
    const id = nodes.next();
    out.push(shape === 'stadium' ? `  ${id}([${label(text)}])` : `  ${id}[${label(text)}]`);
    classes.add(id, cls);
    return id;
  };
  const touchpoints = new Set([...view.origins.flatMap((o) => o.touchpoints), ...view.unheld.map((u) => u.touchpoint)]);
  const tps = touchpoints.size ? node(t('custreport.group.touchpoints', { count: n(touchpoints.size) }), 'touchpoint', 'stadium') : undefined;
  const origins = node(t('custreport.group.origins', { count: n(view.origins.length) }), 'consentOrigin');
  if (tps && view.origins.some((o) => o.touchpoints.length)) edges.push(`  ${tps} -.->|${label(t('custreport.captures'))}| ${origins}`);
  if (tps && view.unheld.length) {
    const unheld = node(t('custreport.group.unheld', { count: n(view.unheld.length) }), 'uncovered');
    edges.push(`  ${tps} -.-> ${unheld}`);
  }
  // Origin-to-target pairs that miss some consent type, per role.
  const missed = { hub: 0, sender: 0 };
  for (const o of view.origins) {
    missed.hub += missingTargets(view, o, 'hub', 0).total;
    missed.sender += missingTargets(view, o, 'sender', 0).total;
  }
  for (const role of ['hub', 'sender'] as const) {
    const ids = role === 'hub' ? view.hubs : view.senders;
    if (!ids.length) continue;
    const target = node(t(`custreport.group.${role}s`, { count: n(ids.length) }), role);
    const pairs = targetPairs(view, role);
    if (missed[role]) {
      missingIdx.push(edges.length);
      edges.push(`  ${origins} -.->|${label(t('custreport.group.missing', { missing: n(missed[role]), total: n(pairs) }))}| ${target}`);
    } else edges.push(`  ${origins} --> ${target}`);
  }
  out.push(...edges);
  const notes = [
    t('custreport.note.consent', { arrived: view.arrivals.arrived, total: view.arrivals.total, types: view.types.map((d) => dataTypeName(d.id)).join(', ') }),
    t('custreport.note.consent-grouped', { tools: n(drawn), links: n(view.links.length) }),
  ];
  // The grouped picture always draws the origins' box.
  return finishConsent({ out, classes, styles, missingIdx, notes, legendOutside: options.legendOutside, tr }, true);
}

/** The legend, classes and red links of either consent picture, and the diagram itself. */
function finishConsent(
  p: { out: string[]; classes: ClassAssigner; styles: string[]; missingIdx: number[]; notes: string[]; legendOutside?: boolean; tr: DiagramInput['options']['tr'] },
  origins: boolean,
): Diagram {
  const { out, classes, styles, missingIdx, notes, tr } = p;
  const { t } = tr;
  const entries: LegendEntry[] = [];
  if (classes.used('touchpoint')) entries.push({ cls: 'touchpoint', text: t('custreport.legend.consent-touchpoint') });
  if (origins) entries.push({ cls: 'consentOrigin', text: t('custreport.legend.origin') });
  if (classes.used('hub')) entries.push({ cls: 'hub', text: t('diagram.legend.hub') });
  if (classes.used('sender')) entries.push({ cls: 'sender', text: t('custreport.legend.sender') });
  if (classes.used('uncovered')) entries.push({ cls: 'uncovered', text: t('custreport.legend.held-nowhere') });
  if (missingIdx.length) entries.push({ cls: 'legend', text: t('custreport.legend.missing') });
  // Pages and slides draw the legend beside the picture (options.legendOutside).
  if (!p.legendOutside) out.push(...legend(new IdGen('l'), classes, entries, styles, tr));
  out.push(...classes.lines(), ...styles);
  if (missingIdx.length) out.push(`  linkStyle ${missingIdx.join(',')} ${MISSING_LINK}`);
  return {
    kind: 'consent', family: 'flowchart', title: t('custreport.diagram.consent'), source: `${out.join('\n')}\n`, notes,
    ...(p.legendOutside ? { legend: entries } : {}),
  };
}
