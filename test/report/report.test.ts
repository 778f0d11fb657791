// The report folder: contents, the exact analyze JSON, a safe self-contained HTML (CSP first, no
// external URL, everything escaped, the filter works under the CSP), golden Markdown, the PDF,
// degradation without a browser, --no-render, atomic replacement and refusing unsafe folders.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { writeReport } from '../../src/report/write-report.js';
import { REPORT_MARKER } from '../../src/report/report-folder.js';
import { renderJson } from '../../src/report/json.js';
import { reportContent } from '../../src/report/content.js';
import { renderMarkdown, mdText } from '../../src/report/markdown.js';
import { CSP, escapeHtml, renderHtml, scriptSafeJson } from '../../src/report/html.js';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { RendererUnavailable } from '../../src/render/unavailable.js';
import { launchBrowser, isolatePage } from '../../src/render/browser.js';
import type { RenderEngine } from '../../src/render/index.js';
import { UsageError } from '../../src/util/errors.js';
import { EXAMPLES, hostileWorkspace, loadExample, loadText, TODAY } from '../diagrams/helpers.js';
import { expectGolden } from '../golden.js';
import { requireBrowser, SLOW_TEST_TIMEOUT } from '../requirements.js';
import { externalReferences, JSDOM_PARSE, pdfPageCount, svgProblems } from './checks.js';
import { activeTranslator } from '../../src/i18n/index.js';

// A folder of this run's own: several test runs may share the working tree.
const TMP = mkdtempSync(join(tmpdir(), 'martech-report-test-'));

const noBrowser = async (): Promise<RenderEngine> => {
  throw new RendererUnavailable('no-browser', 'no Chromium or Chrome found');
};


/** Problems of a report page (empty when none). */
/** `window`: the page already parsed with jsdom, when the caller has it (parsing is the slow part). */
async function htmlProblems(html: string, window?: any): Promise<string[]> {
  const out: string[] = [];
  const head = /<head>\s*(<[^>]+>)/.exec(html)?.[1] ?? '';
  if (!head.startsWith('<meta http-equiv="Content-Security-Policy"')) out.push(`first element in <head> is ${head.slice(0, 60)}`);
  const doc = (window ?? new (await JSDOM_PARSE())(html).window).document;
  // What the page could fetch (markup, not text): attributes that load, url() and @import in CSS.
  const ext: string[] = [];
  for (const el of doc.querySelectorAll('*') as any) {
    if (el.localName === 'style') ext.push(...externalReferences(el.textContent ?? ''));
    for (const a of [...el.attributes] as { name: string; value: string }[]) {
      const n = a.name.toLowerCase();
      if (/(^|:)(src|href|action|formaction|poster|data|srcset|background)$/.test(n) && !/^(#|data:)/.test(a.value) && !/^diagrams\/[a-z]+\.svg$/.test(a.value)) ext.push(a.value);
      if (n === 'style') ext.push(...externalReferences(a.value));
    }
    if (el.localName === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) ext.push('meta refresh');
  }
  if (ext.length) out.push(`external references: ${ext.slice(0, 5).join(', ')}`);
  const scripts = [...doc.querySelectorAll('script')] as any[];
  if (scripts.length !== 2) out.push(`${scripts.length} script elements`);
  for (const el of doc.querySelectorAll('*') as any) {
    for (const a of [...el.attributes] as { name: string }[]) if (a.name.toLowerCase().startsWith('on')) out.push(`event handler ${a.name}`);
    if (['iframe', 'object', 'embed', 'link', 'base', 'form'].includes(String(el.localName))) out.push(`<${el.localName}>`);
  }
  const data = doc.getElementById('audit-data')?.textContent ?? '';
  if (/[<>&\u2028\u2029]/.test(data)) out.push('raw < > & or line separator in embedded JSON');
  const ids = [...doc.querySelectorAll('[id]')].map((e: any) => e.id);
  const dup = ids.filter((x, i) => ids.indexOf(x) !== i);
  if (dup.length) out.push(`duplicate ids: ${[...new Set(dup)].slice(0, 5).join(', ')}`);
  return out;
}

describe('report content', () => {
  it.each(EXAMPLES)('report.md of $name matches the golden file and keeps Mermaid blocks intact', async ({ name, path, lang }) => {
    const { ws, result } = await loadExample(path, lang);
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    const cover = { date: '2027-01-15', author: 'Jane Doe', firm: 'Acme Consulting' };
    const md = renderMarkdown(reportContent(ws, result, { tr: activeTranslator(), version: '0.0.0-test', cover }), diagrams, activeTranslator());
    expectGolden(`report/${name}/report.md`, md);
    // One block per diagram: the five of every audit, and for a workspace that maps the customer's side its two.
    expect(md.match(/^```mermaid$/gm)).toHaveLength(diagrams.length);
    expect(md.match(/^```$/gm)).toHaveLength(diagrams.length);
    expect(diagrams.length).toBe(name === 'startup-no-hub' ? 5 : 7);
    for (const d of diagrams) expect(md).toContain(d.source.trimEnd());
  });

  it('escapes Markdown and HTML in names', async () => {
    expect(mdText('a|b *c* <d> [e](f) #g & `h`')).toBe('a\\|b \\*c\\* \\<d\\> \\[e\\](f) \\#g \\& \\`h\\`');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. first')).toBe('1\\. first');
    expect(escapeHtml('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(scriptSafeJson('{"a":"</script><!--\u2028&"}')).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}');
    const { ws, result } = await loadText(hostileWorkspace());
    const md = renderMarkdown(reportContent(ws, result, { tr: activeTranslator(), version: 'x' }), buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY }), activeTranslator());
    const outsideCode = md.replace(/```mermaid[\s\S]*?```/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<(script|img)/im);
  });

  it('property: any organization or tool name leaves the page structure alone', { timeout: SLOW_TEST_TIMEOUT }, async () => {
    const base = await loadText(hostileWorkspace());
    const diagrams = buildDiagrams(base.ws, base.result, { tr: activeTranslator(), today: TODAY });
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), async (org, toolName) => {
      const result = {
        ...base.result,
        organization: org,
        inventory: base.result.inventory.map((x, i) => (i === 0 ? { ...x, name: toolName } : x)),
        findings: base.result.findings.map((f, i) => (i === 0 ? { ...f, message: toolName, recommendation: org } : f)),
      };
      const content = reportContent(base.ws, result, { tr: activeTranslator(), version: 'x' });
      const json = renderJson(result);
      const html = renderHtml(content, diagrams, new Map(), { tr: activeTranslator(), json });
      const { window } = new (await JSDOM_PARSE())(html);
      expect(await htmlProblems(html, window)).toEqual([]);
      expect(window.document.querySelector('h1').textContent).toBe(content.cover.client);
      expect(JSON.parse(window.document.getElementById('audit-data').textContent)).toEqual(JSON.parse(json));
    }), { numRuns: 25 });
  });
});

describe('without a browser', () => {
  it('writes everything and still draws every diagram, in a simpler layout, and says so', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const out = join(TMP, 'no-browser');
    const r = await writeReport(ws, result, { tr: activeTranslator(), outDir: out, pdf: true, version: 't', today: TODAY, openEngine: noBrowser });
    expect(r.renderer).toBe('fallback');
    expect(r.unavailable?.reason).toBe('no-browser');
    // Northwind maps the customer's side (revision 2): its persona lanes and consent flow too.
    expect(r.drawn).toEqual(['journey', 'dataflow', 'overlap', 'roadmap', 'portfolio', 'personas', 'consent']);
    expect(r.notDrawn).toEqual([]);
    expect(r.pdf).toBe('no-browser');
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    for (const f of ['report.md', 'report.html', 'audit.json', 'audit.sarif', 'diagrams/journey.svg', 'diagrams/roadmap.mmd']) expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(await htmlProblems(html)).toEqual([]);
    expect(html).not.toContain('<pre><code>');
    expect(html).toContain('Move the newsletter from Mailchimp to HubSpot');
    for (const kind of r.drawn) expect(await svgProblems(readFileSync(join(out, `diagrams/${kind}.svg`), 'utf8').replace(/^<\?xml[^>]*>\n/, ''), `mad-${kind}`)).toEqual([]);
  });

  it('--no-render starts no browser and draws nothing', async () => {
    const { ws, result } = await loadExample('examples/startup-no-hub.yaml', 'en');
    let started = false;
    const r = await writeReport(ws, result, { tr: activeTranslator(),
      outDir: join(TMP, 'no-render'), render: false, version: 't', today: TODAY,
      openEngine: async () => { started = true; throw new Error('must not start'); },
    });
    expect(started).toBe(false);
    expect(r.renderer).toBe('none');
    expect(r.drawn).toEqual([]);
    expect(readdirSync(join(TMP, 'no-render', 'diagrams')).sort()).toEqual(['dataflow.mmd', 'journey.mmd', 'overlap.mmd', 'portfolio.mmd', 'roadmap.mmd']);
  });
});

describe('the folder', () => {
  it('replaces an old report as a whole, and an interrupted run leaves the old one and no temp folder', async () => {
    const { ws, result } = await loadExample('examples/startup-no-hub.yaml', 'en');
    const out = join(TMP, 'atomic');
    await writeReport(ws, result, { tr: activeTranslator(), outDir: out, render: false, version: 'v1', today: TODAY });
    // A file the product writes (a PDF from an earlier --pdf run) goes with the old report; a file it
    // does not write keeps the folder from being replaced (test/security/report-folder.test.ts).
    writeFileSync(join(out, 'report.pdf'), 'from an earlier run');
    await writeReport(ws, result, { tr: activeTranslator(), outDir: out, render: false, version: 'v2', today: TODAY });
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    expect(readFileSync(join(out, REPORT_MARKER), 'utf8')).toContain('v2');
    const before = readFileSync(join(out, 'report.md'), 'utf8');
    const failing: RenderEngine = {
      renderSvgs: async (jobs) => jobs.map(() => ({ ok: false as const, error: 'x' })),
      png: async () => new Uint8Array(), svgPdf: async () => new Uint8Array(),
      htmlPdf: async () => { throw new Error('printer on fire'); },
      blockedRequests: () => [], close: async () => {},
    };
    await expect(writeReport(ws, result, { tr: activeTranslator(), outDir: out, pdf: true, version: 'v3', today: TODAY, openEngine: async () => failing })).rejects.toThrow('printer on fire');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(before);
    expect(readdirSync(TMP).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses to replace a folder that is not a report, or that holds the workspace', async () => {
    const { ws, result } = await loadExample('examples/startup-no-hub.yaml', 'en');
    const other = join(TMP, 'not-a-report');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'thesis.docx'), 'precious');
    await expect(writeReport(ws, result, { tr: activeTranslator(), outDir: other, render: false, version: 't', today: TODAY })).rejects.toBeInstanceOf(UsageError);
    expect(readFileSync(join(other, 'thesis.docx'), 'utf8')).toBe('precious');
    await expect(writeReport(ws, result, { tr: activeTranslator(), outDir: 'examples', render: false, version: 't', today: TODAY })).rejects.toBeInstanceOf(UsageError);
    await expect(writeReport(ws, result, { tr: activeTranslator(), outDir: '.', render: false, version: 't', today: TODAY })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('with Chromium', { timeout: SLOW_TEST_TIMEOUT }, () => {
  const out = join(TMP, 'full');
  let written: Awaited<ReturnType<typeof writeReport>>;
  let json: string;
  beforeAll(async () => {
    requireBrowser();
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    json = renderJson(result);
    written = await writeReport(ws, result, { tr: activeTranslator(), outDir: out, pdf: true, version: 't', today: TODAY });
  });

  it('writes every file, draws every diagram and makes no request', () => {
    expect(written.renderer).toBe('browser');
    expect(written.notDrawn).toEqual([]);
    expect(written.blockedRequests).toEqual([]);
    expect(written.files).toEqual([
      'audit.json', 'audit.sarif',
      ...['consent', 'dataflow', 'journey', 'overlap', 'personas', 'portfolio', 'roadmap'].flatMap((k) => [`diagrams/${k}.mmd`, `diagrams/${k}.svg`]),
      'report.html', 'report.md', 'report.pdf',
    ]);
  });

  it('audit.json is the analyze --format json document', () => {
    expect(readFileSync(join(out, 'audit.json'), 'utf8')).toBe(json);
  });

  it('the SVGs are valid, self-contained, with their own ids, also inside the HTML', async () => {
    for (const kind of ['journey', 'dataflow', 'overlap', 'roadmap', 'portfolio', 'personas', 'consent']) {
      const svg = readFileSync(join(out, `diagrams/${kind}.svg`), 'utf8').replace(/^<\?xml[^>]*>\n/, '');
      expect(await svgProblems(svg, `mad-${kind}`), kind).toEqual([]);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(await htmlProblems(html)).toEqual([]);
    // Three diagrams inline; the journey is the stages-by-touchpoints matrix and the roadmap the
    // timeline of whole titles (their SVGs are in diagrams/).
    expect(html.match(/<svg\b/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('id="journey-matrix"');
    expect(html).toContain('<figure class="diagram timeline" id="diagram-roadmap">');
    expect(html).toContain(`content="${escapeHtml(CSP)}"`);
  });

  it('the PDF has a cover, one page per step and the tables', () => {
    const pages = pdfPageCount(join(out, 'report.pdf'));
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(40);
  });

  it('the page works under its own CSP in a real browser: no request, no violation, the filter hides rows', async () => {
    const session = await launchBrowser();
    try {
      const page = await session.browser.newPage();
      const messages: string[] = [];
      page.on('console', (m: any) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e: any) => messages.push(`error: ${e.message}`));
      await isolatePage(page, session.blockedRequests);
      await page.setContent(readFileSync(join(out, 'report.html'), 'utf8'), { waitUntil: 'load' });
      const state = await page.evaluate(() => {
        const d = (globalThis as any).document;
        const rows = () => [...d.querySelectorAll('#findings-table tbody tr')];
        const visible = () => rows().filter((r: any) => r.offsetParent !== null).length;
        const before = { total: rows().length, visible: visible(), search: !d.getElementById('finding-search').hidden, count: d.getElementById('finding-count').textContent };
        const box = d.getElementById('sev-medium');
        box.checked = false;
        box.dispatchEvent(new (globalThis as any).Event('change'));
        const afterBox = visible();
        const q = d.getElementById('finding-search');
        q.value = 'Intercom';
        q.dispatchEvent(new (globalThis as any).Event('input'));
        return { before, afterBox, afterSearch: visible(), medium: rows().filter((r: any) => r.dataset.severity === 'medium').length };
      });
      expect(messages.filter((m) => /error|Content Security Policy|Refused/i.test(m))).toEqual([]);
      expect(session.blockedRequests).toEqual([]);
      expect(state.before.search).toBe(true);
      expect(state.before.visible).toBe(state.before.total);
      expect(state.before.count).toContain(String(state.before.total));
      expect(state.afterBox).toBe(state.before.total - state.medium);
      expect(state.afterSearch).toBeLessThan(state.afterBox);
      expect(state.afterSearch).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});

afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});
