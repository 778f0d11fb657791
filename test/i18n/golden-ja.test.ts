// Golden outputs of the Japanese example (examples/sakura-retail.yaml has settings.lang: ja) in
// Japanese: the terminal text of `analyze`, the Markdown report and the HTML report's visible
// text. Reviewed files live in test/golden/ja/; `npm run golden:update -- test/i18n` rewrites
// them (review the diff before committing). Each output is also checked for stray English.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { englishWords, FORMAT_WORDS } from './english-words.js';
import { expectGolden } from '../golden.js';
import { requireBuild } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'martech-audit.js');
const EXAMPLE = 'examples/sakura-retail.yaml';
const START = '2027-01'; // the roadmap starts this month, not "this month": golden output stays stable

const CLEAN_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR|COLUMNS)$/.test(k))),
  TZ: 'UTC',
};

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...CLEAN_ENV, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}


const golden = (name: string, actual: string): void => expectGolden(`ja/${name}`, actual);

// Words the user wrote (tool names such as "kintone", "Shopify Email", ids) are not the product's
// English; neither are ids and paths.
// The built-in catalog's product and vendor names (WhatsApp, Salesforce) are not English either.
const USER_WORDS = new Set(
  [EXAMPLE, 'data/catalog.yaml', 'data/taxonomy.yaml']
    .flatMap((f) => readFileSync(join(ROOT, f), 'utf8').match(/[A-Za-z]{2,}/g) ?? [])
    .filter((w) => /^[A-Z]/.test(w) || !/[A-Z]/.test(w))
    .map((w) => w.toLowerCase()),
);
const PRODUCT_WORDS = new Set(['martech', 'sot', 'crm', 'cdp', 'id']);

/** English the product itself wrote into a Japanese output. */
function strayEnglish(text: string): string[] {
  const found: string[] = [];
  // An id broken at a hyphen by line wrapping ("unmeasured-\n   touchpoint:x") is one id.
  for (const line of text.replace(/([a-z0-9])-\n\s*(?=[a-z0-9])/g, '$1-').split('\n')) {
    const cleaned = line
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/[\w./-]+\.(ya?ml|json|md|html|pdf|svg|png)\b(:\d+(:\d+)?)?/g, ' ') // paths, file:line:col
      .replace(/[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._+-]*/g, ' '); // finding ids
    for (const w of englishWords(cleaned)) {
      const lw = w.toLowerCase();
      if (USER_WORDS.has(lw) || PRODUCT_WORDS.has(lw) || FORMAT_WORDS.has(w)) continue;
      found.push(`${w}  ←  ${line.trim().slice(0, 100)}`);
    }
  }
  return found;
}

/** The text a reader sees in an HTML page: no tags, styles, scripts or comments; entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|section|header|footer|figcaption|caption|dt|dd|ul|ol|details|summary|nav|main|article)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<\/(span|a|label|button)>/gi, ' ') // card label | value, links in a row
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim() + '\n';
}

describe('Japanese golden outputs of examples/sakura-retail.yaml', () => {
  beforeAll(requireBuild);
  it('analyze (text, no colour)', () => {
    const r = cli(['analyze', EXAMPLE, '--no-color', '--start', START]);
    expect([0, 1], r.err).toContain(r.code);
    expect(r.out).toMatch(/^MarTech 監査: 株式会社さくら雑貨/);
    golden('analyze.txt', r.out);
    expect(strayEnglish(r.out)).toEqual([]);
    // Tables line up with full-width text: all lines of one table have the same display width.
    const tables = r.out.split(/\n(?=┌)/).map((chunk) => chunk.split('\n').filter((l) => /^[┌│├└]/.test(l))).filter((t) => t.length);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(new Set(table.map((l) => stringWidth(l))).size, table[0]).toBe(1);
  });

  describe('report', () => {
    let dir = '';
    const files = (): string[] => (dir ? readdirSync(dir, { recursive: true }).map(String) : []);
    const find = (ext: string): string | undefined => files().find((f) => f.endsWith(ext));
    const render = (): void => {
      if (dir) return;
      dir = mkdtempSync(join(tmpdir(), 'martech-ja-'));
      // The built-in renderer: the same pictures with or without Chromium (the visible text
      // leaves SVGs out anyway, and this keeps the run fast and deterministic).
      const r = cli(['report', EXAMPLE, '--out', dir, '--start', START, '--date', '2027-01-15'], { MARTECH_AUDIT_NO_BROWSER: '1' });
      expect(r.code === 0 || r.code === 1, r.err).toBe(true);
    };

    it('report.md', () => {
      render();
      const md = find('.md');
      expect(md, files().join(', ')).toBeDefined();
      const text = readFileSync(join(dir, md!), 'utf8');
      golden('report.md', text);
      expect(strayEnglish(text.replace(/```[\s\S]*?```/g, ''))).toEqual([]);
    });

    it('report.html: lang="ja", a Japanese font stack, and its visible text', () => {
      render();
      const html = find('.html');
      expect(html, files().join(', ')).toBeDefined();
      const page = readFileSync(join(dir, html!), 'utf8');
      expect(page).toMatch(/<html[^>]*\slang="ja"/);
      expect(page).toMatch(/font-family:[^;]*"Noto Sans CJK JP"[^;]*"Noto Sans JP"[^;]*sans-serif/);
      const text = visibleText(page);
      golden('report.html.txt', text);
      expect(strayEnglish(text)).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  });
});
