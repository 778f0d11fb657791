// The client deliverable: cover and executive summary, the journey matrix, Japanese typesetting,
// --since, and, with Chromium, the PDF (no word below 8 pt), the HTML (no sideways scrolling) and
// the deck (opened as the zip of XML it is: slides, their text, pictures, fonts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatJa, initLang, translator } from '../../src/i18n/index.js';
import { bands, journeyMatrix } from '../../src/report/journey-matrix.js';
import { buildCover, buildSummary, formatDate, isIsoDate, todayIso } from '../../src/report/summary.js';
import { readEarlierFile, sinceView } from '../../src/report/since.js';
import { reportContent } from '../../src/report/content.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderJson } from '../../src/report/json.js';
import { launchBrowser } from '../../src/render/browser.js';
import { loadExample, TODAY } from '../diagrams/helpers.js';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { pdfTextSizes } from './pdf-text.js';
import { requireBrowser } from '../requirements.js';
import { makeRepo } from '../git/repo.js';
import { activeTranslator } from '../../src/i18n/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'martech-deliverable-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/martech-audit.js', ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...env }, timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('Japanese typesetting', () => {
  it('drops the space beside an inserted Japanese term, keeps it beside Latin letters and digits', () => {
    expect(formatJa('{data} の真実の情報源（SoT）を {tool} に定める', { data: '顧客プロフィール', tool: 'kintone 顧客台帳' }))
      .toBe('顧客プロフィールの真実の情報源（SoT）を kintone 顧客台帳に定める');
    expect(formatJa('{tool} を {n} シートから', { tool: 'kintone 顧客台帳', n: 40 })).toBe('kintone 顧客台帳を 40 シートから');
    expect(formatJa('{a} {b}', { a: '顧客', b: '台帳' })).toBe('顧客台帳');
    // A space the template writes between two of its own Japanese words stays.
    expect(formatJa('合計 年{cost}', { cost: '￥1' })).toBe('合計 年￥1');
  });

  it('property: only spaces are removed, and never one with Latin text on either side', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const out = formatJa('{a} の {b} を', { a, b });
      expect(out.replace(/ /g, '')).toBe(`${a}の${b}を`.replace(/[\ue000\ue001]/g, '').replace(/ /g, ''));
      if (/[A-Za-z0-9]$/.test(a)) expect(out).toContain(`${a} の`);
    }), { numRuns: 200 });
  });

  it('the report of the Japanese example has no space between two Japanese words and lists with 「、」', async () => {
    const { ws, result } = await loadExample('examples/sakura-retail.yaml', 'ja');
    const md = renderMarkdown(reportContent(ws, result, { tr: activeTranslator(), version: 't', cover: { date: '2027-01-15' } }), buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY }), activeTranslator());
    const prose = md.replace(/```[\s\S]*?```/g, '');
    expect(prose).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}] [\p{Script=Han}\p{Script=Hiragana}]/u);
    expect(prose).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}], [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
    expect(prose).toContain('日付：2027年1月15日');
  });
});

describe('cover and executive summary', () => {
  it('dates: only real calendar days, written for the reader', () => {
    expect(isIsoDate('2027-01-15')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('15.01.2027')).toBe(false);
    expect(formatDate('2027-01-15', 'en')).toBe('15 January 2027');
    expect(formatDate('2027-01-15', 'ja')).toBe('2027年1月15日');
    expect(todayIso(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  it('the flags win over settings.report, which fills the rest; a confidentiality line always', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const withSettings = { ...ws, settings: { ...ws.settings, report: { author: 'A. Settings', firm: 'Settings & Co', date: '2026-12-01' } } };
    const cover = buildCover(withSettings, result, { author: 'Jane Doe' }, activeTranslator());
    expect(cover).toMatchObject({ client: 'Northwind Cloud GmbH', author: 'Jane Doe', firm: 'Settings & Co', date: '1 December 2026' });
    expect(cover.confidentiality).toMatch(/Confidential/);
    expect(buildCover(ws, result, {}, activeTranslator()).date).toBeUndefined();
  });

  it('northwind: three problems in names, the money, three phases, at most five decisions', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const s = buildSummary(ws, result, activeTranslator());
    expect(s.problems).toHaveLength(3);
    // A lost opt-out and a breached restriction first among problems of the same severity (blind review, defect 13)
    // Adobe Analytics' web activity is pseudonymous (an analytics tool): no silo (blind review 2, defect 7)
    expect(s.problems.map((p) => p.rule)).toEqual(['consent-not-synced', 'restricted-data-flow', 'isolated-cluster']);
    expect(s.problems[2].headline).toBe('Intercom and Zendesk Suite Professional share customer data only among themselves');
    // r2: the Intercom/Zendesk island is never told as two silos
    expect(s.problems.map((p) => p.headline).join('\n')).not.toMatch(/locked in (Intercom|Zendesk)/);
    for (const p of s.problems) expect(p.headline).not.toMatch(/[a-z]+-[a-z]+:|\.yaml/); // no rule ids, no files
    expect(s.money[0]).toEqual(['Annual spend on the stack', '€329,316']);
    expect(s.phases.map((p) => p.phase)).toEqual([1, 2, 3]);
    expect(s.decisions.length).toBeGreaterThan(0);
    expect(s.decisions.length).toBeLessThanOrEqual(5);
  });

  it('the body speaks in names and money: file paths and rule ids only in the appendix', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const content = reportContent(ws, result, { tr: activeTranslator(), version: 't' });
    // What the reader sees: the cells and texts (anchor ids of the rows are not shown).
    const body = JSON.stringify([content.executive, content.sections], (k, v) => (k === 'rowMeta' ? undefined : v));
    expect(body).not.toMatch(/\.yaml:\d+/);
    expect(body).not.toMatch(/data-silo:|capability-overlap:/);
    const appendix = JSON.stringify(content.appendix);
    expect(appendix).toMatch(/tools\/service\.yaml:2/);
    expect(appendix).toMatch(/isolated-cluster:intercom\+zendesk/);
  });
});

describe('journey matrix', () => {
  it('bands of at most five stages, as even as possible', () => {
    expect(bands([1, 2, 3, 4, 5]).map((b) => b.length)).toEqual([5]);
    expect(bands([1, 2, 3, 4, 5, 6, 7]).map((b) => b.length)).toEqual([4, 3]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), (n) => {
      const items = Array.from({ length: n }, (_, i) => i);
      const out = bands(items);
      expect(out.flat()).toEqual(items);
      for (const b of out) expect(b.length).toBeLessThanOrEqual(5);
      if (out.length) expect(Math.max(...out.map((b) => b.length)) - Math.min(...out.map((b) => b.length))).toBeLessThanOrEqual(1);
    }));
  });

  it('every touchpoint once, in its stage, with its tools classed as the findings say', async () => {
    const { ws, result } = await loadExample('examples/northwind-b2b', 'en');
    const m = journeyMatrix(ws, result, activeTranslator());
    expect(m.map((s) => s.name)).toEqual(ws.stages.map((s) => s.name));
    expect(m.flatMap((s) => s.cards)).toHaveLength(ws.touchpoints.length);
    const chips = m.flatMap((s) => s.cards.flatMap((c) => c.chips));
    expect(chips.find((c) => c.name === 'Salesforce Sales Cloud')?.cls).toBe('hub');
    // An analytics tool's pseudonymous web activity makes no silo (blind review 2, defect 7)
    expect(chips.find((c) => c.name === 'Adobe Analytics')?.cls).toBe('tool');
    expect(chips.find((c) => c.name === 'Intercom')?.cls).toBe('island');
  });
});

describe('report --since', () => {
  it('from an earlier audit.json: level and score then and now, findings resolved and new, initiatives done, savings', async () => {
    const { result } = await loadExample('examples/northwind-b2b', 'en');
    const earlier = JSON.parse(renderJson(result));
    earlier.assessment.level = 'replatform';
    earlier.assessment.score = 41;
    earlier.findings = [...earlier.findings.slice(1), { id: 'orphan-tool:fax', message: 'The fax machine is used by nobody.' }];
    const file = join(TMP, 'earlier.json');
    writeFileSync(file, JSON.stringify(earlier));
    const gong = result.roadmap.initiatives.find((i) => i.saving === 56000)!;
    const now = { ...result, roadmap: { ...result.roadmap, initiatives: result.roadmap.initiatives.map((i) => (i === gong ? { ...i, status: 'done' as const } : i)) } };
    const v = sinceView(readEarlierFile(file, activeTranslator())!, now, activeTranslator());
    expect(v.figures[0]).toEqual(['Level', 'replatform', 'integrate']);
    expect(v.figures[1]).toEqual(['Health score', '41 / 100', '61 / 100']);
    expect(v.resolved).toEqual(['The fax machine is used by nobody.']);
    expect(v.added).toEqual([result.findings[0].message]);
    expect(v.done).toEqual([gong.title]);
    expect(v.realised).toBe('Savings realised: €56,000 a year.');
  });

  it('end to end: the page is in report.md; a bad date or an unreadable file is one clear error', () => {
    const out = join(TMP, 'since');
    const base = join(TMP, 'base.json');
    writeFileSync(base, cli(['analyze', 'examples/startup-no-hub.yaml', '--format', 'json']).stdout);
    const r = cli(['report', 'examples/startup-no-hub.yaml', '--out', out, '--no-render', '--since', base, '--date', '2027-01-15', '--author', 'Jane Doe']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Since the last review');
    expect(md).toContain('Resolved since then (0)');
    expect(md).toContain('Prepared by: Jane Doe · Date: 15 January 2027');
    const bad = cli(['report', 'examples/startup-no-hub.yaml', '--out', join(TMP, 'x'), '--no-render', '--date', '2027-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Not a date: "2027-13-01"/);
    writeFileSync(join(TMP, 'junk.json'), '{"no": "findings"}');
    const junk = cli(['report', 'examples/startup-no-hub.yaml', '--out', join(TMP, 'y'), '--no-render', '--since', join(TMP, 'junk.json')]);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/Cannot compare with/);
    expect(junk.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('report --since <revision>', () => {
  it('compares with the workspace at that commit, as diff does: a cancelled tool resolves its findings and lowers the spend', () => {
    const repo = makeRepo();
    try {
      repo.copy('examples/northwind-b2b', 'audit');
      repo.commit('first review');
      const file = join(repo.dir, 'audit/tools/marketing.yaml');
      const yaml = readFileSync(file, 'utf8');
      const start = yaml.indexOf('  - id: hootsuite');
      const end = yaml.indexOf('\n  - id:', start + 5);
      writeFileSync(file, yaml.slice(0, start) + (end > 0 ? yaml.slice(end + 1) : ''));
      repo.commit('hootsuite cancelled');
      const out = join(TMP, 'since-rev');
      const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/martech-audit.js'), 'report', 'audit', '--out', out, '--no-render', '--since', 'HEAD~1'], {
        cwd: repo.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' }, timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      const page = md.slice(md.indexOf('## Since the last review'), md.indexOf('## 1\\.'));
      expect(page).toMatch(/Compared with HEAD\\~1 \([0-9a-f]{7}\)/);
      expect(page).toContain('| Annual spend | €329,316 | **€328,128** |');
      expect(page).toMatch(/### Resolved since then \([1-9]\d*\)/);
      expect(page).toContain('Hootsuite Professional');
    } finally {
      repo.cleanup();
    }
  });
});

describe('without a browser, the deck is still written and says why it has no pictures', () => {
  it('--pptx with MARTECH_AUDIT_NO_BROWSER', async () => {
    const out = join(TMP, 'deck-nobrowser');
    const r = cli(['report', 'examples/startup-no-hub.yaml', '--out', out, '--pptx', '--date', '2027-01-15'], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/the deck shows their titles only/);
    const deck = await openDeck(join(out, 'report.pptx'));
    expect(deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(deck.media).toBe(0);
    expect(deck.slides.join('\n')).toMatch(/could not be drawn here \(no browser\)/);
  });
});

/** The slides of a .pptx (a zip of XML) as their visible text, in order, and the pictures in it. */
async function openDeck(file: string): Promise<{ slides: string[]; media: number; xml: string[] }> {
  const name = 'jszip';
  const { default: JSZip } = (await import(name)) as { default: any };
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const xml = await Promise.all(names.map((n) => zip.file(n).async('string') as Promise<string>));
  const slides = xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/.+\.png$/.test(n)).length;
  return { slides, media, xml };
}

describe('with Chromium: the PDF, the HTML and the deck as the client gets them', () => {
  const runs = [
    { name: 'northwind', path: 'examples/northwind-b2b', lang: 'en', client: 'Northwind Cloud GmbH' },
    { name: 'sakura', path: 'examples/sakura-retail.yaml', lang: 'ja', client: '株式会社さくら雑貨' },
  ];
  beforeAll(() => {
    requireBrowser();
    for (const r of runs) {
      const res = cli(['report', r.path, '--out', join(TMP, r.name), '--pdf', '--pptx', '--date', '2027-01-15', '--author', 'Jane Doe', '--firm', 'Acme']);
      expect(res.code, res.stderr).toBe(0);
    }
  }, 300_000);

  it.each(runs)('$name: no word of the PDF is set below 8 pt', ({ name }) => {
    const sizes = pdfTextSizes(readFileSync(join(TMP, name, 'report.pdf')));
    expect(sizes.length).toBeGreaterThan(1000);
    expect(new Set(sizes.map((s) => s.page)).size).toBeGreaterThan(10);
    // 7.95: Chromium writes 8 pt text scaled by 0.5 as 15.98 × 0.5.
    const small = sizes.filter((s) => s.size < 7.95);
    expect(small.slice(0, 5).map((s) => `page ${s.page}: ${s.size.toFixed(2)} pt`)).toEqual([]);
  });

  it.each(runs)('$name: the HTML needs no sideways scrolling, wide or narrow', async ({ name }) => {
    const session = await launchBrowser();
    try {
      const page: any = await session.browser.newPage();
      await page.goto(`file://${join(TMP, name, 'report.html')}`, { waitUntil: 'load' });
      for (const width of [1280, 1024]) {
        await page.setViewport({ width, height: 900 });
        const over = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(over, `${width}px`).toBeLessThanOrEqual(0);
      }
      await page.close();
    } finally {
      await session.close();
    }
  }, 60_000);

  it.each(runs)('$name: the deck opens, has its slides with their words, pictures and fonts', async ({ name, lang, client }) => {
    const deck = await openDeck(join(TMP, name, 'report.pptx'));
    expect(deck.slides.length).toBeGreaterThanOrEqual(9);
    // Both examples map the customer's side: the persona lanes, the consent flow and one slide of it.
    expect(deck.slides.length).toBeLessThanOrEqual(17);
    const customer = deck.slides.find((x) => x.includes(lang === 'ja' ? '顧客側: 届いている顧客・同意・パーソナライズ' : 'who we reach, consent, personalization'));
    expect(customer, 'the customer slide').toBeDefined();
    expect(customer).toContain(lang === 'ja' ? '最初の施策' : 'First experiments');
    for (const [i, s] of deck.slides.entries()) expect(s.trim().length, `slide ${i + 1}`).toBeGreaterThan(20);
    expect(deck.slides[0]).toContain(client);
    expect(deck.slides[0]).toContain('Jane Doe');
    // The data flow, the persona lanes and the consent flow are pictures; the roadmap timeline is drawn with shapes and text.
    expect(deck.media).toBeGreaterThanOrEqual(3);
    // Native tables (editable), not pictures of tables: the journey map and the findings.
    expect(deck.xml.filter((x) => x.includes('<a:tbl>')).length).toBeGreaterThanOrEqual(4);
    if (lang === 'ja') {
      expect(deck.xml[1]).toMatch(/typeface="Noto Sans CJK JP"/);
      expect(deck.slides[1]).toContain('エグゼクティブサマリー');
      expect(deck.slides.join('\n')).not.toMatch(/Executive summary|Top findings/);
    } else {
      expect(deck.slides[1]).toContain('Executive summary');
      expect(deck.slides[1]).toContain('€329,316');
    }
  });

  it.each(runs)('$name: the roadmap timeline gives every initiative its whole title, on the page and on the slides', async ({ name, path, lang }) => {
    await initLang(lang as 'en' | 'ja');
    try {
      const { result } = await loadExample(path, lang as 'en' | 'ja');
      const titles = result.roadmap.initiatives.filter((i) => i.status !== 'rejected').map((i) => i.title);
      expect(titles.length).toBeGreaterThan(5);
      const html = readFileSync(join(TMP, name, 'report.html'), 'utf8');
      const figure = /<figure class="diagram timeline"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
      const text = figure.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const deck = (await openDeck(join(TMP, name, 'report.pptx'))).slides.join('\n');
      for (const title of titles) {
        expect(text, title).toContain(title);
        expect(deck, title).toContain(title);
      }
      expect(text).not.toContain('…');
      // (r2) What an initiative phases out is a 'dropped' chip beside it, and the legend says what that chip means.
      const names = new Map(result.inventory.map((x) => [x.id, x.name]));
      const dropped = [...new Set(result.roadmap.initiatives.filter((i) => i.status !== 'rejected').flatMap((i) => i.drop ?? []))];
      expect(dropped.length).toBeGreaterThan(0);
      const chips = [...figure.matchAll(/<span class="chip chip-dropped">([^<]*)<\/span>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
      const legend = (await translator(lang as 'en' | 'ja')).t('deliverable.chip.dropped');
      expect(chips.at(-1)).toBe(legend);
      for (const id of dropped) expect(chips, id).toContain(names.get(id) ?? id);
      expect(deck).toContain(legend);
    } finally {
      await initLang('en');
    }
  });
});

beforeAll(async () => {
  await initLang('en');
});
