// The interview's step "customer" (format revision 2), driven through real prompts: personas and
// the touchpoints each meets, personalized and needs per touchpoint, the party of a data type the
// product does not know, whether it is personal or a consent choice, and a use restriction; "I don't know" becomes an open question.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceEditor } from '../../src/interview/workspace-editor.js';
import { runSession, fileHeaders, type SessionHandle } from '../../src/interview/session.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { parse } from 'yaml';
import { dataTypeFromText } from '../../src/interview/data-types.js';
import { interviewStep } from '../../src/cli/commands/interview.js';
import type { StepId } from '../../src/interview/state.js';
import { answer, prompt, testUi, until } from './driver.js';

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

async function start(step?: StepId, opts: { resume?: boolean } = {}) {
  const ed = WorkspaceEditor.open(dir).editor!;
  ed.headers = fileHeaders(false);
  const out: string[] = [];
  const ui = await testUi(out);
  const handle: SessionHandle = {};
  const done = runSession({ ed, ui, lang: 'en', step, ...opts }, handle);
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
    await answer('Is this right for this company?', 'enter');
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

  it('a full interview walks it after the integrations; Ctrl-C in a persona keeps it, and --resume finishes it', async () => {
    for (const [f, text] of Object.entries(FILES)) writeFileSync(join(dir, f), text);
    // Where an earlier interview stopped: the integrations.
    mkdirSync(join(dir, '.martech-audit'));
    writeFileSync(join(dir, '.martech-audit', 'interview.json'), JSON.stringify({ version: 1, step: 'integrations', done: [] }));
    const a = await start(undefined, { resume: true });
    await answer('Data flows from', 'enter'); // no more links: on to the customer's side
    await answer('Who is the journey for?', { type: 'IT buyer' }, 'enter');
    await answer('Id for "IT buyer"', 'enter');
    await answer('Which stages does "IT buyer" go through?', 'down', 'down', 'down', 'space', 'down', 'space', 'enter'); // not service, loyalty
    await answer('Where does the company meet "IT buyer"?', { ctrl: 'c' });
    await expect(a.done).rejects.toThrow();
    // Everything answered is written; the persona is an open entry of the step in progress.
    expect(parse(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).personas).toEqual([
      { id: 'it-buyer', name: 'IT buyer', stages: ['awareness', 'consideration', 'purchase'] },
    ]);
    const state = JSON.parse(readFileSync(join(dir, '.martech-audit', 'interview.json'), 'utf8'));
    expect(state).toMatchObject({ step: 'customer', open: ['persona:it-buyer'] });

    const b = await start(undefined, { resume: true });
    // The persona's stages come back as answered; then the question that was interrupted.
    await answer('Which stages does "IT buyer" go through?', 'enter');
    await answer('Where does the company meet "IT buyer"?', 'enter'); // the newsletter
    await answer('Another persona?', { type: 'End user' }, 'enter');
    await answer('Id for "End user"', 'enter');
    await answer('Which stages does "End user" go through?', 'enter');
    await answer('Where does the company meet "End user"?', 'space', 'enter'); // not the newsletter
    await answer('Another persona?', 'enter');
    await answer('Is "Monthly newsletter" tailored', 'enter');
    await answer('How fresh must customer data be at "Monthly newsletter"?', 'enter');
    await answer('Is "Support chat" tailored', 'enter');
    await answer('Where does "leads-rakuten" come from?', 'down', 'enter');
    await answer('Does "leads-rakuten" identify a person', 'enter');
    await answer('Is "leads-rakuten" a consent choice', 'down', 'enter');
    await answer('Is this right for this company?', 'enter');
    await answer('restricted by a contract or a law', 'enter');
    await b.done;
    expect(b.text()).toContain('Audit steps 3-5');
    expect(existsSync(join(dir, '.martech-audit'))).toBe(false);
    const ws = loadWorkspace(dir).workspace!;
    // "End user" is not met at the newsletter, whose only other persona goes through awareness.
    expect(ws.touchpoints.map((tp) => [tp.id, tp.personas])).toEqual([['newsletter', ['it-buyer']], ['support-chat', ['it-buyer', 'end-user']]]);
  });

  it('Ctrl-C after ticking restricted data: --resume asks for the restriction in words, not the ticks again', async () => {
    for (const [f, text] of Object.entries(FILES)) writeFileSync(join(dir, f), text);
    const a = await start('customer');
    await answer('Who is the journey for?', 'enter');
    await answer('Is "Monthly newsletter" tailored', 'enter');
    await answer('How fresh must customer data be at "Monthly newsletter"?', 'enter');
    await answer('Is "Support chat" tailored', 'enter');
    await answer('Where does "leads-rakuten" come from?', 'down', 'enter');
    await answer('Does "leads-rakuten" identify a person', 'enter');
    await answer('Is "leads-rakuten" a consent choice', 'down', 'enter');
    await answer('Is this right for this company?', 'enter');
    await answer('restricted by a contract or a law', 'space', 'down', 'down', 'down', 'space', 'enter'); // contact-profile, leads-rakuten
    await answer('What is the restriction on "Contact profile"?', { type: 'GDPR: EU only' }, 'enter');
    await answer('What is the restriction on "leads-rakuten"?', { ctrl: 'c' });
    await expect(a.done).rejects.toThrow();
    expect(JSON.parse(readFileSync(join(dir, '.martech-audit', 'interview.json'), 'utf8'))).toMatchObject({ step: 'customer', only: true, open: ['restricted:leads-rakuten'] });

    const b = await start('customer', { resume: true });
    // Straight to the restriction that was interrupted: everything before it is done.
    await answer('What is the restriction on "leads-rakuten"?', { type: 'Rakuten terms' }, 'enter');
    await b.done;
    const ws = loadWorkspace(dir).workspace!;
    expect(['contact-profile', 'leads-rakuten'].map((d) => ws.index.dataTypeById.get(d)?.restricted)).toEqual(['GDPR: EU only', 'Rakuten terms']);
    expect(existsSync(join(dir, '.martech-audit'))).toBe(false);
  });

  it('the data heard: built-in defaults are not asked but shown and open to correction; typed names find the vocabulary', async () => {
    writeFileSync(join(dir, 'martech-audit.yaml'), `${FILES['martech-audit.yaml']}data_types:\n  - { id: conversations, restricted: Chat logs stay in the EU }\n`);
    writeFileSync(join(dir, 'touchpoints.yaml'), FILES['touchpoints.yaml']);
    writeFileSync(join(dir, 'tools.yaml'), `tools:
  - { id: mailchimp, name: Mailchimp, data: [contact-profile, email-engagement, marketplace-orders] }
  - { id: intercom, name: Intercom, hub: true, data: [contact-profile, conversations] }
`);
    const s = await start('customer');
    await answer('Who is the journey for?', 'enter');
    await answer('Is "Monthly newsletter" tailored', 'enter');
    await answer('How fresh must customer data be at "Monthly newsletter"?', 'enter');
    await answer('Is "Support chat" tailored', 'enter');
    // Every type is in the vocabulary: nothing is asked, the classification is shown.
    await until(() => prompt().includes('Is this right for this company?'), () => 'the classification check');
    const shown = s.text().replace(/\s+/g, ' ');
    expect(shown).toContain('· Marketplace orders (marketplace-orders): second party*, personal* *');
    expect(shown).toContain('· Contact profile (contact-profile): first party*, personal* ·');
    expect(shown).toContain('· Conversations (conversations): first party*, personal*, use restricted ·');
    expect(shown).toContain('* the built-in default for this kind of data');
    // This company's marketplace orders are its own first-party data (its own shop on the mall, say).
    await answer('Is this right for this company?', { type: 'Change "Marketplace' }, 'enter');
    await answer('Where does "Marketplace orders" come from?', 'up', 'enter'); // second → first
    await answer('Does "Marketplace orders" identify a person', 'enter'); // yes, as before: nothing written
    await answer('Is "Marketplace orders" a consent choice', { type: '?' }, 'enter'); // a question, the default stays
    await answer('Is this right for this company?', 'enter');
    await answer('restricted by a contract or a law', 'enter');
    await s.done;
    const manifest = parse(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8'));
    expect(manifest.data_types).toEqual([{ id: 'conversations', restricted: 'Chat logs stay in the EU' }, { id: 'marketplace-orders', party: 'first' }]);
    expect(manifest.questions).toEqual([
      { about: 'data:marketplace-orders', field: 'consent', text: 'Is "Marketplace orders" a consent choice (opt-ins, unsubscribes, cookie choices)?' },
    ]);
    expect(loadWorkspace(dir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Words typed for "other data" find the built-in type, in English or Japanese.
    expect(['配信停止', 'Partner leads', 'パートナー経由のリード', '同意情報', 'Intent data', '楽天の購入者データ'].map(dataTypeFromText))
      .toEqual(['unsubscribes', 'partner-leads', 'partner-leads', 'consent', 'intent-data', 'rakuten-purchase-data']);
  });

  it('asks all of it in Japanese, in the glossary\'s terms (ペルソナ, ファーストパーティデータ, 同意情報, 利用制限)', async () => {
    const { initLang } = await import('../../src/i18n/index.js');
    await initLang('ja');
    try {
      writeFileSync(join(dir, 'martech-audit.yaml'), 'version: 1\norganization: { name: さくら商店, departments: [marketing] }\nsettings: { lang: ja }\n');
      writeFileSync(join(dir, 'touchpoints.yaml'), `touchpoints:
  - { id: line, name: LINE公式アカウント, stage: awareness, channel: chat, owner: marketing, tools: [line-oa], captures: [message-engagement] }
`);
      writeFileSync(join(dir, 'tools.yaml'), `tools:
  - { id: line-oa, name: LINE公式アカウント, owner: marketing, data: [message-engagement, rakuten-buyers, unsubscribes] }
`);
      const ed = WorkspaceEditor.open(dir).editor!;
      const out: string[] = [];
      const ui = await testUi(out);
      const done = runSession({ ed, ui, lang: 'ja', step: 'customer' });
      done.catch(() => undefined);
      await answer('ジャーニーの対象は誰ですか？', { type: '常連のお客様' }, 'enter');
      await answer('「常連のお客様」の id', 'enter');
      await answer('「常連のお客様」が通るステージはどれですか？', 'enter');
      await answer('「常連のお客様」と接する顧客接点', 'enter');
      await answer('ほかのペルソナは？', 'enter');
      await answer('「LINE公式アカウント」は今', 'enter');
      await answer('必要な顧客データの鮮度は？', 'enter');
      await until(() => prompt().includes('「rakuten-buyers」の出どころは？'), () => 'the party question');
      expect(prompt()).toContain('ファーストパーティデータ');
      expect(prompt()).toContain('セカンドパーティデータ');
      expect(prompt()).toContain('サードパーティデータ');
      await answer('「rakuten-buyers」の出どころは？', 'down', 'enter'); // セカンドパーティ
      await answer('「rakuten-buyers」は個人を特定', 'enter');
      await answer('「rakuten-buyers」は同意情報', { type: '?' }, 'enter');
      await until(() => prompt().includes('この会社について、これで合っていますか？'), () => 'the classification check');
      const shown = out.join('').replace(/\s+/g, '');
      expect(shown).toContain('配信停止(unsubscribes):ファーストパーティデータ*,個人データ*,同意情報*');
      expect(shown).toContain('rakuten-buyers:セカンドパーティデータ,個人データ,同意情報か不明（確認事項）');
      await answer('この会社について、これで合っていますか？', 'enter');
      await answer('契約や法令で利用が制限', 'down', 'space', 'enter'); // rakuten-buyers
      await answer('「rakuten-buyers」の利用制限', { type: '楽天の規約: 購入者データを楽天の外に出さない' }, 'enter');
      await done;
      const text = out.join('');
      expect(text).toContain('顧客側: ペルソナ・パーソナライズ・データ');
      // No English prompt or label slipped through.
      expect(text).not.toMatch(/Who is|first party|personal\*|Is this right/);
      const manifest = parse(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8'));
      expect(manifest.personas).toEqual([{ id: 'customer', name: '常連のお客様' }]); // an ascii id proposed from the Japanese name
      expect(manifest.data_types).toEqual([{ id: 'rakuten-buyers', party: 'second', personal: true, restricted: '楽天の規約: 購入者データを楽天の外に出さない' }]);
      expect(manifest.questions).toEqual([{ about: 'data:rakuten-buyers', field: 'consent', text: '「rakuten-buyers」は同意情報（オプトイン・配信停止・Cookie の同意）ですか？' }]);
      expect(loadWorkspace(dir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      await initLang('en');
    }
  });

  it('is step 6 of the walk, by number or name; the analysis is 7', () => {
    expect([interviewStep('customer'), interviewStep('6'), interviewStep('7'), interviewStep('8')]).toEqual(['customer', 'customer', 'analysis', undefined]);
  });
});

describe('interview: how often a link moves data, third-party cookies', () => {
  const WS = {
    'martech-audit.yaml': 'version: 1\norganization: { name: Lumen, currency: EUR, departments: [marketing, sales] }\n',
    'tools.yaml': `tools:
  - { id: hubspot, name: HubSpot, hub: true, owner: sales, data: [contact-profile] }
  - { id: sheet, name: Event leads sheet, capabilities: [spreadsheet], owner: marketing, data: [contact-profile, event-attendance] }
  - { id: adnet, name: AdNet Retarget, capabilities: [retargeting], owner: marketing, data: [] }
`,
  };

  it('asks the frequency of batch and manual links ("?" is a question), never of a realtime one', async () => {
    for (const [f, text] of Object.entries(WS)) writeFileSync(join(dir, f), text);
    const s = await start('integrations');
    await answer('Data flows from', { type: 'Event' }, 'enter');
    await answer('sheet sends data to', 'enter'); // the hub first
    await answer('Which data goes from sheet', 'enter');
    await answer('How does it move', 'down', 'enter'); // by hand
    await until(() => prompt().includes('Whenever someone does it'), () => 'the manual choice');
    await answer('How often does it move data from sheet to hubspot?', 'up', 'up', 'up', 'enter'); // whenever → weekly
    await answer('flow back', 'enter');
    await answer('Notes', 'enter');
    await answer('Data flows from', { type: 'HubSpot' }, 'enter');
    await answer('hubspot sends data to', { type: 'AdNet' }, 'enter');
    await answer('Which data goes from hubspot', 'enter');
    await answer('How does it move', 'enter'); // batch
    await answer('How often does it move data from hubspot to adnet?', { type: '?' }, 'enter');
    await answer('flow back', 'enter');
    await answer('Notes', 'enter');
    await answer('Data flows from', { type: 'Event' }, 'enter');
    await answer('sheet sends data to', { type: 'AdNet' }, 'enter');
    await answer('Which data goes from sheet', 'enter');
    await answer('How does it move', 'up', 'enter'); // real time: no frequency question
    await answer('flow back', 'enter');
    await answer('Notes', 'enter');
    await answer('Data flows from', 'enter');
    await s.done;
    const links = parse(readFileSync(join(dir, 'integrations.yaml'), 'utf8')).integrations;
    expect(links).toEqual([
      { from: 'sheet', to: 'hubspot', mode: 'manual', frequency: 'weekly' },
      { from: 'hubspot', to: 'adnet', mode: 'batch' },
      { from: 'sheet', to: 'adnet', mode: 'realtime' },
    ]);
    expect(parse(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).questions).toEqual([
      { about: 'integration:hubspot+adnet', field: 'frequency', text: 'How often does HubSpot send data to AdNet Retarget (every hour, day, week, month)?' },
    ]);
    // The audit lists it as a question, and reads no frequency into the link.
    const ws = loadWorkspace(dir).workspace!;
    expect(ws.integrations[1]).toMatchObject({ frequencyGiven: false });
    expect(ws.questions.map((q) => `${q.about} ${q.field}`)).toContain('integration:hubspot+adnet frequency');
  });

  it('asks an advertising tool whether it works on third-party cookies, at the end of the tools step; "?" is a question', async () => {
    for (const [f, text] of Object.entries(WS)) writeFileSync(join(dir, f), text);
    const s = await start('tools');
    await answer('Other tools', 'enter');
    await answer('Fill in what is missing now?', { type: 'y' }, 'enter');
    // Only the advertising tool is asked about cookies, not HubSpot or the sheet.
    await answer('What does "HubSpot" cost', { type: '0' }, 'enter');
    await answer('source of truth', 'enter');
    await answer('What does "Event leads sheet" cost', { type: '0' }, 'enter');
    await answer('source of truth', 'enter');
    await answer('Does "AdNet Retarget" work on third-party cookies', { type: '?' }, 'enter');
    expect(s.text()).toMatch(/"AdNet Retarget" still lacks: [^\n]*third-party cookies/);
    await answer('What does "AdNet Retarget" cost', { type: '1200' }, 'enter');
    await answer('Anything to change about a tool', { type: 'AdNet' }, 'enter');
    await answer('What should change about "AdNet Retarget"', ...Array(6).fill('down'), 'enter'); // third-party cookies
    await answer('Does "AdNet Retarget" work on third-party cookies', 'up', 'enter'); // no → yes
    await answer('What should change about "AdNet Retarget"', ...Array(9).fill('down'), 'enter'); // done
    await answer('Anything to change about a tool', 'enter');
    await s.done;
    const tools = parse(readFileSync(join(dir, 'tools.yaml'), 'utf8')).tools;
    expect(tools.map((x: { id: string; third_party_cookies?: boolean }) => [x.id, x.third_party_cookies])).toEqual([['hubspot', undefined], ['sheet', undefined], ['adnet', true]]);
    // Answered: the question recorded before is gone.
    expect(parse(readFileSync(join(dir, 'martech-audit.yaml'), 'utf8')).questions).toBeUndefined();
  });
});
