// Initiatives more than one rule proposes: retiring a tool (redundant, orphan, retired but in
// use) and designating a source of truth (conflicting or missing).
import type { Finding } from '../types.js';
import { byId, type PlanContext } from './context.js';
import { cannotAnchor } from './targets.js';

/** `retire-<tool>`: phase 1, timed before the tool's renewal, saving its cost (a saving already decided when the tool is already retiring). */
export function proposeRetirement(c: PlanContext, f: Finding, id: string, titleKey: string): void {
  const x = c.tool(id);
  if (!x) return;
  const cost = x.annualCostMinor && x.status !== 'retired' ? x.annualCostMinor : undefined;
  const decided = x.status === 'retiring';
  const d = c.draft(`retire-${id}`, () => ({
    kind: 'retire', phase: 1, title: c.title(titleKey, { tool: x.name }), tools: [id], subjects: [id], owner: x.owner,
    months: c.retireMonths(id), renewalTools: [id], touchesNeighbours: true,
    savingMinor: decided ? undefined : cost, decidedSavingMinor: decided ? cost : undefined,
  }));
  d.addresses.add(f.id);
}

/** Per data type, its origins (sorted) and its holders among the customer-data tools, worked out once per plan. */
interface ByData { origins: Map<string, string[]>; holders: Map<string, string[]> }
const byDataCache = new WeakMap<PlanContext, ByData>();

function byData(c: PlanContext): ByData {
  let all = byDataCache.get(c);
  if (!all) {
    // Once per plan, not per finding: each call walked every tool (10,000 per finding), and the
    // origin test is the facts' (a received copy is never an origin) instead of re-scanning every
    // tool's inbound links per data type. Plain loops: this runs once per command, mostly before
    // the engine has optimised anything.
    const push = (m: Map<string, string[]>, d: string, id: string) => {
      const list = m.get(d);
      if (list) list.push(id);
      else m.set(d, [id]);
    };
    const origins = new Map<string, string[]>();
    for (const x of c.ws.tools) {
      if (x.status === 'retired') continue;
      const data = x.data;
      for (let i = 0; i < data.length; i++) {
        const d = data[i];
        if (data.indexOf(d) === i && c.facts.isOrigin(x.id, d)) push(origins, d, x.id);
      }
    }
    for (const list of origins.values()) list.sort(byId);
    const holders = new Map<string, string[]>();
    for (const x of c.facts.customerDataTools) {
      const data = x.data;
      for (let i = 0; i < data.length; i++) if (data.indexOf(data[i]) === i) push(holders, data[i], x.id);
    }
    all = { origins, holders };
    byDataCache.set(c, all);
  }
  return all;
}

/** Tools that are origins of a data type: they hold it and no link into them, of any mode, brings it from a tool that holds it. */
export function originsOf(c: PlanContext, data: string): string[] {
  return [...(byData(c).origins.get(data) ?? [])];
}

/** A tool that can stay the master of a data type: it can be a source of truth and is not being retired. */
const stayingIn = (c: PlanContext) => (id: string): boolean => !cannotAnchor(c.tool(id)) && !c.drafts.has(`retire-${id}`);

/**
 * proposeSourceOfTruth for each finding, in order, asking once per tool whether it can stay the
 * master (#18: each type of a 10,000-tool stack has about 1,500 origins, most of them origins of
 * several types). The answer cannot change meanwhile: these drafts are designate-sot-<data>, none
 * is a retirement.
 */
export function proposeSourcesOfTruth(c: PlanContext, findings: readonly (Finding & { details: { data: string } })[]): void {
  const known = new Map<string, boolean>();
  const plain = stayingIn(c);
  const staying = (id: string): boolean => {
    let s = known.get(id);
    if (s === undefined) known.set(id, (s = plain(id)));
    return s;
  };
  for (const f of findings) proposeSourceOfTruth(c, f, f.details.data, staying);
}

/**
 * `designate-sot-<data>` (rules.md r2): the single origin of the data when it is a system (not a
 * file tool, not retiring); with several origins, "agree which system is the master", owned by
 * the departments involved; a hub only when it is the origin or when there are several.
 */
export function proposeSourceOfTruth(c: PlanContext, f: Finding, data: string, staying: (id: string) => boolean = stayingIn(c)): void {
  const { facts } = c;
  const holders = byData(c).holders.get(data) ?? [];
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
