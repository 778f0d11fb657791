// The shape of a finding rule: id, default severity, its documentation and the check, together
// in one module per rule (src/analysis/rules/<id>.ts). The registry (index.ts) lists them all.
import type { Workspace } from '../../model/model.js';
import type { Severity } from '../../workspace/vocabulary.js';
import type { Params } from '../../i18n/index.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../types.js';
import type { RuleId } from '../rule-ids.js';

export interface RuleDocs {
  /** Short name ("Data silo"). */
  readonly title: string;
  /** What the rule checks. */
  readonly summary: string;
  /** Why it matters to the business. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  /** A small single-file YAML workspace that triggers the rule (`explain <rule>` prints it). */
  readonly example: string;
}

export interface RuleContext {
  ws: Workspace;
  facts: Facts;
  /** The effective severity (settings.rules override, else the default). */
  severity: Severity;
  /** The effective threshold (settings.rules override, else the rule's default), when the rule has one. */
  threshold?: number;
  t: (key: string, params?: Params) => string;
}

/** What a rule returns; the registry adds `id` (`<rule>:<subject>`), `rule` and `severity`. */
export interface FindingDraft extends Omit<Finding, 'id' | 'rule' | 'severity'> {
  /** The subject id(s), already joined with "+" where there are several. */
  subject: string;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** Translated on access (current language). */
  docs: RuleDocs;
  defaultThreshold?: number;
  check(ctx: RuleContext): FindingDraft[];
}
