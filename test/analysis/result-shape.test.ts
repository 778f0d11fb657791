// The analysis result's shape is declared in TypeScript (src/analysis/types.ts, analyze.ts) for the
// code and in zod (src/analysis/result-schema.ts) for consumers and `schema --analysis`. These
// checks keep the two one shape: the TypeScript result satisfies the schema's type, and every
// field the audits of the examples and of the realistic workspaces hold is declared (described)
// in the JSON Schema.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/analyze.js';
import { audit } from '../../src/api.js';
import { analysisJsonSchema, type AnalysisResultJson } from '../../src/analysis/result-schema.js';

/** A type without its index signatures (open objects), to compare the fields both sides name. */
type Known<T> = T extends readonly (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Known<T[K]> }
    : T;

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  type?: string | string[];
};

/** Paths of fields in `value` that `schema` does not name (a record's keys are its data, not fields). */
function undeclared(schema: JsonSchema, value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (schema.anyOf) {
    const each = schema.anyOf.map((s) => undeclared(s, value, path));
    return each.find((u) => u.length === 0) ?? each[0];
  }
  if (Array.isArray(value)) return schema.items ? value.flatMap((v) => undeclared(schema.items!, v, `${path}[]`)) : [];
  // `{}` (z.unknown(): a finding's details are the rule's own) says nothing about its fields.
  if (!schema.properties && schema.additionalProperties === undefined) return [];
  const props = schema.properties ?? {};
  const record = !schema.properties && typeof schema.additionalProperties === 'object';
  return Object.entries(value).flatMap(([k, v]) => {
    if (k in props) return undeclared(props[k], v, `${path}.${k}`);
    if (record) return undeclared(schema.additionalProperties as JsonSchema, v, `${path}.${k}`);
    return [`${path}.${k}`];
  });
}

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = ['examples/northwind-b2b', 'examples/sakura-retail.yaml', 'examples/startup-no-hub.yaml'];
const REALISTIC = join(import.meta.dirname, '..', 'fixtures', 'realistic');
/** The realistic workspaces (revision 2: personas, the customer's side): a folder or one YAML file each. */
const realistic = readdirSync(REALISTIC, { withFileTypes: true }).filter((e) => e.isDirectory()).map(({ name }) => {
  const dir = join(REALISTIC, name);
  const entries = readdirSync(dir);
  return { name, path: entries.includes('workspace') ? join(dir, 'workspace') : join(dir, 'workspace.yaml') };
});

describe('one shape of the analysis result', () => {
  it('the TypeScript result is a document of the schema (checked by npm run typecheck)', () => {
    // Does not compile when a field of AnalysisResult has another type than the schema gives it.
    const asDocument = (r: Known<AnalysisResult>): Known<AnalysisResultJson> => r;
    expect(typeof asDocument).toBe('function');
  });

  it.each(EXAMPLES)('every field of the audit of %s is declared in result-schema.ts', async (example) => {
    const doc = JSON.parse(JSON.stringify(await audit(join(ROOT, example), { now: '2027-01' })));
    expect([...new Set(undeclared(analysisJsonSchema() as JsonSchema, doc))]).toEqual([]);
  });
  it.each(realistic)('every field of the audit of the realistic workspace $name is declared in result-schema.ts', async ({ path }) => {
    const doc = JSON.parse(JSON.stringify(await audit(path, { lang: 'en', now: '2027-01' })));
    expect([...new Set(undeclared(analysisJsonSchema() as JsonSchema, doc))]).toEqual([]);
  });
});
