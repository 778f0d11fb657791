// Who is involved (owner and stakeholder departments) and in which order the initiatives come:
// dependencies first; within a phase, the highest severity answered first (r2), then the widest
// impact, then the largest saving, then id.
import type { PlanContext } from './context.js';
import { byId } from './context.js';
import type { Draft } from './types.js';

/** Stakeholders: the departments owning the tools it changes and the touchpoints they serve (and their neighbours' when it removes or moves tools). */
export function assignDepartments(c: PlanContext): void {
  const { facts } = c;
  for (const d of c.drafts.values()) {
    const depts = new Set<string>();
    const subjects = new Set(d.subjects);
    for (const id of d.tools) {
      const x = c.tool(id);
      if (x?.owner) depts.add(x.owner);
      if (subjects.has(id)) for (const tp of facts.touchpointsServed(id)) if (tp.owner) depts.add(tp.owner);
    }
    if (d.touchesNeighbours) {
      for (const id of d.subjects) {
        for (const it of facts.integrationsOf(id)) {
          const other = it.from === id ? it.to : it.from;
          const o = c.tool(other)?.owner;
          if (o) depts.add(o);
        }
      }
    }
    for (const x of d.extraDepartments) depts.add(x);
    if (!d.owner && d.tools.length) d.owner = c.tool(d.tools[0])?.owner;
    for (const x of depts) d.stakeholders.add(x);
    if (d.owner) d.stakeholders.delete(d.owner);
  }
}

/** Sets each draft's impact and phase, and returns them in the suggested order. */
export function orderDrafts(c: PlanContext): Draft[] {
  const { facts, drafts } = c;
  // What depends on the tools an initiative changes; a hub it merely connects to does not count
  // (every connection touches the hub), unless the initiative is about hubs only.
  const impactOf = (d: Draft) => {
    const pool = d.subjects.length ? d.subjects : d.tools;
    const own = pool.filter((id) => !facts.isHub(id));
    const ids = new Set(own.length ? own : pool);
    let n = 0;
    for (const id of ids) if (c.tool(id)) n += facts.impact(id);
    return n;
  };
  const impacts = new Map([...drafts.values()].map((d) => [d.id, impactOf(d)]));
  for (const d of drafts.values()) d.impact = impacts.get(d.id)!;
  const cmp = (a: Draft, b: Draft) => a.phase - b.phase
    || (b.severity ?? 0) - (a.severity ?? 0)
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
  return topoOrder([...drafts.values()], cmp);
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
