// The customer's side of the data flow (rules.md "Rules of revision 2: the customer's side"),
// computed once per run on demand and shared by its seven rules and the assessment: what each data
// type is (the workspace's `data_types` over the built-in vocabulary), which tools originate it,
// where it reaches through automated links, how fresh hub data arrives at a tool and how fresh a
// tool's data arrives at a hub, which tools send messages to identified customers.
//
// Decisions where rules.md is silent (docs/analysis.md, "The customer's side"):
// - "reaches" is through automated links (rules.md vocabulary). Freshness paths take every link,
//   manual ones included at their `frequency` (rules.md's own freshness example is leads typed in
//   weekly); a manual link without a frequency is "whenever someone does it", slower than any
//   schedule (UNSCHEDULED).
// - A sender is an active, pilot or retiring tool with a primary email, SMS, push, messaging,
//   marketing-automation or ad-audience capability that holds personal data (a customer list).
import { personalizes } from '../catalog/index.js';
import type { DataType, Integration, Tool, Touchpoint, Workspace } from '../model/model.js';
import { FREQUENCY_RANK } from '../model/vocabulary.js';
import { DataGraph, type Facts } from './facts.js';
import { redundancy } from './rules/redundant-tool.js';
import { sortIds } from './rules/helpers.js';

/** The rank of a manual link without a frequency: slower than any schedule. */
export const UNSCHEDULED = 6;
/** The rank at a hub itself: hub data is there as it happens. */
export const AT_HUB = -1;

/**
 * Capabilities with which a tool sends messages to (or buys audiences of) identified customers
 * (rules.md `consent-not-synced`): email, SMS, push, messaging, ad audiences.
 */
export const SENDING_CAPABILITIES: readonly string[] = Object.freeze([
  'email-marketing', 'marketing-automation', 'journey-orchestration', 'sms-marketing', 'push-notifications',
  'in-app-messaging', 'messaging', 'retargeting', 'paid-social', 'display-advertising', 'programmatic-advertising',
]);

interface Arc { from: string; to: string; data: readonly string[]; manual: boolean; rank: number; link: Integration }

export interface CustomerSide {
  dataType(id: string): DataType | undefined;
  isConsent(d: string): boolean;
  /** The use restriction in words, when the data type has one. */
  restriction(d: string): string | undefined;
  isPersonal(d: string): boolean;
  /** rules.md "origin": the tool holds `d` and no link into it, of any mode, brings `d` from a tool that holds it. */
  isOrigin(toolId: string, d: string): boolean;
  /** Tools that `d`, held by `from`, reaches through automated links that carry it (not `from` itself). */
  reachedFrom(from: string, d: string): ReadonlySet<string>;
  /** A hub, or receives data from a hub through a chain of automated links that carry it. */
  hubDataReaches(toolId: string): boolean;
  /** The data types that reach the tool from a hub through automated links (a hub: its own data), sorted. */
  hubDataTypes(toolId: string): readonly string[];
  /**
   * The freshest arrival of hub data at the tool: the slowest link's rank on the freshest path
   * (every link, manual ones at their frequency); AT_HUB for a hub; undefined when no path.
   */
  hubFreshness(toolId: string): number | undefined;
  /** The same for `d`, held by the tool, on its way to any hub; AT_HUB for a hub; undefined when no path. */
  toHubFreshness(toolId: string, d: string): number | undefined;
  /** Tools that send messages to identified customers, by id. */
  senders: readonly Tool[];
  /**
   * Where consent type `d`, originating in `origin`, must arrive (consent-not-synced): the hubs and
   * the senders that hold the same people (docs/analysis.md, "Where consent must arrive"). Sorted.
   */
  consentTargets(origin: string, d: string): { hubs: readonly string[]; senders: readonly string[] };
  /**
   * consent-not-synced's question for one origin: of the hubs and senders its consent types `types`
   * must reach (consentTargets), those a type does not reach through automated links that carry it;
   * the senders counted, the first `named` by id listed.
   */
  consentMissed(origin: string, types: readonly string[], named: number): ConsentMissed;
  /**
   * Of `data` moving from `from` to `to`, the restricted types restricted-data-flow says to stop
   * there: out of their origin, or a copy passed on into a sender. Sorted.
   */
  stopped(from: string, to: string, data: readonly string[]): string[];
  /** The tool has a personalizing capability (taxonomy `personalizes`). */
  personalizing(toolId: string): boolean;
  /** Touchpoint readiness for personalization (rules.md `personalization-opportunity`). */
  readiness(tp: Touchpoint): Readiness;
  /** Links (each direction of a bidirectional one) with what they carry. */
  arcs: readonly Arc[];
  /** The workspace writes something of the customer's side (revision 2): its questions and figures are shown. */
  used: boolean;
  /**
   * Tools on their way out: retiring, or dropped by a redundant-tool finding (when that rule is on).
   * No experiment and no new feed is proposed for them (rules.md: a recommendation never
   * contradicts another finding's).
   */
  dropped(toolId: string): boolean;
}

export interface Readiness {
  /**
   * personalized: personalized on hub data; blind: personalized, no hub data reaches its tools;
   * ready: not personalized, a personalizing tool gets hub data (personalization-opportunity);
   * no-data: it has a personalizing tool but no hub data reaches one; no-tool: none can personalize;
   * unknown: the workspace does not say whether it is personalized (a question).
   */
  state: 'personalized' | 'blind' | 'ready' | 'no-data' | 'no-tool' | 'unknown';
  /** Tools at the touchpoint with a personalizing capability. */
  personalizing: string[];
  /** Hub data reaches some tool at the touchpoint (automated links). */
  hubData: boolean;
}

const usable = (t: Tool | undefined): t is Tool => t !== undefined && t.status !== 'retired';

/**
 * The workspace says something of the customer's side (revision 2), beyond what version 1 could
 * say. (A tool's `third_party_cookies` does not count: the catalog gives it for common ad tools,
 * so it cannot tell a revision-2 workspace from a version-1 one.)
 */
export function usesCustomerSide(ws: Workspace): boolean {
  return ws.personas.length > 0
    || ws.dataTypes.some((d) => d.declared)
    || ws.touchpoints.some((tp) => tp.personalized !== undefined || tp.personasGiven || (tp.needs !== undefined && tp.needs !== 'realtime'))
    || ws.integrations.some((it) => it.frequencyGiven);
}

const cache = new WeakMap<Facts, CustomerSide>();
const factsOf = new WeakMap<Workspace, Facts>();

/** The customer's side of a run, computed once per facts. */
export function customerSide(ws: Workspace, facts: Facts): CustomerSide {
  let c = cache.get(facts);
  if (!c) {
    c = computeCustomerSide(ws, facts);
    cache.set(facts, c);
    if (!factsOf.has(ws)) factsOf.set(ws, facts);
  }
  return c;
}

/**
 * The facts a customer side of `ws` was first computed from (the analysis's, when the rules ran),
 * if one was: the report's pictures and pages read the customer side the findings came from
 * instead of working out the facts and the customer side a second time (#18: 1.6 s of a
 * 10,000-tool report). A workspace is frozen, and the facts are a function of it alone.
 */
export function customerSideFacts(ws: Workspace): Facts | undefined {
  return factsOf.get(ws);
}

function computeCustomerSide(ws: Workspace, facts: Facts): CustomerSide {
  const tool = (id: string) => ws.index.toolById.get(id);
  const dataType = (id: string) => ws.index.dataTypeById.get(id);
  const holds = (id: string, d: string) => tool(id)?.data.includes(d) === true;

  const arcs: Arc[] = [];
  // (Which types a link brings into a tool from a tool that holds them, the origin test, is the
  // facts' own: the same links and the same test, worked out once per run; #18.)
  const add = (it: Integration, from: string, to: string, data: readonly string[]) => {
    if (from === to) return;
    const manual = it.mode === 'manual';
    const rank = it.frequency ? FREQUENCY_RANK[it.frequency] : UNSCHEDULED;
    arcs.push({ from, to, data, manual, rank, link: it });
  };
  for (const it of ws.integrations) {
    add(it, it.from, it.to, facts.carried(it, 'forward'));
    if (it.bidirectional) add(it, it.to, it.from, facts.carried(it, 'backward'));
  }
  const inn = new Map<string, Arc[]>();
  for (const a of arcs) (inn.get(a.to) ?? inn.set(a.to, []).get(a.to)!).push(a);
  // Per data type, the arcs that carry it by source and by target (in arc order): every search
  // below follows one type, and scanning every arc of a node for it (a hub has thousands) made
  // them data types x arcs. Lists linked in typed arrays over tool numbers (facts.ts DataGraph;
  // an edge's `to` is the index of its arc in `arcs`), not maps per type of arrays per tool: #18,
  // those were a large share of the customer side of a 10,000-tool stack.
  // Tools by number (an endpoint that is not a tool, which a valid workspace has none of, after them).
  const num = new Map<string, number>();
  const numberOf = (id: string) => {
    let i = num.get(id);
    if (i === undefined) num.set(id, (i = num.size));
    return i;
  };
  for (const t of ws.tools) numberOf(t.id);
  const typeNo = new Map<string, number>();
  const types: string[] = [];
  const arcFrom = new Int32Array(arcs.length);
  const arcTo = new Int32Array(arcs.length);
  let pairs = 0;
  arcs.forEach((a, x) => {
    arcFrom[x] = numberOf(a.from);
    arcTo[x] = numberOf(a.to);
    a.data.forEach((d, k) => {
      if (a.data.indexOf(d) !== k) return;
      if (!typeNo.has(d)) typeNo.set(d, types.push(d) - 1);
      pairs++;
    });
  });
  const outOf = new DataGraph(num.size, pairs);
  const intoOf = new DataGraph(num.size, pairs);
  // The last arc first: a list runs from the edge added last, so each list is in arc order.
  for (let x = arcs.length - 1; x >= 0; x--) {
    const data = arcs[x].data;
    for (let k = 0; k < data.length; k++) {
      if (data.indexOf(data[k]) !== k) continue;
      const t = typeNo.get(data[k])!;
      outOf.add(t, arcFrom[x], x);
      intoOf.add(t, arcTo[x], x);
    }
  }
  /** The lists of the arcs carrying `d`, by source (`forward`) or by target; undefined when no arc carries it. */
  const listsOf = (d: string, forward: boolean): Int32Array | undefined => (forward ? outOf : intoOf).heads[typeNo.get(d) ?? -1];
  /** The first of the arcs (an edge of the graph, -1 for none) that carry a type to or from a node. */
  const firstArc = (lists: Int32Array | undefined, node: string): number => {
    if (!lists) return -1;
    const i = num.get(node);
    return i === undefined ? -1 : lists[i];
  };

  const reachCache = new Map<string, ReadonlySet<string>>();
  const reachedFrom = (from: string, d: string): ReadonlySet<string> => {
    const key = `${from}\u0000${d}`;
    let r = reachCache.get(key);
    if (r) return r;
    const seen = new Set<string>([from]);
    const queue = [from];
    const lists = listsOf(d, true);
    for (let i = 0; i < queue.length; i++) {
      for (let e = firstArc(lists, queue[i]); e >= 0; e = outOf.next[e]) {
        const a = arcs[outOf.to[e]];
        if (a.manual || seen.has(a.to)) continue;
        seen.add(a.to);
        queue.push(a.to);
      }
    }
    seen.delete(from);
    reachCache.set(key, (r = seen));
    return r;
  };

  const hubIds = facts.hubs.map((h) => h.id);
  const isHub = (id: string) => facts.isHub(id);

  // Hub data reaching a tool through automated links (any data type the link carries from a hub onwards).
  const hubFed = new Set<string>(hubIds);
  const fedTypes = new Map<string, Set<string>>();
  // Per data type: forward from the hubs over automated arcs carrying it.
  for (const d of types) {
    const lists = listsOf(d, true);
    const queue = [...hubIds];
    const seen = new Set(hubIds);
    for (let i = 0; i < queue.length; i++) {
      for (let e = firstArc(lists, queue[i]); e >= 0; e = outOf.next[e]) {
        const a = arcs[outOf.to[e]];
        if (a.manual || seen.has(a.to)) continue;
        seen.add(a.to);
        hubFed.add(a.to);
        (fedTypes.get(a.to) ?? fedTypes.set(a.to, new Set()).get(a.to)!).add(d);
        queue.push(a.to);
      }
    }
  }

  // Minimax (bottleneck) search over every link carrying `d`, from `starts` along `next`.
  const bottleneck = (starts: readonly string[], d: string, forward: boolean): Map<string, number> => {
    const best = new Map<string, number>();
    const buckets: string[][] = Array.from({ length: UNSCHEDULED + 2 }, () => []);
    for (const s of starts) {
      best.set(s, AT_HUB);
      buckets[0].push(s);
    }
    const graph = forward ? outOf : intoOf;
    const lists = listsOf(d, forward);
    for (let b = 0; b < buckets.length; b++) {
      for (let i = 0; i < buckets[b].length; i++) {
        const node = buckets[b][i];
        const r = best.get(node)!;
        if (r !== b - 1) continue;
        for (let e = firstArc(lists, node); e >= 0; e = graph.next[e]) {
          const a = arcs[graph.to[e]];
          const next = forward ? a.to : a.from;
          const cand = Math.max(r, a.rank);
          const prev = best.get(next);
          if (prev !== undefined && prev <= cand) continue;
          best.set(next, cand);
          buckets[cand + 1].push(next);
        }
      }
    }
    return best;
  };
  const fwdCache = new Map<string, Map<string, number>>();
  const revCache = new Map<string, Map<string, number>>();
  const fromHubs = (d: string) => fwdCache.get(d) ?? fwdCache.set(d, bottleneck(hubIds, d, true)).get(d)!;
  const toHubs = (d: string) => revCache.get(d) ?? revCache.set(d, bottleneck(hubIds, d, false)).get(d)!;

  const hubFreshness = (id: string): number | undefined => {
    if (isHub(id)) return AT_HUB;
    let best: number | undefined;
    for (const a of inn.get(id) ?? []) {
      for (const d of a.data) {
        const r = fromHubs(d).get(id);
        if (r !== undefined && (best === undefined || r < best)) best = r;
      }
    }
    return best;
  };
  const toHubFreshness = (id: string, d: string): number | undefined => (isHub(id) ? AT_HUB : toHubs(d).get(id));

  const personalizingTool = (id: string) => {
    const t = tool(id);
    return usable(t) && t.capabilities.some((c) => personalizes(c));
  };
  const senders = ws.tools.filter((t) => usable(t)
    && t.primaryCapabilities.some((c) => SENDING_CAPABILITIES.includes(c))
    && t.data.some((d) => dataType(d)?.personal === true));

  let dropped: Set<string> | undefined;
  const droppedTools = (): Set<string> => {
    if (dropped) return dropped;
    dropped = new Set(ws.tools.filter((x) => x.status === 'retiring').map((x) => x.id));
    // The redundant-tool rule's own decision, computed once per run and shared with its check.
    if (ws.settings.rules['redundant-tool']?.severity !== 'off') for (const id of redundancy(facts).removed) dropped.add(id);
    return dropped;
  };

  const readiness = (tp: Touchpoint): Readiness => {
    const tools = tp.tools.filter((id) => usable(tool(id)));
    const personalizing = [...new Set(tools.filter(personalizingTool))].sort();
    const hubData = tools.some((id) => hubFed.has(id));
    const state: Readiness['state'] = tp.personalized === true ? (hubData ? 'personalized' : 'blind')
      : tp.personalized === undefined ? 'unknown'
        : !personalizing.length ? 'no-tool' : personalizing.some((id) => hubFed.has(id)) ? 'ready' : 'no-data';
    return { state, personalizing, hubData };
  };

  const senderIds = new Set(senders.map((t) => t.id));

  // Where consent must arrive (docs/analysis.md, "Where consent must arrive"): consentScope below.
  const scope = consentScope(ws, facts, arcs, { num, arcFrom, arcTo }, senders, reachedFrom);

  const restrictionOf = (d: string) => {
    const r = dataType(d)?.restricted;
    return typeof r === 'string' && r.trim() ? r : undefined;
  };
  // (holds() first: an id that is no tool is no origin, where the facts would throw.)
  const isOriginOf = (id: string, d: string) => holds(id, d) && facts.isOrigin(id, d);

  return {
    stopped: (from, to, data) => [...new Set(data)].filter((d) => restrictionOf(d) !== undefined
      && (isOriginOf(from, d) || (senderIds.has(to) && holds(from, d)))).sort(),
    dataType,
    isConsent: (d) => dataType(d)?.consent === true,
    restriction: restrictionOf,
    isPersonal: (d) => dataType(d)?.personal === true,
    isOrigin: isOriginOf,
    reachedFrom,
    hubDataReaches: (id) => hubFed.has(id),
    hubDataTypes: (id) => (isHub(id) ? [...new Set(tool(id)?.data ?? [])] : [...(fedTypes.get(id) ?? [])]).sort(),
    hubFreshness,
    toHubFreshness,
    senders,
    consentTargets: scope.targets,
    consentMissed: scope.missed,
    personalizing: personalizingTool,
    readiness,
    arcs,
    used: usesCustomerSide(ws),
    dropped: (id) => droppedTools().has(id),
  };
}


/** What consent-not-synced says of one origin of consent (CustomerSide.consentMissed). */
export interface ConsentMissed {
  /** The types given that miss at least one hub or sender they must reach, in the order given. */
  data: string[];
  /** The hubs some type must reach and does not, sorted. */
  hubs: string[];
  /** The senders some type must reach and does not, those of `hubs` left out: the first `named` by id. */
  senders: string[];
  /** How many such senders in all (≥ senders.length). */
  sendersMissed: number;
}

interface Targets { hubs: readonly string[]; bits: Uint32Array }

/** Tools by number (tools first, in workspace order, then any other end of a link) and the ends of each arc by number. */
interface Numbering { num: ReadonlyMap<string, number>; arcFrom: Int32Array; arcTo: Int32Array }

const AD_CAPABILITIES = new Set(['retargeting', 'paid-social', 'display-advertising', 'programmatic-advertising']);

/** Set bits of a bitset, counted. */
function popCount(bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w];
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

const setBit = (bits: Uint32Array, k: number) => { bits[k >>> 5] |= 1 << (k & 31); };
const clearBit = (bits: Uint32Array, k: number) => { bits[k >>> 5] &= ~(1 << (k & 31)); };

/** The first `limit` names of the set bits of `bits`, in bit order. */
function namesOf(bits: Uint32Array, names: readonly string[], limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  for (let w = 0; w < bits.length && out.length < limit; w++) {
    for (let x = bits[w]; x !== 0 && out.length < limit; x &= x - 1) out.push(names[w * 32 + 31 - Math.clz32(x & -x)]);
  }
  return out;
}

/**
 * Where consent must arrive (docs/analysis.md, "Where consent must arrive"): the hub the origin
 * feeds (or is) and the senders that hold the same people, not every hub and sender.
 * - Hubs: an origin that is a hub is its own; else the hubs it exchanges people with: the first
 *   hubs that walks along links of personal data (any mode) meet from the origin, downstream and
 *   upstream (a loyalty app fed its members by the shop and feeding the e-mail platform).
 *   An origin used at no touchpoint (a group preference centre: whose choices it holds is not
 *   said), or joined to no hub at all, must reach every hub, as rules.md's letter says.
 * - Senders holding the same people: those fed along links of personal data by the origin or by
 *   its hubs (not walking on through another hub), those used at a touchpoint where the origin
 *   is used, and those that gather their own people (no link brings them personal data) and meet
 *   a persona the origin meets (touchpoints with `personas` given).
 * - Impersonal consent (cookie choices, `personal: false`) is about a browser, not a person: the
 *   consent tool enforces it in the page, on the tags of the touchpoints where it runs. It never
 *   has to reach a hub or a sender of messages; a consent tool used at no touchpoint must reach
 *   the advertising tools by link.
 *
 * How it is worked out (#18: a walk per origin, downstream and upstream, was 2 s of a 7 s
 * 10,000-tool analysis with 3,000 origins). The walks stop at live hubs (a retired hub is walked
 * through like any tool), so what a walk meets from a tool that is not a live hub depends only on
 * where it starts in the graph of personal-data links between tools that are not live hubs, and
 * every tool of one strongly connected component of that graph meets the same. The components are
 * found once (Tarjan, iteratively: no recursion 10,000 deep), and one pass over them downstream
 * first (the order Tarjan finds them in) and one upstream first give each component the live hubs
 * met downstream, those met upstream and the senders it feeds (the hubs met included), as
 * bitsets. Hubs and senders are numbered in id order, so a bitset read in order is a sorted list.
 * An origin's targets are then a few unions of bitsets, and consent-not-synced counts the senders
 * missed without listing the hundreds that each origin of a large stack must reach.
 */
function consentScope(
  ws: Workspace, facts: Facts, arcs: readonly Arc[], numbering: Numbering, senders: readonly Tool[],
  reachedFrom: (from: string, d: string) => ReadonlySet<string>,
) {
  const dataType = (id: string) => ws.index.dataTypeById.get(id);
  const touchpointsByTool = new Map<string, Touchpoint[]>();
  for (const tp of ws.touchpoints) for (const t of new Set(tp.tools)) (touchpointsByTool.get(t) ?? touchpointsByTool.set(t, []).get(t)!).push(tp);
  const touchpointsOf = (id: string): readonly Touchpoint[] | undefined => touchpointsByTool.get(id);
  const personasOf = (id: string) => new Set((touchpointsOf(id) ?? []).filter((tp) => tp.personasGiven).flatMap((tp) => tp.personas));
  const allHubs = sortIds(facts.hubs.filter((h) => h.status !== 'retired').map((h) => h.id));

  /** The graph, the components and their bitsets: built on the first question about personal consent. */
  const build = () => {
    // Tools by number, the customer side's.
    const { num, arcFrom, arcTo } = numbering;
    const from: number[] = [];
    const to: number[] = [];
    arcs.forEach((a, x) => {
      if (!a.data.some((d) => dataType(d)?.personal === true)) return;
      from.push(arcFrom[x]);
      to.push(arcTo[x]);
    });
    const n = num.size;
    // The links of personal data by source and by target (compressed rows).
    const outStart = new Int32Array(n + 1);
    const inStart = new Int32Array(n + 1);
    for (let k = 0; k < from.length; k++) { outStart[from[k] + 1]++; inStart[to[k] + 1]++; }
    for (let i = 0; i < n; i++) { outStart[i + 1] += outStart[i]; inStart[i + 1] += inStart[i]; }
    const outTo = new Int32Array(from.length);
    const inFrom = new Int32Array(from.length);
    {
      const o = outStart.slice(0, n);
      const p = inStart.slice(0, n);
      for (let k = 0; k < from.length; k++) { outTo[o[from[k]]++] = to[k]; inFrom[p[to[k]]++] = from[k]; }
    }
    // Live hubs, numbered in id order; the walks stop at them.
    const hubRank = new Int32Array(n).fill(-1);
    allHubs.forEach((id, k) => { hubRank[num.get(id)!] = k; });
    const hubWords = (allHubs.length + 31) >>> 5;
    // Targets (senders, and the advertising tools impersonal consent may have to reach), numbered in id order.
    const ads = ws.tools.filter((t) => usable(t) && t.primaryCapabilities.some((c) => AD_CAPABILITIES.has(c))).map((t) => t.id);
    const names = sortIds(new Set([...senders.map((t) => t.id), ...ads]));
    const rank = new Int32Array(n).fill(-1);
    names.forEach((id, k) => { rank[num.get(id)!] = k; });
    const words = (names.length + 31) >>> 5;
    const isSender = new Uint8Array(n);
    for (const t of senders) isSender[num.get(t.id)!] = 1;
    const setAt = (bits: Uint32Array, at: number, k: number) => { bits[at + (k >>> 5)] |= 1 << (k & 31); };
    const adBits = new Uint32Array(words);
    for (const id of ads) setAt(adBits, 0, rank[num.get(id)!]);

    // Strongly connected components of the links between tools that are not live hubs (Tarjan with
    // an explicit stack). A component is numbered after every component it has a link to.
    const comp = new Int32Array(n).fill(-1);
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack = new Int32Array(n);
    const callNode = new Int32Array(n);
    const callEdge = new Int32Array(n);
    let sp = 0;
    let cp = 0;
    let counter = 0;
    let comps = 0;
    const enter = (v: number) => {
      index[v] = low[v] = counter++;
      stack[sp++] = v;
      onStack[v] = 1;
      callNode[cp] = v;
      callEdge[cp++] = outStart[v];
    };
    for (let s = 0; s < n; s++) {
      if (hubRank[s] >= 0 || index[s] !== -1) continue;
      enter(s);
      while (cp > 0) {
        const v = callNode[cp - 1];
        const e = callEdge[cp - 1];
        if (e < outStart[v + 1]) {
          callEdge[cp - 1] = e + 1;
          const w = outTo[e];
          if (hubRank[w] >= 0) continue;
          if (index[w] === -1) enter(w);
          else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
          continue;
        }
        cp--;
        if (cp > 0 && low[v] < low[callNode[cp - 1]]) low[callNode[cp - 1]] = low[v];
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack[--sp];
            onStack[w] = 0;
            comp[w] = comps;
          } while (w !== v);
          comps++;
        }
      }
    }
    // Members by component.
    const memberStart = new Int32Array(comps + 1);
    for (let i = 0; i < n; i++) if (comp[i] >= 0) memberStart[comp[i] + 1]++;
    for (let c = 0; c < comps; c++) memberStart[c + 1] += memberStart[c];
    const members = new Int32Array(memberStart[comps]);
    {
      const at = memberStart.slice(0, comps);
      for (let i = 0; i < n; i++) if (comp[i] >= 0) members[at[comp[i]]++] = i;
    }
    const orInto = (dst: Uint32Array, d: number, src: Uint32Array, s: number, len: number) => {
      for (let k = 0; k < len; k++) dst[d + k] |= src[s + k];
    };
    // Downstream: the live hubs first met and the senders fed (those hubs among them), components
    // downstream first.
    const down = new Uint32Array(comps * hubWords);
    const fed = new Uint32Array(comps * words);
    const up = new Uint32Array(comps * hubWords);
    const stamp = new Int32Array(comps).fill(-1);
    for (let c = 0; c < comps; c++) {
      for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
        const u = members[m];
        if (isSender[u]) setAt(fed, c * words, rank[u]);
        for (let e = outStart[u]; e < outStart[u + 1]; e++) {
          const w = outTo[e];
          if (hubRank[w] >= 0) {
            setAt(down, c * hubWords, hubRank[w]);
            if (isSender[w]) setAt(fed, c * words, rank[w]);
          } else if (comp[w] !== c && stamp[comp[w]] !== c) {
            stamp[comp[w]] = c;
            orInto(down, c * hubWords, down, comp[w] * hubWords, hubWords);
            orInto(fed, c * words, fed, comp[w] * words, words);
          }
        }
      }
    }
    // Upstream: the live hubs first met walking links backwards, components upstream first.
    stamp.fill(-1);
    for (let c = comps - 1; c >= 0; c--) {
      for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
        const u = members[m];
        for (let e = inStart[u]; e < inStart[u + 1]; e++) {
          const w = inFrom[e];
          if (hubRank[w] >= 0) setAt(up, c * hubWords, hubRank[w]);
          else if (comp[w] !== c && stamp[comp[w]] !== c) {
            stamp[comp[w]] = c;
            orInto(up, c * hubWords, up, comp[w] * hubWords, hubWords);
          }
        }
      }
    }
    /** Adds to `into` the senders fed along links of personal data from `id` (itself included), not walking on through another hub. */
    const addFedBy = (into: Uint32Array, id: string) => {
      const i = num.get(id);
      if (i === undefined) return;
      if (hubRank[i] < 0) {
        orInto(into, 0, fed, comp[i] * words, words);
        return;
      }
      if (isSender[i]) setAt(into, 0, rank[i]);
      for (let e = outStart[i]; e < outStart[i + 1]; e++) {
        const w = outTo[e];
        if (hubRank[w] >= 0) {
          if (isSender[w]) setAt(into, 0, rank[w]);
        } else orInto(into, 0, fed, comp[w] * words, words);
      }
    };
    /** The live hubs first met from a tool that is not one, downstream and upstream, sorted. */
    const firstHubs = (id: string): string[] => {
      const i = num.get(id);
      if (i === undefined) return [];
      const bits = down.slice(comp[i] * hubWords, (comp[i] + 1) * hubWords);
      orInto(bits, 0, up, comp[i] * hubWords, hubWords);
      return namesOf(bits, allHubs);
    };
    // Senders that gather their own people (no link brings them personal data), by persona they meet.
    const byPersona = new Map<string, Uint32Array>();
    for (const t of senders) {
      const i = num.get(t.id)!;
      if (inStart[i + 1] > inStart[i]) continue;
      for (const p of personasOf(t.id)) setAt(byPersona.get(p) ?? byPersona.set(p, new Uint32Array(words)).get(p)!, 0, rank[i]);
    }
    // (One lookup of the tool's number per question, not two.)
    return {
      words, names, adBits, addFedBy, firstHubs, byPersona,
      rankOf: (id: string) => {
        const i = num.get(id);
        return i === undefined ? -1 : rank[i];
      },
      isSender: (id: string) => {
        const i = num.get(id);
        return i !== undefined && isSender[i] === 1;
      },
      isLiveHub: (id: string) => {
        const i = num.get(id);
        return i !== undefined && hubRank[i] >= 0;
      },
    };
  };
  let g: ReturnType<typeof build> | undefined;
  const graph = () => (g ??= build());

  const people = new Map<string, Targets>();
  // The senders the hubs feed are shared by every origin of the same hubs: worked out once per set of hubs.
  const hubFed = new Map<string, Uint32Array>();
  /** Where consent type `d` of `origin` must arrive: the hubs (sorted; not the origin) and the senders and advertising tools, as bits. */
  const targetsOf = (origin: string, d: string): Targets => {
    const G = graph();
    if (dataType(d)?.personal !== true) {
      const bits = new Uint32Array(G.words);
      if (touchpointsOf(origin)) return { hubs: [], bits };
      bits.set(G.adBits);
      if (G.rankOf(origin) >= 0) clearBit(bits, G.rankOf(origin));
      return { hubs: [], bits };
    }
    let r = people.get(origin);
    if (r) return r;
    let hubs: readonly string[];
    if (G.isLiveHub(origin)) hubs = [origin];
    else if (!touchpointsOf(origin)) hubs = allHubs;
    else {
      hubs = G.firstHubs(origin);
      if (!hubs.length) hubs = allHubs;
    }
    const key = hubs.join('+');
    let shared = hubFed.get(key);
    if (!shared) {
      shared = new Uint32Array(G.words);
      for (const h of hubs) G.addFedBy(shared, h);
      hubFed.set(key, shared);
    }
    // What is the origin's own: the senders it feeds, those of its touchpoints, the self-fed
    // senders that meet a persona it meets.
    const bits = shared.slice();
    G.addFedBy(bits, origin);
    for (const tp of touchpointsOf(origin) ?? []) for (const id of tp.tools) if (G.isSender(id)) setBit(bits, G.rankOf(id));
    for (const p of personasOf(origin)) {
      const met = G.byPersona.get(p);
      if (met) for (let w = 0; w < bits.length; w++) bits[w] |= met[w];
    }
    // Neither the origin nor its hubs.
    for (const id of [origin, ...hubs]) if (G.rankOf(id) >= 0) clearBit(bits, G.rankOf(id));
    r = { hubs: hubs.filter((h) => h !== origin), bits };
    people.set(origin, r);
    return r;
  };

  const listed = new Map<string, { hubs: readonly string[]; senders: readonly string[] }>();
  const targets = (origin: string, d: string): { hubs: readonly string[]; senders: readonly string[] } => {
    if (dataType(d)?.personal !== true) {
      const t = targetsOf(origin, d);
      return { hubs: t.hubs, senders: namesOf(t.bits, graph().names) };
    }
    let r = listed.get(origin);
    if (!r) {
      const t = targetsOf(origin, d);
      listed.set(origin, (r = { hubs: t.hubs, senders: namesOf(t.bits, graph().names) }));
    }
    return r;
  };

  /**
   * consent-not-synced for one origin: of the hubs and senders that its consent types `types` must
   * reach (targets), those that a type does not reach through automated links that carry it.
   */
  const missed = (origin: string, types: readonly string[], named: number): ConsentMissed => {
    const G = graph();
    const miss = new Uint32Array(G.words);
    const reachedBits = new Uint32Array(G.words);
    const hubSet = new Set<string>();
    const lost = new Set<string>();
    for (const d of types) {
      const reached = reachedFrom(origin, d);
      const t = targetsOf(origin, d);
      for (const h of t.hubs) {
        if (reached.has(h)) continue;
        hubSet.add(h);
        lost.add(d);
      }
      reachedBits.fill(0);
      for (const id of reached) {
        const k = G.rankOf(id);
        if (k >= 0) setBit(reachedBits, k);
      }
      for (let w = 0; w < miss.length; w++) {
        const m = t.bits[w] & ~reachedBits[w];
        if (m === 0) continue;
        miss[w] |= m;
        lost.add(d);
      }
    }
    const hubs = sortIds(hubSet);
    // A hub missed is named as a hub, not again as a sender.
    for (const h of hubs) {
      const k = G.rankOf(h);
      if (k >= 0) clearBit(miss, k);
    }
    return { data: types.filter((d) => lost.has(d)), hubs, senders: namesOf(miss, G.names, named), sendersMissed: popCount(miss) };
  };
  return { targets, missed };
}
