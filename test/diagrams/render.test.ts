// Rendering with the real Chromium (a test fails, saying what to install, when none is found): every
// diagram of every example in one page, valid SVGs with their own ids and plain-text labels,
// hostile names shown literally, PNG and PDF output, and no network request at all. Also the
// browser-less fallback (beautiful-mermaid) for flowcharts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { openBrowserEngine, type RenderEngine } from '../../src/render/index.js';
import { adaptForFallback, renderFallback } from '../../src/render/fallback.js';
import { plainText } from '../../src/diagrams/mermaid-escape.js';
import { EXAMPLES, HOSTILE, hostileWorkspace, loadExample, loadText, TODAY } from './helpers.js';
import { JSDOM_PARSE, pdfPageCount, pngSize, svgProblems } from '../report/checks.js';
import { requireBrowser, SLOW_TEST_TIMEOUT } from '../requirements.js';
import { activeTranslator } from '../../src/i18n/index.js';

describe('rendering with Chromium', { timeout: SLOW_TEST_TIMEOUT }, () => {
  let engine: RenderEngine;
  beforeAll(async () => {
    requireBrowser();
    engine = await openBrowserEngine();
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each(EXAMPLES)('renders the diagrams of $name to valid SVGs', async ({ name, path, lang }) => {
    const { ws, result } = await loadExample(path, lang);
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    const out = await engine.renderSvgs(diagrams.map((d) => ({ id: `t-${name}-${d.kind}`, source: d.source })));
    for (const [i, r] of out.entries()) {
      expect(r.ok, `${diagrams[i].kind}: ${r.ok ? '' : r.error}`).toBe(true);
      if (!r.ok) continue;
      expect(await svgProblems(r.svg.svg, `t-${name}-${diagrams[i].kind}`)).toEqual([]);
      expect(r.svg.width).toBeGreaterThan(100);
      // A picture that is one sentence ("No capability is provided by more than one active tool":
      // startup-no-hub has no primary-capability overlap since r2) is one line high.
      const oneNote = diagrams[i].source.split('\n').filter((l) => /^ {2}n\d+\[/.test(l)).length === 1 && diagrams[i].source.includes('classDef note');
      expect(r.svg.height).toBeGreaterThan(oneNote ? 20 : 100);
    }
    // Names of tools appear as text in the pictures.
    const all = out.map((r) => (r.ok ? r.svg.svg : '')).join('');
    const someTool = ws.tools.find((x) => ws.index.touchpointsByTool.get(x.id)?.length)!;
    expect(all).toContain(someTool.name.split(' ')[0]);
    expect(engine.blockedRequests()).toEqual([]);
  });

  it('shows hostile names literally, as text, never as markup', async () => {
    const { ws, result } = await loadText(hostileWorkspace());
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    const out = await engine.renderSvgs(diagrams.map((d) => ({ id: `h-${d.kind}`, source: d.source })));
    const { window } = new (await JSDOM_PARSE())('');
    for (const [i, r] of out.entries()) {
      expect(r.ok, `${diagrams[i].kind}: ${r.ok ? '' : r.error}`).toBe(true);
      if (!r.ok) continue;
      expect(await svgProblems(r.svg.svg, `h-${diagrams[i].kind}`)).toEqual([]);
      const doc = new window.DOMParser().parseFromString(r.svg.svg, 'image/svg+xml');
      expect(doc.querySelector('script, foreignObject, img, a')).toBeNull();
      if (diagrams[i].family !== 'flowchart') continue;
      // Labels wrap into rows: compare without white space.
      const textContent = (doc.documentElement.textContent ?? '').replace(/\s+/g, '');
      for (const name of HOSTILE.slice(0, 14)) {
        if (!ws.tools.some((x) => x.name === name) || diagrams[i].kind === 'overlap') continue;
        expect(textContent, `${diagrams[i].kind}: ${name}`).toContain(plainText(name).replace(/\s+/g, ''));
      }
    }
  });

  it('makes a PNG and a one-page PDF of a diagram', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const [journey] = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    const [r] = await engine.renderSvgs([{ id: 'png-journey', source: journey.source }]);
    if (!r.ok) throw new Error(r.error);
    const png = await engine.png(r.svg, 2);
    const size = pngSize(png);
    expect(size.width).toBeGreaterThanOrEqual(r.svg.width * 2);
    expect(size.height).toBeGreaterThanOrEqual(r.svg.height * 2);
    const pdf = await engine.svgPdf(r.svg);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    expect(engine.blockedRequests()).toEqual([]);
  });
});

describe('without a browser: beautiful-mermaid for flowcharts', () => {
  it('adapts the text: no accTitle, frames chained by transparent links, entity codes as placeholders', () => {
    const src = 'flowchart LR\n  accTitle: x\n  subgraph s1["a #quot;b#quot;"]\n    n1["c"]\n  end\n  subgraph s2["d"]\n    n2["e"]\n  end\n  n1 --> n2\n  s1 ~~~ s2\n';
    const out = adaptForFallback(src);
    expect(out).not.toContain('accTitle');
    expect(out).toContain('s1 --> s2');
    expect(out).toContain('linkStyle 1 stroke:transparent');
    expect(out).toContain('"a \ue000b\ue000"');
  });

  it.each(EXAMPLES)('draws every diagram of $name (flowcharts by beautiful-mermaid, the gantt and quadrant chart natively)', async ({ name, path, lang }) => {
    const { ws, result } = await loadExample(path, lang);
    for (const d of buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY })) {
      const r = await renderFallback(d, `fb-${name}-${d.kind}`);
      expect(r.svg, `${d.kind}: ${r.error}`).toBeTruthy();
      expect(await svgProblems(r.svg!, `fb-${name}-${d.kind}`)).toEqual([]);
    }
  });

  it('shows hostile names literally', async () => {
    const { ws, result } = await loadText(hostileWorkspace());
    const [journey] = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    const r = await renderFallback(journey, 'fb-h');
    expect(await svgProblems(r.svg!, 'fb-h')).toEqual([]);
    const { window } = new (await JSDOM_PARSE())('');
    const doc = new window.DOMParser().parseFromString(r.svg!, 'image/svg+xml');
    const text = doc.documentElement.textContent ?? '';
    expect(text).toContain('Say "hi" to O\'Brien & Co');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('#quot; #35; #lt; &amp; &#60;');
    // The native gantt and quadrant chart show the names literally too.
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    for (const d of diagrams.filter((x) => x.family !== 'flowchart')) {
      const svg = (await renderFallback(d, `fb-${d.kind}`)).svg!;
      expect(await svgProblems(svg, `fb-${d.kind}`)).toEqual([]);
      const t = new window.DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.textContent ?? '';
      const shown = HOSTILE.map((h) => plainText(h, 30)).filter((h) => t.includes(h.replace(/…$/, '')));
      expect(shown.length, d.kind).toBeGreaterThanOrEqual(3);
    }
  });
});
