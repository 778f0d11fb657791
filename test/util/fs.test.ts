import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir, writeFileAtomic } from '../../src/util/fs.js';

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
});
