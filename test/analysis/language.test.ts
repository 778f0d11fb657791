// The analysis words everything in the language it is handed (`analyze(ws, { tr })`), whatever the
// process language (initLang) is, and two analyses in two languages in one process do not bleed
// into each other. The reviewed goldens of test/analysis/golden.test.ts are the reference: they
// were made with the process language set to the workspace's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisResult } from '../../src/analysis/analyze.js';
import { audit } from '../../src/api.js';
import { currentLang, initLang, translator, type Lang } from '../../src/i18n/index.js';
import type { Workspace } from '../../src/model/model.js';
import { renderJson } from '../../src/report/json.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { expectGolden } from '../golden.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const START = '2027-01';
const EXAMPLES: { name: string; path: string; lang: Lang }[] = [
  { name: 'northwind-b2b', path: 'examples/northwind-b2b', lang: 'en' },
  { name: 'sakura-retail', path: 'examples/sakura-retail.yaml', lang: 'ja' },
  { name: 'brightwater-pets', path: 'examples/brightwater-pets.yaml', lang: 'en' },
];
const other = (lang: Lang): Lang => (lang === 'en' ? 'ja' : 'en');

function load(path: string): Workspace {
  const r = loadWorkspace(path);
  if (!r.workspace) throw new Error(`${path} does not load: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.workspace;
}

async function analyzeIn(ws: Workspace, path: string, lang: Lang): Promise<AnalysisResult> {
  return analyze(ws, { path, start: START, tr: await translator(lang) });
}

/** Every text the analysis words: finding messages and recommendations, reasons, generated initiative titles, open questions. */
function wordedTexts(r: AnalysisResult): string[] {
  return [
    ...r.findings.flatMap((f) => [f.message, f.recommendation]),
    ...r.assessment.reasons,
    r.assessment.meaning,
    ...r.assessment.scoreBreakdown.map((x) => x.reason),
    ...r.assessment.questions.filter((q) => q.source !== 'workspace').map((q) => q.text),
    ...r.roadmap.initiatives.filter((i) => i.source === 'generated').map((i) => i.title),
  ];
}
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

// Paths as the goldens have them (relative to the repository).
const cwd = process.cwd();
beforeAll(() => process.chdir(ROOT));
afterAll(async () => {
  process.chdir(cwd);
  await initLang('en');
});

describe('the analysis takes its language, not the process language', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.name}: analysed in ${ex.lang} while the process language is ${other(ex.lang)}, it is its reviewed golden`, async () => {
      await initLang(other(ex.lang));
      const result = await analyzeIn(load(ex.path), ex.path, ex.lang);
      expect(currentLang()).toBe(other(ex.lang));
      expectGolden(`analyze/${ex.name}.json`, renderJson(result), { what: `the analysis in ${ex.lang} in a ${other(ex.lang)} process` });
    });
  }

  it('an English workspace analysed in Japanese in an English process is worded in Japanese throughout', async () => {
    await initLang('en');
    const ws = load('examples/northwind-b2b');
    const ja = await analyzeIn(ws, 'examples/northwind-b2b', 'ja');
    const texts = wordedTexts(ja);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((x) => !JAPANESE.test(x))).toEqual([]);
    // The message ids and data are the same in both languages; only the words differ.
    const en = await analyzeIn(ws, 'examples/northwind-b2b', 'en');
    expect(ja.findings.map((f) => [f.id, f.messageId])).toEqual(en.findings.map((f) => [f.id, f.messageId]));
    // (up to the plural variant: English has `.one`, Japanese no grammatical number)
    const stem = (id: string) => id.replace(/\.one$/, '');
    expect(ja.assessment.reasonMessages.map((m) => stem(m.messageId))).toEqual(en.assessment.reasonMessages.map((m) => stem(m.messageId)));
    expect(wordedTexts(en).filter((x) => JAPANESE.test(x))).toEqual([]);
  });

  it('default stage names follow the language of the analysis', async () => {
    await initLang('en');
    const ws = load('examples/startup-no-hub.yaml');
    expect(ws.stages.every((s) => s.loc === undefined)).toBe(true);
    const ja = await analyzeIn(ws, 'x', 'ja');
    const en = await analyzeIn(ws, 'x', 'en');
    expect(ja.stages.map((s) => s.name).filter((n) => !JAPANESE.test(n))).toEqual([]);
    expect(en.stages.map((s) => s.name).filter((n) => JAPANESE.test(n))).toEqual([]);
    expect(ja.assessment.coverage.stages.map((s) => s.name)).toEqual(ja.stages.map((s) => s.name));
  });
});

describe('two analyses in two languages in one process do not bleed into each other', () => {
  it('alternating languages gives each language the same result as alone', async () => {
    await initLang('en');
    const ws = load('examples/brightwater-pets.yaml');
    const [tEn, tJa] = [await translator('en'), await translator('ja')];
    const run = (tr: typeof tEn) => renderJson(analyze(ws, { path: 'b', start: START, tr }));
    const alone = { en: run(tEn), ja: run(tJa) };
    expect(alone.en).not.toBe(alone.ja);
    const interleaved = [run(tJa), run(tEn), run(tJa), run(tEn)];
    expect(interleaved).toEqual([alone.ja, alone.en, alone.ja, alone.en]);
  });

  it('audits in different languages started together each match their goldens', async () => {
    {
      const [sakura, northwind, sakuraEn] = await Promise.all([
        audit('examples/sakura-retail.yaml', { start: START }),
        audit('examples/northwind-b2b', { lang: 'en', start: START }),
        audit('examples/sakura-retail.yaml', { lang: 'en', start: START }),
      ]);
      expectGolden('analyze/sakura-retail.json', renderJson(sakura), { what: 'sakura-retail audited beside an English audit' });
      expectGolden('analyze/northwind-b2b.json', renderJson(northwind), { what: 'northwind-b2b audited beside Japanese audits' });
      expect(sakuraEn.findings.map((f) => f.id)).toEqual(sakura.findings.map((f) => f.id));
      expect(JAPANESE.test(sakura.assessment.meaning)).toBe(true);
      expect(JAPANESE.test(sakuraEn.assessment.meaning)).toBe(false);
    }
  });
});
