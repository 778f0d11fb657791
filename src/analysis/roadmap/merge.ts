// Authored initiatives (strategy.initiatives) merged with the generated ones: an authored
// initiative replaces the generated ones it claims (same id, or the same findings about tools it
// lists); `status: rejected` drops what it claims. Dependencies on replaced ids follow the rename.
import type { AuthoredInitiative } from '../../model/model.js';
import { toMinor } from '../money.js';
import type { PlanContext } from './context.js';
import { DEFAULT_MONTHS, DEFAULT_PHASE, type Draft, type FullRoadmap } from './types.js';

export function mergeAuthored(c: PlanContext): { replaced: FullRoadmap['replaced']; rejected: FullRoadmap['rejected'] } {
  const { drafts, facts } = c;
  const replaced: FullRoadmap['replaced'] = [];
  const rejected: FullRoadmap['rejected'] = [];
  const claims = (a: AuthoredInitiative, g: Draft): boolean =>
    a.id === g.id || (a.addresses.some((x) => g.addresses.has(x)) && g.subjects.length > 0 && g.subjects.every((s) => a.tools.includes(s)));
  const rename = new Map<string, string>();
  for (const a of c.ws.strategy.initiatives) {
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
      owner: a.owner ?? same?.owner ?? (a.tools.length ? c.tool(a.tools[0])?.owner : undefined),
      stakeholders: new Set(a.stakeholders),
      extraDepartments: new Set(claimed.flatMap((g) => [...g.extraDepartments])),
      savingMinor: a.saving !== undefined ? toMinor(a.saving) : claimed.reduce<number | undefined>((s, g) => (g.savingMinor === undefined ? s : (s ?? 0) + g.savingMinor), undefined),
      months: a.months ?? same?.months ?? Math.max(DEFAULT_MONTHS[kind], ...claimed.map((g) => g.months)),
      dependsOn: new Set(a.dependsOn.length ? a.dependsOn : claimed.flatMap((g) => [...g.dependsOn])),
      pilot: a.pilot ?? same?.pilot ?? kind === 'pilot',
      renewalTools: [...new Set(claimed.flatMap((g) => g.renewalTools).concat(kind === 'retire' || kind === 'consolidate' ? a.tools.filter((id) => !facts.isHub(id) && id !== c.keeperOf(a.tools)) : []))],
      source: 'authored', status: a.status ?? 'proposed', start: a.start, notes: a.notes,
      touchesNeighbours: claimed.some((g) => g.touchesNeighbours) || kind === 'retire' || kind === 'consolidate' || kind === 'replatform',
      impact: 0,
    };
    // (r2) keep/drop: what the generated initiatives it replaces said, for the tools it lists.
    const listed = (id: string) => !a.tools.length || a.tools.includes(id);
    const keep = [...new Set(claimed.flatMap((g) => g.keep ?? []))].filter(listed);
    const drop = [...new Set(claimed.flatMap((g) => g.drop ?? []))].filter(listed);
    if (keep.length || drop.length) {
      merged.keep = keep.filter((id) => !drop.includes(id));
      merged.drop = drop;
    }
    for (const g of claimed) {
      drafts.delete(g.id);
      if (g.id !== a.id) {
        replaced.push({ id: g.id, by: a.id });
        rename.set(g.id, a.id);
      }
    }
    drafts.set(a.id, merged);
  }
  followRenames(drafts, rename);
  return { replaced, rejected };
}

/** Dependencies follow the renamed drafts; those on the draft itself or on drafts that are no more go. */
export function followRenames(drafts: ReadonlyMap<string, Draft>, rename: ReadonlyMap<string, string>): void {
  for (const d of drafts.values()) {
    // Most drafts keep their dependencies as they are: their set is only made again when one is renamed or gone (#18).
    if (!d.dependsOn.size || !needsRewrite(d, drafts, rename)) continue;
    d.dependsOn = new Set([...d.dependsOn].map((x) => rename.get(x) ?? x).filter((x) => x !== d.id && drafts.has(x)));
  }
}

/** Whether a dependency of the draft is renamed, on itself or on a draft that is no more. */
function needsRewrite(d: Draft, drafts: ReadonlyMap<string, Draft>, rename: ReadonlyMap<string, string>): boolean {
  for (const x of d.dependsOn) if (rename.has(x) || x === d.id || !drafts.has(x)) return true;
  return false;
}
