// The prompts the interview uses, through real @inquirer prompts (fake streams).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stripVTControlCharacters } from 'node:util';
import { answer, testUi, until } from './driver.js';
import { fitLine } from '../../src/interview/ui.js';
import { askYesNo, dontKnowLabel, type Ctx } from '../../src/interview/ask.js';
import { t } from '../../src/i18n/index.js';
import { displayWidth } from '../../src/util/width.js';

describe('checkbox lists', () => {
  it('typing a name does not tick or untick everything (no "a"/"i" shortcuts)', async () => {
    // QA: the interview says "type to filter lists"; in a list of tools, typing "intercom" or
    // "email" hit inquirer's a = all and i = invert and silently changed the answer.
    const ui = await testUi([]);
    const picked = ui.checkbox<string>({
      message: 'Tools used at "Website"',
      choices: [
        { name: 'Intercom', value: 'intercom', checked: true },
        { name: 'Mailchimp', value: 'mailchimp' },
        { name: 'Salesforce', value: 'salesforce', checked: true },
      ],
    });
    await answer('Tools used at', { type: 'intercom' }, { type: 'email' }, 'enter');
    expect(await picked).toEqual(['intercom', 'salesforce']);
    expect(screen.getScreen()).not.toMatch(/\ba all\b|\bi invert\b/);
  });
});

describe('checkbox lists filter as you type (issue #12)', () => {
  const DATA = ['contact-profile', 'company-profile', 'web-activity', 'email-engagement', 'consent', 'orders'];

  it('typing hides what does not match; space ticks the entry shown; Enter keeps ticks the filter hid', async () => {
    const ui = await testUi([]);
    const picked = ui.checkbox<string>({
      message: 'What data does "Website" capture?',
      choices: DATA.map((d) => ({ name: d, value: d, checked: d === 'consent' })),
    });
    await answer('capture', { type: 'prof' });
    await until(() => !screen.getScreen().includes('web-activity'), () => 'the filtered list');
    expect(screen.getScreen()).toContain('filter: prof');
    expect(screen.getScreen()).toMatch(/contact-profile[\s\S]*company-profile/);
    screen.keypress('down');
    screen.keypress('space'); // company-profile
    screen.keypress('escape');
    await until(() => screen.getScreen().includes('web-activity'), () => 'the whole list again');
    screen.type('zzz');
    await until(() => screen.getScreen().includes('nothing matches "zzz"'), () => 'no match');
    screen.keypress('enter');
    expect(await picked).toEqual(['company-profile', 'consent']);
  });

  it('? ticks "? I don\'t know" where the list has it', async () => {
    const ui = await testUi([]);
    const picked = ui.checkbox<string>({
      message: 'What data does "Website" capture?',
      choices: [...DATA.map((d) => ({ name: d, value: d })), { name: dontKnowLabel(), value: 'unknown', unknown: true }],
    });
    await answer('capture', { type: '?' });
    await until(() => /◉ \? I don't know/.test(screen.getScreen()), () => 'the ticked answer');
    screen.keypress('enter');
    expect(await picked).toEqual(['unknown']);
  });

  it('in a list without it, ? says so in plain words instead of doing nothing', async () => {
    const ui = await testUi([]);
    const picked = ui.checkbox<string>({ message: 'Departments', choices: [{ name: 'marketing', value: 'marketing', checked: true }, { name: 'sales', value: 'sales' }] });
    await answer('Departments', { type: '?' });
    await until(() => screen.getScreen().includes('This list has no "I don\'t know"'), () => 'the reason');
    expect(screen.getScreen()).not.toContain('filter:');
    screen.keypress('enter');
    expect(await picked).toEqual(['marketing']);
  });
});

describe('"?" = I don\'t know in every kind of prompt (issue #12)', () => {
  it('in a list, ? jumps to "? I don\'t know"', async () => {
    const ui = await testUi([]);
    const picked = ui.select<string>({
      message: 'Which department is responsible?',
      choices: [{ name: 'marketing', value: 'marketing' }, { name: 'sales', value: 'sales' }, { name: dontKnowLabel(), value: 'unknown' }],
    });
    await answer('responsible', { type: '?' }, 'enter');
    expect(await picked).toBe('unknown');
  });

  it('a yes/no question "I don\'t know" can answer is a list where y, n and ? pick', async () => {
    const ui = await testUi([]);
    const ctx = { ui } as unknown as Ctx;
    for (const [key, expected] of [['?', 'unknown'], ['n', false], ['y', true]] as const) {
      const v = askYesNo(ctx, 'Is it in the scope of this audit?', key !== 'y');
      await answer('in the scope', { type: key }, 'enter');
      expect(await v).toBe(expected);
    }
  });

  it('a yes/no question about the interview itself says why ? is not an answer there, in plain words', async () => {
    const ui = await testUi([]);
    const v = ui.confirm({ message: 'Use these stages?', default: true });
    await answer('Use these stages?', { type: '?' }, 'enter');
    await until(() => screen.getScreen().includes('this question has no "I don\'t know"'), () => 'the reason');
    expect(screen.getScreen()).not.toContain('You must answer with');
    screen.keypress('backspace');
    screen.type('n');
    screen.keypress('enter');
    expect(await v).toBe(false);
  });

  it('every list\'s key help says whether ? answers it', async () => {
    const ui = await testUi([]);
    const helpLine = (): string => screen.getScreen().split('\n').at(-1)!;
    const withIt = ui.select<string>({ message: 'Channel of "Blog"', choices: [{ name: 'website', value: 'website' }, { name: dontKnowLabel(), value: 'unknown' }] });
    await answer('Channel of');
    expect(helpLine()).toBe('↑↓ navigate • ? I don\'t know • ⏎ select');
    screen.type('?');
    screen.keypress('enter');
    expect(await withIt).toBe('unknown');
    const steering = ui.select<string>({ message: 'What should change about Mailchimp?', choices: [{ name: 'owner', value: 'owner' }, { name: 'done', value: 'done' }] });
    await answer('What should change');
    expect(helpLine()).toBe('↑↓ navigate • ⏎ select');
    screen.keypress('enter');
    expect(await steering).toBe('owner');
  });

  it('a typed question that "I don\'t know" cannot answer says so instead of taking "?" as a name', async () => {
    const ui = await testUi([]);
    const name = ui.input({ message: 'Name of the company audited' });
    await answer('Name of the company', { type: '?' }, 'enter');
    await until(() => screen.getScreen().includes('This question has no "I don\'t know"'), () => 'the reason');
    screen.keypress('backspace');
    screen.type('Acme');
    screen.keypress('enter');
    expect(await name).toBe('Acme');
    const cost = ui.input({ message: 'What does Mailchimp cost?', unknown: true });
    await answer('cost', { type: '?' }, 'enter');
    expect(await cost).toBe('?');
  });

  it('a new workspace in the current folder reads "in .:", not "in .."', () => {
    expect(t('interview.new', { path: '.' })).not.toContain('..');
  });

  it('the tips promise only what works: no "type to filter" for every list', () => {
    expect(t('interview.tips')).not.toMatch(/Type to filter lists/);
    expect(t('interview.tips')).toContain('? I don\'t know');
  });
});

describe('prompt lines never break inside a word', () => {
  it('long messages and notes are broken at spaces, within the width', async () => {
    const out: string[] = [];
    const ui = await testUi(out);
    const long = 'Does it need live customer data (a chat that knows the customer, real-time offers that bring the customer back)?';
    ui.say(long);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe(long);
  });

  it('any text: every line fits and no word is cut (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 100 }), (words, width) => {
      const text = words.join(' ');
      const lines = fitLine(text, width).split('\n');
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(text);
    }));
  });

  it('an indented note in colour keeps its indentation on the next line', () => {
    // QA (tmux, 50 columns): "  Awareness: first contact with the brand or" / "product" at column 0.
    const dim = '\u001b[2m  Awareness: first contact with the brand or product\u001b[22m';
    expect(stripVTControlCharacters(fitLine(dim, 50))).toBe('  Awareness: first contact with the brand or\n  product');
  });

  it('Japanese is broken between characters, within the width', () => {
    const text = 'リアルタイムの顧客データが必要ですか（お客様を把握したうえでのチャット対応、リアルタイムのオファーなど）？';
    const lines = fitLine(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join('')).toBe(text);
  });
});

describe('what a catalog match brings', () => {
  it('names a capability called like the category once', async () => {
    const { catalogNote } = await import('../../src/interview/steps/tools.js');
    // QA (tmux): Discourse showed "From the catalog: Online community; Online community".
    expect(catalogNote({ category: 'community', capabilities: ['community'] })).toBe('From the catalog: Online community');
    expect(catalogNote({ category: 'messaging', capabilities: ['messaging', 'chatbot'] })).toBe('From the catalog: Business messaging; Chatbot');
    expect(catalogNote({ category: 'crm', capabilities: ['crm', 'sales-pipeline'] })).toMatch(/^From the catalog: [^;]+; [^;]+$/);
  });
});

describe('the interview\'s tool search ranks like `catalog` (issue #12)', () => {
  it('"sales" offers Salesforce Sales Cloud first; tools already entered are ranked the same way', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { WorkspaceEditor } = await import('../../src/interview/workspace-editor.js');
    const { toolChoices } = await import('../../src/interview/steps/tools.js');
    const dir = mkdtempSync(join(tmpdir(), 'mta-rank-'));
    try {
      writeFileSync(join(dir, 'martech-audit.yaml'), `version: 1
organization: { name: Rank }
tools:
  - { id: pipeline-sync, name: Pipeline Sync, status: active }
  - { id: sales-deck, name: Sales Deck, status: active }
  - { id: presales-hub, name: Presales hub, status: active }
  - { id: shop, name: Shop, vendor: Online Retail Inc, status: active }
`);
      const ed = WorkspaceEditor.open(dir).editor!;
      const ctx = { ed, ui: await testUi([]) } as unknown as Ctx;
      const choices = toolChoices(ctx, 'sales', [], 'done');
      const mine = choices.filter((c) => c.value.t === 'tool').map((c) => (c.value as { id: string }).id);
      // A name starting with the word first; "presales" (inside a word) after it; no match not at all.
      expect(mine).toEqual(['sales-deck', 'presales-hub']);
      const catalog = choices.filter((c) => c.value.t === 'catalog').map((c) => (c.value as { id: string }).id);
      expect(catalog[0]).toBe('salesforce-sales-cloud');
      // "line" inside a vendor's "Online" or SharePoint's alias "SharePoint Online" is noise, as in `catalog line`.
      const line = toolChoices(ctx, 'line', [], 'done').map((c) => c.value).filter((v) => v.t === 'tool' || v.t === 'catalog').map((v) => (v as { id: string }).id);
      expect(line).not.toContain('shop');
      expect(line).not.toContain('microsoft-sharepoint');
      expect(line.slice(0, 3)).toEqual(expect.arrayContaining(['line-official-account', 'line-ads', 'line-works']));
      // A tool already entered matched only inside a word ("Pipeline Sync") comes after the word matches.
      expect(line.at(-1)).toBe('pipeline-sync');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text from the workspace reaches the terminal clean (issue #11, item 8)', () => {
  // An organisation or tool name from a pull request: retitle and clear the terminal, reverse the
  // text, start a GitHub workflow command on a line of its own.
  const HOSTILE = 'Tink\u001b]0;pwned\u0007\u001b[2J\u202eerly\u0000\n::add-mask::x';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: our own colours are allowed
  const ours = (s: string): string => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

  it('notes, messages, choices and defaults: no raw control, escape or bidi character, no command line', async () => {
    const out: string[] = [];
    const ui = await testUi(out);
    ui.say(HOSTILE);
    expect(out.join('')).not.toMatch(RAW);
    expect(out.join('')).not.toMatch(/^\s*::/m);
    expect(out.join('')).toContain('Tink\\u001b]0;pwned\\u0007\\u001b[2J\\u202eerly\\u0000');

    const picked = ui.select({ message: `Which one? ${HOSTILE}`, choices: [{ name: HOSTILE, value: 1, description: HOSTILE }, { name: 'b', value: 2 }] });
    await until(() => screen.getScreen().includes('Which one?'), () => 'the list');
    expect(ours(screen.getScreen({ raw: true }))).not.toMatch(RAW);
    screen.keypress('enter');
    expect(await picked).toBe(1);

    const typed = ui.input({ message: 'Name of the company', default: HOSTILE });
    await until(() => screen.getScreen().includes('Name of the company'), () => 'the input');
    expect(ours(screen.getScreen({ raw: true }))).not.toMatch(RAW);
    screen.keypress('enter');
    // What was shown is what Enter keeps.
    expect(await typed).toBe('Tink\\u001b]0;pwned\\u0007\\u001b[2J\\u202eerly\\u0000\\n::add-mask::x');
  });
});
