// The result of comparing two audits (`martech-audit diff`). Its JSON form (`--format json`) is
// public: CI scripts read it. Money is in major units of the currency, like AuditResult.
import type { Level, Severity, ToolStatus, IntegrationMode } from '../model/vocabulary.js';
import type { SourceLocation } from '../workspace/diagnostics.js';
import type { RuleId } from '../analysis/rules/index.js';

export interface DiffSide {
  /** How the side was named: "HEAD~1", "origin/main:audit/", a folder. */
  label: string;
  /** The commit a revision side resolved to; absent for the working tree. */
  commit?: string;
  /** The workspace folder or file (relative to the current folder). */
  path: string;
  organization: string;
  currency: string;
}

export interface ToolSummary {
  id: string;
  name: string;
  status: ToolStatus;
  owner?: string;
  /** Annual cost in major units; absent when unknown. */
  annualCost?: number;
  seats?: { licensed?: number; active?: number };
}

export type ToolField = 'name' | 'status' | 'owner' | 'cost' | 'seats' | 'hub' | 'thirdPartyCookies';

export interface FieldChange {
  field: ToolField;
  before: unknown;
  after: unknown;
}

export interface ToolChange {
  id: string;
  name: string;
  changes: FieldChange[];
}

export interface TouchpointSummary { id: string; name: string; stage: string; stageName: string; channel: string }

export type TouchpointField = 'name' | 'stage' | 'channel' | 'owner' | 'tools' | 'captures' | 'realtime' | 'inScope'
  // revision 2: personas as given (null: everyone), personalized and needs (null: not said)
  | 'personas' | 'personalized' | 'needs';

export interface TouchpointFieldChange {
  field: TouchpointField;
  /** Lists (tools, captures) are sorted ids; a missing owner is null. */
  before: unknown;
  after: unknown;
}

export interface TouchpointChange {
  id: string;
  name: string;
  changes: TouchpointFieldChange[];
  /** Display names of the stages and tools the changes name (either side), by id. */
  names: Record<string, string>;
}

export interface IntegrationSummary {
  id: string;
  from: string;
  to: string;
  /** Tool names at the side the integration is on. */
  fromName: string;
  toName: string;
  mode: IntegrationMode;
  bidirectional: boolean;
  data?: string[];
}

export interface IntegrationChange {
  id: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** `frequency`: the effective one (revision 2); null for a manual link without one. */
  changes: { field: 'mode' | 'bidirectional' | 'data' | 'frequency'; before: unknown; after: unknown }[];
}

export interface FindingSummary {
  id: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  cost?: number;
}

export interface DiffResult {
  version: 1;
  old: DiffSide;
  new: DiffSide;
  /** The currency of the money figures (the new side's). */
  currency: string;
  tools: { added: ToolSummary[]; removed: ToolSummary[]; changed: ToolChange[] };
  touchpoints: { added: TouchpointSummary[]; removed: TouchpointSummary[]; changed: TouchpointChange[] };
  integrations: { added: IntegrationSummary[]; removed: IntegrationSummary[]; changed: IntegrationChange[] };
  findings: {
    resolved: FindingSummary[];
    introduced: FindingSummary[];
    /** Same id on both sides but another severity. */
    changed: (FindingSummary & { previousSeverity: Severity })[];
    before: number;
    after: number;
  };
  /** Annual cost; `change` is null when the two sides use different currencies. */
  annualCost: { before: number; after: number; change: number | null };
  redundantSpend: { before: number; after: number; change: number | null };
  assessment: { before: { level: Level; score: number }; after: { level: Level; score: number } };
  /** Revision 2, only when either side has personas: added, removed, renamed or re-staged ones. */
  personas?: {
    added: { id: string; name: string }[];
    removed: { id: string; name: string }[];
    changed: { id: string; name: string; changes: { field: 'name' | 'stages'; before: unknown; after: unknown }[] }[];
  };
  /** Revision 2, only when some data type used on both sides is classified differently (effective values; null: not known). */
  dataTypes?: {
    changed: { id: string; name: string; changes: { field: 'party' | 'personal' | 'consent' | 'restricted'; before: unknown; after: unknown }[] }[];
  };
  /** True when nothing the diff reports changed. */
  unchanged: boolean;
}
