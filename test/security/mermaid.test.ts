// Mermaid directives through labels (issue #11, item 9): a name holding `%%{init: ...}%%` must
// not reconfigure the diagram (CSS into the SVG, htmlLabels switched on), and `50%%{x` must not
// break the journey and data-flow diagrams. `%` is encoded in flowchart labels as in gantt text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { label } from '../../src/diagrams/mermaid-escape.js';
import { openBrowserEngine, type RenderEngine } from '../../src/render/index.js';
import { renderFallback } from '../../src/render/fallback.js';
import { loadText, TODAY } from '../diagrams/helpers.js';
import { requireBrowser } from '../requirements.js';
import { activeTranslator } from '../../src/i18n/index.js';

const INIT = '%%{init: {"themeCSS": "svg { background: rgb(1,2,3) }", "flowchart": {"htmlLabels": true}}}%%';
const NAMES = [INIT, '50%%{x', 'Growth 100%'];

const YAML = `version: 1
organization: { name: Acme }
tools:
${NAMES.map((n, i) => `  - { id: t${i}, name: ${JSON.stringify(n)}, capabilities: [crm], data: [contact-profile] }`).join('\n')}
touchpoints:
${NAMES.map((n, i) => `  - { id: p${i}, name: ${JSON.stringify(n)}, stage: awareness, channel: website, tools: [t${i}] }`).join('\n')}
integrations:
  - { from: t0, to: t1 }
  - { from: t1, to: t2 }
`;

describe('percent signs in flowchart labels', () => {
  it('are encoded: no "%%" reaches the Mermaid text of any flowchart', async () => {
    expect(label('50%%{x')).toBe('"50#37;#37;{x"');
    const { ws, result } = await loadText(YAML);
    for (const d of buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY }).filter((x) => x.family === 'flowchart')) {
      expect(d.source, d.kind).not.toContain('%%');
      expect(d.source, d.kind).toContain('50#37;#37;{x');
    }
  });

  it('the browser-less renderer shows them literally', async () => {
    const { ws, result } = await loadText(YAML);
    const journey = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY }).find((d) => d.kind === 'journey')!;
    const r = await renderFallback(journey, 'mad-journey');
    if (!r.svg) throw new Error(`fallback failed: ${r.reason} ${r.error ?? ''}`);
    expect(r.svg).toContain('50%%{x');
    expect(r.svg).not.toContain('#37;');
  });
});

describe('with Chromium', () => {
  let engine: RenderEngine;
  beforeAll(async () => {
    requireBrowser();
    engine = await openBrowserEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('journey and data flow render; the directive is text, not configuration', async () => {
    const { ws, result } = await loadText(YAML);
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY }).filter((d) => d.kind === 'journey' || d.kind === 'dataflow');
    const out = await engine.renderSvgs(diagrams.map((d) => ({ id: `pct-${d.kind}`, source: d.source })));
    for (const [i, r] of out.entries()) {
      if (!r.ok) throw new Error(`${diagrams[i].kind}: ${r.error}`);
      // The name is shown as text; its CSS is not in the picture's stylesheet.
      const css = [...r.svg.svg.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
      expect(css).not.toContain('rgb(1,2,3)');
      expect(r.svg.svg).toContain('rgb(1,2,3)');
      expect(r.svg.svg).not.toContain('<foreignObject');
      expect(r.svg.svg).toContain('50%%{x');
      // Words are separate <tspan>s.
      expect(r.svg.svg).toMatch(/>Growth<\/tspan><tspan[^>]*> 100%</);
    }
  });
});
