// Small helpers shared by the rule modules: ids, costs, entity refs. Words (names, lists, money)
// are in the rule context's `words` (src/analysis/words.ts), in the language of the analysis.
import { minorToMajor, type Tool, type Workspace } from '../../model/model.js';
import type { EntityRef, Finding } from '../types.js';
import { isFileTool } from '../capabilities.js';

/** Code-point order: the same in every locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const sortIds = (ids: Iterable<string>): string[] => [...ids].sort(compareIds);
export const byToolId = (a: Tool, b: Tool): number => compareIds(a.id, b.id);

/** A short list without repeats, in its order: the list itself when nothing repeats (the usual case, no copy). */
export function distinct<T>(list: readonly T[]): readonly T[] {
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i], i - 1) >= 0) return [...new Set(list)];
  return list;
}

/** Subject of a finding id with several parts. */
export const joinSubject = (ids: readonly string[]): string => ids.join('+');

export const toolRef = (id: string): EntityRef => ({ kind: 'tool', id });

export function toolName(ws: Workspace, id: string): string {
  return ws.index.toolById.get(id)?.name ?? id;
}

/** Sum of known annual costs (minor units) and the tools whose cost is not known. */
export function sumCosts(tools: readonly Tool[]): { minor: number; known: number; unknown: string[] } {
  let minor = 0;
  let known = 0;
  const unknown: string[] = [];
  for (const x of tools) {
    if (x.annualCostMinor === undefined) unknown.push(x.id);
    else {
      minor += x.annualCostMinor;
      known++;
    }
  }
  return { minor, known, unknown };
}

/** Major units for Finding.cost; undefined when unknown. */
export function costOf(tool: Tool): number | undefined {
  return tool.annualCostMinor === undefined ? undefined : minorToMajor(tool.annualCostMinor);
}

/** Hubs ordered as connection targets for a tool holding `data`: most shared data types, then most used, then id. */
export function rankHubs(hubs: readonly Tool[], data: readonly string[], impact: (id: string) => number): string[] {
  const want = new Set(data);
  const score = (h: Tool) => h.data.reduce((n, d) => n + (want.has(d) ? 1 : 0), 0);
  return [...hubs]
    .map((h) => ({ h, s: score(h), i: impact(h.id) }))
    .sort((a, b) => b.s - a.s || b.i - a.i || compareIds(a.h.id, b.h.id))
    .map((x) => x.h.id);
}

/** The natural owner of a data type among `tools`: a hub if any, else the most used, then the smallest id. Linear. */
/**
 * rules.md (r2): a tool that can be proposed as a source of truth: a system in use, not a file tool
 * (spreadsheet, file store, chat, shared inbox) and not a retiring one.
 */
export function canBeSourceOfTruth(x: Tool): boolean {
  return (x.status === 'active' || x.status === 'pilot') && x.data.length > 0 && !isFileTool(x);
}

export function bestCandidate(tools: readonly Tool[], impact: (id: string) => number): Tool {
  const pool = tools.some((x) => x.hub) ? tools.filter((x) => x.hub) : tools;
  let best = pool[0];
  let bestImpact = impact(best.id);
  for (let i = 1; i < pool.length; i++) {
    const x = pool[i];
    const n = impact(x.id);
    if (n > bestImpact || (n === bestImpact && compareIds(x.id, best.id) < 0)) {
      best = x;
      bestImpact = n;
    }
  }
  return best;
}

/** A workspace-level location: the organization block, else the first file. */
export function workspaceLoc(ws: Workspace): Finding['location'] {
  if (ws.organization.loc) return ws.organization.loc;
  return ws.files.length ? { file: ws.files[0], line: 1, column: 1 } : undefined;
}
