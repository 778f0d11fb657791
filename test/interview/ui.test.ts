// The prompts the interview uses, through real @inquirer prompts (fake streams).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it('Japanese is broken between characters, within the width', () => {
    const text = 'リアルタイムの顧客データが必要ですか（お客様を把握したうえでのチャット対応、リアルタイムのオファーなど）？';
    const lines = fitLine(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join('')).toBe(text);
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
`);
      const ed = WorkspaceEditor.open(dir).editor!;
      const ctx = { ed, ui: await testUi([]) } as unknown as Ctx;
      const choices = toolChoices(ctx, 'sales', [], 'done');
      const mine = choices.filter((c) => c.value.t === 'tool').map((c) => (c.value as { id: string }).id);
      // A name starting with the word first; "presales" (inside a word) after it; no match not at all.
      expect(mine).toEqual(['sales-deck', 'presales-hub']);
      const catalog = choices.filter((c) => c.value.t === 'catalog').map((c) => (c.value as { id: string }).id);
      expect(catalog[0]).toBe('salesforce-sales-cloud');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
