// `init --ci github|gitlab`: the CI pipeline files to add (templates/ci/<provider>/).
// CI reads its files at the repository root (.github/workflows/, .gitlab-ci.yml), which is
// often not the workspace folder: the files go to the root of the git repository that holds
// the workspace (else the current folder), and the workflow's MARTECH_AUDIT_PATH is set to the
// workspace folder relative to that root.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { activeTranslator, t } from '../../i18n/index.js';
import { packageFile, displayPath } from '../../util/paths.js';
import { UsageError } from '../../util/errors.js';
import { writeFileAtomic } from '../../util/fs.js';
import { MANIFEST_NAMES } from '../../workspace/files.js';
import { repoRoot } from '../../git/git.js';
import { chalk, write } from '../output.js';
import { tCount } from '../../i18n/index.js';

export const CI_PROVIDERS = ['github', 'gitlab'] as const;

/** The nearest existing folder at or above `p`. */
function existingAncestor(p: string): string {
  let dir = resolve(p);
  while (!existsSync(dir)) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

/** Where CI files go for a workspace in `target`: the git top folder, else the current folder (when above it), else the target. */
export function ciRoot(target: string, cwd = process.cwd()): string {
  const abs = resolve(target);
  let root: string | undefined;
  try {
    root = repoRoot(existingAncestor(abs), activeTranslator());
  } catch {
    root = undefined;
  }
  if (root) return root;
  const rel = relative(cwd, abs);
  return !rel.startsWith('..') && resolve(cwd, rel) === abs ? resolve(cwd) : abs;
}

/** Points the pipeline at the workspace: MARTECH_AUDIT_PATH: <folder relative to the root>. */
export function setWorkspacePath(text: string, workspacePath: string): string {
  const value = /^[\w./-]+$/.test(workspacePath) ? workspacePath : JSON.stringify(workspacePath);
  return text.replace(/^(\s*MARTECH_AUDIT_PATH:\s*)\S+/m, `$1${value}`);
}

export function ciFiles(provider: string, target: string, cwd = process.cwd()): { from: string; to: string; data: string }[] {
  const base = packageFile('templates', 'ci', provider);
  if (!(CI_PROVIDERS as readonly string[]).includes(provider) || !existsSync(base)) {
    throw new UsageError(t('init.unknown-ci', { provider }), t('init.unknown-ci.hint'));
  }
  const root = ciRoot(target, cwd);
  const ws = relative(root, resolve(target)).split(sep).join('/') || '.';
  const out: { from: string; to: string; data: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ from: full, to: join(root, relative(base, full)), data: setWorkspacePath(readFileSync(full, 'utf8'), ws) });
    }
  };
  walk(base);
  return out.sort((a, b) => a.to.localeCompare(b.to));
}

export function isWorkspace(dir: string): boolean {
  return MANIFEST_NAMES.some((n) => existsSync(join(dir, n)));
}

/** `init --ci <provider>` on an existing workspace: adds only the CI files. */
export function addCi(provider: string, target: string, force = false): void {
  const plan = ciFiles(provider, target);
  const existing = plan.filter((p) => existsSync(p.to));
  if (existing.length && !force) {
    throw new UsageError(
      t('init.would-overwrite', { files: existing.map((p) => displayPath(p.to)).join(', ') }),
      t('init.would-overwrite.hint'),
    );
  }
  for (const p of plan) writeFileAtomic(p.to, p.data);
  write(chalk.green('✔ ') + tCount('init.ci-added', plan.length, { provider, files: plan.length }));
  for (const p of plan) write(`  ${displayPath(p.to)}`);
  write('');
  write(t('init.ci-next'));
}
