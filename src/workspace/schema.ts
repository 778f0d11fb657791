// The zod schemas of one workspace file: the single source of truth for the loader, the TypeScript
// types and the JSON Schema (`martech-audit schema`, json-schema.ts). Each file of a multi-file
// workspace is validated on its own, so every top-level key is optional here; workspace-wide
// rules (version required in the manifest, singletons, references) are checked after merging
// (build.ts).
//
// Written with zod/mini (functions instead of methods): the bundle keeps only the parts of zod
// these schemas use (~25 kB instead of ~190 kB of the classic API, which `validate` compiled on
// every start; issue 18). The schemas, their issues and their JSON Schema are those the classic
// API gave (`x.optional()` is `opt(x)`, `x.min(1)` is `x.check(z.minLength(1))`, ...).
import * as z from 'zod/mini';
import {
  ID_PATTERN, MONTH_PATTERN, TOOL_STATUSES, COST_PERIODS, INTEGRATION_MODES, REVIEW_CADENCES,
  INITIATIVE_KINDS, INITIATIVE_STATUSES, SEVERITIES, LEVELS, FRESHNESS, FREQUENCIES, DATA_PARTIES,
} from '../model/vocabulary.js';

/** `schema.meta(data)` of the classic API: a copy of the schema, with its JSON Schema metadata. */
function meta<T extends z.ZodMiniType>(schema: T, data: { title?: string; description: string }): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}
const opt = z.optional;
/** Described optional: `x.optional().meta({ description })`. */
const optDoc = <T extends z.ZodMiniType>(schema: T, description: string) => meta(opt(schema), { description });
const nonEmpty = () => z.string().check(z.minLength(1));
const int = () => z.number().check(z.int());
const nonNegative = () => z.number().check(z.gte(0));

export const Id = meta(z.string().check(z.regex(ID_PATTERN)), {
  description: 'An identifier: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.',
});
const Name = nonEmpty();
const Text = z.string();
const Month = meta(z.string().check(z.regex(MONTH_PATTERN)), { description: 'A month as YYYY-MM, e.g. 2027-03.' });
const IdList = z.array(Id);
const DataList = meta(z.array(nonEmpty()), { description: 'Customer data types, e.g. contact-profile, orders.' });

export const Department = meta(z.union([
  Id,
  z.strictObject({ id: Id, name: opt(Name) }),
]), { description: 'A department id, or { id, name } to give it a display name.' });

export const Organization = z.strictObject({
  name: meta(Name, { description: 'The company audited.' }),
  currency: optDoc(z.string().check(z.regex(/^[A-Z]{3}$/)), 'ISO 4217 code, default USD. All costs are in it.'),
  departments: optDoc(z.array(Department), 'When given, every owner field must name one of these.'),
  employees: optDoc(int().check(z.gte(1)), 'How many people work at the company. Sizes the roadmap: up to 50 people and 15 tools change their stack in weeks; more get pilots and waves.'),
  notes: opt(Text),
});

export const Stage = z.strictObject({
  id: Id,
  name: Name,
  description: opt(Text),
});

export const Touchpoint = z.strictObject({
  id: Id,
  name: Name,
  stage: meta(nonEmpty(), { description: 'A journey stage id (awareness, consideration, purchase, service, loyalty by default).' }),
  channel: meta(nonEmpty(), { description: 'email, website, mobile-app, social, chat, phone, store, event, webinar, advertising, search, sms, push, direct-mail, marketplace, community, partner, review-site, other.' }),
  owner: opt(Id),
  tools: optDoc(IdList, 'Ids of the tools used at this touchpoint.'),
  captures: optDoc(DataList, 'Customer data this interaction yields.'),
  realtime: optDoc(z.boolean(), 'true: the experience needs live customer data (the same as `needs: realtime`).'),
  personas: optDoc(IdList, 'Ids of the personas who meet the company here. Omitted: everyone.'),
  personalized: optDoc(z.boolean(), 'Is the experience tailored to the individual today? Omitted: not known (a completeness question).'),
  needs: optDoc(z.enum(FRESHNESS), 'How fresh customer data must be here: realtime, hourly, daily, weekly or monthly.'),
  conversational: optDoc(z.boolean(), 'Someone responds to the identified customer here. Omitted: by channel and stage (chat, phone, store; email, website, mobile-app, sms, other at purchase, service or a later custom stage).'),
  in_scope: optDoc(z.boolean(), 'false: outside today\'s focus, listed for its potential.'),
  notes: opt(Text),
});

export const Cost = meta(z.union([
  nonNegative(),
  z.literal('unknown'),
  z.strictObject({ amount: nonNegative(), period: z.enum(COST_PERIODS) }),
]), { description: 'A number (per year), { amount, period: year|month }, or "unknown" (recorded as an open question).' });

export const Seats = z.strictObject({
  licensed: opt(int().check(z.gte(0))),
  active: opt(int().check(z.gte(0))),
});

export const Tool = z.strictObject({
  id: Id,
  name: Name,
  vendor: opt(Text),
  catalog: optDoc(Id, 'A built-in catalog id: inherit category, capabilities and hub.'),
  category: opt(Id),
  capabilities: opt(IdList),
  hub: optDoc(z.boolean(), 'A customer-data hub: the shared customer view (CRM, CDP).'),
  owner: opt(Id),
  status: opt(z.enum(TOOL_STATUSES)),
  cost: opt(Cost),
  seats: opt(Seats),
  data: opt(DataList),
  source_of_truth: optDoc(DataList, 'Data types this tool is the authority for.'),
  renewal: optDoc(Month, 'Month the contract renews next (YYYY-MM).'),
  third_party_cookies: optDoc(z.boolean(), 'true: the tool works on third-party cookies.'),
  network: optDoc(Id, 'The media network whose inventory an advertising tool buys, e.g. google, meta, criteo (the catalog knows it for common tools).'),
  url: opt(Text),
  notes: opt(Text),
});

export const Integration = z.strictObject({
  id: opt(Id),
  from: Id,
  to: Id,
  data: optDoc(DataList, 'Omitted: everything `from` holds.'),
  mode: opt(z.enum(INTEGRATION_MODES)),
  frequency: optDoc(z.enum(FREQUENCIES), 'How often the link moves data: realtime, hourly, daily, weekly, monthly or quarterly. Default: realtime for mode realtime, daily for batch; a manual link without it runs whenever someone does it.'),
  bidirectional: opt(z.boolean()),
  notes: opt(Text),
});

// ---- revision 2 -----------------------------------------------------------------------------

export const Persona = z.strictObject({
  id: Id,
  name: meta(Name, { description: 'Free text, any language, e.g. IT decision maker.' }),
  description: opt(Text),
  stages: optDoc(z.array(nonEmpty()), 'The journey stage ids this persona goes through. Omitted: all stages.'),
  notes: opt(Text),
});

export const DataType = z.strictObject({
  id: meta(nonEmpty(), { description: 'A data type id as written in `data` and `captures` (the built-in vocabulary: contact-profile, email-engagement, consent, ...).' }),
  name: optDoc(Name, 'Display name; a built-in data type has one in English and Japanese.'),
  party: optDoc(z.enum(DATA_PARTIES), 'first: from the company\'s own customers; second: a partner\'s first-party data; third: bought or collected by an independent provider.'),
  personal: optDoc(z.boolean(), 'true: a record identifies a person.'),
  consent: optDoc(z.boolean(), 'true for consent and preference data (opt-ins, unsubscribes, cookie choices).'),
  restricted: optDoc(z.union([nonEmpty(), z.literal(false)]), 'A use restriction in words (such data must not flow to other tools), or false: none.'),
  notes: opt(Text),
});

export const Initiative = z.strictObject({
  id: Id,
  title: Name,
  kind: opt(z.enum(INITIATIVE_KINDS)),
  tools: opt(IdList),
  addresses: optDoc(z.array(nonEmpty()), 'Finding ids this initiative answers.'),
  owner: opt(Id),
  stakeholders: opt(IdList),
  start: opt(Month),
  months: opt(int().check(z.gt(0))),
  depends_on: opt(IdList),
  pilot: opt(z.boolean()),
  status: opt(z.enum(INITIATIVE_STATUSES)),
  phase: opt(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  saving: opt(nonNegative()),
  notes: opt(Text),
});

export const Strategy = z.strictObject({
  horizon: opt(Month),
  review: opt(z.enum(REVIEW_CADENCES)),
  initiatives: opt(z.array(Initiative)),
  notes: opt(Text),
});

const RuleSetting = z.union([
  z.literal('off'),
  z.enum(SEVERITIES),
  z.strictObject({
    severity: opt(z.union([z.enum(SEVERITIES), z.literal('off')])),
    threshold: opt(z.number()),
    enabled: opt(z.boolean()),
  }),
]);

const share = () => z.number().check(z.gte(0), z.lte(1));

export const Settings = z.strictObject({
  fail_on: opt(z.union([z.enum(SEVERITIES), z.literal('none')])),
  rules: opt(z.record(z.string(), RuleSetting)),
  output: opt(Text),
  lang: opt(z.enum(['en', 'ja'])),
  assessment: optDoc(z.strictObject({ level: z.enum(LEVELS), rationale: Name }),
    'A consultant\'s override of the computed level, with a written rationale.'),
  thresholds: opt(z.strictObject({
    siloed_share: opt(share()),
    overlapping_capabilities: opt(int().check(z.gte(0))),
    redundant_share: opt(share()),
    no_hub_tools: opt(int().check(z.gte(0))),
  })),
  report: optDoc(z.strictObject({
    author: opt(Name),
    firm: opt(Name),
    confidentiality: opt(Name),
    date: optDoc(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), 'The date on the cover (YYYY-MM-DD); --date wins.'),
  }), 'The cover of the client report: who wrote it, for which firm, how confidential, and its date.'),
});

export const Question = z.strictObject({
  about: meta(z.string().check(z.regex(/^(?:(?:tool|touchpoint|integration|organization|stage|persona):?[a-z0-9._+-]*|data:.+)$/)),
    { description: '<kind>:<id>, e.g. tool:intercom; kind is tool, touchpoint, integration, stage, persona, data (a data type) or organization.' }),
  field: opt(z.string()),
  text: Name,
  ask: optDoc(Id, 'The department to ask.'),
});

/** One workspace file. */
export const WorkspaceFile = meta(z.strictObject({
  version: optDoc(int(), 'Format version; 1. Required in the manifest.'),
  organization: opt(Organization),
  stages: opt(z.array(Stage)),
  settings: opt(Settings),
  touchpoints: opt(z.array(Touchpoint)),
  tools: opt(z.array(Tool)),
  integrations: opt(z.array(Integration)),
  strategy: opt(Strategy),
  questions: opt(z.array(Question)),
  personas: optDoc(z.array(Persona), 'Who the journey is mapped for (revision 2).'),
  data_types: optDoc(z.array(DataType), 'What each customer data type is; overrides the built-in vocabulary field by field (revision 2).'),
}), {
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
