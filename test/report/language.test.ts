// The renderers word in the language they are handed (a Translator), not in the process language
// that initLang() sets (issue #13, "language at the edge"; CONTRIBUTING.md, "Language"): a report
// or a diagram in Japanese while the process speaks English is the same as one made in a Japanese
// process, and renders in two languages in one process do not bleed into each other.
import { afterAll, describe, expect, it } from 'vitest';
import { initLang, translator, type Lang, type Translator } from '../../src/i18n/index.js';
import { reportContent } from '../../src/report/content.js';
import { mdText, renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { renderText } from '../../src/report/text.js';
import { renderSarif } from '../../src/report/sarif.js';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { buildTables } from '../../src/export/tables.js';
import { expectGolden } from '../golden.js';
import { loadExample, TODAY, type Loaded } from '../diagrams/helpers.js';

const COVER = { date: '2027-01-15', author: 'Jane Doe', firm: 'Acme Consulting' };

/** Everything the renderers make of one audit in the language of `tr` (no browser: pictures are left out). */
function renderAll({ ws, result }: Loaded, tr: Translator) {
  const diagrams = buildDiagrams(ws, result, { tr, today: TODAY });
  const content = reportContent(ws, result, { tr, version: '0.0.0-test', cover: COVER });
  return {
    md: renderMarkdown(content, diagrams, tr),
    html: renderHtml(content, diagrams, new Map(), { tr, json: '{}' }),
    text: renderText(result, { tr, width: 80 }),
    sarif: renderSarif(result, { tr, version: '0.0.0-test' }),
    sheets: JSON.stringify(buildTables(ws, result, tr)),
    diagrams: Object.fromEntries(diagrams.map((d) => [d.kind, d])),
  };
}

/** An example analysed in `lang` (the process language while it is analysed: the analysis still reads it). */
async function analysed(path: string, lang: Lang): Promise<Loaded> {
  return loadExample(path, lang);
}

afterAll(() => initLang('en'));

describe('renderers take their language, not the process language', () => {
  it.each([
    // sakura-retail names its own stages; northwind-b2b uses the default stages and the built-in data types.
    { name: 'sakura-retail', path: 'examples/sakura-retail.yaml' },
    { name: 'northwind-b2b', path: 'examples/northwind-b2b' },
  ])('$name in Japanese while the process speaks English is the Japanese of a Japanese process', async ({ path }) => {
    const audit = await analysed(path, 'ja');
    const ja = await translator('ja');
    const inJapanese = renderAll(audit, ja);
    await initLang('en');
    const inEnglishProcess = renderAll(audit, ja);
    expect(inEnglishProcess).toEqual(inJapanese);

    const en = await translator('en');
    expect(inEnglishProcess.html).toContain('<html lang="ja">');
    expect(inEnglishProcess.html).toContain(`<h2 id="h-touchpoints">${ja.t('report.step1')}</h2>`);
    expect(inEnglishProcess.html).not.toContain(`>${en.t('report.step1')}<`);
    expect(inEnglishProcess.md).toContain(`## ${mdText(ja.t('report.step2'))}`);
    expect(inEnglishProcess.text).toContain(ja.t('text.step4'));
    expect(inEnglishProcess.diagrams.journey.title).toBe(ja.t('diagram.kind.journey'));
    expect(inEnglishProcess.diagrams.journey.source).toContain(`accTitle: ${ja.t('diagram.kind.journey')}`);
  });

  it('the default stages and the built-in data types are named in the language handed, not the one the workspace was loaded in', async () => {
    const audit = await analysed('examples/northwind-b2b', 'en');
    const ja = await translator('ja');
    const { md, diagrams } = renderAll(audit, ja);
    // The journey's frames and the report's stage column: 認知 (awareness), not "Awareness".
    expect(diagrams.journey.source).toContain(`1. ${ja.t('stage.awareness')}`);
    expect(diagrams.journey.source).not.toContain('1. Awareness');
    expect(md).toContain(`**${ja.t('stage.awareness')}**`);
    expect(md).toContain(ja.dataTypeName('contact-profile'));
  });

  it('two renders in different languages in one process do not bleed: each is its golden file', async () => {
    const sakura = await analysed('examples/sakura-retail.yaml', 'ja');
    const northwind = await analysed('examples/northwind-b2b', 'en');
    const [ja, en] = [await translator('ja'), await translator('en')];
    // Interleaved, under both process languages.
    for (const processLang of ['en', 'ja'] as const) {
      await initLang(processLang);
      const a = renderAll(sakura, ja);
      const b = renderAll(northwind, en);
      const c = renderAll(sakura, ja);
      expectGolden('report/sakura-retail/report.md', a.md);
      expectGolden('report/northwind-b2b/report.md', b.md);
      for (const kind of Object.keys(a.diagrams)) expectGolden(`diagrams/sakura-retail/${kind}.mmd`, a.diagrams[kind].source);
      for (const kind of Object.keys(b.diagrams)) expectGolden(`diagrams/northwind-b2b/${kind}.mmd`, b.diagrams[kind].source);
      expect(c).toEqual(a);
      expect(b.html).toContain('<html lang="en">');
      expect(a.html).toContain('<html lang="ja">');
    }
  });
});
