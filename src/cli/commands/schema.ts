// `martech-audit schema`: the JSON Schema of the format, generated from the loader's zod schemas.
import { workspaceJsonSchema } from '../../workspace/json-schema.js';
import { write } from '../output.js';
import { writeFileAtomic } from '../../util/fs.js';
import { UsageError } from '../../util/errors.js';
import { t } from '../../i18n/index.js';

export interface SchemaOptions { analysis?: boolean; diff?: boolean; out?: string }

export async function run(opts: SchemaOptions): Promise<void> {
  let schema: unknown;
  if (opts.analysis && opts.diff) throw new UsageError(t('diff.schema-one'));
  if (opts.diff) {
    const mod = await import('../../diff/schema.js');
    schema = mod.diffJsonSchema();
  } else if (opts.analysis) {
    const mod = await import('../../analysis/result-schema.js');
    schema = mod.analysisJsonSchema();
  } else schema = workspaceJsonSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  // Atomic: a failed write (no permission, a folder in the way) leaves no temporary file behind.
  if (opts.out) writeFileAtomic(opts.out, text);
  else write(text);
}
