// Baselines: record today's findings, then fail only on new ones.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyBaseline, atOrAbove, createBaseline, gateFindings, parseBaseline, readBaseline, writeBaseline,
} from '../../src/baseline/baseline.js';
import { applyBaselineOptions } from '../../src/baseline/options.js';
import { UsageError } from '../../src/util/errors.js';
import { finding, sampleResult } from './sample-result.js';
import { activeTranslator } from '../../src/i18n/index.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'martech-baseline-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('baseline', () => {
  it('is written sorted by id, without timestamps, and reads back', () => {
    const file = join(tmp(), 'baseline.json');
    writeBaseline(file, sampleResult(), activeTranslator());
    const text = readFileSync(file, 'utf8');
    const raw = JSON.parse(text);
    expect(raw.version).toBe(1);
    expect(raw.findings.map((f: any) => f.id)).toEqual([...raw.findings.map((f: any) => f.id)].sort());
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/);
    expect(readBaseline(file, activeTranslator()).findings).toHaveLength(5);
    // Writing twice gives the same bytes (clean diffs in git).
    writeBaseline(file, sampleResult(), activeTranslator());
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('known findings do not count; new, more severe and fixed ones are told apart', () => {
    const before = sampleResult();
    const base = createBaseline(before);
    const now = sampleResult([
      ...before.findings.filter((f) => f.id !== 'orphan-tool:hotjar')
        .map((f) => (f.id === 'capability-overlap:email-marketing' ? { ...f, severity: 'high' as const } : f)),
      finding({ id: 'manual-integration:a+b', rule: 'manual-integration', severity: 'medium' }),
    ]);
    const r = applyBaseline(now, base, 'b.json');
    expect(r.baseline.new).toEqual(['capability-overlap:email-marketing', 'manual-integration:a+b']);
    expect(r.baseline.fixed).toEqual(['orphan-tool:hotjar']);
    expect(r.baseline.known).toEqual(['data-silo:intercom', 'no-customer-hub:workspace', 'untapped-touchpoint:events']);
    expect(gateFindings(r).map((f) => f.id).sort()).toEqual(r.baseline.new);
    expect(atOrAbove(gateFindings(r), 'high').map((f) => f.id)).toEqual(['capability-overlap:email-marketing']);
    expect(atOrAbove(gateFindings(r), 'critical')).toEqual([]);
    expect(now).not.toHaveProperty('baseline');
  });

  it('accepts an `analyze --format json` document as a baseline', () => {
    const b = parseBaseline(JSON.stringify(sampleResult()), 'result.json', activeTranslator());
    expect(b.findings.map((f) => f.id)).toContain('data-silo:intercom');
  });

  it('reports missing and malformed files as usage errors (exit 2)', () => {
    const d = tmp();
    const err = (fn: () => unknown): UsageError => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return e as UsageError;
      }
      throw new Error('no error');
    };
    expect(err(() => readBaseline(join(d, 'nope.json'), activeTranslator())).hint).toContain('--write-baseline');
    writeFileSync(join(d, 'bad.json'), '{ nope');
    expect(err(() => readBaseline(join(d, 'bad.json'), activeTranslator())).message).toContain('not valid JSON');
    writeFileSync(join(d, 'shape.json'), '{"findings": [{"rule": "x"}]}');
    expect(err(() => readBaseline(join(d, 'shape.json'), activeTranslator())).message).toContain('"findings" list');
    writeFileSync(join(d, 'v2.json'), '{"version": 2, "findings": []}');
    expect(err(() => readBaseline(join(d, 'v2.json'), activeTranslator())).message).toContain('version 2');
    // QA: the reason was a bare code ("(EISDIR)", "(EEXIST)"); now in words.
    expect(err(() => readBaseline(d, activeTranslator())).message).toMatch(/cannot read the baseline file ".*" \(it is a folder, not a file\)$/);
    writeFileSync(join(d, 'afile'), 'x');
    const blocked = err(() => writeBaseline(join(d, 'afile', 'b.json'), sampleResult(), activeTranslator()));
    expect(blocked.message).toMatch(/cannot write the baseline file ".*b\.json" \(".*afile" is a file, not a folder\)$/);
  });

  it('applyBaselineOptions: --write-baseline accepts what it records; --baseline gates on new findings only', () => {
    const d = tmp();
    const file = join(d, 'b.json');
    const notes: string[] = [];
    const w = applyBaselineOptions(sampleResult(), { writeBaseline: file }, activeTranslator(), (l) => notes.push(l));
    expect(w.gate).toEqual([]);
    expect(notes.join('\n')).toContain('Wrote the baseline');
    const next = sampleResult([...sampleResult().findings, finding({ id: 'realtime-gap:chat', rule: 'realtime-gap', severity: 'medium' })]);
    const g = applyBaselineOptions(next, { baseline: file }, activeTranslator(), (l) => notes.push(l));
    expect(g.gate.map((f) => f.id)).toEqual(['realtime-gap:chat']);
    expect(notes.at(-1)).toContain('known findings, which do not fail the run: 5; new: 1.');
    const none = applyBaselineOptions(next, {}, activeTranslator(), () => undefined);
    expect(none.gate).toHaveLength(6);
  });
});
