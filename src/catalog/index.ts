// The built-in capability taxonomy and tool catalog. Data lives in data/*.yaml (not code);
// this module loads it once, indexes it and answers look-ups.
import { readFileSync, statSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { packageFile } from '../util/paths.js';
import { currentLang } from '../i18n/index.js';

export interface LocalName { en: string; ja?: string }
export interface Capability { id: string; name: LocalName; measures: boolean; aliases: string[]; category: string }
export interface Category { id: string; group: string; name: LocalName; capabilities: Capability[] }
export interface Group { id: string; name: LocalName }
export interface CatalogTool {
  id: string; name: string; vendor?: string; category?: string; capabilities: string[];
  hub: boolean; aliases: string[]; data: string[];
  /** The media network whose inventory an advertising tool buys (google, meta, ...). */
  network?: string;
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
      id: String(k.id), name: k.name ?? { en: k.id }, measures: k.measures === true,
      aliases: (k.aliases ?? []).map(String), category: String(c.id),
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
    capabilities: (t.capabilities ?? []).map(String), hub: t.hub === true,
    aliases: (t.aliases ?? []).map(String), data: (t.data ?? []).map(String),
    network: t.network ? String(t.network) : undefined,
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

/** A localised display name. */
export function localName(name: LocalName | undefined, fallback: string): string {
  if (!name) return fallback;
  return (currentLang() === 'ja' && name.ja) || name.en || fallback;
}

export function capabilityName(id: string): string {
  return localName(loadTaxonomy().capabilities.get(id)?.name, id);
}

export function categoryName(id: string): string {
  return localName(loadTaxonomy().categoryById.get(id)?.name, id);
}

export function isMeasuring(capabilityId: string): boolean {
  return loadTaxonomy().capabilities.get(capabilityId)?.measures === true;
}

export interface CatalogHit { kind: 'tool' | 'capability' | 'category'; id: string; label: string; score: number }

/** Searches catalog tools, capabilities and categories by id, name, vendor and alias. */
export function searchCatalog(query: string, limit = 50): CatalogHit[] {
  const q = query.trim().toLowerCase();
  const hits: CatalogHit[] = [];
  const score = (fields: (string | undefined)[]): number => {
    let best = 0;
    for (const f of fields) {
      if (!f) continue;
      const s = f.toLowerCase();
      if (s === q) best = Math.max(best, 100);
      else if (s.startsWith(q)) best = Math.max(best, 80);
      else if (s.split(/[\s._-]+/).some((w) => w.startsWith(q))) best = Math.max(best, 60);
      else if (s.includes(q)) best = Math.max(best, 40);
    }
    return best;
  };
  const tax = loadTaxonomy();
  for (const t of loadCatalog().tools) {
    // A vendor match ranks below a name match: "sales" is Salesforce Sales Cloud before Slack.
    const s = q ? Math.max(score([t.id, t.name, ...t.aliases]), score([t.vendor]) - 20) : 1;
    if (s) hits.push({ kind: 'tool', id: t.id, label: t.name, score: s });
  }
  for (const c of tax.capabilities.values()) {
    const s = q ? score([c.id, c.name.en, c.name.ja, ...c.aliases]) : 0;
    if (s) hits.push({ kind: 'capability', id: c.id, label: localName(c.name, c.id), score: s - 1 });
  }
  for (const c of tax.categories) {
    const s = q ? score([c.id, c.name.en, c.name.ja]) : 0;
    if (s) hits.push({ kind: 'category', id: c.id, label: localName(c.name, c.id), score: s - 2 });
  }
  hits.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return hits.slice(0, limit);
}
