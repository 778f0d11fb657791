// The shape of a finding rule, and createRule() which makes one. A rule is one module
// (src/analysis/rules/<id>.ts) holding everything about it: its meta (id, default severity, the
// level group it counts towards in the assessment, what its finding subject is), its texts in
// every language, the check, and optionally the initiatives it proposes for the roadmap. The
// registry (index.ts) lists the modules; everything else (rule ids, assessment groups, subject
// parsing, the meta-test) derives from them.
import type { Lang, Params, Translator, Worded } from '../../i18n/index.js';
import type { Workspace } from '../../model/model.js';
import type { Severity } from '../../model/vocabulary.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../types.js';
import type { PlanContext } from '../roadmap/context.js';
import type { Words } from '../words.js';

/**
 * Which level a finding (above `low`) argues for in the assessment (rules.md "Assessment"):
 * `integrate` (connections are missing) or `refocus` (redundancy, licences, coverage, sources of truth).
 */
export type AssessGroup = 'integrate' | 'refocus';

/**
 * What the subject part of a finding id (`<rule>:<subject>`) is: one tool, several tools joined
 * with "+" (in the rule's order), a touchpoint, a data type, a capability, a stage, or the
 * workspace as a whole (subject `workspace`), a persona and a stage (`<persona>+<stage>`).
 */
export type SubjectKind = 'workspace' | 'tool' | 'tools' | 'touchpoint' | 'data' | 'capability' | 'stage' | 'persona-stage';

export interface RuleMeta<Id extends string = string> {
  readonly id: Id;
  /** Default severity (rules.md table); settings.rules may override it. */
  readonly severity: Severity;
  readonly group: AssessGroup;
  /** Counted in the "hygiene" aspect of the health score (tools that should go or shrink). */
  readonly hygiene?: boolean;
  readonly subject: SubjectKind;
  /** Default threshold, for rules that have one (settings.rules may override it). */
  readonly threshold?: number;
  /**
   * How the diagrams mark the tools of its findings: `silo` (each tool is a silo), `island` (the
   * tools form one island, cut off from the hub), `all-silos` (the finding stands for every
   * customer-data tool being a silo, e.g. when there is no hub at all).
   */
  readonly marks?: 'silo' | 'island' | 'all-silos';
  /** Its findings need no initiative: the roadmap does not list them as unaddressed (opportunities, not problems). */
  readonly advisory?: boolean;
  /** A small single-file YAML workspace that triggers the rule (`explain <rule>` prints it). */
  readonly example: string;
}

/** The documentation every rule has, in one language. */
export interface RuleDocs {
  /** Short name ("Data silo"). */
  readonly title: string;
  /** What the rule checks. */
  readonly summary: string;
  /** Why it matters to the business. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  readonly example: string;
}

type DocKey = 'title' | 'summary' | 'why' | 'fix';
/** A rule's texts in one language: its docs and its message templates ({placeholders}). */
export type RuleText = Readonly<Record<DocKey, string>> & Readonly<Record<string, string>>;

export interface RuleContext<K extends string = string> {
  ws: Workspace;
  facts: Facts;
  /** The effective severity (settings.rules override, else the default). */
  severity: Severity;
  /** The effective threshold (settings.rules override, else the rule's default), when the rule has one. */
  threshold?: number;
  /** The language findings are worded in. */
  lang: Lang;
  /** One of this rule's own messages (a key of its `text`), in `lang`, with its id and data. */
  msg: (key: K, params?: Params) => Worded;
  /** Names, lists and money in `lang` (`words.tools(ids)`, `words.data(ids)`, `words.money(minor)`; src/analysis/words.ts). */
  words: Words;
  /** The shared message catalog in `lang` (src/i18n), for the few texts that are not the rule's own. */
  tr: Translator;
}

/** What a rule returns; the registry adds `id` (`<rule>:<subject>`), `rule` and `severity`. */
export interface FindingDraft<D = Record<string, unknown>> extends Omit<Finding, 'id' | 'rule' | 'severity' | 'details' | 'message' | 'messageId' | 'data' | 'recommendation'> {
  /** What was found (`ctx.msg(...)`): the finding carries its words, its message id and data. */
  message: Worded;
  recommendation: Worded;
  /** The subject id(s), already joined with "+" where there are several. */
  subject: string;
  /** Rule-specific facts (ids, not words) for the roadmap, diagrams and machine output. */
  details: D;
}

/** A finding of one rule as its plan sees it, with typed details. */
export type PlannedFinding<D> = Finding & { details: D };

/**
 * How a rule's findings become roadmap initiatives (rules.md "Roadmap"). Plans run one after the
 * other by `step` (then in registry order) and see the drafts earlier steps proposed, so that a
 * tool being retired gets no connection and a consolidation can wait for the connections it
 * needs. Steps in use: 10-19 quick wins (retire, licences, sources of truth, manual links),
 * 20 the platform (replatform or establish a hub; src/analysis/roadmap/platform.ts),
 * 30-39 connections and coverage, 40 consolidation.
 */
export interface RulePlan<D> {
  readonly step: number;
  /**
   * The ids of the initiatives it proposes: `connect` stands for `connect` and `connect-<anything>`
   * (`connect-intercom`), `measure-touchpoints` for that one initiative. An authored initiative may
   * depend on such an id before the roadmap generates it (the loader's rule catalog derives from
   * these), and proposing an id not declared here is a programming error (PlanContext.draft throws).
   */
  readonly initiatives: readonly string[];
  /** Proposes initiatives for the rule's findings (at least `low`, sorted by id) through `ctx.draft()`. */
  propose(findings: readonly PlannedFinding<D>[], ctx: PlanContext): void;
}

export interface Rule<Id extends string = string, D = Record<string, unknown>> {
  readonly meta: RuleMeta<Id>;
  /** Texts by language (same keys in every language; the meta-test checks it). */
  readonly text: Readonly<Record<Lang, RuleText>>;
  check(ctx: RuleContext): FindingDraft<D>[];
  /** The initiatives it proposes, if any (a rule without a plan leaves its findings to others or unaddressed). */
  readonly plan?: RulePlan<D>;
  /** Same as meta.id, meta.severity, meta.threshold (short forms). */
  readonly id: Id;
  readonly defaultSeverity: Severity;
  readonly defaultThreshold?: number;
  /** The docs in a language. */
  docsIn(lang: Lang): RuleDocs;
  /** A message template of this rule in a language (English when the language lacks it). */
  template(key: string, lang: Lang): string | undefined;
}

/** The details type of a rule. */
export type DetailsOf<R> = R extends Rule<string, infer D> ? D : never;

export interface RuleDefinition<Id extends string, T extends RuleText, D> {
  meta: RuleMeta<Id>;
  text: { en: T; ja: { readonly [k in keyof T]: string } };
  check(ctx: RuleContext<Exclude<keyof T, DocKey> & string>): FindingDraft<D>[];
  plan?: RulePlan<NoInfer<D>>;
}

export function createRule<const Id extends string, const T extends RuleText, D>(def: RuleDefinition<Id, T, D>): Rule<Id, D> {
  const text = def.text as unknown as Record<Lang, RuleText>;
  const template = (key: string, lang: Lang): string | undefined => text[lang]?.[key] ?? text.en[key];
  const docsIn = (lang: Lang): RuleDocs => Object.freeze({
    title: template('title', lang)!, summary: template('summary', lang)!, why: template('why', lang)!, fix: template('fix', lang)!,
    example: def.meta.example,
  });
  return Object.freeze({
    meta: Object.freeze({ ...def.meta }),
    text,
    check: def.check as Rule<Id, D>['check'],
    ...(def.plan ? { plan: def.plan } : {}),
    id: def.meta.id,
    defaultSeverity: def.meta.severity,
    ...(def.meta.threshold !== undefined ? { defaultThreshold: def.meta.threshold } : {}),
    docsIn,
    template,
  });
}
