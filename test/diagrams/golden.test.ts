// The Mermaid text of every diagram kind on the examples, against reviewed golden files
// (test/golden.ts; `npm run golden:update` rewrites them), and every generated diagram parses with Mermaid itself.
import { describe, it, expect } from 'vitest';
import { buildDiagrams, DIAGRAM_KINDS, diagramApplies } from '../../src/diagrams/index.js';
import { expectGolden } from '../golden.js';
import { activeTranslator } from '../../src/i18n/index.js';
import { EXAMPLES, loadExample, mermaidParse, TODAY } from './helpers.js';

describe.each(EXAMPLES)('diagrams of $name', ({ name, path, lang }) => {
  it('match the golden Mermaid text and parse with Mermaid', async () => {
    const { ws, result } = await loadExample(path, lang);
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    // The customer's side (personas, consent) only for a workspace that maps it: not startup-no-hub (version 1).
    const expected = DIAGRAM_KINDS.filter((k) => diagramApplies(k, ws));
    expect(diagrams.map((d) => d.kind)).toEqual(expected);
    expect(expected.length).toBe(name === 'startup-no-hub' ? 5 : DIAGRAM_KINDS.length);
    const parse = await mermaidParse();
    for (const d of diagrams) {
      expectGolden(`diagrams/${name}/${d.kind}.mmd`, d.source);
      await expect(parse(d.source), `${name}/${d.kind}`).resolves.toBeTruthy();
    }
  });

  it('is deterministic: the same input gives the same text', async () => {
    const a = await loadExample(path, lang);
    const b = await loadExample(path, lang);
    expect(buildDiagrams(a.ws, a.result, { tr: activeTranslator(), today: TODAY }).map((d) => d.source))
      .toEqual(buildDiagrams(b.ws, b.result, { tr: activeTranslator(), today: TODAY }).map((d) => d.source));
  });
});
