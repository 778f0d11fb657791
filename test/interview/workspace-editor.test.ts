// Where answers go, and that nothing invalid is ever written: routing of new entries to the
// right file, the loader's dry run, pre-existing errors, open questions, syntax errors.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WorkspaceEditor } from '../../src/interview/workspace-editor.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mta-editor-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const read = (rel: string): any => parse(readFileSync(join(dir, rel), 'utf8'));
const MANIFEST = 'version: 1\norganization:\n  name: X\n  departments: [marketing, sales, it]\n';

describe('routing', () => {
  it('a manifest-only workspace keeps everything in the manifest', () => {
    write('martech-audit.yaml', MANIFEST);
    const ed = WorkspaceEditor.open(dir).editor!;
    expect(ed.change((tx) => tx.add('tools', { id: 'crm', name: 'CRM' })).ok).toBe(true);
    expect(read('martech-audit.yaml').tools).toEqual([{ id: 'crm', name: 'CRM' }]);
    expect(existsSync(join(dir, 'tools.yaml'))).toBe(false);
  });

  it('a single-file workspace keeps everything in that file', () => {
    write('audit.yaml', MANIFEST);
    const ed = WorkspaceEditor.open(join(dir, 'audit.yaml')).editor!;
    ed.change((tx) => tx.add('touchpoints', { id: 'web', name: 'Web', stage: 'awareness', channel: 'website' }));
    expect(read('audit.yaml').touchpoints).toHaveLength(1);
  });

  it('a split workspace gets <kind>.yaml next to the manifest; questions go to the manifest', () => {
    write('martech-audit.yaml', MANIFEST);
    write('touchpoints.yaml', 'touchpoints: []\n');
    const ed = WorkspaceEditor.open(dir).editor!;
    const out = ed.change((tx) => {
      tx.add('tools', { id: 'crm', name: 'CRM' });
      tx.add('questions', { about: 'tool:crm', field: 'cost', text: 'Cost?' });
    });
    expect(out.written.sort()).toEqual(['martech-audit.yaml', 'tools.yaml']);
    expect(read('tools.yaml').tools).toEqual([{ id: 'crm', name: 'CRM' }]);
    expect(read('martech-audit.yaml').questions).toHaveLength(1);
  });

  it('with one tool file per department, a new tool goes to its owner\'s file', () => {
    write('martech-audit.yaml', MANIFEST);
    write('tools/marketing.yaml', 'tools:\n  - { id: mail, name: Mail, owner: marketing }\n');
    write('tools/sales.yaml', 'tools:\n  - { id: crm, name: CRM, owner: sales }\n');
    const ed = WorkspaceEditor.open(dir).editor!;
    ed.change((tx) => tx.add('tools', { id: 'gong', name: 'Gong', owner: 'sales' }));
    expect(read('tools/sales.yaml').tools.map((x: any) => x.id)).toEqual(['crm', 'gong']);
    expect(read('tools/marketing.yaml').tools).toHaveLength(1);
  });

  it('edits an entry in the file that holds it', () => {
    write('martech-audit.yaml', MANIFEST);
    write('tools/sales.yaml', '# sales tools\ntools:\n  - id: crm   # the hub\n    name: CRM\n');
    const ed = WorkspaceEditor.open(dir).editor!;
    ed.change((tx) => tx.setField('tools', 'crm', 'owner', 'sales'));
    expect(readFileSync(join(dir, 'tools/sales.yaml'), 'utf8')).toBe('# sales tools\ntools:\n  - id: crm   # the hub\n    name: CRM\n    owner: sales\n');
  });
});

describe('the loader decides what may be written', () => {
  it('refuses a change that adds an error, says why, and writes nothing', () => {
    write('martech-audit.yaml', MANIFEST);
    const before = readFileSync(join(dir, 'martech-audit.yaml'), 'utf8');
    const ed = WorkspaceEditor.open(dir).editor!;
    const out = ed.change((tx) => tx.add('tools', { id: 'crm', name: 'CRM', owner: 'finance' }));
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toEqual(expect.objectContaining({ code: 'unknown-department' }));
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe(before);
    // A dry run says the same without writing.
    expect(ed.check((tx) => tx.add('tools', { id: 'crm', name: 'CRM', owner: 'sales' })).ok).toBe(true);
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe(before);
  });

  it('works on a workspace that already has errors, adding none', () => {
    write('martech-audit.yaml', `${MANIFEST}touchpoints:\n  - { id: a, name: A, stage: nowhere, channel: email }\n`);
    const ed = WorkspaceEditor.open(dir).editor!;
    expect(ed.last.ok).toBe(false);
    expect(ed.change((tx) => tx.add('tools', { id: 'crm', name: 'CRM' })).ok).toBe(true);
    expect(ed.change((tx) => tx.add('touchpoints', { id: 'b', name: 'B', stage: 'elsewhere', channel: 'email' })).ok).toBe(false);
  });

  it('reports new warnings (e.g. more active than licensed seats) but saves', () => {
    write('martech-audit.yaml', `${MANIFEST}tools:\n  - { id: crm, name: CRM }\n`);
    const ed = WorkspaceEditor.open(dir).editor!;
    const out = ed.change((tx) => tx.setField('tools', 'crm', 'seats', { licensed: 5, active: 9 }));
    expect(out.ok).toBe(true);
    expect(out.warnings.map((w) => w.code)).toEqual(['seats']);
  });

  it('removes answered questions, and the list with the last one', () => {
    write('martech-audit.yaml', `${MANIFEST}tools:\n  - { id: crm, name: CRM, cost: unknown }\nquestions:\n  - about: tool:crm\n    field: cost\n    text: Cost?\n`);
    const ed = WorkspaceEditor.open(dir).editor!;
    ed.change((tx) => {
      tx.setField('tools', 'crm', 'cost', { amount: 10, period: 'month' });
      tx.resolveQuestions('tool:crm', 'cost');
    });
    expect(read('martech-audit.yaml')).toEqual({
      version: 1, organization: { name: 'X', departments: ['marketing', 'sales', 'it'] },
      tools: [{ id: 'crm', name: 'CRM', cost: { amount: 10, period: 'month' } }],
    });
  });

  it('does not open files that do not parse', () => {
    write('martech-audit.yaml', MANIFEST);
    write('tools.yaml', 'tools:\n  - id: [\n');
    const opened = WorkspaceEditor.open(dir);
    expect(opened.editor).toBeUndefined();
    expect(opened.syntax[0].location.file).toBe('tools.yaml');
  });

  it('a new folder is written only when the first answer is given, with the JSON Schema', () => {
    const ws = join(dir, 'new');
    const ed = WorkspaceEditor.open(ws).editor!;
    expect(ed.isNew).toBe(true);
    expect(existsSync(ws)).toBe(false);
    ed.change((tx) => tx.set(['organization', 'name'], 'New Co'));
    expect(read('new/martech-audit.yaml')).toEqual({ version: 1, organization: { name: 'New Co' } });
    expect(existsSync(join(ws, 'martech-audit.schema.json'))).toBe(true);
  });
});

describe('files as they are on disk', () => {
  it('keeps CRLF line endings and a byte-order mark', () => {
    write('martech-audit.yaml', '\ufeff# Windows\r\nversion: 1\r\norganization:\r\n  name: X   # here\r\n');
    const ed = WorkspaceEditor.open(dir).editor!;
    expect(ed.change((tx) => tx.set(['organization', 'currency'], 'EUR')).ok).toBe(true);
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe('\ufeff# Windows\r\nversion: 1\r\norganization:\r\n  name: X   # here\r\n  currency: EUR\r\n');
  });

  it('reads back a file someone saved during the interview instead of overwriting it', () => {
    write('martech-audit.yaml', MANIFEST);
    const ed = WorkspaceEditor.open(dir).editor!;
    write('martech-audit.yaml', `${MANIFEST}# added in the editor\ntools:\n  - { id: crm, name: CRM }\n`);
    expect(ed.change((tx) => tx.setField('tools', 'crm', 'owner', 'sales')).ok).toBe(true);
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe(`${MANIFEST}# added in the editor\ntools:\n  - { id: crm, name: CRM, owner: sales }\n`);
    write('martech-audit.yaml', 'version: [\n');
    const out = ed.change((tx) => tx.set(['organization', 'currency'], 'EUR'));
    expect(out.ok).toBe(false);
    expect(out.errors[0].code).toBe('changed-on-disk');
    expect(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).toBe('version: [\n');
  });
});
