// Initiatives more than one rule proposes: retiring a tool (redundant, orphan, retired but in
// use) and designating a source of truth (conflicting or missing).
import type { Finding } from '../types.js';
import { byId, type PlanContext } from './context.js';
import { cannotAnchor } from './targets.js';

const retireIds = new WeakMap<PlanContext, Map<string, string>>();
/**
 * `retire-<tool>`, one string per tool and plan: the retirement's draft is created and then looked
 * up under the same string (thousands of look-ups at 10,000 tools, each building the id again).
 */
function retireId(c: PlanContext, tool: string): string {
  let m = retireIds.get(c);
  if (!m) retireIds.set(c, (m = new Map()));
  let id = m.get(tool);
  if (id === undefined) m.set(tool, (id = `retire-${tool}`));
  return id;
}

/** `retire-<tool>`: phase 1, timed before the tool's renewal, saving its cost (a saving already decided when the tool is already retiring). */
export function proposeRetirement(c: PlanContext, f: Finding, id: string, titleKey: string): void {
  const x = c.tool(id);
  if (!x) return;
  const cost = x.annualCostMinor && x.status !== 'retired' ? x.annualCostMinor : undefined;
  const decided = x.status === 'retiring';
  const d = c.draft(retireId(c, id), () => ({
    kind: 'retire', phase: 1, title: c.title(titleKey, { tool: x.name }), tools: [id], subjects: [id], owner: x.owner,
    months: c.retireMonths(id), renewalTools: [id], touchesNeighbours: true,
    savingMinor: decided ? undefined : cost, decidedSavingMinor: decided ? cost : undefined,
  }));
  d.addresses.add(f.id);
}

/** Per data type, its origins (sorted) and its holders among the customer-data tools, worked out once per plan. */
interface ByData {
  /** The tools in use holding each data type (workspace order); origins are picked from them on first ask. */
  held: Map<string, string[]>;
  origins: Map<string, string[]>;
  holders: Map<string, string[]>;
  /** Whether a tool can be a source of truth (its record does not change while the roadmap is built). */
  anchors: Map<string, boolean>;
}
const byDataCache = new WeakMap<PlanContext, ByData>();

const push = (m: Map<string, string[]>, d: string, id: string) => {
  const list = m.get(d);
  if (list) list.push(id);
  else m.set(d, [id]);
};

/** Each data type of a tool once (a tool's list is short: no set). */
function eachData(data: readonly string[], f: (d: string) => void): void {
  data.forEach((d, i) => {
    if (data.indexOf(d) === i) f(d);
  });
}

function byData(c: PlanContext): ByData {
  let all = byDataCache.get(c);
  if (!all) {
    // Once per plan, not per finding: each call walked every tool (10,000 per finding). The origin
    // test is the facts' (a received copy is never an origin), asked only for the data types a
    // finding is about.
    const held = new Map<string, string[]>();
    for (const x of c.ws.tools) if (x.status !== 'retired') eachData(x.data, (d) => push(held, d, x.id));
    const holders = new Map<string, string[]>();
    for (const x of c.facts.customerDataTools) eachData(x.data, (d) => push(holders, d, x.id));
    all = { held, origins: new Map(), holders, anchors: new Map() };
    byDataCache.set(c, all);
  }
  return all;
}

/** Tools that are origins of a data type: they hold it and no link into them, of any mode, brings it from a tool that holds it. */
export function originsOf(c: PlanContext, data: string): string[] {
  const all = byData(c);
  let list = all.origins.get(data);
  if (!list) {
    list = (all.held.get(data) ?? []).filter((id) => c.facts.isOrigin(id, data)).sort(byId);
    all.origins.set(data, list);
  }
  return [...list];
}

/**
 * `designate-sot-<data>` (rules.md r2): the single origin of the data when it is a system (not a
 * file tool, not retiring); with several origins, "agree which system is the master", owned by
 * the departments involved; a hub only when it is the origin or when there are several.
 */
export function proposeSourceOfTruth(c: PlanContext, f: Finding, data: string): void {
  const { facts } = c;
  const { holders: holdersOf, anchors } = byData(c);
  const holders = holdersOf.get(data) ?? [];
  const anchor = (id: string): boolean => {
    let v = anchors.get(id);
    if (v === undefined) anchors.set(id, (v = !cannotAnchor(c.tool(id))));
    return v;
  };
  const staying = (id: string) => anchor(id) && !c.drafts.has(retireId(c, id));
  const origins = originsOf(c, data).filter(staying);
  const involved = origins.length ? origins : holders.filter(staying);
  let proposed: string | undefined;
  if (origins.length === 1) proposed = origins[0];
  else if (!origins.length) {
    const claimants = involved.filter((id) => c.tool(id)!.sourceOfTruth.includes(data));
    const pool = involved.filter((id) => facts.isHub(id));
    proposed = [...(pool.length ? pool : claimants)].sort((a, b) => facts.impact(b) - facts.impact(a) || byId(a, b))[0];
  }
  const tools = proposed ? [proposed, ...involved.filter((id) => id !== proposed)] : involved.length ? involved : c.toolEntities(f);
  const several = !proposed && involved.length > 1;
  const owners = [...new Set(involved.map((id) => c.tool(id)?.owner).filter((o): o is string => !!o))];
  const d = c.draft(`designate-sot-${data}`, () => ({
    kind: 'governance', phase: 1,
    title: proposed ? c.title('roadmap.title.designate-sot', { data: c.words.dataType(data), tool: c.name(proposed) })
      : several ? c.title('roadmap.title.agree-master', { data: c.words.dataType(data), tools: c.words.list(involved.map((id) => c.name(id))) })
        : c.title('roadmap.title.designate-sot-open', { data: c.words.dataType(data) }),
    tools, subjects: tools, owner: proposed ? c.tool(proposed)?.owner : owners[0], months: 1,
    keep: proposed ? [proposed] : [], drop: [],
  }));
  // "Owned by the departments involved": every owner is a stakeholder.
  for (const o of owners) d.extraDepartments.add(o);
  d.addresses.add(f.id);
}
