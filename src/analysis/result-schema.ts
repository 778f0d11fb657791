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
  kind: z.enum(['tool', 'touchpoint', 'integration', 'stage', 'capability', 'data', 'department', 'workspace']),
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
  }).catchall(z.number()),
  reasons: z.array(z.string()),
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
    missing: z.array(z.looseObject({ tool: z.string(), fields: z.array(z.string()) })),
  }).optional().meta({ description: 'Inventory completeness: owner, cost, seats and data filled in.' }),
  questions: z.array(z.looseObject({
    about: z.string(), field: z.string().optional(), text: z.string(), ask: z.string().optional(),
    source: z.enum(['workspace', 'inventory']),
  })).optional().meta({ description: 'Open questions for the next interview: the workspace\'s own, then the missing facts.' }),
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
  owner: z.string().optional(),
  stakeholders: z.array(z.string()),
  saving: Money.optional(),
  start: Month.optional(),
  end: Month.optional(),
  months: z.number().int().positive(),
  dependsOn: z.array(z.string()),
  pilot: z.boolean(),
  status: z.enum(INITIATIVE_STATUSES),
  source: z.enum(['generated', 'authored']),
  order: z.number().int().positive().optional().meta({ description: 'Position in the suggested order (dependencies first; within a phase the widest impact first).' }),
  renewal: z.looseObject({ tool: z.string(), month: Month, cost: Money.optional(), met: z.boolean(), missed: Month.optional() }).optional(),
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
  }),
  assessment: AssessmentSchema,
  findings: z.array(FindingSchema).meta({ description: 'Sorted by severity (critical first), then rule, then id.' }),
  roadmap: RoadmapSchema,
  stages: z.array(z.looseObject({ id: z.string(), name: z.string(), touchpoints: z.array(z.looseObject({ id: z.string(), name: z.string() })) })).optional()
    .meta({ description: 'Step 1: touchpoints per journey stage.' }),
  inventory: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })).optional()
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
