// Drafts -> commented YAML of the workspace format: a new workspace (a folder of files or one
// file), or the additions to an existing one (--into). Text only; writing is src/import/index.ts.
import { basename } from 'node:path';
import { t } from '../i18n/index.js';
import { slugify } from '../util/suggest.js';
import { MONTH_PATTERN } from '../model/vocabulary.js';
import type { ImportResult, IntegrationDraft, QuestionDraft, ToolDraft, TouchpointDraft, DepartmentDraft } from './convert.js';

const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

/** A YAML scalar: plain when that reads back as the same string, double-quoted otherwise. */
export function scalar(v: unknown, inFlow = false): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (MONTH_PATTERN.test(s)) return s;
  const plain = /^[\p{L}\p{N}][^\n\t"'\\#]*$/u.test(s) && !/:\s|:$|\s$|\s#/.test(s) && !RESERVED.test(s)
    && !/^[-+.\d][\d._:eE+-]*$/.test(s) && !/^0[xo]/i.test(s) && !(inFlow && /[,[\]{}]/.test(s)) && !/^[&*!|>%@`]/.test(s)
    && !/^\d/.test(s.replace(/^[\p{L}]/u, ''));
  return plain ? s : JSON.stringify(s);
}

function flowList(xs: readonly unknown[]): string {
  return `[${xs.map((x) => scalar(x, true)).join(', ')}]`;
}

function comment(text: string, indent: string): string {
  return text.split('\n').map((l) => `${indent}# ${l}`.trimEnd()).join('\n');
}

function toolYaml(x: ToolDraft, source: string): string {
  const lines: string[] = [];
  const where = [t('sheets.yaml.row', { row: x.row }) + (source ? ` (${source})` : '')];
  if (x.catalogName) where.push(t('sheets.yaml.catalog', { name: x.catalogName }));
  lines.push(comment(where.join(' · '), '  '));
  lines.push(`  - id: ${scalar(x.id)}`);
  lines.push(`    name: ${scalar(x.name)}`);
  if (x.vendor !== undefined) lines.push(`    vendor: ${scalar(x.vendor)}`);
  if (x.catalog) lines.push(`    catalog: ${x.catalog}`);
  if (x.category) lines.push(`    category: ${x.category}`);
  if (x.capabilities) lines.push(`    capabilities: ${flowList(x.capabilities)}`);
  if (x.hub !== undefined) lines.push(`    hub: ${x.hub}`);
  if (x.owner) lines.push(`    owner: ${x.owner}`);
  if (x.status) lines.push(`    status: ${x.status}`);
  if (x.cost !== undefined) {
    lines.push(`    cost: ${typeof x.cost === 'object' ? `{ amount: ${x.cost.amount}, period: ${x.cost.period} }` : x.cost}`);
  }
  if (x.seats) lines.push(`    seats: { ${Object.entries(x.seats).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  if (x.data) lines.push(`    data: ${flowList(x.data)}`);
  if (x.source_of_truth) lines.push(`    source_of_truth: ${flowList(x.source_of_truth)}`);
  if (x.renewal) lines.push(`    renewal: ${x.renewal}`);
  if (x.url) lines.push(`    url: ${scalar(x.url)}`);
  if (x.notes) lines.push(`    notes: ${scalar(x.notes)}`);
  if (x.third_party_cookies !== undefined) lines.push(`    third_party_cookies: ${x.third_party_cookies}`);
  if (x.network) lines.push(`    network: ${x.network}`);
  return lines.join('\n');
}

function touchpointYaml(x: TouchpointDraft, source: string): string {
  const lines = [comment(t('sheets.yaml.row', { row: x.row }) + (source ? ` (${source})` : ''), '  ')];
  lines.push(`  - id: ${scalar(x.id)}`, `    name: ${scalar(x.name)}`, `    stage: ${scalar(x.stage)}`, `    channel: ${scalar(x.channel)}`);
  if (x.owner) lines.push(`    owner: ${x.owner}`);
  if (x.tools) lines.push(`    tools: ${flowList(x.tools)}`);
  if (x.captures) lines.push(`    captures: ${flowList(x.captures)}`);
  if (x.realtime !== undefined) lines.push(`    realtime: ${x.realtime}`);
  if (x.in_scope !== undefined) lines.push(`    in_scope: ${x.in_scope}`);
  if (x.personas) lines.push(`    personas: ${flowList(x.personas)}`);
  if (x.personalized !== undefined) lines.push(`    personalized: ${x.personalized}`);
  if (x.needs) lines.push(`    needs: ${x.needs}`);
  if (x.conversational !== undefined) lines.push(`    conversational: ${x.conversational}`);
  if (x.notes) lines.push(`    notes: ${scalar(x.notes)}`);
  return lines.join('\n');
}

function integrationYaml(x: IntegrationDraft, source: string): string {
  const lines = [comment(t('sheets.yaml.row', { row: x.row }) + (source ? ` (${source})` : ''), '  ')];
  lines.push(x.id ? `  - id: ${scalar(x.id)}\n    from: ${x.from}` : `  - from: ${x.from}`, `    to: ${x.to}`);
  if (x.data) lines.push(`    data: ${flowList(x.data)}`);
  if (x.mode) lines.push(`    mode: ${x.mode}`);
  if (x.bidirectional !== undefined) lines.push(`    bidirectional: ${x.bidirectional}`);
  if (x.frequency) lines.push(`    frequency: ${x.frequency}`);
  if (x.notes) lines.push(`    notes: ${scalar(x.notes)}`);
  return lines.join('\n');
}

function questionYaml(q: QuestionDraft): string {
  const parts = [`about: ${scalar(q.about, true)}`];
  if (q.field) parts.push(`field: ${scalar(q.field, true)}`);
  parts.push(`text: ${JSON.stringify(q.text)}`);
  if (q.ask) parts.push(`ask: ${q.ask}`);
  return `  - { ${parts.join(', ')} }`;
}

function departmentYaml(d: DepartmentDraft): string {
  return d.name ? `{ id: ${d.id}, name: ${scalar(d.name, true)} }` : d.id;
}

/** A YAML value (from the Workspace sheet) as a block under `key:`. */
function block(key: string, value: unknown): string {
  return `${key}:\n${blockValue(value, '  ')}`;
}

function blockValue(v: unknown, indent: string): string {
  if (Array.isArray(v)) {
    if (!v.length) return `${indent}[]`;
    return v.map((item) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const inner = mapLines(item as Record<string, unknown>, `${indent}  `);
        return `${indent}- ${inner.trimStart()}`;
      }
      return `${indent}- ${inline(item)}`;
    }).join('\n');
  }
  if (v && typeof v === 'object') return mapLines(v as Record<string, unknown>, indent);
  return `${indent}${inline(v)}`;
}

function mapLines(o: Record<string, unknown>, indent: string): string {
  return Object.entries(o).filter(([, x]) => x !== undefined).map(([k, x]) => {
    if (x && typeof x === 'object' && !(Array.isArray(x) && x.every((y) => typeof y !== 'object'))) {
      return Array.isArray(x) && !x.length ? `${indent}${k}: []` : `${indent}${k}:\n${blockValue(x, `${indent}  `)}`;
    }
    return `${indent}${k}: ${inline(x)}`;
  }).join('\n');
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return flowList(v);
  if (v === null) return 'null';
  return scalar(v);
}

export interface EmitOptions {
  /** The spreadsheet's file name, for the header comment. */
  file: string;
  orgName?: string;
  currency?: string;
  lang?: string;
  /** Several source sheets: each row comment names its sheet. */
  multiSheet: boolean;
}

function listSection(key: string, items: string[]): string {
  return items.length ? `${key}:\n${items.join('\n\n')}\n` : '';
}

function parts(res: ImportResult, o: EmitOptions) {
  const src = (s: string) => (o.multiSheet ? s : '');
  return {
    tools: listSection('tools', res.tools.map((x) => toolYaml(x, src(x.sheet)))),
    touchpoints: listSection('touchpoints', res.touchpoints.map((x) => touchpointYaml(x, src(x.sheet)))),
    integrations: listSection('integrations', res.integrations.map((x) => integrationYaml(x, src(x.sheet)))),
    questions: res.questions.length ? `${comment(t('sheets.yaml.questions'), '')}\nquestions:\n${res.questions.map(questionYaml).join('\n')}\n` : '',
  };
}

function head(o: EmitOptions): string {
  return `${comment(t('sheets.yaml.header', { file: basename(o.file) }), '')}\n`;
}

function manifest(res: ImportResult, o: EmitOptions): string {
  const out = [head(o), 'version: 1\n'];
  const name = res.organization.name ?? o.orgName ?? basename(o.file).replace(/\.[^.]+$/, '');
  const org = [`organization:`, `  name: ${scalar(name)}`, `  currency: ${res.organization.currency ?? o.currency ?? 'USD'}`];
  const depts = res.workspace.departmentsAll ?? res.departments;
  if (depts.length) org.push(`  departments:\n${depts.map((d) => `    - ${departmentYaml(d)}`).join('\n')}`);
  out.push(`${org.join('\n')}\n`);
  const lang = res.workspace.lang ?? o.lang;
  const settings = (res.workspace.settings && typeof res.workspace.settings === 'object' ? { ...(res.workspace.settings as object) } : {}) as Record<string, unknown>;
  if (lang && settings.lang === undefined) settings.lang = lang;
  if (Object.keys(settings).length) out.push(`${block('settings', settings)}\n`);
  if (res.workspace.stages) out.push(`${block('stages', res.workspace.stages)}\n`);
  if (res.workspace.strategy) out.push(`${block('strategy', res.workspace.strategy)}\n`);
  if (Array.isArray(res.workspace.personas)) out.push(`${block('personas', res.workspace.personas)}\n`);
  if (Array.isArray(res.workspace.data_types)) out.push(`${block('data_types', res.workspace.data_types)}\n`);
  return out.join('\n');
}

/** A new workspace: file name (relative to the folder, or the single file's name) -> text. */
export function emitWorkspace(res: ImportResult, o: EmitOptions, single: boolean): Map<string, string> {
  const p = parts(res, o);
  const files = new Map<string, string>();
  if (single) {
    files.set('', [manifest(res, o), p.tools, p.touchpoints, p.integrations, p.questions].filter(Boolean).join('\n'));
    return files;
  }
  files.set('martech-audit.yaml', [manifest(res, o), p.questions].filter(Boolean).join('\n'));
  if (p.tools) files.set('tools.yaml', `${head(o)}\n${p.tools}`);
  if (p.touchpoints) files.set('touchpoints.yaml', `${head(o)}\n${p.touchpoints}`);
  if (p.integrations) files.set('integrations.yaml', `${head(o)}\n${p.integrations}`);
  return files;
}

/** The file of additions for a folder workspace (--into): tools, touchpoints, integrations, questions. */
export function emitAdditions(res: ImportResult, o: EmitOptions): string {
  const p = parts(res, o);
  return [head(o), p.tools, p.touchpoints, p.integrations, p.questions].filter(Boolean).join('\n');
}

export function additionsFileName(file: string): string {
  return `imported-${slugify(basename(file).replace(/\.[^.]+$/, '')) || 'sheet'}.yaml`;
}

export function departmentItems(ds: DepartmentDraft[]): string[] {
  return ds.map(departmentYaml);
}
