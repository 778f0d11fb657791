// Consistency checks of the built-in data (data/taxonomy.yaml, data/catalog.yaml,
// data/data-types.yaml), as data/README.md states them. The build refuses data that breaks one
// (scripts/build.mjs), and test/catalog/data.test.ts runs the same checks, so a contribution
// learns what is wrong before it ships. Plain JavaScript: the build runs it before TypeScript.

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const GROUPS = ['advertising', 'content', 'social', 'commerce', 'data', 'management'];
const KEYS = {
  taxonomy: ['version', 'groups', 'categories'],
  group: ['id', 'name'],
  category: ['id', 'group', 'name', 'capabilities'],
  capability: ['id', 'name', 'measures', 'reports', 'personalizes', 'media', 'file_tool', 'conduit', 'internal', 'aliases'],
  catalog: ['version', 'tools'],
  tool: ['id', 'name', 'vendor', 'category', 'capabilities', 'features', 'hub', 'aliases', 'data', 'network', 'third_party_cookies'],
};
/** Flags written only when true (measures and reports are always written). */
const ONLY_TRUE = ['personalizes', 'media', 'file_tool', 'conduit', 'internal'];

/**
 * Returns the problems found, one line each ("catalog.yaml: gong: ..."); [] when the data holds.
 * @param {{ taxonomy: any, catalog: any, dataTypes: any }} data the three files as parsed
 * @returns {string[]}
 */
export function checkData({ taxonomy, catalog, dataTypes }) {
  const problems = [];
  const say = (where, what) => problems.push(`${where}: ${what}`);
  const unknownKeys = (where, obj, allowed) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return say(where, 'is not a mapping');
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) say(where, `unknown key "${k}"`);
  };
  const names = (where, name) => {
    if (!name || typeof name.en !== 'string' || !name.en || typeof name.ja !== 'string' || !name.ja) say(where, 'needs name.en and name.ja');
  };
  const lowerAliases = (where, aliases) => {
    if (aliases === undefined) return;
    if (!Array.isArray(aliases)) return say(where, 'aliases must be a list');
    for (const a of aliases) if (typeof a !== 'string' || a !== a.toLowerCase()) say(where, `alias "${a}" must be lower case`);
    if (new Set(aliases).size !== aliases.length) say(where, 'an alias is listed twice');
  };
  const list = (where, key, v) => {
    if (!Array.isArray(v)) { say(where, `${key} must be a list`); return []; }
    if (new Set(v).size !== v.length) say(where, `${key} lists an id twice`);
    return v.map(String);
  };

  // ---- taxonomy ------------------------------------------------------------------------------
  const T = 'taxonomy.yaml';
  unknownKeys(T, taxonomy, KEYS.taxonomy);
  if (taxonomy?.version !== 1) say(T, 'version must be 1');
  const groupIds = (taxonomy?.groups ?? []).map((g) => g.id);
  if (JSON.stringify(groupIds) !== JSON.stringify(GROUPS)) say(T, `groups must be exactly ${GROUPS.join(', ')}`);
  for (const g of taxonomy?.groups ?? []) { unknownKeys(`${T}: group ${g.id}`, g, KEYS.group); names(`${T}: group ${g.id}`, g.name); }
  const categories = new Map();
  const capabilities = new Map();
  const capabilityAlias = new Map();
  for (const c of taxonomy?.categories ?? []) {
    const where = `${T}: category ${c.id}`;
    unknownKeys(where, c, KEYS.category);
    if (!ID.test(String(c.id))) say(where, 'id does not match the id pattern');
    if (categories.has(c.id)) say(where, 'category id used twice');
    categories.set(c.id, c);
    if (!GROUPS.includes(c.group)) say(where, `unknown group "${c.group}"`);
    names(where, c.name);
    if (!Array.isArray(c.capabilities) || !c.capabilities.length) say(where, 'needs at least one capability');
    for (const k of c.capabilities ?? []) {
      const at = `${T}: capability ${k.id}`;
      unknownKeys(at, k, KEYS.capability);
      if (!ID.test(String(k.id))) say(at, 'id does not match the id pattern');
      if (capabilities.has(k.id)) say(at, 'capability id used twice (ids are unique among all capabilities)');
      capabilities.set(k.id, { ...k, category: c.id });
      names(at, k.name);
      for (const f of ['measures', 'reports']) if (typeof k[f] !== 'boolean') say(at, `${f} must be written out, true or false`);
      for (const f of ONLY_TRUE) if (f in k && k[f] !== true) say(at, `${f} is written only when true`);
      if (k.measures && !k.reports) say(at, 'a measuring capability reports (reports: true)');
      if (k.media && !k.reports) say(at, 'a media channel reports on its own activity (reports: true)');
      if (k.conduit && !k.file_tool) say(at, 'a conduit is a file tool (file_tool: true)');
      if (k.file_tool && k.reports) say(at, 'file tools do not report (rules.md, reporting)');
      if (k.internal && (k.reports || k.media || k.personalizes)) say(at, 'internal work neither reports, buys media nor personalizes');
      lowerAliases(at, k.aliases);
      for (const a of k.aliases ?? []) {
        if (capabilityAlias.has(a) && capabilityAlias.get(a) !== k.id) say(at, `alias "${a}" also points at ${capabilityAlias.get(a)}`);
        capabilityAlias.set(a, k.id);
      }
    }
  }

  // ---- data types ----------------------------------------------------------------------------
  const dataTypeIds = new Set((dataTypes?.data_types ?? []).map((d) => d.id));

  // ---- catalog -------------------------------------------------------------------------------
  const C = 'catalog.yaml';
  unknownKeys(C, catalog, KEYS.catalog);
  if (catalog?.version !== 1) say(C, 'version must be 1');
  const toolIds = new Set();
  const usedCategories = new Set();
  for (const t of catalog?.tools ?? []) {
    const where = `${C}: ${t.id}`;
    unknownKeys(where, t, KEYS.tool);
    if (!ID.test(String(t.id))) say(where, 'id does not match the id pattern');
    if (toolIds.has(t.id)) say(where, 'catalog id used twice');
    toolIds.add(t.id);
    for (const f of ['name', 'vendor', 'category']) if (typeof t[f] !== 'string' || !t[f]) say(where, `${f} is required`);
    if (!categories.has(t.category)) say(where, `unknown category "${t.category}"`);
    usedCategories.add(t.category);
    const primary = list(where, 'capabilities', t.capabilities ?? []);
    const features = t.features === undefined ? [] : list(where, 'features', t.features);
    if (t.features !== undefined && !features.length) say(where, 'omit an empty features list');
    if (!primary.length) say(where, 'needs at least one primary capability');
    for (const c of [...primary, ...features]) if (!capabilities.has(c)) say(where, `unknown capability "${c}"`);
    for (const c of features) if (primary.includes(c)) say(where, `feature "${c}" repeats a primary capability`);
    if (primary.length && !primary.some((c) => capabilities.get(c)?.category === t.category)) {
      say(where, `no primary capability from its own category "${t.category}"`);
    }
    if ('hub' in t && t.hub !== true) say(where, 'hub is written only when true');
    if (t.hub === true && !primary.some((c) => c === 'crm' || c === 'customer-data-platform')) {
      say(where, 'hub: true needs the primary capability crm or customer-data-platform');
    }
    lowerAliases(where, t.aliases);
    for (const d of t.data ?? []) if (!dataTypeIds.has(d)) say(where, `data type "${d}" is not in data-types.yaml`);
    const media = [...primary, ...features].some((c) => capabilities.get(c)?.media === true);
    if (t.network !== undefined && !ID.test(String(t.network))) say(where, 'network does not match the id pattern');
    if (media && t.network === undefined) say(where, 'an advertising tool names the network whose inventory it buys (network:)');
    if (!media && t.network !== undefined) say(where, 'network is for tools with an advertising capability');
    if ('third_party_cookies' in t && typeof t.third_party_cookies !== 'boolean') say(where, 'third_party_cookies must be true or false');
    if (media && typeof t.third_party_cookies !== 'boolean') say(where, 'an advertising tool says whether it works on third-party cookies');
  }
  for (const id of categories.keys()) if (!usedCategories.has(id)) say(C, `category "${id}" has no catalog tool`);
  return problems;
}
