// What a rule's `plan` works with: the workspace and facts, the drafts proposed so far (a plan
// sees what earlier steps proposed: a tool being retired gets no connection), and the
// judgements several plans share (which hub a tool should feed, which tool to keep).
import { pluralCategory } from '../../i18n/format.js';
import { worded, type Lang, type Params, type Worded } from '../../i18n/index.js';
import type { Tool, Workspace } from '../../model/model.js';
import type { Level } from '../../model/vocabulary.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../types.js';
import type { Words } from '../words.js';
import type { Draft, DraftInit } from './types.js';
import { isDeclaredInitiative } from './ids.js';

export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value (ties: the smallest id), or undefined. */
export function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))[0]?.[0];
}

export interface PlanContext {
  readonly ws: Workspace;
  readonly facts: Facts;
  /** The effective assessment level; `replatform` when the stack is to be rebuilt around a new hub. */
  readonly level?: Level;
  readonly replatforming: boolean;
  /** Every draft by id (plans may add to an existing one's addresses, tools, departments). */
  readonly drafts: Map<string, Draft>;
  /**
   * The draft with this id, created with `init()` when it does not exist yet. A new id must be one
   * its proposer declared (`proposing()`; a rule's `plan.initiatives`): anything else throws.
   */
  draft(id: string, init: () => DraftInit): Draft;
  /**
   * Who proposes the drafts from now on, and the initiative ids it declared (roadmap/ids.ts). A rule
   * passes its own texts: its plan's titles may be keys of its `text` (`rules.<id>.<key>`).
   */
  proposing(who: string, initiatives: readonly string[], own?: OwnTexts): void;
  /** The first live draft about a tool (one of its subjects) that matches. */
  about(toolId: string, pred: (d: Draft) => boolean): Draft | undefined;
  /** Records a draft's subjects again after a plan added some. */
  indexSubjects(d: Draft): void;
  /** Drafts about a tool (live or not: check `drafts.get(d.id) === d`). */
  draftsAbout(toolId: string): readonly Draft[];
  /** The hub a group of tools should feed: a hub already in their component, else the one holding most of their data, else the most used. */
  hubFor(toolIds: readonly string[]): Tool | undefined;
  /** The tool to keep among several: a hub, else the most connected, else the cheapest, then by id. */
  keeperOf(ids: readonly string[]): string;
  tool(id: string): Tool | undefined;
  /** A tool's name (its id when unknown). */
  name(id: string): string;
  /** The known tools a finding is about. */
  toolEntities(f: Finding): string[];
  /** How long retiring a tool takes: longer when touchpoints or integrations must move. */
  retireMonths(id: string): number;
  /** The findings (at least low) of a rule, by id. */
  findingsOf(rule: string): readonly Finding[];
  /** Names, lists and money in the run's language (src/analysis/words.ts). */
  readonly words: Words;
  /**
   * An initiative title in the run's language, with its message id and data: a key of the proposing
   * rule's own `text` (`rules.<id>.<key>`), else of the shared catalog (src/i18n, `roadmap.title.*`).
   */
  title(key: string, params?: Params): Worded;
  /** A title with a count in it, in the right grammatical number (`key.one` when the texts have it). */
  titleCount(key: string, count: number, params?: Params): Worded;
}

/**
 * A title worded when it is first read (#18): a 10,000-tool roadmap titles about 10,000 drafts,
 * and all but a hundred of them are merged into programmes and never shown. The message and its
 * parameters are fixed when the title is asked for (the proposing rule's text, values the plan
 * computed), so the words are the same whenever they are made.
 */
export class LaterWorded implements Worded {
  #worded: Worded | undefined;
  #make: (() => Worded) | undefined;
  constructor(make: () => Worded) {
    this.#make = make;
  }
  #get(): Worded {
    if (!this.#worded) {
      this.#worded = this.#make!();
      this.#make = undefined;
    }
    return this.#worded;
  }
  get messageId(): string {
    return this.#get().messageId;
  }
  get data(): Readonly<Record<string, string | number>> {
    return this.#get().data;
  }
  get text(): string {
    return this.#get().text;
  }
  toString(): string {
    return this.#get().text;
  }
}

/** A rule's own texts, for its plan's titles. */
export interface OwnTexts { readonly rule: string; template(key: string, lang: Lang): string | undefined }

export function createPlanContext(ws: Workspace, facts: Facts, relevant: readonly Finding[], words: Words, level?: Level): PlanContext {
  const tool = (id: string): Tool | undefined => ws.index.toolById.get(id);
  const drafts = new Map<string, Draft>();
  // tool id -> drafts about it (for attaching findings without scanning every draft)
  const bySubject = new Map<string, Draft[]>();
  const indexSubjects = (d: Draft): void => {
    for (const s of d.subjects) {
      const l = bySubject.get(s);
      if (!l) bySubject.set(s, [d]);
      else if (!l.includes(d)) l.push(d);
    }
  };
  const byRule = new Map<string, Finding[]>();
  for (const f of [...relevant].sort((a, b) => byId(a.id, b.id))) (byRule.get(f.rule) ?? byRule.set(f.rule, []).get(f.rule)!).push(f);
  // Memoised by component and data: thousands of tools share a handful of answers.
  const hubMemo = new Map<string, Tool | undefined>();
  const oneMemo = new Map<string, Tool | undefined>();
  let proposer: { who: string; initiatives: readonly string[]; own?: OwnTexts } | undefined;
  const { tr } = words;
  // A key of the proposing rule's own text, else of the shared catalog.
  const own = (key: string): string | undefined => proposer?.own?.template(key, tr.lang);
  const title = (key: string, params?: Params): Worded => {
    const template = own(key);
    if (template === undefined) return new LaterWorded(() => tr.tw(key, params));
    const id = `rules.${proposer!.own!.rule}.${key}`;
    return new LaterWorded(() => worded(id, template, params, tr.lang));
  };
  return {
    ws, facts, level, replatforming: level === 'replatform', drafts, words,
    draft(id, init) {
      let d = drafts.get(id);
      if (!d) {
        if (proposer && !isDeclaredInitiative(id, proposer.initiatives)) {
          throw new Error(`${proposer.who} proposes the initiative ${id}, which it does not declare (it declares ${proposer.initiatives.join(', ') || 'none'})`);
        }
        const x = init();
        d = {
          id, addresses: new Set(), stakeholders: new Set(), extraDepartments: new Set(), dependsOn: new Set(),
          source: 'generated', status: 'proposed', pilot: false, renewalTools: [], touchesNeighbours: false, impact: 0, ...x,
        };
        drafts.set(id, d);
        indexSubjects(d);
      }
      return d;
    },
    proposing: (who, initiatives, texts) => {
      proposer = { who, initiatives, ...(texts ? { own: texts } : {}) };
    },
    about: (toolId, pred) => bySubject.get(toolId)?.find((d) => drafts.get(d.id) === d && pred(d)),
    indexSubjects,
    draftsAbout: (toolId) => bySubject.get(toolId) ?? [],
    hubFor(toolIds) {
      if (!facts.hubs.length) return undefined;
      // Most callers ask for one tool, thousands of times at 10k tools: answered from the tool id,
      // without building the memo key from its data again.
      if (toolIds.length === 1 && oneMemo.has(toolIds[0])) return oneMemo.get(toolIds[0]);
      const comp = toolIds.length ? facts.componentOf(toolIds[0]) : undefined;
      const data = new Set(toolIds.flatMap((id) => tool(id)?.data ?? []));
      const key = `${comp?.hasHub ? comp.index : -1}|${[...data].sort(byId).join(',')}`;
      if (hubMemo.has(key)) {
        if (toolIds.length === 1) oneMemo.set(toolIds[0], hubMemo.get(key));
        return hubMemo.get(key);
      }
      const candidates = comp?.hasHub ? facts.hubs.filter((h) => comp.hubs.includes(h.id)) : facts.hubs;
      const ranked = candidates.map((h) => ({ h, shared: h.data.filter((d) => data.has(d)).length, impact: facts.impact(h.id) }))
        .sort((a, b) => b.shared - a.shared || b.impact - a.impact || byId(a.h.id, b.h.id));
      hubMemo.set(key, ranked[0]?.h);
      if (toolIds.length === 1) oneMemo.set(toolIds[0], ranked[0]?.h);
      return ranked[0]?.h;
    },
    keeperOf: (ids) => {
      // The first by (hub, most connected, cheapest, id): one scan, no sort.
      let best: { id: string; hub: number; degree: number; cost: number } | undefined;
      for (const id of ids) {
        const x = { id, hub: Number(facts.isHub(id)), degree: facts.degree(id), cost: tool(id)?.annualCostMinor ?? Infinity };
        if (!best || (x.hub - best.hub || x.degree - best.degree || best.cost - x.cost || byId(best.id, x.id)) > 0) best = x;
      }
      return best!.id;
    },
    tool,
    name: (id) => tool(id)?.name ?? id,
    toolEntities: (f) => {
      const out: string[] = [];
      const seen = f.entities.length > 16 ? new Set<string>() : undefined;
      for (const e of f.entities) {
        if (e.kind !== 'tool' || (seen ? seen.has(e.id) : out.includes(e.id)) || !tool(e.id)) continue;
        out.push(e.id);
        seen?.add(e.id);
      }
      return out;
    },
    retireMonths: (id) => 1 + (facts.touchpointsServed(id).length ? 1 : 0) + (facts.degree(id) ? 1 : 0),
    findingsOf: (rule) => byRule.get(rule) ?? [],
    title,
    titleCount: (key, count, params) => {
      if (own(key) === undefined) return new LaterWorded(() => tr.twCount(key, count, params));
      const variant = `${key}.${pluralCategory(count, tr.lang)}`;
      return title(own(variant) !== undefined ? variant : key, params);
    },
  };
}
