// A plan's titles are worded when first read (roadmap/context.ts LaterWorded, #18: most drafts of a
// large stack are merged into programmes and their titles never shown). Property: a title read
// later is the title worded at once (the translator's tw / twCount, or the rule's own text), in both
// languages, whatever the parameters, and it does not change when the proposer changes meanwhile.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/analysis/facts.js';
import { createPlanContext } from '../../src/analysis/roadmap/context.js';
import { worded, type Params, type Worded } from '../../src/i18n/index.js';
import { loadText, wordsIn } from '../rules/helpers.js';

const ws = loadText('version: 1\norganization: { name: Plan Ltd, currency: EUR }\ntools:\n  - { id: desk, name: Help Desk, capabilities: [helpdesk] }\n');
const own = {
  en: { 'roadmap.title': 'Give everyone on {tool} a seat ({count})', 'roadmap.title.one': 'Give {tool} one seat', 'roadmap.title.other': 'Give {tool} {count} seats' },
  ja: { 'roadmap.title': '{tool} の全員にライセンスを（{count}）' },
} as const;
const ownText = (key: string, lang: 'en' | 'ja') => (own[lang] as Record<string, string>)[key];

const plain = (w: Worded) => ({ messageId: w.messageId, text: w.text, data: w.data, string: String(w) });
const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -3, max: 2000 }), fc.constant(undefined), fc.constant(null));
const params = fc.record({ tool: value, count: value, from: value, to: value, active: value, tools: value, department: value }, { requiredKeys: [] });
const sharedKey = fc.constantFrom('roadmap.title.license', 'roadmap.title.retire-redundant', 'roadmap.title.connect-group', 'roadmap.title.licenses', 'roadmap.title.no-such-key');

describe('plan titles worded later', () => {
  it('read later, are the titles worded at once', () => {
    fc.assert(fc.property(fc.constantFrom('en' as const, 'ja' as const), sharedKey, fc.integer({ min: 0, max: 30 }), params, fc.boolean(),
      (lang, key, count, p, readTwice) => {
        const words = wordsIn(ws, lang);
        const c = createPlanContext(ws, computeFacts(ws), [], words);
        c.proposing('the plan of toy-rule', ['add-seats'], { rule: 'toy-rule', template: ownText });
        const later = [c.title(key, p as Params), c.titleCount(key, count, p as Params), c.title('roadmap.title', p as Params), c.titleCount('roadmap.title', count, p as Params)];
        // Another proposer meanwhile: the titles already asked for keep their texts.
        c.proposing('the platform step', ['replatform']);
        const variant = (k: string) => (ownText(`${k}.${count === 1 ? 'one' : 'other'}`, lang) !== undefined && lang === 'en' ? `${k}.${count === 1 ? 'one' : 'other'}` : k);
        const now = [
          words.tr.tw(key, p as Params), words.tr.twCount(key, count, p as Params),
          worded('rules.toy-rule.roadmap.title', ownText('roadmap.title', lang), p as Params, lang),
          worded(`rules.toy-rule.${variant('roadmap.title')}`, ownText(variant('roadmap.title'), lang), p as Params, lang),
        ];
        for (let i = 0; i < later.length; i++) {
          expect(plain(later[i])).toEqual(plain(now[i]));
          if (readTwice) expect(plain(later[i])).toEqual(plain(now[i]));
        }
      }), { numRuns: 300 });
  });
});
