// Compares two audits: the models (tools, touchpoints, integrations, matched by id so that a
// renamed file or a moved folder changes nothing) and the results (findings by their stable
// id, cost, redundant spend, assessment). Pure: no git, no I/O.
import type { AuditResult } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import { minorToMajor, type Workspace } from '../model/model.js';
import { SEVERITY_RANK, type IntegrationMode, type Level } from '../model/vocabulary.js';
import { digestOf, sortedById, type DataTypeDigest, type EntityDigest, type IntegrationDigest, type SideDigest, type ToolDigest, type TouchpointDigest } from './digest.js';
import type {
  DiffResult, DiffSide, FieldChange, FindingSummary, IntegrationChange, IntegrationSummary, ToolChange, ToolSummary,
  TouchpointChange, TouchpointFieldChange, TouchpointSummary,
} from './types.js';

export interface AuditSide {
  workspace: Workspace;
  result: AuditResult;
  label: string;
  commit?: string;
  path: string;
}


function toolSummary(t: ToolDigest): ToolSummary {
  const s: ToolSummary = { id: t.id, name: t.name, status: t.status };
  if (t.owner) s.owner = t.owner;
  if (t.annualCostMinor !== undefined) s.annualCost = minorToMajor(t.annualCostMinor);
  if (t.seats) s.seats = { ...t.seats };
  return s;
}

/** One side's lookups: tool names, stage labels, persona names, data types by id. */
interface Names {
  tools: Map<string, string>;
  stages: Record<string, string>;
  personas: Map<string, string>;
  dataTypes: Map<string, DataTypeDigest>;
}

function namesOf(d: EntityDigest): Names {
  return {
    tools: new Map(d.tools.map((x) => [x.id, x.name])),
    stages: d.stageNames,
    personas: new Map(d.personas.map((x) => [x.id, x.name])),
    dataTypes: new Map(d.dataTypes.map((x) => [x.id, x])),
  };
}

const has = (o: Record<string, string>, id: string): boolean => Object.hasOwn(o, id);

function touchpointSummary(t: TouchpointDigest, n: Names): TouchpointSummary {
  return { id: t.id, name: t.name, stage: t.stage, stageName: has(n.stages, t.stage) ? n.stages[t.stage] : t.stage, channel: t.channel };
}

function toolName(n: Names, id: string): string {
  return n.tools.get(id) ?? id;
}

function integrationSummary(i: IntegrationDigest, n: Names): IntegrationSummary {
  const s: IntegrationSummary = {
    id: i.id, from: i.from, to: i.to, fromName: toolName(n, i.from), toName: toolName(n, i.to),
    mode: i.mode as IntegrationMode, bidirectional: i.bidirectional,
  };
  if (i.data) s.data = [...i.data];
  return s;
}

function sameSeats(a: ToolDigest['seats'], b: ToolDigest['seats']): boolean {
  return (a?.licensed ?? null) === (b?.licensed ?? null) && (a?.active ?? null) === (b?.active ?? null);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return [...a].sort().join('\n') === [...b].sort().join('\n');
}

function toolChanges(a: ToolDigest, b: ToolDigest): FieldChange[] {
  const out: FieldChange[] = [];
  if (a.name !== b.name) out.push({ field: 'name', before: a.name, after: b.name });
  if (a.status !== b.status) out.push({ field: 'status', before: a.status, after: b.status });
  if ((a.owner ?? null) !== (b.owner ?? null)) out.push({ field: 'owner', before: a.owner ?? null, after: b.owner ?? null });
  if ((a.annualCostMinor ?? null) !== (b.annualCostMinor ?? null)) {
    out.push({
      field: 'cost',
      before: a.annualCostMinor === undefined ? null : minorToMajor(a.annualCostMinor),
      after: b.annualCostMinor === undefined ? null : minorToMajor(b.annualCostMinor),
    });
  }
  if (!sameSeats(a.seats, b.seats)) out.push({ field: 'seats', before: a.seats ?? null, after: b.seats ?? null });
  if (a.hub !== b.hub) out.push({ field: 'hub', before: a.hub, after: b.hub });
  if ((a.thirdPartyCookies ?? null) !== (b.thirdPartyCookies ?? null)) {
    out.push({ field: 'thirdPartyCookies', before: a.thirdPartyCookies ?? null, after: b.thirdPartyCookies ?? null });
  }
  return out;
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

function touchpointChanges(a: TouchpointDigest, b: TouchpointDigest): TouchpointFieldChange[] {
  const out: TouchpointFieldChange[] = [];
  if (a.name !== b.name) out.push({ field: 'name', before: a.name, after: b.name });
  if (a.stage !== b.stage) out.push({ field: 'stage', before: a.stage, after: b.stage });
  if (a.channel !== b.channel) out.push({ field: 'channel', before: a.channel, after: b.channel });
  if ((a.owner ?? null) !== (b.owner ?? null)) out.push({ field: 'owner', before: a.owner ?? null, after: b.owner ?? null });
  if (!sameList(a.tools, b.tools)) out.push({ field: 'tools', before: sorted(a.tools), after: sorted(b.tools) });
  if (!sameList(a.captures, b.captures)) out.push({ field: 'captures', before: sorted(a.captures), after: sorted(b.captures) });
  if (a.realtime !== b.realtime) out.push({ field: 'realtime', before: a.realtime, after: b.realtime });
  if (a.inScope !== b.inScope) out.push({ field: 'inScope', before: a.inScope, after: b.inScope });
  // Revision 2. `needs: realtime` is the realtime change above already.
  const given = (x: TouchpointDigest) => (x.personasGiven ? sorted(x.personas) : null);
  if (!sameList(given(a) ?? undefined, given(b) ?? undefined)) out.push({ field: 'personas', before: given(a), after: given(b) });
  if ((a.personalized ?? null) !== (b.personalized ?? null)) out.push({ field: 'personalized', before: a.personalized ?? null, after: b.personalized ?? null });
  const needs = (x: TouchpointDigest) => (x.needs === 'realtime' ? null : x.needs ?? null);
  if (needs(a) !== needs(b)) out.push({ field: 'needs', before: needs(a), after: needs(b) });
  return out;
}

/** The names a touchpoint change needs to be read: its stages and tools, the new side's name first. */
function touchpointNames(changes: TouchpointFieldChange[], na: Names, nb: Names): Record<string, string> {
  const names: Record<string, string> = {};
  for (const c of changes) {
    if (c.field !== 'stage' && c.field !== 'tools' && c.field !== 'personas') continue;
    const ids = [c.before, c.after].flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])) as string[];
    for (const id of [...ids].sort()) {
      if (c.field === 'stage') {
        const n = has(nb.stages, id) ? nb.stages[id] : has(na.stages, id) ? na.stages[id] : undefined;
        if (n) names[id] = n;
      } else if (c.field === 'tools') {
        const n = nb.tools.get(id) ?? na.tools.get(id);
        if (n) names[id] = n;
      } else if (c.field === 'personas') {
        const n = nb.personas.get(id) ?? na.personas.get(id);
        if (n) names[id] = n;
      }
    }
  }
  return names;
}

function integrationChanges(a: IntegrationDigest, b: IntegrationDigest): IntegrationChange['changes'] {
  const out: IntegrationChange['changes'] = [];
  if (a.mode !== b.mode) out.push({ field: 'mode', before: a.mode, after: b.mode });
  if (a.bidirectional !== b.bidirectional) out.push({ field: 'bidirectional', before: a.bidirectional, after: b.bidirectional });
  if (!sameList(a.data, b.data)) out.push({ field: 'data', before: a.data ? [...a.data] : null, after: b.data ? [...b.data] : null });
  // Revision 2: the effective frequency; a mode change that only moves the default says nothing more.
  if ((a.frequency ?? null) !== (b.frequency ?? null) && (a.frequencyGiven || b.frequencyGiven || a.mode === b.mode)) {
    out.push({ field: 'frequency', before: a.frequency ?? null, after: b.frequency ?? null });
  }
  return out;
}

/** Revision 2: personas added, removed, renamed or re-staged; undefined when neither side has any or nothing changed. */
function personaChanges(pa: SideDigest['personas'], pb: SideDigest['personas']): DiffResult['personas'] {
  if (!pa.length && !pb.length) return undefined;
  const { added, removed, both } = addedRemoved(pa, pb);
  const changed: NonNullable<DiffResult['personas']>['changed'] = [];
  for (const [x, y] of both) {
    const changes: NonNullable<DiffResult['personas']>['changed'][number]['changes'] = [];
    if (x.name !== y.name) changes.push({ field: 'name', before: x.name, after: y.name });
    if (x.stages.join('\n') !== y.stages.join('\n')) changes.push({ field: 'stages', before: [...x.stages], after: [...y.stages] });
    if (changes.length) changed.push({ id: y.id, name: y.name, changes });
  }
  if (!added.length && !removed.length && !changed.length) return undefined;
  const brief = (p: { id: string; name: string }) => ({ id: p.id, name: p.name });
  return { added: added.map(brief), removed: removed.map(brief), changed };
}

/** Revision 2: data types used on both sides whose party, personal, consent or restriction changed. */
function dataTypeChanges(na: Names, b: EntityDigest): DiffResult['dataTypes'] {
  const changed: NonNullable<DiffResult['dataTypes']>['changed'] = [];
  for (const y of b.dataTypes) {
    const x = na.dataTypes.get(y.id);
    if (!x) continue;
    const changes: NonNullable<DiffResult['dataTypes']>['changed'][number]['changes'] = [];
    for (const field of ['party', 'personal', 'consent', 'restricted'] as const) {
      if ((x[field] ?? null) !== (y[field] ?? null)) changes.push({ field, before: x[field] ?? null, after: y[field] ?? null });
    }
    if (changes.length) changed.push({ id: y.id, name: y.label, changes });
  }
  return changed.length ? { changed } : undefined;
}

/** Whether `xs` is in the order of sortedById (digestOf gives its lists so). */
function isSortedById(xs: readonly { id: string }[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1].id > xs[i].id) return false;
  return true;
}

/**
 * Set difference by id: what only `b` has (added) and what only `a` has (removed), and the pairs
 * on both sides (b's item with a's last one of that id), each sorted by id. One pass over the two
 * lists sorted by id (stable: items of the same id keep their order).
 */
function addedRemoved<T extends { id: string }>(a0: readonly T[], b0: readonly T[]): { added: T[]; removed: T[]; both: [T, T][] } {
  const a = isSortedById(a0) ? a0 : sortedById(a0);
  const b = isSortedById(b0) ? b0 : sortedById(b0);
  const added: T[] = [];
  const removed: T[] = [];
  const both: [T, T][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].id < b[j].id)) {
      removed.push(a[i++]);
    } else if (i >= a.length || b[j].id < a[i].id) {
      added.push(b[j++]);
    } else {
      const id = a[i].id;
      while (i + 1 < a.length && a[i + 1].id === id) i++;
      const partner = a[i++];
      while (j < b.length && b[j].id === id) both.push([partner, b[j++]]);
    }
  }
  return { added, removed, both };
}

/** The rank of each rule in localeCompare's order, worked out once per distinct rule instead of once per comparison. */
function ruleRanks(lists: readonly (readonly FindingSummary[])[]): Map<string, number> {
  const rules = [...new Set(lists.flatMap((l) => l.map((f) => f.rule)))].sort((x, y) => x.localeCompare(y));
  const rank = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < rules.length; i++) {
    if (i > 0 && rules[i - 1].localeCompare(rules[i]) !== 0) r++;
    rank.set(rules[i], r);
  }
  return rank;
}

/** Sorts in place in the order of compareFindings. */
function sortFindings<T extends FindingSummary>(list: T[], rank: Map<string, number>): T[] {
  return list.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || rank.get(a.rule)! - rank.get(b.rule)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Findings: most severe first, then rule, then id (the order reports use). */
export function compareFindings(a: FindingSummary, b: FindingSummary): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.rule.localeCompare(b.rule) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const toMinor = (major: number): number => Math.round(major * 100);
const moneyDelta = (before: number, after: number): number => minorToMajor(toMinor(after) - toMinor(before));

function side(s: SideDigest): DiffSide {
  const out: DiffSide = { label: s.label, path: s.path, organization: s.organization, currency: s.currency };
  if (s.commit) out.commit = s.commit;
  return out;
}

/** What changed in the two sides' workspaces: everything the diff compares but the findings and the figures. */
export interface EntityChanges {
  tools: DiffResult['tools'];
  touchpoints: DiffResult['touchpoints'];
  integrations: DiffResult['integrations'];
  personas: DiffResult['personas'];
  dataTypes: DiffResult['dataTypes'];
}

/**
 * Compares the workspace parts of two digests (digest.ts entityDigest). Needs neither side's
 * findings: the command compares these while the worker still analyses its side.
 */
export function diffEntities(a: EntityDigest, b: EntityDigest): EntityChanges {
  const na = namesOf(a);
  const nb = namesOf(b);
  const tools = addedRemoved(a.tools, b.tools);
  const changedTools: ToolChange[] = [];
  for (const [x, y] of tools.both) {
    const changes = toolChanges(x, y);
    if (changes.length) changedTools.push({ id: y.id, name: y.name, changes });
  }
  const touchpoints = addedRemoved(a.touchpoints, b.touchpoints);
  const changedTouchpoints: TouchpointChange[] = [];
  for (const [x, y] of touchpoints.both) {
    const changes = touchpointChanges(x, y);
    if (changes.length) changedTouchpoints.push({ id: y.id, name: y.name, changes, names: touchpointNames(changes, na, nb) });
  }
  const integrations = addedRemoved(a.integrations, b.integrations);
  const changedIntegrations: IntegrationChange[] = [];
  for (const [x, y] of integrations.both) {
    const changes = integrationChanges(x, y);
    if (changes.length) changedIntegrations.push({
      id: y.id, from: y.from, to: y.to, fromName: toolName(nb, y.from), toName: toolName(nb, y.to), changes,
    });
  }
  return {
    tools: { added: tools.added.map(toolSummary), removed: tools.removed.map(toolSummary), changed: changedTools },
    touchpoints: {
      added: touchpoints.added.map((x) => touchpointSummary(x, nb)),
      removed: touchpoints.removed.map((x) => touchpointSummary(x, na)),
      changed: changedTouchpoints,
    },
    integrations: {
      added: integrations.added.map((i) => integrationSummary(i, nb)),
      removed: integrations.removed.map((i) => integrationSummary(i, na)),
      changed: changedIntegrations,
    },
    personas: personaChanges(a.personas, b.personas),
    dataTypes: dataTypeChanges(na, b),
  };
}

/**
 * Compares two sides' digests (src/diff/digest.ts). `entities`: diffEntities(a, b) when the
 * caller has compared the workspaces already.
 */
export function diffDigests(a: SideDigest, b: SideDigest, entities: EntityChanges = diffEntities(a, b)): DiffResult {
  const findings = addedRemoved(a.findings, b.findings);
  const rank = ruleRanks([findings.added, findings.removed, b.findings]);
  const changedFindings = sortFindings(findings.both
    .filter(([x, y]) => x.severity !== y.severity)
    .map(([x, y]) => ({ ...y, previousSeverity: x.severity })), rank);

  const sameCurrency = a.currency === b.currency;
  const costBefore = a.annualCost;
  const costAfter = b.annualCost;
  const redBefore = a.redundantSpend;
  const redAfter = b.redundantSpend;
  const before = { level: a.level as Level, score: a.score };
  const after = { level: b.level as Level, score: b.score };

  const result: DiffResult = {
    version: 1,
    old: side(a),
    new: side(b),
    currency: b.currency,
    tools: entities.tools,
    touchpoints: entities.touchpoints,
    integrations: entities.integrations,
    findings: {
      resolved: sortFindings(findings.removed, rank),
      introduced: sortFindings(findings.added, rank),
      changed: changedFindings,
      before: a.findings.length,
      after: b.findings.length,
    },
    annualCost: { before: costBefore, after: costAfter, change: sameCurrency ? moneyDelta(costBefore, costAfter) : null },
    redundantSpend: { before: redBefore, after: redAfter, change: sameCurrency ? moneyDelta(redBefore, redAfter) : null },
    assessment: { before, after },
    unchanged: false,
  };
  if (entities.personas) result.personas = entities.personas;
  if (entities.dataTypes) result.dataTypes = entities.dataTypes;
  result.unchanged = isUnchanged(result);
  return result;
}

/** The digest of an analysed side (its full AuditResult). */
export function digestAudit(s: AuditSide, tr: Translator): SideDigest {
  return digestOf({
    workspace: s.workspace, findings: s.result.findings, annualCost: s.result.summary.annualCost, currency: s.result.summary.currency,
    organization: s.result.organization, redundantSpend: s.result.assessment.metrics.redundantSpend,
    level: s.result.assessment.level, score: s.result.assessment.score,
  }, s, tr);
}

/** The names of built-in stages and data types are given in the language of `tr`. */
export function diffAudits(a: AuditSide, b: AuditSide, tr: Translator): DiffResult {
  return diffDigests(digestAudit(a, tr), digestAudit(b, tr));
}

export function isUnchanged(d: DiffResult): boolean {
  return !d.tools.added.length && !d.tools.removed.length && !d.tools.changed.length
    && !d.touchpoints.added.length && !d.touchpoints.removed.length && !d.touchpoints.changed.length
    && !d.integrations.added.length && !d.integrations.removed.length && !d.integrations.changed.length
    && !d.findings.resolved.length && !d.findings.introduced.length && !d.findings.changed.length
    && !d.personas && !d.dataTypes
    && d.old.currency === d.new.currency
    && d.annualCost.before === d.annualCost.after && d.redundantSpend.before === d.redundantSpend.after
    && d.assessment.before.level === d.assessment.after.level && d.assessment.before.score === d.assessment.after.score;
}
