// Workspace-wide checks after each file passed its schema: version, singletons, duplicate ids,
// references with "did you mean", warnings; then the immutable indexed model.
import { t, tw, type Worded } from '../i18n/index.js';
import { closest } from '../util/suggest.js';
import { allCapabilities, loadCatalog, loadDataTypes, loadTaxonomy, localName } from '../catalog/index.js';
import type { RuleCatalog } from '../model/rule-catalog.js';
import {
  CHANNEL_ALIASES, CHANNELS, CONVERSATIONAL_CHANNELS, CONVERSATIONAL_LATE_CHANNELS, DEFAULT_STAGES, type Frequency,
} from '../model/vocabulary.js';
import { locate, nodeAt, nodeLoc, type ParsedFile } from './parse.js';
import { diagnostic, type Diagnostic, type SourceLocation } from './diagnostics.js';
import type {
  ToolInput, TouchpointInput, IntegrationInput, InitiativeInput, SettingsInput, OrganizationInput,
  StageInput, QuestionInput, StrategyInput, PersonaInput, DataTypeInput,
} from './schema.js';
import {
  DEFAULT_THRESHOLDS, type Workspace, type Tool, type Touchpoint, type Integration, type Stage,
  type Department, type AuthoredInitiative, type Question, type Settings, type RuleConfig, type Persona, type DataType,
} from '../model/model.js';

type Seg = string | number;
interface Entry<T> { value: T; pf: ParsedFile; path: Seg[] }

const here = (e: Entry<unknown>, ...sub: Seg[]): SourceLocation => locate(e.pf, [...e.path, ...sub]);
/** Where an entity starts (what findings point at): no end range, so output stays compact. */
const startOf = (e: Entry<unknown>, ...sub: Seg[]): SourceLocation => {
  const { file, line, column } = here(e, ...sub);
  return { file, line, column };
};

let currencies: Set<string> | undefined;
function knownCurrencies(): Set<string> {
  if (!currencies) {
    try {
      currencies = new Set((Intl as any).supportedValuesOf('currency') as string[]);
    } catch {
      currencies = new Set();
    }
  }
  return currencies;
}

export interface BuildInput {
  path: string; kind: 'directory' | 'file'; files: ParsedFile[];
  /** Ids of entities that exist but failed the schema: references to them are not errors. */
  invalidIds?: Map<string, Set<string>>;
  /** Some file could not be read at all: unresolved references may be defined there. */
  partial?: boolean;
  /** The finding rules, to check references to them; without it, settings.rules and `addresses` are taken as written. */
  rules?: RuleCatalog;
}

export function buildWorkspace(input: BuildInput): { workspace?: Workspace; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const err = (code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded, related?: Diagnostic['related']) =>
    diags.push(diagnostic('error', code, location, message, suggestion, related));
  const warn = (code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded) =>
    diags.push(diagnostic('warning', code, location, message, suggestion));

  // ---- gather --------------------------------------------------------------------------
  const single: Record<'organization' | 'stages' | 'settings', Entry<any> | undefined> = {
    organization: undefined, stages: undefined, settings: undefined,
  };
  const touchpoints: Entry<TouchpointInput>[] = [];
  const tools: Entry<ToolInput>[] = [];
  const integrations: Entry<IntegrationInput>[] = [];
  const initiatives: Entry<InitiativeInput>[] = [];
  const questions: Entry<QuestionInput>[] = [];
  const personas: Entry<PersonaInput>[] = [];
  const dataTypeEntries: Entry<DataTypeInput>[] = [];
  let strategyHead: { horizon?: string; review?: StrategyInput['review'] } = {};
  const strategySeen: Record<string, Entry<unknown>> = {};

  const invalid = (kind: string, id: string) => input.invalidIds?.get(kind)?.has(id) === true;
  const orgInvalid = input.invalidIds?.has('organization') === true;
  for (const pf of input.files) {
    const raw = pf.value as Record<string, any> | undefined;
    if (!raw) continue;
    const skipped = pf.skip ?? new Set<string>();
    const v: Record<string, any> = Object.fromEntries(Object.entries(raw).filter(([k]) => !skipped.has(k)));
    const keep = (key: string) => (_: unknown, i: number) => !skipped.has(`${key}.${i}`);
    if (pf.manifest) {
      if (v.version === undefined) {
        err('missing-version', { file: pf.file, line: 1, column: 1 }, tw('build.missing-version'), tw('build.missing-version.hint'));
      }
    }
    if (v.version !== undefined && v.version !== 1) {
      err('unsupported-version', nodeLoc(pf, nodeAt(pf, ['version'])), tw('build.unsupported-version', { version: v.version }), tw('build.unsupported-version.hint'));
    }
    for (const key of ['organization', 'stages', 'settings'] as const) {
      if (v[key] === undefined) continue;
      const prev = single[key];
      const entry = { value: v[key], pf, path: [key] };
      if (prev) {
        err('defined-twice', locate(pf, [key], true), tw('build.singleton-twice', { key, other: `${prev.pf.file}:${here(prev).line}` }),
          tw('build.singleton-twice.hint', { key }), [{ location: locate(prev.pf, [key], true), message: t('build.first-defined-here') }]);
      } else single[key] = entry;
    }
    (v.touchpoints ?? []).forEach((x: any, i: number) => keep('touchpoints')(x, i) && touchpoints.push({ value: x, pf, path: ['touchpoints', i] }));
    (v.tools ?? []).forEach((x: any, i: number) => keep('tools')(x, i) && tools.push({ value: x, pf, path: ['tools', i] }));
    (v.integrations ?? []).forEach((x: any, i: number) => keep('integrations')(x, i) && integrations.push({ value: x, pf, path: ['integrations', i] }));
    (v.questions ?? []).forEach((x: any, i: number) => keep('questions')(x, i) && questions.push({ value: x, pf, path: ['questions', i] }));
    (v.personas ?? []).forEach((x: any, i: number) => keep('personas')(x, i) && personas.push({ value: x, pf, path: ['personas', i] }));
    (v.data_types ?? []).forEach((x: any, i: number) => keep('data_types')(x, i) && dataTypeEntries.push({ value: x, pf, path: ['data_types', i] }));
    if (v.strategy) {
      for (const k of ['horizon', 'review'] as const) {
        if (v.strategy[k] === undefined) continue;
        const prev = strategySeen[k];
        if (prev) {
          err('defined-twice', locate(pf, ['strategy', k], true), tw('build.singleton-twice', { key: `strategy.${k}`, other: `${prev.pf.file}:${here(prev).line}` }),
            undefined, [{ location: here(prev), message: t('build.first-defined-here') }]);
        } else {
          strategySeen[k] = { value: v.strategy[k], pf, path: ['strategy', k] };
          strategyHead = { ...strategyHead, [k]: v.strategy[k] };
        }
      }
      (v.strategy.initiatives ?? []).forEach((x: any, i: number) => keep('strategy.initiatives')(x, i) && initiatives.push({ value: x, pf, path: ['strategy', 'initiatives', i] }));
    }
  }

  // ---- organization, departments, stages ------------------------------------------------
  const orgEntry = single.organization as Entry<OrganizationInput> | undefined;
  const org = orgEntry?.value;
  const departments: Department[] = [];
  // Index of each department in the list; positions are looked up only for a duplicate.
  const deptSeen = new Map<string, number>();
  (org?.departments ?? []).forEach((d, i) => {
    const id = typeof d === 'string' ? d : d.id;
    const name = typeof d === 'string' ? d : d.name ?? d.id;
    const first = deptSeen.get(id);
    if (first !== undefined) {
      const prev = here(orgEntry!, 'departments', first);
      err('duplicate-id', here(orgEntry!, 'departments', i), tw('build.duplicate-id', { kind: tw('entity.department'), id, other: `${prev.file}:${prev.line}` }), undefined, [{ location: prev, message: t('build.first-defined-here') }]);
    } else {
      deptSeen.set(id, i);
      departments.push({ id, name });
    }
  });
  const departmentsDeclared = departments.length > 0;
  if (!org && !orgInvalid && !input.partial && input.files.length) {
    const m = input.files.find((f) => f.manifest) ?? input.files[0];
    // The hint names martech-audit.yaml; a single-file workspace may be called anything.
    const hint = input.kind === 'file' ? tw('build.no-organization.hint-file') : tw('build.no-organization.hint');
    warn('no-organization', { file: m.file, line: 1, column: 1 }, tw('build.no-organization'), hint);
  }
  const currency = org?.currency ?? 'USD';
  if (org?.currency && knownCurrencies().size && !knownCurrencies().has(org.currency)) {
    const guess = closest(org.currency, knownCurrencies());
    warn('unknown-currency', here(orgEntry!, 'currency'), tw('build.unknown-currency', { value: org.currency }), guess ? tw('suggest.did-you-mean', { value: guess }) : undefined);
  }

  const stageEntry = single.stages as Entry<StageInput[]> | undefined;
  const stages: Stage[] = [];
  if (stageEntry) {
    const seen = new Map<string, SourceLocation>();
    stageEntry.value.forEach((s, i) => {
      const loc = startOf(stageEntry, i);
      const prev = seen.get(s.id);
      if (prev) {
        err('duplicate-id', locate(stageEntry.pf, [...stageEntry.path, i, 'id']), tw('build.duplicate-id', { kind: tw('entity.stage'), id: s.id, other: `${prev.file}:${prev.line}` }), undefined, [{ location: prev, message: t('build.first-defined-here') }]);
        return;
      }
      seen.set(s.id, loc);
      stages.push(Object.freeze({ id: s.id, name: s.name, description: s.description, index: stages.length, loc }));
    });
  } else {
    DEFAULT_STAGES.forEach((s, i) => {
      // Default stage names follow the output language.
      stages.push(Object.freeze({ id: s.id, get name() { return t(`stage.${s.id}`); }, index: i }) as Stage);
    });
  }
  const stageIds = stages.map((s) => s.id);
  const deptIds = departments.map((d) => d.id);

  const checkOwner = (e: Entry<unknown>, owner: string | undefined, sub: Seg[]): void => {
    if (!owner || !departmentsDeclared || deptSeen.has(owner)) return;
    if (input.partial) return;
    const guess = closest(owner, deptIds);
    err('unknown-department', here(e, ...sub), tw('build.unknown-department', { id: owner, known: deptIds.join(', ') }),
      guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-department.hint'));
  };

  // ---- duplicate ids ------------------------------------------------------------------------
  const indexIds = <T extends { id?: string }>(kind: string, list: Entry<T>[]): Map<string, Entry<T>> => {
    const m = new Map<string, Entry<T>>();
    for (const e of list) {
      const id = e.value.id;
      if (!id) continue;
      const prev = m.get(id);
      if (prev) {
        const p = here(prev, 'id');
        err('duplicate-id', here(e, 'id'), tw('build.duplicate-id', { kind: tw(`entity.${kind}`), id, other: `${p.file}:${p.line}` }),
          tw('build.duplicate-id.hint'), [{ location: p, message: t('build.first-defined-here') }]);
      } else m.set(id, e);
    }
    return m;
  };
  const toolMap = indexIds('tool', tools);
  const tpMap = indexIds('touchpoint', touchpoints);
  const initMap = indexIds('initiative', initiatives);
  indexIds('integration', integrations);
  const personaMap = indexIds('persona', personas);
  const dataTypeMap = indexIds('data-type', dataTypeEntries);
  const personaIds = [...personaMap.keys()];
  const toolIds = [...toolMap.keys()];
  // One guess per missing id: a tool removed from a large workspace is referenced hundreds of
  // times, and each guess compares it with every tool id.
  const toolGuesses = new Map<string, string | undefined>();
  // A tool with an error of its own is left out of the workspace but still a good guess: a typo'd
  // reference to it keeps its did-you-mean.
  const guessIds = [...toolIds, ...(input.invalidIds?.get('tool') ?? [])];
  const guessTool = (id: string): string | undefined => {
    if (!toolGuesses.has(id)) toolGuesses.set(id, closest(id, guessIds));
    return toolGuesses.get(id);
  };

  const refTool = (e: Entry<unknown>, id: string, sub: Seg[], role: string): boolean => {
    if (toolMap.has(id)) return true;
    if (invalid('tool', id) || input.partial) return false;
    const guess = guessTool(id);
    err('unresolved-reference', here(e, ...sub), tw('build.unknown-tool', { id, role }),
      guess ? tw('suggest.did-you-mean', { value: guess }) : guessIds.length ? tw('build.unknown-tool.hint') : tw('build.no-tools.hint'));
    return false;
  };

  // ---- catalog & taxonomy -------------------------------------------------------------------
  const taxonomy = loadTaxonomy();
  const catalog = loadCatalog();
  const capIds = [...taxonomy.capabilities.keys()];
  const catIds = [...taxonomy.categoryById.keys()];

  // ---- personas (revision 2) ----------------------------------------------------------------
  for (const e of personas) {
    (e.value.stages ?? []).forEach((st, i) => {
      if (stageIds.includes(st) || invalid('stage', st) || input.partial) return;
      const guess = closest(st, stageIds);
      err('unresolved-reference', here(e, 'stages', i), tw('build.unknown-persona-stage', { id: st, persona: e.value.id, known: stageIds.join(', ') }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : undefined);
    });
  }

  // ---- touchpoints --------------------------------------------------------------------------
  for (const e of touchpoints) {
    const tp = e.value;
    (tp.personas ?? []).forEach((id, i) => {
      const p = personaMap.get(id);
      if (!p) {
        if (invalid('persona', id) || input.partial) return;
        const guess = closest(id, personaIds);
        err('unresolved-reference', here(e, 'personas', i), tw('build.unknown-persona', { id, touchpoint: tp.id }),
          guess ? tw('suggest.did-you-mean', { value: guess }) : personaIds.length ? tw('build.unknown-persona.hint') : tw('build.no-personas.hint'));
        return;
      }
      const own = p.value.stages;
      if (own && stageIds.includes(tp.stage) && own.every((st) => stageIds.includes(st)) && !own.includes(tp.stage)) {
        warn('persona-stage-mismatch', here(e, 'personas', i), tw('build.persona-stage-mismatch', { persona: id, touchpoint: tp.id, stage: tp.stage, stages: own.join(', ') }),
          tw('build.persona-stage-mismatch.hint', { persona: id, stage: tp.stage }));
      }
    });
    if (tp.needs !== undefined && tp.realtime !== undefined && (tp.needs === 'realtime') !== tp.realtime) {
      err('contradictory-fields', here(e, 'needs'), tw('build.needs-contradicts-realtime', { id: tp.id, realtime: String(tp.realtime), needs: tp.needs }),
        tw('build.needs-contradicts-realtime.hint'), [{ location: here(e, 'realtime'), message: t('build.realtime-said-here') }]);
    }
    if (!stageIds.includes(tp.stage) && !invalid('stage', tp.stage) && !input.partial) {
      const guess = closest(tp.stage, stageIds);
      err('unresolved-reference', here(e, 'stage'), tw('build.unknown-stage', { id: tp.stage, known: stageIds.join(', ') }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : undefined);
    }
    if (!(CHANNELS as readonly string[]).includes(tp.channel)) {
      const guess = CHANNEL_ALIASES[tp.channel.toLowerCase()] ?? closest(tp.channel, CHANNELS);
      warn('unknown-channel', here(e, 'channel'), tw('build.unknown-channel', { value: tp.channel }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-channel.hint'));
    }
    checkOwner(e, tp.owner, ['owner']);
    (tp.tools ?? []).forEach((id, i) => refTool(e, id, ['tools', i], t('role.touchpoint-tool', { touchpoint: tp.id })));
  }

  // ---- tools --------------------------------------------------------------------------------
  const usedAtTouchpoint = new Set<string>();
  for (const e of touchpoints) for (const id of e.value.tools ?? []) usedAtTouchpoint.add(id);
  for (const e of tools) {
    const tool = e.value;
    checkOwner(e, tool.owner, ['owner']);
    if (tool.catalog && !catalog.byId.has(tool.catalog)) {
      const guess = closest(tool.catalog, catalog.byId.keys());
      err('unresolved-reference', here(e, 'catalog'), tw('build.unknown-catalog', { id: tool.catalog }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-catalog.hint'));
    }
    if (tool.category && !taxonomy.categoryById.has(tool.category)) {
      const guess = closest(tool.category, catIds);
      warn('unknown-category', here(e, 'category'), tw('build.unknown-category', { id: tool.category }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-category.hint'));
    }
    (tool.capabilities ?? []).forEach((c, i) => {
      if (taxonomy.capabilities.has(c)) return;
      const guess = closest(c, capIds);
      warn('unknown-capability', here(e, 'capabilities', i), tw('build.unknown-capability', { id: c }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-capability.hint'));
    });
    const status = tool.status ?? 'active';
    // An explicit `data: []` says "holds no customer data" (a CMS, an ad account); only a missing list is a blank.
    if ((status === 'active' || status === 'pilot') && tool.data === undefined && usedAtTouchpoint.has(tool.id)) {
      warn('no-data', here(e, 'id'), tw('build.no-data', { id: tool.id }), tw('build.no-data.hint'));
    }
    if (tool.seats?.licensed !== undefined && tool.seats.active !== undefined && tool.seats.active > tool.seats.licensed) {
      warn('seats', here(e, 'seats', 'active'), tw('build.seats-over', { id: tool.id, active: tool.seats.active, licensed: tool.seats.licensed }));
    }
    (tool.source_of_truth ?? []).forEach((d, i) => {
      if (!(tool.data ?? []).includes(d)) {
        warn('sot-not-held', here(e, 'source_of_truth', i), tw('build.sot-not-held', { id: tool.id, data: d }), tw('build.sot-not-held.hint', { data: d }));
      }
    });
  }

  // ---- integrations -------------------------------------------------------------------------
  for (const e of integrations) {
    const it = e.value;
    const okFrom = refTool(e, it.from, ['from'], t('role.integration-from'));
    const okTo = refTool(e, it.to, ['to'], t('role.integration-to'));
    if (it.from === it.to) err('self-integration', here(e, 'to'), tw('build.self-integration', { id: it.from }));
    const mode = effectiveMode(it);
    if (it.frequency && (it.frequency === 'realtime') !== (mode === 'realtime')) {
      warn('frequency-mode', here(e, 'frequency'), tw('build.frequency-contradicts-mode', { mode, frequency: it.frequency }),
        tw(`build.frequency-contradicts-mode.${mode}`, { frequency: tw(`frequency.${it.frequency}`) }));
    }
    if (okFrom && okTo && it.data) {
      const held = toolMap.get(it.from)!.value.data ?? [];
      const heldBack = it.bidirectional ? toolMap.get(it.to)!.value.data ?? [] : [];
      if (held.length) {
        it.data.forEach((d, i) => {
          if (!held.includes(d) && !heldBack.includes(d)) {
            const guess = closest(d, held);
            warn('data-not-held', here(e, 'data', i), tw('build.data-not-held', { data: d, tool: it.from }),
              guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.data-not-held.hint', { tool: it.from }));
          }
        });
      }
    }
  }

  // ---- strategy -----------------------------------------------------------------------------
  const initIds = [...initMap.keys()];
  for (const e of initiatives) {
    const ini = e.value;
    (ini.tools ?? []).forEach((id, i) => refTool(e, id, ['tools', i], t('role.initiative-tool', { initiative: ini.id })));
    checkOwner(e, ini.owner, ['owner']);
    (ini.stakeholders ?? []).forEach((d, i) => checkOwner(e, d, ['stakeholders', i]));
    (ini.depends_on ?? []).forEach((d, i) => {
      if (initMap.has(d) || isGeneratedInitiativeId(d) || invalid('initiative', d) || input.partial) return;
      const guess = closest(d, initIds);
      err('unresolved-reference', here(e, 'depends_on', i), tw('build.unknown-initiative', { id: d }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : undefined);
    });
    const catalog = input.rules;
    if (catalog) (ini.addresses ?? []).forEach((f, i) => {
      const [rule, subject] = splitFindingId(f);
      const kind = catalog.subjectOf(rule);
      if (kind === undefined) {
        const guess = closest(rule, catalog.ids);
        err('unresolved-reference', here(e, 'addresses', i), tw('build.unknown-finding-rule', { id: f, rule }),
          guess ? tw('suggest.did-you-mean', { value: subject ? `${guess}:${subject}` : guess }) : tw('build.unknown-finding-rule.hint'));
        return;
      }
      // A file that did not parse may hold the subject: no follow-on warning about it.
      if (subject && kind === 'tool' && !toolMap.has(subject) && !input.partial) {
        const guess = guessTool(subject);
        warn('unresolved-reference', here(e, 'addresses', i), tw('build.unknown-finding-subject', { id: f, subject }),
          guess ? tw('suggest.did-you-mean', { value: `${rule}:${guess}` }) : undefined);
      }
      if (subject && kind === 'touchpoint' && !tpMap.has(subject) && !input.partial) {
        const guess = closest(subject, tpMap.keys());
        warn('unresolved-reference', here(e, 'addresses', i), tw('build.unknown-finding-subject', { id: f, subject }),
          guess ? tw('suggest.did-you-mean', { value: `${rule}:${guess}` }) : undefined);
      }
    });
  }
  // depends_on cycles among authored initiatives
  {
    const state = new Map<string, 1 | 2>();
    const visit = (id: string, trail: string[]): void => {
      const s = state.get(id);
      if (s === 2) return;
      const e = initMap.get(id);
      if (!e) return;
      if (s === 1) {
        const cycle = [...trail.slice(trail.indexOf(id)), id];
        err('dependency-cycle', here(e, 'depends_on'), tw('build.dependency-cycle', { cycle: cycle.join(' → ') }));
        return;
      }
      state.set(id, 1);
      for (const d of e.value.depends_on ?? []) visit(d, [...trail, id]);
      state.set(id, 2);
    };
    for (const id of initIds) visit(id, []);
  }

  // ---- settings -----------------------------------------------------------------------------
  const setEntry = single.settings as Entry<SettingsInput> | undefined;
  const rules: Record<string, RuleConfig> = {};
  for (const [id, cfg] of Object.entries(setEntry?.value.rules ?? {})) {
    if (input.rules && input.rules.subjectOf(id) === undefined) {
      const guess = closest(id, input.rules.ids);
      err('unknown-rule', locate(setEntry!.pf, ['settings', 'rules', id], true), tw('build.unknown-rule', { id }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-rule.hint'));
      continue;
    }
    if (cfg === 'off') rules[id] = { severity: 'off' };
    else if (typeof cfg === 'string') rules[id] = { severity: cfg };
    else rules[id] = { severity: cfg.enabled === false ? 'off' : cfg.severity, threshold: cfg.threshold };
  }
  // The report folder is replaced as a whole by `report`: it must be a folder inside the workspace.
  const output = setEntry?.value.output;
  if (output !== undefined && !isOutputInside(output)) {
    err('output-outside', locate(setEntry!.pf, ['settings', 'output']), t('safety.output-outside', { value: output }), t('safety.output-outside.hint'));
  }

  // ---- questions ----------------------------------------------------------------------------
  for (const e of questions) {
    const [kind, id] = e.value.about.split(':');
    const pool = kind === 'tool' ? toolMap : kind === 'touchpoint' ? tpMap : kind === 'persona' ? personaMap : undefined;
    if (pool && id && !pool.has(id) && !input.partial) {
      const guess = closest(id, pool.keys());
      warn('unresolved-reference', here(e, 'about'), tw('build.unknown-question-subject', { about: e.value.about }),
        guess ? tw('suggest.did-you-mean', { value: `${kind}:${guess}` }) : undefined);
    }
    if (e.value.ask) checkOwner(e, e.value.ask, ['ask']);
  }

  // ---- data types (revision 2) ---------------------------------------------------------------
  // Ids used anywhere, in the order they are first written (for the checks below).
  const usedData = new Set<string>();
  for (const e of tools) for (const d of [...(e.value.data ?? []), ...(e.value.source_of_truth ?? [])]) usedData.add(d);
  for (const e of touchpoints) for (const d of e.value.captures ?? []) usedData.add(d);
  for (const e of integrations) for (const d of e.value.data ?? []) usedData.add(d);
  const vocabulary = loadDataTypes();
  if (dataTypeMap.size) {
    // Only a workspace that describes data types gets these: a version-1 workspace reads as before.
    // An entry nothing uses is most likely a typo of an id in use that has no entry of its own.
    const undescribed = [...usedData].filter((d) => !dataTypeMap.has(d));
    for (const [id, e] of dataTypeMap) {
      if (usedData.has(id)) continue;
      const guess = closest(id, undescribed);
      warn('unused-data-type', here(e, 'id'), tw('build.unused-data-type', { id }),
        guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unused-data-type.hint'));
    }
    const declaredIds = [...dataTypeMap.keys()].filter((id) => !usedData.has(id));
    const reported = new Set<string>();
    const checkUse = (e: Entry<unknown>, d: string, sub: Seg[]) => {
      if (dataTypeMap.has(d) || vocabulary.has(d) || reported.has(d)) return;
      const guess = closest(d, declaredIds);
      if (!guess) return;
      reported.add(d);
      warn('unknown-data-type', here(e, ...sub), tw('build.undescribed-data-type', { id: d }), tw('suggest.did-you-mean', { value: guess }));
    };
    for (const e of tools) {
      (e.value.data ?? []).forEach((d, i) => checkUse(e, d, ['data', i]));
      (e.value.source_of_truth ?? []).forEach((d, i) => checkUse(e, d, ['source_of_truth', i]));
    }
    for (const e of touchpoints) (e.value.captures ?? []).forEach((d, i) => checkUse(e, d, ['captures', i]));
    for (const e of integrations) (e.value.data ?? []).forEach((d, i) => checkUse(e, d, ['data', i]));
  }

  if (diags.some((d) => d.severity === 'error')) return { diagnostics: diags };

  // ---- the model ----------------------------------------------------------------------------
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
  const pairCount = new Map<string, number>();
  const builtInts: Integration[] = integrations.map((e) => {
    const x = e.value;
    const pair = `${x.from}+${x.to}`;
    const n = (pairCount.get(pair) ?? 0) + 1;
    pairCount.set(pair, n);
    const mode = effectiveMode(x);
    return Object.freeze({
      id: x.id ?? (n > 1 ? `${pair}#${n}` : pair), from: x.from, to: x.to,
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
      : Object.defineProperty(fields, 'name', { get: () => localName(v.name, id), enumerable: true }) as DataType);
  });

  const group = <T, K>(items: readonly T[], key: (x: T) => K[]): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const it of items) for (const k of key(it)) {
      const arr = m.get(k);
      if (arr) arr.push(it);
      else m.set(k, [it]);
    }
    return m;
  };
  const toolById = new Map(builtTools.map((x) => [x.id, x]));
  const workspace: Workspace = Object.freeze({
    path: input.path, kind: input.kind, files: Object.freeze(input.files.map((f) => f.file)),
    organization: Object.freeze({
      name: org?.name ?? '', currency, departments: Object.freeze(departments), departmentsDeclared,
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
      touchpointsByStage: group(builtTps, (x) => [x.stage]),
      touchpointsByTool: group(builtTps, (x) => [...new Set(x.tools)]),
      integrationsFrom: group(builtInts, (x) => [x.from]),
      integrationsTo: group(builtInts, (x) => [x.to]),
      hubs: Object.freeze(builtTools.filter((x) => x.hub)),
      personaById: new Map(builtPersonas.map((x) => [x.id, x])),
      dataTypeById: new Map(builtDataTypes.map((x) => [x.id, x])),
    }),
  });
  return { workspace, diagnostics: diags };
}

/**
 * The mode of a link: as given; omitted, it is realtime when `frequency: realtime` says so, else
 * batch (format.md's default).
 */
function effectiveMode(x: IntegrationInput): Integration['mode'] {
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

/** "data-silo:intercom" -> ["data-silo", "intercom"]. */
export function splitFindingId(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
}

/** Generated roadmap ids (rules.md; src/analysis/roadmap.ts): retire-x, connect-x, consolidate-x, designate-sot-x, replatform, establish-hub, ... */
export function isGeneratedInitiativeId(id: string): boolean {
  return /^(retire|connect|consolidate|designate-sot|replace-manual|realtime|pilot|replatform|assign-owner|cover|measure|license|governance|upgrade|establish-hub)(-|$)/.test(id);
}

/** settings.output: a relative path to a folder strictly inside the workspace ("reports", "out/audit"). */
export function isOutputInside(output: string): boolean {
  const p = output.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return false;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return false;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length > 0;
}
