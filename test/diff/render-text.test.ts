// The text diff of a large change lists the first entries of each section and counts the rest
// (two 10,000-tool revisions gave 142,000 lines); the JSON keeps every entry.
import { describe, expect, it } from 'vitest';
import { loadFromText } from '../../src/workspace/load.js';
import { analyze } from '../../src/analysis/analyze.js';
import { diffAudits, type AuditSide } from '../../src/diff/diff.js';
import { MAX_ITEMS, renderDiffText } from '../../src/diff/render-text.js';
import { renderDiffJson } from '../../src/diff/render-json.js';
import type { DiffResult, FindingSummary, ToolSummary } from '../../src/diff/types.js';
import { MANIFEST, TOOLS, TOUCHPOINTS } from '../git/repo.js';
import { translator } from '../../src/i18n/index.js';

const en = await translator('en');
const ja = await translator('ja');

function side(label: string): AuditSide {
  const ws = loadFromText(MANIFEST + TOOLS + TOUCHPOINTS, 'audit.yaml').workspace!;
  return { workspace: ws, result: analyze(ws, { path: label, now: '2026-01' }), label, path: 'audit.yaml' };
}

/** A diff with `n` new findings and `added` + `removed` tools. */
function large(n: number, added: number, removed: number): DiffResult {
  const d = diffAudits(side('old'), side('new'), en);
  const finding = (i: number): FindingSummary => ({ id: `data-silo:t${i}`, rule: 'data-silo', severity: 'medium', message: `Finding ${i}`, location: { file: 'tools.yaml', line: i + 1, column: 5 } });
  const tool = (i: number): ToolSummary => ({ id: `t${i}`, name: `Tool ${i}`, status: 'active' });
  return {
    ...d, unchanged: false,
    findings: { ...d.findings, introduced: Array.from({ length: n }, (_, i) => finding(i)), after: d.findings.after + n },
    tools: { added: Array.from({ length: added }, (_, i) => tool(i)), removed: Array.from({ length: removed }, (_, i) => tool(1000 + i)), changed: [] },
  };
}

describe('the text diff of a large change', () => {
  it('lists the first entries of each section and says how many more the JSON has', () => {
    const d = large(MAX_ITEMS + 50, MAX_ITEMS - 50, 100);
    const text = renderDiffText(d, { tr: en });
    const lines = text.split('\n');
    expect(lines.filter((l) => /^ {2}\+ medium/.test(l))).toHaveLength(MAX_ITEMS);
    expect(text).toContain(`  + medium   data-silo:t${MAX_ITEMS - 1}\n`);
    expect(text).not.toContain(`data-silo:t${MAX_ITEMS}\n`);
    expect(text).toContain('  …and 50 more: `diff --format json` lists every one.');
    // Added tools first, then the removed ones up to the limit.
    expect(lines.filter((l) => /^ {2}[+-] Tool \d+ /.test(l))).toHaveLength(MAX_ITEMS);
    expect(lines.filter((l) => /^ {2}- Tool \d+ /.test(l))).toHaveLength(50);
    expect(text.match(/…and 50 more/g)).toHaveLength(2);
    expect(JSON.parse(renderDiffJson(d)).findings.introduced).toHaveLength(MAX_ITEMS + 50);
    expect(renderDiffText(d, { tr: ja })).toContain('…ほか 50 件');
  });

  it('lists every entry of a section up to the limit, with no count', () => {
    const text = renderDiffText(large(MAX_ITEMS, 1, 0), { tr: en });
    expect(text.split('\n').filter((l) => /^ {2}\+ medium/.test(l))).toHaveLength(MAX_ITEMS);
    expect(text).not.toContain('more: `diff --format json`');
  });
});
