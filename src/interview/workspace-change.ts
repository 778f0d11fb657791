// One change to the workspace the interview edits (src/interview/workspace-editor.ts): edits on
// copies of the files, each routed to the file where its kind of entry lives, in the key order
// format.md writes. The editor checks the copies with the loader before any is written.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { YamlFile, type Plain, type Path } from './yaml-edit.js';
import type { EntityKey, IntegrationRef, ListKey, WFile, WorkspaceEditor } from './workspace-editor.js';

/** Key order of each kind of map, as format.md writes them. */
export const KEY_ORDER = {
  organization: ['name', 'currency', 'departments', 'notes'],
  touchpoints: ['id', 'name', 'stage', 'channel', 'owner', 'personas', 'tools', 'captures', 'realtime', 'needs', 'personalized', 'conversational', 'in_scope', 'notes'],
  tools: ['id', 'name', 'vendor', 'catalog', 'category', 'capabilities', 'hub', 'owner', 'status', 'cost', 'seats', 'data', 'source_of_truth', 'third_party_cookies', 'network', 'renewal', 'url', 'notes'],
  integrations: ['id', 'from', 'to', 'data', 'mode', 'frequency', 'bidirectional', 'notes'],
  questions: ['about', 'field', 'text', 'ask'],
  personas: ['id', 'name', 'description', 'stages', 'notes'],
  data_types: ['id', 'name', 'party', 'personal', 'consent', 'restricted', 'notes'],
  settings: ['lang', 'fail_on', 'output', 'rules', 'assessment', 'thresholds'],
} as const;

/** One change: edits on copies of the files, routed to where each kind of entry lives. */
export class Tx {
  readonly touched = new Set<string>();
  private copies = new Map<string, WFile>();

  constructor(private readonly ed: WorkspaceEditor) {}

  files(): WFile[] {
    const out = this.ed.files.map((f) => this.copies.get(f.abs) ?? f);
    for (const c of this.copies.values()) if (!out.includes(c)) out.push(c);
    return out;
  }

  private edit(f: WFile): YamlFile {
    let c = this.copies.get(f.abs);
    if (!c) {
      const header = this.ed.headers[f.manifest ? 'manifest' : basename(f.rel, '.yaml')] ?? '';
      c = { ...f, yaml: f.yaml ? f.yaml.clone() : new YamlFile(header) };
      if (f.pending && f.manifest) c.yaml!.set(['version'], 1);
      this.copies.set(f.abs, c);
    }
    this.touched.add(f.abs);
    return c.yaml!;
  }

  private current(f: WFile): YamlFile | undefined {
    return (this.copies.get(f.abs) ?? f).yaml;
  }

  private all(): WFile[] {
    return this.files();
  }

  // ---- singletons: organization, stages, settings --------------------------------------

  private singletonFile(key: 'organization' | 'stages' | 'settings'): WFile {
    return this.all().find((f) => this.current(f)?.has([key])) ?? this.all().find((f) => f.manifest)!;
  }

  set(path: Path, value: Plain): void {
    const key = path[0] as 'organization' | 'stages' | 'settings';
    const f = this.singletonFile(key);
    const order = key === 'organization' ? KEY_ORDER.organization : key === 'settings' ? KEY_ORDER.settings : undefined;
    this.edit(f).set(path, value, { order, block: path.length === 1 && key !== 'stages' });
  }

  append(path: Path, item: Plain): void {
    const f = this.singletonFile(path[0] as 'organization');
    this.edit(f).append(path, item);
  }

  insert(path: Path, index: number, item: Plain): void {
    const f = this.singletonFile(path[0] as 'organization');
    this.edit(f).insert(path, index, item);
  }

  remove(path: Path): void {
    const f = this.singletonFile(path[0] as 'organization');
    this.edit(f).remove(path);
  }

  // ---- entries -------------------------------------------------------------------------

  /** Where an entry with this id is: file and index. */
  find(kind: ListKey, id: string): { file: WFile; index: number } | undefined {
    for (const f of this.all()) {
      const list = this.current(f)?.get([kind]);
      if (!Array.isArray(list)) continue;
      const index = list.findIndex((x: any) => x && x.id === id);
      if (index >= 0) return { file: f, index };
    }
    return undefined;
  }

  private locate(kind: ListKey, ref: string | IntegrationRef): { file: WFile; index: number } {
    if (typeof ref === 'string') {
      const at = this.find(kind, ref);
      if (!at) throw new Error(`no ${kind} entry "${ref}"`);
      return at;
    }
    const file = this.all().find((f) => f.rel === ref.file);
    if (!file) throw new Error(`no file ${ref.file}`);
    return { file, index: ref.index };
  }

  /** Adds an entry to the file where entries of its kind belong; returns where it went. */
  add(kind: ListKey, entry: Record<string, Plain>): IntegrationRef {
    const f = this.route(kind, entry);
    const y = this.edit(f);
    y.append([kind], entry, { block: true });
    const list = y.get([kind]) as unknown[];
    return { file: f.rel, index: list.length - 1 };
  }

  /** Sets (or with undefined removes) a field of an entry. */
  setField(kind: ListKey, ref: string | IntegrationRef, field: string, value: Plain | undefined): void {
    const { file, index } = this.locate(kind, ref);
    const y = this.edit(file);
    if (value === undefined) y.remove([kind, index, field]);
    else y.set([kind, index, field], value, { order: KEY_ORDER[kind as EntityKey] ?? KEY_ORDER.questions });
  }

  /** Adds an item to a list field of an entry (creating the field), unless it is there. */
  pushField(kind: ListKey, ref: string | IntegrationRef, field: string, item: Plain): void {
    const { file, index } = this.locate(kind, ref);
    const y = this.edit(file);
    const cur = y.get([kind, index, field]);
    if (Array.isArray(cur)) {
      if (cur.some((x) => x === item)) return;
      y.append([kind, index, field], item);
    } else y.set([kind, index, field], [item], { order: KEY_ORDER[kind as EntityKey] });
  }

  /**
   * Makes a list field hold exactly `items`: keeps the ones that stay (and their comments). An
   * empty list removes the field, or with `keepEmpty` writes `[]` (tools: "holds no customer data").
   */
  setList(kind: ListKey, ref: string | IntegrationRef, field: string, items: string[], keepEmpty = false): void {
    const { file, index } = this.locate(kind, ref);
    const y = this.edit(file);
    const cur = y.get([kind, index, field]);
    if (!items.length) {
      if (keepEmpty) {
        if (!Array.isArray(cur) || cur.length) y.set([kind, index, field], [], { order: KEY_ORDER[kind as EntityKey] });
      } else if (cur !== undefined) y.remove([kind, index, field]);
      return;
    }
    if (!Array.isArray(cur)) {
      y.set([kind, index, field], items, { order: KEY_ORDER[kind as EntityKey] });
      return;
    }
    for (let i = cur.length - 1; i >= 0; i--) if (!items.includes(cur[i])) y.remove([kind, index, field, i]);
    const kept = new Set(cur.filter((x: unknown) => items.includes(x as string)));
    for (const it of items) if (!kept.has(it)) y.append([kind, index, field], it);
  }

  /** Removes an entry (questions when answered). Removes the whole list when it is the last. */
  removeEntry(kind: ListKey, ref: string | IntegrationRef): void {
    const { file, index } = this.locate(kind, ref);
    const y = this.edit(file);
    const list = y.get([kind]) as unknown[];
    if (list.length <= 1) y.remove([kind]);
    else y.remove([kind, index]);
  }

  /** Removes the open questions about a subject (and field) once it is answered. */
  resolveQuestions(about: string, field?: string): void {
    for (const f of this.all()) {
      const list = this.current(f)?.get(['questions']);
      if (!Array.isArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const q = list[i];
        if (q && q.about === about && (field === undefined || q.field === field)) {
          const y = this.edit(f);
          if ((y.get(['questions']) as unknown[]).length <= 1) y.remove(['questions']);
          else y.remove(['questions', i]);
        }
      }
    }
  }

  // ---- routing -------------------------------------------------------------------------

  private route(kind: ListKey, entry: Record<string, Plain>): WFile {
    const files = this.all();
    const holders = files.filter((f) => Array.isArray(this.current(f)?.get([kind])));
    // Questions, personas and data types are short lists: they live in the manifest unless a file already has them.
    if (kind === 'questions' || kind === 'personas' || kind === 'data_types') return holders.find((f) => f.manifest) ?? holders[0] ?? files.find((f) => f.manifest)!;
    if (holders.length === 1) return holders[0];
    if (holders.length > 1) {
      let best = holders[0];
      let bestScore = -1;
      for (const f of holders) {
        const list = this.current(f)!.get([kind]) as any[];
        let score = 0;
        if (kind === 'tools' && entry.owner) {
          const owner = String(entry.owner);
          if (basename(f.rel).replace(/\.ya?ml$/i, '') === owner || f.rel.split('/').includes(owner)) score += 1000;
          score += list.filter((x) => x?.owner === owner).length;
        } else if (kind === 'touchpoints') score = list.filter((x) => x?.stage === entry.stage).length;
        else if (kind === 'integrations') score = list.filter((x) => x?.from === entry.from || x?.to === entry.to).length;
        if (score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
      return best;
    }
    // Nothing of this kind yet: the manifest, or `<kind>.yaml` next to it in a split workspace.
    if (!this.ed.splitLayout) return files.find((f) => f.manifest)!;
    const abs = join(this.ed.dir, `${kind}.yaml`);
    const existing = files.find((f) => f.abs === abs);
    if (existing) return existing;
    if (existsSync(abs)) {
      const y = new YamlFile(readFileSync(abs, 'utf8'));
      const f: WFile = { abs, rel: `${kind}.yaml`, manifest: false, yaml: y };
      this.copies.set(abs, f);
      return f;
    }
    const f: WFile = { abs, rel: `${kind}.yaml`, manifest: false, pending: true };
    this.copies.set(abs, { ...f, yaml: new YamlFile(this.ed.headers[kind] ?? '') });
    return this.copies.get(abs)!;
  }
}
