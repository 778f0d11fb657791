// The loaded workspace: an immutable, indexed graph that the analysis queries cheaply.
// Built once by the loader (workspace/build.ts); nothing downstream re-reads YAML.
import type {
  Channel, DataParty, Freshness, Frequency, IntegrationMode, InitiativeKind, InitiativeStatus, Level, ReviewCadence, Severity, ToolStatus,
} from './vocabulary.js';
import type { SourceLocation } from './location.js';

export type Loc = SourceLocation;

export interface Department { id: string; name: string }
export interface Stage { id: string; name: string; description?: string; index: number; loc?: Loc }

export interface Touchpoint {
  id: string; name: string; stage: string; channel: Channel | string; owner?: string;
  tools: readonly string[]; captures: readonly string[];
  /** `realtime: true`, or `needs: realtime` (the two say the same). */
  realtime: boolean; inScope: boolean;
  notes?: string; loc: Loc;
  // ---- revision 2 (format.md, "Additions of revision 2") ----
  /** The personas met here: as given, or every persona of the workspace when not given ("everyone"). */
  personas: readonly string[];
  personasGiven: boolean;
  /** Whether the experience is tailored to the individual today; undefined: not said (a completeness question). */
  personalized?: boolean;
  /** How fresh customer data must be here: `needs`, or realtime for `realtime: true`; undefined: not said. */
  needs?: Freshness;
  /** Effective: as given, or by channel and stage (rules.md, "conversational touchpoint"). */
  conversational: boolean;
  conversationalGiven: boolean;
}

/** Revision 2: who the journey is mapped for. */
export interface Persona {
  id: string; name: string; description?: string;
  /** The stages this persona goes through: as given, or every stage of the workspace (in journey order). */
  stages: readonly string[];
  stagesGiven: boolean;
  notes?: string; loc: Loc;
}

/**
 * Whether a persona is met at a touchpoint: the touchpoint names it, or names no persona (it is for
 * everyone) and lies in a stage the persona goes through. An untargeted awareness ad does not meet a
 * subscriber whose journey starts at the purchase.
 */
export function meetsPersona(tp: Pick<Touchpoint, 'personas' | 'personasGiven' | 'stage'>, persona: Pick<Persona, 'id' | 'stages'>): boolean {
  return tp.personas.includes(persona.id) && (tp.personasGiven || persona.stages.includes(tp.stage));
}

/**
 * Revision 2: what a customer data type is. One per data type id in use (a tool's `data` or
 * `source_of_truth`, a touchpoint's `captures`, a link's `data`) or declared in `data_types`.
 * Each property is the workspace's value, else the built-in vocabulary's default, else undefined
 * (not known: a completeness question, never a guess); `given` says which were written.
 */
export interface DataType {
  id: string;
  /** The name given in `data_types`, else the vocabulary's name in the output language, else the id. */
  name: string;
  party?: DataParty;
  personal?: boolean;
  consent?: boolean;
  /** A use restriction in words; false: the workspace says there is none; undefined: not said. */
  restricted?: string | false;
  given: { readonly name: boolean; readonly party: boolean; readonly personal: boolean; readonly consent: boolean; readonly restricted: boolean };
  /** In the built-in vocabulary (data/data-types.yaml). */
  builtIn: boolean;
  /** Has an entry in the workspace's `data_types`. */
  declared: boolean;
  /** Used by a tool, touchpoint or link (false for a `data_types` entry nothing uses). */
  used: boolean;
  notes?: string;
  /** The `data_types` entry, when declared. */
  loc?: Loc;
}

export interface Tool {
  id: string; name: string; vendor?: string; catalog?: string; category?: string;
  /**
   * Everything the tool can do: its own capabilities united with its catalog entry's primary
   * capabilities and features (`allCapabilities`), as the analysis has always read them. Reporting,
   * measuring and personalizing read these.
   */
  capabilities: readonly string[];
  /**
   * Revision 2, primary capabilities (rules.md): its own capabilities united with its catalog
   * entry's `capabilities`, without the entry's `features`. Overlap and redundancy are to read these.
   */
  primaryCapabilities: readonly string[];
  /** Effective hub flag (declared, inherited from the catalog, or by the crm/CDP default). */
  hub: boolean;
  owner?: string; status: ToolStatus;
  /** Annual cost in minor units (cents): integers, so totals never drift. Undefined when not given. */
  annualCostMinor?: number;
  costUnknown: boolean;
  costGiven?: { amount: number; period: 'year' | 'month' };
  seats?: { licensed?: number; active?: number };
  data: readonly string[]; sourceOfTruth: readonly string[];
  /** Whether the tool has a `data:` list at all (`data: []` says "none"; no list is a blank). */
  dataGiven?: boolean;
  renewal?: string; url?: string; notes?: string; loc: Loc;
  // ---- revision 2 ----
  /** Works on third-party cookies; undefined: not said. */
  thirdPartyCookies?: boolean;
  /** The media network whose inventory it buys: the tool's `network`, else its catalog entry's. */
  network?: string;
}

export interface Integration {
  /** Authored id, or "<from>+<to>" (with "#n" when the same pair appears more than once). */
  id: string;
  from: string; to: string;
  /** undefined: everything `from` holds. */
  data?: readonly string[];
  mode: IntegrationMode; bidirectional: boolean; notes?: string; loc: Loc;
  /**
   * Revision 2: how often the link moves data: as given, else realtime for mode realtime and daily
   * for batch; undefined for a manual link without one ("whenever someone does it").
   */
  frequency?: Frequency;
  frequencyGiven: boolean;
}

export interface AuthoredInitiative {
  id: string; title: string; kind?: InitiativeKind; tools: readonly string[]; addresses: readonly string[];
  owner?: string; stakeholders: readonly string[]; start?: string; months?: number;
  dependsOn: readonly string[]; pilot?: boolean; status?: InitiativeStatus; phase?: 1 | 2 | 3;
  saving?: number; notes?: string; loc: Loc;
}

export interface RuleConfig { severity?: Severity | 'off'; threshold?: number }

export interface Settings {
  failOn?: Severity | 'none';
  rules: Readonly<Record<string, RuleConfig>>;
  output: string;
  lang?: 'en' | 'ja';
  assessment?: { level: Level; rationale: string; loc: Loc };
  thresholds: { siloedShare: number; overlappingCapabilities: number; redundantShare: number; noHubTools: number };
  /** The cover of the client report (settings.report). */
  report?: { author?: string; firm?: string; confidentiality?: string; date?: string };
}

export interface Question { about: string; field?: string; text: string; ask?: string; loc: Loc }

export interface Workspace {
  /** The path as the user gave it. */
  path: string;
  kind: 'directory' | 'file';
  files: readonly string[];
  organization: { name: string; currency: string; departments: readonly Department[]; departmentsDeclared: boolean; employees?: number; loc?: Loc };
  stages: readonly Stage[];
  touchpoints: readonly Touchpoint[];
  tools: readonly Tool[];
  integrations: readonly Integration[];
  strategy: { horizon?: string; review: ReviewCadence; initiatives: readonly AuthoredInitiative[] };
  settings: Settings;
  questions: readonly Question[];
  /** Revision 2; empty when the workspace has none. */
  personas: readonly Persona[];
  /** Revision 2: every data type in use or declared, sorted by id. */
  dataTypes: readonly DataType[];
  index: WorkspaceIndex;
}

export interface WorkspaceIndex {
  toolById: ReadonlyMap<string, Tool>;
  touchpointById: ReadonlyMap<string, Touchpoint>;
  stageById: ReadonlyMap<string, Stage>;
  departmentById: ReadonlyMap<string, Department>;
  touchpointsByStage: ReadonlyMap<string, readonly Touchpoint[]>;
  touchpointsByTool: ReadonlyMap<string, readonly Touchpoint[]>;
  integrationsFrom: ReadonlyMap<string, readonly Integration[]>;
  integrationsTo: ReadonlyMap<string, readonly Integration[]>;
  hubs: readonly Tool[];
  personaById: ReadonlyMap<string, Persona>;
  dataTypeById: ReadonlyMap<string, DataType>;
}

export const DEFAULT_THRESHOLDS: Settings['thresholds'] = {
  siloedShare: 0.4, overlappingCapabilities: 3, redundantShare: 0.25, noHubTools: 5,
};

/** Formats minor units (cents) as major units without floating-point drift. */
export function minorToMajor(minor: number): number {
  return Math.round(minor) / 100;
}

export function departmentName(ws: Workspace, id: string | undefined): string {
  if (!id) return '';
  return ws.index.departmentById.get(id)?.name ?? id;
}
