// Control characters from a workspace never reach a terminal, a CI log or a report raw (issue #11,
// item 8): a newline cannot start a GitHub workflow command, ESC cannot retitle or clear the
// terminal, NUL cannot turn report.md into a binary file, bidi overrides cannot reorder text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { hasUnsafeChars, neutralizeMarkupCommands, neutralizeWorkflowCommands, sanitizeFile, sanitizeJson, sanitizeLine, sanitizeTerminal, sanitizeText } from '../../src/util/sanitize.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/github.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A line that GitHub's runner would read as a command (it trims leading blanks first). */
const COMMAND_LINE = /^\s*(::|##\[)/m;

let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-ctl-')));
  let yaml = readFileSync(join(ROOT, 'examples', 'startup-no-hub.yaml'), 'utf8');
  // YAML escapes: \e ESC, \a BEL, \0 NUL, \u202E RIGHT-TO-LEFT OVERRIDE.
  yaml = yaml.replace('name: Tinkerly Ltd', 'name: "Tink\\e]0;pwned\\a\\e[2J\\u202Eerly\\0 Ltd"');
  yaml = yaml.replace('channel: email', 'channel: "email\\n::error file=x::injected\\n::add-mask::Tinkerly\\n##[error]old"');
  // A touchpoint that a finding names (r2: with no hub, the e-mail drip is no finding of its own).
  yaml = yaml.replace('name: App Store and Google Play reviews', 'name: "Reviews\\n  ::warning::indented"');
  mkdirSync(join(dir, 'ws'));
  writeFileSync(join(dir, 'ws', 'martech-audit.yaml'), yaml);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal and CI log', () => {
  for (const args of [['validate', 'ws'], ['analyze', 'ws'], ['analyze', 'ws', '--format', 'github'], ['analyze', 'ws', '--format', 'json'],
    ['analyze', 'ws', '--format', 'sarif'], ['analyze', 'ws', '--format', 'junit'], ['diagram', 'ws', '--kind', 'journey']]) {
    it(`${args.join(' ')}: no raw controls, no injected workflow command`, () => {
      const r = cli(args, dir);
      expect(r.code === 0 || r.code === 1).toBe(true);
      expect(r.stdout + r.stderr).not.toMatch(RAW);
      expect(r.stderr).not.toMatch(COMMAND_LINE);
      if (args.includes('github')) {
        // Every line is one of ours: a workflow command whose data holds no line break.
        for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(notice|warning|error)[ :]/);
        expect(r.stdout).toContain('Reviews%0A  ::warning::indented');
        expect(r.stdout).toContain('Tink\\u001b]0;pwned\\u0007\\u001b[2J\\u202eerly\\u0000 Ltd');
      } else {
        expect(r.stdout).not.toMatch(COMMAND_LINE);
      }
    });
  }
  it('the same with colour forced: only colour sequences reach the terminal', () => {
    const r = cli(['analyze', 'ws'], dir, { FORCE_COLOR: '1' });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
    expect(r.stdout).toContain('Tink\\u001b]0;pwned');
  });
  it('a baseline file from a pull request: the ids it lists are printed clean', () => {
    const baseline = join(dir, 'baseline.json');
    expect(cli(['analyze', 'ws', '--write-baseline', baseline], dir).code).toBe(0);
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    data.findings.push({ id: 'gone\u001b]0;pwned\u0007\n::add-mask::secret', rule: 'x', severity: 'low', message: 'm' });
    writeFileSync(baseline, JSON.stringify(data));
    const r = cli(['analyze', 'ws', '--baseline', baseline, '--format', 'github'], dir);
    expect(r.stderr).toContain('gone\\u001b]0;pwned');
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(COMMAND_LINE);
  });

  it('a revision name with a line break in an error message', () => {
    const r = cli(['diff', 'x\n::error::boom', 'ws'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(COMMAND_LINE);
  });
});

describe('report files', () => {
  it('report.md, report.html, audit.json, audit.sarif and the diagrams carry no raw controls; JSON keeps the data', () => {
    const r = cli(['report', 'ws', '--out', 'rep', '--no-render'], dir);
    expect(r.code).toBe(0);
    for (const f of ['report.md', 'report.html', 'audit.json', 'audit.sarif', 'diagrams/journey.mmd', 'diagrams/dataflow.mmd']) {
      const text = readFileSync(join(dir, 'rep', f), 'utf8');
      expect(text, f).not.toMatch(RAW);
    }
    // Shown escaped (Markdown also escapes the brackets).
    expect(readFileSync(join(dir, 'rep', 'report.md'), 'utf8')).toContain('# Martech audit: Tink\\u001b\\]0;pwned\\u0007\\u001b\\[2J\\u202eerly\\u0000 Ltd');
    const json = JSON.parse(readFileSync(join(dir, 'rep', 'audit.json'), 'utf8'));
    expect(json.organization).toBe('Tink\u001b]0;pwned\u0007\u001b[2J\u202eerly\u0000 Ltd');
  });

  it('no line of a report file starts a workflow command (a CI step may `cat` it); HTML shows the same text', () => {
    // Without a browser: the diagrams are drawn by the fallback renderer, as SVG files too.
    const r = cli(['report', 'ws', '--out', 'rep-cmd'], dir, { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code).toBe(0);
    for (const f of ['report.md', 'report.html', 'audit.json', 'audit.sarif', 'diagrams/journey.mmd', 'diagrams/dataflow.mmd', 'diagrams/journey.svg']) {
      expect(readFileSync(join(dir, 'rep-cmd', f), 'utf8'), f).not.toMatch(COMMAND_LINE);
    }
    const html = readFileSync(join(dir, 'rep-cmd', 'report.html'), 'utf8');
    // The channel's lines are still there, their first colon a character reference.
    expect(html).toContain('\n&#58;:add-mask::Tinkerly\n&#35;#[error]old');
  });

  it('report.pptx: no raw control character in the deck (invalid in XML: PowerPoint calls the file damaged)', async () => {
    const r = cli(['report', 'ws', '--out', 'rep-deck', '--pptx', '--author', 'Ev\u001b]0;x\u0007'], dir, { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code, r.stderr).toBe(0);
    const name = 'jszip';
    const { default: JSZip } = (await import(name)) as { default: any };
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'rep-deck', 'report.pptx')));
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
    const xml = await Promise.all(parts.map((n) => zip.file(n).async('string') as Promise<string>));
    // The parts end their lines with CR LF: every other control character, and bidi overrides, are out.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    const inXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const [i, x] of xml.entries()) expect(x, parts[i]).not.toMatch(inXml);
    expect(xml.join('')).toContain('Tink\\u001b]0;pwned\\u0007\\u001b[2J\\u202eerly\\u0000 Ltd');
    expect(xml.join('')).toContain('<dc:creator>Ev\\u001b]0;x\\u0007</dc:creator>');
  });

  it('analyze --out and diff --out files: the same protection as the terminal; the github format keeps only its own commands', () => {
    for (const format of ['text', 'junit', 'github']) {
      const out = join(dir, `analyze.${format}`);
      const r = cli(['analyze', 'ws', '--format', format, '--out', out], dir);
      expect(r.code === 0 || r.code === 1).toBe(true);
      const text = readFileSync(out, 'utf8');
      expect(text, format).not.toMatch(RAW);
      if (format === 'github') for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^::(notice|warning|error)[ :]/);
      else expect(text, format).not.toMatch(COMMAND_LINE);
    }
    writeFileSync(join(dir, 'ws2.yaml'), readFileSync(join(dir, 'ws', 'martech-audit.yaml'), 'utf8').replace('Tink', 'Tank'));
    for (const format of ['text', 'markdown']) {
      const out = join(dir, `diff.${format}`);
      const r = cli(['diff', 'ws/martech-audit.yaml', 'ws2.yaml', '--format', format, '--out', out], dir);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, format).not.toMatch(RAW);
      expect(text, format).not.toMatch(COMMAND_LINE);
    }
  });
});

describe('util/sanitize', () => {
  it('escapes visibly, keeps text, line ends and tabs', () => {
    expect(sanitizeText('a\u001b[2Jb\u0007\r\nc\td\u202e\u0085')).toBe('a\\u001b[2Jb\\u0007\nc\td\\u202e\\u0085');
    expect(sanitizeLine('a\nb\tc\rd')).toBe('a\\nb\\tc\\rd');
    expect(sanitizeText('日本語 ✔ é')).toBe('日本語 ✔ é');
  });
  it('keeps colour codes only when asked, and neutralizes command lines', () => {
    expect(sanitizeTerminal('\u001b[31mred\u001b[39m \u001b]0;x\u0007', { keepColor: true })).toBe('\u001b[31mred\u001b[39m \\u001b]0;x\\u0007');
    expect(sanitizeTerminal('\u001b[31mred\u001b[39m')).toBe('\\u001b[31mred\\u001b[39m');
    expect(neutralizeWorkflowCommands('ok\n  ::add-mask::x\n##[error]y\nz ::error::w')).toBe('ok\n  \\::add-mask::x\n\\##[error]y\nz ::error::w');
    expect(neutralizeWorkflowCommands('\u001b[2m ::error::x')).toBe('\u001b[2m \\::error::x');
    expect(sanitizeTerminal('::error::ours', { workflowCommands: true })).toBe('::error::ours');
    // A no-break space is blank to the runner (it trims Unicode white space) and to us.
    expect(neutralizeWorkflowCommands('\u00a0::add-mask::x')).toBe('\u00a0\\::add-mask::x');
  });
  it('markup: the first character of a command line becomes a character reference', () => {
    expect(neutralizeMarkupCommands('<td>a\n  ::add-mask::x\n##[error]y\nz ::error::w</td>')).toBe('<td>a\n  &#58;:add-mask::x\n&#35;#[error]y\nz ::error::w</td>');
    expect(neutralizeMarkupCommands('\u00a0::error::x')).toBe('\u00a0&#58;:error::x');
    expect(sanitizeFile('a\n::error::x\u0007', 'text')).toBe('a\n\\::error::x\\u0007');
    expect(sanitizeFile('::error::ours', 'commands')).toBe('::error::ours');
  });
  it('property: no file of any kind has a raw control or a command line but the github format\'s own', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      for (const kind of ['text', 'markup'] as const) {
        const t = sanitizeFile(s, kind);
        expect(t).not.toMatch(RAW);
        expect(t).not.toMatch(COMMAND_LINE);
      }
    }), { numRuns: 500 });
  });
  it('property: no output has a raw control, a command line, or loses the printable text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const t = sanitizeTerminal(s);
      expect(t).not.toMatch(RAW);
      expect(t).not.toMatch(COMMAND_LINE);
      expect(hasUnsafeChars(sanitizeText(s))).toBe(false);
      expect(sanitizeLine(s)).not.toContain('\n');
      // JSON: the same data after a round trip.
      expect(JSON.parse(sanitizeJson(JSON.stringify(s)))).toBe(s);
    }), { numRuns: 500 });
  });
  it('property: a workflow command carries any value on one line', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, msg) => {
      const line = workflowCommand('error', { file: 'a.yaml', title }, msg);
      expect(line).not.toContain('\n');
      expect(line).not.toContain('\r');
      expect(line).not.toMatch(RAW);
      expect(escapeProperty(title)).not.toMatch(/[:,]/);
      expect(escapeData(msg)).not.toMatch(/[\r\n]/);
    }), { numRuns: 500 });
  });
});
