// The immutable, indexed model (src/model/model.ts) from the entries that passed every check of
// build.ts: defaults filled in (hub, status, costs in minor units, frequencies, conversational
// touchpoints, personas), then frozen and indexed.
import { allCapabilities, type loadCatalog, type loadDataTypes, type loadTaxonomy, localName } from '../catalog/index.js';
import { CONVERSATIONAL_CHANNELS, CONVERSATIONAL_LATE_CHANNELS, DEFAULT_STAGES, type Frequency } from '../model/vocabulary.js';
import {
  DEFAULT_THRESHOLDS, type Workspace, type Tool, type Touchpoint, type Integration, type Stage,
  type Department, type AuthoredInitiative, type Question, type Settings, type RuleConfig, type Persona, type DataType,
} from '../model/model.js';
import type {
  ToolInput, TouchpointInput, IntegrationInput, InitiativeInput, SettingsInput, OrganizationInput,
  QuestionInput, StrategyInput, PersonaInput, DataTypeInput,
} from './schema.js';
import { startOf, type Entry } from './entries.js';
import type { BuildInput } from './entries.js';

/** What the checks of build.ts leave for the model: the entries, and what the checks worked out. */
export interface CheckedInput {
  input: BuildInput;
  org?: OrganizationInput;
  orgEntry?: Entry<OrganizationInput>;
  currency: string;
  departments: Department[];
  departmentsDeclared: boolean;
  stages: Stage[];
  stageIds: string[];
  tools: Entry<ToolInput>[];
  touchpoints: Entry<TouchpointInput>[];
  integrations: Entry<IntegrationInput>[];
  initiatives: Entry<InitiativeInput>[];
  questions: Entry<QuestionInput>[];
  personas: Entry<PersonaInput>[];
  setEntry?: Entry<SettingsInput>;
  rules: Record<string, RuleConfig>;
  strategyHead: { horizon?: string; review?: StrategyInput['review'] };
  /** Data type ids used anywhere (tools, touchpoints, integrations). */
  usedData: Set<string>;
  dataTypeMap: Map<string, Entry<DataTypeInput>>;
  vocabulary: ReturnType<typeof loadDataTypes>;
  catalog: ReturnType<typeof loadCatalog>;
  taxonomy: ReturnType<typeof loadTaxonomy>;
}

/** The model of a workspace whose checks found no error. */
export function assembleWorkspace(checked: CheckedInput): Workspace {
  const {
    input, org, orgEntry, currency, departments, departmentsDeclared, stages, stageIds, tools, touchpoints, integrations,
    initiatives, questions, personas, setEntry, rules, strategyHead, usedData, dataTypeMap, vocabulary, catalog, taxonomy,
  } = checked;
  const declaredHub = (tool: ToolInput): boolean | undefined => {
    if (tool.hub !== undefined) return tool.hub;
    const c = tool.catalog ? catalog.byId.get(tool.catalog) : undefined;
    return c?.hub ? true : undefined;
  };
  const anyDeclared = tools.some((e) => declaredHub(e.value) === true);
  const builtTools: Tool[] = tools.map((e) => {
    const x = e.value;
    const c = x.catalog ? catalog.byId.get(x.catalog) : undefined;
    const category = x.category ?? c?.category;
    // The analysis reads everything a tool offers (its catalog entry's features included) until the
    // revision-2 overlap and redundancy rules switch to the primary capabilities.
    let capabilities = [...new Set([...(x.capabilities ?? []), ...(c ? allCapabilities(c) : [])])];
    let primaryCapabilities = [...new Set([...(x.capabilities ?? []), ...(c?.capabilities ?? [])])];
    if (!capabilities.length && category && taxonomy.capabilities.has(category)) capabilities = [category];
    if (!primaryCapabilities.length && category && taxonomy.capabilities.has(category)) primaryCapabilities = [category];
    const status = x.status ?? 'active';
    const hub = anyDeclared
      ? declaredHub(x) === true && status !== 'retired'
      : status === 'active' && (capabilities.includes('crm') || capabilities.includes('customer-data-platform'));
    let annualCostMinor: number | undefined;
    let costGiven: Tool['costGiven'];
    if (typeof x.cost === 'number') {
      annualCostMinor = Math.round(x.cost * 100);
      costGiven = { amount: x.cost, period: 'year' };
    } else if (x.cost && typeof x.cost === 'object') {
      annualCostMinor = Math.round(x.cost.amount * 100) * (x.cost.period === 'month' ? 12 : 1);
      costGiven = { amount: x.cost.amount, period: x.cost.period };
    }
    return Object.freeze({
      id: x.id, name: x.name, vendor: x.vendor ?? c?.vendor, catalog: x.catalog, category,
      capabilities: Object.freeze(capabilities), primaryCapabilities: Object.freeze(primaryCapabilities), hub, owner: x.owner, status,
      annualCostMinor, costUnknown: x.cost === 'unknown', costGiven,
      seats: x.seats ? Object.freeze({ ...x.seats }) : undefined,
      data: Object.freeze([...(x.data ?? [])]), dataGiven: x.data !== undefined, sourceOfTruth: Object.freeze([...(x.source_of_truth ?? [])]),
      renewal: x.renewal, url: x.url, notes: x.notes, loc: startOf(e),
      thirdPartyCookies: x.third_party_cookies ?? c?.thirdPartyCookies, network: x.network ?? c?.network,
    });
  });
  const stageIndex = new Map(stages.map((x) => [x.id, x.index]));
  const builtPersonas: Persona[] = personas.map((e) => {
    const x = e.value;
    const given = x.stages !== undefined;
    const own = given ? [...new Set(x.stages)].sort((a, b) => stageIndex.get(a)! - stageIndex.get(b)!) : stageIds;
    return Object.freeze({
      id: x.id, name: x.name, description: x.description, stages: Object.freeze(own), stagesGiven: given,
      notes: x.notes, loc: startOf(e),
    });
  });
  const allPersonaIds = Object.freeze(builtPersonas.map((p) => p.id));
  const conversational = conversationalByDefault(stages);
  const builtTps: Touchpoint[] = touchpoints.map((e) => {
    const x = e.value;
    return Object.freeze({
      id: x.id, name: x.name, stage: x.stage, channel: x.channel, owner: x.owner,
      tools: Object.freeze([...(x.tools ?? [])]), captures: Object.freeze([...(x.captures ?? [])]),
      realtime: x.realtime ?? x.needs === 'realtime', inScope: x.in_scope ?? true, notes: x.notes, loc: startOf(e),
      personas: x.personas ? Object.freeze([...new Set(x.personas)]) : allPersonaIds,
      personasGiven: x.personas !== undefined,
      personalized: x.personalized,
      needs: x.needs ?? (x.realtime ? 'realtime' : undefined),
      conversational: x.conversational ?? conversational(x.channel, x.stage),
      conversationalGiven: x.conversational !== undefined,
    });
  });
  // Links between the same two tools so far, by from and to (their ids were looked up, and so
  // hashed, by the checks; a joined "from+to" key cost a new string to hash for each of 20,000 links).
  const pairCount = new Map<string, Map<string, number>>();
  const builtInts: Integration[] = integrations.map((e) => {
    const x = e.value;
    let toCount = pairCount.get(x.from);
    if (!toCount) pairCount.set(x.from, (toCount = new Map()));
    const n = (toCount.get(x.to) ?? 0) + 1;
    toCount.set(x.to, n);
    const mode = effectiveMode(x);
    return Object.freeze({
      id: x.id ?? (n > 1 ? `${x.from}+${x.to}#${n}` : `${x.from}+${x.to}`), from: x.from, to: x.to,
      data: x.data ? Object.freeze([...x.data]) : undefined, mode,
      bidirectional: x.bidirectional ?? false, notes: x.notes, loc: startOf(e),
      frequency: x.frequency ?? DEFAULT_FREQUENCY[mode], frequencyGiven: x.frequency !== undefined,
    });
  });
  const builtInits: AuthoredInitiative[] = initiatives.map((e) => {
    const x = e.value;
    return Object.freeze({
      id: x.id, title: x.title, kind: x.kind, tools: Object.freeze([...(x.tools ?? [])]),
      addresses: Object.freeze([...(x.addresses ?? [])]), owner: x.owner,
      stakeholders: Object.freeze([...(x.stakeholders ?? [])]), start: x.start, months: x.months,
      dependsOn: Object.freeze([...(x.depends_on ?? [])]), pilot: x.pilot, status: x.status, phase: x.phase,
      saving: x.saving, notes: x.notes, loc: startOf(e),
    });
  });
  const s = setEntry?.value;
  const settings: Settings = Object.freeze({
    failOn: s?.fail_on, rules: Object.freeze(rules), output: s?.output ?? 'reports', lang: s?.lang,
    assessment: s?.assessment ? { ...s.assessment, loc: startOf(setEntry!, 'assessment') } : undefined,
    thresholds: {
      siloedShare: s?.thresholds?.siloed_share ?? DEFAULT_THRESHOLDS.siloedShare,
      overlappingCapabilities: s?.thresholds?.overlapping_capabilities ?? DEFAULT_THRESHOLDS.overlappingCapabilities,
      redundantShare: s?.thresholds?.redundant_share ?? DEFAULT_THRESHOLDS.redundantShare,
      noHubTools: s?.thresholds?.no_hub_tools ?? DEFAULT_THRESHOLDS.noHubTools,
    },
    ...(s?.report ? { report: Object.freeze({ ...s.report }) } : {}),
  });
  const builtQs: Question[] = questions.map((e) => Object.freeze({ ...e.value, loc: startOf(e) }));
  const builtDataTypes: DataType[] = [...new Set([...usedData, ...dataTypeMap.keys()])].sort().map((id) => {
    const e = dataTypeMap.get(id);
    const d = e?.value;
    const v = vocabulary.get(id);
    const given = Object.freeze({
      name: d?.name !== undefined, party: d?.party !== undefined, personal: d?.personal !== undefined,
      consent: d?.consent !== undefined, restricted: d?.restricted !== undefined,
    });
    const fields = {
      id, party: d?.party ?? v?.party, personal: d?.personal ?? v?.personal, consent: d?.consent ?? v?.consent,
      restricted: d?.restricted, given, builtIn: v !== undefined, declared: e !== undefined, used: usedData.has(id),
      notes: d?.notes, loc: e ? startOf(e) : undefined,
    };
    // A built-in name follows the output language, like the default stage names.
    return Object.freeze(d?.name !== undefined || !v
      ? { ...fields, name: d?.name ?? id }
      : withLocalName(fields, v.name, id));
  });

  // Items by key, in the order of the items.
  const group = <T, K>(items: readonly T[], key: (x: T) => K): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const it of items) {
      const k = key(it);
      const arr = m.get(k);
      if (arr) arr.push(it);
      else m.set(k, [it]);
    }
    return m;
  };
  const byTool = new Map<string, Touchpoint[]>();
  for (const tp of builtTps) {
    const ids = tp.tools;
    for (let i = 0; i < ids.length; i++) {
      if (ids.indexOf(ids[i]) !== i) continue; // a tool named twice counts once
      const arr = byTool.get(ids[i]);
      if (arr) arr.push(tp);
      else byTool.set(ids[i], [tp]);
    }
  }
  const toolById = new Map(builtTools.map((x) => [x.id, x]));
  const workspace: Workspace = Object.freeze({
    path: input.path, kind: input.kind, files: Object.freeze(input.files.map((f) => f.file)),
    organization: Object.freeze({
      name: org?.name ?? '', currency, departments: Object.freeze(departments), departmentsDeclared,
      ...(org?.employees !== undefined ? { employees: org.employees } : {}),
      loc: orgEntry ? startOf(orgEntry) : undefined,
    }),
    stages: Object.freeze(stages),
    touchpoints: Object.freeze(builtTps),
    tools: Object.freeze(builtTools),
    integrations: Object.freeze(builtInts),
    strategy: Object.freeze({ horizon: strategyHead.horizon, review: strategyHead.review ?? 'quarterly', initiatives: Object.freeze(builtInits) }),
    settings,
    questions: Object.freeze(builtQs),
    personas: Object.freeze(builtPersonas),
    dataTypes: Object.freeze(builtDataTypes),
    index: Object.freeze({
      toolById,
      touchpointById: new Map(builtTps.map((x) => [x.id, x])),
      stageById: new Map(stages.map((x) => [x.id, x])),
      departmentById: new Map(departments.map((x) => [x.id, x])),
      touchpointsByStage: group(builtTps, (x) => x.stage),
      touchpointsByTool: byTool,
      integrationsFrom: group(builtInts, (x) => x.from),
      integrationsTo: group(builtInts, (x) => x.to),
      hubs: Object.freeze(builtTools.filter((x) => x.hub)),
      personaById: new Map(builtPersonas.map((x) => [x.id, x])),
      dataTypeById: new Map(builtDataTypes.map((x) => [x.id, x])),
    }),
  });
  return workspace;
}

/**
 * The mode of a link: as given; omitted, it is realtime when `frequency: realtime` says so, else
 * batch (format.md's default).
 */
/**
 * A built-in data type whose name is read in the output language. Made outside assembleWorkspace so
 * that the getter's closure holds only the name and id, not the whole assembly's context (issue 18).
 */
function withLocalName<T extends object>(fields: T, name: Parameters<typeof localName>[0], id: string): DataType {
  return Object.defineProperty(fields, 'name', { get: () => localName(name, id), enumerable: true }) as unknown as DataType;
}

export function effectiveMode(x: IntegrationInput): Integration['mode'] {
  return x.mode ?? (x.frequency === 'realtime' ? 'realtime' : 'batch');
}

/** Revision 2: how often a link moves data when `frequency` is not given; a manual link has none. */
const DEFAULT_FREQUENCY: Record<Integration['mode'], Frequency | undefined> = { realtime: 'realtime', batch: 'daily', manual: undefined };

/**
 * rules.md, "conversational touchpoint": chat, phone and store always; email, website,
 * mobile-app, sms and other at purchase or service, or at a custom stage that comes after the
 * first of them in the journey. Every other touchpoint is broadcast.
 */
export function conversationalByDefault(stages: readonly Stage[]): (channel: string, stage: string) => boolean {
  const defaultIds = new Set<string>(DEFAULT_STAGES.map((x) => x.id));
  const firstLate = stages.find((x) => x.id === 'purchase' || x.id === 'service');
  const late = new Set(stages.filter((x) => x.id === 'purchase' || x.id === 'service'
    || (firstLate !== undefined && !defaultIds.has(x.id) && x.index > firstLate.index)).map((x) => x.id));
  return (channel, stage) => (CONVERSATIONAL_CHANNELS as readonly string[]).includes(channel)
    || ((CONVERSATIONAL_LATE_CHANNELS as readonly string[]).includes(channel) && late.has(stage));
}
