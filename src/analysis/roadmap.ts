// Audit step 5: the roadmap (rules.md "Roadmap"). Initiatives are generated from the findings with
// stable ids, merged with the authored ones in `strategy` (authored wins; `status: rejected`
// drops what it claims), ordered so that dependencies come first and, within a phase, the widest
// impact first, then scheduled from a start month and timed to land before the renewals they save.
//
// The library never reads the clock: the start month comes from the caller (`start`, or `now`
// together with the strategy's own start months).
import { dataTypeName, list, t } from '../i18n/index.js';
import { capabilityName } from '../catalog/index.js';
import { SEVERITY_RANK, type InitiativeKind, type Level, type ReviewCadence } from '../workspace/vocabulary.js';
import type { AuthoredInitiative, Tool, Workspace } from '../model/model.js';
import type { Facts } from './facts.js';
import type { Finding, Initiative, Roadmap } from './types.js';
import { someOf, tCount, toMajor, toMinor } from './assess.js';

// ---- months ---------------------------------------------------------------------------------

/** "2027-03" -> months since year 0. */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}
export function monthString(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
export function addMonths(month: string, n: number): string {
  return monthString(monthIndex(month) + n);
}

const CADENCE_MONTHS: Record<ReviewCadence, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

// ---- types ----------------------------------------------------------------------------------

export interface RoadmapOptions {
  /** Explicit first month of the roadmap (YYYY-MM), e.g. from `--start`. Wins over everything. */
  start?: string;
  /** The current month (YYYY-MM), passed in by the caller; the library never reads the clock. */
  now?: string;
  /** The effective assessment level (after a consultant's override). */
  level?: Level;
}

export interface RenewalRef { tool: string; month: string; cost?: number; met: boolean; missed?: string }

export interface PlannedInitiative extends Initiative {
  /** Position in the suggested order (1-based). */
  order: number;
  /** Touchpoints served + integrations of the tools it changes: what depends on it. */
  impact: number;
  end?: string;
  /** The renewal this initiative is timed to land before (retire, consolidate, licences). */
  renewal?: RenewalRef;
  notes?: string;
}

export interface UpcomingRenewal {
  tool: string;
  name: string;
  month: string;
  /** Annual cost in major units, when known. */
  cost?: number;
  /** The initiative timed to act before it, if any. */
  initiative?: string;
}

export interface FullRoadmap extends Roadmap {
  start?: string;
  nextReview?: string;
  initiatives: PlannedInitiative[];
  renewals: UpcomingRenewal[];
  /** Authored initiatives with status rejected and what they dropped. */
  rejected: { id: string; title: string; drops: string[]; notes?: string }[];
  /** Generated initiatives left out because an authored one covers them. */
  replaced: { id: string; by: string }[];
  /** Sum of the initiatives' savings (major units). */
  totalSaving: number;
  /** Findings (at least low) that no initiative answers. */
  unaddressed: string[];
}

interface Draft {
  id: string;
  kind: InitiativeKind;
  phase: 1 | 2 | 3;
  title: string;
  addresses: Set<string>;
  /** Tools the initiative changes, in a meaningful order (subject first). */
  tools: string[];
  /** The tools it is about (not the hub it connects them to): used for claims and dependencies. */
  subjects: string[];
  owner?: string;
  stakeholders: Set<string>;
  /** Departments touched beyond the tools' own (touchpoints, data). */
  extraDepartments: Set<string>;
  savingMinor?: number;
  months: number;
  dependsOn: Set<string>;
  pilot: boolean;
  /** Tools whose renewal the initiative saves. */
  renewalTools: string[];
  source: 'generated' | 'authored';
  status: Initiative['status'];
  start?: string;
  notes?: string;
  /** Neighbour departments count (retire / consolidate / replatform change what flows to others). */
  touchesNeighbours: boolean;
  /** The data the initiative moves, when narrower than what its tools hold. */
  flowData?: string[];
  /** What depends on the tools it changes (set before ordering). */
  impact: number;
}

const DEFAULT_MONTHS: Record<InitiativeKind, number> = {
  retire: 1, consolidate: 3, integrate: 2, replatform: 9, pilot: 3, governance: 1, process: 2, other: 2,
};
const DEFAULT_PHASE: Record<InitiativeKind, 1 | 2 | 3> = {
  retire: 1, governance: 1, process: 1, integrate: 2, other: 2, consolidate: 3, replatform: 3, pilot: 3,
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value (ties: the smallest id), or undefined. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))[0]?.[0];
}
const subjectOf = (findingId: string) => findingId.slice(findingId.indexOf(':') + 1);

// ---- build ----------------------------------------------------------------------------------

export function buildRoadmap(ws: Workspace, facts: Facts, findings: readonly Finding[], opts: RoadmapOptions = {}): FullRoadmap {
  const tool = (id: string): Tool | undefined => ws.index.toolById.get(id);
  const name = (id: string) => tool(id)?.name ?? id;
  const drafts = new Map<string, Draft>();
  const level = opts.level;

  const draft = (id: string, init: () => Omit<Draft, 'id' | 'addresses' | 'stakeholders' | 'extraDepartments' | 'dependsOn' | 'source' | 'status' | 'pilot' | 'renewalTools' | 'touchesNeighbours' | 'impact'> & Partial<Pick<Draft, 'pilot' | 'renewalTools' | 'touchesNeighbours'>>): Draft => {
    let d = drafts.get(id);
    if (!d) {
      const x = init();
      d = {
        id, addresses: new Set(), stakeholders: new Set(), extraDepartments: new Set(), dependsOn: new Set(),
        source: 'generated', status: 'proposed', pilot: false, renewalTools: [], touchesNeighbours: false, impact: 0, ...x,
      };
      drafts.set(id, d);
      indexSubjects(d);
    }
    return d;
  };
  // tool id -> drafts about it (for attaching findings without scanning every draft)
  const bySubject = new Map<string, Draft[]>();
  function indexSubjects(d: Draft): void {
    for (const s of d.subjects) {
      const l = bySubject.get(s);
      if (!l) bySubject.set(s, [d]);
      else if (!l.includes(d)) l.push(d);
    }
  }
  const about = (toolId: string, pred: (d: Draft) => boolean): Draft | undefined =>
    bySubject.get(toolId)?.find((d) => drafts.get(d.id) === d && pred(d));

  // The hub a tool's data should go to: a hub already in its component, else the hub holding most
  // of its data types, else the hub with the widest impact.
  // Memoised by component and data: thousands of tools share a handful of answers.
  const hubMemo = new Map<string, Tool | undefined>();
  const hubFor = (toolIds: readonly string[]): Tool | undefined => {
    if (!facts.hubs.length) return undefined;
    const comp = toolIds.length ? facts.componentOf(toolIds[0]) : undefined;
    const data = new Set(toolIds.flatMap((id) => tool(id)?.data ?? []));
    const key = `${comp?.hasHub ? comp.index : -1}|${[...data].sort(byId).join(',')}`;
    if (hubMemo.has(key)) return hubMemo.get(key);
    const candidates = comp?.hasHub ? facts.hubs.filter((h) => comp.hubs.includes(h.id)) : facts.hubs;
    const ranked = candidates.map((h) => ({ h, shared: h.data.filter((d) => data.has(d)).length, impact: facts.impact(h.id) }))
      .sort((a, b) => b.shared - a.shared || b.impact - a.impact || byId(a.h.id, b.h.id));
    hubMemo.set(key, ranked[0]?.h);
    return ranked[0]?.h;
  };
  const keeperOf = (ids: readonly string[]): string => ids.map((id) => ({
    id, hub: Number(facts.isHub(id)), degree: facts.degree(id), cost: tool(id)?.annualCostMinor ?? Infinity,
  })).sort((a, b) => b.hub - a.hub || b.degree - a.degree || a.cost - b.cost || byId(a.id, b.id))[0].id;
  const toolEntities = (f: Finding): string[] => [...new Set(f.entities.filter((e) => e.kind === 'tool').map((e) => e.id))].filter((id) => tool(id));
  const retireMonths = (id: string) => 1 + (facts.touchpointsServed(id).length ? 1 : 0) + (facts.degree(id) ? 1 : 0);

  const relevant = findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.low);
  const byRule = new Map<string, Finding[]>();
  for (const f of [...relevant].sort((a, b) => byId(a.id, b.id))) (byRule.get(f.rule) ?? byRule.set(f.rule, []).get(f.rule)!).push(f);
  const of = (rule: Finding['rule']): Finding[] => byRule.get(rule) ?? [];
  const replatforming = level === 'replatform';
  const customerData = new Set(facts.customerDataTools.map((x) => x.id));

  // ---- phase 1: quick wins --------------------------------------------------------------------
  const retire = (f: Finding, id: string, key: string) => {
    const x = tool(id);
    if (!x) return;
    const d = draft(`retire-${id}`, () => ({
      kind: 'retire', phase: 1, title: t(key, { tool: x.name }), tools: [id], subjects: [id], owner: x.owner,
      months: retireMonths(id), renewalTools: [id], touchesNeighbours: true,
      savingMinor: x.annualCostMinor && x.status !== 'retired' ? x.annualCostMinor : undefined,
    }));
    d.addresses.add(f.id);
  };
  for (const f of of('redundant-tool')) {
    const id = subjectOf(f.id);
    retire(f, id, 'roadmap.title.retire-redundant');
    // The tools taking over change too (their owners become stakeholders).
    const takers = toolEntities(f).filter((x) => x !== id);
    const d = drafts.get(`retire-${id}`);
    if (d) for (const x of takers) if (!d.tools.includes(x)) d.tools.push(x);
  }
  for (const f of of('orphan-tool')) retire(f, subjectOf(f.id), 'roadmap.title.retire-orphan');
  for (const f of of('retired-tool-in-use')) {
    const id = subjectOf(f.id);
    if (drafts.has(`retire-${id}`)) drafts.get(`retire-${id}`)!.addresses.add(f.id);
    else retire(f, id, 'roadmap.title.retire-finish');
  }
  for (const f of of('underused-license')) {
    const id = subjectOf(f.id);
    const x = tool(id);
    if (!x) continue;
    const r = drafts.get(`retire-${id}`);
    if (r) {
      r.addresses.add(f.id);
      continue;
    }
    const licensed = x.seats?.licensed ?? 0;
    const active = x.seats?.active ?? 0;
    const target = Math.min(licensed, Math.max(1, Math.ceil(active * 1.1)));
    const saving = x.annualCostMinor && licensed > 0 ? Math.round((x.annualCostMinor * (licensed - target)) / licensed) : undefined;
    draft(`license-${id}`, () => ({
      kind: 'governance', phase: 1, title: t('roadmap.title.license', { tool: x.name, from: licensed, to: target }),
      tools: [id], subjects: [id], owner: x.owner, months: 1, renewalTools: [id], savingMinor: saving || undefined,
    })).addresses.add(f.id);
  }
  for (const f of [...of('source-of-truth-conflict'), ...of('no-source-of-truth')]) {
    const data = subjectOf(f.id);
    const holders = facts.customerDataTools.filter((x) => x.data.includes(data)).map((x) => x.id);
    // A tool on its way out is no source of truth.
    const staying = holders.filter((id) => !drafts.has(`retire-${id}`));
    const eligible = staying.length ? staying : holders;
    const claimants = eligible.filter((id) => tool(id)!.sourceOfTruth.includes(data));
    const pool = eligible.filter((id) => facts.isHub(id));
    const proposed = [...(pool.length ? pool : claimants.length ? claimants : eligible)]
      .sort((a, b) => facts.impact(b) - facts.impact(a) || byId(a, b))[0];
    const tools = proposed ? [proposed, ...holders.filter((id) => id !== proposed)] : toolEntities(f);
    const d = draft(`designate-sot-${data}`, () => ({
      kind: 'governance', phase: 1,
      title: proposed ? t('roadmap.title.designate-sot', { data: dataTypeName(data), tool: name(proposed) }) : t('roadmap.title.designate-sot-open', { data: dataTypeName(data) }),
      tools, subjects: tools, owner: proposed ? tool(proposed)?.owner : undefined, months: 1,
    }));
    d.addresses.add(f.id);
  }
  for (const f of of('manual-integration')) {
    const [from, to] = subjectOf(f.id).split('+');
    if (!tool(from) || !tool(to)) continue;
    // Automating a hand-made transfer into a tool that is being retired is wasted work.
    const leaving = drafts.get(`retire-${from}`) ?? drafts.get(`retire-${to}`);
    if (leaving) {
      leaving.addresses.add(f.id);
      continue;
    }
    const owner = (facts.isHub(from) ? tool(from) : tool(to))?.owner ?? tool(from)?.owner;
    const carried = (ws.index.integrationsFrom.get(from) ?? []).filter((it) => it.to === to && it.mode === 'manual').flatMap((it) => facts.carried(it));
    draft(`replace-manual-${from}-${to}`, () => ({
      kind: 'integrate', phase: 1, title: t('roadmap.title.replace-manual', { from: name(from), to: name(to) }),
      tools: [from, to], subjects: [from, to], owner, months: 2, flowData: [...new Set(carried)],
    })).addresses.add(f.id);
  }

  // ---- phase 3 (first, because a replatform answers silos instead of connections) -------------
  const hubless = of('no-customer-hub');
  const siloFindings = [...of('data-silo'), ...of('isolated-cluster')];
  if (replatforming) {
    const siloed = facts.siloedTools.map((x) => x.id);
    const candidates = siloed.length ? siloed : facts.customerDataTools.map((x) => x.id);
    const perDept = new Map<string, string[]>();
    for (const id of candidates) {
      const o = tool(id)?.owner;
      if (!o) continue;
      (perDept.get(o) ?? perDept.set(o, []).get(o)!).push(id);
    }
    const dept = [...perDept.entries()].sort((a, b) => b[1].length - a[1].length
      || b[1].reduce((s, id) => s + facts.impact(id), 0) - a[1].reduce((s, id) => s + facts.impact(id), 0)
      || byId(a[0], b[0]))[0];
    const hubIds = facts.hubs.map((h) => h.id);
    const pilotTools = dept ? dept[1] : candidates.slice(0, 3);
    const pilotFindings = new Set(siloFindings.filter((f) => toolEntities(f).some((id) => pilotTools.includes(id))).map((f) => f.id));
    const deptName = dept ? ws.index.departmentById.get(dept[0])?.name ?? dept[0] : '';
    const pilot = draft('replatform-pilot', () => ({
      kind: 'pilot', phase: 3, title: dept ? t('roadmap.title.pilot', { department: deptName }) : t('roadmap.title.pilot-any'),
      tools: [...hubIds, ...pilotTools], subjects: pilotTools, owner: dept?.[0], months: 3, pilot: true, touchesNeighbours: true,
    }));
    for (const id of pilotFindings) pilot.addresses.add(id);
    for (const f of hubless) pilot.addresses.add(f.id);
    const allTools = [...new Set([...hubIds, ...candidates])];
    const rest = draft('replatform', () => ({
      kind: 'replatform', phase: 3, title: t('roadmap.title.replatform'), tools: allTools, subjects: candidates,
      owner: dept?.[0], months: Math.min(18, 6 + Math.ceil(candidates.length / 4)), touchesNeighbours: true,
    }));
    rest.dependsOn.add('replatform-pilot');
    for (const f of siloFindings) if (!pilotFindings.has(f.id)) rest.addresses.add(f.id);
    for (const f of hubless) rest.addresses.add(f.id);
    for (const f of of('disconnected-hubs')) rest.addresses.add(f.id);
  } else if (hubless.length) {
    const tools = [...facts.customerDataTools].sort((a, b) => facts.impact(b.id) - facts.impact(a.id) || byId(a.id, b.id)).map((x) => x.id);
    const d = draft('establish-hub', () => ({
      kind: 'integrate', phase: 2, title: t('roadmap.title.establish-hub', { tools: list(tools.slice(0, 3).map(name)) }),
      tools, subjects: tools, months: 4, touchesNeighbours: true,
      owner: tools.length ? tool(tools[0])?.owner : undefined,
    }));
    for (const f of hubless) d.addresses.add(f.id);
  }

  // ---- phase 2: integrate ---------------------------------------------------------------------
  if (!replatforming) {
    for (const f of of('isolated-cluster')) {
      const members = subjectOf(f.id).split('+').filter((id) => tool(id));
      if (!members.length) continue;
      if (!facts.hubs.length && drafts.has('establish-hub')) {
        drafts.get('establish-hub')!.addresses.add(f.id);
        continue;
      }
      const suggested = typeof f.details?.bridge === 'string' && members.includes(f.details.bridge) ? f.details.bridge : undefined;
      const bridge = suggested ?? [...members].sort((a, b) => Number(customerData.has(b)) - Number(customerData.has(a))
        || facts.impact(b) - facts.impact(a) || byId(a, b))[0];
      const hub = hubFor(members);
      const live = members.some((id) => facts.touchpointsServed(id).some((tp) => tp.realtime));
      const d = draft(`connect-${bridge}`, () => ({
        kind: 'integrate', phase: 2,
        title: hub ? t('roadmap.title.connect-island', { tools: list(members.map(name)), hub: hub.name, bridge: name(bridge) })
          : t('roadmap.title.connect-any', { tool: name(bridge) }),
        tools: hub ? [bridge, hub.id, ...members.filter((m) => m !== bridge)] : members, subjects: members,
        owner: tool(bridge)?.owner, months: 3 + (live ? 1 : 0),
      }));
      for (const m of members) if (!d.subjects.includes(m)) d.subjects.push(m);
      indexSubjects(d);
      d.addresses.add(f.id);
    }
    for (const f of of('data-silo')) {
      const id = subjectOf(f.id);
      const x = tool(id);
      if (!x) continue;
      // Retiring the tool ends the silo too; a tool in an island is connected through the island's bridge.
      const home = drafts.get(`retire-${id}`) ?? about(id, (d) => d.id.startsWith('connect-')) ?? (facts.hubs.length ? undefined : drafts.get('establish-hub'));
      if (home) {
        home.addresses.add(f.id);
        continue;
      }
      const hub = hubFor([id]);
      const live = facts.touchpointsServed(id).some((tp) => tp.realtime);
      draft(`connect-${id}`, () => ({
        kind: 'integrate', phase: 2, title: hub ? t('roadmap.title.connect', { tool: x.name, hub: hub.name }) : t('roadmap.title.connect-any', { tool: x.name }),
        tools: hub ? [id, hub.id] : [id], subjects: [id], owner: x.owner, months: live ? 3 : 2,
      })).addresses.add(f.id);
    }
    for (const f of of('disconnected-hubs')) {
      const pair = subjectOf(f.id).split('+').filter((id) => tool(id));
      if (pair.length < 2) continue;
      const [a, b] = pair;
      draft(`connect-hubs-${a}-${b}`, () => ({
        kind: 'integrate', phase: 2, title: t('roadmap.title.connect-hubs', { a: name(a), b: name(b) }),
        tools: pair, subjects: pair, owner: tool(a)?.owner, months: 3,
      })).addresses.add(f.id);
    }
  }
  for (const f of of('trapped-data')) {
    const id = subjectOf(f.id);
    const x = tool(id);
    if (!x) continue;
    const existing = drafts.get(`retire-${id}`) ?? drafts.get(`connect-${id}`) ?? about(id, (d) => d.id.startsWith('connect-'));
    if (existing) {
      existing.addresses.add(f.id);
      continue;
    }
    const hub = hubFor([id]);
    const data = facts.trappedData(id);
    draft(`connect-${id}`, () => ({
      kind: 'integrate', phase: 2,
      title: t('roadmap.title.carry', { data: someOf(data.map(dataTypeName), 4), tool: x.name, hub: hub?.name ?? '' }),
      tools: hub ? [id, hub.id] : [id], subjects: [id], owner: x.owner, months: 2,
    })).addresses.add(f.id);
  }
  for (const f of of('realtime-gap')) {
    const tpId = subjectOf(f.id);
    const tp = ws.index.touchpointById.get(tpId);
    if (!tp) continue;
    const tools = tp.tools.filter((id) => tool(id));
    const hub = hubFor(tools);
    draft(`realtime-${tpId}`, () => ({
      kind: 'integrate', phase: 2, title: t('roadmap.title.realtime', { touchpoint: tp.name, hub: hub?.name ?? '' }),
      tools: hub && !tools.includes(hub.id) ? [...tools, hub.id] : tools, subjects: tools, owner: tp.owner, months: 2,
    })).addresses.add(f.id);
    if (tp.owner) drafts.get(`realtime-${tpId}`)!.extraDepartments.add(tp.owner);
  }
  for (const f of of('inconsistent-experience')) {
    const tpId = subjectOf(f.id);
    const tp = ws.index.touchpointById.get(tpId);
    if (!tp) continue;
    const tools = tp.tools.filter((id) => tool(id));
    const isHome = (d: Draft) => d.id.startsWith('connect-') || d.id.startsWith('replatform') || d.id === 'establish-hub' || d.id.startsWith('retire-');
    const home = tools.map((id) => about(id, isHome)).find(Boolean)
      ?? (replatforming ? drafts.get('replatform') : drafts.get('establish-hub'));
    if (home) {
      home.addresses.add(f.id);
      if (tp.owner) home.extraDepartments.add(tp.owner);
      continue;
    }
    const main = [...tools].sort((a, b) => facts.impact(b) - facts.impact(a) || byId(a, b))[0];
    if (!main) continue;
    const hub = hubFor([main]);
    const d = draft(`connect-${main}`, () => ({
      kind: 'integrate', phase: 2, title: hub ? t('roadmap.title.connect', { tool: name(main), hub: hub.name }) : t('roadmap.title.connect-any', { tool: name(main) }),
      tools: hub ? [main, hub.id] : [main], subjects: [main], owner: tool(main)?.owner, months: 2,
    }));
    d.addresses.add(f.id);
    if (tp.owner) d.extraDepartments.add(tp.owner);
  }
  for (const f of of('uncovered-touchpoint')) {
    const tpId = subjectOf(f.id);
    const tp = ws.index.touchpointById.get(tpId);
    if (!tp) continue;
    const hub = hubFor([]);
    const d = draft(`cover-${tpId}`, () => ({
      kind: 'process', phase: 2,
      title: hub ? t('roadmap.title.cover', { touchpoint: tp.name, hub: hub.name }) : t('roadmap.title.cover-any', { touchpoint: tp.name }),
      tools: hub ? [hub.id] : [], subjects: [], owner: tp.owner, months: 2,
    }));
    d.addresses.add(f.id);
    if (tp.owner) d.extraDepartments.add(tp.owner);
  }
  for (const f of of('empty-stage')) {
    const stageId = subjectOf(f.id);
    const stage = ws.index.stageById.get(stageId);
    const listed = ws.index.touchpointsByStage.get(stageId) ?? [];
    const d = draft(`cover-stage-${stageId}`, () => ({
      kind: 'process', phase: 2, title: t('roadmap.title.cover-stage', { stage: stage?.name ?? stageId }),
      tools: [], subjects: [], months: 2, owner: mostCommon(listed.map((tp) => tp.owner)),
    }));
    d.addresses.add(f.id);
    for (const tp of listed) if (tp.owner) d.extraDepartments.add(tp.owner);
  }
  // Touchpoints no analytics tool sees: one initiative for all of them (the fix is the same
  // tracking plan), owned by the department with most of them.
  const unmeasured = of('unmeasured-touchpoint').map((f) => ({ f, tp: ws.index.touchpointById.get(subjectOf(f.id)) })).filter((x) => x.tp);
  if (unmeasured.length) {
    // Whoever runs the analytics tools owns the tracking plan; else the department with most of the touchpoints.
    const analytics = facts.activeTools.filter((x) => facts.isMeasuringTool(x.id) && x.owner)
      .sort((a, b) => facts.impact(b.id) - facts.impact(a.id) || byId(a.id, b.id))[0];
    const owner = analytics?.owner ?? mostCommon(unmeasured.map(({ tp }) => tp!.owner));
    const tools = [...new Set(unmeasured.flatMap(({ tp }) => tp!.tools.filter((id) => tool(id))))];
    const d = draft('measure-touchpoints', () => ({
      kind: 'process', phase: 2,
      title: tCount('roadmap.title.measure', unmeasured.length, { count: unmeasured.length, touchpoints: someOf(unmeasured.map(({ tp }) => t('roadmap.quoted', { name: tp!.name })), 3) }),
      tools, subjects: tools, owner, months: Math.min(3, 1 + Math.floor(unmeasured.length / 4)),
    }));
    for (const { f, tp } of unmeasured) {
      d.addresses.add(f.id);
      if (tp!.owner) d.extraDepartments.add(tp!.owner);
    }
  }

  // ---- phase 3: consolidate overlapping capabilities ------------------------------------------
  // Overlaps between the same tools are one decision ("Intercom or Zendesk?"), not one per
  // capability: they are grouped by the tool to keep and the tools to phase out.
  const groups = new Map<string, { keeper: string; others: string[]; caps: string[]; findings: Finding[] }>();
  for (const f of of('capability-overlap')) {
    const cap = subjectOf(f.id);
    const tools = toolEntities(f);
    if (tools.length < 2) continue;
    const keeper = keeperOf(tools);
    const others = tools.filter((id) => id !== keeper).sort(byId);
    // When every other tool is being retired anyway, the retirements are the consolidation.
    const retiring = others.map((id) => drafts.get(`retire-${id}`));
    if (retiring.every(Boolean)) {
      for (const r of retiring) r!.addresses.add(f.id);
      continue;
    }
    // Replatforming: the new platform is where these capabilities end up.
    const migrating = replatforming ? drafts.get('replatform') : undefined;
    if (migrating && others.every((id) => migrating.subjects.includes(id))) {
      migrating.addresses.add(f.id);
      continue;
    }
    const k = `${keeper}|${others.join('+')}`;
    const g = groups.get(k) ?? groups.set(k, { keeper, others, caps: [], findings: [] }).get(k)!;
    g.caps.push(cap);
    g.findings.push(f);
  }
  for (const g of groups.values()) {
    const caps = [...g.caps].sort(byId);
    const category = (id: string) => tool(id)?.category;
    const lead = caps.find((c) => c === category(g.keeper)) ?? caps.find((c) => g.others.some((o) => category(o) === c)) ?? caps[0];
    const ordered = [lead, ...caps.filter((c) => c !== lead)];
    const params = { capability: someOf(ordered.map(capabilityName), 4), tool: name(g.keeper), others: list(g.others.map(name)) };
    // A migration when the overlap is a large part of what the other tools do; when it is a
    // side feature of them (sales forecasting in a call-recording tool), a decision on which
    // tool the team uses for it, with nothing to migrate or cancel.
    const substantial = g.others.some((id) => {
      const own = new Set(tool(id)?.capabilities ?? []);
      return own.size > 0 && caps.filter((c) => own.has(c)).length * 2 >= own.size;
    });
    const d = draft(`consolidate-${lead}`, () => (substantial ? {
      kind: 'consolidate' as const, phase: 3 as const, title: t('roadmap.title.consolidate', params),
      tools: [g.keeper, ...g.others], subjects: g.others, owner: tool(g.keeper)?.owner,
      months: Math.min(6, 2 + g.others.length), renewalTools: g.others.filter((id) => !drafts.has(`retire-${id}`)), touchesNeighbours: true,
    } : {
      kind: 'governance' as const, phase: 1 as const, title: t('roadmap.title.agree-on', params),
      tools: [g.keeper, ...g.others], subjects: g.others, owner: tool(g.keeper)?.owner, months: 1,
    }));
    for (const f of g.findings) d.addresses.add(f.id);
  }

  // ---- dependencies among generated initiatives -----------------------------------------------
  // Decide which record wins before syncing it; connect before consolidating or going live.
  const all = [...drafts.values()];
  const sotByData = new Map(all.filter((d) => d.id.startsWith('designate-sot-')).map((d) => [d.id.slice('designate-sot-'.length), d]));
  const isConnect = (d: Draft) => d.phase === 2 && d.id.startsWith('connect-');
  for (const d of all) {
    if (sotByData.size && (d.id.startsWith('connect-') || d.id === 'replatform-pilot' || d.id === 'establish-hub' || d.id.startsWith('replace-manual-'))) {
      const mine = new Set(d.tools);
      // The data the initiative moves: what a manual link carries, else what the tools being
      // connected hold (a hub's own data only when hubs are what is being connected).
      const own = d.subjects.filter((id) => !facts.isHub(id));
      const moved = d.flowData ?? (own.length ? own : d.subjects).flatMap((id) => tool(id)?.data ?? []);
      for (const data of new Set(moved)) {
        const s = sotByData.get(data);
        if (s?.tools.some((x) => mine.has(x))) d.dependsOn.add(s.id);
      }
    }
    if (d.kind === 'consolidate' || d.id.startsWith('realtime-')) {
      for (const id of new Set([...d.subjects, ...d.tools])) {
        for (const c of bySubject.get(id) ?? []) if (c !== d && drafts.get(c.id) === c && isConnect(c)) d.dependsOn.add(c.id);
      }
    }
  }

  // A redundant tool can go only once the tool taking over receives what it receives today:
  // when a tool that feeds it sits in another group of connected tools than the keeper, wait
  // for the connection that joins the two groups. (Components, not data paths: O(1) per link.)
  const connectsByComponent = new Map<number, Draft[]>();
  for (const c of all) {
    if (!isConnect(c)) continue;
    for (const comp of new Set(c.tools.filter((x) => tool(x)).map((x) => facts.componentOf(x).index))) {
      (connectsByComponent.get(comp) ?? connectsByComponent.set(comp, []).get(comp)!).push(c);
    }
  }
  for (const f of of('redundant-tool')) {
    const id = subjectOf(f.id);
    const d = drafts.get(`retire-${id}`);
    const keep = typeof f.details?.keep === 'string' ? f.details.keep : undefined;
    if (!d || !keep || !tool(keep)) continue;
    const keepSide = facts.componentOf(keep).index;
    const sources = new Set((ws.index.integrationsTo.get(id) ?? []).filter((it) => facts.carried(it).length)
      .map((it) => facts.componentOf(it.from).index).filter((x) => x !== keepSide));
    if (!sources.size) continue;
    for (const c of connectsByComponent.get(keepSide) ?? []) {
      if (c === d) continue;
      const comps = c.tools.filter((x) => tool(x)).map((x) => facts.componentOf(x).index);
      if (comps.some((x) => sources.has(x))) d.dependsOn.add(c.id);
    }
  }

  // ---- authored initiatives: merge by id, claims, rejections ----------------------------------
  const replaced: FullRoadmap['replaced'] = [];
  const rejected: FullRoadmap['rejected'] = [];
  const claims = (a: AuthoredInitiative, g: Draft): boolean =>
    a.id === g.id || (a.addresses.some((x) => g.addresses.has(x)) && g.subjects.length > 0 && g.subjects.every((s) => a.tools.includes(s)));
  const rename = new Map<string, string>();
  for (const a of ws.strategy.initiatives) {
    const claimed = [...drafts.values()].filter((g) => g.source === 'generated' && claims(a, g));
    if (a.status === 'rejected') {
      for (const g of claimed) drafts.delete(g.id);
      rejected.push({ id: a.id, title: a.title, drops: claimed.map((g) => g.id).sort(), ...(a.notes ? { notes: a.notes } : {}) });
      continue;
    }
    const same = claimed.find((g) => g.id === a.id);
    const kind = a.kind ?? same?.kind ?? 'other';
    const merged: Draft = {
      id: a.id, kind, phase: a.phase ?? same?.phase ?? DEFAULT_PHASE[kind], title: a.title,
      addresses: new Set([...a.addresses, ...claimed.flatMap((g) => [...g.addresses])]),
      tools: a.tools.length ? [...a.tools] : same?.tools ?? [],
      subjects: a.tools.length ? [...a.tools] : same?.subjects ?? [],
      owner: a.owner ?? same?.owner ?? (a.tools.length ? tool(a.tools[0])?.owner : undefined),
      stakeholders: new Set(a.stakeholders),
      extraDepartments: new Set(claimed.flatMap((g) => [...g.extraDepartments])),
      savingMinor: a.saving !== undefined ? toMinor(a.saving) : claimed.reduce<number | undefined>((s, g) => (g.savingMinor === undefined ? s : (s ?? 0) + g.savingMinor), undefined),
      months: a.months ?? same?.months ?? Math.max(DEFAULT_MONTHS[kind], ...claimed.map((g) => g.months)),
      dependsOn: new Set(a.dependsOn.length ? a.dependsOn : claimed.flatMap((g) => [...g.dependsOn])),
      pilot: a.pilot ?? same?.pilot ?? kind === 'pilot',
      renewalTools: [...new Set(claimed.flatMap((g) => g.renewalTools).concat(kind === 'retire' || kind === 'consolidate' ? a.tools.filter((id) => !facts.isHub(id) && id !== keeperOf(a.tools)) : []))],
      source: 'authored', status: a.status ?? 'proposed', start: a.start, notes: a.notes,
      touchesNeighbours: claimed.some((g) => g.touchesNeighbours) || kind === 'retire' || kind === 'consolidate' || kind === 'replatform',
      impact: 0,
    };
    for (const g of claimed) {
      drafts.delete(g.id);
      if (g.id !== a.id) {
        replaced.push({ id: g.id, by: a.id });
        rename.set(g.id, a.id);
      }
    }
    drafts.set(a.id, merged);
  }
  for (const d of drafts.values()) {
    d.dependsOn = new Set([...d.dependsOn].map((x) => rename.get(x) ?? x).filter((x) => x !== d.id && drafts.has(x)));
  }

  // ---- departments ----------------------------------------------------------------------------
  for (const d of drafts.values()) {
    const depts = new Set<string>();
    const subjects = new Set(d.subjects);
    for (const id of d.tools) {
      const x = tool(id);
      if (x?.owner) depts.add(x.owner);
      if (subjects.has(id)) for (const tp of facts.touchpointsServed(id)) if (tp.owner) depts.add(tp.owner);
    }
    if (d.touchesNeighbours) {
      for (const id of d.subjects) {
        for (const it of facts.integrationsOf(id)) {
          const other = it.from === id ? it.to : it.from;
          const o = tool(other)?.owner;
          if (o) depts.add(o);
        }
      }
    }
    for (const x of d.extraDepartments) depts.add(x);
    if (!d.owner && d.tools.length) d.owner = tool(d.tools[0])?.owner;
    for (const x of depts) d.stakeholders.add(x);
    if (d.owner) d.stakeholders.delete(d.owner);
  }

  // ---- order: dependencies first; within a phase, the widest impact first ---------------------
  // What depends on the tools an initiative changes; a hub it merely connects to does not count
  // (every connection touches the hub), unless the initiative is about hubs only.
  const impactOf = (d: Draft) => {
    const pool = d.subjects.length ? d.subjects : d.tools;
    const own = pool.filter((id) => !facts.isHub(id));
    const ids = new Set(own.length ? own : pool);
    let n = 0;
    for (const id of ids) if (tool(id)) n += facts.impact(id);
    return n;
  };
  const impacts = new Map([...drafts.values()].map((d) => [d.id, impactOf(d)]));
  for (const d of drafts.values()) d.impact = impacts.get(d.id)!;
  const cmp = (a: Draft, b: Draft) => a.phase - b.phase
    || b.impact - a.impact
    || (b.savingMinor ?? 0) - (a.savingMinor ?? 0)
    || byId(a.id, b.id);
  // A generated initiative that must wait for a later phase's work belongs to that phase.
  const settled = new Set<string>();
  const settle = (d: Draft, trail: Set<string>): number => {
    if (settled.has(d.id) || trail.has(d.id)) return d.phase;
    trail.add(d.id);
    for (const x of d.dependsOn) {
      const dep = drafts.get(x);
      const p = dep ? settle(dep, trail) : 0;
      if (d.source === 'generated' && p > d.phase) d.phase = p as 1 | 2 | 3;
    }
    trail.delete(d.id);
    settled.add(d.id);
    return d.phase;
  };
  for (const d of drafts.values()) if (d.dependsOn.size) settle(d, new Set());
  const ordered = topoOrder([...drafts.values()], cmp);

  // ---- schedule -------------------------------------------------------------------------------
  const authoredStarts = ws.strategy.initiatives.filter((a) => a.start && a.status !== 'rejected' && a.status !== 'done').map((a) => monthIndex(a.start!));
  let base: number | undefined;
  if (opts.start) base = monthIndex(opts.start);
  else {
    const firstAuthored = authoredStarts.length ? Math.min(...authoredStarts) : undefined;
    const now = opts.now ? monthIndex(opts.now) : undefined;
    base = now !== undefined && firstAuthored !== undefined ? Math.max(now, firstAuthored) : now ?? firstAuthored;
  }
  const nextRenewal = (id: string, from: number): number | undefined => {
    const r = tool(id)?.renewal;
    if (!r) return undefined;
    let m = monthIndex(r);
    while (m < from) m += 12;
    return m;
  };
  const ends = new Map<string, number>();
  const planned: PlannedInitiative[] = [];
  ordered.forEach((d, i) => {
    let start: number | undefined;
    let renewal: RenewalRef | undefined;
    if (base !== undefined) {
      let earliest = base;
      for (const x of d.dependsOn) earliest = Math.max(earliest, (ends.get(x) ?? base - 1) + 1);
      start = d.start ? monthIndex(d.start) : earliest;
      let first: { id: string; m: number } | undefined;
      for (const id of d.renewalTools) {
        const m = nextRenewal(id, base);
        if (m !== undefined && (!first || m < first.m || (m === first.m && id < first.id))) first = { id, m };
      }
      if (first) {
        const end = start + d.months - 1;
        const x = tool(first.id)!;
        const cost = x.annualCostMinor !== undefined ? toMajor(x.annualCostMinor) : undefined;
        if (end < first.m) renewal = { tool: first.id, month: monthString(first.m), ...(cost !== undefined ? { cost } : {}), met: true };
        else {
          let next = first.m;
          while (next <= end) next += 12;
          renewal = { tool: first.id, month: monthString(next), ...(cost !== undefined ? { cost } : {}), met: false, missed: monthString(first.m) };
        }
      }
      ends.set(d.id, start + d.months - 1);
    }
    const sortedIds = (x: Set<string>) => (x.size > 1 ? [...x].sort(byId) : [...x]);
    // Optional fields in a fixed key order, so that the JSON document stays stable.
    const out = { id: d.id, title: d.title, kind: d.kind, phase: d.phase, addresses: sortedIds(d.addresses), tools: d.tools } as PlannedInitiative;
    if (d.owner) out.owner = d.owner;
    out.stakeholders = sortedIds(d.stakeholders);
    if (d.savingMinor) out.saving = toMajor(d.savingMinor);
    if (start !== undefined) {
      out.start = monthString(start);
      out.end = monthString(start + d.months - 1);
    }
    Object.assign(out, {
      months: d.months, dependsOn: sortedIds(d.dependsOn), pilot: d.pilot, status: d.status, source: d.source, order: i + 1, impact: d.impact,
    });
    if (renewal) out.renewal = renewal;
    if (d.notes) out.notes = d.notes;
    planned.push(out);
  });

  // ---- renewals ahead -------------------------------------------------------------------------
  const renewals: UpcomingRenewal[] = [];
  const actsOn = new Map<string, string>();
  for (const p of planned) if (p.renewal && !actsOn.has(p.renewal.tool)) actsOn.set(p.renewal.tool, p.id);
  for (const p of planned) for (const id of drafts.get(p.id)?.renewalTools ?? []) if (!actsOn.has(id)) actsOn.set(id, p.id);
  for (const x of ws.tools) {
    if (!x.renewal || x.status === 'retired') continue;
    const m = base !== undefined ? nextRenewal(x.id, base)! : monthIndex(x.renewal);
    const by = actsOn.get(x.id);
    renewals.push({
      tool: x.id, name: x.name, month: monthString(m),
      ...(x.annualCostMinor !== undefined ? { cost: toMajor(x.annualCostMinor) } : {}),
      ...(by ? { initiative: by } : {}),
    });
  }
  renewals.sort((a, b) => byId(a.month, b.month) || byId(a.tool, b.tool));

  const addressed = new Set<string>();
  for (const p of planned) for (const x of p.addresses) addressed.add(x);
  const unaddressed = relevant.filter((f) => !addressed.has(f.id) && f.rule !== 'untapped-touchpoint').map((f) => f.id).sort(byId);
  const totalSavingMinor = planned.reduce((s, p) => s + (p.saving !== undefined ? toMinor(p.saving) : 0), 0);
  return {
    review: ws.strategy.review,
    ...(ws.strategy.horizon ? { horizon: ws.strategy.horizon } : {}),
    ...(base !== undefined ? { start: monthString(base), nextReview: monthString(base + CADENCE_MONTHS[ws.strategy.review]) } : {}),
    initiatives: planned,
    renewals,
    rejected: rejected.sort((a, b) => byId(a.id, b.id)),
    replaced: replaced.sort((a, b) => byId(a.id, b.id)),
    totalSaving: toMajor(totalSavingMinor),
    unaddressed,
  };
}

/**
 * Kahn's algorithm with a priority: among the initiatives whose dependencies are done, the one
 * `cmp` puts first (a binary heap keeps it O(n log n)). Dependencies outside the set are ignored;
 * a cycle (only possible between authored initiatives, which the loader rejects) is broken by the
 * priority order.
 */
export function topoOrder<T extends { id: string; dependsOn: Set<string> }>(items: T[], cmp: (a: T, b: T) => number): T[] {
  const ids = new Set(items.map((x) => x.id));
  const indeg = new Map<string, number>();
  const users = new Map<string, T[]>();
  for (const x of items) {
    let n = 0;
    for (const d of x.dependsOn) {
      if (!ids.has(d) || d === x.id) continue;
      n++;
      (users.get(d) ?? users.set(d, []).get(d)!).push(x);
    }
    indeg.set(x.id, n);
  }
  const heap = new Heap<T>(cmp);
  for (const x of items) if (indeg.get(x.id) === 0) heap.push(x);
  const out: T[] = [];
  const done = new Set<string>();
  let rest: T[] | undefined;
  while (out.length < items.length) {
    let next = heap.pop();
    if (!next) {
      rest ??= [...items].sort(cmp);
      next = rest.find((x) => !done.has(x.id))!;
    }
    if (done.has(next.id)) continue;
    done.add(next.id);
    out.push(next);
    for (const u of users.get(next.id) ?? []) {
      const n = (indeg.get(u.id) ?? 0) - 1;
      indeg.set(u.id, n);
      if (n === 0 && !done.has(u.id)) heap.push(u);
    }
  }
  return out;
}

class Heap<T> {
  private a: T[] = [];
  constructor(private readonly cmp: (x: T, y: T) => number) {}
  push(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(a[i], a[p]) >= 0) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (!a.length) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.cmp(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.cmp(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
