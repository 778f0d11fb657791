// Every message has an English and a Japanese text with the same {placeholders}, in the same
// area file, and Japanese texts are really translated (not English copies).
import { describe, expect, it } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { en } from '../../src/i18n/en/index.js';
import { ja } from '../../src/i18n/ja/index.js';
import { placeholders } from '../../src/i18n/index.js';
import { englishWords, FORMAT_WORDS, JAPANESE, OPTION_VALUES } from './english-words.js';

const I18N = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'i18n');
const areaFiles = (lang: string): string[] =>
  readdirSync(join(I18N, lang)).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts')).sort();

async function loadArea(lang: string, file: string): Promise<Record<string, string>> {
  const mod = await import(pathToFileURL(join(I18N, lang, file)).href);
  const tables = Object.values(mod).filter((v): v is Record<string, string> => typeof v === 'object' && v !== null);
  expect(tables.length, `${lang}/${file} exports one message table`).toBe(1);
  return tables[0];
}

const diff = (a: Iterable<string>, b: Set<string>): string[] => [...a].filter((k) => !b.has(k)).sort();

describe('message catalogs', () => {
  it('the merged English and Japanese catalogs have the same keys', () => {
    const enKeys = new Set(Object.keys(en));
    const jaKeys = new Set(Object.keys(ja));
    expect(diff(enKeys, jaKeys), 'keys without a Japanese text').toEqual([]);
    expect(diff(jaKeys, enKeys), 'keys without an English text').toEqual([]);
  });

  it('every area file exists in both languages', () => {
    expect(areaFiles('ja')).toEqual(areaFiles('en'));
  });

  it('each area file has the same keys in both languages', async () => {
    const problems: string[] = [];
    for (const file of areaFiles('en')) {
      if (!existsSync(join(I18N, 'ja', file))) {
        problems.push(`ja/${file} is missing`);
        continue;
      }
      const e = await loadArea('en', file);
      const j = await loadArea('ja', file);
      for (const k of diff(Object.keys(e), new Set(Object.keys(j)))) problems.push(`${file}: "${k}" has no Japanese text`);
      for (const k of diff(Object.keys(j), new Set(Object.keys(e)))) problems.push(`${file}: "${k}" has no English text`);
    }
    expect(problems).toEqual([]);
  });

  it('every area file is registered in its language index, and no key is defined by two areas', async () => {
    for (const [lang, merged] of [['en', en], ['ja', ja]] as const) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const file of areaFiles(lang)) {
        for (const k of Object.keys(await loadArea(lang, file))) {
          if (owner.has(k)) clashes.push(`${lang}: "${k}" in ${owner.get(k)} and ${file}`);
          owner.set(k, file);
        }
      }
      expect(clashes).toEqual([]);
      expect(diff(owner.keys(), new Set(Object.keys(merged))), `${lang}: keys of area files missing from ${lang}/index.ts`).toEqual([]);
    }
  });

  it('placeholders are identical in both languages', () => {
    const problems: string[] = [];
    for (const key of Object.keys(en)) {
      if (!(key in ja)) continue;
      const a = placeholders(en[key]).join(',');
      const b = placeholders(ja[key]).join(',');
      if (a !== b) problems.push(`${key}: en {${a}} / ja {${b}}`);
    }
    expect(problems).toEqual([]);
  });

  it('no text is empty', () => {
    const empty = [...Object.entries(en).map(([k, v]) => ['en', k, v]), ...Object.entries(ja).map(([k, v]) => ['ja', k, v])]
      .filter(([, , v]) => typeof v !== 'string' || v.trim() === '')
      .map(([l, k]) => `${l}:${k}`);
    expect(empty).toEqual([]);
  });
});



// Keys whose Japanese text may legitimately equal the English one (ids, symbols, code).
const SAME_AS_ENGLISH_OK = new Set<string>([]);

describe('Japanese texts are translated', () => {
  it('no sentence-like message is a copy of the English text or lacks Japanese', () => {
    const untranslated: string[] = [];
    for (const [key, source] of Object.entries(en)) {
      const target = ja[key];
      if (target === undefined || SAME_AS_ENGLISH_OK.has(key)) continue;
      if (englishWords(source).length === 0) continue; // "id", "{value}", "{where}: {detail}", ...
      if (target === source || (!JAPANESE.test(target) && englishWords(target).length > 0)) untranslated.push(`${key}: ${JSON.stringify(target)}`);
    }
    expect(untranslated).toEqual([]);
  });

  it('the Japanese texts contain no stray English words', () => {
    // Stricter than the test above: catches a half-translated sentence such as "顧客接点 is missing".
    const mixed: string[] = [];
    for (const [key, text] of Object.entries(ja)) {
      const words = englishWords(text)
        .filter((w) => !FORMAT_WORDS.has(w))
        // Help lists the values to type, and a label may give the value it stands for: 重大（critical）.
        .filter((w) => !((/\.(opt|cmd)\b/.test(key) || new RegExp(`（${w}）`).test(text)) && OPTION_VALUES.has(w)))
        .filter((w) => !/^[A-Z][A-Za-z]+$/.test(w) || w.length > 12); // product names: Salesforce, Intercom
      if (words.length) mixed.push(`${key}: ${words.join(' ')}`);
    }
    expect(mixed).toEqual([]);
  });

  it('the heuristic sees English where there is English', () => {
    expect(englishWords('cannot read "{path}": no such file')).toEqual(['cannot', 'read', 'such', 'file']);
    expect(englishWords('{where}: {detail}')).toEqual([]);
    expect(englishWords('`martech-audit validate {path}` で確認')).toEqual([]);
    expect(englishWords('data-silo:intercom の指摘')).toEqual([]);
  });
});
