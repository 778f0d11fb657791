// Which language a run speaks: --lang > settings.lang > LC_ALL > LC_MESSAGES > LANG, and the
// command line's own words (help, commander errors) in Japanese.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLang, localeLang, resolveLang, placeholders, format, list, setMessages, t } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en/index.js';
import { ja } from '../../src/i18n/ja/index.js';
import { translateCommanderError, wrapText } from '../../src/cli/commander-i18n.js';
import { englishWords, FORMAT_WORDS, OPTION_VALUES } from './english-words.js';
import stringWidth from 'string-width';
import { requireBuild } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'martech-audit.js');
const FIX = join(ROOT, 'test', 'fixtures', 'i18n');

describe('language detection', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; empty counts as unset', () => {
    expect(localeLang({})).toBe('en');
    expect(localeLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(localeLang({ LANG: 'ja' })).toBe('ja');
    expect(localeLang({ LANG: 'ja-JP' })).toBe('ja');
    expect(localeLang({ LANG: 'ja_JP.eucJP' })).toBe('ja');
    expect(localeLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeLang({ LANG: 'jam' })).toBe('en');
    expect(localeLang({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(localeLang({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeLang({ LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(localeLang({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeLang({ LC_ALL: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });

  it('puts the flag first, then settings.lang, then the locale', () => {
    const jaEnv = { LANG: 'ja_JP.UTF-8' };
    const enEnv = { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' };
    expect(resolveLang({ flag: 'en', setting: 'ja', env: jaEnv })).toBe('en');
    expect(resolveLang({ flag: 'ja', setting: 'en', env: enEnv })).toBe('ja');
    expect(resolveLang({ setting: 'ja', env: enEnv })).toBe('ja');
    expect(resolveLang({ setting: 'en', env: jaEnv })).toBe('en');
    expect(resolveLang({ env: jaEnv })).toBe('ja');
    expect(resolveLang({ env: enEnv })).toBe('en');
    expect(resolveLang({ flag: 'xx', env: jaEnv })).toBe('ja');
    expect(detectLang('ja', {})).toBe('ja');
    expect(detectLang(undefined, jaEnv)).toBe('ja');
  });
});

describe('lookup', () => {
  it('formats placeholders and lists per language, falling back to English then the key', () => {
    expect(placeholders('{b} and {a} and {b}')).toEqual(['a', 'b']);
    expect(format('{n} 件', { n: 3 })).toBe('3 件');
    setMessages('ja', ja);
    expect(t('validate.failed', { errors: 2, warnings: 0 })).toBe('エラー 2 件、警告 0 件。');
    expect(list(['a', 'b', 'c'])).toBe('a、b、c');
    expect(t('no.such.key')).toBe('no.such.key');
    setMessages('en', en);
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('commander texts in Japanese', () => {
  it('translates every error commander 14 can print', () => {
    setMessages('ja', ja);
    try {
      const cases: [string, RegExp][] = [
        ["error: unknown option '--bogus'\n", /^エラー: 不明なオプション「--bogus」です\n$/],
        ["error: unknown option '--stict'\n(Did you mean --strict?)\n", /^エラー: 不明なオプション「--stict」です\n（もしかして --strict ですか？）\n$/],
        ["error: unknown command 'valdate'\n(Did you mean validate?)\n", /^エラー: 不明なコマンド「valdate」です\n（もしかして validate ですか？）/],
        ["error: unknown command 'x'\n(Did you mean one of a, b?)\n", /次のいずれかですか？ a, b/],
        ["error: missing required argument 'path'\n", /必須の引数「path」がありません/],
        ["error: option '--limit <n>' argument missing\n", /オプション「--limit <n>」に値を指定してください/],
        ["error: required option '--out <dir>' not specified\n", /必須のオプション「--out <dir>」/],
        ["error: option '--a' cannot be used with environment variable 'B'\n", /オプション「--a」と環境変数「B」は同時に指定できません/],
        ["error: too many arguments. Expected 0 arguments but got 1.\n", /引数が多すぎます。引数は 0 個までですが、1 個/],
        ["error: too many arguments for 'validate'. Expected 1 argument but got 2.\n", /「validate」の引数が多すぎます/],
        ["error: option '--lang <lang>' argument 'xx' is invalid. Allowed choices are en, ja.\n", /^エラー: オプション「--lang <lang>」の値「xx」は使えません。指定できる値: en, ja。\n$/],
        ["error: command-argument value 'q' is invalid for argument 'kind'. Allowed choices are a, b.\n", /引数「kind」の値「q」は使えません。指定できる値: a, b。/],
        ["error: option '--x <v>' value 'q' from env 'X' is invalid.\n", /環境変数 X/],
      ];
      for (const [input, expected] of cases) {
        const out = translateCommanderError(input);
        expect(out).toMatch(expected);
        const named = new Set([...input.matchAll(/'([^']*)'|(?:Did you mean (?:one of )?)([^?]+)\?/g)].flatMap((m) => (m[1] ?? m[2]).split(/[^\w-]+/)));
        const left = englishWords(out.replace(/「[^」]*」/g, ' ')).filter((w) => !FORMAT_WORDS.has(w) && !named.has(w));
        expect(left, out).toEqual([]);
      }
      expect(translateCommanderError('something else\n')).toBe('something else\n');
    } finally {
      setMessages('en', en);
    }
  });

  it('wraps Japanese help text by display width without breaking before punctuation', () => {
    const text = 'ワークスペースを読み込み、すべての問題をファイル:行:列、該当箇所の抜粋、修正案とともに一度に表示します。警告だけなら検証は成功します（--strict 指定時を除く）。';
    const wrapped = wrapText(text, 40).split('\n');
    for (const line of wrapped) {
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[、。）]/);
      expect(line).not.toMatch(/（$/);
    }
    expect(wrapped.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(wrapText('print the JSON Schema of the workspace format', 20)).toBe('print the JSON\nSchema of the\nworkspace format');
  });
});

// ---- end to end: the built CLI ----------------------------------------------------------------

const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR)$/.test(k)),
);

function run(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...CLEAN_ENV, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** English left in a Japanese help screen, ignoring usage syntax, flags, examples and ids. */
function englishInHelp(help: string): string[] {
  const words: string[] = [];
  for (const raw of help.split('\n')) {
    if (/^\s+\$ /.test(raw)) continue; // example command lines
    if (raw.startsWith('使い方: ')) continue; // usage syntax: command and argument names
    const line = raw
      .replace(/^(\s*)((-\w, )?--?[\w-]+( <[\w-]+>| \[[\w-]+\])?)(?=\s{2}|$)/, '$1') // option term
      .replace(/<[\w-]+>|\[[\w-]+\]/g, ' ') // <lang>, [path]
      .replace(/"[^"]*"/g, ' ') // "text", "json" choices and defaults
      .replace(/\bmartech-audit\b/g, ' ');
    const cmdTerm = /^\s{2}([a-z-]+)(?=\s)/.exec(line);
    words.push(...englishWords(cmdTerm ? line.replace(cmdTerm[1], ' ') : line).filter((w) => !FORMAT_WORDS.has(w) && !OPTION_VALUES.has(w)));
  }
  return words;
}

describe('the CLI in Japanese (needs npm run build)', () => {
  beforeAll(requireBuild);
  it('rejects an unknown --lang with exit 2, before or after the command', () => {
    for (const args of [['--lang', 'xx', 'validate', 'examples/sakura-retail.yaml'], ['validate', 'examples/sakura-retail.yaml', '--lang', 'xx'], ['--lang=xx', '--help']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/xx/);
      expect(r.err).toMatch(/en, ja/);
    }
    const ja = run(['--lang', 'xx', 'validate'], { LANG: 'ja_JP.UTF-8' });
    expect(ja.code).toBe(2);
    expect(ja.err).toMatch(/^エラー: オプション「--lang <lang>」の値「xx」は使えません。指定できる値: en, ja。/);
  });

  it('`--help --lang ja` and `LANG=ja_JP.UTF-8 --help` show the same Japanese help', () => {
    const a = run(['--help', '--lang', 'ja']);
    const b = run(['--help'], { LANG: 'ja_JP.UTF-8' });
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toMatch(/^使い方: martech-audit \[オプション\] \[コマンド\]/);
    for (const heading of ['オプション:', 'コマンド:', '使用例:']) expect(a.out).toContain(heading);
    expect(englishInHelp(a.out)).toEqual([]);
    expect(run(['--help'], { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }).out).toMatch(/^Usage: /);
    expect(run(['--help'], { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }).out).toMatch(/^使い方: /);
  });

  it('every command\'s help is Japanese, with aligned columns', () => {
    const top = run(['--help', '--lang', 'ja']).out;
    const section = top.split('コマンド:\n')[1].split('\n\n')[0];
    const commands = section.split('\n').map((l) => /^\s{2}([a-z-]+)/.exec(l)?.[1]).filter((c): c is string => !!c && c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const cmd of commands) {
      const r = run([cmd, '--help', '--lang', 'ja']);
      expect(r.code, cmd).toBe(0);
      expect(r.out, cmd).toMatch(new RegExp(`^使い方: martech-audit ${cmd}`));
      for (const english of ['Usage:', 'Options:', 'Arguments:', 'Commands:', 'Global Options:', 'default:', 'choices:', 'display help']) {
        expect(r.out, `${cmd}: ${english}`).not.toContain(english);
      }
      expect(englishInHelp(r.out), cmd).toEqual([]);
      for (const line of r.out.split('\n')) expect(stringWidth(line), `${cmd}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('commander errors are Japanese and exit 2, also inside a command', () => {
    const unknownCmd = run(['valdate'], { LANG: 'ja_JP.UTF-8' });
    expect(unknownCmd.code).toBe(2);
    expect(unknownCmd.err).toContain('エラー: 不明なコマンド「valdate」です');
    expect(unknownCmd.err).toContain('もしかして validate ですか？');
    const unknownOpt = run(['validate', '--stict', '--lang', 'ja']);
    expect(unknownOpt.code).toBe(2);
    expect(unknownOpt.err).toContain('不明なオプション「--stict」');
    expect(unknownOpt.err).toContain('`martech-audit validate --help`');
    const badChoice = run(['validate', '--format', 'xml', '--lang', 'ja']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.err).toContain('指定できる値: text, json');
  });

  it('settings.lang: ja makes validation errors Japanese even when the workspace is broken', () => {
    const r = run(['validate', join(FIX, 'broken-ja.yaml')], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('エラー');
    expect(r.out).toContain('もしかして「category」ですか？');
    expect(r.out).not.toMatch(/\berror\b|did you mean/);
    const flag = run(['validate', join(FIX, 'broken-ja.yaml'), '--lang', 'en'], { LANG: 'ja_JP.UTF-8' });
    expect(flag.out).toContain('did you mean "category"?');
    const en = run(['validate', join(FIX, 'broken-en.yaml')], { LANG: 'ja_JP.UTF-8' });
    expect(en.out).toContain('did you mean "category"?');
    const ok = run(['validate', join(FIX, 'valid-ja.yaml')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/に問題はありません: ファイル 1 件、ツール 1 件、顧客接点 1 件、連携 0 件。/);
  });
});
