// What `diff` compares of one side, taken from its workspace and its findings: plain data (no
// Maps, no source locations of entities, no roadmap), a few megabytes for 10,000 tools where the
// workspace and the analysis are hundreds. The command takes it as soon as a side is analysed and
// drops the rest; a worker thread (src/cli/diff-worker.ts) sends it back to the main thread.
import { assessFindings } from '../analysis/analyze.js';
import type { Finding } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import type { Tool, Touchpoint, Workspace } from '../model/model.js';
import { dataTypeLabel, stageLabel } from '../model/names.js';
import type { FindingSummary } from './types.js';

export interface ToolDigest {
  id: string; name: string; status: Tool['status']; owner?: string; annualCostMinor?: number;
  seats?: Tool['seats']; hub: boolean; thirdPartyCookies?: boolean;
}

export interface TouchpointDigest {
  id: string; name: string; stage: string; channel: string; owner?: string;
  tools: readonly string[]; captures: readonly string[]; realtime: boolean; inScope: boolean;
  personas: readonly string[]; personasGiven: boolean; personalized?: boolean; needs?: Touchpoint['needs'];
}

export interface IntegrationDigest {
  id: string; from: string; to: string; data?: readonly string[]; mode: string; bidirectional: boolean;
  frequency?: string; frequencyGiven: boolean;
}

export interface DataTypeDigest {
  id: string;
  /** dataTypeLabel(): as the diff shows it. */
  label: string;
  party?: string; personal?: boolean; consent?: boolean; restricted?: string | false;
}

export interface SideDigest {
  label: string;
  commit?: string;
  path: string;
  organization: string;
  currency: string;
  /** Major units, as AuditResult.summary.annualCost and assessment.metrics.redundantSpend. */
  annualCost: number;
  redundantSpend: number;
  level: string;
  score: number;
  // Tools, touchpoints, integrations and findings are sorted by id (sortedById), in the side's own
  // thread: the comparison walks the two sides' lists side by side.
  /** As FindingSummary (the fields the diff prints). */
  findings: FindingSummary[];
  tools: ToolDigest[];
  touchpoints: TouchpointDigest[];
  integrations: IntegrationDigest[];
  personas: { id: string; name: string; stages: readonly string[] }[];
  dataTypes: DataTypeDigest[];
  /** stageLabel() of every stage of the workspace, by id. */
  stageNames: Record<string, string>;
}

/**
 * Sorted by id in UTF-16 code units (as `<` compares strings); items of the same id keep their
 * order. Unique ids (the usual case) are sorted as strings, without a comparison function.
 */
export function sortedById<T extends { id: string }>(xs: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const x of xs) byId.set(x.id, x);
  if (byId.size !== xs.length) return [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

export function findingSummary(f: Finding): FindingSummary {
  const s: FindingSummary = { id: f.id, rule: f.rule, severity: f.severity, message: f.message };
  if (f.location) s.location = f.location;
  if (f.cost !== undefined) s.cost = f.cost;
  return s;
}

export interface SideAudit {
  workspace: Workspace;
  findings: readonly Finding[];
  annualCost: number;
  currency: string;
  organization: string;
  redundantSpend?: number;
  level: string;
  score: number;
}

/** The parts of a side's digest taken from its workspace alone (no findings): known as soon as the side is loaded. */
export type EntityDigest = Pick<SideDigest, 'tools' | 'touchpoints' | 'integrations' | 'personas' | 'dataTypes' | 'stageNames'>;

/** The rest: where the side is from and what its analysis found. */
export type FindingsDigest = Omit<SideDigest, keyof EntityDigest>;

/** The workspace's part of the digest (the names of built-in stages and data types in `tr`'s language). */
export function entityDigest(ws: Workspace, tr: Translator): EntityDigest {
  const stageNames: Record<string, string> = {};
  for (const id of ws.index.stageById.keys()) stageNames[id] = stageLabel(ws, id, tr);
  return {
    tools: sortedById(ws.tools.map((t) => {
      const d: ToolDigest = { id: t.id, name: t.name, status: t.status, hub: t.hub };
      if (t.owner !== undefined) d.owner = t.owner;
      if (t.annualCostMinor !== undefined) d.annualCostMinor = t.annualCostMinor;
      if (t.seats !== undefined) d.seats = t.seats;
      if (t.thirdPartyCookies !== undefined) d.thirdPartyCookies = t.thirdPartyCookies;
      return d;
    })),
    touchpoints: sortedById(ws.touchpoints.map((t) => {
      const d: TouchpointDigest = {
        id: t.id, name: t.name, stage: t.stage, channel: t.channel, tools: t.tools, captures: t.captures,
        realtime: t.realtime, inScope: t.inScope, personas: t.personas, personasGiven: t.personasGiven,
      };
      if (t.owner !== undefined) d.owner = t.owner;
      if (t.personalized !== undefined) d.personalized = t.personalized;
      if (t.needs !== undefined) d.needs = t.needs;
      return d;
    })),
    integrations: sortedById(ws.integrations.map((i) => {
      const d: IntegrationDigest = { id: i.id, from: i.from, to: i.to, mode: i.mode, bidirectional: i.bidirectional, frequencyGiven: i.frequencyGiven };
      if (i.data !== undefined) d.data = i.data;
      if (i.frequency !== undefined) d.frequency = i.frequency;
      return d;
    })),
    personas: ws.personas.map((p) => ({ id: p.id, name: p.name, stages: p.stages })),
    dataTypes: ws.dataTypes.map((x) => {
      const d: DataTypeDigest = { id: x.id, label: dataTypeLabel(ws, x.id, tr) };
      if (x.party !== undefined) d.party = x.party;
      if (x.personal !== undefined) d.personal = x.personal;
      if (x.consent !== undefined) d.consent = x.consent;
      if (x.restricted !== undefined) d.restricted = x.restricted;
      return d;
    }),
    stageNames,
  };
}

/**
 * The side's digest from its workspace and findings (the names of built-in stages and data types
 * in `tr`'s language). `entities`: the workspace's part when it was taken already (entityDigest).
 */
export function digestOf(
  a: SideAudit, where: { label: string; commit?: string; path: string }, tr: Translator, entities: EntityDigest = entityDigest(a.workspace, tr),
): SideDigest {
  const out: SideDigest = {
    label: where.label, path: where.path, organization: a.organization, currency: a.currency,
    annualCost: a.annualCost, redundantSpend: a.redundantSpend ?? 0, level: a.level, score: a.score,
    findings: sortedById(a.findings.map(findingSummary)),
    ...entities,
  };
  if (where.commit) out.commit = where.commit;
  return out;
}

/** The digest without its workspace's part (what the worker sends last; the main thread has that part already). */
export function findingsDigest(d: SideDigest): FindingsDigest {
  const { tools: _t, touchpoints: _tp, integrations: _i, personas: _p, dataTypes: _d, stageNames: _s, ...rest } = d;
  return rest;
}

/**
 * Analyses one side as far as the diff needs (findings and assessment, not the roadmap) and
 * returns its digest: the workspace and the findings can be dropped once this returns.
 */
export function digestWorkspace(
  ws: Workspace, where: { label: string; commit?: string; path: string }, tr: Translator, entities?: EntityDigest,
): SideDigest {
  const { findings, assessment, annualCost } = assessFindings(ws, { tr });
  return digestOf({
    workspace: ws, findings, annualCost, currency: ws.organization.currency, organization: ws.organization.name,
    redundantSpend: assessment.metrics.redundantSpend, level: assessment.level, score: assessment.score,
  }, where, tr, entities);
}
