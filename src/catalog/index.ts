// The built-in capability taxonomy and tool catalog. Data lives in data/*.yaml (not code);
// this module loads it once, indexes it and answers look-ups.
import { readFileSync, statSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { packageFile } from '../util/paths.js';
import { currentLang, type Lang } from '../i18n/index.js';

export interface LocalName { en: string; ja?: string }
/**
 * A capability of the taxonomy with its flags (data/taxonomy.yaml; rules.md revision 2 vocabulary).
 * Flags describe the capability wherever a tool has it, as a primary capability or as a feature.
 */
export interface Capability {
  id: string; name: LocalName; aliases: string[]; category: string;
  /** Measures customer behaviour or outcomes (analytics, attribution, BI, surveys, A/B testing). */
  measures: boolean;
  /** A tool with it reports on its own activity (rules.md "reporting"); true for every measuring capability. */
  reports: boolean;
  /** Tailors what an identified customer sees (rules.md `personalization-opportunity`). */
  personalizes: boolean;
  /** Buys advertising media: a media channel (rules.md "media channel"). */
  media: boolean;
  /** A spreadsheet, file or document store, or a conduit: never a system of record (rules.md "file tool"). */
  fileTool: boolean;
  /** A file tool that people pass data through (team chat, shared inbox, collaboration board). */
  conduit: boolean;
  /** Internal work (design, project management, team chat, wiki, office files, budget). */
  internal: boolean;
}
export interface Category { id: string; group: string; name: LocalName; capabilities: Capability[] }
export interface Group { id: string; name: LocalName }
export interface CatalogTool {
  id: string; name: string; vendor?: string; category?: string;
  /**
   * Primary capabilities: what the tool is bought for (rules.md "primary capability"). Only these
   * count for overlap and redundancy once the revision-2 rules read them.
   */
  capabilities: string[];
  /** Other features it offers out of the box: real, but not why it is bought. */
  features: string[];
  hub: boolean; aliases: string[]; data: string[];
  /** The media network whose inventory an advertising tool buys (google, meta, ...). */
  network?: string;
  /** Works on third-party cookies (the default of a workspace tool's `third_party_cookies`); undefined: not said. */
  thirdPartyCookies?: boolean;
}

export interface Taxonomy {
  groups: Group[];
  categories: Category[];
  capabilities: Map<string, Capability>;
  categoryById: Map<string, Category>;
}
export interface Catalog { tools: CatalogTool[]; byId: Map<string, CatalogTool> }
/** A built-in data type (data/data-types.yaml): the defaults every workspace gets for this id. */
export interface VocabularyDataType {
  id: string; name: LocalName; party?: 'first' | 'second' | 'third'; personal?: boolean; consent?: boolean;
}

let taxonomy: Taxonomy | undefined;
let catalog: Catalog | undefined;
let dataTypes: Map<string, VocabularyDataType> | undefined;

/**
 * The build writes dist/data.json (taxonomy + catalog, parsed once) so that start-up does not
 * parse 100 kB of YAML; the YAML files stay the source and win when they are newer.
 */
function readCompiled(name: string): any {
  try {
    const json = packageFile('dist', 'data.json');
    if (statSync(json).mtimeMs < statSync(packageFile('data', name)).mtimeMs) return undefined;
    compiled ??= JSON.parse(readFileSync(json, 'utf8'));
    return compiled?.[name];
  } catch {
    return undefined;
  }
}
let compiled: Record<string, unknown> | undefined;

function readYaml(name: string): any {
  const fast = readCompiled(name);
  if (fast) return fast;
  // js-yaml: these files are plain YAML and js-yaml reads them ~10x faster than the Document-capable parser.
  return jsYaml.load(readFileSync(packageFile('data', name), 'utf8'), { schema: jsYaml.CORE_SCHEMA });
}

export function loadTaxonomy(): Taxonomy {
  if (taxonomy) return taxonomy;
  const raw = readYaml('taxonomy.yaml') ?? {};
  const capabilities = new Map<string, Capability>();
  const categories: Category[] = [];
  for (const c of raw.categories ?? []) {
    const caps: Capability[] = (c.capabilities ?? []).map((k: any) => ({
      id: String(k.id), name: k.name ?? { en: k.id },
      aliases: (k.aliases ?? []).map(String), category: String(c.id),
      measures: k.measures === true,
      reports: k.reports === true || k.measures === true,
      personalizes: k.personalizes === true,
      media: k.media === true,
      fileTool: k.file_tool === true || k.conduit === true,
      conduit: k.conduit === true,
      internal: k.internal === true,
    }));
    for (const k of caps) capabilities.set(k.id, k);
    categories.push({ id: String(c.id), group: String(c.group), name: c.name ?? { en: c.id }, capabilities: caps });
  }
  taxonomy = {
    groups: (raw.groups ?? []).map((g: any) => ({ id: String(g.id), name: g.name ?? { en: g.id } })),
    categories,
    capabilities,
    categoryById: new Map(categories.map((c) => [c.id, c])),
  };
  return taxonomy;
}

export function loadCatalog(): Catalog {
  if (catalog) return catalog;
  const raw = readYaml('catalog.yaml') ?? {};
  const tools: CatalogTool[] = (raw.tools ?? []).map((t: any) => ({
    id: String(t.id), name: String(t.name), vendor: t.vendor ? String(t.vendor) : undefined,
    category: t.category ? String(t.category) : undefined,
    capabilities: (t.capabilities ?? []).map(String), features: (t.features ?? []).map(String), hub: t.hub === true,
    aliases: (t.aliases ?? []).map(String), data: (t.data ?? []).map(String),
    network: t.network ? String(t.network) : undefined,
    thirdPartyCookies: typeof t.third_party_cookies === 'boolean' ? t.third_party_cookies : undefined,
  }));
  catalog = { tools, byId: new Map(tools.map((t) => [t.id, t])) };
  return catalog;
}

/** The built-in vocabulary of data types, by id (format.md, "Additions of revision 2"). */
export function loadDataTypes(): ReadonlyMap<string, VocabularyDataType> {
  if (dataTypes) return dataTypes;
  const raw = readYaml('data-types.yaml') ?? {};
  const party = (v: unknown) => (v === 'first' || v === 'second' || v === 'third' ? v : undefined);
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  dataTypes = new Map((raw.data_types ?? []).map((d: any): [string, VocabularyDataType] => [String(d.id), {
    id: String(d.id), name: d.name ?? { en: String(d.id) }, party: party(d.party), personal: bool(d.personal), consent: bool(d.consent),
  }]));
  return dataTypes;
}

/** A localised display name (in `lang`; the process language when none is given). */
export function localName(name: LocalName | undefined, fallback: string, lang: Lang = currentLang()): string {
  if (!name) return fallback;
  return (lang === 'ja' && name.ja) || name.en || fallback;
}

export function capabilityName(id: string): string {
  return localName(loadTaxonomy().capabilities.get(id)?.name, id);
}

/** A built-in data type's display name (data/data-types.yaml) in a language passed explicitly; undefined when not built in. */
export function dataTypeNameIn(id: string, lang: Lang): string | undefined {
  const v = loadDataTypes().get(id);
  return v ? localName(v.name, id, lang) : undefined;
}

/** A capability's display name in a language passed explicitly; the id when unknown. */
export function capabilityNameIn(id: string, lang: Lang): string {
  return localName(loadTaxonomy().capabilities.get(id)?.name, id, lang);
}

export function categoryName(id: string): string {
  return localName(loadTaxonomy().categoryById.get(id)?.name, id);
}

/** A category's display name in a language passed explicitly; the id when unknown. */
export function categoryNameIn(id: string, lang: Lang): string {
  return localName(loadTaxonomy().categoryById.get(id)?.name, id, lang);
}

// ---- capability flags (rules.md revision 2 vocabulary) -------------------------------------
// A capability that is not in the taxonomy (a workspace may use its own words) has no flag.

const flag = (capabilityId: string, key: 'measures' | 'reports' | 'personalizes' | 'media' | 'fileTool' | 'conduit' | 'internal'): boolean =>
  loadTaxonomy().capabilities.get(capabilityId)?.[key] === true;

/** Measures customer behaviour or outcomes (`unmeasured-touchpoint` looks for it). */
export function isMeasuring(capabilityId: string): boolean {
  return flag(capabilityId, 'measures');
}

/** A tool with this capability reports (rules.md "reporting": it measures or reports on its own activity). */
export function reports(capabilityId: string): boolean {
  return flag(capabilityId, 'reports');
}

/** A personalizing capability (rules.md `personalization-opportunity`). */
export function personalizes(capabilityId: string): boolean {
  return flag(capabilityId, 'personalizes');
}

/** An advertising capability: a media channel (rules.md "media channel"). */
export function isMedia(capabilityId: string): boolean {
  return flag(capabilityId, 'media');
}

/** A file-tool capability: spreadsheet, file or document store, or a conduit (rules.md "file tool"). */
export function isFileTool(capabilityId: string): boolean {
  return flag(capabilityId, 'fileTool');
}

/** A conduit people pass data through (team chat, shared inbox, collaboration board); also a file tool. */
export function isConduit(capabilityId: string): boolean {
  return flag(capabilityId, 'conduit');
}

/** Internal work: design, project management, team chat, wiki, office files, budget. */
export function isInternal(capabilityId: string): boolean {
  return flag(capabilityId, 'internal');
}

/**
 * Whether a tool with these (primary) capabilities is a file tool: it has at least one and every
 * one is a file-tool capability (a shared inbox that is also a help desk is a system).
 */
export function isFileToolSet(capabilities: readonly string[]): boolean {
  return capabilities.length > 0 && capabilities.every(isFileTool);
}

/** Whether a tool with these (primary) capabilities does internal work only (rules.md `orphan-tool` exemption). */
export function isInternalSet(capabilities: readonly string[]): boolean {
  return capabilities.length > 0 && capabilities.every(isInternal);
}

/**
 * Everything a catalog entry offers: its primary capabilities, then its features, without
 * repeats. The workspace model reads this today, so that the analysis sees what it saw before the
 * catalog told features apart; the revision-2 overlap and redundancy rules read primary
 * capabilities (`Tool.primaryCapabilities`) instead.
 */
export function allCapabilities(entry: Pick<CatalogTool, 'capabilities' | 'features'>): string[] {
  return [...new Set([...entry.capabilities, ...entry.features])];
}

export interface CatalogHit {
  kind: 'tool' | 'capability' | 'category'; id: string; label: string; score: number;
  /** A capability whose id is also a category's: listed once, usable in both fields. */
  alsoCategory?: boolean;
}

const WORD = /[\p{L}\p{N}]/u;

/** The script of a character, for word boundaries in text without spaces (Japanese). */
function script(ch: string): number {
  if (/[\u3040-\u309f]/.test(ch)) return 1; // hiragana
  if (/[\u30a0-\u30ff\uff66-\uff9f]/.test(ch)) return 2; // katakana
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) return 3; // kanji
  return 0;
}

/** Whether a word boundary lies before index i of s: a separator, or a change of script ("LINE|広告"). */
function boundary(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  const prev = s[i - 1]!;
  const cur = s[i]!;
  if (!WORD.test(prev) || !WORD.test(cur)) return true;
  return script(prev) !== script(cur);
}

/**
 * How well one field matches the query (lower case): 100 the whole field; 90 its first word(s);
 * 80 the start of its first word ("sales" in "Salesforce"); 70 a later whole word; 60 the start of
 * a later word; 40 inside a word ("force" in "Salesforce"); 0 no match. In Japanese text, which has
 * no spaces, a change of script (kana to kanji, Latin to kana) counts as a word boundary.
 *
 * `inside: false` is for descriptive text (capability names, aliases, vendors): there a Latin
 * query found inside a word is noise ("line" in "pipeline", "online", "online seminar"), while in
 * a tool's own name it is the brand's compound ("spot" in "HubSpot", "chat" in "LiveChat").
 * Queries with kanji match inside words everywhere (ranked last): kanji compounds are written
 * without spaces ("広告" in "動画広告"); katakana is read like Latin ("ライン" is not in "オンライン").
 */
export function matchTier(field: string, q: string, inside = true): number {
  const s = field.toLowerCase();
  if (!q || !s) return 0;
  if (s === q) return 100;
  if (s.startsWith(q)) return boundary(s, q.length) ? 90 : 80;
  let best = 0;
  for (let i = s.indexOf(q, 1); i > 0; i = s.indexOf(q, i + 1)) {
    const tier = boundary(s, i) ? (boundary(s, i + q.length) ? 70 : 60) : (inside || KANJI.test(q)) && MID_WORD_MIN.test(q) ? INSIDE_WORD : 0;
    best = Math.max(best, tier);
  }
  return best;
}

/**
 * Matches inside a word need a query long enough to mean something there: four letters
 * ("line" in "Online"), or two Japanese characters; "ads" inside "uploads" is noise.
 */
/** The tier of a match inside a word; a score above it is a match at a word's start. */
export const INSIDE_WORD = 40;

const MID_WORD_MIN = /^(?:[^\u3040-\u9fff]{4,}|.*[\u3040-\u9fff].*[\u3040-\u9fff].*)$/u;
const KANJI = /[\u3400-\u9fff\uf900-\ufaff]/u;

const tierOf = (fields: (string | undefined)[], q: string, inside = true): number =>
  Math.max(0, ...fields.map((f) => (f ? matchTier(f, q, inside) : 0)));

/**
 * The best tier of any field for a query as typed (0: no match); the catalog's ranking, for other
 * lists. `names` (a tool's id and name) match inside words too; `others` (vendor, descriptions) not.
 */
export function matchFields(names: (string | undefined)[], others: (string | undefined)[], query: string): number {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  return Math.max(tierOf(names, q), tierOf(others, q, false));
}

/** A vendor match ranks below the same match of a name: "sales" is Salesforce Sales Cloud before Slack. */
const VENDOR_PENALTY = 15;

/**
 * Searches catalog tools, capabilities and categories by id, name, well-known short names
 * (aliases) and vendor. Ranked: whole matches, then matches at the start of the name, then of a
 * later word, and last matches inside a word (of a tool's own name, or in Japanese). At the same rank
 * tools come before capabilities and categories, shorter names before longer ones. A category
 * with the id of a listed capability is not listed again.
 */
export function searchCatalog(query: string, limit = 50): CatalogHit[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const hits: (CatalogHit & { tier: number; rank: number })[] = [];
  const tax = loadTaxonomy();
  for (const t of loadCatalog().tools) {
    if (!q) {
      hits.push({ kind: 'tool', id: t.id, label: t.name, score: 1, tier: 100, rank: 0 });
      continue;
    }
    const own = Math.max(tierOf([t.id, t.name], q), tierOf(t.aliases, q, false));
    const vendor = tierOf([t.vendor], q, false);
    const tier = Math.max(own, vendor);
    const score = Math.max(own, vendor ? vendor - VENDOR_PENALTY : 0);
    if (score) hits.push({ kind: 'tool', id: t.id, label: t.name, score, tier, rank: 0 });
  }
  if (q) {
    for (const c of tax.capabilities.values()) {
      const tier = tierOf([c.id, c.name.en, c.name.ja, ...c.aliases], q, false);
      if (tier) hits.push({ kind: 'capability', id: c.id, label: localName(c.name, c.id), score: tier, tier, rank: 1 });
    }
    const capabilityHits = new Map(hits.filter((h) => h.kind === 'capability').map((h) => [h.id, h]));
    for (const c of tax.categories) {
      const tier = tierOf([c.id, c.name.en, c.name.ja], q, false);
      if (!tier) continue;
      const same = capabilityHits.get(c.id);
      if (same) {
        same.alsoCategory = true;
        if (tier > same.tier) { same.tier = tier; same.score = tier; }
      } else if (tax.capabilities.has(c.id)) {
        // Same id as a capability the query did not match by its own names: list that one.
        const cap = tax.capabilities.get(c.id)!;
        hits.push({ kind: 'capability', id: c.id, label: localName(cap.name, c.id), score: tier, tier, rank: 1, alsoCategory: true });
      } else {
        hits.push({ kind: 'category', id: c.id, label: localName(c.name, c.id), score: tier, tier, rank: 2 });
      }
    }
  }
  hits.sort((a, b) => b.score - a.score || a.rank - b.rank || a.label.length - b.label.length || a.id.localeCompare(b.id));
  return hits.slice(0, limit).map(({ tier: _tier, rank: _rank, ...h }) => h);
}
