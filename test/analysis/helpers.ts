// Small in-memory workspaces for the assessment and roadmap tests.
import { expect } from 'vitest';
import { loadFromText } from '../../src/workspace/load.js';
import type { Workspace } from '../../src/model/model.js';
import { analyze, type AnalyzeOptions } from '../../src/analysis/analyze.js';

export function workspace(yaml: string): Workspace {
  const r = loadFromText(yaml, 'test.yaml');
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location.line}: ${d.message}`);
  expect(errors, 'the test workspace must be valid').toEqual([]);
  return r.workspace!;
}

export function run(yaml: string, opts: AnalyzeOptions = {}) {
  return analyze(workspace(yaml), { path: 'test.yaml', ...opts });
}

/** A minimal tool entry in YAML flow style. */
export function tool(id: string, fields: Record<string, unknown> = {}): string {
  const f = { name: id, ...fields };
  return `  - { id: ${id}, ${Object.entries(f).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
}
