// Which column holds what: the fields of each kind of sheet and the headers people write for them,
// in English and Japanese, including the column names of SaaS-management exports (Zylo, Productiv,
// Torii, Vendr, Zluri) and the headers `martech-audit export` writes in either language.
import { sheets as sheetsEn } from '../i18n/en/sheets.js';
import { sheets as sheetsJa } from '../i18n/ja/sheets.js';
import { normaliseName } from './values.js';

export type SheetKind = 'tools' | 'touchpoints' | 'integrations' | 'questions' | 'workspace';

export const FIELDS = {
  tools: ['id', 'name', 'vendor', 'catalog', 'category', 'capabilities', 'hub', 'owner', 'status', 'cost', 'cost.month',
    'seats.licensed', 'seats.active', 'data', 'source_of_truth', 'renewal', 'url', 'notes', 'third_party_cookies', 'network'],
  touchpoints: ['id', 'name', 'stage', 'channel', 'owner', 'tools', 'captures', 'realtime', 'in_scope', 'notes', 'personas',
    'personalized', 'needs', 'conversational'],
  integrations: ['id', 'from', 'to', 'data', 'mode', 'bidirectional', 'notes', 'frequency'],
  questions: ['about', 'field', 'text', 'ask'],
  workspace: ['key', 'value'],
} as const satisfies Record<SheetKind, readonly string[]>;

/** A weaker header: used only when no column has the field's stronger header. */
export const WEAK = new Set(['tools:owner.person', 'tools:cost.spend']);

const TOOL_ALIASES: Record<string, string[]> = {
  id: ['id', 'tool id'],
  name: ['application', 'app', 'app name', 'application name', 'apps', 'tool', 'tool name', 'name', 'product', 'product name',
    'software', 'software name', 'service', 'service name', 'saas', 'saas name', 'subscription', 'subscription name', 'system',
    'system name', 'platform', 'solution', 'canonical app name', 'applicationname',
    'ツール名', 'ツール', 'アプリ名', 'アプリ', 'アプリケーション名', 'アプリケーション', 'サービス名', 'サービス', '製品名', '製品',
    'システム名', 'システム', '名称', '名前', 'saas名', 'ソフトウェア名', 'ツール・サービス名'],
  vendor: ['vendor', 'vendor name', 'supplier', 'supplier name', 'publisher', 'provider', 'manufacturer', 'company', 'vendor company',
    'ベンダー', 'ベンダー名', 'ベンダ', '提供元', '提供会社', '販売元', 'メーカー', '会社名', '提供企業', '取引先'],
  catalog: ['catalog', 'catalog id', 'カタログ', 'カタログid'],
  category: ['category', 'app category', 'application category', 'type', 'function', 'subcategory', 'capability',
    'カテゴリ', 'カテゴリー', '種別', '分類', '用途', '区分', '機能分類'],
  capabilities: ['capabilities', '機能', 'ケイパビリティ'],
  hub: ['hub', 'customer hub', 'ハブ'],
  owner: ['department', 'dept', 'business unit', 'team', 'cost center', 'cost centre', 'owning department', 'owner department',
    'owning team', 'department owner', 'budget owner department',
    '部署', '担当部署', '部門', '所管部署', '管轄部署', '利用部署', '主管部署', '担当部門', 'チーム', '所管部門', '管理部署'],
  'owner.person': ['owner', 'app owner', 'application owner', 'business owner', 'contract owner', 'it owner', 'owner email',
    '担当者', 'オーナー', '責任者', '管理者', '担当'],
  status: ['status', 'state', 'app status', 'application status', 'lifecycle', 'lifecycle stage', 'contract status', 'subscription status',
    'ステータス', '状態', '利用状況', '契約状況', '契約状態', '利用状態'],
  cost: ['annual spend', 'annual cost', 'annual contract value', 'acv', 'contract annual spend', 'annual price', 'yearly cost', 'cost per year',
    'annualized spend', 'annualised spend', 'annual value', 'annual amount', 'annual fee', 'annual license cost', 'yearly spend',
    'cost annual', 'annual', 'annual cost usd', 'annual spend usd', 'total annual cost', 'contract value annual', 'projected annual spend',
    '年額', '年間費用', '年間コスト', '年間契約額', '年間金額', '年間利用料', '年間ライセンス費用', '費用年額', '年額費用', '年間支出',
    '年額円', '年額税抜', '年額税込', '年間費用円', '年間予算', '年間契約金額'],
  'cost.spend': ['cost', 'spend', 'total spend', 'contract value', 'total cost', 'amount', 'price', 'expenses', 'annual expenses',
    'ttm spend', 'last 12 months spend', 'allocated contract value', 'spend last 12 months', 'spend ttm', 'total contract value', 'tcv', 'ytd spend',
    '費用', '金額', 'コスト', '契約金額', '支出', '利用料', '料金'],
  'cost.month': ['monthly cost', 'monthly spend', 'monthly price', 'cost per month', 'mrr', 'monthly fee', 'cost monthly', 'monthly',
    'monthly amount', 'monthly cost usd',
    '月額', '月額費用', '月額料金', '月間費用', '月額コスト', '月額利用料', '費用月額', '月額円', '月額税抜', '月額税込'],
  'seats.licensed': ['licenses', 'licences', 'seats', 'license count', 'licence count', 'licensed seats', 'licensed users', 'provisioned',
    'provisioned licenses', 'provisioned user licenses', 'provisioned users', 'purchased licenses', 'total licenses', 'seats purchased',
    'contracted seats', 'quantity', 'licenses purchased', 'number of licenses', 'seat count', 'licensed', 'purchased', 'licenses total',
    'ライセンス数', '契約ライセンス数', 'ライセンス', '席数', '契約数', 'アカウント数', '契約アカウント数', '購入ライセンス数', 'ライセンス購入数', 'ライセンス契約数'],
  'seats.active': ['active users', 'active', 'used licenses', 'used license count', 'users', 'active licenses', 'engaged users',
    'monthly active users', 'mau', 'licenses active', 'licenses used', 'licenses in use', 'seats used', 'seats active', 'utilized licenses',
    'active seats', 'used', 'in use',
    '利用者数', 'アクティブユーザー数', 'アクティブユーザー', '利用ユーザー数', '利用数', '使用数', '利用人数', 'ユーザー数', 'アクティブ数',
    'ライセンス利用数', 'ライセンス使用数', '利用中ライセンス数'],
  data: ['data', 'customer data', 'data held', '顧客データ', '保持データ', 'データ'],
  source_of_truth: ['source of truth', 'system of record', 'マスター', '正本', 'マスターデータ'],
  renewal: ['renewal', 'renewal date', 'next renewal', 'next renewal date', 'contract end', 'contract end date', 'end date', 'next end date',
    'expiration', 'expiry', 'expiration date', 'expiry date', 'term end', 'term end date', 'renews on', 'renewal month', 'contract renewal date',
    'subscription end date', 'renewal deadline',
    '更新日', '契約更新日', '更新月', '契約終了日', '契約満了日', '満了日', '次回更新日', '更新予定日', '契約期限', '更新時期', '契約更新月', '更新'],
  url: ['url', 'website', 'link', 'homepage', 'web site', 'サイト', 'ホームページ'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'remarks', 'memo', '備考', 'メモ', '説明', 'コメント', '摘要', '補足'],
};

const TOUCHPOINT_ALIASES: Record<string, string[]> = {
  id: ['id', 'touchpoint id'],
  name: ['touchpoint', 'touchpoint name', 'touch point', 'interaction', 'タッチポイント', 'タッチポイント名', '接点', '顧客接点', '接点名'],
  stage: ['stage', 'journey stage', 'ステージ', '段階', 'ジャーニーステージ', 'カスタマージャーニー'],
  channel: ['channel', 'チャネル', 'チャネル種別', 'チャネル名'],
  owner: ['owner', 'department', '部署', '担当部署', '担当'],
  tools: ['tools', 'tools used', 'ツール', '使用ツール', '利用ツール'],
  captures: ['captures', 'data captured', '取得データ', '取得する顧客データ'],
  realtime: ['realtime', 'real-time', 'real time', 'リアルタイム'],
  in_scope: ['in scope', '対象範囲', '範囲内', 'スコープ'],
  notes: ['notes', 'note', 'comments', '備考', 'メモ'],
};

const INTEGRATION_ALIASES: Record<string, string[]> = {
  id: ['id', 'integration id'],
  from: ['from', 'source', 'source tool', 'from tool', '連携元', '送信元'],
  to: ['to', 'target', 'destination', 'target tool', 'to tool', '連携先', '送信先'],
  data: ['data', 'data types', 'データ', '連携データ'],
  mode: ['mode', 'method', 'integration mode', '方式', '連携方式'],
  bidirectional: ['bidirectional', 'two-way', 'two way', '双方向'],
  notes: ['notes', 'note', 'comments', '備考', 'メモ'],
};

const QUESTION_ALIASES: Record<string, string[]> = {
  about: ['about', '対象'],
  field: ['field', '項目'],
  text: ['question', '質問'],
  ask: ['ask', 'who to ask', '確認先'],
};

const WORKSPACE_ALIASES: Record<string, string[]> = { key: ['key', '項目'], value: ['value', '値'] };

const ALIASES: Record<SheetKind, Record<string, string[]>> = {
  tools: TOOL_ALIASES, touchpoints: TOUCHPOINT_ALIASES, integrations: INTEGRATION_ALIASES,
  questions: QUESTION_ALIASES, workspace: WORKSPACE_ALIASES,
};

let tables: Record<SheetKind, Map<string, string>> | undefined;

/** Header (normalised) -> field, per kind; the export's own labels in both languages included. */
export function headerTables(): Record<SheetKind, Map<string, string>> {
  if (tables) return tables;
  const out = {} as Record<SheetKind, Map<string, string>>;
  for (const kind of Object.keys(ALIASES) as SheetKind[]) {
    const m = new Map<string, string>();
    for (const catalog of [sheetsEn, sheetsJa]) {
      for (const field of FIELDS[kind]) {
        const label = catalog[`sheets.col.${kind}.${field}`];
        if (label) m.set(normaliseName(label), field);
      }
    }
    for (const [field, words] of Object.entries(ALIASES[kind])) {
      for (const w of words) if (!m.has(normaliseName(w))) m.set(normaliseName(w), field);
    }
    out[kind] = m;
  }
  tables = out;
  return out;
}

/** The field a header names for one kind of sheet, if any. */
export function fieldOf(kind: SheetKind, header: string): string | undefined {
  const key = normaliseName(header.replace(/\(.*?\)|（.*?）|\[.*?]/g, ' ')) || normaliseName(header);
  return headerTables()[kind].get(key) ?? headerTables()[kind].get(normaliseName(header));
}

/** What `--map` accepts: the fields, plus `ignore`. */
export function mapTargets(): string[] {
  return [...new Set([...FIELDS.tools, ...FIELDS.touchpoints, ...FIELDS.integrations, 'ignore'])].sort();
}

/** Sheet names the export writes for the analysis (findings, roadmap): skipped on import. */
export function outputSheetNames(): Set<string> {
  const names = new Set<string>();
  for (const c of [sheetsEn, sheetsJa]) for (const k of ['findings', 'roadmap']) names.add(normaliseName(c[`sheets.sheet.${k}`]));
  names.add('findings');
  names.add('roadmap');
  return names;
}

/**
 * Whether a header row is the one `export` writes for its findings or roadmap sheet (in either
 * language), whatever the sheet is called: a renamed "Roadmap" sheet or a roadmap.csv saved under
 * another name is the analysis' output too, never tools (its Japanese "ツール" column would read as
 * tool names). Every column of the export counts, the roadmap's keep/drop columns included, so
 * that a workbook from before they existed is recognised as well.
 */
export function isOutputHeader(cells: readonly string[]): boolean {
  const seen = new Set(cells.map((c) => normaliseName(c)).filter(Boolean));
  for (const c of [sheetsEn, sheetsJa]) {
    for (const [kind, marks] of [['roadmap', ['phase', 'title', 'kind']], ['findings', ['severity', 'rule', 'message']]] as const) {
      const labels = Object.keys(c).filter((k) => k.startsWith(`sheets.col.${kind}.`));
      const hits = labels.filter((k) => seen.has(normaliseName(c[k]))).length;
      if (marks.every((m) => seen.has(normaliseName(c[`sheets.col.${kind}.${m}`]))) && hits >= labels.length - 3) return true;
    }
  }
  return false;
}

export function sheetNameKind(name: string): SheetKind | undefined {
  const n = normaliseName(name);
  const files: Record<string, SheetKind> = { inventory: 'tools', touchpoints: 'touchpoints', integrations: 'integrations', questions: 'questions', workspace: 'workspace' };
  if (files[n]) return files[n];
  for (const c of [sheetsEn, sheetsJa]) {
    for (const k of ['tools', 'touchpoints', 'integrations', 'questions', 'workspace'] as SheetKind[]) {
      if (normaliseName(c[`sheets.sheet.${k}`]) === n) return k;
    }
  }
  return undefined;
}
