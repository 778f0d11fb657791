// Rows of cells -> drafts of workspace entities. Finds each sheet's header row and kind, reads
// every cell with src/import/values.ts, matches tools to the catalog, makes unique ids, turns
// departments into ids, and records every row it skips and every value it could not read, with
// the row number and why. Blanks become open questions; nothing is invented.
import jsYaml from 'js-yaml';
import { t, type Params } from '../i18n/index.js';
import { loadCatalog, loadTaxonomy, type CatalogTool } from '../catalog/index.js';
import { slugify } from '../util/suggest.js';
import { CHANNELS, CHANNEL_ALIASES, DEFAULT_STAGES, ID_PATTERN, INTEGRATION_MODES } from '../model/vocabulary.js';
import type { Workspace } from '../model/model.js';
import { FREQUENCIES, FRESHNESS } from '../model/vocabulary.js';
import { sheets as sheetsEn } from '../i18n/en/sheets.js';
import { sheets as sheetsJa } from '../i18n/ja/sheets.js';
import { FIELDS, fieldOf, outputSheetNames, sheetNameKind, type SheetKind } from './columns.js';
import type { RawBook, RawRow, RawSheet } from './read.js';
import {
  cellText, cellValue, isBlank, isProblem, isUnknown, normaliseName, parseBool, parseCount, parseList, parseMoney,
  parseMonth, parseStatus, type Problem,
} from './values.js';

export type Severity = 'rejected' | 'warning' | 'note';
export interface RowIssue { sheet: string; row?: number; severity: Severity; key: string; params?: Params }

export interface ToolDraft {
  id: string; name: string; vendor?: string; catalog?: string; category?: string; capabilities?: string[]; hub?: boolean;
  owner?: string; status?: string; cost?: number | 'unknown' | { amount: number; period: 'year' | 'month' };
  seats?: { licensed?: number; active?: number }; data?: string[]; source_of_truth?: string[]; renewal?: string;
  url?: string; notes?: string; third_party_cookies?: boolean; network?: string;
  sheet: string; row: number; catalogName?: string;
}
export interface TouchpointDraft {
  id: string; name: string; stage: string; channel: string; owner?: string; tools?: string[]; captures?: string[];
  realtime?: boolean; in_scope?: boolean; notes?: string; personas?: string[]; personalized?: boolean; needs?: string;
  conversational?: boolean; sheet: string; row: number;
}
export interface IntegrationDraft {
  id?: string; from: string; to: string; data?: string[]; mode?: string; bidirectional?: boolean; notes?: string;
  frequency?: string; sheet: string; row: number;
}
export interface QuestionDraft { about: string; field?: string; text: string; ask?: string }
export interface DepartmentDraft { id: string; name?: string }

export interface ImportResult {
  tools: ToolDraft[];
  touchpoints: TouchpointDraft[];
  integrations: IntegrationDraft[];
  questions: QuestionDraft[];
  /** Departments the rows name that the workspace does not list yet. */
  departments: DepartmentDraft[];
  organization: { name?: string; currency?: string };
  /** From a martech-audit export's Workspace sheet: written back as they were. */
  workspace: {
    settings?: unknown; stages?: unknown; strategy?: unknown; lang?: string; departmentsAll?: DepartmentDraft[];
    personas?: unknown; data_types?: unknown;
  };
  fromExport: boolean;
  issues: RowIssue[];
  rows: number;
  sheetsRead: string[];
  matched: number;
  /** Tools of the spreadsheet already in the workspace (--into): name -> existing id. */
  kept: number;
  japanese: boolean;
}

export interface ConvertOptions {
  /** --map: normalised header -> field. */
  map?: Map<string, string>;
  currency?: string;
  /** --into: the workspace rows are added to. */
  existing?: Workspace;
}

interface Layout { kind: SheetKind; headerRow: number; columns: Map<number, string>; unused: string[]; score: number }

const KIND_ORDER: SheetKind[] = ['workspace', 'tools', 'touchpoints', 'integrations', 'questions'];
const TOTAL = /^(?:(?:grand\s*)?totals?|sum|sub-?totals?)\b|^(?:合計|総計|小計|総額|計$)/i;

/** The header row (within the first 15 rows) and the kind of sheet it heads. */
export function detectLayout(sheet: RawSheet, map?: Map<string, string>): Layout | undefined {
  let best: Layout | undefined;
  const hinted = sheetNameKind(sheet.name);
  const rows = sheet.rows.slice(0, 15);
  for (let i = 0; i < rows.length; i++) {
    const header = rows[i].cells.map((c) => cellText(cellValue(c)));
    const parent = i > 0 && rows[i - 1].n === rows[i].n - 1 ? rows[i - 1].cells.map((c) => cellText(cellValue(c))) : [];
    for (const kind of KIND_ORDER) {
      const columns = new Map<number, string>();
      const unused: string[] = [];
      const taken = new Set<string>();
      header.forEach((h, col) => {
        if (!h) return;
        const mapped = map?.get(normaliseName(h));
        if (mapped === 'ignore') return;
        const valid = (x: string) => (FIELDS[kind] as readonly string[]).includes(x) || (kind === 'tools' && (x === 'owner.person' || x === 'cost.spend'));
        let f = mapped && valid(mapped) ? mapped : fieldOf(kind, h);
        if (!f && parent[col] && parent[col] !== h) f = fieldOf(kind, `${parent[col]} ${h}`) ?? fieldOf(kind, `${h} ${parent[col]}`);
        if (f && !taken.has(f)) {
          columns.set(col, f);
          taken.add(f);
        } else unused.push(h);
      });
      const has = (f: string) => taken.has(f);
      const ok = kind === 'tools' ? has('name')
        : kind === 'touchpoints' ? has('name') && (has('stage') || has('channel'))
          : kind === 'integrations' ? has('from') && has('to')
            : kind === 'questions' ? has('about') && has('text')
              : hinted === 'workspace' && has('key') && has('value');
      if (!ok) continue;
      // A sheet's own name breaks ties (a "Touchpoints" sheet with a Name column is not tools).
      const score = columns.size * 10 + (hinted === kind ? 25 : 0) + (kind === 'integrations' || kind === 'touchpoints' ? 1 : 0);
      if (!best || score > best.score) best = { kind, headerRow: i, columns, unused, score };
    }
  }
  return best;
}

const DEPT_WORDS: Record<string, string> = {
  マーケティング: 'marketing', マーケティング部: 'marketing', マーケティング本部: 'marketing', マーケ: 'marketing', 販促: 'marketing',
  販売促進部: 'marketing', 宣伝部: 'marketing', 営業: 'sales', 営業部: 'sales', 営業本部: 'sales', セールス: 'sales', 法人営業部: 'sales',
  カスタマーサポート: 'service', カスタマーサポート部: 'service', サポート: 'service', サポート部: 'service', カスタマーサービス: 'service',
  カスタマーサクセス: 'customer-success', カスタマーサクセス部: 'customer-success', お客様相談室: 'service', コールセンター: 'service',
  ec: 'ecommerce', ec事業部: 'ecommerce', ec推進部: 'ecommerce', eコマース: 'ecommerce', 通販事業部: 'ecommerce', 通販: 'ecommerce',
  情報システム: 'it', 情報システム部: 'it', 情シス: 'it', システム部: 'it', it部: 'it', 情報システム本部: 'it',
  経理: 'finance', 経理部: 'finance', 財務: 'finance', 財務部: 'finance', 経理財務部: 'finance', 人事: 'hr', 人事部: 'hr',
  広報: 'pr', 広報部: 'pr', 開発: 'product', 開発部: 'product', プロダクト: 'product', 経営企画: 'planning', 経営企画部: 'planning',
  総務: 'general-affairs', 総務部: 'general-affairs', 店舗運営部: 'stores', 店舗: 'stores', 商品部: 'merchandising',
};

const STAGE_WORDS: Record<string, string> = {
  認知: 'awareness', 興味関心: 'consideration', 検討: 'consideration', 比較検討: 'consideration', 購入: 'purchase', 購買: 'purchase',
  契約: 'purchase', サービス: 'service', サポート: 'service', アフターサービス: 'service', 利用: 'service', ロイヤルティ: 'loyalty',
  ロイヤリティ: 'loyalty', 継続: 'loyalty', リピート: 'loyalty', ファン化: 'loyalty',
};

const CHANNEL_WORDS: Record<string, string> = {
  メール: 'email', メルマガ: 'email', ウェブサイト: 'website', webサイト: 'website', ホームページ: 'website', サイト: 'website',
  アプリ: 'mobile-app', スマホアプリ: 'mobile-app', sns: 'social', ソーシャル: 'social', チャット: 'chat', 電話: 'phone',
  店舗: 'store', 実店舗: 'store', イベント: 'event', 展示会: 'event', ウェビナー: 'webinar', セミナー: 'webinar', 広告: 'advertising',
  検索: 'search', プッシュ通知: 'push', プッシュ: 'push', dm: 'direct-mail', ダイレクトメール: 'direct-mail', モール: 'marketplace',
  マーケットプレイス: 'marketplace', コミュニティ: 'community', パートナー: 'partner', 代理店: 'partner', 口コミサイト: 'review-site',
  レビューサイト: 'review-site', その他: 'other',
};

export function convert(book: RawBook, opts: ConvertOptions = {}): ImportResult {
  const issues: RowIssue[] = [];
  const existing = opts.existing;
  const res: ImportResult = {
    tools: [], touchpoints: [], integrations: [], questions: [], departments: [], organization: {}, workspace: {},
    fromExport: false, issues, rows: 0, sheetsRead: [], matched: 0, kept: 0, japanese: book.encoding === 'shift_jis',
  };
  if (book.encoding === 'shift_jis') issues.push({ sheet: book.sheets[0]?.name ?? '', severity: 'note', key: 'sheets.sheet.encoding' });

  const outputs = outputSheetNames();
  const layouts: { sheet: RawSheet; layout: Layout }[] = [];
  for (const sheet of book.sheets) {
    if (!sheet.rows.length) continue;
    if (outputs.has(normaliseName(sheet.name))) {
      issues.push({ sheet: sheet.name, severity: 'note', key: 'sheets.sheet.output', params: { sheet: sheet.name } });
      continue;
    }
    const layout = detectLayout(sheet, opts.map);
    if (!layout) {
      issues.push({ sheet: sheet.name, severity: 'note', key: 'sheets.sheet.skipped', params: { sheet: sheet.name } });
      continue;
    }
    layouts.push({ sheet, layout });
  }
  layouts.sort((a, b) => KIND_ORDER.indexOf(a.layout.kind) - KIND_ORDER.indexOf(b.layout.kind));
  res.fromExport = layouts.some((l) => l.layout.kind === 'workspace');

  // ---- departments --------------------------------------------------------------------------
  const deptIds = new Map<string, string>(); // normalised word -> id
  const knownDepts: DepartmentDraft[] = [];
  const addKnown = (d: DepartmentDraft) => {
    knownDepts.push(d);
    deptIds.set(normaliseName(d.id), d.id);
    if (d.name) deptIds.set(normaliseName(d.name), d.id);
  };
  for (const d of existing?.organization.departments ?? []) addKnown({ id: d.id, name: d.name });
  const department = (text: string): string => {
    const key = normaliseName(text);
    const hit = deptIds.get(key);
    if (hit) return hit;
    let id = DEPT_WORDS[key] ?? DEPT_WORDS[text.normalize('NFKC').toLowerCase()] ?? slugify(text);
    if (!id || !ID_PATTERN.test(id)) id = 'dept';
    const used = new Set(knownDepts.map((d) => d.id));
    let unique = id === 'dept' ? `dept-${knownDepts.length + 1}` : id;
    for (let i = 2; used.has(unique); i++) unique = `${id}-${i}`;
    const draft: DepartmentDraft = text.trim() === unique ? { id: unique } : { id: unique, name: text.trim() };
    addKnown(draft);
    res.departments.push(draft);
    return unique;
  };

  // ---- catalog ------------------------------------------------------------------------------
  const catalog = loadCatalog();
  const byName = new Map<string, CatalogTool>();
  for (const c of catalog.tools) {
    for (const n of [c.name, c.id, ...c.aliases, c.vendor ? `${c.vendor} ${c.name}` : '']) {
      const k = normaliseName(n);
      if (k && !byName.has(k)) byName.set(k, c);
    }
  }
  const tax = loadTaxonomy();
  const categoryByWord = new Map<string, string>();
  for (const c of tax.categories) for (const n of [c.id, c.name.en, c.name.ja]) if (n) categoryByWord.set(normaliseName(n), c.id);
  const capabilityByWord = new Map<string, string>();
  for (const c of tax.capabilities.values()) for (const n of [c.id, c.name.en, c.name.ja, ...c.aliases]) if (n) capabilityByWord.set(normaliseName(n), c.id);

  // ---- ids ----------------------------------------------------------------------------------
  const toolIds = new Set<string>(existing?.tools.map((x) => x.id) ?? []);
  const toolRef = new Map<string, string>(); // normalised id / name / catalog id -> tool id
  for (const x of existing?.tools ?? []) {
    for (const k of [x.id, x.name, x.catalog]) if (k && !toolRef.has(normaliseName(k))) toolRef.set(normaliseName(k), x.id);
  }
  const uniqueId = (used: Set<string>, base: string): string => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  const goodId = (v: string) => ID_PATTERN.test(v) && /[a-z]/.test(v);

  const currency = () => res.organization.currency ?? existing?.organization.currency ?? opts.currency;
  const issue = (sheet: RawSheet, row: number | undefined, severity: Severity, key: string, params?: Params) =>
    issues.push({ sheet: sheet.name, row, severity, key, params });
  const problem = (sheet: RawSheet, row: number, p: Problem) => issue(sheet, row, 'warning', p.problem, p.params);

  const exportLabels = (prefix: string, values: readonly string[]) => {
    const m: Record<string, string> = {};
    for (const c of [sheetsEn, sheetsJa]) for (const v of values) m[normaliseName(c[`${prefix}.${v}`] ?? v)] = v;
    return m;
  };
  const statusLabels = exportLabels('sheets.status', ['active', 'pilot', 'retiring', 'retired']);
  const modeLabels = exportLabels('sheets.mode', INTEGRATION_MODES);
  const unknownWords = new Set([sheetsEn['sheets.unknown'], sheetsJa['sheets.unknown']].map(normaliseName));

  for (const { sheet, layout } of layouts) {
    res.sheetsRead.push(sheet.name);
    const data = sheet.rows.slice(layout.headerRow + 1);
    const col = (row: RawRow, field: string): unknown => {
      for (const [i, f] of layout.columns) if (f === field) return row.cells[i];
      return undefined;
    };
    const hasField = (f: string) => [...layout.columns.values()].includes(f);
    const text = (row: RawRow, field: string) => {
      const s = cellText(cellValue(col(row, field)));
      return s === '' ? undefined : s;
    };
    if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(sheet.rows[layout.headerRow].cells.map((c) => cellText(c)).join(''))) res.japanese = true;
    const unused = layout.unused.filter((h) => !/^(?:#|no\.?|№|番号|連番)$/i.test(h));
    if (unused.length && layout.kind !== 'workspace') issue(sheet, undefined, 'note', 'sheets.sheet.unused-columns', { sheet: sheet.name, columns: unused.map((u) => `"${u}"`).join(', ') });

    if (layout.kind === 'workspace') {
      for (const row of data) {
        const key = normaliseName(text(row, 'key') ?? '');
        const value = text(row, 'value');
        if (value === undefined) continue;
        const which = ['organization', 'currency', 'departments', 'lang', 'stages', 'settings', 'strategy', 'personas', 'data_types']
          .find((k) => [sheetsEn, sheetsJa].some((c) => normaliseName(c[`sheets.ws.${k}`]) === key) || normaliseName(k) === key);
        const yaml = () => { try { return jsYaml.load(value, { schema: jsYaml.CORE_SCHEMA }); } catch { return undefined; } };
        if (which === 'organization') res.organization.name = value;
        else if (which === 'currency') res.organization.currency = value.toUpperCase();
        else if (which === 'lang') res.workspace.lang = value;
        else if (which === 'departments') {
          const list = yaml();
          if (Array.isArray(list)) {
            res.workspace.departmentsAll = list.map((d: any) => (typeof d === 'string' ? { id: d } : { id: String(d.id), name: d.name }));
            for (const d of res.workspace.departmentsAll) if (!deptIds.has(normaliseName(d.id))) addKnown(d);
          }
        } else if (which === 'stages') res.workspace.stages = yaml();
        else if (which === 'settings') res.workspace.settings = yaml();
        else if (which === 'strategy') res.workspace.strategy = yaml();
        else if (which === 'personas') res.workspace.personas = yaml();
        else if (which === 'data_types') res.workspace.data_types = yaml();
      }
      continue;
    }

    const seen = new Map<string, number>();
    for (const row of data) {
      res.rows++;
      if (row.cells.every((c) => isBlank(c))) { res.rows--; continue; }

      if (layout.kind === 'tools') {
        const name = text(row, 'name');
        const first = cellText(cellValue(row.cells.find((c) => !isBlank(c))));
        if (name && TOTAL.test(name)) { issue(sheet, row.n, 'rejected', 'sheets.row.total', { value: name }); continue; }
        if (!name) {
          if (TOTAL.test(first)) issue(sheet, row.n, 'rejected', 'sheets.row.total', { value: first });
          else issue(sheet, row.n, 'rejected', 'sheets.row.no-name');
          continue;
        }
        const vendor = text(row, 'vendor');
        const dupKey = normaliseName(name) + '|' + normaliseName(vendor ?? '');
        if (seen.has(dupKey)) { issue(sheet, row.n, 'rejected', 'sheets.row.duplicate', { name, first: seen.get(dupKey) }); continue; }
        seen.set(dupKey, row.n);

        const draft: ToolDraft = { id: '', name, sheet: sheet.name, row: row.n };
        if (vendor) draft.vendor = vendor;
        const notes: string[] = [];
        // catalog
        const catText = text(row, 'catalog');
        let cat: CatalogTool | undefined;
        if (catText) {
          cat = catalog.byId.get(catText);
          if (!cat) issue(sheet, row.n, 'warning', 'sheets.value.catalog', { value: catText });
        }
        // A sheet with a Catalog column says which tools are catalogued: a blank there means none.
        if (!hasField('catalog')) cat ??= byName.get(normaliseName(name)) ?? (vendor ? byName.get(normaliseName(`${vendor} ${name}`)) : undefined);
        if (cat) { draft.catalog = cat.id; draft.catalogName = cat.name; res.matched++; }

        // --into: a tool already in the workspace wins.
        if (existing) {
          const ex = existing.tools.find((x) => (cat && (x.catalog === cat.id || x.id === cat.id)) || normaliseName(x.name) === normaliseName(name)
            || (text(row, 'id') && x.id === text(row, 'id')));
          if (ex) {
            const extra: string[] = [];
            const label = (k: string) => t(`sheets.field.${k}`);
            if (ex.annualCostMinor === undefined && !isBlank(col(row, 'cost') ?? col(row, 'cost.spend') ?? col(row, 'cost.month'))) extra.push(`${label('cost')} ${text(row, 'cost') ?? text(row, 'cost.spend') ?? text(row, 'cost.month')}`);
            if (!ex.renewal && text(row, 'renewal')) extra.push(`${label('renewal')} ${text(row, 'renewal')}`);
            if (!ex.seats && (text(row, 'seats.licensed') || text(row, 'seats.active'))) extra.push(`${label('seats')} ${[text(row, 'seats.licensed'), text(row, 'seats.active')].filter(Boolean).join('/')}`);
            if (!ex.owner && (text(row, 'owner') || text(row, 'owner.person'))) extra.push(`${label('owner')} ${text(row, 'owner') ?? text(row, 'owner.person')}`);
            if (!ex.vendor && vendor) extra.push(`${label('vendor')} ${vendor}`);
            issue(sheet, row.n, 'note', extra.length ? 'sheets.row.exists-fields' : 'sheets.row.exists', { name, id: ex.id, fields: extra.join(', ') });
            res.kept++;
            for (const k of [name, cat?.id]) if (k && !toolRef.has(normaliseName(k))) toolRef.set(normaliseName(k), ex.id);
            continue;
          }
        }

        // id
        const idText = text(row, 'id');
        let base = '';
        if (idText && goodId(idText) && !toolIds.has(idText)) base = idText;
        else if (idText && !res.fromExport && !/^\d+$/.test(idText) && !goodId(idText)) issue(sheet, row.n, 'note', 'sheets.value.id', { value: idText });
        if (!base) base = (cat && !toolIds.has(cat.id) ? cat.id : slugify(name)) || slugify(vendor ?? '') || 'tool';
        draft.id = uniqueId(toolIds, base);
        for (const k of [draft.id, name, cat?.id]) if (k && !toolRef.has(normaliseName(k))) toolRef.set(normaliseName(k), draft.id);

        // category / capabilities
        const catWord = text(row, 'category');
        if (catWord) {
          const k = normaliseName(catWord);
          const category = categoryByWord.get(k);
          const capability = capabilityByWord.get(k);
          if (category) draft.category = category;
          else if (capability) draft.capabilities = [capability];
          else if (!cat) {
            issue(sheet, row.n, 'warning', 'sheets.value.category', { value: catWord });
            notes.push(`${t('sheets.field.category')}: ${catWord}`);
          }
        }
        const caps = parseList(col(row, 'capabilities'));
        if (caps) draft.capabilities = [...new Set([...(draft.capabilities ?? []), ...caps])];
        const hub = parseBool(col(row, 'hub'));
        if (isProblem(hub)) problem(sheet, row.n, hub);
        else if (hub !== undefined && (hub !== (cat?.hub ?? false) || hub)) draft.hub = hub;

        // owner
        const ownerText = text(row, 'owner');
        const personText = text(row, 'owner.person');
        if (ownerText) draft.owner = department(ownerText);
        if (personText) {
          if (ownerText || /@/.test(personText)) {
            notes.push(`${t('sheets.field.owner')}: ${personText}`);
            if (!ownerText) issue(sheet, row.n, 'note', 'sheets.value.owner-person', { value: personText });
          } else draft.owner = department(personText);
        }

        // status
        const st = parseStatus(col(row, 'status'), statusLabels);
        if (isProblem(st)) { problem(sheet, row.n, st); notes.push(`${t('sheets.field.status')}: ${text(row, 'status')}`); }
        else if (st) draft.status = st;

        // cost
        const annualCell = hasField('cost') ? col(row, 'cost') : col(row, 'cost.spend');
        const monthCell = col(row, 'cost.month');
        const annual = parseMoney(annualCell);
        const month = parseMoney(monthCell);
        const checkCurrency = (m: { currency?: string }, cell: unknown) => {
          const expected = currency();
          if (m.currency && expected && m.currency !== expected) issue(sheet, row.n, 'warning', 'sheets.value.currency', { value: cellText(cellValue(cell)), currency: m.currency, expected });
          if (m.currency && !res.organization.currency && !existing && !opts.currency) res.organization.currency = m.currency;
        };
        let costRead = false;
        if (isUnknown(annualCell) || unknownWords.has(normaliseName(cellText(cellValue(annualCell)))) || isUnknown(monthCell)) {
          draft.cost = 'unknown';
          costRead = true;
        } else {
          if (isProblem(annual)) problem(sheet, row.n, annual);
          if (isProblem(month)) problem(sheet, row.n, month);
          const a = isProblem(annual) ? undefined : annual;
          const m = isProblem(month) ? undefined : month;
          if (a) checkCurrency(a, annualCell);
          else if (m) checkCurrency(m, monthCell);
          if (a && m) {
            if (Math.abs(a.amount - m.amount * 12) < 0.5) draft.cost = { amount: m.amount, period: 'month' };
            else {
              draft.cost = a.amount;
              issue(sheet, row.n, 'warning', 'sheets.value.cost-mismatch', { annual: cellText(cellValue(annualCell)), monthly: cellText(cellValue(monthCell)) });
            }
          } else if (a) draft.cost = a.amount;
          else if (m) draft.cost = { amount: m.amount, period: 'month' };
          costRead = draft.cost !== undefined;
          if (!costRead && (isProblem(annual) || isProblem(month))) {
            res.questions.push({ about: `tool:${draft.id}`, field: 'cost', text: t('sheets.q.unreadable', { value: cellText(cellValue(isProblem(annual) ? annualCell : monthCell)), field: t('sheets.field.cost'), name }) });
            costRead = true;
          }
        }
        // A retired tool's cost is history: no question for it.
        if (!costRead && !res.fromExport && draft.status !== 'retired') res.questions.push({ about: `tool:${draft.id}`, field: 'cost', text: t('sheets.q.cost', { name }), ...(draft.owner ? { ask: draft.owner } : {}) });
        if (!draft.owner && !res.fromExport) res.questions.push({ about: `tool:${draft.id}`, field: 'owner', text: t('sheets.q.owner', { name }) });

        // seats
        const lic = parseCount(col(row, 'seats.licensed'));
        const act = parseCount(col(row, 'seats.active'));
        if (isProblem(lic)) problem(sheet, row.n, lic);
        if (isProblem(act)) problem(sheet, row.n, act);
        const seats: ToolDraft['seats'] = {};
        if (typeof lic === 'number') seats.licensed = lic;
        if (typeof act === 'number') seats.active = act;
        if (Object.keys(seats).length) draft.seats = seats;

        // renewal
        const ren = parseMonth(col(row, 'renewal'));
        if (isProblem(ren)) { problem(sheet, row.n, ren); notes.push(`${t('sheets.field.renewal')}: ${text(row, 'renewal')}`); }
        else if (ren) draft.renewal = ren;

        const dataList = parseList(col(row, 'data'));
        if (dataList) draft.data = dataList;
        const sot = parseList(col(row, 'source_of_truth'));
        if (sot) draft.source_of_truth = sot;
        const url = text(row, 'url');
        if (url) draft.url = url;
        const cookies = parseBool(col(row, 'third_party_cookies'));
        if (isProblem(cookies)) problem(sheet, row.n, cookies);
        else if (cookies !== undefined) draft.third_party_cookies = cookies;
        const network = text(row, 'network');
        if (network && goodId(network) && network !== cat?.network) draft.network = network;
        const n = text(row, 'notes');
        if (n) notes.unshift(n);
        if (notes.length) draft.notes = notes.join('\n');
        res.tools.push(draft);
      } else if (layout.kind === 'touchpoints') {
        const name = text(row, 'name');
        if (!name) { issue(sheet, row.n, 'rejected', 'sheets.row.no-name'); continue; }
        const stageText = text(row, 'stage');
        const channelText = text(row, 'channel');
        const stage = stageText ? stageId(stageText, res) : undefined;
        const channel = channelText ? channelId(channelText) : undefined;
        if (!stage || !channel) {
          if (stageText && !stage) issue(sheet, row.n, 'warning', 'sheets.value.stage', { value: stageText });
          issue(sheet, row.n, 'rejected', 'sheets.row.no-stage-channel');
          continue;
        }
        const idText = text(row, 'id');
        const draft: TouchpointDraft = {
          id: idText && goodId(idText) ? idText : slugify(name) || `touchpoint-${row.n}`, name, stage, channel, sheet: sheet.name, row: row.n,
        };
        const owner = text(row, 'owner');
        if (owner) draft.owner = department(owner);
        const tools = parseList(col(row, 'tools'));
        if (tools) {
          draft.tools = [];
          for (const ref of tools) {
            const id = toolRef.get(normaliseName(ref));
            if (id) draft.tools.push(id);
            else issue(sheet, row.n, 'warning', 'sheets.value.tool-ref', { value: ref });
          }
        }
        const captures = parseList(col(row, 'captures'));
        if (captures) draft.captures = captures;
        const personas = parseList(col(row, 'personas'));
        if (personas) draft.personas = personas;
        const needs = text(row, 'needs');
        if (needs) {
          if ((FRESHNESS as readonly string[]).includes(needs.toLowerCase())) draft.needs = needs.toLowerCase();
          else issue(sheet, row.n, 'warning', 'sheets.value.freshness', { value: needs });
        }
        for (const f of ['realtime', 'in_scope', 'personalized', 'conversational'] as const) {
          const b = parseBool(col(row, f));
          if (isProblem(b)) problem(sheet, row.n, b);
          else if (b !== undefined) draft[f] = b;
        }
        const notes = text(row, 'notes');
        if (notes) draft.notes = notes;
        res.touchpoints.push(draft);
      } else if (layout.kind === 'integrations') {
        const fromText = text(row, 'from');
        const toText = text(row, 'to');
        const from = fromText ? toolRef.get(normaliseName(fromText)) : undefined;
        const to = toText ? toolRef.get(normaliseName(toText)) : undefined;
        if (!from || !to) {
          for (const v of [fromText, toText]) if (v && !toolRef.get(normaliseName(v))) issue(sheet, row.n, 'warning', 'sheets.value.tool-ref', { value: v });
          issue(sheet, row.n, 'rejected', 'sheets.row.no-from-to');
          continue;
        }
        const draft: IntegrationDraft = { from, to, sheet: sheet.name, row: row.n };
        const idText = text(row, 'id');
        if (idText && goodId(idText)) draft.id = idText;
        const dataList = parseList(col(row, 'data'));
        if (dataList) draft.data = dataList;
        const modeText = text(row, 'mode');
        if (modeText) {
          const k = normaliseName(modeText);
          const mode = modeLabels[k] ?? (INTEGRATION_MODES as readonly string[]).find((m) => m === k)
            ?? ({ 手動: 'manual', 手作業: 'manual', csv: 'manual', リアルタイム: 'realtime', api: 'realtime', バッチ: 'batch', 日次: 'batch', 定期: 'batch' } as Record<string, string>)[k];
          if (mode) draft.mode = mode;
          else issue(sheet, row.n, 'warning', 'sheets.value.mode', { value: modeText });
        }
        const b = parseBool(col(row, 'bidirectional'));
        if (isProblem(b)) problem(sheet, row.n, b);
        else if (b !== undefined) draft.bidirectional = b;
        const frequency = text(row, 'frequency');
        if (frequency) {
          if ((FREQUENCIES as readonly string[]).includes(frequency.toLowerCase())) draft.frequency = frequency.toLowerCase();
          else issue(sheet, row.n, 'warning', 'sheets.value.freshness', { value: frequency });
        }
        const notes = text(row, 'notes');
        if (notes) draft.notes = notes;
        res.integrations.push(draft);
      } else if (layout.kind === 'questions') {
        const about = text(row, 'about');
        const q = text(row, 'text');
        if (!about || !q) { issue(sheet, row.n, 'rejected', 'sheets.row.question-incomplete'); continue; }
        const draft: QuestionDraft = { about, text: q };
        const field = text(row, 'field');
        if (field) draft.field = field;
        const ask = text(row, 'ask');
        if (ask) draft.ask = department(ask);
        res.questions.push(draft);
      }
    }
  }

  // Touchpoint ids unique among themselves (and the workspace's).
  const tpIds = new Set<string>(existing?.touchpoints.map((x) => x.id) ?? []);
  res.touchpoints = res.touchpoints.filter((tp) => {
    if (existing?.touchpoints.some((x) => x.id === tp.id || normaliseName(x.name) === normaliseName(tp.name))) {
      issues.push({ sheet: tp.sheet, row: tp.row, severity: 'note', key: 'sheets.row.exists', params: { name: tp.name, id: tp.id } });
      return false;
    }
    tp.id = uniqueId(tpIds, tp.id);
    return true;
  });
  // Questions already asked (--into, or repeated in the questions sheet) are asked once.
  const asked = new Set((existing?.questions ?? []).map((q) => `${q.about}|${q.field ?? ''}`));
  res.questions = res.questions.filter((q) => {
    const k = `${q.about}|${q.field ?? ''}`;
    if (asked.has(k) && q.field) return false;
    asked.add(k);
    return true;
  });
  return res;
}

function stageId(text: string, res: ImportResult): string | undefined {
  const k = normaliseName(text);
  const stages = Array.isArray(res.workspace.stages) ? (res.workspace.stages as { id: string; name?: string }[]) : undefined;
  if (stages) {
    const hit = stages.find((s) => normaliseName(String(s.id)) === k || normaliseName(String(s.name ?? '')) === k);
    return hit ? String(hit.id) : undefined;
  }
  const ids = DEFAULT_STAGES.map((s) => s.id) as string[];
  if (ids.includes(k)) return k;
  for (const id of ids) if (normaliseName(t(`stage.${id}`)) === k) return id;
  return STAGE_WORDS[k];
}

function channelId(text: string): string {
  const k = text.normalize('NFKC').trim().toLowerCase();
  if ((CHANNELS as readonly string[]).includes(k)) return k;
  const s = slugify(k);
  return (CHANNEL_ALIASES as Record<string, string>)[s] ?? CHANNEL_WORDS[normaliseName(k)] ?? (s || 'other');
}
