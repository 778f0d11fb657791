// Both sides of a diff loaded and analysed at once: the old side in a worker thread
// (src/cli/diff-worker.ts), the new side in the main thread. The two are independent but for the
// language: the new side's workspace decides it, so the worker loads its side, says whether it is
// valid, and waits for the language before it analyses. Errors read exactly as in one thread: the
// old side's first, with its file:line:col excerpts.
//
// A worker costs a second start of the analysis code (~0.1 s of CPU) and pays off only when
// analysing a side takes longer than that: small workspaces, a single core or a missing worker
// file (running from src/ under a test runner) take the one-thread path, which gives the same bytes.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RULE_CATALOG } from '../analysis/rules/index.js';
import type { ResolvedSide } from '../git/sides.js';
import type { Lang, Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import { displayPath } from '../util/paths.js';
import type { Diagnostic } from '../workspace/diagnostics.js';
import type { SourceFile, WorkspaceSources } from '../workspace/files.js';
import { loadFromSources, type LoadResult } from '../workspace/load.js';
import { diffEntities, type EntityChanges } from './diff.js';
import { digestWorkspace, type EntityDigest, type FindingsDigest, type SideDigest } from './digest.js';

/** What the worker is given: one side's files and how to show their paths. */
export interface SideTask {
  sources: WorkspaceSources;
  where: { label: string; commit?: string; path: string };
  cwd: string;
  /** The command's language (the diagnostics of an invalid workspace). */
  lang: Lang;
}

export type ToMain =
  | { type: 'loaded'; ok: true }
  | { type: 'loaded'; ok: false; diagnostics: Diagnostic[]; sources: Map<string, string> }
  // The workspace's part of the digest, sent before the analysis: the main thread compares it
  // while the worker still analyses (most of the digest: tools, touchpoints, integrations).
  | { type: 'entities'; entities: EntityDigest }
  | { type: 'digest'; digest: FindingsDigest };

/**
 * `kept`: the ids of the new side's findings. The old side's findings the new side also has are
 * sent back with their id, rule and severity only (see liteFindings).
 */
export type ToWorker = { type: 'digest'; lang: Lang } | { type: 'kept'; ids: string[] } | { type: 'stop' };

/**
 * The old side's findings as the comparison needs them: in full where the new side has no finding
 * of that id (resolved: their words and places are shown), else only id, rule and severity (the
 * comparison reads no more of them: a severity change is shown with the new side's words). For a
 * change of a few tools this leaves the words of nearly every finding in the worker, most of what
 * a structured clone of the digest copied (issue 18).
 */
export function liteFindings(digest: SideDigest, kept: ReadonlySet<string>): SideDigest {
  return { ...digest, findings: digest.findings.map((f) => (kept.has(f.id) ? { id: f.id, rule: f.rule, severity: f.severity, message: '' } : f)) };
}

export interface TaskLoad { where: SideTask['where']; load: LoadResult }

export function loadSide(task: Pick<SideTask, 'sources' | 'where' | 'cwd'>, tr: Translator): TaskLoad {
  const display = (f: SourceFile): string => displayPath(f.path, task.cwd);
  return { where: task.where, load: loadFromSources(task.sources, { display, rules: RULE_CATALOG, tr }) };
}

export function digestLoaded(s: TaskLoad, tr: Translator, entities?: EntityDigest): SideDigest {
  return digestWorkspace(s.load.workspace!, s.where, tr, entities);
}

/** Either side's workspace is invalid: nothing to compare. */
export class InvalidSideError extends Error {
  override name = 'InvalidSideError';
  constructor(readonly which: 'old' | 'new', readonly loaded: { side: ResolvedSide; load: LoadResult }) {
    super(`invalid workspace at ${loaded.side.label}`);
  }
}

/** Below this much YAML on the two sides together, one thread is faster than starting a worker. */
export const WORKER_MIN_BYTES = 512 * 1024;

const sourceBytes = (s: WorkspaceSources): number => s.files.reduce((n, f) => n + f.bytes.byteLength, 0);

function workerFile(): URL | undefined {
  // The bundle (dist/) has diff-worker.js beside its chunks; from src/ there is none.
  const url = new URL('./diff-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface DigestSidesOptions {
  cwd: string;
  /** The command's language: the diagnostics of an invalid side. */
  tr: Translator;
  /** The language of the comparison, from the new side's workspace (the command applies it). */
  language: (newWorkspace: Workspace) => Promise<Translator>;
  /** Default: a worker when the sides are large enough and there is a second core. */
  worker?: boolean;
}

const whereOf = (s: ResolvedSide): SideTask['where'] => ({ label: s.label, path: s.path, ...(s.commit ? { commit: s.commit } : {}) });

export interface DigestedSides {
  old: SideDigest;
  new: SideDigest;
  tr: Translator;
  /** diffEntities(old, new) when it was worked out already (while the worker analysed). */
  entities?: EntityChanges;
}

/**
 * Loads both sides (an invalid one is an InvalidSideError, the old side's first) and returns
 * their digests and the language they are in.
 */
export async function digestSides(sides: { old: ResolvedSide; new: ResolvedSide }, opts: DigestSidesOptions): Promise<DigestedSides> {
  if (sameSources(sides.old.sources, sides.new.sources)) return digestOnce(sides, opts);
  const file = workerFile();
  const parallel = opts.worker ?? (availableParallelism() > 1 && sourceBytes(sides.old.sources) + sourceBytes(sides.new.sources) >= WORKER_MIN_BYTES);
  if (!file || !parallel) return digestInThread(sides, opts);

  // The old side's bytes are copied into buffers of their own (a file read may be a slice of a
  // shared pool, which a structured clone would copy whole) and handed over without a second copy.
  const files = sides.old.sources.files.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) }));
  const task: SideTask = { sources: { ...sides.old.sources, files }, where: whereOf(sides.old), cwd: opts.cwd, lang: opts.tr.lang };
  const worker = new Worker(file, { workerData: task, transferList: files.map((f) => f.bytes.buffer as ArrayBuffer) });
  const next = inbox(worker);
  try {
    let neu: TaskLoad | undefined = loadSide({ sources: sides.new.sources, where: whereOf(sides.new), cwd: opts.cwd }, opts.tr);
    // A valid new side is analysed at once, without first waiting for the worker to say whether
    // the old side is valid (the worker starts later, so the main thread waited ~0.1-0.3 s for it
    // and the worker then waited as long for the new side's findings). An invalid old side still
    // wins: its errors are reported, the new side's digest is dropped.
    let after: SideDigest | undefined;
    let tr: Translator | undefined;
    let invalid: LoadResult | undefined;
    if (neu.load.ok && neu.load.workspace) {
      tr = await opts.language(neu.load.workspace);
      worker.postMessage({ type: 'digest', lang: tr.lang } satisfies ToWorker);
      after = digestLoaded(neu, tr);
      worker.postMessage({ type: 'kept', ids: after.findings.map((f) => f.id) } satisfies ToWorker);
    } else {
      invalid = neu.load;
    }
    neu = undefined; // the new workspace can go while the old side's digest arrives
    const old = await next();
    if (old.type === 'loaded' && !old.ok) {
      throw new InvalidSideError('old', { side: sides.old, load: { diagnostics: old.diagnostics, sources: old.sources, ok: false } });
    }
    if (!after || !tr) throw new InvalidSideError('new', { side: sides.new, load: invalid! });
    // The old workspace's part came before the worker's analysis: compared while it finishes.
    const part = await next();
    if (part.type !== 'entities') throw new Error(`diff worker: unexpected message ${part.type}`);
    const entities = diffEntities(part.entities, after);
    const before = await next();
    if (before.type !== 'digest') throw new Error(`diff worker: unexpected message ${before.type}`);
    return { old: { ...before.digest, ...part.entities }, new: after, tr, entities };
  } finally {
    void worker.terminate();
  }
}

/**
 * Whether two sides hold the same workspace: the same kind, the same files by their path inside
 * the workspace (in the same order), each with the same bytes. The two workspaces are then built
 * alike and analysed alike: they differ only in where they are, that is the side's label and path
 * and the files that findings' locations name (the analysis reads no path otherwise).
 */
export function sameSources(a: WorkspaceSources, b: WorkspaceSources): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.files.length !== b.files.length) return false;
  if ((a.manifestOfFolder?.others ?? -1) !== (b.manifestOfFolder?.others ?? -1)) return false;
  // A one-file workspace is its file: the name (a manifest's or not) is what is compared.
  const inside = (s: WorkspaceSources, f: SourceFile): string => (s.kind === 'file' ? basename(f.path) : relative(s.root, f.path));
  for (let i = 0; i < a.files.length; i++) {
    const x = a.files[i];
    const y = b.files[i];
    if (x.manifest !== y.manifest || x.bytes.byteLength !== y.bytes.byteLength) return false;
    if (inside(a, x) !== inside(b, y)) return false;
  }
  // Names and sizes first (cheap, and different sides nearly always differ there), then the bytes.
  for (let i = 0; i < a.files.length; i++) if (!sameBytes(a.files[i].bytes, b.files[i].bytes)) return false;
  return true;
}

const sameBytes = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(y);

/**
 * Two sides with the same sources (sameSources): one analysis, the old side's (so that an invalid
 * workspace is reported with the old side's files, as when both are loaded), whose digest is both
 * sides' but for where each is. The comparison reads nothing else that differs: every finding is on
 * both sides with its severity, so none is listed with its location (issue 18: a CI `diff --since`
 * of a commit that leaves the audit alone analysed the same workspace twice, two threads on two cores).
 */
async function digestOnce(sides: { old: ResolvedSide; new: ResolvedSide }, opts: DigestSidesOptions): Promise<DigestedSides> {
  let old: TaskLoad | undefined = loadSide({ sources: sides.old.sources, where: whereOf(sides.old), cwd: opts.cwd }, opts.tr);
  if (!old.load.ok || !old.load.workspace) throw new InvalidSideError('old', { side: sides.old, load: old.load });
  // The language comes from the new side's workspace, which holds the same bytes.
  const tr = await opts.language(old.load.workspace);
  const before = digestLoaded(old, tr);
  old = undefined;
  const { commit: _commit, ...rest } = before;
  const after: SideDigest = { ...rest, label: sides.new.label, path: sides.new.path };
  if (sides.new.commit) after.commit = sides.new.commit;
  return { old: before, new: after, tr };
}

/** The same in this thread, one side after the other; each workspace is dropped once digested. */
async function digestInThread(sides: { old: ResolvedSide; new: ResolvedSide }, opts: DigestSidesOptions): Promise<DigestedSides> {
  let old: TaskLoad | undefined = loadSide({ sources: sides.old.sources, where: whereOf(sides.old), cwd: opts.cwd }, opts.tr);
  let neu: TaskLoad | undefined = loadSide({ sources: sides.new.sources, where: whereOf(sides.new), cwd: opts.cwd }, opts.tr);
  if (!old.load.ok || !old.load.workspace) throw new InvalidSideError('old', { side: sides.old, load: old.load });
  if (!neu.load.ok || !neu.load.workspace) throw new InvalidSideError('new', { side: sides.new, load: neu.load });
  const tr = await opts.language(neu.load.workspace);
  const before = digestLoaded(old, tr);
  old = undefined;
  const after = digestLoaded(neu, tr);
  neu = undefined;
  return { old: before, new: after, tr };
}

/** The worker's messages in order; a failure of the worker (its error, or its end before answering) rejects. */
function inbox(worker: Worker): () => Promise<ToMain> {
  const queue: ToMain[] = [];
  let waiting: { resolve: (m: ToMain) => void; reject: (e: unknown) => void } | undefined;
  let failure: unknown;
  const fail = (err: unknown): void => {
    failure ??= err;
    const w = waiting;
    waiting = undefined;
    w?.reject(failure);
  };
  worker.on('message', (m: ToMain) => {
    const w = waiting;
    waiting = undefined;
    if (w) w.resolve(m);
    else queue.push(m);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`diff worker: ended (exit code ${code}) before it answered`)));
  return () => {
    if (queue.length) return Promise.resolve(queue.shift()!);
    if (failure !== undefined) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };
}
