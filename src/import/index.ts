// `import`: a spreadsheet -> a new workspace, or additions to an existing one. Reads, converts,
// renders, checks that what it would write loads without errors, then writes atomically.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { currentLang, initLang, isLang, t } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import { ensureDir, writeFileAtomic } from '../util/fs.js';
import { loadFromSources, loadWorkspace } from '../workspace/load.js';
import { RULE_CATALOG } from '../analysis/rules/index.js';
import { readWorkspaceSources, type WorkspaceSources } from '../workspace/files.js';
import { YamlFile, type Plain } from '../interview/yaml-edit.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import type { Workspace } from '../model/model.js';
import { mapTargets } from './columns.js';
import { convert, type ImportResult, type ToolDraft, type TouchpointDraft, type IntegrationDraft } from './convert.js';
import { additionsFileName, emitAdditions, emitWorkspace, type EmitOptions } from './emit.js';
import { readBook } from './read.js';
import { normaliseName } from './values.js';

export interface ImportOptions {
  out?: string;
  into?: string;
  map?: string[];
  sheet?: string;
  dryRun?: boolean;
  force?: boolean;
  currency?: string;
  name?: string;
  lang?: string;
}

export interface ImportOutcome {
  result: ImportResult;
  /** Absolute path -> text, in the order written. */
  files: Map<string, string>;
  target: string;
  diagnostics: Diagnostic[];
  written: boolean;
}

/** --map "Annual Spend=cost" (repeatable, or comma-separated pairs) -> normalised header -> field. */
export function parseMaps(values: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const fields = mapTargets();
  const alias: Record<string, string> = {
    licenses: 'seats.licensed', seats: 'seats.licensed', active: 'seats.active', 'active-users': 'seats.active',
    'monthly-cost': 'cost.month', monthly: 'cost.month', 'cost-month': 'cost.month', department: 'owner', skip: 'ignore',
  };
  for (const v of values) {
    for (const pair of v.split(/,(?=[^,=]*=)/)) {
      const i = pair.lastIndexOf('=');
      if (i <= 0) throw new UsageError(t('sheets.bad-map', { value: pair }));
      const column = pair.slice(0, i).trim();
      const raw = pair.slice(i + 1).trim();
      const field = alias[raw] ?? raw;
      if (!fields.includes(field)) throw new UsageError(t('sheets.bad-map.field', { value: pair, field: raw, fields: fields.join(', ') }));
      out.set(normaliseName(column), field);
    }
  }
  return out;
}

export async function runImport(file: string, o: ImportOptions): Promise<ImportOutcome> {
  if (!o.out && !o.into) throw new UsageError(t('sheets.need-out'));
  if (o.out && o.into) throw new UsageError(t('sheets.out-and-into'));
  if (o.currency !== undefined && !/^[A-Za-z]{3}$/.test(o.currency)) throw new UsageError(t('sheets.bad-currency', { value: o.currency }));
  const currency = o.currency?.toUpperCase();
  const map = parseMaps(o.map);

  let existing: Workspace | undefined;
  let sources: WorkspaceSources | undefined;
  if (o.into) {
    const loaded = loadWorkspace(o.into, { rules: RULE_CATALOG });
    if (!loaded.ok || !loaded.workspace) throw new UsageError(t('sheets.into-invalid', { path: o.into }));
    existing = loaded.workspace;
    sources = readWorkspaceSources(o.into);
  } else if (existsSync(o.out!) && !o.force && !o.dryRun) {
    const isWs = statSync(o.out!).isDirectory() ? existsSync(join(o.out!, 'martech-audit.yaml')) : true;
    if (!statSync(o.out!).isDirectory() || isWs || readdirSync(o.out!).some((f) => /\.ya?ml$/i.test(f))) {
      throw new UsageError(t('sheets.exists', { path: o.out }), isWs ? t('sheets.exists.into', { path: o.out }) : undefined);
    }
  }

  const book = await readBook(file, o.sheet);
  // --map names a column that is nowhere: say so rather than ignore it.
  if (map.size) {
    const headers = new Set<string>();
    const shown: string[] = [];
    for (const s of book.sheets) for (const r of s.rows.slice(0, 15)) for (const c of r.cells) {
      const h = typeof c === 'string' ? c.trim() : '';
      if (h && !headers.has(normaliseName(h))) { headers.add(normaliseName(h)); if (shown.length < 40) shown.push(h); }
    }
    for (const [col, field] of map) {
      if (!headers.has(col)) {
        const value = (o.map ?? []).join(', ');
        throw new UsageError(t('sheets.bad-map.column', { value, column: col, field, columns: shown.map((s) => `"${s}"`).join(', ') }));
      }
    }
  }
  let result = convert(book, { map, currency, existing });
  // The workspace's language (--lang, the exported Workspace sheet's, Japanese headers) is the
  // language of the comments and questions written: convert again when that is not the current one.
  const lang = o.lang ?? (existing ? existing.settings.lang : undefined) ?? result.workspace.lang ?? (result.japanese ? 'ja' : undefined);
  if (lang && isLang(lang) && lang !== currentLang()) {
    await initLang(lang);
    result = convert(book, { map, currency, existing });
  }
  const emitOpts: EmitOptions = {
    file, orgName: o.name, currency: currency ?? result.organization.currency,
    lang: o.lang ?? (result.japanese ? 'ja' : undefined), multiSheet: result.sheetsRead.length > 1,
  };
  if (!result.sheetsRead.length) {
    throw new UsageError(t('sheets.nothing', { path: file }), t('sheets.nothing.hint'));
  }

  const files = new Map<string, string>();
  let target: string;
  if (existing && sources) {
    target = o.into!;
    planAdditions(result, emitOpts, existing, sources, files, o.force === true);
  } else {
    target = o.out!;
    const single = /\.ya?ml$/i.test(target);
    for (const [name, text] of emitWorkspace(result, emitOpts, single)) files.set(single ? resolve(target) : resolve(target, name), text);
  }

  // What would be written must load without errors (else it is a bug here, and nothing is written).
  const check = checkLoad(files, sources, target);
  const errors = check.filter((d) => d.severity === 'error');
  if (errors.length) {
    const err = new UsageError(t('sheets.invalid-result', { path: file }), errors.map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? ''}: ${d.message}`).join('\n'));
    throw err;
  }
  if (o.dryRun) return { result, files, target, diagnostics: check, written: false };
  writeAll(files, existing ? undefined : target);
  return { result, files, target, diagnostics: check, written: true };
}

function checkLoad(files: Map<string, string>, sources: WorkspaceSources | undefined, target: string): Diagnostic[] {
  const enc = new TextEncoder();
  if (sources) {
    const byPath = new Map(sources.files.map((f) => [resolve(f.path), f]));
    for (const [p, text] of files) byPath.set(p, { path: p, bytes: enc.encode(text), manifest: byPath.get(p)?.manifest ?? false });
    const all = [...byPath.values()].sort((a, b) => Number(b.manifest) - Number(a.manifest) || a.path.localeCompare(b.path));
    return loadFromSources({ ...sources, files: all }, { rules: RULE_CATALOG }).diagnostics;
  }
  const single = /\.ya?ml$/i.test(target);
  const list = [...files].map(([p, text]) => ({ path: p, bytes: enc.encode(text), manifest: single || basename(p) === 'martech-audit.yaml' }));
  list.sort((a, b) => Number(b.manifest) - Number(a.manifest) || a.path.localeCompare(b.path));
  return loadFromSources({ path: target, kind: single ? 'file' : 'directory', root: resolve(target), files: list }, { rules: RULE_CATALOG }).diagnostics;
}

/**
 * Writes every file atomically. A new folder is written as a hidden sibling and renamed into
 * place, so an interrupted import leaves no half workspace.
 */
function writeAll(files: Map<string, string>, newFolder?: string): void {
  if (newFolder && !/\.ya?ml$/i.test(newFolder) && !existsSync(newFolder)) {
    const abs = resolve(newFolder);
    ensureDir(dirname(abs));
    const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.tmp`);
    try {
      for (const [p, text] of files) writeFileAtomic(join(tmp, p.slice(abs.length + 1)), text);
      renameSync(tmp, abs);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    return;
  }
  for (const [p, text] of files) writeFileAtomic(p, text);
}

// ---- --into ------------------------------------------------------------------------------------

function planAdditions(res: ImportResult, o: EmitOptions, ws: Workspace, src: WorkspaceSources, files: Map<string, string>, force: boolean): void {
  const newDepts = ws.organization.departmentsDeclared ? res.departments : [];
  if (src.kind === 'directory') {
    if (res.tools.length || res.touchpoints.length || res.integrations.length || res.questions.length) {
      const path = resolve(src.root, additionsFileName(o.file));
      if (existsSync(path) && !force) throw new UsageError(t('sheets.exists', { path }));
      files.set(path, emitAdditions(res, o));
    }
    if (newDepts.length) {
      const holder = src.files.find((f) => /^organization:/m.test(new TextDecoder().decode(f.bytes))) ?? src.files.find((f) => f.manifest)!;
      files.set(resolve(holder.path), addDepartments(readFileSync(holder.path, 'utf8'), newDepts));
    }
    return;
  }
  const path = resolve(src.files[0].path);
  let text = readFileSync(path, 'utf8');
  if (newDepts.length) text = addDepartments(text, newDepts);
  files.set(path, appendLists(text, res));
}

function addDepartments(text: string, depts: { id: string; name?: string }[]): string {
  // The interview's editor: only the lines that change are touched (comments, quoting, spacing kept).
  const f = new YamlFile(text);
  for (const d of depts) f.append(['organization', 'departments'], d.name ? { id: d.id, name: d.name } : d.id);
  return f.output;
}

function appendLists(text: string, res: ImportResult): string {
  const f = new YamlFile(text);
  const add = (key: string, items: Record<string, unknown>[], block: boolean) => {
    for (const it of items) f.append([key], it as Plain, { block });
  };
  add('tools', res.tools.map(toolValue), true);
  add('touchpoints', res.touchpoints.map(touchpointValue), true);
  add('integrations', res.integrations.map(integrationValue), true);
  add('questions', res.questions.map((q) => ({ ...q })), false);
  return f.output;
}

function strip<T extends { sheet: string; row: number }>(x: T, extra: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) if (v !== undefined && !['sheet', 'row', ...extra].includes(k)) out[k] = v;
  return out;
}
const toolValue = (x: ToolDraft) => strip(x, ['catalogName']);
const touchpointValue = (x: TouchpointDraft) => strip(x);
const integrationValue = (x: IntegrationDraft) => strip(x);
