// The interview's step "customer" (format revision 2), driven through real prompts: personas and
// the touchpoints each meets, personalized and needs per touchpoint, the party of a data type the
// product does not know, whether it is personal or a consent choice, and a use restriction; "I don't know" becomes an open question.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceEditor } from '../../src/interview/workspace-editor.js';
import { runSession, fileHeaders, type SessionHandle } from '../../src/interview/session.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { customerStep } from '../../src/interview/steps/customer.js';
import { interviewStep } from '../../src/cli/commands/interview.js';
import { StateStore } from '../../src/interview/state.js';
import type { Ctx } from '../../src/interview/ask.js';
import type { Ui } from '../../src/interview/ui.js';
import { answer, testUi } from './driver.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mta-customer-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const FILES = {
  'martech-audit.yaml': `version: 1
organization:
  name: Northwind
  departments: [marketing, service]
`,
  'touchpoints.yaml': `touchpoints:
  - id: newsletter
    name: Monthly newsletter
    stage: awareness
    channel: email
    owner: marketing
    tools: [mailchimp]
    captures: [email-engagement]
  - id: support-chat
    name: Support chat
    stage: service
    channel: chat
    owner: service
    tools: [intercom]
    captures: [conversations]
    realtime: true
`,
  'tools.yaml': `tools:
  - { id: mailchimp, name: Mailchimp, data: [contact-profile, email-engagement, leads-rakuten] }
  - { id: intercom, name: Intercom, hub: true, data: [contact-profile, conversations] }
`,
};

async function start(step?: 'customer') {
  const ed = WorkspaceEditor.open(dir).editor!;
  ed.headers = fileHeaders(false);
  const out: string[] = [];
  const ui = await testUi(out);
  const handle: SessionHandle = {};
  const done = runSession({ ed, ui, lang: 'en', step }, handle);
  done.catch(() => undefined);
  return { done, text: () => out.join('') };
}

describe('interview: the customer\'s side', () => {
  it('--step customer maps personas, personalization, freshness and data provenance; "I don\'t know" is a question', async () => {
    for (const [f, text] of Object.entries(FILES)) writeFileSync(join(dir, f), text);
    const s = await start('customer');
    await answer('Who is the journey for?', { type: 'IT buyer' }, 'enter');
    await answer('Id for "IT buyer"', 'enter');
    await answer('Which stages does "IT buyer" go through?', 'down', 'down', 'down', 'space', 'down', 'space', 'enter'); // not service, loyalty
    await answer('Where does the company meet "IT buyer"?', 'enter'); // the newsletter
    await answer('Another persona?', { type: 'End user' }, 'enter');
    await answer('Id for "End user"', 'enter');
    await answer('Which stages does "End user" go through?', 'enter');
    await answer('Where does the company meet "End user"?', 'space', 'enter'); // not the newsletter
    await answer('Another persona?', 'enter');
    await answer('Is "Monthly newsletter" tailored', 'enter'); // no
    await answer('How fresh must customer data be at "Monthly newsletter"?', 'down', 'enter'); // weekly
    await answer('Is "Support chat" tailored', 'down', 'down', 'enter'); // I don't know
    // Support chat is realtime already: its freshness is not asked.
    await answer('Where does "leads-rakuten" come from?', 'down', 'enter'); // second party
    await answer('Does "leads-rakuten" identify a person', 'enter'); // yes
    await answer('Is "leads-rakuten" a consent choice', 'down', 'down', 'enter'); // I don't know
    await answer('restricted by a contract or a law', 'down', 'down', 'down', 'space', 'enter');
    await answer('What is the restriction on "leads-rakuten"?', { type: 'Rakuten terms: buyer data stays in Rakuten' }, 'enter');
    await s.done;

    const res = loadWorkspace(dir);
    expect(res.diagnostics).toEqual([]);
    const ws = res.workspace!;
    expect(ws.personas.map((p) => [p.id, p.stages, p.stagesGiven])).toEqual([
      ['it-buyer', ['awareness', 'consideration', 'purchase'], true],
      ['end-user', ['awareness', 'consideration', 'purchase', 'service', 'loyalty'], false],
    ]);
    const [newsletter, chat] = ws.touchpoints;
    expect(newsletter).toMatchObject({ personas: ['it-buyer'], personasGiven: true, personalized: false, needs: 'weekly' });
    expect(chat).toMatchObject({ personas: ['it-buyer', 'end-user'], personasGiven: false, personalized: undefined, needs: 'realtime' });
    expect(ws.index.dataTypeById.get('leads-rakuten')).toMatchObject({
      party: 'second', personal: true, consent: undefined, restricted: 'Rakuten terms: buyer data stays in Rakuten',
      given: { party: true, personal: true, consent: false, restricted: true },
    });
    expect(ws.questions.map((q) => [q.about, q.field, q.ask])).toEqual([
      ['touchpoint:support-chat', 'personalized', 'service'], ['data:leads-rakuten', 'consent', undefined],
    ]);
    // Short lists go to the manifest; the touchpoint fields next to the touchpoint.
    const manifest = readFileSync(join(dir, 'martech-audit.yaml'), 'utf8');
    expect(manifest).toContain('personas:\n');
    expect(manifest).toContain('data_types:\n');
    expect(readFileSync(join(dir, 'touchpoints.yaml'), 'utf8')).toContain('    personas: [it-buyer]\n');
  });

  it('in a full interview, a workspace that maps no personas or data types is not asked about them (a hint says how)', async () => {
    for (const [f, text] of Object.entries(FILES)) writeFileSync(join(dir, f), text);
    const ed = WorkspaceEditor.open(dir).editor!;
    const said: string[] = [];
    const refuse = () => Promise.reject(new Error('asked'));
    const ui = { say: (x: string) => said.push(x), input: refuse, select: refuse, checkbox: refuse, confirm: refuse, search: refuse } as unknown as Ui;
    const ctx: Ctx = { ed, ui, store: new StateStore(dir, 'directory'), st: { version: 1, step: 'customer', done: [] }, lang: 'en', reviewed: new Set() };
    await customerStep(ctx, false);
    // Only a hint how to map it.
    expect(said.join('\n')).toContain('--step customer');
    expect(said).toHaveLength(1);
    // Once it has a persona, the full interview goes through the step (and asks).
    writeFileSync(join(dir, 'martech-audit.yaml'), `${FILES['martech-audit.yaml']}personas: [{ id: buyer, name: Buyer }]\n`);
    const ed2 = WorkspaceEditor.open(dir).editor!;
    await expect(customerStep({ ...ctx, ed: ed2 }, false)).rejects.toThrow('asked');
  });
  it('is --step customer by name; the numbers of the usual walk stay as they were (6 = analysis)', () => {
    expect([interviewStep('customer'), interviewStep('6'), interviewStep('7')]).toEqual(['customer', 'analysis', undefined]);
  });
});
