// load → diagnostics + model. The one entry point for every command and for library users.
import { parse as parseYaml } from 'yaml';
import { WorkspaceFile } from './schema.js';
import { parseFile, type ParsedFile } from './parse.js';
import { zodIssuesToDiagnostics } from './issues.js';
import { buildWorkspace } from './build.js';
import { readWorkspaceSources, type WorkspaceSources, type SourceFile } from './files.js';
import { sortDiagnostics, hasErrors, type Diagnostic } from './diagnostics.js';
import { displayPath } from '../util/paths.js';
import type { Workspace } from '../model/model.js';

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
    const v = parseYaml(new TextDecoder().decode(bytes), { maxAliasCount: 10 });
    const out = v?.settings?.output;
    return typeof out === 'string' ? out : undefined;
  } catch {
    return undefined;
  }
}

export function loadWorkspace(path: string): LoadResult {
  const sources = readWorkspaceSources(path, outputFolderOf);
  return loadFromSources(sources);
}

export interface LoadSourcesOptions {
  /** How file paths are shown; default: relative to the current directory. */
  display?: (file: SourceFile) => string;
}

/** Loads a workspace from in-memory sources (disk, a git revision, a test). */
export function loadFromSources(src: WorkspaceSources, opts: LoadSourcesOptions = {}): LoadResult {
  const show = opts.display ?? ((f: SourceFile) => displayPath(f.path));
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  const sources = new Map<string, string>();
  for (const f of src.files) {
    const { parsed: pf, diagnostics: d } = parseFile(show(f), f.bytes, f.manifest);
    sources.set(pf.file, pf.text);
    diagnostics.push(...d);
    if (d.some((x) => x.severity === 'error')) continue;
    const res = WorkspaceFile.safeParse(pf.value);
    if (!res.success) {
      diagnostics.push(...zodIssuesToDiagnostics(pf, res.error.issues));
      continue;
    }
    parsed.push(pf);
  }
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), sources, ok: false };
  const built = buildWorkspace({ path: src.path, kind: src.kind, files: parsed });
  diagnostics.push(...built.diagnostics);
  const ok = !hasErrors(diagnostics);
  return { workspace: ok ? built.workspace : undefined, diagnostics: sortDiagnostics(diagnostics), sources, ok };
}

/** Loads YAML text as a single-file workspace (tests, the interview's inline validation). */
export function loadFromText(text: string, file = 'workspace.yaml'): LoadResult {
  return loadFromSources(
    { path: file, kind: 'file', root: file, files: [{ path: file, bytes: new TextEncoder().encode(text), manifest: true }] },
    { display: () => file },
  );
}
