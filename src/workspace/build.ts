// Workspace-wide checks after each file passed its schema: version, singletons, duplicate ids,
// references with "did you mean", warnings. The entries are gathered by entries.ts; the immutable
// indexed model is made by assemble.ts once no check found an error.
import { activeTranslator, stageName, type Worded } from '../i18n/index.js';
import { closest } from '../util/suggest.js';
import { loadCatalog, loadDataTypes, loadTaxonomy } from '../catalog/index.js';
import { CHANNEL_ALIASES, CHANNELS, DEFAULT_STAGES } from '../model/vocabulary.js';
import { locate } from './parse.js';
import { diagnostic, type Diagnostic, type SourceLocation } from './diagnostics.js';
import type { SettingsInput, OrganizationInput, StageInput } from './schema.js';
import type { Workspace, Stage, Department, RuleConfig } from '../model/model.js';
import { gatherEntries, here, startOf, type BuildInput, type Entry, type Seg } from './entries.js';
import { assembleWorkspace, effectiveMode } from './assemble.js';

export type { BuildInput };
export { conversationalByDefault } from './assemble.js';

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

/**
 * A default stage: its name follows the output language. Made outside buildWorkspace so that the
 * getter's closure holds only the id: a closure made inside it would keep all of buildWorkspace's
 * context (the parsed files, the entry maps: 16 MB of a 10,000-tool workspace) for as long as the
 * workspace lives (issue 18).
 */
function defaultStage(id: string, index: number): Stage {
  return Object.freeze({ id, get name() { return stageName(id); }, index }) as Stage;
}

export function buildWorkspace(input: BuildInput): { workspace?: Workspace; diagnostics: Diagnostic[] } {
  const tr = input.tr ?? activeTranslator();
  const { t, tw } = tr;
  const diags: Diagnostic[] = [];
  const err = (code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded, related?: Diagnostic['related']) =>
    diags.push(diagnostic('error', code, location, message, suggestion, related));
  const warn = (code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded) =>
    diags.push(diagnostic('warning', code, location, message, suggestion));
  // An unknown capability, category or channel is one warning per value, at its first use, with
  // every other use as a related location (issue 18: 1,000 tools naming a workspace's own
  // capability gave thousands of identical warnings). `key` is the message for a single use; a
  // value used more than once is worded with `${key}.many`, which names the first few users.
  const unknownValues = new Map<string, { code: string; key: string; param: string; value: string; suggestion?: Worded; uses: { location: SourceLocation; owner: string }[] }>();
  const unknownValue = (code: string, key: string, param: string, value: string, location: SourceLocation, owner: string, suggest: () => Worded | undefined) => {
    const k = `${code}\u0000${value}`;
    const known = unknownValues.get(k);
    if (known) known.uses.push({ location, owner });
    else unknownValues.set(k, { code, key, param, value, suggestion: suggest(), uses: [{ location, owner }] });
  };
  const flushUnknownValues = () => {
    for (const u of unknownValues.values()) {
      const [first, ...others] = u.uses;
      if (!others.length) {
        warn(u.code, first.location, tw(u.key, { [u.param]: u.value }), u.suggestion);
        continue;
      }
      const owners = [...new Set(u.uses.map((x) => x.owner))];
      const shown = owners.slice(0, 3);
      const where = tr.list(owners.length > shown.length ? [...shown, t('build.unknown-value.more', { count: owners.length - shown.length })] : shown);
      const related = others.map((x) => ({ location: x.location, message: t('build.unknown-value.also-here', { owner: x.owner }) }));
      diags.push(diagnostic('warning', u.code, first.location, tw(`${u.key}.many`, { [u.param]: u.value, count: u.uses.length, where }), u.suggestion, related));
    }
    unknownValues.clear();
  };

  const { single, touchpoints, tools, integrations, initiatives, questions, personas, dataTypeEntries, strategyHead } = gatherEntries(input.files, err, tr);
  const invalid = (kind: string, id: string) => input.invalidIds?.get(kind)?.has(id) === true;
  const orgInvalid = input.invalidIds?.has('organization') === true;

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
    DEFAULT_STAGES.forEach((s, i) => stages.push(defaultStage(s.id, i)));
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

  // `role` is worded only for a reference that does not resolve (20,000 links name 40,000 tools).
  const refTool = (e: Entry<unknown>, id: string, sub: Seg[], role: () => string): boolean => {
    if (toolMap.has(id)) return true;
    if (invalid('tool', id) || input.partial) return false;
    const guess = guessTool(id);
    err('unresolved-reference', here(e, ...sub), tw('build.unknown-tool', { id, role: role() }),
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
      unknownValue('unknown-channel', 'build.unknown-channel', 'value', tp.channel, here(e, 'channel'), tp.id, () => {
        const guess = CHANNEL_ALIASES[tp.channel.toLowerCase()] ?? closest(tp.channel, CHANNELS);
        return guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-channel.hint');
      });
    }
    checkOwner(e, tp.owner, ['owner']);
    (tp.tools ?? []).forEach((id, i) => refTool(e, id, ['tools', i], () => t('role.touchpoint-tool', { touchpoint: tp.id })));
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
      const category = tool.category;
      unknownValue('unknown-category', 'build.unknown-category', 'id', category, here(e, 'category'), tool.id, () => {
        const guess = closest(category, catIds);
        return guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-category.hint');
      });
    }
    (tool.capabilities ?? []).forEach((c, i) => {
      if (taxonomy.capabilities.has(c)) return;
      unknownValue('unknown-capability', 'build.unknown-capability', 'id', c, here(e, 'capabilities', i), tool.id, () => {
        const guess = closest(c, capIds);
        return guess ? tw('suggest.did-you-mean', { value: guess }) : tw('build.unknown-capability.hint');
      });
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

  flushUnknownValues();

  // ---- integrations -------------------------------------------------------------------------
  for (const e of integrations) {
    const it = e.value;
    const okFrom = refTool(e, it.from, ['from'], () => t('role.integration-from'));
    const okTo = refTool(e, it.to, ['to'], () => t('role.integration-to'));
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
    (ini.tools ?? []).forEach((id, i) => refTool(e, id, ['tools', i], () => t('role.initiative-tool', { initiative: ini.id })));
    checkOwner(e, ini.owner, ['owner']);
    (ini.stakeholders ?? []).forEach((d, i) => checkOwner(e, d, ['stakeholders', i]));
    (ini.depends_on ?? []).forEach((d, i) => {
      // Without the rule catalog, a reference that may be to a generated initiative is taken as written.
      if (initMap.has(d) || (input.rules ? input.rules.isGeneratedInitiative(d) : true) || invalid('initiative', d) || input.partial) return;
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
    err('output-outside', locate(setEntry!.pf, ['settings', 'output']), tw('safety.output-outside', { value: output }), tw('safety.output-outside.hint'));
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
  for (const e of tools) {
    for (const d of e.value.data ?? []) usedData.add(d);
    for (const d of e.value.source_of_truth ?? []) usedData.add(d);
  }
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

  const workspace = assembleWorkspace({
    input, org, orgEntry, currency, departments, departmentsDeclared, stages, stageIds, tools, touchpoints, integrations,
    initiatives, questions, personas, setEntry, rules, strategyHead, usedData, dataTypeMap, vocabulary, catalog, taxonomy,
  });
  return { workspace, diagnostics: diags };
}

/** "data-silo:intercom" -> ["data-silo", "intercom"]. */
export function splitFindingId(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
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

