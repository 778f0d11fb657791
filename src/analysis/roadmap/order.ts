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
    // Straight into the draft's stakeholders (the owner is taken out at the end): the JSON sorts them.
    const depts = d.stakeholders;
    // Most drafts are about one tool: a set only pays for itself on long lists.
    const subjects = d.subjects.length > 8 ? new Set(d.subjects) : undefined;
    for (const id of d.tools) {
      const x = c.tool(id);
      if (x?.owner) depts.add(x.owner);
      if (subjects ? subjects.has(id) : d.subjects.includes(id)) for (const tp of facts.touchpointsServed(id)) if (tp.owner) depts.add(tp.owner);
    }
    if (d.touchesNeighbours) {
      for (const id of d.subjects) {
        for (const it of facts.integrationsOf(id)) {
          const o = c.tool(it.from === id ? it.to : it.from)?.owner;
          if (o) depts.add(o);
        }
      }
    }
    for (const x of d.extraDepartments) depts.add(x);
    if (!d.owner && d.tools.length) d.owner = c.tool(d.tools[0])?.owner;
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
    const list = own.length ? own : pool;
    let n = 0;
    if (list.length === 1) {
      if (c.tool(list[0])) n = facts.impact(list[0]);
    } else for (const id of new Set(list)) if (c.tool(id)) n += facts.impact(id);
    return n;
  };
  for (const d of drafts.values()) d.impact = impactOf(d);
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
  // The priority order once (a sort), then the heap compares positions in it: thousands of
  // initiatives would otherwise run the five-key comparison at every heap step.
  const sorted = [...items].sort(cmp);
  const rank = new Map<T, number>();
  sorted.forEach((x, i) => rank.set(x, i));
  const index = new Map<string, number>();
  for (const x of sorted) if (!index.has(x.id)) index.set(x.id, rank.get(x)!);
  const n = sorted.length;
  const indeg = new Int32Array(n);
  const users: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    for (const d of x.dependsOn) {
      const j = index.get(d);
      if (j === undefined || d === x.id) continue;
      indeg[i]++;
      (users[j] ??= []).push(i);
    }
  }
  // Items sharing an id share its users and degree, as before (each id is one node).
  const heap = new RankHeap();
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const out: T[] = [];
  const done = new Uint8Array(n);
  let next = 0;
  while (out.length < n) {
    let i = heap.pop();
    if (i < 0) {
      // A cycle: the first item not yet placed, in priority order.
      while (done[next]) next++;
      i = next;
    }
    if (done[i]) continue;
    done[i] = 1;
    out.push(sorted[i]);
    for (const u of users[i] ?? []) {
      indeg[u]--;
      if (indeg[u] === 0 && !done[u]) heap.push(u);
    }
  }
  return out;
}

/** A binary min-heap of numbers (positions in the priority order). */
class RankHeap {
  private a: number[] = [];
  push(x: number): void {
    const a = this.a;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= x) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = x;
  }
  /** The smallest, or -1 when empty. */
  pop(): number {
    const a = this.a;
    if (!a.length) return -1;
    const top = a[0];
    const last = a.pop()!;
    const n = a.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const m = l + 1 < n && a[l + 1] < a[l] ? l + 1 : l;
        if (a[m] >= last) break;
        a[i] = a[m];
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
