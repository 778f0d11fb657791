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
import type { Facts } from './facts.js';
import { redundancy } from './rules/redundant-tool.js';
import { compareIds, sortIds } from './rules/helpers.js';

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

/** The customer's side of a run, computed once per facts. */
export function customerSide(ws: Workspace, facts: Facts): CustomerSide {
  let c = cache.get(facts);
  if (!c) {
    c = computeCustomerSide(ws, facts);
    cache.set(facts, c);
  }
  return c;
}

function computeCustomerSide(ws: Workspace, facts: Facts): CustomerSide {
  const tool = (id: string) => ws.index.toolById.get(id);
  const dataType = (id: string) => ws.index.dataTypeById.get(id);
  const holds = (id: string, d: string) => tool(id)?.data.includes(d) === true;

  const arcs: Arc[] = [];
  const received = new Map<string, Set<string>>();
  const add = (it: Integration, from: string, to: string, data: readonly string[]) => {
    if (from === to) return;
    const manual = it.mode === 'manual';
    const rank = it.frequency ? FREQUENCY_RANK[it.frequency] : UNSCHEDULED;
    arcs.push({ from, to, data, manual, rank, link: it });
    for (const d of data) {
      if (!holds(from, d)) continue;
      let s = received.get(to);
      if (!s) received.set(to, (s = new Set()));
      s.add(d);
    }
  };
  for (const it of ws.integrations) {
    add(it, it.from, it.to, facts.carried(it, 'forward'));
    if (it.bidirectional) add(it, it.to, it.from, facts.carried(it, 'backward'));
  }
  const inn = new Map<string, Arc[]>();
  for (const a of arcs) (inn.get(a.to) ?? inn.set(a.to, []).get(a.to)!).push(a);
  // Per data type, the arcs that carry it by source and by target (in arc order): every search
  // below follows one type, and scanning every arc of a node for it (a hub has thousands) made
  // them data types x arcs.
  const outOf = new Map<string, Map<string, Arc[]>>();
  const intoOf = new Map<string, Map<string, Arc[]>>();
  const push = (m: Map<string, Map<string, Arc[]>>, d: string, node: string, a: Arc) => {
    let byNode = m.get(d);
    if (!byNode) m.set(d, (byNode = new Map()));
    const l = byNode.get(node);
    if (l) l.push(a);
    else byNode.set(node, [a]);
  };
  for (const a of arcs) {
    for (const d of new Set(a.data)) {
      push(outOf, d, a.from, a);
      push(intoOf, d, a.to, a);
    }
  }
  const NONE: readonly Arc[] = [];

  const reachCache = new Map<string, ReadonlySet<string>>();
  const reachedFrom = (from: string, d: string): ReadonlySet<string> => {
    const key = `${from}\u0000${d}`;
    let r = reachCache.get(key);
    if (r) return r;
    const seen = new Set<string>([from]);
    const queue = [from];
    const carrying = outOf.get(d);
    for (let i = 0; i < queue.length; i++) {
      for (const a of carrying?.get(queue[i]) ?? NONE) {
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
  {
    // Per data type: forward from the hubs over automated arcs carrying it.
    for (const [d, carrying] of outOf) {
      const queue = [...hubIds];
      const seen = new Set(hubIds);
      for (let i = 0; i < queue.length; i++) {
        for (const a of carrying.get(queue[i]) ?? NONE) {
          if (a.manual || seen.has(a.to)) continue;
          seen.add(a.to);
          hubFed.add(a.to);
          (fedTypes.get(a.to) ?? fedTypes.set(a.to, new Set()).get(a.to)!).add(d);
          queue.push(a.to);
        }
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
    const carrying = (forward ? outOf : intoOf).get(d);
    for (let b = 0; b < buckets.length; b++) {
      for (let i = 0; i < buckets[b].length; i++) {
        const node = buckets[b][i];
        const r = best.get(node)!;
        if (r !== b - 1) continue;
        for (const a of carrying?.get(node) ?? NONE) {
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

  // Where consent must arrive (docs/analysis.md, "Where consent must arrive"): the hub the origin
  // feeds (or is) and the senders that hold the same people, not every hub and sender.
  // - Hubs: an origin that is a hub is its own; else the hubs it exchanges people with: the first
  //   hubs that walks along links of personal data (any mode) meet from the origin, downstream and
  //   upstream (a loyalty app fed its members by the shop and feeding the e-mail platform).
  //   An origin used at no touchpoint (a group preference centre: whose choices it holds is not
  //   said), or joined to no hub at all, must reach every hub, as rules.md's letter says.
  // - Senders holding the same people: those fed along links of personal data by the origin or by
  //   its hubs (not walking on through another hub), those used at a touchpoint where the origin
  //   is used, and those that gather their own people (no link brings them personal data) and meet
  //   a persona the origin meets (touchpoints with `personas` given).
  // - Impersonal consent (cookie choices, `personal: false`) is about a browser, not a person: the
  //   consent tool enforces it in the page, on the tags of the touchpoints where it runs. It never
  //   has to reach a hub or a sender of messages; a consent tool used at no touchpoint must reach
  //   the advertising tools by link.
  const carriesPersonal = (a: Arc) => a.data.some((d) => dataType(d)?.personal === true);
  // The links of personal data by source and by target (built once, on first use).
  let personalLinks: { out: Map<string, Arc[]>; inn: Map<string, Arc[]> } | undefined;
  const personalArcs = () => {
    if (personalLinks) return personalLinks;
    personalLinks = { out: new Map(), inn: new Map() };
    for (const a of arcs) {
      if (!carriesPersonal(a)) continue;
      (personalLinks.out.get(a.from) ?? personalLinks.out.set(a.from, []).get(a.from)!).push(a);
      (personalLinks.inn.get(a.to) ?? personalLinks.inn.set(a.to, []).get(a.to)!).push(a);
    }
    return personalLinks;
  };
  const liveHub = (id: string) => isHub(id) && usable(tool(id));
  const firstHubs = (start: string, forward: boolean): string[] => {
    const seen = new Set([start]);
    const queue = [start];
    const found = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      for (const a of (forward ? personalArcs().out : personalArcs().inn).get(queue[i]) ?? []) {
        const next = forward ? a.to : a.from;
        if (seen.has(next)) continue;
        seen.add(next);
        if (liveHub(next)) found.add(next);
        else queue.push(next);
      }
    }
    return sortIds(found);
  };
  const fedSenders = new Map<string, Set<string>>();
  /** Senders fed along links of personal data from `start`, not walking on through another hub. */
  const sendersFedBy = (start: string): Set<string> => {
    let r = fedSenders.get(start);
    if (r) return r;
    const seen = new Set([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const a of personalArcs().out.get(queue[i]) ?? []) {
        if (seen.has(a.to)) continue;
        seen.add(a.to);
        if (!liveHub(a.to)) queue.push(a.to);
      }
    }
    r = new Set([...seen].filter((id) => senderIds.has(id)));
    fedSenders.set(start, r);
    return r;
  };
  let touchpointsByTool: Map<string, Touchpoint[]> | undefined;
  const touchpointsOf = (id: string): readonly Touchpoint[] | undefined => {
    if (!touchpointsByTool) {
      touchpointsByTool = new Map();
      for (const tp of ws.touchpoints) for (const t of new Set(tp.tools)) (touchpointsByTool.get(t) ?? touchpointsByTool.set(t, []).get(t)!).push(tp);
    }
    return touchpointsByTool.get(id);
  };
  const personasOf = (id: string) => new Set((touchpointsOf(id) ?? []).filter((tp) => tp.personasGiven).flatMap((tp) => tp.personas));
  // Senders that gather their own people (no link brings them personal data), with the personas they meet.
  let selfFed: { id: string; personas: Set<string> }[] | undefined;
  const selfFedSenders = () => (selfFed ??= senders.filter((t) => !personalArcs().inn.has(t.id)).map((t) => ({ id: t.id, personas: personasOf(t.id) })));
  const AD_CAPABILITIES = new Set(['retargeting', 'paid-social', 'display-advertising', 'programmatic-advertising']);
  const allHubs = () => sortIds(facts.hubs.filter((h) => h.status !== 'retired').map((h) => h.id));
  const peopleTargets = new Map<string, { hubs: readonly string[]; senders: readonly string[] }>();
  // Sorted once: at 10,000 tools a sort per consent origin was a tenth of the analysis (#18).
  let adIds: string[] | undefined;
  const hubSenders = new Map<string, { sorted: string[]; set: Set<string> }>();
  const consentTargets = (origin: string, d: string): { hubs: readonly string[]; senders: readonly string[] } => {
    if (dataType(d)?.personal !== true) {
      if (touchpointsOf(origin)) return { hubs: [], senders: [] };
      adIds ??= sortIds(ws.tools.filter((t) => usable(t) && t.primaryCapabilities.some((c) => AD_CAPABILITIES.has(c))).map((t) => t.id));
      return { hubs: [], senders: adIds.filter((id) => id !== origin) };
    }
    let r = peopleTargets.get(origin);
    if (r) return r;
    let hubs: string[];
    if (liveHub(origin)) hubs = [origin];
    else if (!touchpointsOf(origin)) hubs = allHubs();
    else {
      hubs = sortIds(new Set([...firstHubs(origin, true), ...firstHubs(origin, false)]));
      if (!hubs.length) hubs = allHubs();
    }
    // The senders the hubs feed are shared by every origin of the same hubs: worked out once per
    // set of hubs, sorted; what is the origin's own (its fed senders, its touchpoints', the
    // self-fed senders of its personas) is small and merged in (#18: at 10,000 tools a set of
    // thousands of senders was rebuilt and sorted for each of 3,000 origins).
    const own = new Set<string>(sendersFedBy(origin));
    for (const tp of touchpointsOf(origin) ?? []) for (const id of tp.tools) if (senderIds.has(id)) own.add(id);
    const met = personasOf(origin);
    if (met.size) for (const s of selfFedSenders()) if ([...s.personas].some((p) => met.has(p))) own.add(s.id);
    const key = hubs.join('+');
    let fed = hubSenders.get(key);
    if (!fed) {
      const union = new Set<string>();
      for (const h of hubs) for (const id of sendersFedBy(h)) union.add(id);
      fed = { sorted: sortIds(union), set: union };
      hubSenders.set(key, fed);
    }
    const skip = new Set([origin, ...hubs]);
    const extra = sortIds([...own].filter((id) => !fed.set.has(id)));
    r = { hubs: hubs.filter((h) => h !== origin), senders: mergeSorted(fed.sorted, extra).filter((id) => !skip.has(id)) };
    peopleTargets.set(origin, r);
    return r;
  };

  const restrictionOf = (d: string) => {
    const r = dataType(d)?.restricted;
    return typeof r === 'string' && r.trim() ? r : undefined;
  };
  const isOriginOf = (id: string, d: string) => holds(id, d) && received.get(id)?.has(d) !== true;

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
    consentTargets,
    personalizing: personalizingTool,
    readiness,
    arcs,
    used: usesCustomerSide(ws),
    dropped: (id) => droppedTools().has(id),
  };
}

/** Two lists sorted by compareIds, with no id in both, as one sorted list. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  if (!b.length) return [...a];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareIds(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
