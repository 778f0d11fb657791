// The analysis result: findings (step 3), assessment (step 4), roadmap (step 5). One object that
// every reporter and diagram reads; its JSON form is public (rules.md "Machine output").
import type { RuleId } from './rules/index.js';
import type {
  InitiativeKind, InitiativeStatus, Level, ReviewCadence, Severity,
} from '../model/vocabulary.js';
import type { SourceLocation } from '../model/location.js';

export type EntityKind = 'tool' | 'touchpoint' | 'integration' | 'stage' | 'capability' | 'data' | 'department' | 'workspace' | 'persona';
export interface EntityRef { kind: EntityKind; id: string }

export interface Finding {
  /** Stable: `<rule>:<subject id(s)>`, several subjects joined with "+". */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** Plain business language, in the language of the run. */
  message: string;
  /** The id of the message (`rules.<rule>.message...`): the same in every language. */
  messageId?: string;
  /** What the message was worded from (names, counts, amounts as shown). */
  data?: Readonly<Record<string, string | number>>;
  entities: EntityRef[];
  /** file:line:col of the entity the finding is about (1-based). */
  location?: SourceLocation;
  /** Money involved, annual, in major units of the workspace currency. */
  cost?: number;
  recommendation: string;
  /** Rule-specific facts for the roadmap and diagrams (not translated), e.g. { capability, tools, saving }. */
  details?: Record<string, unknown>;
  /** rules.md (r2) "One problem, one finding": ids of the narrower findings folded into this one (they count nowhere else). */
  folded?: string[];
}

export interface AssessmentMetrics {
  siloedShare: number;
  redundantSpend: number;
  redundantShare: number;
  overlappingCapabilities: number;
  hubs: number;
  manualIntegrations: number;
  [extra: string]: number;
}

/**
 * The assessment as `analyze --format json` prints it. Besides level, score, metrics and reasons it
 * carries (assess.ts) `coverage`, `completeness`, `questions` (each `{ about, field?, text, ask?,
 * source: 'workspace' | 'inventory' | 'customer' }`) and, only for a workspace that maps the
 * customer's side (revision 2: personas, data_types, personalized, needs, third_party_cookies,
 * frequency), `customer` (customer-assessment.ts `CustomerAssessment`):
 *   customer.personas[]       { persona, name, stages[], touchpoints, reaching, share|null, gaps[] }
 *                             coverage per persona: its in-scope touchpoints, how many reach a hub, the
 *                             stages it goes through where nothing meets it
 *   customer.firstParty       { total, reaching, share|null, missing[] }: first-party types held, reaching a hub
 *   customer.dataTypes[]      { id, name, party?, personal?, consent?, restricted?, origins[], copies[], reachesHub }
 *                             (a property absent = not said: a `customer` question asks for it)
 *   customer.personalization  { touchpoints[]: { touchpoint, stage, state, personalizing[], hubData, needs? },
 *                               counts: { personalized, blind, ready, no-data, no-tool, unknown } }
 * A version-1 workspace has no `customer` and no `customer` questions: it audits exactly as before.
 */
export interface Assessment {
  level: Level;
  /** What the decision rules gave, when a consultant overrode it (settings.assessment). */
  computedLevel?: Level;
  override?: { level: Level; rationale: string };
  score: number;
  metrics: AssessmentMetrics;
  reasons: string[];
  [extra: string]: unknown;
}

export interface Initiative {
  id: string;
  title: string;
  kind: InitiativeKind;
  phase: 1 | 2 | 3;
  addresses: string[];
  tools: string[];
  /** (r2) The tools kept, made source of truth, connected to, or consolidated onto. */
  keep: string[];
  /** (r2) The tools retired or moved away from. */
  drop: string[];
  owner?: string;
  stakeholders: string[];
  saving?: number;
  start?: string;
  months: number;
  dependsOn: string[];
  pilot: boolean;
  status: InitiativeStatus;
  source: 'generated' | 'authored';
  [extra: string]: unknown;
}

export interface Roadmap {
  review: ReviewCadence;
  horizon?: string;
  initiatives: Initiative[];
  [extra: string]: unknown;
}

export interface AuditResult {
  version: 1;
  workspace: string;
  organization: string;
  summary: { touchpoints: number; tools: number; integrations: number; annualCost: number; currency: string; [extra: string]: unknown };
  assessment: Assessment;
  findings: Finding[];
  roadmap: Roadmap;
  [extra: string]: unknown;
}
