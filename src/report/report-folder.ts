// The report folder as a whole: which folder `report` may replace (only its own: the marker file
// and nothing it did not write), what a run killed mid-way left beside it (put back or removed),
// a folder named through a symbolic link, and the swap that puts a complete new report in place
// of the old one. write-report.ts writes the files; this decides where they may go.
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { homedir } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Translator } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';

/** Marks a folder as ours, so that a re-run may replace it. */
export const REPORT_MARKER = '.martech-audit-report';

/** What `report` writes into its folder: the only entries a folder it replaces may hold. */
const PRODUCT_FILES = new Set(['report.md', 'report.html', 'report.pdf', 'audit.json', 'audit.sarif', REPORT_MARKER]);

/**
 * The first entry of `dir` that martech-audit did not write (undefined when there is none):
 * a report folder holds only PRODUCT_FILES and diagrams/ with *.mmd and *.svg files.
 */
export function foreignEntry(dir: string): string | undefined {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isFile() && PRODUCT_FILES.has(e.name)) continue;
    if (e.isDirectory() && e.name === 'diagrams') {
      const inner = readdirSync(join(dir, e.name), { withFileTypes: true }).find((d) => !(d.isFile() && /^[\w-]+\.(mmd|svg)$/.test(d.name)));
      if (!inner) continue;
      return `diagrams/${inner.name}`;
    }
    return e.isDirectory() ? `${e.name}/` : e.name;
  }
  return undefined;
}

/**
 * Refuses to replace anything that is not a report folder (or empty), or that holds the workspace.
 * A report folder carries the marker file and nothing martech-audit did not write: a folder that
 * merely looks like one (report.md and audit.json beside someone's thesis.txt) is left alone.
 */
export function checkOutDir(outDir: string, workspacePath: string, { t }: Translator): void {
  const out = resolve(outDir);
  const ws = resolve(workspacePath);
  const wsDir = existsSync(ws) && statSync(ws).isFile() ? dirname(ws) : ws;
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
  if (out === resolve('/') || out === homedir() || out === process.cwd() || inside(wsDir, out)) {
    throw new UsageError(t('report.unsafe-out', { dir: outDir }), t('report.unsafe-out.hint'));
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UsageError(t('report.out-not-dir', { dir: outDir }), t('report.unsafe-out.hint'));
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  if (!entries.includes(REPORT_MARKER)) {
    throw new UsageError(t('report.not-a-report', { dir: outDir }), t('safety.replace.hint'));
  }
  const foreign = foreignEntry(out);
  if (foreign) throw new UsageError(t('safety.foreign-entry', { dir: outDir, entry: foreign }), t('safety.replace.hint'));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * What an earlier run killed mid-way (kill -9, a power cut) left beside the report folder:
 * `.NAME.tmp-PID-HEX` (the new report being written; complete once it has the marker, which is
 * written last) and `.NAME.old-PID-HEX` (the previous report, moved aside for the swap). When
 * the report folder itself is missing (killed between the two renames), the complete new one, or
 * else the old one, is put back in its place; the rest is removed. Only leftovers of processes
 * that are gone, and only folders that hold nothing martech-audit did not write, are touched.
 */
export function recoverLeftovers(outDir: string): { restored?: string; removed: string[] } {
  const out = resolve(outDir);
  const dir = dirname(out);
  const name = basename(out);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { removed };
  }
  const leftovers = names.flatMap((n) => {
    if (!n.startsWith(`.${name}.`)) return [];
    const m = /^\.(tmp|old)-(\d+)-[0-9a-f]+$/.exec(n.slice(name.length + 1));
    if (!m || pidAlive(Number(m[2]))) return [];
    const path = join(dir, n);
    try {
      if (!statSync(path).isDirectory() || foreignEntry(path)) return [];
    } catch {
      return [];
    }
    return [{ path, kind: m[1] as 'tmp' | 'old', complete: existsSync(join(path, REPORT_MARKER)) }];
  });
  let restored: string | undefined;
  if (!existsSync(out)) {
    const pick = leftovers.find((l) => l.kind === 'tmp' && l.complete) ?? leftovers.find((l) => l.kind === 'old' && l.complete);
    if (pick) {
      renameSync(pick.path, out);
      restored = pick.path;
    }
  }
  for (const l of leftovers) {
    if (l.path === restored) continue;
    rmSync(l.path, { recursive: true, force: true });
    removed.push(l.path);
  }
  return { restored, removed };
}

/** Moves `tmp` to `out`, replacing what was there; the old folder goes only once the new one is in place. */
export function swapIn(tmp: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(tmp, out);
    return;
  }
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}-${randomBytes(3).toString('hex')}`);
  renameSync(out, old);
  // Test hook: die here, between the two renames, as `kill -9` would (test/security/report-folder.test.ts).
  if (process.env.MARTECH_AUDIT_TEST_KILL_BETWEEN_RENAMES === '1') process.kill(process.pid, 'SIGKILL');
  try {
    renameSync(tmp, out);
  } catch (err) {
    renameSync(old, out);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * The report folder named through a symbolic link is the folder it leads to: the report is
 * written there (as files are written through links), and the link stays a link rather than
 * being swapped for a folder. A link that leads nowhere is refused.
 */
export function followOutLink(outDir: string, { t }: Translator): string {
  let st;
  try {
    st = lstatSync(outDir);
  } catch {
    return outDir;
  }
  if (!st.isSymbolicLink()) return outDir;
  try {
    return realpathSync(outDir);
  } catch {
    throw new UsageError(t('safety.out-dangling', { dir: outDir, target: readlinkSync(outDir) }), t('report.unsafe-out.hint'));
  }
}
