// The customer's side of the audit as the pictures and the reports show it (format.md, "Additions
// of revision 2"): the journey per persona, where consent starts and where it must arrive, where
// each data type comes from and whether it reaches a hub, and which touchpoints are ready to be
// personalized with the data the company already has. Computed from the model and the data-flow
// facts only (no words, no output format): the diagrams and every report read this one view, so
// picture and table always agree.
//
// Nothing here guesses: a field the workspace does not give stays `undefined` and is shown as
// "not said" (the assessment turns it into a question).
import { computeFacts, type Facts } from '../analysis/facts.js';
import { customerSide, customerSideFacts, usesCustomerSide } from '../analysis/customer.js';
import { meetsPersona, type DataType, type Integration, type Persona, type Stage, type Tool, type Touchpoint, type Workspace } from '../model/model.js';
import type { Freshness } from '../model/vocabulary.js';

export { usesCustomerSide };

export interface PersonaStage {
  stage: Stage;
  /** The in-scope touchpoints of this stage where the persona is met, by id. */
  touchpoints: Touchpoint[];
}

export interface PersonaLane {
  persona: Persona;
  stages: PersonaStage[];
  /** In-scope touchpoints the persona meets, and how many of them have a tool that reaches a hub. */
  touchpoints: number;
  reaching: number;
  /** Stages the persona goes through where it meets no in-scope touchpoint (a `persona-gap`). */
  gaps: string[];
}

export interface ConsentOrigin {
  /** The tool the consent data starts in. */
  tool: string;
  /** Consent data types it originates, sorted. */
  data: string[];
  /** In-scope touchpoints (capturing a consent type) where it starts, sorted. */
  touchpoints: string[];
}

/**
 * Where consent must arrive, counted: every (origin, consent type, hub or sender it must reach). Never listed one object each: origins x senders x types is millions at 10,000 tools
 * (issue 18). What does not arrive is read per origin with missingTargets() / missingPairs().
 */
export interface ConsentArrivals {
  total: number;
  arrived: number;
}

/** The hubs and senders one origin's consent type must reach. */
export interface ConsentTargets {
  hubs: readonly string[];
  senders: readonly string[];
}

export interface ConsentView {
  types: DataType[];
  origins: ConsentOrigin[];
  /** Links that carry a consent type (either direction of a bidirectional link). */
  links: Integration[];
  /** Where consent must arrive, by id: the hubs (in the facts' order) and the tools that message identified customers (not hubs, in id order). */
  hubs: string[];
  senders: string[];
  arrivals: ConsentArrivals;
  /** Whether a tool is one of the hubs or one of the senders above. */
  role(id: string): 'hub' | 'sender' | undefined;
  /** Of the hubs and senders its consent type `data` must reach (targets), those it reaches through automated links. */
  reached(origin: string, data: string): ReadonlySet<string>;
  /** Where the origin's consent type `data` must arrive (consent-not-synced's targets), each list in the order of the lists above. */
  targets(origin: string, data: string): ConsentTargets;
  /** In-scope touchpoints that capture a consent type that none of their tools holds. */
  unheld: { touchpoint: string; data: string }[];
}

export type HubReach = 'yes' | 'partly' | 'no' | 'not-held';

export interface ProvenanceRow {
  type: DataType;
  /** Tools the data starts in (no link brings it to them), sorted. */
  origins: string[];
  /** Other tools that hold a copy, sorted. */
  holders: string[];
  reach: HubReach;
}

export type Readiness = 'personalized' | 'blind' | 'ready' | 'no-data' | 'no-tool' | 'unknown';

export interface ReadinessRow {
  touchpoint: Touchpoint;
  /** Its active tools that can personalize, sorted. */
  personalizing: string[];
  /** Hub data reaches one of its tools (a hub tool counts). */
  hubFed: boolean;
  /** Hub data types that reach its personalizing tools, sorted. */
  hubData: string[];
  /** Its personalizing tools that are not on their way out (retiring, or dropped as redundant), sorted. */
  keep: string[];
  readiness: Readiness;
}

export interface CustomerView {
  /** The workspace uses the customer's side at all (else nothing of it is shown). */
  used: boolean;
  lanes: PersonaLane[];
  consent?: ConsentView;
  provenance: ProvenanceRow[];
  /** First-party types held by some tool, and how many reach a hub (the assessment's figure). */
  firstParty: { total: number; reaching: number };
  /** Empty when no touchpoint says whether it is personalized. */
  readiness: ReadinessRow[];
  /** The ready touchpoints, in journey order: the first experiments. */
  experiments: ReadinessRow[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const live = (t: Tool | undefined): t is Tool => !!t && t.status !== 'retired';

/** `personas`: the workspace has personas; `consent`: it maps the customer's side and holds consent data. */
export function customerDiagramApplies(kind: 'personas' | 'consent', ws: Workspace): boolean {
  if (kind === 'personas') return ws.personas.length > 0;
  return usesCustomerSide(ws) && ws.dataTypes.some((d) => d.used && d.consent === true);
}

const views = new WeakMap<Workspace, { facts: Facts; view: CustomerView }>();

/**
 * The facts and the customer view of a workspace, worked out once per workspace (a workspace is
 * frozen): the report's pages, both sets of its pictures and the deck all read the same one.
 */
export function customerViewOf(ws: Workspace): { facts: Facts; view: CustomerView } {
  let v = views.get(ws);
  if (!v) {
    // The analysis's facts when it ran on this workspace (its customer side is then reused).
    const facts = customerSideFacts(ws) ?? computeFacts(ws);
    views.set(ws, (v = { facts, view: customerView(ws, facts) }));
  }
  return v;
}

export function customerView(ws: Workspace, facts: Facts = computeFacts(ws)): CustomerView {
  // The definitions are the rules' and the assessment's (src/analysis/customer.ts): origins,
  // "reaches" (automated links), senders, readiness, tools on their way out.
  const cs = customerSide(ws, facts);
  const used = cs.used;
  const stageIndex = new Map(ws.stages.map((s, i) => [s.id, i]));
  const byJourney = (a: Touchpoint, b: Touchpoint) => (stageIndex.get(a.stage) ?? 0) - (stageIndex.get(b.stage) ?? 0) || cmp(a.id, b.id);
  const tool = (id: string) => ws.index.toolById.get(id);
  const tpReachesHub = (tp: Touchpoint) => tp.tools.some((id) => live(tool(id)) && facts.connectedToHub(id));

  // ---- personas ------------------------------------------------------------------------------
  const lanes: PersonaLane[] = ws.personas.map((persona) => {
    const met = ws.touchpoints.filter((tp) => tp.inScope && meetsPersona(tp, persona));
    // Its stages, and any stage where it is met although not listed (the loader warns about those).
    const stageIds = new Set([...persona.stages, ...met.map((tp) => tp.stage)]);
    const stages = ws.stages.filter((s) => stageIds.has(s.id))
      .map((stage) => ({ stage, touchpoints: met.filter((tp) => tp.stage === stage.id).sort(byJourney) }));
    return {
      persona, stages,
      touchpoints: met.length,
      reaching: met.filter(tpReachesHub).length,
      gaps: stages.filter((s) => s.touchpoints.length === 0).map((s) => s.stage.id),
    };
  });

  // ---- where each data type starts, who holds it, whether it reaches a hub -------------------
  const capturedAt = (toolId: string, d: string) => facts.touchpointsServed(toolId).some((tp) => tp.inScope && tp.captures.includes(d));
  // Who holds each data type, from one pass over the tools (not one per data type); a set, as a tool may list a type twice.
  const held = new Map<string, Set<string>>();
  for (const t of ws.tools) {
    if (t.status !== 'active' && t.status !== 'pilot') continue;
    for (const d of t.data) (held.get(d) ?? held.set(d, new Set()).get(d)!).add(t.id);
  }
  const holdersOf = (d: string) => [...(held.get(d) ?? [])].sort(cmp);
  const provenance: ProvenanceRow[] = ws.dataTypes.filter((d) => d.used).map((type) => {
    const holders = holdersOf(type.id);
    // Where it starts: the rules' origins (no link brings it from a tool that holds it), and the
    // tools that hold it at a touchpoint capturing it (two tools that sync both ways are neither
    // an origin for the rules, yet the customer gives the data at each of them).
    const origins = holders.filter((id) => cs.isOrigin(id, type.id) || capturedAt(id, type.id));
    const from = origins.length ? origins : holders;
    const reached = from.filter((id) => facts.reachesHub(id, type.id)).length;
    const reach: HubReach = !holders.length ? 'not-held' : reached === from.length ? 'yes' : reached ? 'partly' : 'no';
    const isOrigin = new Set(origins);
    return { type, origins, holders: holders.filter((id) => !isOrigin.has(id)), reach };
  });
  const fp = provenance.filter((r) => r.type.party === 'first' && r.reach !== 'not-held');
  const firstParty = { total: fp.length, reaching: fp.filter((r) => r.reach !== 'no').length };

  // ---- consent: where opt-outs start and where they must arrive ------------------------------
  let consent: ConsentView | undefined;
  const consentTypes = ws.dataTypes.filter((d) => d.used && cs.isConsent(d.id));
  if (consentTypes.length) {
    const ids = new Set(consentTypes.map((d) => d.id));
    const originMap = new Map<string, ConsentOrigin>();
    const unheld: ConsentView['unheld'] = [];
    for (const row of provenance.filter((r) => ids.has(r.type.id))) {
      for (const o of row.origins) {
        const entry = originMap.get(o) ?? { tool: o, data: [], touchpoints: [] };
        entry.data.push(row.type.id);
        originMap.set(o, entry);
      }
    }
    for (const tp of ws.touchpoints.filter((x) => x.inScope)) {
      for (const d of tp.captures.filter((x) => ids.has(x))) {
        const at = tp.tools.filter((id) => live(tool(id)) && tool(id)!.data.includes(d));
        if (!at.length) unheld.push({ touchpoint: tp.id, data: d });
        for (const id of at) {
          const o = originMap.get(id);
          if (o && !o.touchpoints.includes(tp.id)) o.touchpoints.push(tp.id);
        }
      }
    }
    const origins = [...originMap.values()].sort((a, b) => cmp(a.tool, b.tool));
    for (const o of origins) { o.data.sort(cmp); o.touchpoints.sort(cmp); }
    const hubs = facts.hubs.map((h) => h.id);
    const senders = cs.senders.filter((t) => !facts.isHub(t.id)).map((t) => t.id);
    const roles = new Map<string, 'hub' | 'sender'>([...hubs.map((id) => [id, 'hub'] as const), ...senders.map((id) => [id, 'sender'] as const)]);
    const role = (id: string) => roles.get(id);
    // Per origin and type, where it must arrive: the same targets as consent-not-synced (the hub
    // the origin feeds and the senders holding the same people; customer.ts consentTargets), so
    // the picture and the findings name the same tools. The few it reaches are kept. The types of
    // an origin that must arrive at the same places share one ConsentTargets (an origin of a large
    // stack must reach a thousand senders: one list, not one per type; missingTargets counts on it).
    const reachedMap = new Map<string, ReadonlySet<string>>();
    const targetsMap = new Map<string, ConsentTargets>();
    const arrivals: ConsentArrivals = { total: 0, arrived: 0 };
    const shared = new WeakMap<object, ConsentTargets>();
    for (const o of origins) {
      for (const d of o.data) {
        const want = cs.consentTargets(o.tool, d);
        let t = shared.get(want);
        if (!t) {
          const wantHubs = new Set(want.hubs);
          t = { hubs: hubs.filter((id) => wantHubs.has(id)), senders: want.senders.filter((id) => roles.get(id) === 'sender') };
          shared.set(want, t);
        }
        const reached = new Set<string>();
        for (const id of cs.reachedFrom(o.tool, d)) if (isTarget(t, id)) reached.add(id);
        reachedMap.set(`${o.tool}\u0000${d}`, reached);
        targetsMap.set(`${o.tool}\u0000${d}`, t);
        // The hubs and the senders are two lists of distinct tools, none in both.
        arrivals.total += t.hubs.length + t.senders.length;
        arrivals.arrived += reached.size;
      }
    }
    const none: ReadonlySet<string> = new Set();
    const noTargets: ConsentTargets = { hubs: [], senders: [] };
    const reached = (origin: string, d: string) => reachedMap.get(`${origin}\u0000${d}`) ?? none;
    const targets = (origin: string, d: string) => targetsMap.get(`${origin}\u0000${d}`) ?? noTargets;
    const links = ws.integrations.filter((i) => facts.carried(i, 'forward').some((d) => ids.has(d))
      || (i.bidirectional && facts.carried(i, 'backward').some((d) => ids.has(d))));
    consent = { types: consentTypes, origins, links, hubs, senders, arrivals, role, reached, targets, unheld };
  }

  // ---- personalization readiness (the assessment's: in-scope touchpoints with tools) ---------
  const readiness: ReadinessRow[] = [];
  if (used && ws.touchpoints.some((tp) => tp.personalized !== undefined)) {
    for (const tp of ws.touchpoints.filter((x) => x.inScope && x.tools.length).sort(byJourney)) {
      const r = cs.readiness(tp);
      // With no hub at all nothing is "blind" per touchpoint (no-customer-hub says it once).
      const state: Readiness = r.state === 'blind' && !facts.hubs.length ? 'personalized' : r.state;
      // What it could personalize with: hub data that arrives, not consent choices (they decide whether, not what).
      const hubData = [...new Set(r.personalizing.flatMap((id) => cs.hubDataTypes(id)))].filter((d) => !cs.isConsent(d)).sort(cmp);
      const personalizing = [...r.personalizing].sort(cmp);
      readiness.push({ touchpoint: tp, personalizing, hubFed: r.hubData, hubData, readiness: state, keep: personalizing.filter((id) => !cs.dropped(id)) });
    }
  }
  // Never an experiment on a tool on its way out (retiring, or dropped as redundant).
  const experiments = readiness.filter((r) => r.readiness === 'ready' && r.keep.length > 0);
  return { used, lanes, consent, provenance, firstParty, readiness, experiments };
}

/** How fresh a touchpoint needs data, for the tables ("realtime" when `realtime: true`). */
export function needsOf(tp: Touchpoint): Freshness | undefined {
  return tp.needs ?? (tp.realtime ? 'realtime' : undefined);
}

/** `id` is one of the hubs or senders of `t` (its senders are in id order: a binary search). */
function isTarget(t: ConsentTargets, id: string): boolean {
  if (t.hubs.includes(id)) return true;
  let lo = 0;
  let hi = t.senders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cmp(t.senders[mid], id);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * The hubs or senders (or both: `role` left out) that some consent type of `origin` does not
 * reach, each once, in the order the pages list them (its types in order, for each the hubs then
 * the senders): the first `limit`, and how many there are in all. An origin misses nearly every
 * sender of a large stack, so the whole list is the product of origins and senders (millions at
 * 10,000 tools): pages ask for a few and say how many more.
 */
export function missingTargets(c: ConsentView, origin: ConsentOrigin, role?: 'hub' | 'sender', limit = Number.POSITIVE_INFINITY): { ids: string[]; total: number } {
  const lists = (t: ConsentTargets) => (role === 'hub' ? [t.hubs] : role === 'sender' ? [t.senders] : [t.hubs, t.senders]);
  const ts = origin.data.map((d) => c.targets(origin.tool, d));
  const reached = origin.data.map((d) => c.reached(origin.tool, d));
  if (!ts.length) return { ids: [], total: 0 };
  if (ts.every((t) => t === ts[0])) {
    // Every type must arrive at the same places (the usual case, and the only one of a large
    // stack): counted from the few places they reach, never by walking the thousand they miss.
    // A target is missed by type k, and listed then, when k does not reach it and every type
    // before k does.
    const t = ts[0];
    const ids: string[] = [];
    for (let k = 0; k < reached.length && ids.length < limit; k++) {
      for (const list of lists(t)) {
        for (const id of list) {
          if (ids.length >= limit) break;
          if (id === origin.tool || reached[k].has(id)) continue;
          let before = true;
          for (let j = 0; j < k && before; j++) before = reached[j].has(id);
          if (before) ids.push(id);
        }
      }
    }
    const inRole = (id: string) => (role === 'hub' ? t.hubs.includes(id) : role === 'sender' ? !t.hubs.includes(id) && isTarget(t, id) : isTarget(t, id));
    let total = lists(t).reduce((n, l) => n + l.length, 0) - (inRole(origin.tool) ? 1 : 0);
    // Less those every type reaches.
    if (reached.length) for (const id of reached[0]) if (id !== origin.tool && inRole(id) && reached.every((r) => r.has(id))) total--;
    return { ids, total };
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  origin.data.forEach((_, k) => {
    for (const list of lists(ts[k])) {
      for (const id of list) {
        if (id === origin.tool || reached[k].has(id) || seen.has(id)) continue;
        seen.add(id);
        if (ids.length < limit) ids.push(id);
      }
    }
  });
  return { ids, total: seen.size };
}

/** The consent types of `origin` that miss at least one hub or sender it must reach, in the origin's order. */
export function missingTypes(c: ConsentView, origin: ConsentOrigin): string[] {
  return origin.data.filter((d) => {
    const t = c.targets(origin.tool, d);
    return c.reached(origin.tool, d).size < t.hubs.length + t.senders.length;
  });
}

/** How many (origin, hub or sender) pairs miss at least one consent type: the red arrows of the consent picture. */
export function missingPairCount(c: ConsentView): number {
  let n = 0;
  for (const o of c.origins) n += missingTargets(c, o, undefined, 0).total;
  return n;
}
