// load → diagnostics + model. The one entry point for every command and for library users.
import { checkWorkspaceFile } from './quick-check.js';
import { parseFile, peekYaml, type ParsedFile } from './parse.js';
import { zodIssuesToDiagnostics } from './issues.js';
import { buildWorkspace } from './build.js';
import { readWorkspaceSources, type WorkspaceSources, type SourceFile } from './files.js';
import { sortDiagnostics, hasErrors, type Diagnostic } from './diagnostics.js';
import { displayPath } from '../util/paths.js';
import { activeTranslator, type Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import type { RuleCatalog } from '../model/rule-catalog.js';

export interface LoadResult {
  workspace?: Workspace;
  diagnostics: Diagnostic[];
  /** Display path -> source text, for excerpts in error output. */
  sources: Map<string, string>;
  ok: boolean;
}

/** Reads the output folder name from the manifest so that a report folder is never read back. */
function outputFolderOf(bytes: Uint8Array): string | undefined {
  try {
    const v = peekYaml(new TextDecoder().decode(bytes)) as any;
    const out = v?.settings?.output;
    return typeof out === 'string' ? out : undefined;
  } catch {
    return undefined;
  }
}

export function loadWorkspace(path: string, opts: LoadSourcesOptions = {}): LoadResult {
  return loadFromSources(readWorkspace(path), opts);
}

/** The files of a workspace on disk (a folder or one YAML file), not yet parsed. */
export function readWorkspace(path: string): WorkspaceSources {
  return readWorkspaceSources(path, outputFolderOf);
}

export interface LoadSourcesOptions {
  /** How file paths are shown; default: relative to the current directory. */
  display?: (file: SourceFile) => string;
  /** The finding rules, to check settings.rules, `addresses` and `depends_on` (src/api.ts passes the analysis' RULE_CATALOG). */
  rules?: RuleCatalog;
  /** The language of the diagnostics; default the process language (initLang). */
  tr?: Translator;
}

/** Loads a workspace from in-memory sources (disk, a git revision, a test). */
export function loadFromSources(src: WorkspaceSources, opts: LoadSourcesOptions = {}): LoadResult {
  const show = opts.display ?? ((f: SourceFile) => displayPath(f.path));
  const tr = opts.tr ?? activeTranslator();
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  const sources = new Map<string, string>();
  const invalidIds = new Map<string, Set<string>>();
  let partial = false;
  for (const f of src.files) {
    const { parsed: pf, diagnostics: d } = parseFile(show(f), f.bytes, f.manifest, tr);
    sources.set(pf.file, pf.text);
    diagnostics.push(...d);
    if (d.some((x) => x.severity === 'error')) {
      partial = true;
      continue;
    }
    if (pf.value === undefined) {
      partial = true;
      continue;
    }
    const res = checkWorkspaceFile(pf.value);
    if (!res.success) {
      diagnostics.push(...zodIssuesToDiagnostics(pf, res.error.issues, tr));
      // Keep going with the valid parts so that one run shows every problem (references too).
      const { skip, dropped } = quarantine(pf.value as Record<string, unknown>, res.error.issues);
      pf.skip = skip;
      for (const [kind, ids] of dropped) {
        const set = invalidIds.get(kind) ?? new Set<string>();
        ids.forEach((id) => set.add(id));
        invalidIds.set(kind, set);
      }
    }
    parsed.push(pf);
  }
  const built = buildWorkspace({ path: src.path, kind: src.kind, files: parsed, invalidIds, partial, rules: opts.rules, tr });
  diagnostics.push(...built.diagnostics);
  if (src.manifestOfFolder && src.files[0]) {
    const { folder, others } = src.manifestOfFolder;
    diagnostics.push({
      severity: 'warning', code: 'manifest-alone', location: { file: show(src.files[0]), line: 1, column: 1 },
      message: tr.t(others === 1 ? 'load.manifest-alone.one' : 'load.manifest-alone', { folder, others }), suggestion: tr.t('load.manifest-alone.hint', { folder }),
    });
  }
  const ok = !hasErrors(diagnostics);
  return { workspace: ok ? built.workspace : undefined, diagnostics: sortDiagnostics(diagnostics), sources, ok };
}

const LIST_KINDS: Record<string, string> = {
  tools: 'tool', touchpoints: 'touchpoint', integrations: 'integration', questions: 'question', personas: 'persona', data_types: 'data-type',
};

/**
 * Marks the parts of a file that failed the schema so that the workspace checks can run on the
 * rest: a bad list item is skipped (its id still counts as defined, so references to it are not
 * reported twice); a bad section is skipped whole.
 */
function quarantine(value: Record<string, unknown>, issues: readonly { path: PropertyKey[] }[]): { skip: Set<string>; dropped: Map<string, string[]> } {
  const skip = new Set<string>();
  const dropped = new Map<string, string[]>();
  const addDropped = (kind: string, item: unknown) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id === 'string') dropped.set(kind, [...(dropped.get(kind) ?? []), id]);
  };
  for (const issue of issues) {
    const [top, second, third] = issue.path;
    if (top === undefined) continue; // unknown top-level keys: nothing to skip
    const key = String(top);
    if (LIST_KINDS[key] && typeof second === 'number') {
      skip.add(`${key}.${second}`);
      addDropped(LIST_KINDS[key], (value[key] as unknown[])?.[second]);
    } else if (key === 'strategy' && second === 'initiatives' && typeof third === 'number') {
      skip.add(`strategy.initiatives.${third}`);
      addDropped('initiative', ((value.strategy as any)?.initiatives as unknown[])?.[third]);
    } else {
      skip.add(key);
      if (key === 'stages' && Array.isArray(value.stages)) value.stages.forEach((s) => addDropped('stage', s));
      if (key === 'organization') dropped.set('organization', ['*']);
      if (LIST_KINDS[key] && Array.isArray(value[key])) (value[key] as unknown[]).forEach((s) => addDropped(LIST_KINDS[key], s));
    }
  }
  return { skip, dropped };
}

/** Loads YAML text as a single-file workspace (tests, the interview's inline validation). */
export function loadFromText(text: string, file = 'workspace.yaml', opts: Omit<LoadSourcesOptions, 'display'> = {}): LoadResult {
  return loadFromSources(
    { path: file, kind: 'file', root: file, files: [{ path: file, bytes: new TextEncoder().encode(text), manifest: true }] },
    { ...opts, display: () => file },
  );
}
