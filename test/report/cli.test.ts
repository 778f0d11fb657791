// `report` and `diagram` end to end, through the built CLI (npm test builds first): exit codes,
// messages, files, the JSON being the analyze document, and what happens without a browser.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPageCount, pngSize, svgProblems } from './checks.js';
import { expectGolden } from '../golden.js';
import { requireBrowser, requireBuild, SLOW_TEST_TIMEOUT } from '../requirements.js';

// A folder of this run's own: several test runs may share the working tree.
const TMP = mkdtempSync(join(tmpdir(), 'martech-cli-report-'));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/martech-audit.js', ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...env }, timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(requireBuild);
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// Most of these start the CLI, several start Chromium: slow on a loaded machine.
describe('report', { timeout: SLOW_TEST_TIMEOUT }, () => {
  it('without a browser: exit 0, the report is written with simpler pictures, and it says how to get the full ones', () => {
    const out = join(TMP, 'nobrowser');
    const r = cli(['report', 'examples/northwind-b2b', '--out', out], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*audit\.json, audit\.sarif, report\.html, report\.md and 7 diagrams/);
    expect(r.stderr).toMatch(/Drawn without a browser \(MARTECH_AUDIT_NO_BROWSER is set\)/);
    expect(r.stderr).toMatch(/Unset MARTECH_AUDIT_NO_BROWSER/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'diagrams/journey.svg'))).toBe(true);
  });

  it('--pdf without a browser: everything else is written, exit 2 with the reason', () => {
    const out = join(TMP, 'nopdf');
    const r = cli(['report', 'examples/startup-no-hub.yaml', '--out', out, '--pdf'], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report\.pdf was not written/);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  });

  it('--fail-on sets exit 1 after writing; without it the report exits 0', () => {
    const out = join(TMP, 'failon');
    const r = cli(['report', 'examples/northwind-b2b', '--out', out, '--no-render', '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at or above "high"/);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  });

  it('an unknown --fail-on says what analyze says (exit 2), not "unknown format"', () => {
    const r = cli(['report', 'examples/northwind-b2b', '--out', join(TMP, 'badfail'), '--no-render', '--fail-on', 'huge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail-on must be one of .*"huge"/);
    expect(r.stderr).not.toMatch(/format/);
    expect(existsSync(join(TMP, 'badfail'))).toBe(false);
  });

  it('refuses to overwrite a folder that is not a report (exit 2, one line)', () => {
    const r = cli(['report', 'examples/northwind-b2b', '--out', 'examples', '--no-render']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/will not write the report into "examples"/);
  });

  it('--lang picks the language of the page too: an English workspace reported in Japanese is <html lang="ja">', () => {
    const out = join(TMP, 'lang-ja');
    const r = cli(['report', 'examples/northwind-b2b', '--out', out, '--no-render', '--lang', 'ja']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('ステージ別の顧客接点');
  });

  it('with Chromium: audit.json is exactly `analyze --format json`; the PDF is printed', () => {
    requireBrowser();
    const out = join(TMP, 'full');
    const r = cli(['report', 'examples/northwind-b2b', '--out', out, '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const analyzed = cli(['analyze', 'examples/northwind-b2b', '--format', 'json']);
    expect(readFileSync(join(out, 'audit.json'), 'utf8')).toBe(analyzed.stdout);
    expect(pdfPageCount(join(out, 'report.pdf'))).toBeGreaterThanOrEqual(5);
  });

  it('Japanese workspace: Japanese report and pictures', () => {
    requireBrowser();
    const out = join(TMP, 'ja');
    const r = cli(['report', 'examples/sakura-retail.yaml', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('ステージ別の顧客接点');
    // The pictures are Japanese; their legends sit beside them on the page (the .mmd keeps its own).
    expect(readFileSync(join(out, 'diagrams/journey.svg'), 'utf8')).toContain('認知');
    expect(readFileSync(join(out, 'diagrams/journey.mmd'), 'utf8')).toContain('凡例');
    expect(html).toMatch(/<ul class="dg-legend">.*顧客データのハブ/);
  });
});

describe('diagram', { timeout: SLOW_TEST_TIMEOUT }, () => {
  it('--out into a path it cannot write: the error only, no notes about a diagram that was never written', () => {
    const file = join(TMP, 'afile');
    writeFileSync(file, 'not a folder');
    const r = cli(['diagram', 'examples/northwind-b2b', '--kind', 'dataflow', '--out', join(file, 'j.mmd')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write/);
    // after a successful write, the notes do come (after the diagram)
    const ok = cli(['diagram', 'examples/northwind-b2b', '--kind', 'dataflow', '--out', join(TMP, 'j.mmd')]);
    expect(ok.code).toBe(0);
    expect(ok.stderr.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('prints Mermaid text by default', () => {
    const r = cli(['diagram', 'examples/northwind-b2b', '--kind', 'journey']);
    expect(r.code, r.stderr).toBe(0);
    expectGolden('diagrams/northwind-b2b/journey.mmd', r.stdout, { what: '`diagram journey`' });
  });

  it('rejects a bad kind and a binary format without --out (exit 2)', () => {
    const bad = cli(['diagram', 'examples/northwind-b2b', '--kind', 'sankey']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown or missing diagram kind "sankey"; use --kind with one of journey, dataflow/);
    const png = cli(['diagram', 'examples/northwind-b2b', '--kind', 'roadmap', '--format', 'png']);
    expect(png.code).toBe(2);
    expect(png.stderr).toMatch(/--out/);
  });

  it('without a browser: an SVG is still drawn; PNG needs the browser (exit 2, how to fix)', async () => {
    const svgFile = join(TMP, 'dataflow-fallback.svg');
    const ok = cli(['diagram', 'examples/northwind-b2b', '--kind', 'dataflow', '--out', svgFile], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/Drawn without a browser/);
    expect(await svgProblems(readFileSync(svgFile, 'utf8').replace(/^<\?xml[^>]*>\n/, ''), 'mad-dataflow')).toEqual([]);
    const gantt = cli(['diagram', 'examples/northwind-b2b', '--kind', 'roadmap', '--out', join(TMP, 'r.svg')], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(gantt.code, gantt.stderr).toBe(0);
    expect(await svgProblems(readFileSync(join(TMP, 'r.svg'), 'utf8').replace(/^<\?xml[^>]*>\n/, ''), 'mad-roadmap')).toEqual([]);
    const no = cli(['diagram', 'examples/northwind-b2b', '--kind', 'roadmap', '--out', join(TMP, 'r.png')], { MARTECH_AUDIT_NO_BROWSER: '1' });
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/cannot draw png: MARTECH_AUDIT_NO_BROWSER is set/);
    expect(no.stderr).toMatch(/Unset MARTECH_AUDIT_NO_BROWSER/);
  });

  it('renders SVG, PNG and PDF with Chromium', async () => {
    requireBrowser();
    const svg = join(TMP, 'journey.svg');
    const png = join(TMP, 'portfolio.png');
    const pdf = join(TMP, 'roadmap.pdf');
    expect(cli(['diagram', 'examples/northwind-b2b', '--kind', 'journey', '--out', svg]).code).toBe(0);
    expect(await svgProblems(readFileSync(svg, 'utf8').replace(/^<\?xml[^>]*>\n/, ''), 'mad-journey')).toEqual([]);
    expect(cli(['diagram', 'examples/northwind-b2b', '--kind', 'portfolio', '--out', png, '--scale', '1']).code).toBe(0);
    expect(pngSize(readFileSync(png)).width).toBeGreaterThan(700);
    expect(cli(['diagram', 'examples/sakura-retail.yaml', '--kind', 'roadmap', '--format', 'pdf', '--out', pdf]).code).toBe(0);
    expect(pdfPageCount(pdf)).toBe(1);
  });
});
