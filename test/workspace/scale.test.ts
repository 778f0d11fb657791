// Large workspaces with many errors (QA): a tool removed from a 10,000-tool workspace is
// referenced thousands of times; each reference compared the missing id with every tool id
// again (one "did you mean" per reference), and `validate` took over a minute to say so.
import { describe, expect, it, vi } from 'vitest';
import { loadFromText } from '../../src/workspace/load.js';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/util/suggest.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/util/suggest.js')>();
  return { ...real, closest: (...args: Parameters<typeof real.closest>) => {
    calls.n++;
    return real.closest(...args);
  } };
});

describe('many references to a few missing tools', () => {
  it('are all reported with a suggestion, guessed once per missing id', () => {
    const tools = Array.from({ length: 3000 }, (_, i) => `  - { id: tool-${i}, name: Tool ${i}, data: [] }`);
    const refs = Array.from({ length: 3000 }, (_, i) => `  - { from: tool-${i}, to: ${i % 2 ? 'tool-x1' : 'tool-x2'} }`);
    const text = `version: 1\norganization: { name: Big }\ntools:\n${tools.join('\n')}\nintegrations:\n${refs.join('\n')}\n`;
    calls.n = 0;
    const res = loadFromText(text, 'big.yaml');
    const missing = res.diagnostics.filter((d) => d.code === 'unresolved-reference');
    expect(missing).toHaveLength(3000);
    expect(missing.every((d) => /did you mean "tool-/.test(d.suggestion ?? ''))).toBe(true);
    expect(calls.n).toBeLessThan(10);
  });
});
