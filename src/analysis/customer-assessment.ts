// The customer's side of the assessment (rules.md, after the revision-2 rules): coverage per
// persona, the share of first-party data types that reach a hub, the personalization readiness of
// the journey, where each data type comes from, and the questions for what the workspace does not
// say (never a guess). Only for a workspace that maps the customer's side (customer.ts
// `usesCustomerSide`): a version-1 workspace gets none of it and audits exactly as before.
import { meetsPersona, type Workspace } from '../model/model.js';
import type { DataParty, Freshness } from '../model/vocabulary.js';
import { customerSide } from './customer.js';
import type { OpenQuestion } from './coverage.js';
import type { Facts } from './facts.js';
import type { Words } from './words.js';
import { isMedia } from '../catalog/index.js';

/** How much of a persona's journey reaches the customer view. */
export interface PersonaCoverage {
  persona: string;
  name: string;
  /** The stages it goes through, in journey order. */
  stages: string[];
  /** In-scope touchpoints that meet it (a touchpoint without `personas` meets everyone). */
  touchpoints: number;
  /** Of those, how many have a tool that is a hub or connected to one by automated links. */
  reaching: number;
  /** reaching / touchpoints; null when it meets no in-scope touchpoint. */
  share: number | null;
  /** Stages it goes through with no in-scope touchpoint for it (persona-gap, or an empty stage). */
  gaps: string[];
}

/** One customer data type: what it is, where it starts, whether it reaches a hub. */
export interface DataProvenance {
  id: string;
  name: string;
  /** undefined: not said (and not in the built-in vocabulary): a question. */
  party?: DataParty;
  personal?: boolean;
  consent?: boolean;
  /** The use restriction in words, when it has one. */
  restricted?: string;
  /** Active or pilot tools it originates in, sorted. */
  origins: string[];
  /** Other active or pilot tools that hold a copy, sorted. */
  copies: string[];
  /** Held by some active or pilot tool and reaching a hub from one of them (hubs: always). */
  reachesHub: boolean;
}

export interface TouchpointReadiness {
  touchpoint: string;
  stage: string;
  /** See customer.ts `Readiness`. */
  state: 'personalized' | 'blind' | 'ready' | 'no-data' | 'no-tool' | 'unknown';
  /** Its tools that can personalize, sorted. */
  personalizing: string[];
  /** Hub data reaches one of its tools. */
  hubData: boolean;
  needs?: Freshness;
}

export interface CustomerAssessment {
  personas: PersonaCoverage[];
  /** First-party data types held by customer-data tools and how many reach a hub. */
  firstParty: { total: number; reaching: number; share: number | null; missing: string[] };
  /** Every data type in use, sorted by id. */
  dataTypes: DataProvenance[];
  /** In-scope touchpoints with tools, by readiness; `counts` per state. */
  personalization: { touchpoints: TouchpointReadiness[]; counts: Record<TouchpointReadiness['state'], number> };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function assessCustomer(ws: Workspace, facts: Facts, words: Words): CustomerAssessment | undefined {
  const cs = customerSide(ws, facts);
  if (!cs.used) return undefined;
  const live = (id: string) => {
    const x = ws.index.toolById.get(id);
    return x !== undefined && (x.status === 'active' || x.status === 'pilot');
  };
  const tpReaches = (tools: readonly string[]) => tools.some((id) => ws.index.toolById.get(id)?.status !== 'retired' && facts.connectedToHub(id));

  const personas: PersonaCoverage[] = ws.personas.map((p) => {
    const tps = ws.touchpoints.filter((tp) => tp.inScope && meetsPersona(tp, p));
    const reaching = tps.filter((tp) => tpReaches(tp.tools)).length;
    const gaps = p.stages.filter((s) => !tps.some((tp) => tp.stage === s));
    return { persona: p.id, name: p.name, stages: [...p.stages], touchpoints: tps.length, reaching, share: tps.length ? round(reaching / tps.length) : null, gaps };
  });

  // Who holds each data type, from one pass over the tools (not one per data type); a set, as a tool may list a type twice.
  const holdersOf = new Map<string, Set<string>>();
  for (const x of ws.tools) {
    if (!live(x.id)) continue;
    for (const d of x.data) (holdersOf.get(d) ?? holdersOf.set(d, new Set()).get(d)!).add(x.id);
  }
  const dataTypes: DataProvenance[] = ws.dataTypes.filter((d) => d.used).map((d) => {
    const holders = [...(holdersOf.get(d.id) ?? [])].sort();
    const origins = holders.filter((id) => cs.isOrigin(id, d.id));
    const originSet = new Set(origins);
    const restricted = cs.restriction(d.id);
    return {
      id: d.id, name: words.type(d.id),
      ...(d.party ? { party: d.party } : {}),
      ...(d.personal !== undefined ? { personal: d.personal } : {}),
      ...(d.consent !== undefined ? { consent: d.consent } : {}),
      ...(restricted ? { restricted } : {}),
      origins, copies: holders.filter((id) => !originSet.has(id)),
      reachesHub: holders.some((id) => facts.reachesHub(id, d.id)),
    };
  });
  // Restricted data must not flow: it is never missing from the shared view (the same reading as the coverage).
  const firstHeld = dataTypes.filter((d) => d.party === 'first' && !d.restricted && d.origins.length + d.copies.length > 0);
  const firstReaching = firstHeld.filter((d) => d.reachesHub).length;

  const counts: CustomerAssessment['personalization']['counts'] = { personalized: 0, blind: 0, ready: 0, 'no-data': 0, 'no-tool': 0, unknown: 0 };
  const touchpoints: TouchpointReadiness[] = [];
  for (const tp of ws.touchpoints) {
    if (!tp.inScope || !tp.tools.length) continue;
    const r = cs.readiness(tp);
    // With no hub at all nothing is "blind" per touchpoint (no-customer-hub says it once).
    const state = r.state === 'blind' && !facts.hubs.length ? 'personalized' : r.state;
    counts[state]++;
    touchpoints.push({ touchpoint: tp.id, stage: tp.stage, state, personalizing: r.personalizing, hubData: r.hubData, ...(tp.needs ? { needs: tp.needs } : {}) });
  }

  return {
    personas,
    firstParty: { total: firstHeld.length, reaching: firstReaching, share: firstHeld.length ? round(firstReaching / firstHeld.length) : null, missing: firstHeld.filter((d) => !d.reachesHub).map((d) => d.id) },
    dataTypes,
    personalization: { touchpoints, counts },
  };
}

/**
 * What the customer's side could not see, as questions for the next interview (rules.md: a rule
 * whose field is absent raises nothing and adds a completeness question instead). Questions the
 * workspace already asks are not repeated.
 */
export function customerQuestions(ws: Workspace, facts: Facts, words: Words): OpenQuestion[] {
  const cs = customerSide(ws, facts);
  if (!cs.used) return [];
  const asked = new Set(ws.questions.map((q) => `${q.about}|${q.field ?? ''}`));
  const askedWhole = new Set(ws.questions.filter((q) => !q.field).map((q) => q.about));
  const out: OpenQuestion[] = [];
  const ask = (about: string, field: string, key: string, params: Record<string, string>, owner?: string) => {
    if (asked.has(`${about}|${field}`) || askedWhole.has(about)) return;
    out.push({ about, field, text: words.tr.t(key, params), ...(owner ? { ask: owner } : {}), source: 'customer' });
  };
  if (!ws.personas.length) ask('organization', 'personas', 'customer.question.personas', {});
  for (const tp of ws.touchpoints) {
    if (!tp.inScope || !tp.tools.length) continue;
    const r = cs.readiness(tp);
    if (tp.personalized === undefined && r.personalizing.length) ask(`touchpoint:${tp.id}`, 'personalized', 'customer.question.personalized', { touchpoint: tp.name }, tp.owner);
    if (tp.needs === undefined && (tp.conversational || r.personalizing.length)) ask(`touchpoint:${tp.id}`, 'needs', 'customer.question.needs', { touchpoint: tp.name }, tp.owner);
  }
  for (const d of ws.dataTypes) {
    if (!d.used) continue;
    const name = words.type(d.id);
    if (d.party === undefined) ask(`data:${d.id}`, 'party', 'customer.question.party', { data: name });
    if ((d.party === 'second' || d.party === 'third') && d.restricted === undefined) ask(`data:${d.id}`, 'restricted', 'customer.question.restricted', { data: name });
  }
  for (const x of ws.tools) {
    if (x.status === 'retired' || x.thirdPartyCookies !== undefined) continue;
    if (x.primaryCapabilities.some((c) => isMedia(c))) ask(`tool:${x.id}`, 'third_party_cookies', 'customer.question.third-party-cookies', { tool: x.name }, x.owner);
  }
  return out;
}
