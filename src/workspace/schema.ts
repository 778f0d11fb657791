// The zod schemas of one workspace file: the single source of truth for the loader, the TypeScript
// types and the JSON Schema (`martech-audit schema`). Each file of a multi-file workspace is
// validated on its own, so every top-level key is optional here; workspace-wide rules (version
// required in the manifest, singletons, references) are checked after merging (resolve.ts).
import { z } from 'zod';
import {
  ID_PATTERN, MONTH_PATTERN, TOOL_STATUSES, COST_PERIODS, INTEGRATION_MODES, REVIEW_CADENCES,
  INITIATIVE_KINDS, INITIATIVE_STATUSES, SEVERITIES, LEVELS, FRESHNESS, FREQUENCIES, DATA_PARTIES,
} from '../model/vocabulary.js';

export const Id = z.string().regex(ID_PATTERN).meta({
  description: 'An identifier: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.',
});
const Name = z.string().min(1);
const Text = z.string();
const Month = z.string().regex(MONTH_PATTERN).meta({ description: 'A month as YYYY-MM, e.g. 2027-03.' });
const IdList = z.array(Id);
const DataList = z.array(z.string().min(1)).meta({ description: 'Customer data types, e.g. contact-profile, orders.' });

export const Department = z.union([
  Id,
  z.strictObject({ id: Id, name: Name.optional() }),
]).meta({ description: 'A department id, or { id, name } to give it a display name.' });

export const Organization = z.strictObject({
  name: Name.meta({ description: 'The company audited.' }),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: 'ISO 4217 code, default USD. All costs are in it.' }),
  departments: z.array(Department).optional().meta({ description: 'When given, every owner field must name one of these.' }),
  notes: Text.optional(),
});

export const Stage = z.strictObject({
  id: Id,
  name: Name,
  description: Text.optional(),
});

export const Touchpoint = z.strictObject({
  id: Id,
  name: Name,
  stage: z.string().min(1).meta({ description: 'A journey stage id (awareness, consideration, purchase, service, loyalty by default).' }),
  channel: z.string().min(1).meta({ description: 'email, website, mobile-app, social, chat, phone, store, event, webinar, advertising, search, sms, push, direct-mail, marketplace, community, partner, review-site, other.' }),
  owner: Id.optional(),
  tools: IdList.optional().meta({ description: 'Ids of the tools used at this touchpoint.' }),
  captures: DataList.optional().meta({ description: 'Customer data this interaction yields.' }),
  realtime: z.boolean().optional().meta({ description: 'true: the experience needs live customer data (the same as `needs: realtime`).' }),
  personas: IdList.optional().meta({ description: 'Ids of the personas who meet the company here. Omitted: everyone.' }),
  personalized: z.boolean().optional().meta({ description: 'Is the experience tailored to the individual today? Omitted: not known (a completeness question).' }),
  needs: z.enum(FRESHNESS).optional().meta({ description: 'How fresh customer data must be here: realtime, hourly, daily, weekly or monthly.' }),
  conversational: z.boolean().optional().meta({ description: 'Someone responds to the identified customer here. Omitted: by channel and stage (chat, phone, store; email, website, mobile-app, sms, other at purchase, service or a later custom stage).' }),
  in_scope: z.boolean().optional().meta({ description: 'false: outside today\'s focus, listed for its potential.' }),
  notes: Text.optional(),
});

export const Cost = z.union([
  z.number().nonnegative(),
  z.literal('unknown'),
  z.strictObject({ amount: z.number().nonnegative(), period: z.enum(COST_PERIODS) }),
]).meta({ description: 'A number (per year), { amount, period: year|month }, or "unknown" (recorded as an open question).' });

export const Seats = z.strictObject({
  licensed: z.number().int().nonnegative().optional(),
  active: z.number().int().nonnegative().optional(),
});

export const Tool = z.strictObject({
  id: Id,
  name: Name,
  vendor: Text.optional(),
  catalog: Id.optional().meta({ description: 'A built-in catalog id: inherit category, capabilities and hub.' }),
  category: Id.optional(),
  capabilities: IdList.optional(),
  hub: z.boolean().optional().meta({ description: 'A customer-data hub: the shared customer view (CRM, CDP).' }),
  owner: Id.optional(),
  status: z.enum(TOOL_STATUSES).optional(),
  cost: Cost.optional(),
  seats: Seats.optional(),
  data: DataList.optional(),
  source_of_truth: DataList.optional().meta({ description: 'Data types this tool is the authority for.' }),
  renewal: Month.optional().meta({ description: 'Month the contract renews next (YYYY-MM).' }),
  third_party_cookies: z.boolean().optional().meta({ description: 'true: the tool works on third-party cookies.' }),
  network: Id.optional().meta({ description: 'The media network whose inventory an advertising tool buys, e.g. google, meta, criteo (the catalog knows it for common tools).' }),
  url: Text.optional(),
  notes: Text.optional(),
});

export const Integration = z.strictObject({
  id: Id.optional(),
  from: Id,
  to: Id,
  data: DataList.optional().meta({ description: 'Omitted: everything `from` holds.' }),
  mode: z.enum(INTEGRATION_MODES).optional(),
  frequency: z.enum(FREQUENCIES).optional().meta({ description: 'How often the link moves data: realtime, hourly, daily, weekly, monthly or quarterly. Default: realtime for mode realtime, daily for batch; a manual link without it runs whenever someone does it.' }),
  bidirectional: z.boolean().optional(),
  notes: Text.optional(),
});

// ---- revision 2 -----------------------------------------------------------------------------

export const Persona = z.strictObject({
  id: Id,
  name: Name.meta({ description: 'Free text, any language, e.g. IT decision maker.' }),
  description: Text.optional(),
  stages: z.array(z.string().min(1)).optional().meta({ description: 'The journey stage ids this persona goes through. Omitted: all stages.' }),
  notes: Text.optional(),
});

export const DataType = z.strictObject({
  id: z.string().min(1).meta({ description: 'A data type id as written in `data` and `captures` (the built-in vocabulary: contact-profile, email-engagement, consent, ...).' }),
  name: Name.optional().meta({ description: 'Display name; a built-in data type has one in English and Japanese.' }),
  party: z.enum(DATA_PARTIES).optional().meta({ description: 'first: from the company\'s own customers; second: a partner\'s first-party data; third: bought or collected by an independent provider.' }),
  personal: z.boolean().optional().meta({ description: 'true: a record identifies a person.' }),
  consent: z.boolean().optional().meta({ description: 'true for consent and preference data (opt-ins, unsubscribes, cookie choices).' }),
  restricted: z.union([z.string().min(1), z.literal(false)]).optional().meta({ description: 'A use restriction in words (such data must not flow to other tools), or false: none.' }),
  notes: Text.optional(),
});

export const Initiative = z.strictObject({
  id: Id,
  title: Name,
  kind: z.enum(INITIATIVE_KINDS).optional(),
  tools: IdList.optional(),
  addresses: z.array(z.string().min(1)).optional().meta({ description: 'Finding ids this initiative answers.' }),
  owner: Id.optional(),
  stakeholders: IdList.optional(),
  start: Month.optional(),
  months: z.number().int().positive().optional(),
  depends_on: IdList.optional(),
  pilot: z.boolean().optional(),
  status: z.enum(INITIATIVE_STATUSES).optional(),
  phase: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  saving: z.number().nonnegative().optional(),
  notes: Text.optional(),
});

export const Strategy = z.strictObject({
  horizon: Month.optional(),
  review: z.enum(REVIEW_CADENCES).optional(),
  initiatives: z.array(Initiative).optional(),
  notes: Text.optional(),
});

const RuleSetting = z.union([
  z.literal('off'),
  z.enum(SEVERITIES),
  z.strictObject({
    severity: z.union([z.enum(SEVERITIES), z.literal('off')]).optional(),
    threshold: z.number().optional(),
    enabled: z.boolean().optional(),
  }),
]);

export const Settings = z.strictObject({
  fail_on: z.union([z.enum(SEVERITIES), z.literal('none')]).optional(),
  rules: z.record(z.string(), RuleSetting).optional(),
  output: Text.optional(),
  lang: z.enum(['en', 'ja']).optional(),
  assessment: z.strictObject({ level: z.enum(LEVELS), rationale: Name }).optional()
    .meta({ description: 'A consultant\'s override of the computed level, with a written rationale.' }),
  thresholds: z.strictObject({
    siloed_share: z.number().min(0).max(1).optional(),
    overlapping_capabilities: z.number().int().nonnegative().optional(),
    redundant_share: z.number().min(0).max(1).optional(),
    no_hub_tools: z.number().int().nonnegative().optional(),
  }).optional(),
  report: z.strictObject({
    author: Name.optional(),
    firm: Name.optional(),
    confidentiality: Name.optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ description: 'The date on the cover (YYYY-MM-DD); --date wins.' }),
  }).optional().meta({ description: 'The cover of the client report: who wrote it, for which firm, how confidential, and its date.' }),
});

export const Question = z.strictObject({
  about: z.string().regex(/^(?:(?:tool|touchpoint|integration|organization|stage|persona):?[a-z0-9._+-]*|data:.+)$/)
    .meta({ description: '<kind>:<id>, e.g. tool:intercom; kind is tool, touchpoint, integration, stage, persona, data (a data type) or organization.' }),
  field: z.string().optional(),
  text: Name,
  ask: Id.optional().meta({ description: 'The department to ask.' }),
});

/** One workspace file. */
export const WorkspaceFile = z.strictObject({
  version: z.number().int().optional().meta({ description: 'Format version; 1. Required in the manifest.' }),
  organization: Organization.optional(),
  stages: z.array(Stage).optional(),
  settings: Settings.optional(),
  touchpoints: z.array(Touchpoint).optional(),
  tools: z.array(Tool).optional(),
  integrations: z.array(Integration).optional(),
  strategy: Strategy.optional(),
  questions: z.array(Question).optional(),
  personas: z.array(Persona).optional().meta({ description: 'Who the journey is mapped for (revision 2).' }),
  data_types: z.array(DataType).optional().meta({ description: 'What each customer data type is; overrides the built-in vocabulary field by field (revision 2).' }),
}).meta({
  title: 'martech-audit workspace file',
  description: 'One file of a martech-audit workspace (format version 1).',
});

export type WorkspaceFileInput = z.input<typeof WorkspaceFile>;
export type ToolInput = z.infer<typeof Tool>;
export type TouchpointInput = z.infer<typeof Touchpoint>;
export type IntegrationInput = z.infer<typeof Integration>;
export type InitiativeInput = z.infer<typeof Initiative>;
export type SettingsInput = z.infer<typeof Settings>;
export type OrganizationInput = z.infer<typeof Organization>;
export type StageInput = z.infer<typeof Stage>;
export type QuestionInput = z.infer<typeof Question>;
export type StrategyInput = z.infer<typeof Strategy>;
export type PersonaInput = z.infer<typeof Persona>;
export type DataTypeInput = z.infer<typeof DataType>;

export function workspaceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WorkspaceFile, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return { $id: 'https://martech-audit.dev/schema/workspace-v1.json', ...schema };
}
