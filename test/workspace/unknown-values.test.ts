// Issue 18: an unknown capability, category or channel is one warning per value, at its first
// use, listing every other use (related locations), not one warning per use.
import { afterAll, describe, expect, it } from 'vitest';
import { initLang, translator } from '../../src/i18n/index.js';
import { loadFromText } from '../../src/workspace/load.js';
import { formatDiagnostic } from '../../src/cli/output.js';

afterAll(() => initLang('en'));

/** A workspace whose `n` tools all name the capability `own-scoring` and the category `own-cat`. */
function workspace(n: number): string {
  const tools = Array.from({ length: n }, (_, i) => `  - id: t${i}
    name: Tool ${i}
    category: own-cat
    capabilities: [email-marketing, own-scoring]
    data: []`).join('\n');
  return `version: 1
organization:
  name: Acme
touchpoints:
  - id: a
    name: A
    stage: awareness
    channel: telepathy
    tools: [t0]
  - id: b
    name: B
    stage: awareness
    channel: telepathy
    tools: [t0]
tools:
${tools}
`;
}

describe('unknown values: one warning per value', () => {
  it('gives one warning per unknown capability, category and channel, at the first use, with every other use related', () => {
    const res = loadFromText(workspace(8));
    expect(res.ok).toBe(true);
    const byCode = (code: string) => res.diagnostics.filter((d) => d.code === code);
    const [cap] = byCode('unknown-capability');
    expect(byCode('unknown-capability')).toHaveLength(1);
    expect(byCode('unknown-category')).toHaveLength(1);
    expect(byCode('unknown-channel')).toHaveLength(1);
    expect(cap.messageId).toBe('build.unknown-capability.many');
    expect(cap.data).toEqual({ id: 'own-scoring', count: 8, where: 't0, t1, t2 and 5 more' });
    expect(cap.message).toBe('"own-scoring" is not a capability of the taxonomy; it is used 8 times (t0, t1, t2 and 5 more); overlap findings will treat it as its own capability');
    // The first use carries the warning; the seven others are related, in file order, each naming its tool.
    const capLine = (i: number) => 19 + 5 * i;
    expect(cap.location.line).toBe(capLine(0));
    expect(cap.related?.map((r) => r.location.line)).toEqual([1, 2, 3, 4, 5, 6, 7].map(capLine));
    expect(cap.related?.[0].message).toBe('also used here (t1)');
    const [channel] = byCode('unknown-channel');
    expect(channel.data).toMatchObject({ value: 'telepathy', count: 2, where: 'a and b' });
    expect(channel.location.line).toBe(8);
    expect(channel.related?.map((r) => r.location.line)).toEqual([13]);
  });

  it('keeps the single-use wording when a value is used once', () => {
    const res = loadFromText(workspace(1).replace(/channel: telepathy/, 'channel: email'));
    const cap = res.diagnostics.find((d) => d.code === 'unknown-capability')!;
    expect(cap.messageId).toBe('build.unknown-capability');
    expect(cap.related).toBeUndefined();
    const channel = res.diagnostics.filter((d) => d.code === 'unknown-channel');
    expect(channel).toHaveLength(1);
    expect(channel[0].messageId).toBe('build.unknown-channel');
  });

  it('words the grouped warning in Japanese as well', async () => {
    const res = loadFromText(workspace(4), 'workspace.yaml', { tr: await translator('ja') });
    const cap = res.diagnostics.find((d) => d.code === 'unknown-capability')!;
    expect(cap.message).toContain('4 か所で使用');
    expect(cap.message).toContain('他 1 件');
    expect(cap.related?.[0].message).toBe('ここでも使用（t1）');
  });

  it('shows the first five other places on a terminal and counts the rest', () => {
    const res = loadFromText(workspace(8));
    const cap = res.diagnostics.find((d) => d.code === 'unknown-capability')!;
    const text = formatDiagnostic(cap, undefined, false);
    expect(text.split('\n')).toHaveLength(1 + 5 + 1);
    expect(text).toContain('... and 2 more places (`validate --format json` lists them all)');
  });
});
