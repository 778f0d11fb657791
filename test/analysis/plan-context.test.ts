// What a rule's plan works with (src/analysis/roadmap/context.ts): it may propose only the
// initiative ids it declares, and its titles may be keys of its own text, so that a rule with a
// plan is still one module.
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/analysis/facts.js';
import { createPlanContext } from '../../src/analysis/roadmap/context.js';
import { loadText, wordsIn } from '../rules/helpers.js';

const ws = loadText('version: 1\norganization: { name: Plan Ltd, currency: EUR }\ntools:\n  - { id: desk, name: Help Desk, capabilities: [helpdesk] }\n');
const texts = { en: { 'roadmap.title': 'Give everyone on {tool} a seat' }, ja: { 'roadmap.title': '{tool} の全員にライセンスを' } } as const;
const context = (lang: 'en' | 'ja') => {
  const c = createPlanContext(ws, computeFacts(ws), [], wordsIn(ws, lang));
  c.proposing('the plan of toy-rule', ['add-seats'], { rule: 'toy-rule', template: (key, l) => (texts[l] as Record<string, string>)[key] });
  return c;
};
const init = () => ({ kind: 'process' as const, phase: 1 as const, title: 'x', tools: ['desk'], subjects: ['desk'], months: 1 });

describe('a plan', () => {
  it('proposes the initiative ids it declares, and no other', () => {
    const c = context('en');
    expect(c.draft('add-seats-desk', init).id).toBe('add-seats-desk');
    expect(c.draft('add-seats', init).id).toBe('add-seats');
    expect(() => c.draft('retire-desk', init)).toThrow(/the plan of toy-rule proposes the initiative retire-desk, which it does not declare \(it declares add-seats\)/);
    expect(() => c.draft('add-seatsx', init)).toThrow(/does not declare/);
  });

  it('titles its initiatives with its own text, in the language of the run, or with the shared catalog', () => {
    for (const lang of ['en', 'ja'] as const) {
      const c = context(lang);
      const own = c.title('roadmap.title', { tool: 'Help Desk' });
      expect(own.messageId).toBe('rules.toy-rule.roadmap.title');
      expect(own.text).toBe(lang === 'en' ? 'Give everyone on Help Desk a seat' : 'Help Desk の全員にライセンスを');
      expect(own.data).toEqual({ tool: 'Help Desk' });
      const shared = c.title('roadmap.title.cover-any', {});
      expect(shared.messageId).toBe('roadmap.title.cover-any');
    }
  });
});
