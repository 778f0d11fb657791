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

/** The origins of every data type, worked out once per plan (each call walked every tool: 10,000 per finding). */
const originsCache = new WeakMap<PlanContext, Map<string, string[]>>();

/** Tools that are origins of a data type: they hold it and no link into them, of any mode, brings it from a tool that holds it. */
export function originsOf(c: PlanContext, data: string): string[] {
  let all = originsCache.get(c);
  if (!all) {
    all = new Map();
    const holds = (id: string, d: string) => c.tool(id)?.data.includes(d) ?? false;
    for (const x of c.ws.tools) {
      if (x.status === 'retired') continue;
      for (const d of new Set(x.data)) {
        const inbound = (c.ws.index.integrationsTo.get(x.id) ?? []).some((it) => holds(it.from, d) && c.facts.carried(it).includes(d))
          || (c.ws.index.integrationsFrom.get(x.id) ?? []).some((it) => it.bidirectional && holds(it.to, d) && (it.data ? it.data.includes(d) : true));
        if (inbound) continue;
        const list = all.get(d);
        if (list) list.push(x.id);
        else all.set(d, [x.id]);
      }
    }
    for (const list of all.values()) list.sort(byId);
    originsCache.set(c, all);
  }
  return [...(all.get(data) ?? [])];
}

/**
 * `designate-sot-<data>` (rules.md r2): the single origin of the data when it is a system (not a
 * file tool, not retiring); with several origins, "agree which system is the master", owned by
 * the departments involved; a hub only when it is the origin or when there are several.
 */
export function proposeSourceOfTruth(c: PlanContext, f: Finding, data: string): void {
  const { facts } = c;
  const holders = facts.customerDataTools.filter((x) => x.data.includes(data)).map((x) => x.id);
  const staying = (id: string) => !cannotAnchor(c.tool(id)) && !c.drafts.has(`retire-${id}`);
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
