// The words of one analysis: names from the workspace and the shared vocabulary, lists, money and
// percentages, in the language the analysis was asked for. The analysis is handed a Translator
// (`analyze(ws, { tr })`); nothing in src/analysis reads the process language
// (test/architecture.test.ts keeps it so), so two analyses in two languages do not bleed into each other.
import { capabilityNameIn, dataTypeNameIn } from '../catalog/index.js';
import { formatMoney, formatPercent } from '../i18n/format.js';
import type { Lang, Translator, Worded } from '../i18n/index.js';
import type { Stage, Workspace } from '../model/model.js';

export interface Words {
  readonly lang: Lang;
  readonly tr: Translator;
  /** "a, b and c" / 「a、b、c」. */
  list(items: readonly string[]): string;
  /** At most `max` items, then "and N more" ("a, b, c and 4 more"). */
  someOf(items: readonly string[], max: number): string;
  /** A tool's name (its id when unknown). */
  tool(id: string): string;
  /** "A, B and C" from tool ids, by name. */
  tools(ids: readonly string[]): string;
  /**
   * At most `max` tool names, then "and N more". `total` is how many there are when `ids` is already
   * a shortened list (the count of the rest is then total - max).
   */
  someTools(ids: readonly string[], max?: number, total?: number): string;
  /** A data type by the name the client uses: the same as `type()` (the workspace's name first). */
  dataType(id: string): string;
  /** Data types by the names the client uses, as a list (`types()`). */
  data(ids: readonly string[]): string;
  /**
   * A data type for a message: the workspace's `data_types` name, else the vocabulary's word (src/i18n),
   * else the built-in name (data/data-types.yaml), else the id.
   */
  type(id: string): string;
  /** `type()` of each, as a list. */
  types(ids: readonly string[]): string;
  /** A capability of the taxonomy by its name, else the id. */
  capability(id: string): string;
  /** A stage's name: as written in the workspace; a default stage's (which has no location) in the analysis' language. */
  stage(stage: Pick<Stage, 'id' | 'name' | 'loc'>): string;
  /** An amount in the workspace currency for messages ("€9,600", "€12.5", "￥864,000"). */
  money(minor: number): string;
  /** "42%". */
  percent(share: number): string;
}

export function wordsFor(ws: Workspace, tr: Translator): Words {
  const lang = tr.lang;
  const list = (items: readonly string[]): string => tr.list(items);
  const tool = (id: string): string => ws.index.toolById.get(id)?.name ?? id;
  const dataType = (id: string): string => tr.dataTypeName(id);
  // A type's word is asked for in nearly every finding and initiative: each is worked out once per analysis.
  const typeWords = new Map<string, string>();
  const type = (id: string): string => {
    let word = typeWords.get(id);
    if (word === undefined) typeWords.set(id, (word = typeWord(id)));
    return word;
  };
  const typeWord = (id: string): string => {
    const d = ws.index.dataTypeById.get(id);
    if (d?.given.name) return d.name;
    const word = dataType(id);
    if (word !== id) return word;
    // (The model's name of a built-in type follows the process language when read: ask the vocabulary in ours.)
    const builtIn = d?.builtIn ? dataTypeNameIn(id, lang) : undefined;
    // A vocabulary word inside an English sentence: "its own email engagement data", not "Email engagement".
    if (builtIn && lang === 'en' && /^[A-Z][a-z]/.test(builtIn)) return builtIn[0].toLowerCase() + builtIn.slice(1);
    return builtIn ?? d?.name ?? id;
  };
  const tools = (ids: readonly string[]): string => list(ids.map(tool));
  // An amount is worded once per analysis (#18: a tool's cost is in its redundant-tool and
  // underused-license findings and in its retirement; Intl formatting is the slow part). Zero is
  // not kept: -0 and 0 are one key of a Map and need not be one word.
  const amounts = new Map<number, string>();
  const money = (minor: number): string => {
    if (minor === 0) return formatMoney(minor, ws.organization.currency, lang, { cents: 'trim' });
    let word = amounts.get(minor);
    if (word === undefined) amounts.set(minor, (word = formatMoney(minor, ws.organization.currency, lang, { cents: 'trim' })));
    return word;
  };
  return Object.freeze({
    lang,
    tr,
    list,
    someOf: (items: readonly string[], max: number) =>
      items.length <= max ? list(items) : list([...items.slice(0, max), tr.t('assess.more', { count: items.length - max })]),
    tool,
    tools,
    someTools: (ids: readonly string[], max = 8, total = ids.length) =>
      total <= max ? tools(ids.slice(0, max)) : list([...ids.slice(0, max).map(tool), tr.t('rules.more', { count: total - max })]),
    // In messages and titles a type is called what the client calls it: the workspace's `data_types`
    // name first (blind review: "（顧客プロフィール、inquiry）", "juku-navi-leads" in Japanese sentences).
    dataType: type,
    data: (ids: readonly string[]) => list(ids.map(type)),
    type,
    types: (ids: readonly string[]) => list(ids.map(type)),
    capability: (id: string) => capabilityNameIn(id, lang),
    stage: (s: Pick<Stage, 'id' | 'name' | 'loc'>) => (s.loc === undefined ? tr.stageName(s.id) : s.name),
    money,
    percent: (share: number) => formatPercent(share, lang),
  });
}

/** Words that say nothing: for running a rule's check only for its details (customer.ts), where no message is read. */
export const SILENT: Words = (() => {
  const nothing = (): string => '';
  const said: Worded = Object.freeze({ messageId: '', data: {}, text: '', toString: nothing });
  const tr: Translator = Object.freeze({
    lang: 'en' as const, t: nothing, tw: () => said, tCount: nothing, twCount: () => said, list: nothing, has: () => false,
    dataTypeName: nothing, stageName: nothing,
  });
  return Object.freeze({
    lang: 'en' as const, tr, list: nothing, someOf: nothing, tool: nothing, tools: nothing, someTools: nothing, dataType: nothing,
    data: nothing, type: nothing, types: nothing, capability: nothing, stage: nothing, money: nothing, percent: nothing,
  });
})();
