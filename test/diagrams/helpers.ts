// Shared by the diagram and report tests: load an example, run the real analysis with a fixed
// month (no clock in golden output), and a Mermaid parser running under jsdom.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import { loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { analyze } from '../../src/analysis/analyze.js';
import { initLang, type Lang } from '../../src/i18n/index.js';
import type { Workspace } from '../../src/model/model.js';
import type { AuditResult } from '../../src/analysis/types.js';

export const TODAY = '2027-01';

export const EXAMPLES = [
  { name: 'northwind-b2b', path: 'examples/northwind-b2b', lang: 'en' as Lang },
  { name: 'sakura-retail', path: 'examples/sakura-retail.yaml', lang: 'ja' as Lang },
  { name: 'startup-no-hub', path: 'examples/startup-no-hub.yaml', lang: 'en' as Lang },
];

export interface Loaded { ws: Workspace; result: AuditResult }

export async function loadExample(path: string, lang: Lang): Promise<Loaded> {
  await initLang(lang);
  const r = loadWorkspace(path);
  if (!r.workspace) throw new Error(`cannot load ${path}: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
  return { ws: r.workspace, result: analyze(r.workspace, { path, now: TODAY }) };
}

export async function loadText(yaml: string, lang: Lang = 'en'): Promise<Loaded> {
  await initLang(lang);
  const r = loadFromText(yaml);
  if (!r.workspace) throw new Error(`invalid test workspace: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
  return { ws: r.workspace, result: analyze(r.workspace, { now: TODAY }) };
}

/** Compares with a reviewed golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff). */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${file} was missing and has been written; review it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

type Parse = (text: string) => Promise<unknown>;
let parser: Promise<Parse> | undefined;

/** Mermaid's own parser under jsdom globals (~1 s once, then a few ms per diagram). */
export function mermaidParse(): Promise<Parse> {
  parser ??= (async () => {
    const jsdom = 'jsdom'; // no type declarations installed: import by name
    const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string, opts: object) => { window: any } };
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as any;
    for (const key of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer', 'MutationObserver']) {
      if (g[key] === undefined) Object.defineProperty(g, key, { value: dom.window[key], configurable: true, writable: true });
    }
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return (text: string) => mermaid.parse(text);
  })();
  return parser;
}
