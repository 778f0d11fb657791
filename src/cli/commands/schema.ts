// `martech-audit schema`: the JSON Schema of the format, generated from the loader's zod schemas.
import { workspaceJsonSchema } from '../../workspace/schema.js';
import { write } from '../output.js';
import { writeFileAtomic } from '../../util/fs.js';

export interface SchemaOptions { analysis?: boolean; out?: string }

export async function run(opts: SchemaOptions): Promise<void> {
  let schema: unknown;
  if (opts.analysis) {
    const mod = await import('../../analysis/result-schema.js');
    schema = mod.analysisJsonSchema();
  } else schema = workspaceJsonSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  // Atomic: a failed write (no permission, a folder in the way) leaves no temporary file behind.
  if (opts.out) writeFileAtomic(opts.out, text);
  else write(text);
}
