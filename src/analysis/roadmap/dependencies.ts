// Dependencies among generated initiatives: decide which record wins before syncing it; connect
// before consolidating or going live; retire a redundant tool only once the tool taking over
// receives what it receives today.
import { isFindingOf } from '../rules/index.js';
import type { PlanContext } from './context.js';
import type { Draft } from './types.js';

export function linkDependencies(c: PlanContext, severityOf: ReadonlyMap<string, number> = new Map()): void {
  const { facts, drafts } = c;
  const all = [...drafts.values()];
  // (r2) A fix is never scheduled after less severe work that does not block it: a master-data
  // decision on a low finding does not hold up connecting a silo of a high one into the hub (the
  // hub receives copies; the sync rule is set when the decision comes). A decision at least as
  // severe as the fix, or one between the customer views being joined, comes first.
  const worst = (d: Draft) => {
    let w = 0;
    for (const x of d.addresses) w = Math.max(w, severityOf.get(x) ?? 0);
    return w;
  };
  const sotByData = new Map(all.filter((d) => d.id.startsWith('designate-sot-')).map((d) => [d.id.slice('designate-sot-'.length), d]));
  const isConnect = (d: Draft) => d.phase === 2 && d.id.startsWith('connect-');
  for (const d of all) {
    if (sotByData.size && (d.id.startsWith('connect-') || d.id === 'replatform-pilot' || d.id === 'establish-hub' || d.id.startsWith('replace-manual-'))) {
      const mine = new Set(d.tools);
      // The data the initiative moves: what a manual link carries, else what the tools being
      // connected hold (a hub's own data only when hubs are what is being connected).
      const own = d.subjects.filter((id) => !facts.isHub(id));
      // Joining two customer views (two hubs, a pilot, a new hub) needs the winner of each record
      // decided first; a tool connected into a hub only sends it copies.
      // With no hub yet, the connection waits for whatever the master decision became (the pilot).
      const joinsMasters = !own.length || !facts.hubs.length || d.id === 'replatform-pilot' || d.id === 'establish-hub';
      const moved = d.flowData ?? (own.length ? own : d.subjects).flatMap((id) => c.tool(id)?.data ?? []);
      for (const data of new Set(moved)) {
        const s = sotByData.get(data);
        if (s?.tools.some((x) => mine.has(x)) && (joinsMasters || worst(s) >= worst(d))) d.dependsOn.add(s.id);
      }
    }
    if (d.kind === 'consolidate' || d.id.startsWith('realtime-')) {
      for (const id of new Set([...d.subjects, ...d.tools])) {
        for (const x of c.draftsAbout(id)) if (x !== d && drafts.get(x.id) === x && isConnect(x)) d.dependsOn.add(x.id);
      }
    }
  }

  // A redundant tool can go only once the tool taking over receives what it receives today:
  // when a tool that feeds it sits in another group of connected tools than the keeper, wait
  // for the connection that joins the two groups. (Components, not data paths: O(1) per link.)
  // The connections joining each pair of groups (keeper's group -> feeder's group), each in
  // draft order: a redundant tool looks up its feeders' groups instead of testing every
  // connection of the keeper's group (8,500 redundant tools x 600 connections at 10k tools).
  const joining = new Map<number, Map<number, Draft[]>>();
  const position = new Map<Draft, number>();
  for (const x of all) {
    if (!isConnect(x)) continue;
    position.set(x, position.size);
    const comps = new Set(x.tools.filter((id) => c.tool(id)).map((id) => facts.componentOf(id).index));
    for (const a of comps) {
      let m = joining.get(a);
      if (!m) joining.set(a, (m = new Map()));
      for (const b of comps) if (b !== a) (m.get(b) ?? m.set(b, []).get(b)!).push(x);
    }
  }
  for (const f of c.findingsOf('redundant-tool')) {
    if (!isFindingOf(f, 'redundant-tool')) continue;
    const id = f.details.tool;
    const d = drafts.get(`retire-${id}`);
    const keep = f.details.keep;
    if (!d || !keep || !c.tool(keep)) continue;
    const keepSide = joining.get(facts.componentOf(keep).index);
    if (!keepSide) continue;
    // The groups of the tools feeding it (a set of drafts, so a group met twice adds nothing).
    let waits: Set<Draft> | undefined;
    for (const it of c.ws.index.integrationsTo.get(id) ?? []) {
      if (!facts.carried(it).length) continue;
      const joins = keepSide.get(facts.componentOf(it.from).index);
      if (joins) for (const x of joins) if (x !== d) (waits ??= new Set()).add(x);
    }
    if (waits) for (const x of [...waits].sort((a, b) => position.get(a)! - position.get(b)!)) d.dependsOn.add(x.id);
  }
}
