// Shared data-flow facts, computed once per run and handed to every rule (rules.md vocabulary; r2:
// only automated links connect and carry data to a hub, a received copy is never an origin):
// hubs, customer-data tools, connected components, which data reaches a hub, which tools get hub
// data in real time, which data reaches a measuring tool, capability providers, impact.
//
// Everything here is near-linear in the size of the workspace: one union-find pass over the
// integrations, and per data type one breadth-first search over only the links that carry that
// type (each link is visited once per data type it carries).
import { isMeasuring } from '../catalog/index.js';
import type { Integration, Tool, Touchpoint, Workspace } from '../model/model.js';

/** A set of tools joined by integrations in either direction. */
export interface Component {
  /** Index in `Facts.components` (stable for one run only). */
  index: number;
  /** Member tool ids, sorted. */
  tools: readonly string[];
  /** Hub ids in this component, sorted. */
  hubs: readonly string[];
  hasHub: boolean;
}

export interface Facts {
  hubs: readonly Tool[];
  isHub(toolId: string): boolean;
  /** Active or pilot tools with non-empty `data` (rules.md "customer-data tool"), workspace order. */
  customerDataTools: readonly Tool[];
  activeTools: readonly Tool[];
  /**
   * Customer-data tools that hold some data about persons: not every type declared `personal: false`
   * (aggregate ad or traffic metrics). The assessment's figures (siloed share, connectivity, the
   * no-hub count) count these, the same set `siloedTools` is drawn from (docs/analysis.md).
   */
  personalDataTools: readonly Tool[];
  /** Customer-data tools that are not hubs and whose component has no hub (silos and island members). */
  siloedTools: readonly Tool[];
  components: readonly Component[];
  componentOf(toolId: string): Component;
  /** A hub, or joined to a hub by a chain of automated links in either direction (rules.md r2: manual links never connect). */
  connectedToHub(toolId: string): boolean;
  /** Not connected to a hub, but joined to one when manual links count too (rules.md r2: counts as siloed). */
  manuallyJoinedToHub(toolId: string): boolean;
  /** rules.md "origin": the tool holds `data` and no link into it (any mode) brings `data` from a tool that holds it. */
  isOrigin(toolId: string, data: string): boolean;
  /** Number of automated links from or to the tool. */
  automatedDegree(toolId: string): number;
  /** Data types that, held by this tool, reach some hub (rules.md "reaches"). Hubs: everything. */
  reachesHub(toolId: string, data: string): boolean;
  /** The data types of which the tool is an origin that reach no hub (empty for hubs), in the tool's order. */
  trappedData(toolId: string): readonly string[];
  /** A hub, or receives hub data through a chain of realtime links that carry it. */
  realtimeHubFed(toolId: string): boolean;
  /** A hub, or receives hub data through a chain of automated links that carry it (any speed). */
  hubFed(toolId: string): boolean;
  /** The tool has a measurement capability (and is not retired). */
  isMeasuringTool(toolId: string): boolean;
  /** Data type `data`, at this tool, reaches a measuring tool (or the tool itself measures). */
  reachesMeasurement(toolId: string, data: string): boolean;
  /** Active tools providing each capability, sorted by id. */
  providers: ReadonlyMap<string, readonly Tool[]>;
  /** What an integration carries in a direction: explicit data, or everything its source holds. */
  carried(integration: Integration, direction?: 'forward' | 'backward'): readonly string[];
  touchpointsServed(toolId: string): readonly Touchpoint[];
  /** Integrations from or to the tool. */
  integrationsOf(toolId: string): readonly Integration[];
  /** Number of integrations from or to the tool ("most connected"). */
  degree(toolId: string): number;
  /** Touchpoints served + integrations: used to order tools by importance. */
  impact(toolId: string): number;
  /** Tools that this tool's `data` flows to (forward), over links carrying it; computed on demand. */
  downstream(toolId: string, data: string): string[];
}

const EMPTY: readonly never[] = Object.freeze([]);
/** Behavioural types an analytics tool keeps pseudonymously unless the workspace declares them personal. */
const PSEUDONYMOUS_IN_ANALYTICS: ReadonlySet<string> = new Set(['web-activity', 'app-activity']);

interface Arc { from: number; to: number; data: readonly string[]; realtime: boolean; manual: boolean }

/**
 * Per data type, adjacency (node -> neighbours) over the arcs that carry that type, the types
 * numbered (`types[k]` is the k-th). The lists are linked in typed arrays: `heads[k][u]` is node
 * u's first edge for type k, `next[e]` the edge after e (-1 ends the list), `to[e]` where it
 * leads; a list runs from the last edge added to the first. (#18: a map per type of arrays per
 * node was half the time of the facts of a 10,000-tool stack: 100,000 small arrays and three map
 * operations an edge.)
 */
export class DataGraph {
  readonly heads: (Int32Array | undefined)[] = [];
  next: Int32Array;
  to: Int32Array;
  edges = 0;

  constructor(readonly n: number, capacity = 16) {
    this.next = new Int32Array(Math.max(capacity, 1));
    this.to = new Int32Array(Math.max(capacity, 1));
  }

  /** An edge a -> b for the k-th type. */
  add(k: number, a: number, b: number): void {
    const head = (this.heads[k] ??= new Int32Array(this.n).fill(-1));
    const e = this.edges++;
    if (e === this.to.length) {
      const grow = (x: Int32Array) => { const y = new Int32Array(x.length * 2); y.set(x); return y; };
      this.next = grow(this.next);
      this.to = grow(this.to);
    }
    this.to[e] = b;
    this.next[e] = head[a];
    head[a] = e;
  }
}

/**
 * For every data type of `graph` (`types[k]` the k-th), a breadth-first search from the `seeds`
 * over the graph (which must point in the direction of the search). Returns, per node, the set of
 * data types for which it was reached.
 */
export function reachByData(graph: DataGraph, types: readonly string[], seeds: (d: string) => Iterable<number>): (Set<string> | undefined)[] {
  const { n, next, to } = graph;
  const out: (Set<string> | undefined)[] = new Array(n);
  const seen = new Int32Array(n).fill(-1);
  let round = 0;
  const queue: number[] = [];
  for (let k = 0; k < graph.heads.length; k++) {
    const head = graph.heads[k];
    if (!head) continue;
    const d = types[k];
    round++;
    queue.length = 0;
    for (const s of seeds(d)) {
      if (seen[s] !== round) {
        seen[s] = round;
        queue.push(s);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      for (let e: number = head[queue[qi]]; e >= 0; e = next[e]) {
        const v = to[e];
        if (seen[v] === round) continue;
        seen[v] = round;
        queue.push(v);
        (out[v] ??= new Set()).add(d);
      }
    }
  }
  return out;
}

export function computeFacts(ws: Workspace): Facts {
  const tools = ws.tools;
  const n = tools.length;
  const idx = new Map<string, number>();
  tools.forEach((t, i) => idx.set(t.id, i));
  const at = (id: string): number => {
    const i = idx.get(id);
    if (i === undefined) throw new Error(`computeFacts: unknown tool "${id}"`);
    return i;
  };

  const hubs = ws.index.hubs;
  const hubFlag = new Uint8Array(n);
  for (const h of hubs) hubFlag[at(h.id)] = 1;
  // isHub is asked millions of times on a large stack (the customer's side walks the graph by id):
  // a set of the few hub ids answers faster than the lookup of a tool's number among all tools.
  const hubIds: ReadonlySet<string> = new Set(hubs.map((h) => h.id));
  const usable = (t: Tool) => t.status === 'active' || t.status === 'pilot';
  const customerDataTools = tools.filter((t) => usable(t) && t.data.length > 0);
  const activeTools = tools.filter((t) => t.status === 'active');

  // ---- arcs (directed), degree -----------------------------------------------------------
  const arcs: Arc[] = [];
  const deg = new Int32Array(n);
  const autoDeg = new Int32Array(n);
  // received[i]: data types some link (any mode) brings into tool i from a tool that holds them.
  const received: (Set<string> | undefined)[] = new Array(n);
  const holds = (i: number, d: string) => tools[i].data.includes(d);
  const carried = (it: Integration, direction: 'forward' | 'backward' = 'forward'): readonly string[] => {
    if (it.data) return it.data;
    const src = ws.index.toolById.get(direction === 'forward' ? it.from : it.to);
    return src?.data ?? EMPTY;
  };
  // integrationsOf[i]: the links from or to tool i (once for a link from a tool to itself).
  const integrationsOf: (Integration[] | undefined)[] = new Array(n);
  for (const it of ws.integrations) {
    const f = at(it.from);
    const to = at(it.to);
    deg[f]++;
    if (to !== f) deg[to]++;
    const realtime = it.mode === 'realtime';
    const manual = it.mode === 'manual';
    if (!manual) {
      autoDeg[f]++;
      if (to !== f) autoDeg[to]++;
    }
    const fwd = carried(it, 'forward');
    arcs.push({ from: f, to, data: fwd, realtime, manual });
    if (to !== f) for (const d of fwd) if (holds(f, d)) (received[to] ??= new Set()).add(d);
    if (it.bidirectional) {
      const back = carried(it, 'backward');
      arcs.push({ from: to, to: f, data: back, realtime, manual });
      if (to !== f) for (const d of back) if (holds(to, d)) (received[f] ??= new Set()).add(d);
    }
    (integrationsOf[f] ??= []).push(it);
    if (to !== f) (integrationsOf[to] ??= []).push(it);
  }

  // ---- connected components (union-find, undirected) --------------------------------------
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const a of arcs) {
    if (a.manual) continue;
    const ra = find(a.from);
    const rb = find(a.to);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const compOfRoot = new Map<number, number>();
  const compIndex = new Int32Array(n);
  const members: string[][] = [];
  const compHubs: string[][] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let c = compOfRoot.get(r);
    if (c === undefined) {
      c = members.length;
      compOfRoot.set(r, c);
      members.push([]);
      compHubs.push([]);
    }
    compIndex[i] = c;
    members[c].push(tools[i].id);
    if (hubFlag[i]) compHubs[c].push(tools[i].id);
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const components: Component[] = members.map((m, i) => Object.freeze({
    index: i,
    tools: Object.freeze(m.sort(byId)),
    hubs: Object.freeze(compHubs[i].sort(byId)),
    hasHub: compHubs[i].length > 0,
  }));
  const connectedToHub = (id: string): boolean => components[compIndex[at(id)]].hasHub;
  // A type declared `personal: false` (aggregate metrics, no customer identity) is not part of the
  // customer view: a tool holding only such types is no silo and such a type is never trapped
  // (docs/analysis.md, decisions where rules.md is silent).
  const impersonal = (d: string) => ws.index.dataTypeById.get(d)?.personal === false;
  // An analytics tool (every primary capability measures) holding web or app activity that the
  // workspace does not declare personal keeps pseudonymous measurement (a cookie id, no name):
  // the vocabulary's `personal: true` default is for the tools that tie it to a person. Such a tool
  // is no silo and its activity data is never trapped (docs/analysis.md; blind review 2, defect 7).
  // It still holds customer data for the no-hub count (rules.md's "customer-data tool").
  const analyticsOnly = (t: Tool) => t.primaryCapabilities.length > 0 && t.primaryCapabilities.every(isMeasuring);
  const pseudonymous = (t: Tool, d: string) => PSEUDONYMOUS_IN_ANALYTICS.has(d) && ws.index.dataTypeById.get(d)?.given.personal !== true && analyticsOnly(t);
  const impersonalAt = (t: Tool) => (d: string) => impersonal(d) || pseudonymous(t, d);
  const personalDataTools = customerDataTools.filter((t) => !t.data.every(impersonal));
  // Restricted types must not flow (format.md): a tool whose data is all restricted or impersonal
  // (a marketplace's buyer data kept in Seller Central) is kept apart rightly, not a silo to connect.
  const restrictedType = (d: string) => {
    const r = ws.index.dataTypeById.get(d)?.restricted;
    return typeof r === 'string' && r.length > 0;
  };
  // With no hub at all every tool is unconnected (no-customer-hub's share stays the whole).
  const keptApart = (t: Tool) => (d: string) => restrictedType(d) || (hubs.length ? impersonalAt(t)(d) : impersonal(d));
  const siloedTools = personalDataTools.filter((t) => !t.hub && !connectedToHub(t.id) && !t.data.every(keptApart(t)));
  // The same with manual links: which automated components a manual link joins to a hub.
  const compParent = new Int32Array(members.length);
  for (let i = 0; i < compParent.length; i++) compParent[i] = i;
  const findC = (x: number): number => {
    while (compParent[x] !== x) {
      compParent[x] = compParent[compParent[x]];
      x = compParent[x];
    }
    return x;
  };
  for (const a of arcs) {
    if (!a.manual) continue;
    const ra = findC(compIndex[a.from]);
    const rb = findC(compIndex[a.to]);
    if (ra !== rb) compParent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const widerHasHub = new Uint8Array(members.length);
  components.forEach((c) => { if (c.hasHub) widerHasHub[findC(c.index)] = 1; });
  const manuallyJoinedToHub = (id: string): boolean => {
    const c = compIndex[at(id)];
    return !components[c].hasHub && widerHasHub[findC(c)] === 1;
  };
  const isOrigin = (id: string, d: string): boolean => {
    const i = at(id);
    return holds(i, d) && received[i]?.has(d) !== true;
  };

  // ---- data reaching a hub: reverse search from the hubs, per data type ------------------
  // The data types, numbered for the graphs (DataGraph).
  const types: string[] = [];
  const typeNo = new Map<string, number>();
  const typeOf = (d: string): number => {
    let k = typeNo.get(d);
    if (k === undefined) {
      typeNo.set(d, (k = types.length));
      types.push(d);
    }
    return k;
  };
  let autoEdges = 0;
  let realtimeEdges = 0;
  for (const a of arcs) {
    if (a.manual) continue;
    autoEdges += a.data.length;
    if (a.realtime) realtimeEdges += a.data.length;
  }
  const reverse = new DataGraph(n, autoEdges);
  const forwardRealtime = new DataGraph(n, realtimeEdges);
  const forwardAuto = new DataGraph(n, autoEdges);
  for (const a of arcs) {
    if (a.manual) continue;
    for (const d of a.data) {
      const k = typeOf(d);
      reverse.add(k, a.to, a.from);
      forwardAuto.add(k, a.from, a.to);
      if (a.realtime) forwardRealtime.add(k, a.from, a.to);
    }
  }
  const hubIdx = hubs.map((h) => at(h.id));
  const hubData = reachByData(reverse, types, () => hubIdx);
  const reachesHub = (id: string, d: string): boolean => {
    const i = at(id);
    return hubFlag[i] === 1 || hubData[i]?.has(d) === true;
  };
  // Types a hub originates itself: an analytics tool's own measurement of them is not trapped.
  const hubOriginated = new Set<string>();
  for (const h of hubIdx) for (const d of tools[h].data) if (received[h]?.has(d) !== true) hubOriginated.add(d);
  // Restricted types must not flow (format.md): advising to carry them to a hub would contradict restricted-data-flow.
  const restricted = restrictedType;
  const trappedCache: (readonly string[] | undefined)[] = new Array(n);
  const trappedData = (id: string): readonly string[] => {
    const i = at(id);
    let r = trappedCache[i];
    if (!r) {
      const t = tools[i];
      const analytics = measuring[i] === 1;
      const keptHere = impersonalAt(t);
      const found: string[] = [];
      if (!hubFlag[i]) {
        for (const d of t.data) {
          if (found.includes(d) || hubData[i]?.has(d) || received[i]?.has(d)) continue;
          if (keptHere(d) || restricted(d) || (analytics && hubOriginated.has(d))) continue;
          // A type the tool is the declared source of truth of, while the tool is connected to a hub by
          // automated links, is where the company chose it lives (docs/analysis.md): not trapped.
          if (t.sourceOfTruth.includes(d) && components[compIndex[i]].hasHub) continue;
          found.push(d);
        }
      }
      r = found.length ? Object.freeze(found) : EMPTY;
      trappedCache[i] = r;
    }
    return r;
  };

  // ---- real-time hub feed: forward search from the hubs over realtime links, per data type --
  const fed = reachByData(forwardRealtime, types, () => hubIdx);
  const fedAny = reachByData(forwardAuto, types, () => hubIdx);
  const hubFed = (id: string): boolean => {
    const i = at(id);
    return hubFlag[i] === 1 || (fedAny[i]?.size ?? 0) > 0;
  };
  const realtimeHubFed = (id: string): boolean => {
    const i = at(id);
    return hubFlag[i] === 1 || (fed[i]?.size ?? 0) > 0;
  };

  // ---- measurement: reverse search from measuring tools, per data type -------------------
  const measuring = new Uint8Array(n);
  const measuringIdx: number[] = [];
  tools.forEach((t, i) => {
    if (t.status !== 'retired' && t.capabilities.some(isMeasuring)) {
      measuring[i] = 1;
      measuringIdx.push(i);
    }
  });
  const measured = reachByData(reverse, types, () => measuringIdx);
  const isMeasuringTool = (id: string): boolean => measuring[at(id)] === 1;
  const reachesMeasurement = (id: string, d: string): boolean => {
    const i = at(id);
    return measuring[i] === 1 || measured[i]?.has(d) === true;
  };

  // ---- capabilities, usage, impact -------------------------------------------------------
  const providers = new Map<string, Tool[]>();
  for (const t of activeTools) {
    for (const c of new Set(t.capabilities)) {
      const l = providers.get(c);
      if (l) l.push(t);
      else providers.set(c, [t]);
    }
  }
  for (const l of providers.values()) l.sort((a, b) => byId(a.id, b.id));
  const touchpointsServed = (id: string): readonly Touchpoint[] => ws.index.touchpointsByTool.get(id) ?? EMPTY;
  const degree = (id: string): number => deg[at(id)];
  const impact = (id: string): number => touchpointsServed(id).length + deg[at(id)];

  // ---- on demand: where a tool's data goes -----------------------------------------------
  let forwardAll: DataGraph | undefined;
  const downstream = (id: string, d: string): string[] => {
    if (!forwardAll) {
      forwardAll = new DataGraph(n, arcs.reduce((sum, a) => sum + a.data.length, 0));
      for (const a of arcs) for (const x of a.data) forwardAll.add(typeOf(x), a.from, a.to);
    }
    const head = forwardAll.heads[typeNo.get(d) ?? -1];
    const { next, to } = forwardAll;
    const start = at(id);
    const seen = new Set<number>([start]);
    const queue = [start];
    for (let qi = 0; qi < queue.length && head; qi++) {
      for (let e: number = head[queue[qi]]; e >= 0; e = next[e]) {
        const v = to[e];
        if (seen.has(v)) continue;
        seen.add(v);
        queue.push(v);
      }
    }
    return queue.slice(1).map((i) => tools[i].id).sort(byId);
  };

  return Object.freeze({
    hubs,
    isHub: (id: string) => hubIds.has(id),
    customerDataTools: Object.freeze(customerDataTools),
    personalDataTools: Object.freeze(personalDataTools),
    activeTools: Object.freeze(activeTools),
    siloedTools: Object.freeze(siloedTools),
    components: Object.freeze(components),
    componentOf: (id: string) => components[compIndex[at(id)]],
    connectedToHub,
    manuallyJoinedToHub,
    isOrigin,
    automatedDegree: (id: string) => autoDeg[at(id)],
    reachesHub,
    trappedData,
    realtimeHubFed,
    hubFed,
    isMeasuringTool,
    reachesMeasurement,
    providers,
    carried,
    touchpointsServed,
    integrationsOf: (id: string) => {
      const i = idx.get(id);
      return (i !== undefined && integrationsOf[i]) || EMPTY;
    },
    degree,
    impact,
    downstream,
  });
}
