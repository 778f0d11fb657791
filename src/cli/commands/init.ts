// `martech-audit init [dir]`: writes a workspace from templates/, never overwriting a file.
import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { t, currentLang } from '../../i18n/index.js';
import { packageFile, displayPath } from '../../util/paths.js';
import { writeFileAtomic } from '../../util/fs.js';
import { wrapText } from '../../util/wrap.js';
import { UsageError } from '../../util/errors.js';
import { closest } from '../../util/suggest.js';
import { chalk, write } from '../output.js';

export interface InitOptions { template?: string; force?: boolean; ci?: string; list?: boolean }

export function listTemplates(): string[] {
  const dir = packageFile('templates', 'workspace');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
}

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

export async function run(dir: string, opts: InitOptions): Promise<void> {
  const templates = listTemplates();
  if (opts.list) {
    // Two columns: the names padded to the longest, descriptions wrapped under each other in 80 columns.
    const width = Math.max(...templates.map((n) => n.length)) + 2;
    for (const name of templates) {
      const lines = wrapText(t(`init.template.${name}`), 80 - width).split('\n');
      write(lines.map((l, i) => (i === 0 ? name.padEnd(width) : ' '.repeat(width)) + l).join('\n'));
    }
    return;
  }
  const name = opts.template ?? 'blank';
  if (!templates.includes(name)) {
    const guess = closest(name, templates);
    throw new UsageError(t('init.unknown-template', { name, known: templates.join(', ') }), guess ? t('suggest.did-you-mean', { value: guess }) : undefined);
  }
  const base = packageFile('templates', 'workspace', name);
  const lang = existsSync(join(base, currentLang())) ? currentLang() : 'en';
  const src = join(base, lang);
  const target = resolve(dir);
  if (opts.ci) {
    // An existing workspace: add only the CI pipeline (init-ci.ts).
    const ciMod = await import('./init-ci.js');
    if (ciMod.isWorkspace(target)) return ciMod.addCi(opts.ci, target, opts.force);
  }
  const plan: { from?: string; to: string; data?: string }[] = filesBelow(src).map((f) => ({ from: f, to: join(target, relative(src, f)) }));
  plan.push({ from: packageFile('schema', 'martech-audit.schema.json'), to: join(target, 'martech-audit.schema.json') });
  if (opts.ci) {
    const ciMod = await import('./init-ci.js').catch(() => undefined);
    if (!ciMod) throw new UsageError(t('init.ci-unavailable'));
    plan.push(...ciMod.ciFiles(opts.ci, target));
  }
  const existing = plan.filter((p) => existsSync(p.to));
  if (existing.length && !opts.force) {
    throw new UsageError(
      t('init.would-overwrite', { files: existing.map((p) => displayPath(p.to)).join(', ') }),
      t('init.would-overwrite.hint'),
    );
  }
  for (const p of plan) writeFileAtomic(p.to, p.data ?? readFileSync(p.from!));
  write(chalk.green('✔ ') + t('init.done', { template: name, dir: displayPath(target) || '.', files: plan.length }));
  for (const p of plan) write(`  ${displayPath(p.to)}`);
  write('');
  write(t('init.next', { dir: displayPath(target) || '.' }));
}
