// The fast reader (js-yaml + a line scan for entity positions) must give the same model, with the
// same locations, as the Document reader.
import { describe, it, expect, afterEach } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { parserSettings } from '../../src/workspace/parse.js';

afterEach(() => {
  parserSettings.fast = true;
  parserSettings.fastMinLength = 0;
});

const snapshot = (path: string) => {
  const res = loadWorkspace(path);
  return { diagnostics: res.diagnostics, workspace: JSON.parse(JSON.stringify({ ...res.workspace, index: undefined })) };
};

describe('fast path', () => {
  it('agrees with the Document reader on values and entity locations', () => {
    parserSettings.fastMinLength = 0;
    const fast = snapshot('test/fixtures/loader/fast-path');
    parserSettings.fast = false;
    const slow = snapshot('test/fixtures/loader/fast-path');
    expect(fast.workspace.tools.length).toBe(301);
    expect(fast.workspace.strategy.initiatives.length).toBe(2);
    expect(fast).toEqual(slow);
  });

  it('falls back to the Document reader for every fixture of the error suite', async () => {
    parserSettings.fastMinLength = 0;
    for (const f of ['duplicate-key.yaml', 'tab-indent.yaml', 'bad-enum.yaml', 'unknown-key.yaml', 'typo-in-id.yaml']) {
      const fast = snapshot(`test/fixtures/loader/${f}`);
      parserSettings.fast = false;
      const slow = snapshot(`test/fixtures/loader/${f}`);
      parserSettings.fast = true;
      expect(fast.diagnostics, f).toEqual(slow.diagnostics);
    }
  });
});
