// The analysis pipeline: model -> facts -> rules -> assessment -> roadmap -> one AuditResult that
// every reporter reads. Nothing here knows about output formats, nothing reads the clock (the
// caller passes the current month, `now`, or an explicit start month) and nothing reads the
// process language: the caller hands in a Translator (`tr`) and everything is worded in its language.
import { activeTranslator, type Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import { computeFacts, type Facts } from './facts.js';
import { runRules } from './rules/index.js';
import { alignRecommendations, foldFindings } from './fold.js';
import { assess, toMajor, type FullAssessment } from './assess.js';
import { buildRoadmap, type FullRoadmap } from './roadmap/index.js';
import type { AuditResult, Finding } from './types.js';
import { wordsFor, type Words } from './words.js';

export interface AnalyzeOptions {
  /** The workspace path as the user gave it (shown in reports). Default: ws.path. */
  path?: string;
  /** First month of the roadmap (YYYY-MM), e.g. from `--start`. */
  start?: string;
  /** The current month (YYYY-MM); used when neither `start` nor the strategy says when to begin. */
  now?: string;
  /**
   * The language of every message, reason and title (`await translator(lang)`, src/i18n). Default:
   * the process language (initLang), for callers that do not pass theirs yet.
   */
  tr?: Translator;
}

export interface StageView {
  id: string;
  name: string;
  touchpoints: {
    id: string; name: string; channel: string; owner?: string; tools: string[]; captures: string[];
    realtime: boolean; inScope: boolean; location?: Finding['location'];
  }[];
}

export interface InventoryItem {
  id: string;
  name: string;
  vendor?: string;
  category?: string;
  owner?: string;
  status: string;
  hub: boolean;
  touchpoints: string[];
  data: string[];
  /** Annual and monthly cost in major units; absent when not known. */
  annualCost?: number;
  monthlyCost?: number;
  costUnknown: boolean;
  seats?: { licensed?: number; active?: number; usage?: number };
  renewal?: string;
  location?: Finding['location'];
}

export interface AnalysisResult extends AuditResult {
  assessment: FullAssessment;
  roadmap: FullRoadmap;
  /** Step 1: touchpoints per journey stage. */
  stages: StageView[];
  /** Step 2: the tool inventory. */
  inventory: InventoryItem[];
}

export function buildInventory(ws: Workspace): InventoryItem[] {
  // Optional fields set in a fixed key order (the JSON document's), without an object spread per
  // field: ten thousand tools made about ten small objects each only to copy them (#18).
  return ws.tools.map((x) => {
    const out = { id: x.id, name: x.name } as InventoryItem;
    if (x.vendor) out.vendor = x.vendor;
    if (x.category) out.category = x.category;
    if (x.owner) out.owner = x.owner;
    out.status = x.status;
    out.hub = x.hub;
    out.touchpoints = (ws.index.touchpointsByTool.get(x.id) ?? []).map((tp) => tp.id);
    out.data = [...x.data];
    if (x.annualCostMinor !== undefined) {
      const monthlyMinor = x.costGiven?.period === 'month' ? Math.round(x.costGiven.amount * 100) : Math.round(x.annualCostMinor / 12);
      out.annualCost = toMajor(x.annualCostMinor);
      out.monthlyCost = toMajor(monthlyMinor);
    }
    out.costUnknown = x.costUnknown;
    if (x.seats) {
      const seats: NonNullable<InventoryItem['seats']> = {};
      if (x.seats.licensed !== undefined) seats.licensed = x.seats.licensed;
      if (x.seats.active !== undefined) seats.active = x.seats.active;
      if (x.seats.licensed && x.seats.active !== undefined) seats.usage = Math.round((x.seats.active / x.seats.licensed) * 10000) / 10000;
      out.seats = seats;
    }
    if (x.renewal) out.renewal = x.renewal;
    out.location = x.loc;
    return out;
  });
}

export function buildStages(ws: Workspace, words: Words): StageView[] {
  return ws.stages.map((s) => ({
    id: s.id, name: words.stage(s),
    touchpoints: (ws.index.touchpointsByStage.get(s.id) ?? []).map((tp) => ({
      id: tp.id, name: tp.name, channel: String(tp.channel), ...(tp.owner ? { owner: tp.owner } : {}),
      tools: [...tp.tools], captures: [...tp.captures], realtime: tp.realtime, inScope: tp.inScope, location: tp.loc,
    })),
  }));
}

/** Steps 3 and 4 (findings, assessment): all `diff` compares. The roadmap, the largest part of the analysis, is not built. */
export function assessFindings(ws: Workspace, opts: Pick<AnalyzeOptions, 'tr'> = {}, facts: Facts = computeFacts(ws)): {
  words: Words; findings: Finding[]; assessment: FullAssessment; annualCost: number;
} {
  const words = wordsFor(ws, opts.tr ?? activeTranslator());
  const findings = alignRecommendations(ws, foldFindings(ws, facts, runRules(ws, facts, words), words), words, facts);
  const assessment = assess(ws, facts, findings, words);
  const annualMinor = ws.tools.reduce((s, x) => s + (x.status === 'retired' ? 0 : x.annualCostMinor ?? 0), 0);
  return { words, findings, assessment, annualCost: toMajor(annualMinor) };
}

/** Runs the whole analysis once. `facts` may be passed in when the caller already has them. */
export function analyze(ws: Workspace, opts: AnalyzeOptions = {}, facts: Facts = computeFacts(ws)): AnalysisResult {
  const { words, findings, assessment, annualCost } = assessFindings(ws, opts, facts);
  const roadmap = buildRoadmap(ws, facts, findings, words, { start: opts.start, now: opts.now, level: assessment.level });
  return {
    version: 1,
    workspace: opts.path ?? ws.path,
    organization: ws.organization.name,
    summary: {
      touchpoints: ws.touchpoints.length,
      tools: ws.tools.length,
      integrations: ws.integrations.length,
      annualCost,
      currency: ws.organization.currency,
      hubs: facts.hubs.map((h) => h.id),
      costUnknown: ws.tools.filter((x) => x.status !== 'retired' && x.annualCostMinor === undefined).map((x) => x.id),
      findings: countBySeverity(findings),
    },
    assessment,
    findings,
    roadmap,
    stages: buildStages(ws, words),
    inventory: buildInventory(ws),
  };
}

function countBySeverity(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
