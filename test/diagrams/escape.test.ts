// Mermaid escaping: unit cases, a fast-check property (any text -> a label Mermaid parses and that
// decodes back to the text), and hostile names through every diagram kind.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  decodeEntities, IdGen, label, MAX_LABEL, plainText, PLACEHOLDER, pointName, restorePlaceholders, text, toRenderSource,
} from '../../src/diagrams/mermaid-escape.js';
import { buildDiagrams } from '../../src/diagrams/index.js';
import { hostileWorkspace, loadText, mermaidParse, TODAY } from './helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';


describe('plainText', () => {
  it('flattens line breaks and control characters and trims', () => {
    expect(plainText('  a\nb\tc\u0000d  ')).toBe('a b c d');
    expect(plainText(undefined)).toBe('');
  });
  it('shortens long text with an ellipsis at a grapheme boundary', () => {
    const s = plainText('👩‍👩‍👧'.repeat(100));
    expect(s.endsWith('…')).toBe(true);
    expect([...new Intl.Segmenter().segment(s)].length).toBe(MAX_LABEL);
    expect(s.slice(0, -1)).toBe('👩‍👩‍👧'.repeat(MAX_LABEL - 1));
    expect(plainText('x'.repeat(MAX_LABEL))).toBe('x'.repeat(MAX_LABEL));
  });
  it('never lets the renderer placeholders through', () => {
    expect(plainText(`a${PLACEHOLDER.quot}b${PLACEHOLDER.hash}`)).toBe('a\ufffdb\ufffd');
  });
});

describe('label and text', () => {
  it('quotes and encodes what Mermaid or HTML would read', () => {
    expect(label('Say "hi" #1 <b> & co')).toBe('"Say #quot;hi#quot; #35;1 #lt;b#gt; #amp; co"');
    expect(label('a', undefined, 'b')).toBe('"a<br/>b"');
    expect(text('Phase 1: quick wins; 100%')).toBe('Phase 1#58; quick wins#59; 100#37;');
    expect(text('')).toBe('-');
    expect(pointName('Tool "A"')).toBe('"Tool #quot;A#quot;"');
  });
  it('IdGen never uses user text', () => {
    const ids = new IdGen('n');
    expect([ids.next(), ids.for('<script>'), ids.for('<script>'), ids.next()]).toEqual(['n1', 'n2', 'n2', 'n3']);
  });
  it('renders flowchart quotes and hashes through placeholders, and restores them', () => {
    const src = 'flowchart LR\n  n1["a #quot;b#quot; #35;1"]\n  classDef x fill:#fff\n';
    const prepared = toRenderSource(src);
    expect(prepared).toContain(`"a ${PLACEHOLDER.quot}b${PLACEHOLDER.quot} ${PLACEHOLDER.hash}1"`);
    expect(prepared).toContain('fill:#fff');
    expect(toRenderSource('gantt\n  x #quot; :a, 2027-01-01, 1d\n')).toContain('#quot;');
    expect(restorePlaceholders(`<text>${PLACEHOLDER.quot}x${PLACEHOLDER.hash}</text>`)).toBe('<text>&#34;x#</text>');
  });
});

describe('property: any text becomes a safe label', () => {
  it('a label is one quoted line without raw markup and decodes back to the plain text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
      const l = label(s);
      expect(l).toMatch(/^"[^"\n\r<>&]*"$/);
      expect(decodeEntities(l.slice(1, -1))).toBe(plainText(s) || ' ');
    }), { numRuns: 2000 });
  });
  it('text() for gantt and quadrant has no raw statement separators', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const v = text(s);
      expect(v.replace(/#\w+;/g, '')).not.toMatch(/[\n\r:;%"<>&#]/);
      expect(v.length).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });
  it('Mermaid parses a flowchart, a gantt and a quadrant chart built from any text', async () => {
    const parse = await mermaidParse();
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (s) => {
      await parse(`flowchart LR\n  n1[${label(s)}] -->|${label(s)}| n2[${label('x')}]\n  subgraph s1[${label(s)}]\n    n3[${label(s)}]\n  end\n`);
      await parse(`gantt\n  dateFormat YYYY-MM-DD\n  section ${text(s)}\n  ${text(s)} :i1, 2027-01-01, 2027-02-01\n`);
      await parse(`quadrantChart\n  x-axis ${pointName(s)} --> ${pointName(s)}\n  quadrant-1 ${pointName(s)}\n  ${pointName(s)}:::c: [0.5, 0.5]\n  classDef c color: #ff0000\n`);
    }), { numRuns: 150 });
  });
  it('the parser does reject broken Mermaid (the checks above mean something)', async () => {
    const parse = await mermaidParse();
    await expect(parse('flowchart LR\n  n1["a" b"]\n')).rejects.toThrow();
    await expect(parse('flowchart LR\n  n1["a"] --> \n')).rejects.toThrow();
  });
});

const STYLE = '[\\w:#,.\\- ]+';
const STATEMENT: Record<string, RegExp> = {
  flowchart: new RegExp([
    '^(flowchart (LR|TB)', '  accTitle: [^"]*',
    '\\s+(subgraph [sl]\\d+\\[""\\]|end|direction (LR|TB)|[nl]\\d+(\\[""\\]|\\{\\{""\\}\\})',
    `[nsl]\\d+( (-->|==>|-\\.->|<-->|<-\\.->|---|~~~)(\\|""\\|)? [nsl]\\d+)+`,
    `classDef \\w+ ${STYLE}|class [nl\\d,]+ \\w+|style [sl]\\d+ ${STYLE}|linkStyle [\\d,]+ ${STYLE}))$`,
  ].join('|')),
  gantt: /^(gantt|  (accTitle: .*|dateFormat YYYY-MM-DD|axisFormat %Y-%m|tickInterval \d+month|todayMarker off|section [^:\n]+|[^:\n]+ :((done|active|crit|milestone), )*i\d+, \d{4}-\d\d-\d\d, (\d{4}-\d\d-\d\d|0d)))$/,
  quadrant: /^(quadrantChart|  (accTitle: .*|[xy]-axis "" --> ""|quadrant-[1-4] ""|"":::\w+: \[\d\.\d\d, \d\.\d\d\]|classDef \w+ [\w:#,.\- ]+))$/,
};

describe('hostile names through every diagram', () => {
  it('every diagram parses, user text never becomes syntax, and names decode back literally', async () => {
    const { ws, result } = await loadText(hostileWorkspace());
    const parse = await mermaidParse();
    for (const d of buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY })) {
      await expect(parse(d.source), d.kind).resolves.toBeTruthy();
      // Every statement is ours: with the quoted strings taken out, no user word is left.
      const stripped = d.source.replace(/"[^"\n]*"/g, '""');
      for (const line of stripped.split('\n').filter(Boolean)) {
        expect(line, `${d.kind}: ${line}`).toMatch(STATEMENT[d.family]);
      }
      expect(d.source).not.toMatch(/<script|<img/i);
      if (d.family === 'flowchart') {
        const labels = [...d.source.matchAll(/"([^"]*)"/g)].flatMap((m) => decodeEntities(m[1]).split('<br/>'));
        const shown = ws.tools.map((x) => plainText(x.name)).filter((n) => labels.includes(n));
        expect(shown.length, d.kind).toBeGreaterThan(0);
      }
    }
  });
});
