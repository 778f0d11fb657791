// (r2) A roadmap that holds together (rules.md "A roadmap a consultant can sign"): the coherence
// rules, checked on every roadmap the product emits, and the repair that makes generated
// initiatives obey them before they are ordered.
//
// 1. No tool is in one initiative's `drop` and a later initiative's `keep`.
// 2. A dropped tool is never connected, made source of truth or consolidated onto.
// 3. A file tool, a retiring tool or a tool holding no customer data is never a source of truth
//    or a `connect` target.
// 4. An initiative never depends on one that comes after it.
// 5. A spreadsheet or file store is never kept: never a source of truth, a connect target, what
//    people move onto or what a consolidation keeps (rules.md "file tool": the fix is to move its
//    data into a system; one the workspace declares its hub is its own statement). Conduits (team
//    chat) are covered by rule 3; two chat tools may be consolidated onto one.
// 6. No initiative automates or connects a manual link whose data is all restricted data that
//    restricted-data-flow says to stop: the roadmap never both stops and automates one flow.
import type { Workspace } from '../../model/model.js';
import { isFileStore } from '../capabilities.js';
import type { Tool } from '../../model/model.js';

/** A spreadsheet or file store: every primary capability is one (a team chat is a conduit: two can be consolidated onto one). */
const isFileStoreTool = (t: Tool) => t.primaryCapabilities.length > 0 && t.primaryCapabilities.every(isFileStore);
import { isFindingOf } from '../rules/index.js';
import type { Finding } from '../types.js';
import type { PlanContext } from './context.js';
import { anchorsKeep, cannotAnchor, targetsOf } from './targets.js';
import type { Draft } from './types.js';

export interface CoherenceViolation {
  rule: 'drop-then-keep' | 'dropped-kept' | 'bad-anchor' | 'depends-on-later' | 'file-kept' | 'automates-restricted';
  initiative: string;
  tool?: string;
  other?: string;
}

interface Checked {
  id: string; keep: readonly string[]; drop: readonly string[]; dependsOn: readonly string[]; source?: string; kind?: string;
  addresses?: readonly string[];
}

/** Initiative kinds that build or upgrade a link. */
const AUTOMATES = new Set(['integrate']);

/**
 * Every broken coherence rule of an ordered list of initiatives. With the findings, also rule 6
 * (which manual links carry only restricted data to stop).
 */
export function coherenceViolations(ws: Workspace, initiatives: readonly Checked[], findings: readonly Finding[] = []): CoherenceViolation[] {
  const out: CoherenceViolation[] = [];
  // Manual links whose every type is restricted data to stop (manual-integration's details say so).
  const stopOnly = new Set<string>();
  for (const f of findings) {
    if (!isFindingOf(f, 'manual-integration')) continue;
    const r = f.details.restricted ?? [];
    if (r.length && r.length === f.details.data.length) stopOnly.add(f.id);
  }
  for (const x of initiatives) {
    if (!AUTOMATES.has(x.kind ?? '')) continue;
    for (const a of x.addresses ?? []) if (stopOnly.has(a)) out.push({ rule: 'automates-restricted', initiative: x.id, other: a });
  }
  // Positions are only asked for dependencies and broken keeps: built on first use.
  let positions: Map<string, number> | undefined;
  const position = (id: string): number | undefined => {
    if (!positions) {
      positions = new Map();
      initiatives.forEach((x, i) => positions!.set(x.id, i));
    }
    return positions.get(id);
  };
  const droppedBy = new Map<string, string>();
  for (const x of initiatives) for (const t of x.drop) if (!droppedBy.has(t)) droppedBy.set(t, x.id);
  initiatives.forEach((x, i) => {
    const anchors = x.keep.length > 0 && anchorsKeep(x.id);
    for (const t of x.keep) {
      const by = droppedBy.get(t);
      if (by !== undefined && by !== x.id) {
        out.push({ rule: position(by)! < i ? 'drop-then-keep' : 'dropped-kept', initiative: x.id, tool: t, other: by });
      }
      if (x.drop.includes(t)) out.push({ rule: 'dropped-kept', initiative: x.id, tool: t, other: x.id });
      const tool = ws.index.toolById.get(t);
      if (anchors && cannotAnchor(tool)) out.push({ rule: 'bad-anchor', initiative: x.id, tool: t });
      if (tool && isFileStoreTool(tool) && !tool.hub) out.push({ rule: 'file-kept', initiative: x.id, tool: t });
    }
    for (const dep of x.dependsOn) {
      const j = position(dep);
      if (j !== undefined && j > i) out.push({ rule: 'depends-on-later', initiative: x.id, other: dep });
    }
  });
  return out;
}

/** Throws when a roadmap made only of generated initiatives breaks a coherence rule (an internal error). */
export function assertCoherent(ws: Workspace, initiatives: readonly Checked[], findings: readonly Finding[] = []): void {
  const violations = coherenceViolations(ws, initiatives, findings);
  if (!violations.length) return;
  const generated = new Set(initiatives.filter((x) => x.source !== 'authored').map((x) => x.id));
  const findingIds = new Set(findings.map((f) => f.id));
  const bad = violations
    .filter((v) => generated.has(v.initiative) && (v.other === undefined || generated.has(v.other) || findingIds.has(v.other)));
  if (bad.length) {
    throw new Error(`internal error: incoherent roadmap: ${bad.map((v) => `${v.rule} ${v.initiative}${v.tool ? ` ${v.tool}` : ''}${v.other ? ` (${v.other})` : ''}`).join('; ')}`);
  }
}

/**
 * Sets every draft's keep/drop and makes the generated drafts obey the rules: an initiative that
 * would connect, designate or consolidate onto a tool another initiative drops gives its findings
 * to the one that drops it; a source of truth that cannot be one becomes an open decision.
 */
export function repairDrafts(c: PlanContext): void {
  const { drafts } = c;
  for (const d of drafts.values()) {
    const t = targetsOf(c, d);
    d.keep = t.keep;
    d.drop = t.drop;
  }
  // What each tool may be (its record does not change while the roadmap is built): asked once per tool.
  const fileKept = new Map<string, boolean>();
  const isFileKept = (t: string): boolean => {
    let v = fileKept.get(t);
    if (v === undefined) {
      const x = c.tool(t);
      v = x !== undefined && isFileStoreTool(x) && !x.hub;
      fileKept.set(t, v);
    }
    return v;
  };
  const badAnchor = new Map<string, boolean>();
  const isBadAnchor = (t: string): boolean => {
    let v = badAnchor.get(t);
    if (v === undefined) badAnchor.set(t, (v = cannotAnchor(c.tool(t)) !== undefined));
    return v;
  };
  // Until nothing changes (each pass removes a draft or narrows a keep, so this ends).
  for (let pass = 0; pass < drafts.size + 1 && repairPass(c, isFileKept, isBadAnchor); pass++);
  // Dependencies on initiatives that no longer exist.
  for (const d of drafts.values()) if (d.dependsOn.size) for (const x of [...d.dependsOn]) if (!drafts.has(x)) d.dependsOn.delete(x);
}

/** Who drops a tool first: authored before generated, then the earlier phase, then the id. */
const dropsFirst = (a: Draft, b: Draft): boolean => {
  const aa = a.source === 'authored';
  const ba = b.source === 'authored';
  if (aa !== ba) return aa;
  if (a.phase !== b.phase) return a.phase < b.phase;
  return a.id < b.id;
};

// A Map's iteration visits entries still present in insertion order, so deleting the draft at
// hand while iterating is safe; no pass adds a draft. Arrays are only rebuilt when something in
// them changes.
function repairPass(c: PlanContext, isFileKept: (t: string) => boolean, isBadAnchor: (t: string) => boolean): boolean {
  const { drafts } = c;
  let changed = false;
  // The client's strategy keeps a tool (connects it, consolidates onto it): a generated initiative
  // does not drop it; one left with nothing to drop goes, and its findings stay unaddressed.
  const authoredKeep = new Set<string>();
  for (const d of drafts.values()) if (d.source === 'authored') for (const t of d.keep ?? []) authoredKeep.add(t);
  if (authoredKeep.size) {
    for (const d of drafts.values()) {
      if (d.source === 'authored' || !d.drop!.some((t) => authoredKeep.has(t))) continue;
      d.drop = d.drop!.filter((t) => !authoredKeep.has(t));
      changed = true;
      if (!d.drop.length && (d.kind === 'consolidate' || d.kind === 'retire')) drafts.delete(d.id);
    }
  }
  // Who drops what: retirements first (phase 1, the decided direction), then consolidations. The
  // first dropper of each tool (dropsFirst) keeps it; a generated one dropping it too lets it go.
  const droppedBy = new Map<string, Draft>();
  let shared = false;
  for (const d of drafts.values()) {
    for (const t of d.drop!) {
      const by = droppedBy.get(t);
      if (by === undefined) droppedBy.set(t, d);
      else {
        shared = true;
        if (dropsFirst(d, by)) droppedBy.set(t, d);
      }
    }
  }
  if (shared) {
    for (const d of drafts.values()) {
      if (d.source === 'authored' || !d.drop!.some((t) => droppedBy.get(t) !== d)) continue;
      d.drop = d.drop!.filter((t) => droppedBy.get(t) === d); // dropped once is enough
      changed = true;
    }
  }
  const absorb = (d: Draft, into: Draft | undefined) => {
    if (into && drafts.get(into.id) === into) {
      for (const f of d.addresses) into.addresses.add(f);
      for (const x of d.extraDepartments) into.extraDepartments.add(x);
    }
    drafts.delete(d.id);
    changed = true;
  };
  for (const d of drafts.values()) {
    if (d.source === 'authored' || !d.keep!.length) continue;
    const lostOne = (t: string) => {
      const by = droppedBy.get(t);
      return by !== undefined && by !== d;
    };
    if (!d.keep!.some(lostOne)) continue;
    const lost = d.keep!.filter(lostOne);
    const keepers = d.keep!.filter((t) => !lost.includes(t));
    const connecting = d.id.startsWith('connect-') || d.id.startsWith('realtime-');
    if (connecting && d.subjects.some((id) => !droppedBy.has(id) && c.tool(id) && keepers.includes(id) && !c.facts.isHub(id))) {
      // The tool still stays: only the target that goes leaves the list.
      d.keep = keepers;
      changed = true;
      continue;
    }
    if (connecting || d.kind === 'consolidate' || d.id.startsWith('consolidate-') || d.id.startsWith('license-')) {
      // Connecting, upgrading, licensing or consolidating onto a tool that goes: the initiative
      // dropping it answers the findings.
      const subject = lost.find((t) => d.subjects.includes(t)) ?? lost[0];
      absorb(d, droppedBy.get(subject));
      continue;
    }
    d.keep = keepers;
    changed = true;
  }
  // A spreadsheet or file store is never kept (a real-time upgrade at a touchpoint a sheet serves
  // upgrades the systems there, not the sheet).
  for (const d of drafts.values()) {
    if (d.source === 'authored' || !d.keep!.some(isFileKept)) continue;
    d.keep = d.keep!.filter((t) => !isFileKept(t));
    changed = true;
  }
  // A source of truth or connect target that cannot be one.
  for (const d of drafts.values()) {
    if (d.source === 'authored' || !d.keep!.length || !anchorsKeep(d.id) || !d.keep!.some(isBadAnchor)) continue;
    const good = d.keep!.filter((t) => !isBadAnchor(t));
    if (d.id.startsWith('connect-') && !good.some((t) => d.subjects.includes(t) && !c.facts.isHub(t))) {
      // Nothing left to connect: the findings stay unaddressed rather than wired to a file.
      absorb(d, undefined);
      continue;
    }
    d.keep = good;
    changed = true;
  }
  return changed;
}
