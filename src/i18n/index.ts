// One message module for every user-facing text. Keys map to templates with {placeholders}.
// English is bundled; other languages load on demand (initLang) so that start-up stays cheap.
import { en } from './en/index.js';
import { formatList, pluralCategory } from './format.js';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
export type Messages = Record<string, string>;
/** A message in words together with what it was made from: its id and its data. */
export interface Worded {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly text: string;
  toString(): string;
}
export type Params = Record<string, string | number | undefined | null | Worded>;

/** A worded message: `text` from the template, `data` the parameters it uses (nested messages as their words). */
export function worded(messageId: string, template: string, params?: Params, lang?: Lang): Worded {
  // Only what the template uses, in the template's order of first use.
  const data: Record<string, string | number> = {};
  if (params) {
    for (const name of compiled(template).names) {
      const v = params[name];
      if (v !== undefined && v !== null && !(name in data)) data[name] = typeof v === 'object' ? v.text : v;
    }
  }
  return Object.freeze({ messageId, data, text: wordedTextOf(template, params, lang), toString: wordedText });
}

/**
 * The words of `worded(id, template, params, lang)` alone, for a text that keeps no message id or
 * data (a recommendation): no data object is made and frozen only to be dropped (#18).
 */
export function wordedTextOf(template: string, params?: Params, lang?: Lang): string {
  return lang === 'ja' ? formatJa(template, params) : format(template, params);
}

// One toString for every message (a closure per message was one more object per message: a
// 10,000-tool audit words hundreds of thousands).
function wordedText(this: Worded): string {
  return this.text;
}

let current: Lang = 'en';
let catalog: Messages = en;

/**
 * The language a POSIX locale asks for. LC_ALL overrides LC_MESSAGES, which overrides LANG;
 * an empty variable counts as unset. "ja", "ja_JP", "ja_JP.UTF-8", "ja-JP" all mean Japanese;
 * anything else (C, POSIX, en_US.UTF-8, ...) means English.
 */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja(?:$|[_.@-])/i.test(loc) ? 'ja' : 'en';
}

/** Picks the language: explicit flag, then workspace setting, then LC_ALL / LC_MESSAGES / LANG. */
export function detectLang(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit && isLang(explicit)) return explicit;
  return localeLang(env);
}

/**
 * The whole priority in one place: `--lang`, then `settings.lang` of the workspace, then the
 * locale. Unknown values are skipped here (the CLI rejects a bad `--lang` before this runs; the
 * schema rejects a bad `settings.lang`).
 */
export function resolveLang(opts: { flag?: string | null; setting?: string | null; env?: NodeJS.ProcessEnv } = {}): Lang {
  if (opts.flag && isLang(opts.flag)) return opts.flag;
  if (opts.setting && isLang(opts.setting)) return opts.setting;
  return localeLang(opts.env ?? process.env);
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export async function loadMessages(lang: Lang): Promise<Messages> {
  if (lang === 'en') return en;
  const mod = await import('./ja/index.js');
  return mod.ja;
}

/** Switches the language for every following t() call. */
export async function initLang(lang: Lang): Promise<void> {
  catalog = await loadMessages(lang);
  current = lang;
}

export function setMessages(lang: Lang, messages: Messages): void {
  current = lang;
  catalog = messages;
}

export function currentLang(): Lang {
  return current;
}

/** Translates a key; missing keys fall back to English, then to the key itself. */
export function t(key: string, params?: Params): string {
  const template = catalog[key] ?? en[key] ?? key;
  return current === 'ja' ? formatJa(template, params) : format(template, params);
}

// Japanese text, kana and CJK punctuation: no space is set between two of these.
const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆〜・、。「」『』（）【】：；！？]';
const TIGHT = new RegExp(`(${CJK})([\\ue000\\ue001]*) ([\\ue000\\ue001]*)(?=${CJK})`, 'gu');

/**
 * format() for Japanese: a space the template puts beside a placeholder goes when both the value
 * and its neighbour are Japanese (「{data} の」 with 顧客プロフィール gives 「顧客プロフィールの」);
 * it stays beside Latin letters and digits (「kintone に」「40 件」). Spaces written between two
 * Japanese words of the template itself are left as they are.
 */
export function formatJa(template: string, params?: Params): string {
  if (!params) return template;
  const marked = template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? m : `\ue000${String(v).replace(/[\ue000\ue001]/g, '')}\ue001`;
  });
  return marked
    .replace(TIGHT, (all, a: string, left: string, right: string) => (left || right ? `${a}${left}${right}` : all))
    .replace(/[\ue000\ue001]/g, '');
}

/**
 * The display name of a data type (`contact-profile`): the shared vocabulary's word in the current
 * language (顧客プロフィール), or the id as written for anything outside the vocabulary.
 */
export function dataTypeName(id: string): string {
  const key = `data.${id}`;
  return catalog[key] ?? en[key] ?? id;
}

/**
 * The name of a default stage (`awareness`) in the current language. The model's built-in names
 * (default stages, data types) follow the output language when they are read, not the language
 * the workspace was loaded in.
 */
export function stageName(id: string): string {
  return t(`stage.${id}`);
}

export function has(key: string): boolean {
  return key in catalog || key in en;
}

/** The {placeholder} names of a template, sorted and unique (for catalog checks). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  const { names, parts } = compiled(template);
  if (names.length === 0) return template;
  // Joined, not concatenated: `+=` makes a V8 cons string (a tree of fragments, 32 bytes a node)
  // that every message of a large audit kept until it was written, and that the writer then had
  // to flatten; join() makes the flat string once (issue 18).
  const out: string[] = [parts[0]];
  for (let i = 0; i < names.length; i++) {
    const v = params[names[i]];
    out.push(v === undefined || v === null ? `{${names[i]}}` : String(v), parts[i + 1]);
  }
  return out.join('');
}

/**
 * A template split once into its literal parts and `{name}` placeholders: a 10,000-tool audit
 * words tens of thousands of findings from a few hundred templates, and scanning each template
 * with a regular expression per message was a visible share of the analysis (issue 18).
 * `parts` has one more entry than `names`: parts[0] names[0] parts[1] ... names[n-1] parts[n].
 */
interface CompiledTemplate { names: string[]; parts: string[] }
const templates = new Map<string, CompiledTemplate>();
function compiled(template: string): CompiledTemplate {
  const known = templates.get(template);
  if (known) return known;
  const names: string[] = [];
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push(template.slice(last, m.index));
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  const c = { names, parts };
  // Templates come from the message catalogs; a bound keeps a caller that formats ever-new text from growing the cache.
  if (templates.size < 10_000) templates.set(template, c);
  return c;
}

/** Lists in the current language: "a, b and c" / 「a、b、c」 (src/i18n/format.ts formatList). */
export function list(items: readonly string[]): string {
  return formatList(items, current);
}

/** Like t(), with the message's id and data kept beside its words (for machine output). */
export function tw(key: string, params?: Params): Worded {
  return worded(key, catalog[key] ?? en[key] ?? key, params, current);
}

/** Like tCount(), with the message's id (the plural variant used) and data kept beside its words. */
export function twCount(key: string, count: number, params: Params = {}): Worded {
  const variant = `${key}.${pluralCategory(count, current)}`;
  return tw(has(variant) ? variant : key, params);
}

/**
 * Words in one language, handed to the code that words messages instead of it reading the process
 * language: the same lookups as t(), tw(), tCount(), twCount() and list(). The loader
 * (LoadSourcesOptions.tr), the analysis (AnalyzeOptions.tr) and the renderers (src/report,
 * src/diagrams, src/diff, ...) take one (CONTRIBUTING.md, "Language").
 */
export interface Translator {
  readonly lang: Lang;
  t(key: string, params?: Params): string;
  tw(key: string, params?: Params): Worded;
  tCount(key: string, count: number, params?: Params): string;
  twCount(key: string, count: number, params?: Params): Worded;
  list(items: readonly string[]): string;
  has(key: string): boolean;
  /**
   * The display name of a data type (`contact-profile`): the shared vocabulary's word in this
   * language (顧客プロフィール), or the id as written for anything outside the vocabulary.
   */
  dataTypeName(id: string): string;
  /** The name of a default stage (`awareness`) in this language. */
  stageName(id: string): string;
}

/** A translator over a catalog; missing keys fall back to English, then to the key itself. */
export function createTranslator(lang: Lang, messages: Messages): Translator {
  const template = (key: string): string => messages[key] ?? en[key] ?? key;
  const hasKey = (key: string): boolean => key in messages || key in en;
  const counted = (key: string, count: number): string => {
    const variant = `${key}.${pluralCategory(count, lang)}`;
    return hasKey(variant) ? variant : key;
  };
  // The same formatting as t(): Japanese sets no space between a Japanese value and its neighbour.
  const fill = lang === 'ja' ? formatJa : format;
  return Object.freeze({
    lang,
    t: (key: string, params?: Params) => fill(template(key), params),
    tw: (key: string, params?: Params) => worded(key, template(key), params, lang),
    tCount: (key: string, count: number, params: Params = {}) => fill(template(counted(key, count)), params),
    twCount: (key: string, count: number, params: Params = {}) => worded(counted(key, count), template(counted(key, count)), params, lang),
    list: (items: readonly string[]) => formatList(items, lang),
    has: hasKey,
    dataTypeName: (id: string) => messages[`data.${id}`] ?? en[`data.${id}`] ?? id,
    stageName: (id: string) => fill(template(`stage.${id}`)),
  });
}

/** The translator of a language (its catalog loaded on demand). */
export async function translator(lang: Lang): Promise<Translator> {
  return createTranslator(lang, await loadMessages(lang));
}

/** The translator of the process language (what t() reads), for callers that pass none. */
export function activeTranslator(): Translator {
  return createTranslator(current, catalog);
}

/**
 * A message with a count in it, in the right grammatical number: `key.one` (or another
 * Intl.PluralRules category) when the catalog has it, else `key` (the plural form).
 */
export function tCount(key: string, count: number, params: Params = {}): string {
  const variant = `${key}.${pluralCategory(count, current)}`;
  return t(has(variant) ? variant : key, params);
}
