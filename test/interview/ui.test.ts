// The prompts the interview uses, through real @inquirer prompts (fake streams).
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { answer, testUi } from './driver.js';

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
