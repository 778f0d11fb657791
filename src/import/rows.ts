// One row of a spreadsheet -> a draft entity (src/import/convert.ts finds the sheets and their
// columns and calls these): a tool (catalog match, id, category, owner, status, cost, seats,
// renewal), a touchpoint (stage and channel in English or Japanese words), an integration, a
// question. A row that cannot become an entity is rejected with the reason; a value that cannot
// be read is a warning and, where it matters, an open question.
import { t, type Params } from '../i18n/index.js';
import type { CatalogTool, loadCatalog } from '../catalog/index.js';
import { slugify } from '../util/suggest.js';
import { CHANNELS, CHANNEL_ALIASES, DEFAULT_STAGES, FREQUENCIES, FRESHNESS, INTEGRATION_MODES } from '../model/vocabulary.js';
import type { Workspace } from '../model/model.js';
import type { RawRow, RawSheet } from './read.js';
import type { ConvertOptions, ImportResult, IntegrationDraft, QuestionDraft, Severity, ToolDraft, TouchpointDraft } from './convert.js';
import {
  cellText, cellValue, isBlank, isProblem, isUnknown, normaliseName, parseBool, parseCount, parseList, parseMoney,
  parseMonth, parseStatus, type Problem,
} from './values.js';

/** What every row shares: the result so far, the workspace rows are added to, lookups and ids. */
export interface ConvertContext {
  res: ImportResult;
  opts: ConvertOptions;
  existing?: Workspace;
  issue(sheet: RawSheet, row: number | undefined, severity: Severity, key: string, params?: Params): void;
  problem(sheet: RawSheet, row: number, p: Problem): void;
  /** A department's id for its name in a cell (added to the result when new). */
  department(text: string): string;
  catalog: ReturnType<typeof loadCatalog>;
  /** Normalised name, id, alias or "vendor name" -> catalog entry. */
  byName: Map<string, CatalogTool>;
  categoryByWord: Map<string, string>;
  capabilityByWord: Map<string, string>;
  toolIds: Set<string>;
  /** Normalised id / name / catalog id -> tool id. */
  toolRef: Map<string, string>;
  uniqueId(used: Set<string>, base: string): string;
  goodId(v: string): boolean;
  currency(): string | undefined;
  statusLabels: Record<string, string>;
  modeLabels: Record<string, string>;
  unknownWords: Set<string>;
}

/** The cells of one sheet by field. */
export interface SheetCells {
  sheet: RawSheet;
  col(row: RawRow, field: string): unknown;
  hasField(field: string): boolean;
  text(row: RawRow, field: string): string | undefined;
}

const TOTAL = /^(?:(?:grand\s*)?totals?|sum|sub-?totals?)\b|^(?:合計|総計|小計|総額|計$)/i;

/** A row of a tools sheet; `seen` holds the rows already read by name and vendor. */
export function toolRow(ctx: ConvertContext, s: SheetCells, row: RawRow, seen: Map<string, number>): void {
  const {
    res, opts, existing, issue, problem, department, catalog, byName, categoryByWord, capabilityByWord, toolIds, toolRef, uniqueId, goodId,
    currency, statusLabels, unknownWords,
  } = ctx;
  const { sheet, col, hasField, text } = s;
  const name = text(row, 'name');
  const first = cellText(cellValue(row.cells.find((c) => !isBlank(c))));
  if (name && TOTAL.test(name)) { issue(sheet, row.n, 'rejected', 'sheets.row.total', { value: name }); return; }
  if (!name) {
    if (TOTAL.test(first)) issue(sheet, row.n, 'rejected', 'sheets.row.total', { value: first });
    else issue(sheet, row.n, 'rejected', 'sheets.row.no-name');
    return;
  }
  const vendor = text(row, 'vendor');
  const dupKey = normaliseName(name) + '|' + normaliseName(vendor ?? '');
  if (seen.has(dupKey)) { issue(sheet, row.n, 'rejected', 'sheets.row.duplicate', { name, first: seen.get(dupKey) }); return; }
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
      return;
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
}

/** A row of a touchpoints sheet. */
export function touchpointRow(ctx: ConvertContext, s: SheetCells, row: RawRow): void {
  const { res, issue, problem, department, toolRef, goodId } = ctx;
  const { sheet, col, text } = s;
  const name = text(row, 'name');
  if (!name) { issue(sheet, row.n, 'rejected', 'sheets.row.no-name'); return; }
  const stageText = text(row, 'stage');
  const channelText = text(row, 'channel');
  const stage = stageText ? stageId(stageText, res) : undefined;
  const channel = channelText ? channelId(channelText) : undefined;
  if (!stage || !channel) {
    if (stageText && !stage) issue(sheet, row.n, 'warning', 'sheets.value.stage', { value: stageText });
    issue(sheet, row.n, 'rejected', 'sheets.row.no-stage-channel');
    return;
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
}

/** A row of an integrations sheet. */
export function integrationRow(ctx: ConvertContext, s: SheetCells, row: RawRow): void {
  const { res, issue, problem, toolRef, goodId, modeLabels } = ctx;
  const { sheet, col, text } = s;
  const fromText = text(row, 'from');
  const toText = text(row, 'to');
  const from = fromText ? toolRef.get(normaliseName(fromText)) : undefined;
  const to = toText ? toolRef.get(normaliseName(toText)) : undefined;
  if (!from || !to) {
    for (const v of [fromText, toText]) if (v && !toolRef.get(normaliseName(v))) issue(sheet, row.n, 'warning', 'sheets.value.tool-ref', { value: v });
    issue(sheet, row.n, 'rejected', 'sheets.row.no-from-to');
    return;
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
}

/** A row of a questions sheet. */
export function questionRow(ctx: ConvertContext, s: SheetCells, row: RawRow): void {
  const { res, issue, department } = ctx;
  const { sheet, text } = s;
  const about = text(row, 'about');
  const q = text(row, 'text');
  if (!about || !q) { issue(sheet, row.n, 'rejected', 'sheets.row.question-incomplete'); return; }
  const draft: QuestionDraft = { about, text: q };
  const field = text(row, 'field');
  if (field) draft.field = field;
  const ask = text(row, 'ask');
  if (ask) draft.ask = department(ask);
  res.questions.push(draft);
}

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

