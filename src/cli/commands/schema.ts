// `martech-audit schema`: the JSON Schema of the format, generated from the loader's zod schemas.
import { writeFileSync, renameSync } from 'node:fs';
import { workspaceJsonSchema } from '../../workspace/schema.js';
import { write } from '../output.js';

export interface SchemaOptions { analysis?: boolean; out?: string }

export async function run(opts: SchemaOptions): Promise<void> {
  let schema: unknown;
  if (opts.analysis) {
    const mod = await import('../../analysis/result-schema.js');
    schema = mod.analysisJsonSchema();
  } else schema = workspaceJsonSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (opts.out) {
    const tmp = `${opts.out}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, opts.out);
  } else write(text);
}
