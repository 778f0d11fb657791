// A large stack (1,000 tools, 500 touchpoints, 2,000 integrations, from scripts/gen-workspace.mjs):
// report.md and report.html summarise their long tables (report/summarise.ts) while audit.json and
// audit.sarif keep every finding; the examples' reports are unchanged (their goldens).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../../src/report/write-report.js';
import { ROWS_SHOWN } from '../../src/report/summarise.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { renderSarif, renderSarifChunks } from '../../src/report/sarif.js';
import { loadExample, TODAY, type Loaded } from '../diagrams/helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';

const base = mkdtempSync(join(tmpdir(), 'martech-large-report-'));
const WS = join(base, 'ws-1000');
const OUT = join(base, 'report');
let big: Loaded;

beforeAll(async () => {
  const r = spawnSync(process.execPath, ['scripts/gen-workspace.mjs', '--tools', '1000', '--touchpoints', '500', '--integrations', '2000', '--out', WS], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  big = await loadExample(WS, 'en');
  await writeReport(big.ws, big.result, { tr: activeTranslator(), outDir: OUT, render: false, pptx: true, version: 't', today: TODAY });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The rows of each Markdown table, by the heading above it. */
function mdTables(md: string): { rows: number; more?: string }[] {
  const out: { rows: number; more?: string }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('| ---') && !/^\| [-: |]+\|$/.test(lines[i])) continue;
    let n = 0;
    let j = i + 1;
    for (; j < lines.length && lines[j].startsWith('|'); j++) n++;
    const more = lines[j + 1]?.startsWith('_Showing ') ? lines[j + 1] : undefined;
    out.push({ rows: n, ...(more ? { more } : {}) });
    i = j;
  }
  return out;
}

/** The visible text of each slide of a .pptx (a zip of XML), in order. */
async function deckSlides(file: string): Promise<string[]> {
  const name = 'jszip';
  const { default: JSZip } = (await import(name)) as { default: any };
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const xml: string[] = await Promise.all(names.map((n) => zip.file(n).async('string')));
  return xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '));
}

describe('the report of a 1,000-tool stack', () => {
  it('the deck stays a deck: the journey map and the timeline show the first cards and rows and say how many more', async () => {
    const slides = await deckSlides(join(OUT, 'report.pptx'));
    // 1,000 tools once made 120 slides (91 of them the timeline continued).
    expect(slides.length).toBeLessThanOrEqual(20);
    const journey = slides.filter((s) => s.startsWith('Journey map'));
    expect(journey.length).toBe(2);
    const timeline = slides.filter((s) => s.startsWith('Roadmap: the timeline'));
    // Every phase shows at most 12 rows and counts the rest: shown + more = the phase's initiatives.
    const text = timeline.join(' ');
    const more = [...text.matchAll(/… and ([\d,]+) more/g)].map((m) => Number(m[1].replace(/,/g, '')));
    const phases = [1, 2, 3].map((p) => big.result.roadmap.initiatives.filter((i) => i.phase === p).length).filter((n) => n > 0);
    expect(more).toEqual(phases.filter((n) => n > 12).map((n) => n - 12));
    // The journey map's last row counts each crowded stage's remaining touchpoints.
    expect(journey[1]).toMatch(/… and [\d,]+ more/);
  });


  it('report.md shows at most ROWS_SHOWN rows per table and says how many more, and where they are', () => {
    const md = readFileSync(join(OUT, 'report.md'), 'utf8');
    const tables = mdTables(md);
    expect(Math.max(...tables.map((x) => x.rows))).toBeLessThanOrEqual(ROWS_SHOWN);
    const findings = big.result.findings.length;
    expect(findings).toBeGreaterThan(ROWS_SHOWN);
    expect(md).toContain(`_Showing ${ROWS_SHOWN} of ${findings.toLocaleString('en-US')} rows (the most severe first); the full list is in audit.json._`);
    expect(md).toContain(`_Showing ${ROWS_SHOWN} of ${big.result.inventory.length.toLocaleString('en-US')} rows (the tools that cost the most a year first)`);
    // The totals per problem come first: every finding is counted there.
    const byRule = md.slice(md.indexOf('### Findings by problem'));
    const counted = [...byRule.slice(0, byRule.indexOf('\n\n', byRule.indexOf('| ---'))).matchAll(/^\|[^|]+\|[^|]+\| ([\d,]+) \|/gm)]
      .reduce((a, m) => a + Number(m[1].replace(/,/g, '')), 0);
    expect(counted).toBe(findings);
    // The most expensive tool is in the inventory shown.
    const top = [...big.result.inventory].sort((a, b) => (b.annualCost ?? -1) - (a.annualCost ?? -1))[0];
    expect(md).toContain(`| ${top.name} |`);
  });

  it('no line of report.md is a wall of names: cells and notes name the first few and count the rest', () => {
    const md = readFileSync(join(OUT, 'report.md'), 'utf8');
    // The grouped roadmap (programmes of dozens of tools, each answering many findings) and the
    // diagrams' notes ("Not shown: N tools used at no touchpoint") were lines of thousands of characters.
    const longest = Math.max(...md.split('\n').map((l) => l.length));
    expect(longest).toBeLessThan(3000);
    expect(md).toMatch(/Not shown: \d+ tools used at no touchpoint \(.* and \d+ more\)\._/);
  });

  it('report.html is summarised the same way and embeds the headline figures, not the whole document', () => {
    const html = readFileSync(join(OUT, 'report.html'), 'utf8');
    const findingRows = html.slice(html.indexOf('<table id="findings-table"'), html.indexOf('</table>', html.indexOf('<table id="findings-table"'))).match(/<tr data-severity/g) ?? [];
    expect(findingRows.length).toBe(ROWS_SHOWN);
    expect(html).toContain('<p class="muted more">Showing 100 of');
    const embedded = JSON.parse(/<script type="application\/json" id="audit-data">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(embedded).toMatchObject({ summarised: true, document: 'audit.json', summary: big.result.summary, assessment: { level: big.result.assessment.level } });
    // The tables no longer grow with the stack: a fraction of the document they summarise.
    expect(statSync(join(OUT, 'report.html')).size * 5).toBeLessThan(statSync(join(OUT, 'audit.json')).size);
    expect(statSync(join(OUT, 'report.md')).size * 5).toBeLessThan(statSync(join(OUT, 'audit.json')).size);
  });

  it('audit.json and audit.sarif keep every finding (audit.json is the analyze --format json document)', () => {
    expect(readFileSync(join(OUT, 'audit.json'), 'utf8')).toBe(renderJson(big.result));
    const sarif = JSON.parse(readFileSync(join(OUT, 'audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(big.result.findings.length);
    // Written in chunks, the very bytes of the one-string renderers (the library's formatResult).
    expect(readFileSync(join(OUT, 'audit.sarif'), 'utf8')).toBe(renderSarif(big.result, { tr: activeTranslator(), version: 't', defaultFile: big.ws.files[0] }));
    // audit.json's chunks are UTF-8 bytes (util/json-layout.ts).
    expect(Buffer.concat([...renderJsonChunks(big.result)]).toString('utf8')).toBe(renderJson(big.result));
    expect([...renderSarifChunks(big.result, { tr: activeTranslator(), version: 't' })].join('')).toBe(renderSarif(big.result, { tr: activeTranslator(), version: 't' }));
  });
});
