// Rows of cells -> drafts of workspace entities. Finds each sheet's header row and kind, reads
// every cell with src/import/values.ts, matches tools to the catalog, makes unique ids, turns
// departments into ids, and records every row it skips and every value it could not read, with
// the row number and why. Blanks become open questions; nothing is invented. Each kind of row is
// read in rows.ts; this file finds the sheets, holds what the rows share, and de-duplicates.
import jsYaml from 'js-yaml';
import type { Params } from '../i18n/index.js';
import { loadCatalog, loadTaxonomy, type CatalogTool } from '../catalog/index.js';
import { slugify } from '../util/suggest.js';
import { ID_PATTERN, INTEGRATION_MODES } from '../model/vocabulary.js';
import type { Workspace } from '../model/model.js';
import { sheets as sheetsEn } from '../i18n/en/sheets.js';
import { sheets as sheetsJa } from '../i18n/ja/sheets.js';
import { FIELDS, fieldOf, isOutputHeader, outputSheetNames, sheetNameKind, type SheetKind } from './columns.js';
import type { RawBook, RawRow, RawSheet } from './read.js';
import { cellText, cellValue, isBlank, normaliseName, type Problem } from './values.js';
import { integrationRow, questionRow, toolRow, touchpointRow, type ConvertContext, type SheetCells } from './rows.js';

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
    const outputHeader = sheet.rows.slice(0, 15).some((r) => isOutputHeader(r.cells.map((c) => cellText(cellValue(c)))));
    if (outputs.has(normaliseName(sheet.name)) || outputHeader) {
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

  const ctx: ConvertContext = {
    res, opts, existing, issue, problem, department, catalog, byName, categoryByWord, capabilityByWord, toolIds, toolRef, uniqueId, goodId,
    currency, statusLabels, modeLabels, unknownWords,
  };

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
    const cells: SheetCells = { sheet, col, hasField, text };
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

      if (layout.kind === 'tools') toolRow(ctx, cells, row, seen);
      else if (layout.kind === 'touchpoints') touchpointRow(ctx, cells, row);
      else if (layout.kind === 'integrations') integrationRow(ctx, cells, row);
      else if (layout.kind === 'questions') questionRow(ctx, cells, row);
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
