// The roadmap's shapes: what buildRoadmap returns (public JSON) and the draft initiatives the
// plans build up before they are merged with the authored ones, ordered and scheduled.
import type { InitiativeKind, Level } from '../../model/vocabulary.js';
import type { Initiative, Roadmap } from '../types.js';
import type { Worded } from '../../i18n/index.js';

export interface RoadmapOptions {
  /** Explicit first month of the roadmap (YYYY-MM), e.g. from `--start`. Wins over everything. */
  start?: string;
  /** The current month (YYYY-MM), passed in by the caller; the library never reads the clock. */
  now?: string;
  /** The effective assessment level (after a consultant's override). */
  level?: Level;
}

export interface RenewalRef { tool: string; month: string; cost?: number; met: boolean; missed?: string }

export interface PlannedInitiative extends Initiative {
  /** The title's message id and data (generated initiatives). */
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
  /** Position in the suggested order (1-based). */
  order: number;
  /** Touchpoints served + integrations of the tools it changes: what depends on it. */
  impact: number;
  end?: string;
  /** The renewal this initiative is timed to land before (retire, consolidate, licences). */
  renewal?: RenewalRef;
  /** (r2) The wave it starts in, 1-based: the initiatives starting the same month (large stacks only). */
  wave?: number;
  notes?: string;
}

export interface UpcomingRenewal {
  tool: string;
  name: string;
  month: string;
  /** Annual cost in major units, when known. */
  cost?: number;
  /** The initiative timed to act before it, if any. */
  initiative?: string;
}

export interface FullRoadmap extends Roadmap {
  /** (r2) Savings already decided (tools already retiring), major units; not in totalSaving. */
  decidedSaving?: number;
  start?: string;
  nextReview?: string;
  initiatives: PlannedInitiative[];
  renewals: UpcomingRenewal[];
  /** Authored initiatives with status rejected and what they dropped. */
  rejected: { id: string; title: string; drops: string[]; notes?: string }[];
  /** Generated initiatives left out because an authored one covers them. */
  replaced: { id: string; by: string }[];
  /** Sum of the initiatives' savings (major units). */
  totalSaving: number;
  /** Findings (at least low) that no initiative answers. */
  unaddressed: string[];
}

/** An initiative while the roadmap is being built (sets, minor units). */
export interface Draft {
  id: string;
  kind: InitiativeKind;
  phase: 1 | 2 | 3;
  /** Generated: worded with its message id and data; authored: as written. */
  title: string | Worded;
  addresses: Set<string>;
  /** Tools the initiative changes, in a meaningful order (subject first). */
  tools: string[];
  /** The tools it is about (not the hub it connects them to): used for claims and dependencies. */
  subjects: string[];
  owner?: string;
  stakeholders: Set<string>;
  /** Departments touched beyond the tools' own (touchpoints, data). */
  extraDepartments: Set<string>;
  savingMinor?: number;
  months: number;
  dependsOn: Set<string>;
  pilot: boolean;
  /** Tools whose renewal the initiative saves. */
  renewalTools: string[];
  source: 'generated' | 'authored';
  status: Initiative['status'];
  start?: string;
  notes?: string;
  /** Neighbour departments count (retire / consolidate / replatform change what flows to others). */
  touchesNeighbours: boolean;
  /** The data the initiative moves, when narrower than what its tools hold. */
  flowData?: string[];
  /** What depends on the tools it changes (set before ordering). */
  impact: number;
  /** (r2) Tools kept / made source of truth / connected to / consolidated onto; derived from the id when a plan leaves it unset (targets.ts). */
  keep?: string[];
  /** (r2) Tools retired or moved away from; derived like `keep`. */
  drop?: string[];
  /** (r2) A saving already decided (a tool already retiring): shown apart from new savings. */
  decidedSavingMinor?: number;
  /** (r2) Highest severity rank of the findings it answers (set before ordering). */
  severity?: number;
}

/** What a plan gives to create a draft; the rest starts empty. */
export type DraftInit = Omit<Draft, 'id' | 'addresses' | 'stakeholders' | 'extraDepartments' | 'dependsOn' | 'source' | 'status' | 'pilot' | 'renewalTools' | 'touchesNeighbours' | 'impact'>
  & Partial<Pick<Draft, 'pilot' | 'renewalTools' | 'touchesNeighbours'>>;

export const DEFAULT_MONTHS: Readonly<Record<InitiativeKind, number>> = {
  retire: 1, consolidate: 3, integrate: 2, replatform: 9, pilot: 3, governance: 1, process: 2, other: 2,
};
export const DEFAULT_PHASE: Readonly<Record<InitiativeKind, 1 | 2 | 3>> = {
  retire: 1, governance: 1, process: 1, integrate: 2, other: 2, consolidate: 3, replatform: 3, pilot: 3,
};
