// Shared helpers for the rule tests: load a fixture or inline YAML, run the rules, read the
// `# expect: <finding-id> <severity> [kind:id ...]` lines a fixture carries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { computeFacts } from '../../src/analysis/facts.js';
import { runRules } from '../../src/analysis/rules/index.js';
import type { Workspace } from '../../src/model/model.js';
import { createTranslator, type Lang } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en/index.js';
import { ja } from '../../src/i18n/ja/index.js';
import { wordsFor, type Words } from '../../src/analysis/words.js';
import type { EntityRef, Finding } from '../../src/analysis/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export function load(path: string): Workspace {
  const r = loadWorkspace(path);
  if (!r.workspace) throw new Error(`${path} does not load:\n${r.diagnostics.map((d) => `${d.location.file}:${d.location.line} ${d.message}`).join('\n')}`);
  return r.workspace;
}

export function loadText(yaml: string): Workspace {
  const r = loadFromText(yaml);
  if (!r.workspace) throw new Error(`inline workspace does not load:\n${r.diagnostics.map((d) => `${d.location.line} ${d.message}`).join('\n')}`);
  return r.workspace;
}

/** The words of an analysis of `ws` in a language (the analysis is handed its language; it reads no process language). */
export function wordsIn(ws: Workspace, lang: Lang = 'en'): Words {
  return wordsFor(ws, createTranslator(lang, lang === 'ja' ? ja : en));
}

export function findings(ws: Workspace, lang: Lang = 'en'): Finding[] {
  return runRules(ws, computeFacts(ws), wordsIn(ws, lang));
}

export const ids = (list: Finding[], rule?: string): string[] =>
  list.filter((f) => !rule || f.rule === rule).map((f) => f.id).sort();

export interface Expectation { id: string; severity: string; entities: EntityRef[] }

export function expectations(path: string): Expectation[] {
  const out: Expectation[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^#\s*expect:\s*(\S+)\s+(\S+)(.*)$/.exec(line);
    if (!m) continue;
    const entities = m[3].trim().split(/\s+/).filter(Boolean).map((e) => {
      const i = e.indexOf(':');
      return { kind: e.slice(0, i), id: e.slice(i + 1) } as EntityRef;
    });
    out.push({ id: m[1], severity: m[2], entities });
  }
  return out;
}
