// `init --ci github|gitlab`: the CI pipeline files to add (templates/ci/<provider>/).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t } from '../../i18n/index.js';
import { packageFile } from '../../util/paths.js';
import { UsageError } from '../../util/errors.js';

export function ciFiles(provider: string, target: string): { from: string; to: string }[] {
  const base = packageFile('templates', 'ci', provider);
  if (!existsSync(base)) throw new UsageError(t('init.unknown-ci', { provider }), t('init.unknown-ci.hint'));
  const out: { from: string; to: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ from: full, to: join(target, relative(base, full)) });
    }
  };
  walk(base);
  return out.sort((a, b) => a.to.localeCompare(b.to));
}
