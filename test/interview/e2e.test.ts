// End to end: the built binary in a real pseudo-terminal (tmux), driven with send-keys and read
// with capture-pane; every wait polls the screen with a timeout, no fixed sleeps. One whole short
// interview, then a second one interrupted with Ctrl-C and resumed; both results pass `validate`
// and match reviewed golden files (`npm run golden:update -- test/interview/e2e.test.ts` rewrites
// them: read the diff first).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync, cpSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGoldenDir } from '../golden.js';
import { requireBuild, requireCommand, SLOW_TEST_TIMEOUT } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The binary runs from a snapshot of the build, so that a rebuild of dist/ meanwhile (several
// people share this tree) cannot pull chunks from under a running interview.
let BIN = join(ROOT, 'bin', 'martech-audit.js');
let snapshot: string | undefined;

function snapshotBuild(): void {
  snapshot = mkdtempSync(join(tmpdir(), 'mta-e2e-build-'));
  for (const d of ['bin', 'dist', 'data', 'schema', 'templates', 'package.json']) {
    if (existsSync(join(ROOT, d))) cpSync(join(ROOT, d), join(snapshot, d), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(snapshot, 'node_modules'), 'dir');
  BIN = join(snapshot, 'bin', 'martech-audit.js');
}
const TMUX = 'tmux';
const SOCKET = `mta-e2e-${process.pid}`;
const TIMEOUT = 60_000; // for one screen to appear: only reached when something is wrong

let work: string;

function tmux(...args: string[]): string {
  return execFileSync(TMUX, ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screenOf(session: string): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', session);
}

class Term {
  constructor(readonly session: string) {}

  static start(session: string, args: string[]): Term {
    const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // The exit code is printed after the program so that the test can read it; the shell then waits.
    const script = `${cmd}; echo "__EXIT=$?"; sleep 3600`;
    tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', '-c', work,
      'env', 'LANG=en_US.UTF-8', 'LC_ALL=', 'CI=', 'NO_COLOR=1', 'TERM=xterm-256color', 'sh', '-c', script);
    return new Term(session);
  }

  screen(): string {
    return screenOf(this.session);
  }

  /** Waits until `pred` holds for the screen (polling), or fails with the screen. */
  async until(pred: (screen: string) => boolean, what: string): Promise<string> {
    const start = Date.now();
    for (;;) {
      const s = this.screen();
      if (pred(s)) return s;
      if (Date.now() - start > TIMEOUT) throw new Error(`timed out waiting for ${what}\n--- screen ---\n${s}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** The prompt waiting for an answer: the last "?" line, with no answered "✔" line after it. */
  static active(screen: string): string {
    const lines = screen.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith('✔')) return '';
      if (lines[i].startsWith('? ')) return lines.slice(i).join('\n');
    }
    return '';
  }

  async prompt(text: string, ...keys: string[]): Promise<void> {
    await this.until((s) => Term.active(s).includes(text), `the prompt "${text}"`);
    this.keys(...keys);
  }

  /** Types a search term, waits for a result, then presses keys. */
  async search(text: string, term: string, shows: string, ...keys: string[]): Promise<void> {
    await this.prompt(text);
    tmux('send-keys', '-t', this.session, '-l', term);
    await this.until((s) => Term.active(s).includes(shows), `"${shows}" in the results`);
    this.keys(...keys);
  }

  /** Named keys (Enter, Down, Space, C-c) or literal text as {text}. */
  keys(...keys: string[]): void {
    for (const k of keys) {
      if (k.startsWith('{') && k.endsWith('}')) tmux('send-keys', '-t', this.session, '-l', k.slice(1, -1));
      else tmux('send-keys', '-t', this.session, k);
    }
  }

  async exit(): Promise<number> {
    const s = await this.until((x) => /__EXIT=\d+/.test(x), 'the program to end');
    return Number(/__EXIT=(\d+)/.exec(s)![1]);
  }

  /** The report is offered when this build has the `report` command: decline it. */
  async declineReport(): Promise<void> {
    const s = await this.until((x) => Term.active(x).includes('Write the report now?') || /__EXIT=\d+/.test(x) || x.includes('Next: `martech-audit validate'), 'the end of the analysis');
    if (Term.active(s).includes('Write the report now?')) this.keys('n', 'Enter');
  }

  kill(): void {
    try {
      tmux('kill-session', '-t', this.session);
    } catch {
      /* already gone */
    }
  }
}

function validate(dir: string): { code: number; out: string } {
  const r = spawnSync(process.execPath, [BIN, 'validate', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

/** The YAML files the interview wrote in `dir`, against the reviewed test/golden/interview/<name>/. */
function golden(dir: string, name: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  expectGoldenDir(`interview/${name}`, Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')])));
}

beforeAll(() => {
  requireBuild();
  snapshotBuild();
});
afterAll(() => {
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
});

describe('interview in a real terminal (tmux)', { timeout: SLOW_TEST_TIMEOUT }, () => {
  beforeAll(() => {
    requireCommand('tmux');
    work = mkdtempSync(join(tmpdir(), 'mta-e2e-'));
    // An idle session keeps the private server up between tests: when the last session ends
    // the server exits, and a new-session racing that exit fails ("server exited unexpectedly").
    tmux('new-session', '-d', '-s', 'keepalive', 'sleep 3600');
  });
  afterAll(() => {
    try {
      execFileSync(TMUX, ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
    } catch {
      /* no server left */
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('a whole short interview writes a valid workspace (golden)', async () => {
    const t = Term.start('full', ['interview', 'acme']);
    try {
      await t.prompt('Start from a spreadsheet of your tools?', 'Enter');
      await t.prompt('Name of the company audited', '{Acme Ltd}', 'Enter');
      await t.prompt('Currency of its costs', 'Enter');
      await t.prompt('Departments', 'Enter');
      await t.prompt('Other departments', 'Enter');
      await t.prompt('Use these stages?', 'Enter');
      await t.prompt('A touchpoint in Awareness', '{Newsletter}', 'Enter');
      await t.prompt('Id for "Newsletter"', 'Enter');
      await t.prompt('Channel of "Newsletter"', 'Enter');
      await t.prompt('responsible for "Newsletter"', 'Enter');
      await t.prompt('in the scope of this audit', 'Enter');
      await t.prompt('live customer data', 'Enter');
      await t.prompt('What data does "Newsletter" capture', 'Enter');
      await t.prompt('Notes', 'Enter');
      await t.prompt('Another touchpoint in Awareness', 'Enter');
      await t.prompt('A touchpoint in Consideration', 'Enter');
      await t.prompt('A touchpoint in Purchase', 'Enter');
      await t.prompt('A touchpoint in Service', '{Support chat}', 'Enter');
      await t.prompt('Id for "Support chat"', 'Enter');
      await t.prompt('Channel of "Support chat"', 'Enter');
      await t.prompt('responsible for "Support chat"', 'Down', 'Down', 'Down', 'Down', 'Enter'); // I don't know
      await t.prompt('in the scope of this audit', 'Enter');
      await t.prompt('live customer data', 'y', 'Enter');
      await t.prompt('What data does "Support chat" capture', 'Enter');
      await t.prompt('Notes', '{Escalations by e-mail}', 'Enter');
      await t.prompt('Another touchpoint in Service', 'Enter');
      await t.prompt('A touchpoint in Loyalty', 'Enter');

      await t.search('Tool used at "Newsletter"', 'mailchimp', 'Mailchimp', 'Enter');
      await t.prompt('Id for "Mailchimp"', 'Enter');
      await t.prompt('owns "Mailchimp"', 'Enter');
      await t.prompt('Status of "Mailchimp"', 'Enter');
      await t.prompt('customer data does "Mailchimp" hold', 'Enter');
      await t.prompt('What does "Mailchimp" cost', '{390/month}', 'Enter');
      await t.prompt('Seats of "Mailchimp"', 'Enter');
      await t.prompt('contract of "Mailchimp" renew', '{2027-03}', 'Enter');
      await t.prompt('source of truth', 'Enter');
      await t.prompt('Tool used at "Newsletter"', 'Enter');
      await t.search('Tool used at "Support chat"', 'interc', 'Intercom', 'Enter');
      await t.prompt('Id for "Intercom"', 'Enter');
      await t.prompt('owns "Intercom"', 'Down', 'Down', 'Enter');
      await t.prompt('Status of "Intercom"', 'Enter');
      await t.prompt('customer data does "Intercom" hold', 'Enter');
      await t.prompt('What does "Intercom" cost', '?', 'Enter');
      await t.prompt('Seats of "Intercom"', '{8/5}', 'Enter');
      await t.prompt('contract of "Intercom" renew', 'Enter');
      await t.prompt('source of truth', 'Enter');
      await t.prompt('Tool used at "Support chat"', 'Enter');
      await t.search('Other tools', 'hubspot smart', 'HubSpot Smart CRM', 'Enter');
      await t.prompt('Id for "HubSpot Smart CRM"', 'C-u', '{hubspot}', 'Enter');
      await t.prompt('owns "HubSpot Smart CRM"', 'Down', 'Enter');
      await t.prompt('Status of "HubSpot Smart CRM"', 'Enter');
      await t.prompt('customer data does "HubSpot Smart CRM" hold', 'Enter');
      await t.prompt('What does "HubSpot Smart CRM" cost', '{0}', 'Enter');
      await t.prompt('Seats of "HubSpot Smart CRM"', 'Enter');
      await t.prompt('source of truth', 'Space', 'Enter');
      await t.prompt('Other tools', 'Enter');
      await t.prompt('Fill in what is missing now?', 'Enter');
      await t.prompt('Anything to change about a tool', 'Enter');

      await t.prompt('Data flows from', 'Down', 'Enter'); // the first tool that reaches no hub
      await t.prompt('sends data to', 'Enter'); // the hub comes first
      await t.prompt('Which data goes from', 'Enter');
      await t.prompt('How does it move?', 'Enter'); // batch
      await t.prompt('How often does it move data', 'Enter'); // every day
      await t.prompt('flow back', 'Enter');
      await t.prompt('Notes', 'Enter');
      await t.prompt('Data flows from', 'Enter'); // done
      // Step 6: the customer's side.
      await t.prompt('Who is the journey for?', '{Subscriber}', 'Enter');
      await t.prompt('Id for "Subscriber"', 'Enter');
      await t.prompt('Which stages does "Subscriber" go through?', 'Enter');
      await t.prompt('Where does the company meet "Subscriber"?', 'Enter');
      await t.prompt('Another persona?', 'Enter');
      await t.prompt('Is "Newsletter" tailored', 'Enter');
      await t.prompt('How fresh must customer data be at "Newsletter"', 'Enter');
      await t.prompt('Is "Support chat" tailored', '?', 'Enter'); // I don't know
      await t.prompt('Is this right for this company?', 'Enter');
      await t.prompt('restricted by a contract or a law', 'Enter');
      await t.declineReport();
      expect(await t.exit()).toBe(0);
      const s = t.screen();
      expect(s).toContain('Audit steps 3-5');
      expect(s).toContain('Saved: martech-audit.yaml, touchpoints.yaml, tools.yaml, integrations.yaml');
      expect(s).not.toMatch(/at \w+ \(.*:\d+:\d+\)/); // no stack trace
    } finally {
      t.kill();
    }
    const dir = join(work, 'acme');
    const v = validate(dir);
    expect(v.code, v.out).toBe(0);
    expect(existsSync(join(dir, '.martech-audit'))).toBe(false);
    golden(dir, 'acme');
  });

  // Issue #15: a whole interview in Japanese with the customer's side (step 6): personas, "?" for a
  // link's frequency, Ctrl-C inside a persona, then --resume; what it wrote validates and audits.
  it('in Japanese: a whole interview with personas, "?" and Ctrl-C in the customer\'s side, then --resume (golden)', async () => {
    const a = Term.start('ja-first', ['interview', 'kaede', '--lang', 'ja']);
    try {
      await a.prompt('ツールの一覧表から始めますか？', 'Enter');
      await a.prompt('監査対象の会社名', '{楓商店}', 'Enter');
      await a.prompt('コストの通貨', 'Enter'); // JPY
      await a.prompt('部署', 'Enter');
      await a.prompt('ほかの部署', 'Enter');
      await a.prompt('このステージを使いますか？', 'Enter');
      await a.prompt('「認知」の顧客接点', '{LINE公式アカウント}', 'Enter');
      await a.prompt('「LINE公式アカウント」の id', 'Enter');
      await a.prompt('「LINE公式アカウント」のチャネル', 'Enter');
      await a.prompt('「LINE公式アカウント」の担当部署', 'Enter');
      await a.prompt('今回の監査の対象範囲内ですか？', 'Enter');
      await a.prompt('リアルタイムの顧客データが必要ですか', 'Enter');
      await a.prompt('「LINE公式アカウント」ではどんなデータが得られますか？', 'Enter');
      await a.prompt('メモ', 'Enter');
      await a.prompt('「認知」のほかの顧客接点', 'Enter');
      for (const stage of ['検討', '購入', '購入後・サポート', '継続・ファン化']) await a.prompt(`「${stage}」の顧客接点`, 'Enter');
      await a.search('「LINE公式アカウント」で使うツール', 'line official', 'LINE公式アカウント', 'Enter');
      await a.prompt('「LINE公式アカウント」の id', 'Enter');
      await a.prompt('「LINE公式アカウント」の担当部署', 'Enter');
      await a.prompt('「LINE公式アカウント」の状況', 'Enter');
      await a.prompt('「LINE公式アカウント」にはどんな顧客データがありますか？', 'Enter');
      await a.prompt('「LINE公式アカウント」のコストは', '{月額5000}', 'Enter');
      await a.prompt('「LINE公式アカウント」のシート数', 'Enter');
      await a.prompt('「LINE公式アカウント」の契約更新', 'Enter');
      await a.prompt('真実の情報源（SoT）', 'Enter');
      await a.prompt('「LINE公式アカウント」で使うツール', 'Enter');
      await a.search('顧客接点で使っていないほかのツール', 'hubspot smart', 'HubSpot Smart CRM', 'Enter');
      await a.prompt('「HubSpot Smart CRM」の id', 'C-u', '{hubspot}', 'Enter');
      await a.prompt('「HubSpot Smart CRM」の担当部署', 'Down', 'Enter');
      await a.prompt('「HubSpot Smart CRM」の状況', 'Enter');
      await a.prompt('「HubSpot Smart CRM」にはどんな顧客データがありますか？', 'Enter');
      await a.prompt('「HubSpot Smart CRM」のコストは', '{0}', 'Enter');
      await a.prompt('「HubSpot Smart CRM」のシート数', 'Enter');
      await a.prompt('真実の情報源（SoT）', 'Space', 'Enter');
      await a.prompt('顧客接点で使っていないほかのツール', 'Enter');
      await a.prompt('ツールの内容', 'Enter');
      await a.prompt('データの送り元', 'Down', 'Enter'); // LINE: it reaches no hub
      await a.prompt('line-official-account のデータの送り先', 'Enter'); // the hub first
      await a.prompt('line-official-account から hubspot へ渡るデータは？', 'Enter');
      await a.prompt('どのように渡りますか？', 'Enter'); // batch
      await a.prompt('line-official-account から hubspot へのデータ連携の頻度は？', '?', 'Enter'); // I don't know: a question
      await a.prompt('双方向', 'Enter');
      await a.prompt('メモ', 'Enter');
      await a.prompt('データの送り元', 'Enter');
      // Step 6, in Japanese: a persona, interrupted where it meets the company.
      await a.until((x) => x.includes('顧客側: ペルソナ・パーソナライズ・データ'), 'the customer step');
      await a.prompt('ジャーニーの対象は誰ですか？', '{常連のお客様}', 'Enter');
      await a.prompt('「常連のお客様」の id', 'C-u', '{regular}', 'Enter');
      await a.prompt('「常連のお客様」が通るステージはどれですか？', 'Down', 'Space', 'Enter'); // not 検討
      await a.prompt('「常連のお客様」と接する顧客接点はどれですか？', 'C-c');
      expect(await a.exit()).toBe(130);
      const s = a.screen();
      expect(s).toContain('中断しました。ここまでの回答は kaede に保存されています。');
      expect(s).toContain('再開するには: martech-audit interview kaede --resume');
      expect(s).not.toMatch(/ExitPromptError|at \w+ \(.*:\d+:\d+\)/);
    } finally {
      a.kill();
    }
    expect(readFileSync(join(work, 'kaede', 'martech-audit.yaml'), 'utf8')).toContain('  - id: regular\n    name: 常連のお客様\n');

    // settings.lang: ja was written: --resume speaks Japanese without --lang.
    const b = Term.start('ja-second', ['interview', 'kaede', '--resume']);
    try {
      await b.prompt('「常連のお客様」が通るステージはどれですか？', 'Enter'); // as answered before Ctrl-C
      await b.prompt('「常連のお客様」と接する顧客接点はどれですか？', 'Enter');
      await b.prompt('ほかのペルソナは？', 'Enter');
      await b.prompt('「LINE公式アカウント」は今', 'Enter');
      await b.prompt('「LINE公式アカウント」で必要な顧客データの鮮度は？', 'Enter');
      await b.prompt('この会社について、これで合っていますか？', 'Enter');
      await b.prompt('契約や法令で利用が制限されているデータはありますか？', 'Enter');
      const end = await b.until((x) => Term.active(x).includes('レポートを今作成しますか？') || /__EXIT=\d+/.test(x), 'the end of the analysis');
      if (Term.active(end).includes('レポートを今作成しますか？')) b.keys('n', 'Enter');
      expect(await b.exit()).toBe(0);
      const s = b.screen();
      expect(s).toContain('監査ステップ 3〜5');
    } finally {
      b.kill();
    }
    const dir = join(work, 'kaede');
    const v = validate(dir);
    expect(v.code, v.out).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'analyze', dir, '--format', 'json', '--fail-on', 'none', '--start', '2027-01'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    const questions = (result.assessment.questions as { about: string; field?: string }[]).map((q) => `${q.about} ${q.field ?? ''}`);
    expect(questions).toContain('integration:line-official-account+hubspot frequency');
    expect(existsSync(join(dir, '.martech-audit'))).toBe(false);
    golden(dir, 'kaede');
  });

  it('a new workspace can start from a spreadsheet of tools, then the interview goes on', async () => {
    const t = Term.start('sheet', ['interview', 'gamma']);
    try {
      await t.prompt('Start from a spreadsheet of your tools?', '{nowhere.csv}', 'Enter');
      await t.until((s) => s.includes('cannot read "nowhere.csv"'), 'the missing file said');
      t.keys('C-u', `{${join(ROOT, 'test', 'fixtures', 'sheets', 'zylo-export.csv')}}`, 'Enter');
      await t.until((s) => s.includes('Imported 9 tools from zylo-export.csv'), 'the import');
      await t.prompt('Is this still right?', 'C-c'); // the organization read from the sheet, to confirm
      expect(await t.exit()).toBe(130);
    } finally {
      t.kill();
    }
    expect(readFileSync(join(work, 'gamma', 'tools.yaml'), 'utf8')).toContain('catalog: salesforce-sales-cloud');
    expect(validate(join(work, 'gamma')).code).toBe(0);
  });

  it('Ctrl-C keeps every answer and says how to resume; --resume continues there (golden)', async () => {
    const a = Term.start('first', ['interview', 'beta']);
    try {
      await a.prompt('Start from a spreadsheet of your tools?', 'Enter');
      await a.prompt('Name of the company audited', '{Beta KK}', 'Enter');
      await a.prompt('Currency of its costs', 'C-u', '{JPY}', 'Enter');
      await a.prompt('Departments', 'Enter');
      await a.prompt('Other departments', '{Customer Success}', 'Enter');
      await a.prompt('Use these stages?', 'Enter');
      await a.prompt('A touchpoint in Awareness', '{Website}', 'Enter');
      await a.prompt('Id for "Website"', 'Enter');
      await a.prompt('Channel of "Website"', 'Enter');
      await a.prompt('responsible for "Website"', 'C-c');
      expect(await a.exit()).toBe(130);
      const s = a.screen();
      expect(s).toContain('Interrupted. Everything answered so far is saved in beta.');
      expect(s).toContain('Continue with: martech-audit interview beta --resume');
      expect(s).not.toMatch(/ExitPromptError|at \w+ \(.*:\d+:\d+\)/);
    } finally {
      a.kill();
    }
    expect(readFileSync(join(work, 'beta', 'touchpoints.yaml'), 'utf8')).toContain('  - id: website\n');
    expect(existsSync(join(work, 'beta', '.martech-audit', 'interview.json'))).toBe(true);

    const b = Term.start('second', ['interview', 'beta', '--resume']);
    try {
      await b.until((s) => s.includes('Audit step 1: touchpoints'), 'the touchpoints step');
      expect(b.screen()).not.toContain('Name of the company audited');
      await b.prompt('responsible for "Website"', 'Enter');
      // The rest of the interrupted entry, notes included.
      await b.prompt('in the scope', 'Enter');
      await b.prompt('live customer data', 'Enter');
      await b.prompt('What data does "Website" capture', 'Enter');
      await b.prompt('Notes', 'Enter');
      await b.prompt('Awareness:', 'Enter'); // next stage
      await b.prompt('A touchpoint in Consideration', 'Enter');
      await b.prompt('A touchpoint in Purchase', 'Enter');
      await b.prompt('A touchpoint in Service', 'Enter');
      await b.prompt('A touchpoint in Loyalty', 'Enter');
      await b.search('Tool used at "Website"', 'wordpr', 'WordPress', 'Enter');
      await b.prompt('Id for "WordPress"', 'Enter');
      await b.prompt('owns "WordPress"', 'Enter');
      await b.prompt('Status of "WordPress"', 'Enter');
      await b.prompt('customer data does "WordPress" hold', 'Enter');
      await b.prompt('What does "WordPress" cost', '{120000}', 'Enter');
      await b.prompt('Seats of "WordPress"', 'Enter');
      await b.prompt('contract of "WordPress" renew', 'Enter');
      await b.prompt('source of truth', 'Enter');
      await b.prompt('Tool used at "Website"', 'Enter');
      await b.prompt('Other tools', 'Enter');
      await b.prompt('Anything to change about a tool', 'Enter');
      // One tool: no integrations to ask; the customer's side.
      await b.prompt('Who is the journey for?', 'Enter');
      await b.prompt('Is "Website" tailored', 'Enter');
      await b.prompt('How fresh must customer data be at "Website"', 'Enter');
      await b.prompt('Is this right for this company?', 'Enter');
      await b.prompt('restricted by a contract or a law', 'Enter');
      await b.declineReport();
      expect(await b.exit()).toBe(0);
    } finally {
      b.kill();
    }
    const dir = join(work, 'beta');
    const v = validate(dir);
    expect(v.code, v.out).toBe(0);
    expect(existsSync(join(dir, '.martech-audit'))).toBe(false);
    golden(dir, 'beta');
  });
});

describe('without a terminal', () => {
  it('exits 2 at once with a pointer to init and validate, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mta-notty-'));
    try {
      const r = spawnSync(process.execPath, [BIN, 'interview', 'x'], {
        cwd: dir, encoding: 'utf8', timeout: 20_000, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', LANG: 'en_US.UTF-8' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('interview needs an interactive terminal');
      expect(r.stderr).toContain('martech-audit init x');
      expect(r.stderr).toContain('martech-audit validate x');
      expect(existsSync(join(dir, 'x'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
