// The JSON Schema of a workspace file (`martech-audit schema`), generated from the loader's zod
// schemas. A module of its own: the generator is only loaded by the command that prints it.
import { toJSONSchema } from 'zod/mini';
import { WorkspaceFile } from './schema.js';

export function workspaceJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(WorkspaceFile, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return { $id: 'https://martech-audit.dev/schema/workspace-v1.json', ...schema };
}
