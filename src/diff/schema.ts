// The zod schema of `diff --format json` (the DiffResult in types.ts), and its JSON Schema
// (`martech-audit schema --diff`, also written to schema/martech-audit-diff.schema.json by the
// build). Objects are open: later versions may add fields; the fields listed here are required.
import { z } from 'zod';
import { RULE_IDS } from '../analysis/rules/index.js';
import { Location } from '../analysis/result-schema.js';
import { INTEGRATION_MODES, LEVELS, SEVERITIES, TOOL_STATUSES } from '../model/vocabulary.js';

const Money = z.number().meta({ description: 'An amount in major units of the currency (annual).' });
const Change = (field: z.ZodType) => z.looseObject({ field, before: z.unknown(), after: z.unknown() });

const Side = z.looseObject({
  label: z.string().meta({ description: 'How the side was named: "HEAD~1", "origin/main:audit/", a folder.' }),
  commit: z.string().optional().meta({ description: 'The commit a revision side resolved to; absent for the working tree.' }),
  path: z.string(),
  organization: z.string(),
  currency: z.string(),
});

const ToolSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.enum(TOOL_STATUSES),
  owner: z.string().optional(),
  annualCost: Money.optional(),
  seats: z.looseObject({ licensed: z.number().optional(), active: z.number().optional() }).optional(),
});

const TouchpointSummary = z.looseObject({
  id: z.string(), name: z.string(), stage: z.string(), stageName: z.string(), channel: z.string(),
});

const IntegrationSummary = z.looseObject({
  id: z.string(), from: z.string(), to: z.string(), fromName: z.string(), toName: z.string(),
  mode: z.enum(INTEGRATION_MODES), bidirectional: z.boolean(), data: z.array(z.string()).optional(),
});

const Finding = z.looseObject({
  id: z.string(),
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  location: Location.optional(),
  cost: Money.optional(),
});

const MoneyChange = z.looseObject({
  before: Money,
  after: Money,
  change: Money.nullable().meta({ description: 'null when the two sides use different currencies.' }),
});

const Assessment = z.looseObject({ level: z.enum(LEVELS), score: z.number().int().min(0).max(100) });

/** The whole `diff --format json` document. */
export const DiffResultSchema = z.looseObject({
  version: z.literal(1),
  old: Side,
  new: Side,
  currency: z.string().meta({ description: 'The currency of the money figures (the new side\'s).' }),
  tools: z.looseObject({
    added: z.array(ToolSummary),
    removed: z.array(ToolSummary),
    changed: z.array(z.looseObject({
      id: z.string(), name: z.string(),
      changes: z.array(Change(z.enum(['name', 'status', 'owner', 'cost', 'seats', 'hub', 'thirdPartyCookies']))),
    })),
  }),
  touchpoints: z.looseObject({
    added: z.array(TouchpointSummary),
    removed: z.array(TouchpointSummary),
    changed: z.array(z.looseObject({
      id: z.string(), name: z.string(),
      changes: z.array(Change(z.enum(['name', 'stage', 'channel', 'owner', 'tools', 'captures', 'realtime', 'inScope', 'personas', 'personalized', 'needs'])))
        .meta({ description: 'Lists (tools, captures) are sorted ids; a missing owner is null.' }),
      names: z.record(z.string(), z.string()).meta({ description: 'Names of the stages and tools the changes mention, by id.' }),
    })),
  }),
  integrations: z.looseObject({
    added: z.array(IntegrationSummary),
    removed: z.array(IntegrationSummary),
    changed: z.array(z.looseObject({
      id: z.string(), from: z.string(), to: z.string(), fromName: z.string(), toName: z.string(),
      changes: z.array(Change(z.enum(['mode', 'bidirectional', 'data', 'frequency']))),
    })),
  }),
  findings: z.looseObject({
    resolved: z.array(Finding),
    introduced: z.array(Finding),
    changed: z.array(Finding.extend({ previousSeverity: z.enum(SEVERITIES) }))
      .meta({ description: 'Same id on both sides but another severity.' }),
    before: z.number().int().nonnegative(),
    after: z.number().int().nonnegative(),
  }).meta({ description: 'Each list sorted by severity (critical first), then rule, then id.' }),
  annualCost: MoneyChange,
  redundantSpend: MoneyChange,
  assessment: z.looseObject({ before: Assessment, after: Assessment }),
  personas: z.looseObject({
    added: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    removed: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    changed: z.array(z.looseObject({ id: z.string(), name: z.string(), changes: z.array(Change(z.enum(['name', 'stages']))) })),
  }).optional().meta({ description: 'Revision 2, only when either side has personas and some changed.' }),
  dataTypes: z.looseObject({
    changed: z.array(z.looseObject({
      id: z.string(), name: z.string(), changes: z.array(Change(z.enum(['party', 'personal', 'consent', 'restricted']))),
    })),
  }).optional().meta({ description: 'Revision 2, only when a data type used on both sides is classified differently (effective values; null: not known).' }),
  unchanged: z.boolean().meta({ description: 'True when nothing the diff reports changed.' }),
}).meta({
  title: 'martech-audit diff result',
  description: 'The document `martech-audit diff --format json` prints (diff version 1).',
});

export function diffJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DiffResultSchema, { target: 'draft-07', io: 'output' }) as Record<string, unknown>;
  return { $id: 'https://martech-audit.dev/schema/diff-v1.json', ...schema };
}
