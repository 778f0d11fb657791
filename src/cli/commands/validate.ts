// `martech-audit validate [path]`: every problem at once, like a compiler.
import { t } from '../../i18n/index.js';
import { loadLocalized, type GlobalOptions } from '../context.js';
import { chalk, formatDiagnostic, write } from '../output.js';
import { FailureExit, UsageError } from '../../util/errors.js';

export interface ValidateOptions { format?: string; strict?: boolean }

export async function run(path: string, opts: ValidateOptions, globals: GlobalOptions): Promise<void> {
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(t('cli.bad-format', { format, allowed: 'text, json' }));
  const result = await loadLocalized(path, globals);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  const failed = errors.length > 0 || (opts.strict === true && warnings.length > 0);
  if (format === 'json') {
    write(JSON.stringify({
      version: 1, workspace: path, valid: !failed,
      errors: errors.length, warnings: warnings.length,
      files: result.workspace?.files ?? [...result.sources.keys()],
      diagnostics: result.diagnostics.map((d) => ({
        severity: d.severity, code: d.code, message: d.message,
        ...(d.messageId ? { messageId: d.messageId, data: d.data ?? {} } : {}),
        location: d.location,
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
        ...(d.related?.length ? { related: d.related } : {}),
      })),
    }, null, 2));
  } else {
    const blocks = result.diagnostics.map((d) => formatDiagnostic(d, result.sources));
    if (blocks.length) write(blocks.join('\n\n') + '\n');
    const ws = result.workspace;
    if (!failed && ws) {
      write(chalk.green('✔ ') + t('validate.ok', {
        path, files: ws.files.length, tools: ws.tools.length, touchpoints: ws.touchpoints.length,
        integrations: ws.integrations.length,
      }) + (warnings.length ? ` ${t('validate.with-warnings', { warnings: warnings.length })}` : ''));
    } else {
      write(chalk.red('✖ ') + t('validate.failed', { errors: errors.length, warnings: warnings.length }));
    }
  }
  if (failed) throw new FailureExit(1);
}
