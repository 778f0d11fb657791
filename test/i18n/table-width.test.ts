// Tables with full-width (Japanese) text stay aligned in the terminal: every line of a rendered
// table has the same display width, and Japanese cells wrap instead of being cut off with "…".
import { beforeAll, describe, expect, it } from 'vitest';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapText } from '../../src/util/wrap.js';
import { requireBuild } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function widths(rendered: string): number[] {
  return [...new Set(rendered.split('\n').filter((l) => l.length).map((l) => stringWidth(l)))];
}

const ROWS = [
  ['data-silo:line-official-account', 'データのサイロ化', '高', 'LINE公式アカウント は顧客データ（LINE友だち、クーポン利用）を持っていますが、どのハブにもつながっていません。'],
  ['capability-overlap:email-marketing', '機能の重複', '中', '3 つのツールが同じ機能（メール配信）を担っています: blastmail、Shopify Email、HubSpot。年間 ¥1,440,000。'],
  ['orphan-tool:x', 'Orphan tool', 'low', 'mixed English and 日本語 text, with ＡＢＣ full-width letters and ｶﾀｶﾅ half-width kana'],
];

describe('cli-table3 with Japanese cells', () => {
  it('keeps every line the same display width (fixed columns, word wrap)', () => {
    const table = new Table({ head: ['id', 'ルール', '重大度', 'メッセージ'], style: { head: [], border: [] }, wordWrap: true, colWidths: [24, 18, 8, 40] });
    const w = [22, 16, 6, 38];
    for (const r of ROWS) table.push(r.map((cell, i) => wrapText(cell, w[i], { hard: true })));
    const out = table.toString();
    expect(widths(out)).toEqual([24 + 18 + 8 + 40 + 5]);
    expect(out).not.toContain('…');
    expect(out.replace(/[│\s]/g, '')).toContain('どのハブにもつながっていません');
  });

  it('keeps every line the same display width (automatic columns)', () => {
    const table = new Table({ head: ['ツール', '年間コスト', '状態'], style: { head: [], border: [] } });
    table.push(['スマレジ', '¥360,000', '稼働中'], ['blastmail', '¥96,000', 'パイロット運用'], ['Shopify Email', '不明', '廃止予定']);
    expect(widths(table.toString())).toHaveLength(1);
  });

  it('wrapText never exceeds the width, even for long ids, and loses no text', () => {
    for (const [, , , text] of ROWS) {
      for (const w of [10, 20, 38]) {
        const lines = wrapText(text, w, { hard: true }).split('\n');
        for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(w);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    }
    expect(wrapText('capability-overlap:email-marketing', 10, { hard: true }).split('\n').every((l) => stringWidth(l) <= 10)).toBe(true);
  });
});

describe('the CLI\'s tables in Japanese', () => {
  beforeAll(requireBuild);
  it('`catalog` lines up and wraps Japanese names instead of cutting them', () => {
    for (const args of [['catalog', 'line'], ['catalog', '--capabilities'], ['catalog', '--categories']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'martech-audit.js'), ...args, '--lang', 'ja'], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const tableLines = r.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(tableLines.length).toBeGreaterThan(3);
      expect(widths(tableLines.join('\n')), args.join(' ')).toHaveLength(1);
      expect(r.stdout, args.join(' ')).not.toMatch(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]…/u);
    }
  });
});
