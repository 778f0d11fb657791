// A full disk (issue #11, item 13): the message names the file (it said `cannot write ""`), and a
// device given as --out is written to, never replaced by a regular file.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from '../git/cli.js';
import { describeFsError } from '../../src/util/fs-errors.js';
import { writeFileNamed } from '../../src/util/fs.js';

const hasDevFull = existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice();

describe('no space left (/dev/full)', () => {
  beforeAll(() => {
    if (!hasDevFull) throw new Error('this test needs /dev/full (a Linux character device that is always full)');
  });
  it('analyze --out /dev/full: one line naming the file; the device is still a device', () => {
    const r = cli(['analyze', join(ROOT, 'examples', 'startup-no-hub.yaml'), '--format', 'json', '--out', '/dev/full'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('martech-audit: cannot write "/dev/full": no space left on the disk\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writeFileNamed puts the path on an error from write(2)', () => {
    let err: unknown;
    try {
      writeFileNamed('/dev/full', 'x'.repeat(10_000));
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).toBe('ENOSPC');
    expect(describeFsError(err as any)).toBe('cannot write "/dev/full": no space left on the disk');
  });
});

describe('an error without a path', () => {
  it('says what could not be done, with no empty quotes', () => {
    const e = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write' });
    expect(describeFsError(e)).toBe('cannot write the output: no space left on the disk');
  });
});
