// The workspace as the interview edits it: every file as text + yaml Document, where each kind
// of entry lives, and transactions that are checked by the loader (the same rules as
// `validate`) before anything is written. A change that would add an error is refused and its
// messages returned; an accepted change is written at once, file by file, atomically. What one
// change does to the files (Tx) is in workspace-change.ts.
import { existsSync, readFileSync, statSync, readdirSync, copyFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { loadFromSources, type LoadResult } from '../workspace/load.js';
import { RULE_CATALOG } from '../analysis/rules/index.js';
import { readWorkspaceSources, MANIFEST_NAMES, isYamlFile, type SourceFile } from '../workspace/files.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import { parseFile } from '../workspace/parse.js';
import { writeFileAtomic } from '../util/fs.js';
import { describeFsError, isFsError } from '../util/fs-errors.js';
import { packageFile } from '../util/paths.js';
import { UsageError } from '../util/errors.js';
import { t } from '../i18n/index.js';
import { YamlFile } from './yaml-edit.js';
import { Tx } from './workspace-change.js';

export { KEY_ORDER, Tx } from './workspace-change.js';

export type ListKey = 'touchpoints' | 'tools' | 'integrations' | 'questions' | 'personas' | 'data_types';
export type EntityKey = 'touchpoints' | 'tools' | 'integrations' | 'personas' | 'data_types';

export interface RawTouchpoint {
  id: string; name: string; stage: string; channel: string; owner?: string; tools?: string[]; captures?: string[]; realtime?: boolean; in_scope?: boolean; notes?: string;
  personas?: string[]; personalized?: boolean; needs?: string; conversational?: boolean;
}
export interface RawPersona { id: string; name: string; description?: string; stages?: string[]; notes?: string }
export interface RawDataType { id: string; name?: string; party?: string; personal?: boolean; consent?: boolean; restricted?: string | false; notes?: string }
export interface RawTool {
  id: string; name: string; vendor?: string; catalog?: string; category?: string; capabilities?: string[]; hub?: boolean;
  owner?: string; status?: string; cost?: number | 'unknown' | { amount: number; period: string }; seats?: { licensed?: number; active?: number };
  data?: string[]; source_of_truth?: string[]; renewal?: string; notes?: string; third_party_cookies?: boolean;
}
export interface RawIntegration { from: string; to: string; data?: string[]; mode?: string; frequency?: string; bidirectional?: boolean; notes?: string; ref: IntegrationRef }
export interface RawQuestion { about: string; field?: string; text: string; ask?: string }
export type RawDepartment = string | { id: string; name?: string };
export interface RawWorkspace {
  organization?: { name?: string; currency?: string; departments?: RawDepartment[]; notes?: string };
  stages?: { id: string; name: string; description?: string }[];
  settings?: Record<string, unknown>;
  touchpoints: RawTouchpoint[];
  tools: RawTool[];
  integrations: RawIntegration[];
  questions: RawQuestion[];
  personas: RawPersona[];
  data_types: RawDataType[];
}

/** Integrations have no required id: they are addressed by file and position. */
export interface IntegrationRef { file: string; index: number }

export interface WFile {
  abs: string;
  /** Path shown in messages: relative to the workspace folder. */
  rel: string;
  manifest: boolean;
  yaml?: YamlFile;
  /** Created by this session and not yet on disk. */
  pending?: boolean;
}

export interface Outcome {
  ok: boolean; errors: Diagnostic[]; warnings: Diagnostic[]; written: string[];
  /** The answer could not be written (a file broken by someone else, a full disk): it is kept and written later. */
  held?: boolean;
}

export interface OpenResult {
  editor?: WorkspaceEditor;
  /** YAML that does not parse: the interview cannot edit it safely. */
  syntax: Diagnostic[];
  sources: Map<string, string>;
}

const diagKey = (d: Diagnostic): string => `${d.severity}\u0000${d.code}\u0000${d.message.replace(/:\d+(:\d+)?/g, '')}`;

function newOnly(now: Diagnostic[], before: Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(diagKey(d), (left.get(diagKey(d)) ?? 0) + 1);
  return now.filter((d) => {
    const n = left.get(diagKey(d)) ?? 0;
    if (n > 0) {
      left.set(diagKey(d), n - 1);
      return false;
    }
    return true;
  });
}

export class WorkspaceEditor {
  /** Folder of the workspace (the file's folder for a single-file workspace). */
  readonly dir: string;
  readonly kind: 'directory' | 'file';
  /** The path as the user gave it. */
  readonly shown: string;
  files: WFile[];
  /** True when no manifest existed when the interview started. */
  readonly isNew: boolean;
  /** Header comments for files the interview creates (translated). */
  headers: Partial<Record<string, string>> = {};
  last: LoadResult;
  /** Files written in this session (display paths). */
  readonly written = new Set<string>();
  /**
   * Answers that could not be written yet (a file someone else broke, a write that failed):
   * never dropped; replayed before the next change and by `flush()`.
   */
  readonly held: ((tx: Tx) => void)[] = [];

  private constructor(shown: string, dir: string, kind: 'directory' | 'file', files: WFile[], isNew: boolean) {
    this.shown = shown;
    this.dir = dir;
    this.kind = kind;
    this.files = files;
    this.isNew = isNew;
    this.last = this.load(files);
  }

  /** Opens a workspace folder or file, or prepares a new one (nothing is written yet). */
  static open(path: string): OpenResult {
    const abs = resolve(path);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    const singleFile = st?.isFile() || (!st && /\.ya?ml$/i.test(abs));
    if (singleFile) {
      const rel = basename(abs);
      if (!st) {
        const ed = new WorkspaceEditor(path, dirname(abs), 'file', [{ abs, rel, manifest: true, pending: true }], true);
        return { editor: ed, syntax: [], sources: new Map() };
      }
      return WorkspaceEditor.fromSources(path, dirname(abs), 'file', readWorkspaceSources(path).files);
    }
    if (st && !st.isDirectory()) throw new UsageError(t('load.no-such-path', { path }));
    const manifest = st ? MANIFEST_NAMES.map((n) => join(abs, n)).find((p) => existsSync(p)) : undefined;
    if (!manifest) {
      const ed = new WorkspaceEditor(path, abs, 'directory', [{ abs: join(abs, MANIFEST_NAMES[0]), rel: MANIFEST_NAMES[0], manifest: true, pending: true }], true);
      return { editor: ed, syntax: [], sources: new Map() };
    }
    return WorkspaceEditor.fromSources(path, abs, 'directory', readWorkspaceSources(path, outputFolder).files);
  }

  private static fromSources(shown: string, dir: string, kind: 'directory' | 'file', src: SourceFile[]): OpenResult {
    const syntax: Diagnostic[] = [];
    const sources = new Map<string, string>();
    const files: WFile[] = [];
    for (const f of src) {
      const rel = relative(dir, f.path).split(sep).join('/');
      const { parsed, diagnostics } = parseFile(rel, f.bytes, f.manifest);
      sources.set(rel, parsed.text);
      const bad = diagnostics.filter((d) => d.severity === 'error' && d.code !== 'empty-file');
      if (bad.length) {
        syntax.push(...bad);
        continue;
      }
      // As written, byte-order mark included: an edit must not change what it does not touch.
      files.push({ abs: f.path, rel, manifest: f.manifest, yaml: new YamlFile(new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes)) });
    }
    if (syntax.length) return { syntax, sources };
    return { editor: new WorkspaceEditor(shown, dir, kind, files, false), syntax, sources };
  }

  // ---- reading ---------------------------------------------------------------------------

  get manifest(): WFile {
    return this.files.find((f) => f.manifest)!;
  }

  /** The workspace as plain data, merged over all files (valid or not). */
  raw(): RawWorkspace {
    const out: RawWorkspace = { touchpoints: [], tools: [], integrations: [], questions: [], personas: [], data_types: [] };
    for (const f of this.files) {
      if (!f.yaml) continue;
      const v = f.yaml.toJS();
      if (!v || typeof v !== 'object') continue;
      if (v.organization && !out.organization) out.organization = v.organization;
      if (Array.isArray(v.stages) && !out.stages) out.stages = v.stages.filter(isObj);
      if (v.settings && !out.settings) out.settings = v.settings;
      const list = (k: string): any[] => (Array.isArray(v[k]) ? v[k] : []);
      out.touchpoints.push(...list('touchpoints').filter(isObj));
      out.tools.push(...list('tools').filter(isObj));
      list('integrations').forEach((x, index) => {
        if (isObj(x)) out.integrations.push({ ...x, ref: { file: f.rel, index } });
      });
      out.questions.push(...list('questions').filter(isObj));
      out.personas.push(...list('personas').filter(isObj));
      out.data_types.push(...list('data_types').filter(isObj));
    }
    return out;
  }

  private sourcesOf(files: WFile[]): SourceFile[] {
    return files.filter((f) => f.yaml).map((f) => ({ path: f.abs, bytes: new TextEncoder().encode(f.yaml!.output), manifest: f.manifest }));
  }

  private load(files: WFile[]): LoadResult {
    const src = this.sourcesOf(files);
    if (!src.length) return { diagnostics: [], sources: new Map(), ok: false };
    const byAbs = new Map(files.map((f) => [f.abs, f.rel]));
    return loadFromSources(
      { path: this.shown, kind: this.kind, root: this.kind === 'file' ? files[0].abs : this.dir, files: src },
      { display: (f) => byAbs.get(f.path) ?? f.path, rules: RULE_CATALOG },
    );
  }

  // ---- changing --------------------------------------------------------------------------

  /** Runs `fn` on a copy; reports what the loader would say, writes nothing. */
  check(fn: (tx: Tx) => void): Outcome {
    return this.run(fn, false);
  }

  /** Runs `fn`; when it adds no error, writes the changed files at once (atomically). */
  change(fn: (tx: Tx) => void): Outcome {
    return this.run(fn, true);
  }

  /** Writes the held answers, when the files allow it now. */
  flush(): Outcome {
    if (!this.held.length) return { ok: true, errors: [], warnings: [], written: [] };
    const problem = this.syncFromDisk();
    if (problem) return { ok: false, errors: [problem], warnings: [], written: [], held: true };
    const held = this.held.splice(0);
    const out = this.apply((tx) => held.forEach((f) => f(tx)), true);
    // Refused by the checks (the file now says otherwise): reported, not kept forever.
    if (!out.ok && out.held) this.held.unshift(...held);
    return out;
  }

  private run(fn: (tx: Tx) => void, write: boolean): Outcome {
    if (write) {
      const problem = this.syncFromDisk();
      if (problem) {
        this.held.push(fn);
        return { ok: false, errors: [problem], warnings: [], written: [], held: true };
      }
      if (this.held.length) {
        const earlier = this.flush();
        if (!earlier.ok && earlier.held) {
          this.held.push(fn);
          return earlier;
        }
      }
    }
    const out = this.apply(fn, write);
    if (out.held) this.held.push(fn);
    return out;
  }

  private apply(fn: (tx: Tx) => void, write: boolean): Outcome {
    const tx = new Tx(this);
    fn(tx);
    if (!tx.touched.size) return { ok: true, errors: [], warnings: [], written: [] };
    const files = tx.files();
    const result = this.load(files);
    const errors = newOnly(result.diagnostics.filter((d) => d.severity === 'error'), this.last.diagnostics.filter((d) => d.severity === 'error'));
    const warnings = newOnly(result.diagnostics.filter((d) => d.severity === 'warning'), this.last.diagnostics.filter((d) => d.severity === 'warning'));
    if (errors.length || !write) return { ok: errors.length === 0, errors, warnings, written: [] };
    const written: string[] = [];
    for (const f of files) {
      if (!tx.touched.has(f.abs)) continue;
      try {
        writeFileAtomic(f.abs, f.yaml!.output);
      } catch (err) {
        // Permission, a full disk, a folder in the way: the answer is held, not lost.
        // The editor's copy stays as it was; the next change reads back what reached the disk.
        if (!isFsError(err)) throw err;
        return {
          ok: false, held: true, warnings: [], written,
          errors: [{ severity: 'error', code: 'write-failed', message: describeFsError(err), location: { file: f.rel, line: 1, column: 1 } }],
        };
      }
      if (f.pending) this.created(f);
      f.pending = false;
      written.push(f.rel);
      this.written.add(f.rel);
    }
    this.files = files;
    this.last = result;
    return { ok: true, errors: [], warnings, written };
  }

  /**
   * Someone may edit a file during the meeting (the consultant's editor, a colleague's save):
   * such changes are read back before writing, never overwritten. A file that no longer parses
   * stops the write with a message.
   */
  private syncFromDisk(): Diagnostic | undefined {
    let changed = false;
    for (const f of this.files) {
      if (f.pending || !f.yaml) continue;
      let disk: string;
      try {
        disk = readFileSync(f.abs, 'utf8');
      } catch {
        continue; // removed meanwhile: our copy is written back
      }
      if (disk === f.yaml.output) continue;
      try {
        f.yaml = new YamlFile(disk);
        changed = true;
      } catch {
        return {
          severity: 'error', code: 'changed-on-disk', message: t('interview.changed-on-disk', { file: f.rel }),
          location: { file: f.rel, line: 1, column: 1 },
        };
      }
    }
    if (changed) this.last = this.load(this.files);
    return undefined;
  }

  /** A new workspace folder gets the JSON Schema that the files' first line points at, like `init`. */
  private created(f: WFile): void {
    if (!f.manifest || this.kind !== 'directory') return;
    const schema = packageFile('schema', 'martech-audit.schema.json');
    const target = join(this.dir, 'martech-audit.schema.json');
    if (existsSync(schema) && !existsSync(target)) {
      try {
        copyFileSync(schema, target);
      } catch {
        /* completion in editors is a convenience */
      }
    }
  }

  /** Number of files the interview would create for the split layout of a new folder. */
  get splitLayout(): boolean {
    if (this.kind === 'file') return false;
    return this.isNew || this.files.some((f) => !f.manifest);
  }
}

function isObj(x: unknown): x is any {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** The report folder named in the manifest, which is never part of the workspace. */
function outputFolder(bytes: Uint8Array): string | undefined {
  try {
    const out = parseYaml(new TextDecoder().decode(bytes), { maxAliasCount: 10 })?.settings?.output;
    return typeof out === 'string' ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Does the folder already hold YAML files that a new manifest would pull into the workspace? */
export function strayYamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => isYamlFile(n) && !n.startsWith('.')).sort();
  } catch {
    return [];
  }
}
