import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir, writeFileAtomic, writeFileAtomicInterruptible } from '../../src/util/fs.js';
import { InterruptedError } from '../../src/util/errors.js';

describe('util/fs', () => {
  it('ensureDir creates missing parents and accepts an existing folder', () => {
    const base = mkdtempSync(join(tmpdir(), 'ma-fs-'));
    try {
      ensureDir(join(base, 'a', 'b', 'c'));
      expect(existsSync(join(base, 'a', 'b', 'c'))).toBe(true);
      ensureDir(join(base, 'a'));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')('fails at once under /proc instead of spinning (Node 20 recursive mkdir)', () => {
    // The bug was an endless synchronous loop, which no test timeout can stop: bound it here, far
    // above any machine's load (one failing mkdir takes microseconds), far below "forever".
    const started = Date.now();
    expect(() => ensureDir('/proc/martech-audit-test/x')).toThrow();
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('writeFileAtomic leaves no temporary file and replaces the old content', () => {
    const base = mkdtempSync(join(tmpdir(), 'ma-fs-'));
    try {
      const file = join(base, 'out', 'x.txt');
      writeFileAtomic(file, 'one');
      writeFileAtomic(file, 'two');
      expect(readFileSync(file, 'utf8')).toBe('two');
      expect(readdirSync(join(base, 'out'))).toEqual(['x.txt']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  describe('writeFileAtomicInterruptible (analyze --out, diff --out)', () => {
    /** Runs `fn` with only the writer's own SIGINT/SIGTERM listeners (the test runner's are set aside). */
    async function alone<T>(fn: () => Promise<T>): Promise<T> {
      const kept = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      try {
        return await fn();
      } finally {
        for (const [signal, listeners] of Object.entries(kept)) for (const l of listeners) process.on(signal, l as () => void);
      }
    }
    const busy = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until);
    };

    for (const [when, signal] of [['between chunks', 'SIGINT'], ['in the last chunk', 'SIGTERM']] as const) {
      it(`a ${signal} ${when} stops it: InterruptedError, the old file intact, no temporary file`, async () => {
        const base = mkdtempSync(join(tmpdir(), 'ma-fs-'));
        try {
          const file = join(base, 'audit.json');
          writeFileSync(file, 'the old audit\n');
          function* chunks() {
            yield '{\n';
            yield Buffer.from('  "a": 1,\n');
            if (when === 'between chunks') {
              process.emit(signal, signal);
              // Long enough for the writer to look (it looks about every 50 ms).
              busy(80);
              yield '  "b": 2,\n';
              throw new Error('the writer went on after the signal');
            }
            process.emit(signal, signal);
            yield '  "b": 2\n}\n';
          }
          await alone(async () => {
            await expect(writeFileAtomicInterruptible(file, chunks())).rejects.toBeInstanceOf(InterruptedError);
            // Its listeners are gone: the next Ctrl-C ends the process as usual.
            expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(0);
          });
          expect(readFileSync(file, 'utf8')).toBe('the old audit\n');
          expect(readdirSync(base)).toEqual(['audit.json']);
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      });
    }

    it('without a signal writes the chunks, strings and bytes, and removes its listeners', async () => {
      const base = mkdtempSync(join(tmpdir(), 'ma-fs-'));
      try {
        const file = join(base, 'deep', 'audit.json');
        const before = process.listenerCount('SIGINT');
        await writeFileAtomicInterruptible(file, ['{', Buffer.from('"顧客": '), '1}\n']);
        expect(readFileSync(file, 'utf8')).toBe('{"顧客": 1}\n');
        await writeFileAtomicInterruptible(file, 'two\n');
        expect(readFileSync(file, 'utf8')).toBe('two\n');
        expect(readdirSync(join(base, 'deep'))).toEqual(['audit.json']);
        expect(process.listenerCount('SIGINT')).toBe(before);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });
  });
});
