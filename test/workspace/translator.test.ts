// The loader words its diagnostics in the language it is handed (LoadSourcesOptions.tr), not in
// the process language: the same diagnostics as a run in that language, whatever the process
// language is, and the process language untouched.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentLang, initLang, translator, type Lang } from '../../src/i18n/index.js';
import { loadFromText } from '../../src/workspace/load.js';
import { RULE_CATALOG } from '../../src/analysis/rules/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'loader');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

/** The diagnostics of a fixture as the process language words them. */
async function inProcessLang(lang: Lang, file: string) {
  await initLang(lang);
  return loadFromText(readFileSync(join(FIXTURES, file), 'utf8'), file, { rules: RULE_CATALOG }).diagnostics;
}

afterAll(() => initLang('en'));

describe('the loader takes its language explicitly', () => {
  it('there are fixtures with diagnostics to word', async () => {
    const worded = await Promise.all(files.map((f) => inProcessLang('en', f)));
    expect(worded.filter((d) => d.length > 0).length).toBeGreaterThan(10);
  });

  for (const [want, process] of [['ja', 'en'], ['en', 'ja']] as const) {
    it.each(files)(`%s: handed ${want} while the process speaks ${process}, it words like a ${want} run`, async (file) => {
      const expected = await inProcessLang(want, file);
      await initLang(process);
      const got = loadFromText(readFileSync(join(FIXTURES, file), 'utf8'), file, { rules: RULE_CATALOG, tr: await translator(want) }).diagnostics;
      expect(got).toEqual(expected);
      expect(currentLang()).toBe(process);
    });
  }

  it('a Japanese diagnostic is in Japanese', async () => {
    await initLang('en');
    const { diagnostics } = loadFromText('version: 1\ntools:\n  - id: a\n    name: A\n    statuss: active\n', 'w.yaml', { tr: await translator('ja') });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
