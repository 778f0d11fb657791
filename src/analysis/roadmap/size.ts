// (r2) Size fits the company (rules.md "A roadmap a consultant can sign"): durations and the number
// of initiatives scale with the stack. A small company without a hub adopts a CRM in weeks instead
// of a pilot and a migration; many same-kind initiatives become one (one "agree sources of truth"
// workshop, not eight one-month projects). Also here: consolidations carry the saving of the tools
// they drop, and consent and restricted-data findings always get a phase-1 initiative.
import { isMedia } from '../capabilities.js';
import type { Finding } from '../types.js';
import { departmentName } from '../../model/model.js';
import { byId, type PlanContext } from './context.js';
import { cannotAnchor, isFileTool } from './targets.js';
import type { Draft } from './types.js';
import type { SIZE_INITIATIVES } from './ids.js';

/** A stack this small is changed in weeks: every generated initiative lasts a month at most. */
export const SMALL_STACK = 15;
/** ... in a company this small (`organization.employees`; unknown counts as small, as before). */
export const SMALL_COMPANY = 50;
/** From this many same-kind initiatives on, they are one. */
export const GROUP_FROM = 3;

export function isSmallStack(c: PlanContext): boolean {
  const people = c.ws.organization.employees;
  return c.facts.activeTools.length <= SMALL_STACK && (people === undefined || people <= SMALL_COMPANY);
}

/** Consent lost or restricted data flowing: phase 1 whatever else is planned (rules.md r2). */
export function proposeCompliance(c: PlanContext, relevant: readonly Finding[]): void {
  // Only consent and restricted-data findings can need one: which of them a phase-1 draft answers.
  const candidates = new Set<string>();
  for (const f of relevant) if (f.rule === 'consent-not-synced' || f.rule === 'restricted-data-flow') candidates.add(f.id);
  if (!candidates.size) return;
  const inPhase1 = new Set<string>();
  for (const d of c.drafts.values()) if (d.phase === 1) for (const x of d.addresses) if (candidates.has(x)) inPhase1.add(x);
  for (const f of relevant) {
    const rule: string = f.rule;
    if ((rule !== 'consent-not-synced' && rule !== 'restricted-data-flow') || inPhase1.has(f.id)) continue;
    const subject = f.id.slice(rule.length + 1);
    if (rule === 'consent-not-synced' && c.tool(subject)) {
      const x = c.tool(subject)!;
      c.draft(`sync-consent-${subject}`, () => ({
        kind: 'integrate', phase: 1, title: c.title('roadmap.title.sync-consent', { tool: x.name }),
        tools: [subject, ...c.toolEntities(f).filter((id) => id !== subject)], subjects: [subject], owner: x.owner, months: 1,
        keep: [], drop: [],
      })).addresses.add(f.id);
    } else if (rule === 'restricted-data-flow') {
      const [from, to] = subject.split('+');
      if (!c.tool(from) || !c.tool(to)) continue;
      c.draft(`stop-restricted-${from}-${to}`, () => ({
        kind: 'process', phase: 1, title: c.title('roadmap.title.stop-restricted', { from: c.name(from), to: c.name(to) }),
        tools: [from, to], subjects: [from, to], owner: c.tool(from)?.owner, months: 1, keep: [], drop: [],
      })).addresses.add(f.id);
    }
  }
}

/** Consolidations save what the tools they drop cost (unless a retirement already counts it). */
export function consolidationSavings(c: PlanContext): void {
  // The draft dropping each tool, or 'several', found once on first need (the consolidations are
  // few, the drafts many).
  let droppers: Map<string, Draft | 'several'> | undefined;
  const droppedByOthers = (d: Draft, id: string): boolean => {
    if (!droppers) {
      droppers = new Map();
      for (const o of c.drafts.values()) {
        for (const t of o.drop ?? []) {
          const by = droppers.get(t);
          droppers.set(t, by === undefined || by === o ? o : 'several');
        }
      }
    }
    const by = droppers.get(id);
    return by !== undefined && by !== d;
  };
  for (const d of c.drafts.values()) {
    if (d.kind !== 'consolidate' || d.source !== 'generated' || d.savingMinor !== undefined) continue;
    let sum = 0;
    for (const id of d.drop ?? []) {
      const x = c.tool(id);
      if (!x || x.status !== 'active' && x.status !== 'pilot') continue;
      // Media spend is never a saving: what an ad account costs is the advertising itself.
      if (x.primaryCapabilities.length && x.primaryCapabilities.every(isMedia)) continue;
      if (droppedByOthers(d, id)) continue;
      sum += x.annualCostMinor ?? 0;
    }
    if (sum) d.savingMinor = sum;
  }
}

/** Merges drafts into one, keeping the first's place; dependencies on the merged ones follow. */
function mergeInto(c: PlanContext, target: Draft, parts: readonly Draft[]): void {
  joinInto(c, target, parts);
  redirectDependencies(c, new Map(parts.map((p) => [p.id, target])));
}

/** Merges drafts into one, keeping the first's place; the dependencies on them are left to redirectDependencies. */
export function joinInto(c: PlanContext, target: Draft, parts: readonly Draft[]): void {
  // Membership in sets while merging: grouping thousands of drafts (one seat reduction per tool)
  // would otherwise search and copy the growing lists once per part.
  const appendNew = (into: string[], seen: Set<string>, xs: readonly string[]) => {
    for (const x of xs) if (!seen.has(x)) {
      seen.add(x);
      into.push(x);
    }
  };
  // Unions in first-seen order (the target's own duplicates dropped, as a set of both did).
  const union = (own: readonly string[]) => {
    const seen = new Set<string>();
    const out: string[] = [];
    appendNew(out, seen, own);
    return { out, seen };
  };
  const tools = new Set(target.tools);
  const subjects = new Set(target.subjects);
  const keep = union(target.keep ?? []);
  const drop = union(target.drop ?? []);
  const renewal = union(target.renewalTools);
  for (const p of parts) {
    for (const x of p.addresses) target.addresses.add(x);
    for (const x of p.extraDepartments) target.extraDepartments.add(x);
    for (const x of p.stakeholders) target.stakeholders.add(x);
    for (const x of p.dependsOn) target.dependsOn.add(x);
    appendNew(target.tools, tools, p.tools);
    appendNew(target.subjects, subjects, p.subjects);
    appendNew(keep.out, keep.seen, p.keep ?? []);
    appendNew(drop.out, drop.seen, p.drop ?? []);
    appendNew(renewal.out, renewal.seen, p.renewalTools);
    if (p.savingMinor) target.savingMinor = (target.savingMinor ?? 0) + p.savingMinor;
    if (p.decidedSavingMinor) target.decidedSavingMinor = (target.decidedSavingMinor ?? 0) + p.decidedSavingMinor;
    if (p.owner && p.owner !== target.owner) target.extraDepartments.add(p.owner);
    c.drafts.delete(p.id);
  }
  if (parts.length) {
    target.keep = keep.out;
    target.drop = drop.out;
    target.renewalTools = renewal.out;
  }
  c.drafts.set(target.id, target);
  c.indexSubjects(target);
}

/**
 * Dependencies on merged drafts become dependencies on what they were merged into (`into`: merged
 * id -> the draft now answering for it); a draft never depends on itself.
 */
export function redirectDependencies(c: PlanContext, into: ReadonlyMap<string, Draft>): void {
  for (const d of c.drafts.values()) {
    // Most drafts depend on none of the merged ones: looked at in place, copied only to be rewritten
    // (#18: grouping merges tens of times, and each merge looked at every draft of the roadmap).
    if (!d.dependsOn.size || !dependsOnAny(d, into)) continue;
    for (const x of [...d.dependsOn]) {
      const target = into.get(x);
      if (!target) continue;
      d.dependsOn.delete(x);
      if (d !== target) d.dependsOn.add(target.id);
    }
  }
  for (const target of new Set(into.values())) target.dependsOn.delete(target.id);
}

function dependsOnAny(d: Draft, ids: ReadonlyMap<string, unknown>): boolean {
  for (const x of d.dependsOn) if (ids.has(x)) return true;
  return false;
}

function group(c: PlanContext, members: Draft[], id: (typeof SIZE_INITIATIVES)[number], title: (ds: Draft[]) => Draft['title']): void {
  if (members.length < GROUP_FROM) return;
  const sorted = [...members].sort((a, b) => byId(a.id, b.id));
  const base = sorted[0];
  const target: Draft = {
    ...base, id, title: title(sorted), addresses: new Set(), extraDepartments: new Set(), stakeholders: new Set(), dependsOn: new Set(),
    tools: [], subjects: [], keep: [], drop: [], renewalTools: [], savingMinor: undefined, decidedSavingMinor: undefined,
    months: Math.max(...sorted.map((d) => d.months)),
  };
  mergeInto(c, target, sorted);
}

/**
 * More same-kind initiatives than a team can run (rules.md: "many same-kind initiatives are
 * grouped"). Up to MANY_OF_A_KIND, each stays its own initiative: five at a time in waves, a dozen
 * of them is a year of work at most, which a programme office plans and follows one by one. Beyond
 * that (a stack of hundreds or thousands of tools), one initiative per retirement or per connection
 * schedules centuries of waves that nobody would sign: the roadmap becomes programmes, one per
 * capability for retirements (the same migration onto the keeper, done once per tool family) and
 * one per owning department for connections, manual transfers, restricted flows and real-time
 * upgrades (the team that owns the tools runs the work). Every example and realistic workspace has
 * at most three of a kind: their roadmaps do not change.
 */
export const MANY_OF_A_KIND = 12;

interface Family {
  /** Which generated drafts are of the kind. */
  is(d: Draft): boolean;
  /** The group a member goes into (undefined: it stays on its own). */
  key(d: Draft): string | undefined;
  /** The group's id from its key. */
  id(key: string): string;
  /** The group's title. */
  title(key: string, members: readonly Draft[], keep: readonly string[]): Draft['title'];
}

/**
 * The capability a redundant tool's retirement is about: the overlap it answers (the first by id
 * that is one of the tool's primary capabilities, else the first by id), else its first primary
 * capability by id. One look at its findings, no list sorted (#18: thousands of retirements).
 */
export function retiredCapability(c: PlanContext, d: Draft): string | undefined {
  const own = c.tool(d.subjects[0])?.primaryCapabilities ?? [];
  let first: string | undefined;
  let firstOwn: string | undefined;
  for (const x of d.addresses) {
    if (!x.startsWith(OVERLAP)) continue;
    const cap = x.slice(OVERLAP.length);
    if (first === undefined || cap < first) first = cap;
    if ((firstOwn === undefined || cap < firstOwn) && own.includes(cap)) firstOwn = cap;
  }
  return firstOwn ?? first ?? smallest(own);
}

const OVERLAP = 'capability-overlap:';

/** The first of some ids in byId order, or undefined. */
const smallest = (ids: readonly string[]): string | undefined => {
  let min: string | undefined;
  for (const x of ids) if (min === undefined || x < min) min = x;
  return min;
};

function families(c: PlanContext): Family[] {
  const dept = (d: Draft) => d.owner ?? 'none';
  const deptName = (key: string) => departmentName(c.ws, key === 'none' ? undefined : key);
  const subjectNames = (ms: readonly Draft[]) => c.words.someOf([...new Set(ms.flatMap((d) => d.subjects))].map((id) => c.name(id)), 6);
  const count = (ms: readonly Draft[]) => new Set(ms.flatMap((d) => d.subjects)).size;
  /** Drafts whose id starts with `prefix`, grouped by owning department as `<id>-<department>`. */
  const perDepartment = (prefix: string, id: string, titleKey: string, named: boolean): Family => ({
    is: (d) => d.id.startsWith(prefix),
    key: dept,
    id: (key) => `${id}-${key}`,
    title: (key, ms) => c.title(`roadmap.title.${titleKey}`, { count: ms.length, department: deptName(key), ...(named ? { tools: subjectNames(ms) } : {}) }),
  });
  return [
    {
      // Retirements of redundant tools, per phase (the later ones wait for a connection) and capability.
      is: (d) => d.kind === 'retire' && d.id.startsWith('retire-') && d.subjects.length === 1 && d.addresses.has(`redundant-tool:${d.subjects[0]}`),
      key: (d) => {
        const cap = retiredCapability(c, d);
        // Those that wait for other work (a connection first) are a second programme: the rest need not wait.
        return cap === undefined ? undefined : `${cap}${d.phase === 1 && !d.dependsOn.size ? '' : '-after-connection'}`;
      },
      id: (key) => `retirements-${key}`,
      title: (key, ms, keep) => c.title('roadmap.title.retire-redundant-group', {
        count: count(ms), capability: c.words.capability(key.replace(/-after-connection$/, '')),
        keep: c.words.someOf(keep.map((id) => c.name(id)), 3), tools: subjectNames(ms),
      }),
    },
    {
      // Tools already being retired whose retirement is to finish, per capability.
      is: (d) => d.kind === 'retire' && d.id.startsWith('retire-') && d.subjects.length === 1 && d.addresses.has(`retired-tool-in-use:${d.subjects[0]}`),
      key: (d) => {
        const cap = smallest(c.tool(d.subjects[0])?.primaryCapabilities ?? []);
        return cap === undefined ? undefined : `${cap}${d.dependsOn.size ? '-after-connection' : ''}`;
      },
      id: (key) => `finish-retirements-${key}`,
      title: (key, ms) => c.title('roadmap.title.retire-finish-group', {
        count: count(ms), capability: c.words.capability(key.replace(/-after-connection$/, '')), tools: subjectNames(ms),
      }),
    },
    {
      is: (d) => d.phase === 2 && d.kind === 'integrate' && d.id.startsWith('connect-') && d.id !== 'connect-to-hub' && !d.id.startsWith('connect-hubs-'),
      key: dept,
      id: (key) => `connect-department-${key}`,
      title: (key, ms) => c.title('roadmap.title.connect-group', { count: count(ms), department: deptName(key), tools: subjectNames(ms) }),
    },
    // The rest, per department: each member fixes one tool or touchpoint, and the programme names
    // the tools where a member is about one (manual copies, restricted flows).
    perDepartment('replace-manual-', 'automate-manual', 'replace-manual-group', true),
    perDepartment('stop-restricted-', 'stop-restricted-flows', 'stop-restricted-group', true),
    perDepartment('realtime-', 'realtime-department', 'realtime-group', false),
    perDepartment('freshen-', 'freshen-department', 'freshen-group', false),
    perDepartment('feed-', 'feed-department', 'feed-group', false),
    perDepartment('cover-', 'cover-department', 'cover-group', false),
  ];
}

/**
 * Programmes instead of thousands of initiatives of one kind (see MANY_OF_A_KIND). Runs after the
 * coherence repair: each member is repaired as the initiative it would be alone (the same findings
 * answered, the same tools kept and dropped), then the members are joined.
 */
export function groupMany(c: PlanContext): void {
  const authored = new Set(c.ws.strategy.initiatives.map((a) => a.id));
  const all = families(c);
  // Who may be of each family, in one look at the drafts (not one per family). A family takes those
  // still there when its turn comes (an earlier family may have merged some); a programme is never
  // of a later family (none of their ids starts like a later family's members).
  const candidates = all.map((): Draft[] => []);
  for (const d of c.drafts.values()) {
    // A retirement or connection the client wrote under its own id stays the client's.
    if (d.source !== 'generated' || authored.has(d.id)) continue;
    for (let i = 0; i < all.length; i++) if (all[i].is(d)) candidates[i].push(d);
  }
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    const members = candidates[i].filter((d) => c.drafts.get(d.id) === d);
    if (members.length <= MANY_OF_A_KIND) continue;
    // Each member's programme: the dependencies on the members follow once per family, not once per programme.
    const into = new Map<string, Draft>();
    const byKey = new Map<string, Draft[]>();
    for (const d of members) {
      const k = f.key(d);
      if (k === undefined) continue;
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(d);
    }
    for (const [key, list] of [...byKey.entries()].sort((a, b) => byId(a[0], b[0]))) {
      const id = f.id(key);
      // One of a kind stays as it is; an id already taken (a tool so named) is left alone.
      if (list.length < 2 || c.drafts.has(id)) continue;
      const sorted = list.sort((a, b) => byId(a.id, b.id));
      const dropped = new Set(sorted.flatMap((d) => d.drop ?? []));
      const keep = [...new Set(sorted.flatMap((d) => d.keep ?? []))].filter((t) => !dropped.has(t));
      const target: Draft = {
        ...sorted[0], id, addresses: new Set(), extraDepartments: new Set(), stakeholders: new Set(), dependsOn: new Set(),
        tools: [], subjects: [], keep: [], drop: [], renewalTools: [], savingMinor: undefined, decidedSavingMinor: undefined,
        months: Math.max(...sorted.map((d) => d.months)), impact: Math.max(...sorted.map((d) => d.impact)),
        title: f.title(key, sorted, keep),
      };
      joinInto(c, target, sorted);
      for (const d of sorted) into.set(d.id, target);
      target.keep = keep;
    }
    redirectDependencies(c, into);
  }
}

/** The tools to connect to a new CRM, the ones holding customer records first (analytics and file tools last). */
function crmCandidates(c: PlanContext): string[] {
  // What the new CRM is connected to: systems holding personal data that may flow. Not a file tool
  // (its data is moved into the CRM, not connected), not a tool whose data is all restricted or
  // impersonal (a portal's leads under its terms, an ad network's own metrics), not a tool on its way out.
  const restricted = (d: string) => {
    const r = c.ws.index.dataTypeById.get(d)?.restricted;
    return typeof r === 'string' && r.length > 0;
  };
  const impersonal = (d: string) => c.ws.index.dataTypeById.get(d)?.personal === false;
  const connectable = (id: string) => {
    const x = c.tool(id)!;
    return !isFileTool(x) && x.status !== 'retiring' && !x.data.every((d) => restricted(d) || impersonal(d));
  };
  const late = (id: string) => Number(c.facts.isMeasuringTool(id));
  return [...c.facts.customerDataTools].filter((x) => connectable(x.id))
    .sort((a, b) => late(a.id) - late(b.id) || c.facts.impact(b.id) - c.facts.impact(a.id) || byId(a.id, b.id)).map((x) => x.id);
}

/**
 * Without a hub, the CRM or CDP to adopt becomes the master of the customer data: deciding first
 * which of today's tools is the master (Crisp, Stripe or Typeform?) is work a consultant would
 * strike. An open source-of-truth decision goes into the hub's adoption.
 */
function masterInNewHub(c: PlanContext): void {
  if (c.facts.hubs.length) return;
  const hub = c.drafts.get('replatform-pilot') ?? c.drafts.get('establish-hub') ?? c.drafts.get('replatform');
  if (hub?.source !== 'generated') return;
  // Open source-of-truth decisions, and data to move out of files "into a system of record".
  const open = [...c.drafts.values()].filter((d) => d.source === 'generated' && (d.id.startsWith('designate-sot-') || d.id.startsWith('move-')) && !(d.keep ?? []).length);
  if (open.length) mergeInto(c, hub, open);
}

/**
 * One initiative per tool connection (blind review 2, defect 5): a freshness gap whose tools are
 * all being connected to the hub by one generated connection is answered by that connection, which
 * sets the new link's pace; a separate "bring data to and from X as fast as needed" would switch on
 * the same connector a second time.
 */
function freshenWithConnection(c: PlanContext): void {
  const generated = [...c.drafts.values()].filter((d) => d.source === 'generated');
  // The generated connection of each tool (indexed once: a large stack has thousands of drafts).
  const connectionOf = new Map<string, Draft>();
  for (const x of generated) {
    // A file's data moved into the system of record (move-<file>) is its connection too.
    const moving = x.id.startsWith('move-');
    if (!moving && (x.phase !== 2 || !x.id.startsWith('connect-'))) continue;
    for (const id of x.subjects) if ((moving || x.keep?.includes(id)) && !connectionOf.has(id)) connectionOf.set(id, x);
  }
  if (!connectionOf.size) return;
  for (const d of generated) {
    if (!d.id.startsWith('freshen-') || d.phase !== 2 || !d.subjects.length) continue;
    const connection = connectionOf.get(d.subjects[0]);
    if (connection && c.drafts.get(connection.id) === connection && d.subjects.every((id) => connectionOf.get(id) === connection)) mergeInto(c, connection, [d]);
  }
}

/** Groups same-kind initiatives and fits the durations to the stack. */
export function fitToSize(c: PlanContext): void {
  const generated = () => [...c.drafts.values()].filter((d) => d.source === 'generated');
  masterInNewHub(c);
  group(c, generated().filter((d) => d.id.startsWith('designate-sot-')), 'agree-sources-of-truth', (ds) =>
    c.title('roadmap.title.agree-sources-of-truth', { data: c.words.someOf(ds.map((d) => c.words.dataType(d.id.slice('designate-sot-'.length))), 6) }));
  group(c, generated().filter((d) => d.id.startsWith('license-')), 'reduce-licenses', (ds) =>
    c.title('roadmap.title.licenses', { tools: c.words.list(ds.map((d) => c.name(d.subjects[0] ?? d.id))) }));
  const onlyOrphans = (d: Draft) => {
    for (const x of d.addresses) if (!x.startsWith('orphan-tool:')) return false;
    return true;
  };
  const orphanRetirements = generated().filter((d) => d.id.startsWith('retire-') && onlyOrphans(d));
  group(c, orphanRetirements, 'retire-orphans', (ds) => c.title('roadmap.title.retire-orphans', { tools: c.words.list(ds.map((d) => c.name(d.subjects[0] ?? d.id))) }));

  if (!isSmallStack(c)) {
    freshenWithConnection(c);
    return;
  }
  // A small company connects its tools to the hub in one piece of work, not one project per tool:
  // the generated connections of phase 2 that carry a tool's data to the same hub.
  const byHub = new Map<string, Draft[]>();
  for (const d of generated()) {
    if (!d.id.startsWith('connect-') || d.id === 'connect-to-hub' || d.phase !== 2 || d.subjects.length !== 1) continue;
    // A file is moved into a system, not connected (the coherence repair drops such a connection).
    if (cannotAnchor(c.tool(d.subjects[0]))) continue;
    const hub = (d.keep ?? []).find((t) => c.facts.isHub(t) && t !== d.subjects[0]);
    if (!hub || (d.keep ?? []).some((t) => t !== hub && t !== d.subjects[0])) continue;
    byHub.set(hub, [...(byHub.get(hub) ?? []), d]);
  }
  const [hubId, connects] = [...byHub.entries()].sort((a, b) => b[1].length - a[1].length || byId(a[0], b[0]))[0] ?? [];
  if (hubId && connects) {
    group(c, connects, 'connect-to-hub', (ds) => c.title('roadmap.title.connect-to-hub', {
      tools: c.words.someOf(ds.map((d) => c.name(d.subjects[0])), 6), hub: c.name(hubId),
    }));
    const grouped = c.drafts.get('connect-to-hub');
    if (grouped && grouped.source === 'generated') {
      grouped.keep = [...new Set([...connects.map((d) => d.subjects[0]), hubId])];
      // The hub's owner runs it; the owners of the tools connected take part.
      const owner = c.tool(hubId)?.owner;
      if (owner && owner !== grouped.owner) {
        if (grouped.owner) grouped.extraDepartments.add(grouped.owner);
        grouped.owner = owner;
      }
    }
  }
  // A small company without a hub: adopt a CRM and connect the rest to it, in weeks.
  const pilot = c.drafts.get('replatform-pilot');
  const migration = c.drafts.get('replatform');
  if (!c.facts.hubs.length && (pilot?.source === 'generated' || migration?.source === 'generated')) {
    const tools = crmCandidates(c);
    const adopt: Draft = {
      ...(migration ?? pilot)!, id: 'establish-hub', kind: 'integrate', phase: 2, pilot: false,
      title: c.title('roadmap.title.adopt-crm', { tools: c.words.someOf(tools.map((id) => c.name(id)), 4) }),
      addresses: new Set(), extraDepartments: new Set(), stakeholders: new Set(), dependsOn: new Set(), keep: [], drop: [],
      tools: [], subjects: [], months: 1,
    };
    mergeInto(c, adopt, [pilot, migration].filter((d): d is Draft => d?.source === 'generated'));
  }
  const hub = c.drafts.get('establish-hub');
  if (hub?.source === 'generated' && !c.facts.hubs.length) {
    const files = hub.drop ?? [];
    const tools = crmCandidates(c).filter((id) => !files.includes(id));
    hub.title = files.length
      ? c.title('roadmap.title.adopt-crm-files', { tools: c.words.someOf(tools.map((id) => c.name(id)), 4), files: c.words.list(files.map((id) => c.name(id))) })
      : c.title('roadmap.title.adopt-crm', { tools: c.words.someOf(tools.map((id) => c.name(id)), 4) });
    // "Adopt a CRM and connect X, Y and Z to it" already connects them: a separate "connect Y to
    // the customer hub" after it would be the same work twice.
    const named = new Set(tools);
    const parts = generated().filter((d) => d !== hub && d.id.startsWith('connect-') && d.phase === 2
      && d.subjects.length === 1 && named.has(d.subjects[0]));
    if (parts.length) mergeInto(c, hub, parts);
  }
  freshenWithConnection(c);
  for (const d of generated()) if (d.months > 1) d.months = 1;
}
