// Shared by the diagram and report tests: load an example, run the real analysis with a fixed
// month (no clock in golden output), and a Mermaid parser running under jsdom.
import { loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { analyze, type AnalysisResult } from '../../src/analysis/analyze.js';
import { initLang, type Lang } from '../../src/i18n/index.js';
import type { Workspace } from '../../src/model/model.js';

export const TODAY = '2027-01';

export const EXAMPLES = [
  { name: 'northwind-b2b', path: 'examples/northwind-b2b', lang: 'en' as Lang },
  { name: 'sakura-retail', path: 'examples/sakura-retail.yaml', lang: 'ja' as Lang },
  { name: 'startup-no-hub', path: 'examples/startup-no-hub.yaml', lang: 'en' as Lang },
];

export interface Loaded { ws: Workspace; result: AnalysisResult }

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
    // biome-ignore lint/correctness/noUndeclaredDependencies: mermaid comes with @mermaid-js/mermaid-cli (optional dependency); the test checks our text with the same parser
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return (text: string) => mermaid.parse(text);
  })();
  return parser;
}

/** Names that try everything: quotes, markup, Mermaid syntax, emoji, Japanese, very long. */
export const HOSTILE = [
  'Say "hi" to O\'Brien & Co',
  '#1 tool; 100% <b>bold</b>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'A --> B ==> C -.-> D',
  '%% not a comment',
  '[brackets] {braces} (parens) |pipes|',
  'end',
  'subgraph',
  'click n1 call alert()',
  'classDef x fill:#f00',
  '::: class; style',
  '`backticks` **bold** _under_',
  'emoji 🚀👩‍👩‍👧 flags 🇯🇵',
  '顧客管理（営業部）「セールス」',
  'x'.repeat(200),
  'line\nbreak\ttab\u0000null\u202eRTL',
  '#quot; #35; #lt; &amp; &#60;',
];

/** A workspace whose every name is hostile. */
export function hostileWorkspace(): string {
  const q = (s: string) => JSON.stringify(s);
  const tools = HOSTILE.map((name, i) => `  - { id: t${i}, name: ${q(name)}, status: ${i % 5 === 4 ? 'retiring' : 'active'}, capabilities: [email-marketing], cost: ${1000 * (i + 1)}, data: [contact-profile], owner: ${i % 2 ? 'sales' : 'marketing'} }`);
  const tps = HOSTILE.map((name, i) => `  - { id: p${i}, name: ${q(name)}, stage: ${['awareness', 'consideration', 'purchase', 'service', 'loyalty'][i % 5]}, channel: email, tools: [t${i}], realtime: ${i % 3 === 0}, in_scope: ${i % 7 !== 6} }`);
  const ints = HOSTILE.slice(1).map((_, i) => `  - { from: t${i + 1}, to: t${i}, mode: ${['realtime', 'batch', 'manual'][i % 3]} }`);
  const inits = HOSTILE.map((name, i) => `    - { id: x${i}, title: ${q(name)}, kind: other, tools: [t${i}], start: 2027-0${(i % 9) + 1}, months: 2 }`);
  return [
    'version: 1',
    `organization: { name: ${q('Evil "Corp" <script>')}, currency: EUR, departments: [{ id: marketing, name: ${q('Mar"keting <b>')} }, sales] }`,
    'stages:',
    ...['awareness', 'consideration', 'purchase', 'service', 'loyalty'].map((id, i) => `  - { id: ${id}, name: ${q(HOSTILE[i])} }`),
    'tools:', ...tools,
    'touchpoints:', ...tps,
    'integrations:', ...ints,
    'strategy:', '  initiatives:', ...inits,
    '',
  ].join('\n');
}

