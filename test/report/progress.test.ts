// The report's progress line: what it is doing on a terminal, nothing in pipes or CI, nothing for a
// report that finishes within its first second.
import { describe, it, expect } from 'vitest';
import { progress } from '../../src/render/progress.js';

function fakeStream(isTTY: boolean, columns?: number): NodeJS.WriteStream & { out: string } {
  const s = { isTTY, columns, out: '', write(chunk: string) { s.out += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { out: string };
}

describe('progress', () => {
  it('on a terminal: says each step on one line, then clears it', () => {
    const s = fakeStream(true, 100);
    const bar = progress(s, { delayMs: 0, env: {} });
    bar.say('Drawing diagram 3 of 7');
    bar.say('Writing the PDF');
    expect(s.out).toContain('Drawing diagram 3 of 7');
    expect(s.out).toContain('Writing the PDF');
    expect(s.out).not.toContain('\n');
    bar.done();
    expect(s.out.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('a terminal that does not tell its width is taken as 80 columns wide (the words are not cut to nothing)', () => {
    const s = fakeStream(true, 0);
    const bar = progress(s, { delayMs: 0, env: {} });
    bar.say('Drawing slide picture 1 of 1');
    expect(s.out).toContain('Drawing slide picture 1 of 1');
    bar.done();
  });

  it('quiet in a pipe, in CI, and for a report done within the first second', () => {
    for (const [s, env] of [[fakeStream(false, 100), {}], [fakeStream(true, 100), { CI: 'true' }]] as const) {
      const bar = progress(s, { delayMs: 0, env });
      bar.say('Writing the PDF');
      bar.done();
      expect(s.out).toBe('');
    }
    const s = fakeStream(true, 100);
    const bar = progress(s, { env: {} });
    bar.say('Drawing diagram 1 of 5');
    bar.done();
    expect(s.out).toBe('');
  });
});
