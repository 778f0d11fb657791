import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { YamlFile, renderInline, renderScalar, YamlSyntaxError } from '../../src/interview/yaml-edit.js';

const TOOL_ORDER = ['id', 'name', 'vendor', 'catalog', 'category', 'capabilities', 'hub', 'owner', 'status', 'cost', 'seats', 'data', 'source_of_truth', 'renewal', 'url', 'notes'];

function edit(text: string, fn: (f: YamlFile) => void): string {
  const f = new YamlFile(text);
  fn(f);
  expect(f.fallbacks).toBe(0);
  return f.text;
}

describe('YamlFile: a hand-written file keeps everything that is not edited', () => {
  const manifest = `# Northwind audit. Interviews: Lena (marketing), Jonas (sales).
version: 1                      # format version

organization:
  name: Northwind              # required
  currency: EUR
  departments: [marketing, sales]

tools:
  - id: crm          # the hub
    name: Salesforce
    owner: sales
    cost: { amount: 100, period: month }

  - id: mail
    name: Mailchimp
    channel_note: "keep"   # a key the editor does not know
    data: [contact-profile]
# end of file
`;

  it('a comment written by hand survives an edit of the same entity', () => {
    const out = edit(manifest, (f) => f.set(['tools', 0, 'status'], 'active', { order: TOOL_ORDER }));
    expect(out).toContain('  - id: crm          # the hub\n');
    expect(out).toContain('version: 1                      # format version\n');
    expect(out).toContain('# end of file\n');
    expect(out).toContain('    owner: sales\n    status: active\n    cost: { amount: 100, period: month }\n');
    expect(out.replace('    status: active\n', '')).toBe(manifest);
  });

  it('places a new key after its predecessor in the preferred order', () => {
    const out = edit(manifest, (f) => f.set(['tools', 1, 'owner'], 'marketing', { order: TOOL_ORDER }));
    expect(out).toContain('    name: Mailchimp\n    owner: marketing\n    channel_note: "keep"   # a key the editor does not know\n');
  });

  it('replaces a scalar in place and keeps its comment', () => {
    const out = edit(manifest, (f) => f.set(['organization', 'name'], 'Northwind Cloud GmbH'));
    expect(out).toContain('  name: Northwind Cloud GmbH              # required\n');
  });

  it('replaces a flow map and keeps the rest of the line', () => {
    const out = edit(manifest, (f) => f.set(['tools', 0, 'cost'], 'unknown'));
    expect(out).toContain('    cost: unknown\n\n  - id: mail');
  });

  it('appends to flow lists as a person would', () => {
    let out = edit(manifest, (f) => f.append(['organization', 'departments'], 'it'));
    expect(out).toContain('  departments: [marketing, sales, it]\n');
    out = edit(manifest, (f) => f.append(['tools', 1, 'data'], 'email-engagement'));
    expect(out).toContain('    data: [contact-profile, email-engagement]\n# end of file');
  });

  it('appends an entity to a block list with the same rhythm (blank line between items)', () => {
    const out = edit(manifest, (f) => f.append(['tools'], { id: 'gong', name: 'Gong', data: ['calls'] }, { block: true }));
    expect(out).toContain('    data: [contact-profile]\n\n  - id: gong\n    name: Gong\n    data: [calls]\n# end of file\n');
  });

  it('adds a new top-level section at the end of the file', () => {
    const out = edit(manifest, (f) => f.append(['questions'], { about: 'tool:crm', field: 'cost', text: 'What does it cost?' }, { block: true }));
    expect(out.startsWith(manifest)).toBe(true);
    expect(out.slice(manifest.length)).toBe('\nquestions:\n  - about: tool:crm\n    field: cost\n    text: What does it cost?\n');
  });

  it('removes list items and keys without disturbing their neighbours', () => {
    let out = edit(manifest, (f) => f.remove(['tools', 0]));
    expect(out).toContain('tools:\n  - id: mail\n');
    expect(out).not.toContain('Salesforce');
    out = edit(manifest, (f) => f.remove(['tools', 0, 'cost']));
    expect(out).toContain('    owner: sales\n\n  - id: mail');
    out = edit(manifest, (f) => f.remove(['organization', 'departments', 0]));
    expect(out).toContain('  departments: [sales]\n');
    out = edit(manifest, (f) => f.remove(['organization', 'departments', 1]));
    expect(out).toContain('  departments: [marketing]\n');
  });

  it('fills an empty value (`key:` with nothing)', () => {
    const out = edit('organization:\n  name: X\n  notes:   # later\n', (f) => f.set(['organization', 'notes'], 'hello'));
    expect(out).toBe('organization:\n  name: X\n  notes: hello   # later\n');
  });

  it('writes into an empty file and a file with only comments', () => {
    expect(edit('', (f) => f.set(['version'], 1))).toBe('version: 1\n');
    const out = edit('# header\n', (f) => {
      f.set(['version'], 1);
      f.set(['organization'], { name: 'A' }, { block: true });
    });
    expect(out).toBe('# header\nversion: 1\n\norganization:\n  name: A\n');
  });

  it('keeps continuation comments with the key they belong to', () => {
    const text = 'touchpoints:\n  - id: a\n    name: A\n    channel: email    # required: email, website,\n                      #   store, ...\n    notes: x\n';
    const out = edit(text, (f) => f.set(['touchpoints', 0, 'owner'], 'it', { order: ['id', 'name', 'stage', 'channel', 'owner', 'notes'] }));
    expect(out).toBe('touchpoints:\n  - id: a\n    name: A\n    channel: email    # required: email, website,\n                      #   store, ...\n    owner: it\n    notes: x\n');
  });

  it('writes Japanese text plainly and quotes what would otherwise change meaning', () => {
    const out = edit('tools:\n  - id: a\n    name: A\n', (f) => {
      f.set(['tools', 0, 'notes'], '会員アプリ：ポイント連携');
      f.set(['tools', 0, 'vendor'], 'yes', { order: TOOL_ORDER });
      f.set(['tools', 0, 'url'], 'true', { order: TOOL_ORDER });
    });
    expect(parse(out)).toEqual({ tools: [{ id: 'a', name: 'A', vendor: 'yes', url: 'true', notes: '会員アプリ：ポイント連携' }] });
    expect(out).toContain('notes: 会員アプリ：ポイント連携');
    expect(out).toContain('url: "true"');
  });

  it('refuses a file that does not parse', () => {
    expect(() => new YamlFile('a: [\n')).toThrow(YamlSyntaxError);
  });

  it('edits the shipped examples without a single fallback', () => {
    for (const file of ['examples/northwind-b2b/martech-audit.yaml', 'examples/northwind-b2b/touchpoints.yaml', 'examples/sakura-retail.yaml', 'templates/workspace/blank/en/martech-audit.yaml']) {
      const text = readFileSync(file, 'utf8');
      const f = new YamlFile(text);
      const before = f.toJS();
      if (before.touchpoints) {
        f.set(['touchpoints', 0, 'owner'], 'it', { order: ['id', 'name', 'stage', 'channel', 'owner'] });
        f.append(['touchpoints', 0, 'captures'], 'consent');
        f.append(['touchpoints'], { id: 'zz', name: 'Z', stage: 'awareness', channel: 'other' }, { block: true });
      }
      f.append(['questions'], { about: 'organization', text: 'Anything else?' }, { block: true });
      f.set(['organization', 'currency'], 'JPY');
      expect(f.fallbacks, file).toBe(0);
      // Every line that was there is still there, in the same order.
      const lines = text.split('\n').filter((l) => !/currency|^\s*owner:|captures:/.test(l));
      let at = 0;
      for (const l of lines) {
        const i = f.text.indexOf(l, at);
        expect(i, `${file}: ${l}`).toBeGreaterThanOrEqual(0);
        at = i;
      }
    }
  });
});

describe('scalar and flow rendering', () => {
  it('reads back as the same value (property)', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'no', '2027-03', '0777', 'null', '~', '- a', 'a: b', 'a #b', '[x]', '  pad', '営業部', '1e3', '.inf'));
    fc.assert(fc.property(scalar, (s) => {
      expect(parse(`k: ${renderScalar(s)}`)).toEqual({ k: s });
    }), { numRuns: 400 });
    fc.assert(fc.property(fc.array(scalar, { maxLength: 5 }), (list) => {
      expect(parse(`k: ${renderInline(list)}`)).toEqual({ k: list });
    }), { numRuns: 200 });
  });

  it('edits keep meaning for arbitrary values (property)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('leaf'), { maxLength: 3 }),
        fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,6}$/), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(value, value, (a, b) => {
      const f = new YamlFile('# c\nx:\n  - id: one   # keep\n    name: One\n');
      f.set(['x', 0, 'extra'], a as any);
      f.append(['x'], { id: 'two', v: b } as any, { block: true });
      expect(parse(f.text)).toEqual({ x: [{ id: 'one', name: 'One', extra: a }, { id: 'two', v: b }] });
      expect(f.text).toContain('# keep');
      expect(f.fallbacks).toBe(0);
    }), { numRuns: 200 });
  });
});

describe('insert', () => {
  it('inserts into block and flow lists at a position', () => {
    const text = 'stages:\n  - { id: a, name: A }   # first\n  - { id: c, name: C }\ntags: [x, z]\n';
    const out = edit(text, (f) => {
      f.insert(['stages'], 1, { id: 'b', name: 'B' });
      f.insert(['tags'], 1, 'y');
      f.insert(['stages'], 9, { id: 'd', name: 'D' });
    });
    expect(out).toBe('stages:\n  - { id: a, name: A }   # first\n  - { id: b, name: B }\n  - { id: c, name: C }\n  - { id: d, name: D }\ntags: [x, y, z]\n');
  });
});
