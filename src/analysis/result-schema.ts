// The zod schema of `analyze --format json` (rules.md "Machine output"), exported for consumers,
// and its JSON Schema (`martech-audit schema --analysis`). Objects are open (additive fields are
// allowed by the contract); the fields rules.md names are required.
import { z } from 'zod';
import { RULE_IDS } from './rules/index.js';
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, LEVELS, REVIEW_CADENCES, SEVERITIES } from '../model/vocabulary.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ description: 'A month as YYYY-MM.' });
const Share = z.number().min(0).max(1);
const Money = z.number().meta({ description: 'An amount in major units of the workspace currency (annual unless said otherwise).' });

export const Location = z.looseObject({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  endColumn: z.number().int().positive().optional(),
}).meta({ description: 'Where the entity a finding is about is written (1-based line and column).' });

export const EntityRef = z.looseObject({
  kind: z.enum(['tool', 'touchpoint', 'integration', 'stage', 'capability', 'data', 'department', 'workspace', 'persona']),
  id: z.string(),
});

/** A message by id with what it was worded from (the same in every language). */
export const MessageRef = z.looseObject({ messageId: z.string(), data: z.record(z.string(), z.union([z.string(), z.number()])) });

export const FindingSchema = z.looseObject({
  id: z.string().meta({ description: 'Stable: <rule>:<subject id(s)>, several subjects joined with "+".' }),
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  messageId: z.string().optional().meta({ description: 'The id of the message, the same in every language (rules.<rule>.message...).' }),
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: 'What the message was worded from.' }),
  entities: z.array(EntityRef),
  location: Location.optional(),
  cost: Money.optional(),
  recommendation: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  folded: z.array(z.string()).optional().meta({ description: 'Revision 2: ids of the narrower findings folded into this one ("one problem, one finding"); they count nowhere else.' }),
});

const Readiness = z.enum(['personalized', 'blind', 'ready', 'no-data', 'no-tool', 'unknown']);
const CustomerSchema = z.looseObject({
  personas: z.array(z.looseObject({
    persona: z.string(), name: z.string(), stages: z.array(z.string()),
    touchpoints: z.number().int().nonnegative(), reaching: z.number().int().nonnegative(), share: Share.nullable(),
    gaps: z.array(z.string()).meta({ description: 'Stages it goes through with no in-scope touchpoint for it.' }),
  })).meta({ description: 'Coverage per persona: share of its in-scope touchpoints whose tools reach a hub.' }),
  firstParty: z.looseObject({ total: z.number().int().nonnegative(), reaching: z.number().int().nonnegative(), share: Share.nullable(), missing: z.array(z.string()) })
    .meta({ description: 'First-party data types held by active or pilot tools, and how many reach a hub.' }),
  dataTypes: z.array(z.looseObject({
    id: z.string(), name: z.string(), party: z.enum(['first', 'second', 'third']).optional(), personal: z.boolean().optional(),
    consent: z.boolean().optional(), restricted: z.string().optional(), origins: z.array(z.string()), copies: z.array(z.string()), reachesHub: z.boolean(),
  })).meta({ description: 'Data provenance: every data type in use; a property not given and not in the vocabulary is absent (a question).' }),
  personalization: z.looseObject({
    touchpoints: z.array(z.looseObject({
      touchpoint: z.string(), stage: z.string(), state: Readiness, personalizing: z.array(z.string()), hubData: z.boolean(),
      needs: z.enum(['realtime', 'hourly', 'daily', 'weekly', 'monthly']).optional(),
    })),
    counts: z.record(Readiness, z.number().int().nonnegative()),
  }).meta({ description: 'Personalization readiness of the in-scope touchpoints with tools.' }),
});

export const AssessmentSchema = z.looseObject({
  level: z.enum(LEVELS),
  computedLevel: z.enum(LEVELS).optional().meta({ description: 'What the decision rules gave, when settings.assessment overrides the level.' }),
  override: z.looseObject({ level: z.enum(LEVELS), rationale: z.string() }).optional(),
  score: z.number().int().min(0).max(100),
  metrics: z.looseObject({
    siloedShare: Share,
    redundantSpend: Money,
    redundantShare: Share,
    overlappingCapabilities: z.number().int().nonnegative(),
    hubs: z.number().int().nonnegative(),
    manualIntegrations: z.number().int().nonnegative(),
    customerDataTools: z.number().int().nonnegative().optional().meta({ description: 'Tools holding customer data.' }),
    siloedTools: z.number().int().nonnegative().optional().meta({ description: 'Customer-data tools with no path to a hub.' }),
    totalSpend: Money.optional().meta({ description: 'Annual spend on the tools not retired.' }),
    customerViewCoverage: Share.optional().meta({ description: 'Share of the customer data types that reach a hub.' }),
    touchpointDataCoverage: Share.optional().meta({ description: 'Share of the data captured at touchpoints that reaches a hub.' }),
    inventoryCompleteness: Share.optional().meta({ description: 'Share of the inventory facts (owner, cost, seats, data) filled in.' }),
  }).catchall(z.number()),
  reasons: z.array(z.string()),
  meaning: z.string().optional().meta({ description: 'What the level means, in words.' }),
  decision: z.looseObject({
    basis: z.array(z.enum(['fragmented', 'no-hub', 'integration-findings', 'refocus-findings', 'nothing-above-low'])),
    rules: z.array(z.enum(RULE_IDS)),
  }).optional().meta({ description: 'What decided the level: the decision rules met, and the rules (above low) that drove it.' }),
  reasonMessages: z.array(MessageRef).optional().meta({ description: 'The reasons as message ids and data, in the same order.' }),
  scoreBreakdown: z.array(z.looseObject({ key: z.string(), reason: z.string(), points: z.number().int() })).optional()
    .meta({ description: 'What raised (+) and lowered (−) the score from a neutral 50.' }),
  coverage: z.looseObject({
    dataTypes: z.looseObject({ total: z.number().int(), reaching: z.number().int(), share: Share, missing: z.array(z.string()) }),
    touchpointData: z.looseObject({ total: z.number().int(), reaching: z.number().int(), share: Share }),
    stages: z.array(z.looseObject({
      stage: z.string(), name: z.string(), touchpoints: z.number().int(), captured: z.number().int(),
      reaching: z.number().int(), share: Share.nullable(), missing: z.array(z.string()),
    })),
  }).optional().meta({ description: 'Customer-view coverage: which customer data reaches a hub.' }),
  completeness: z.looseObject({
    share: Share, tools: z.number().int(), complete: z.number().int(),
    fields: z.record(z.string(), z.looseObject({ expected: z.number().int(), filled: z.number().int() })).optional()
      .meta({ description: 'Per field (owner, cost, seats, data): how many tools should have it, and how many do.' }),
    missing: z.array(z.looseObject({ tool: z.string(), fields: z.array(z.string()) })),
  }).optional().meta({ description: 'Inventory completeness: owner, cost, seats and data filled in.' }),
  questions: z.array(z.looseObject({
    about: z.string(), field: z.string().optional(), text: z.string(), ask: z.string().optional(),
    source: z.enum(['workspace', 'inventory', 'customer']),
  })).optional().meta({ description: 'Open questions for the next interview: the workspace\'s own, then the missing facts (customer: what the customer\'s side could not see).' }),
  customer: CustomerSchema.optional().meta({ description: 'The customer\'s side (revision 2), only for a workspace that maps it: coverage per persona, first-party data reaching a hub, data provenance, personalization readiness.' }),
});

export const InitiativeSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  messageId: z.string().optional().meta({ description: 'The id of a generated title, the same in every language.' }),
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: 'What the title was worded from.' }),
  kind: z.enum(INITIATIVE_KINDS),
  phase: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  addresses: z.array(z.string()).meta({ description: 'Finding ids the initiative answers.' }),
  tools: z.array(z.string()),
  keep: z.array(z.string()).meta({ description: 'Revision 2: the tools kept, made source of truth, connected to, or consolidated onto.' }),
  drop: z.array(z.string()).meta({ description: 'Revision 2: the tools retired or moved away from.' }),
  owner: z.string().optional(),
  stakeholders: z.array(z.string()),
  saving: Money.optional().meta({ description: 'New annual saving: the sum of what the findings it answers say.' }),
  decidedSaving: Money.optional().meta({ description: 'Revision 2: a saving already decided (a tool already retiring), shown apart from new savings.' }),
  start: Month.optional(),
  end: Month.optional(),
  months: z.number().int().positive(),
  dependsOn: z.array(z.string()),
  pilot: z.boolean(),
  status: z.enum(INITIATIVE_STATUSES),
  source: z.enum(['generated', 'authored']),
  impact: z.number().int().nonnegative().optional().meta({ description: 'What depends on the tools it changes: touchpoints served plus their integrations.' }),
  notes: z.string().optional(),
  order: z.number().int().positive().optional().meta({ description: 'Position in the suggested order (dependencies first; within a phase the widest impact first).' }),
  renewal: z.looseObject({ tool: z.string(), month: Month, cost: Money.optional(), met: z.boolean(), missed: Month.optional() }).optional(),
  wave: z.number().int().positive().optional().meta({ description: 'Revision 2: the wave it starts in, for a stack that is not small: at most five initiatives run at once, and those starting the same month form a wave.' }),
});

export const RoadmapSchema = z.looseObject({
  review: z.enum(REVIEW_CADENCES),
  horizon: Month.optional(),
  start: Month.optional(),
  nextReview: Month.optional(),
  initiatives: z.array(InitiativeSchema),
  renewals: z.array(z.looseObject({ tool: z.string(), name: z.string(), month: Month, cost: Money.optional(), initiative: z.string().optional() })).optional(),
  rejected: z.array(z.looseObject({ id: z.string(), title: z.string(), drops: z.array(z.string()), notes: z.string().optional() })).optional(),
  replaced: z.array(z.looseObject({ id: z.string(), by: z.string() })).optional(),
  totalSaving: Money.optional(),
  decidedSaving: Money.optional().meta({ description: 'Revision 2: savings already decided (tools already retiring), not part of totalSaving.' }),
  unaddressed: z.array(z.string()).optional(),
});

/** The whole `analyze --format json` document. */
export const AnalysisResultSchema = z.looseObject({
  version: z.literal(1),
  workspace: z.string().meta({ description: 'The workspace path as given.' }),
  organization: z.string(),
  summary: z.looseObject({
    touchpoints: z.number().int().nonnegative(),
    tools: z.number().int().nonnegative(),
    integrations: z.number().int().nonnegative(),
    annualCost: Money,
    currency: z.string(),
    hubs: z.array(z.string()).optional().meta({ description: 'The hubs\' tool ids.' }),
    costUnknown: z.array(z.string()).optional().meta({ description: 'Tools (not retired) whose cost is not known.' }),
    findings: z.record(z.enum(SEVERITIES), z.number().int().nonnegative()).optional().meta({ description: 'Findings per severity.' }),
  }),
  assessment: AssessmentSchema,
  findings: z.array(FindingSchema).meta({ description: 'Sorted by severity (critical first), then rule, then id.' }),
  roadmap: RoadmapSchema,
  stages: z.array(z.looseObject({
    id: z.string(), name: z.string(),
    touchpoints: z.array(z.looseObject({
      id: z.string(), name: z.string(), channel: z.string().optional(), owner: z.string().optional(), tools: z.array(z.string()).optional(),
      captures: z.array(z.string()).optional(), realtime: z.boolean().optional(), inScope: z.boolean().optional(), location: Location.optional(),
    })),
  })).optional()
    .meta({ description: 'Step 1: touchpoints per journey stage.' }),
  inventory: z.array(z.looseObject({
    id: z.string(), name: z.string(), status: z.string(), vendor: z.string().optional(), category: z.string().optional(),
    owner: z.string().optional(), hub: z.boolean().optional(), touchpoints: z.array(z.string()).optional(), data: z.array(z.string()).optional(),
    annualCost: Money.optional(), monthlyCost: Money.optional(), costUnknown: z.boolean().optional(),
    seats: z.looseObject({ licensed: z.number().optional(), active: z.number().optional(), usage: z.number().optional() }).optional(),
    renewal: Month.optional(), location: Location.optional(),
  })).optional()
    .meta({ description: 'Step 2: the tool inventory.' }),
}).meta({
  title: 'martech-audit analysis result',
  description: 'The document `martech-audit analyze --format json` prints (analysis contract version 1).',
});

export type AnalysisResultJson = z.infer<typeof AnalysisResultSchema>;

export function analysisJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AnalysisResultSchema, { target: 'draft-07', io: 'output' }) as Record<string, unknown>;
  return { $id: 'https://martech-audit.dev/schema/analysis-v1.json', ...schema };
}
