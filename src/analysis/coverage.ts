// Part of the assessment (rules.md "Assessment"): how much of the customer data reaches a hub
// (customer-view coverage, per stage), how complete the inventory is, and the open questions for
// the next interview.
import type { Tool, Workspace } from '../model/model.js';
import type { Facts } from './facts.js';
import { notSoldPerSeat } from './capabilities.js';
import type { Words } from './words.js';

export interface StageCoverage {
  stage: string;
  name: string;
  /** In-scope touchpoints in the stage. */
  touchpoints: number;
  /** Captured (touchpoint, data type) pairs and how many reach a hub. */
  captured: number;
  reaching: number;
  /** null when nothing is captured in the stage. */
  share: number | null;
  /** Data types captured here that reach no hub, sorted. */
  missing: string[];
}

export interface Coverage {
  /** Customer data types held by customer-data tools. */
  dataTypes: { total: number; reaching: number; share: number; missing: string[] };
  /** What in-scope touchpoints capture: (touchpoint, data type) pairs. */
  touchpointData: { total: number; reaching: number; share: number };
  stages: StageCoverage[];
}

export const COMPLETENESS_FIELDS = ['owner', 'cost', 'seats', 'data'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface Completeness {
  share: number;
  /** Tools looked at (active and pilot) and how many have every expected fact. */
  tools: number;
  complete: number;
  /** Per field: how many tools are expected to have it and how many do. */
  fields: Record<CompletenessField, { expected: number; filled: number }>;
  missing: { tool: string; fields: CompletenessField[] }[];
}

export interface OpenQuestion {
  about: string;
  field?: string;
  text: string;
  ask?: string;
  /** customer: what the customer's side (revision 2) could not see (customer-assessment.ts). */
  source: 'workspace' | 'inventory' | 'customer';
}

/** A captured data type at a touchpoint reaches a hub when one of the touchpoint's tools holds it and it reaches a hub from there. */
function touchpointDataReaches(ws: Workspace, facts: Facts, tools: readonly string[], d: string): boolean {
  for (const id of tools) {
    const tool = ws.index.toolById.get(id);
    if (!tool || tool.status === 'retired') continue;
    if (facts.isHub(id) || (tool.data.includes(d) && facts.reachesHub(id, d))) return true;
  }
  return false;
}

/**
 * A type the shared customer view is to hold (rules.md: "the share of first-party data types that
 * reach a hub"): not second- or third-party, not restricted (restricted data must not flow, so it is
 * never missing from the view). A type the workspace does not describe counts.
 */
export function belongsInCustomerView(ws: Workspace, d: string): boolean {
  const t = ws.index.dataTypeById.get(d);
  if (!t) return true;
  return t.party !== 'second' && t.party !== 'third' && !(typeof t.restricted === 'string' && t.restricted.length > 0);
}

export function computeCoverage(ws: Workspace, facts: Facts, words: Words): Coverage {
  const held = new Map<string, boolean>();
  const inView = (d: string) => belongsInCustomerView(ws, d);
  for (const tool of facts.customerDataTools) {
    for (const d of tool.data) {
      if (held.get(d) || !inView(d)) continue;
      held.set(d, facts.reachesHub(tool.id, d));
    }
  }
  const missingTypes = [...held].filter(([, r]) => !r).map(([d]) => d).sort();
  const stages: StageCoverage[] = [];
  let total = 0;
  let reaching = 0;
  for (const stage of ws.stages) {
    const tps = (ws.index.touchpointsByStage.get(stage.id) ?? []).filter((tp) => tp.inScope);
    let c = 0;
    let r = 0;
    const missing = new Set<string>();
    for (const tp of tps) {
      for (const d of new Set(tp.captures)) {
        if (!inView(d)) continue;
        c++;
        if (touchpointDataReaches(ws, facts, tp.tools, d)) r++;
        else missing.add(d);
      }
    }
    total += c;
    reaching += r;
    stages.push({ stage: stage.id, name: words.stage(stage), touchpoints: tps.length, captured: c, reaching: r, share: c ? r / c : null, missing: [...missing].sort() });
  }
  return {
    dataTypes: { total: held.size, reaching: held.size - missingTypes.length, share: held.size ? (held.size - missingTypes.length) / held.size : 0, missing: missingTypes },
    touchpointData: { total, reaching, share: total ? reaching / total : 0 },
    stages,
  };
}

/**
 * Which facts a tool should have: owner and cost always; its data when it serves a touchpoint
 * that captures customer data (`data: []` is a legitimate answer for a tag manager); seat counts
 * when licences are a material cost (at least 2% of the known spend) or were half given, so that
 * the next interview is not flooded with seat questions about a €99 tool; never when `seats: {}`
 * says the tool is not sold per seat.
 */
export const MATERIAL_SHARE = 0.02;

function expectedMissing(tool: Tool, servesCapture: boolean, totalSpendMinor: number): { expected: CompletenessField[]; missing: CompletenessField[] } {
  // A spreadsheet used as a system (an inquiry sheet, 18 Excel files) has no price of its own (it is
  // part of the office suite, asked about on its own): its cost is not a question a client can answer.
  const fileTool = tool.primaryCapabilities.length > 0 && tool.primaryCapabilities.every((c) => c === 'spreadsheet');
  const expected: CompletenessField[] = fileTool ? ['owner'] : ['owner', 'cost'];
  const missing: CompletenessField[] = [];
  if (!tool.owner) missing.push('owner');
  if (!fileTool && tool.annualCostMinor === undefined) missing.push('cost');
  const material = (tool.annualCostMinor ?? 0) > 0 && (tool.annualCostMinor ?? 0) >= MATERIAL_SHARE * totalSpendMinor;
  // `seats: {}` says the tool is not sold per seat (an answer, not a gap); media, portals and print
  // services never are.
  const notPerSeat = (tool.seats !== undefined && tool.seats.licensed === undefined && tool.seats.active === undefined)
    || (tool.seats === undefined && notSoldPerSeat(tool));
  const partial = tool.seats !== undefined && !notPerSeat;
  if (!notPerSeat && (material || partial)) {
    expected.push('seats');
    if (tool.seats?.licensed === undefined || tool.seats?.active === undefined) missing.push('seats');
  }
  if (servesCapture) {
    expected.push('data');
    // `data: []` is an answer ("none"); only a tool without a `data:` list is a blank.
    if (!tool.data.length && !tool.dataGiven) missing.push('data');
  }
  return { expected, missing };
}

/** Completeness of the inventory of tools in use (active and pilot). */
export function computeCompleteness(ws: Workspace): Completeness {
  const fields = Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, { expected: 0, filled: 0 }])) as Completeness['fields'];
  const missingList: Completeness['missing'] = [];
  const inUse = ws.tools.filter((x) => x.status === 'active' || x.status === 'pilot');
  const spend = inUse.reduce((s, x) => s + (x.annualCostMinor ?? 0), 0);
  let complete = 0;
  let cells = 0;
  let filled = 0;
  for (const tool of inUse) {
    const serves = (ws.index.touchpointsByTool.get(tool.id) ?? []).some((tp) => tp.captures.length > 0);
    const { expected, missing } = expectedMissing(tool, serves, spend);
    for (const f of expected) {
      fields[f].expected++;
      cells++;
      if (!missing.includes(f)) {
        fields[f].filled++;
        filled++;
      }
    }
    if (missing.length) missingList.push({ tool: tool.id, fields: missing });
    else complete++;
  }
  // No tool in use: nothing is known, so nothing is complete (not "100%" of nothing).
  return { share: cells ? filled / cells : 0, tools: inUse.length, complete, fields, missing: missingList };
}

/** The workspace's own questions first, then one per tool for the facts still missing. */
export function openQuestions(ws: Workspace, completeness: Completeness, words: Words): OpenQuestion[] {
  const out: OpenQuestion[] = ws.questions.map((q) => ({
    about: q.about, ...(q.field ? { field: q.field } : {}), text: q.text, ...(q.ask ? { ask: q.ask } : {}), source: 'workspace' as const,
  }));
  const asked = new Set(ws.questions.map((q) => `${q.about}|${q.field ?? ''}`));
  const askedWhole = new Set(ws.questions.filter((q) => !q.field).map((q) => q.about));
  for (const m of completeness.missing) {
    const about = `tool:${m.tool}`;
    if (askedWhole.has(about)) continue;
    const tool = ws.index.toolById.get(m.tool)!;
    for (const f of m.fields.filter((x) => !asked.has(`${about}|${x}`))) {
      out.push({
        about, field: f, text: words.tr.t(`question.${f}`, { tool: tool.name }),
        ...(f !== 'owner' && tool.owner ? { ask: tool.owner } : {}), source: 'inventory',
      });
    }
  }
  return out;
}

