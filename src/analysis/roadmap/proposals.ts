// Initiatives more than one rule proposes: retiring a tool (redundant, orphan, retired but in
// use) and designating a source of truth (conflicting or missing).
import { dataTypeName } from '../../i18n/index.js';
import type { Finding } from '../types.js';
import { byId, type PlanContext } from './context.js';

/** `retire-<tool>`: phase 1, timed before the tool's renewal, saving its cost. */
export function proposeRetirement(c: PlanContext, f: Finding, id: string, titleKey: string): void {
  const x = c.tool(id);
  if (!x) return;
  const d = c.draft(`retire-${id}`, () => ({
    kind: 'retire', phase: 1, title: c.title(titleKey, { tool: x.name }), tools: [id], subjects: [id], owner: x.owner,
    months: c.retireMonths(id), renewalTools: [id], touchesNeighbours: true,
    savingMinor: x.annualCostMinor && x.status !== 'retired' ? x.annualCostMinor : undefined,
  }));
  d.addresses.add(f.id);
}

/** `designate-sot-<data>`: the hub holding the data, else a tool that claims it, else the most used holder. */
export function proposeSourceOfTruth(c: PlanContext, f: Finding, data: string): void {
  const { facts } = c;
  const holders = facts.customerDataTools.filter((x) => x.data.includes(data)).map((x) => x.id);
  // A tool on its way out is no source of truth.
  const staying = holders.filter((id) => !c.drafts.has(`retire-${id}`));
  const eligible = staying.length ? staying : holders;
  const claimants = eligible.filter((id) => c.tool(id)!.sourceOfTruth.includes(data));
  const pool = eligible.filter((id) => facts.isHub(id));
  const proposed = [...(pool.length ? pool : claimants.length ? claimants : eligible)]
    .sort((a, b) => facts.impact(b) - facts.impact(a) || byId(a, b))[0];
  const tools = proposed ? [proposed, ...holders.filter((id) => id !== proposed)] : c.toolEntities(f);
  const d = c.draft(`designate-sot-${data}`, () => ({
    kind: 'governance', phase: 1,
    title: proposed ? c.title('roadmap.title.designate-sot', { data: dataTypeName(data), tool: c.name(proposed) }) : c.title('roadmap.title.designate-sot-open', { data: dataTypeName(data) }),
    tools, subjects: tools, owner: proposed ? c.tool(proposed)?.owner : undefined, months: 1,
  }));
  d.addresses.add(f.id);
}
