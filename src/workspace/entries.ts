// The entries of a workspace gathered from its files, each with where it is written: the
// singletons (organization, stages, settings, strategy.horizon/review) defined once, the lists
// (tools, touchpoints, ...) in file order, minus what failed the schema.
import type { Translator, Worded } from '../i18n/index.js';
import type { RuleCatalog } from '../model/rule-catalog.js';
import { locate, nodeAt, nodeLoc, type ParsedFile } from './parse.js';
import type { Diagnostic, SourceLocation } from './diagnostics.js';
import type {
  ToolInput, TouchpointInput, IntegrationInput, InitiativeInput, QuestionInput, StrategyInput, PersonaInput, DataTypeInput,
} from './schema.js';

export type Seg = string | number;
/** A value in a file, with its path there (for file:line:col). */
export interface Entry<T> { value: T; pf: ParsedFile; path: Seg[] }

export const here = (e: Entry<unknown>, ...sub: Seg[]): SourceLocation => locate(e.pf, [...e.path, ...sub]);
/** Where an entity starts (what findings point at): no end range, so output stays compact. */
export const startOf = (e: Entry<unknown>, ...sub: Seg[]): SourceLocation => {
  const { file, line, column } = here(e, ...sub);
  return { file, line, column };
};

export type ReportError = (code: string, location: SourceLocation, message: string | Worded, suggestion?: string | Worded, related?: Diagnostic['related']) => void;

export interface Gathered {
  single: Record<'organization' | 'stages' | 'settings', Entry<any> | undefined>;
  touchpoints: Entry<TouchpointInput>[];
  tools: Entry<ToolInput>[];
  integrations: Entry<IntegrationInput>[];
  initiatives: Entry<InitiativeInput>[];
  questions: Entry<QuestionInput>[];
  personas: Entry<PersonaInput>[];
  dataTypeEntries: Entry<DataTypeInput>[];
  strategyHead: { horizon?: string; review?: StrategyInput['review'] };
}

export interface BuildInput {
  path: string; kind: 'directory' | 'file'; files: ParsedFile[];
  /** Ids of entities that exist but failed the schema: references to them are not errors. */
  invalidIds?: Map<string, Set<string>>;
  /** Some file could not be read at all: unresolved references may be defined there. */
  partial?: boolean;
  /** The finding rules and generated initiative ids, to check references to them; without it, settings.rules, `addresses` and `depends_on` beyond the authored initiatives are taken as written. */
  rules?: RuleCatalog;
  /** The language of the diagnostics; default the process language. */
  tr?: Translator;
}

/** Every entry of the files; a missing or unsupported version and a singleton defined twice are errors. */
export function gatherEntries(files: readonly ParsedFile[], err: ReportError, { t, tw }: Translator): Gathered {
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

  for (const pf of files) {
    const raw = pf.value as Record<string, any> | undefined;
    if (!raw) continue;
    const skipped = pf.skip ?? new Set<string>();
    const v: Record<string, any> = Object.fromEntries(Object.entries(raw).filter(([k]) => !skipped.has(k)));
    // Most files have nothing skipped: no key to build per item then.
    const keep = (key: string, i: number) => skipped.size === 0 || !skipped.has(`${key}.${i}`);
    const gather = <T>(list: unknown, key: string, into: Entry<T>[]) => {
      if (!Array.isArray(list)) return;
      for (let i = 0; i < list.length; i++) if (keep(key, i)) into.push({ value: list[i] as T, pf, path: [key, i] });
    };
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
    gather(v.touchpoints, 'touchpoints', touchpoints);
    gather(v.tools, 'tools', tools);
    gather(v.integrations, 'integrations', integrations);
    gather(v.questions, 'questions', questions);
    gather(v.personas, 'personas', personas);
    gather(v.data_types, 'data_types', dataTypeEntries);
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
      (v.strategy.initiatives ?? []).forEach((x: any, i: number) => keep('strategy.initiatives', i) && initiatives.push({ value: x, pf, path: ['strategy', 'initiatives', i] }));
    }
  }

  return { single, touchpoints, tools, integrations, initiatives, questions, personas, dataTypeEntries, strategyHead };
}
