// Format revision 2, the customer's side (format.md, "Additions of revision 2"): personas, data
// types and their built-in vocabulary, freshness (`needs`), conversational touchpoints, link
// frequency. The analysis reads only the model, so the model's effective values and "was it given"
// flags are the contract tested here.
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { loadFromText, loadWorkspace } from '../../src/workspace/load.js';
import { initLang } from '../../src/i18n/index.js';
import { ja as jaMessages } from '../../src/i18n/ja/index.js';
import { CHANNELS, FREQUENCIES, FRESHNESS, INTEGRATION_MODES, ID_PATTERN } from '../../src/workspace/vocabulary.js';
import { loadCatalog } from '../../src/catalog/index.js';
import { workspaceJsonSchema } from '../../src/workspace/json-schema.js';
import type { Diagnostic } from '../../src/workspace/diagnostics.js';

const fx = (name: string) => join('test/fixtures/loader/r2', name);

interface Expect { code: string; line: number; column: number; message: RegExp; suggestion?: RegExp; severity?: 'error' | 'warning'; related?: number }

const cases: Record<string, Expect[]> = {
  'unknown-persona.yaml': [{ code: 'unresolved-reference', line: 11, column: 16, message: /no persona has the id "it-buyr" \(met at touchpoint "webinar"\)/, suggestion: /did you mean "it-buyer"/ }],
  'no-personas.yaml': [{ code: 'unresolved-reference', line: 8, column: 16, message: /no persona has the id "it-buyer"/, suggestion: /lists no personas yet; add them under `personas:`/ }],
  'persona-stage.yaml': [{ code: 'unresolved-reference', line: 6, column: 14, message: /no journey stage has the id "awarenes" \(persona "it-buyer"/, suggestion: /did you mean "awareness"/ }],
  'unknown-persona-key.yaml': [{ code: 'unknown-key', line: 6, column: 5, message: /unknown field "stage" in persona "it-buyer"/, suggestion: /did you mean "stages"/ }],
  'duplicate-persona.yaml': [
    { code: 'duplicate-id', line: 6, column: 9, message: /the persona id "it-buyer" is defined twice \(also at test\/fixtures\/loader\/r2\/duplicate-persona.yaml:4\)/, related: 4 },
    { code: 'duplicate-id', line: 11, column: 9, message: /the data type id "consent" is defined twice/, related: 9 },
  ],
  'needs-realtime.yaml': [
    { code: 'contradictory-fields', line: 9, column: 12, message: /touchpoint "live-offer" says `realtime: true` and `needs: daily`/, suggestion: /keep one of them/, related: 8 },
    { code: 'contradictory-fields', line: 15, column: 12, message: /touchpoint "call-back" says `realtime: false` and `needs: realtime`/, related: 14 },
  ],
  'bad-needs.yaml': [{ code: 'invalid-value', line: 8, column: 12, message: /touchpoint "webinar", field "needs".*use one of realtime, hourly, daily, weekly, monthly/, suggestion: /did you mean "weekly"/ }],
  'bad-party.yaml': [
    { code: 'invalid-value', line: 5, column: 12, message: /data type "contact-profile", field "party".*use one of first, second, third/ },
    { code: 'invalid-value', line: 7, column: 17, message: /field "restricted" should be the restriction in words, or false for none; found true/, suggestion: /restricted: "Rakuten terms/ },
  ],
};

const warnings: Record<string, Expect[]> = {
  'persona-stage-mismatch.yaml': [{ code: 'persona-stage-mismatch', line: 12, column: 16, message: /persona "it-buyer" is met at touchpoint "support-chat" in stage "service", which is not one of the stages it goes through \(awareness, consideration, purchase\)/, suggestion: /add "service" to the stages of persona "it-buyer"/ }],
  'frequency-mode.yaml': [
    { code: 'frequency-mode', line: 11, column: 16, message: /this link is `mode: realtime` but says `frequency: weekly`/, suggestion: /if it runs weekly, write `mode: batch`/ },
    { code: 'frequency-mode', line: 15, column: 16, message: /`mode: manual` but says `frequency: realtime`/, suggestion: /people cannot copy data as it happens/ },
  ],
  'data-type-typo.yaml': [
    { code: 'unused-data-type', line: 14, column: 9, message: /data type "contact-profil" is described in `data_types`, but no tool, touchpoint or link uses it/, suggestion: /did you mean "contact-profile"/ },
    { code: 'unused-data-type', line: 16, column: 9, message: /"leads-rakuen" is described/, suggestion: /did you mean "leads-rakuten"/ },
    { code: 'unknown-data-type', line: 6, column: 29, message: /data type "leads-rakuten" is neither in `data_types` nor a built-in data type; it is accepted/, suggestion: /did you mean "leads-rakuen"/ },
  ],
};

function check(file: string, res: ReturnType<typeof loadWorkspace>, e: Expect, severity: 'error' | 'warning') {
  const d = res.diagnostics.find((x: Diagnostic) => x.code === e.code && x.location.line === e.line);
  expect(d, `${e.code} at line ${e.line} in ${JSON.stringify(res.diagnostics, null, 1)}`).toBeDefined();
  expect(d!.severity).toBe(severity);
  expect(d!.location.file).toBe(`test/fixtures/loader/r2/${file}`);
  expect(d!.location.column).toBe(e.column);
  expect(d!.message).toMatch(e.message);
  if (e.suggestion) expect(d!.suggestion ?? '').toMatch(e.suggestion);
  if (e.related) expect(d!.related?.[0].location.line).toBe(e.related);
}

describe('revision 2 error classes', () => {
  for (const [file, expected] of Object.entries(cases)) {
    it(`${file}: ${expected.map((e) => e.code).join(', ')} with file, line, column and suggestion`, () => {
      const res = loadWorkspace(fx(file));
      expect(res.ok).toBe(false);
      for (const e of expected) check(file, res, e, 'error');
    });
  }
  for (const [file, expected] of Object.entries(warnings)) {
    it(`${file}: warns ${expected.map((e) => e.code).join(', ')}, and the workspace still reads`, () => {
      const res = loadWorkspace(fx(file));
      expect(res.ok).toBe(true);
      for (const e of expected) check(file, res, e, 'warning');
      expect(res.diagnostics).toHaveLength(expected.length);
    });
  }

  it('a persona that fails the schema still counts as defined: one error, not one per touchpoint that names it', () => {
    const res = loadFromText(`version: 1
organization: { name: X }
personas:
  - { id: it-buyer, stages: [awareness] }
touchpoints:
  - { id: a, name: A, stage: awareness, channel: email, personas: [it-buyer] }
  - { id: b, name: B, stage: consideration, channel: webinar, personas: [it-buyer] }
`);
    expect(res.diagnostics.map((d) => [d.code, d.location.line, d.message])).toEqual([
      ['missing-field', 4, 'persona "it-buyer" is missing the required field "name"'],
    ]);
  });

  it('a data type nothing resembles is accepted without a word, as in a version-1 workspace', () => {
    const res = loadFromText(`version: 1
organization: { name: X }
tools:
  - { id: crm, name: CRM, data: [contact-profile, warranty-cards] }
data_types:
  - { id: contact-profile, restricted: "EU only" }
`);
    expect(res.diagnostics).toEqual([]);
    const dt = res.workspace!.index.dataTypeById.get('warranty-cards')!;
    expect(dt).toMatchObject({ builtIn: false, declared: false, used: true, name: 'warranty-cards' });
    expect([dt.party, dt.personal, dt.consent, dt.restricted]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('open questions about personas and data types', () => {
  it('checks a persona subject like a tool subject; a data subject is any word', () => {
    const res = loadFromText(`version: 1
organization: { name: X }
personas: [{ id: it-buyer, name: IT buyer }]
questions:
  - { about: persona:it-buyr, text: Which stages does the IT buyer go through? }
  - { about: "data:楽天の購入者", field: party, text: Where does this list come from? }
`);
    expect(res.ok).toBe(true);
    expect(res.diagnostics.map((d) => [d.code, d.location.line, d.suggestion])).toEqual([
      ['unresolved-reference', 5, 'did you mean "persona:it-buyer"?'],
    ]);
    expect(res.workspace!.questions.map((q) => q.about)).toEqual(['persona:it-buyr', 'data:楽天の購入者']);
  });
});

describe('revision 2 messages in Japanese', () => {
  afterAll(() => initLang('en'));
  it('names personas and data types in the glossary\'s words', async () => {
    await initLang('ja');
    const persona = loadWorkspace(fx('unknown-persona.yaml')).diagnostics[0];
    expect(persona.message).toBe('id が「it-buyr」のペルソナはありません（顧客接点「webinar」）');
    expect(persona.suggestion).toMatch(/it-buyer/);
    const party = loadWorkspace(fx('bad-party.yaml')).diagnostics;
    expect(party[0].message).toMatch(/^データの種類「contact-profile」の項目「party」/);
    expect(party[1].message).toMatch(/利用制限の内容を文章で/);
    const freq = loadWorkspace(fx('frequency-mode.yaml')).diagnostics[0];
    expect(freq.suggestion).toMatch(/実際に毎週で動いているなら `mode: batch`/);
  });

  it('every new message has a Japanese text', () => {
    const en = readFileSync('src/i18n/en/customer.ts', 'utf8');
    const keys = [...en.matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(jaMessages[k], k).toBeDefined();
  });
});

describe('revision 2 model', () => {
  const ws = loadWorkspace(fx('base.yaml')).workspace!;

  it('reads the example without a word', () => {
    expect(loadWorkspace(fx('base.yaml')).diagnostics).toEqual([]);
  });

  it('personas: stages as given in journey order, or every stage', () => {
    expect(ws.personas.map((p) => [p.id, p.stages, p.stagesGiven])).toEqual([
      ['it-buyer', ['awareness', 'consideration', 'purchase'], true],
      ['end-user', ['awareness', 'consideration', 'purchase', 'service', 'loyalty'], false],
    ]);
    expect(ws.index.personaById.get('it-buyer')!.loc.line).toBe(4);
  });

  it('touchpoints: personas default to everyone; personalized and needs stay unknown when not said', () => {
    const [webinar, chat, newsletter] = ws.touchpoints;
    expect(webinar).toMatchObject({ personas: ['it-buyer'], personasGiven: true, personalized: false, needs: 'daily', realtime: false });
    expect(chat).toMatchObject({ personas: ['it-buyer', 'end-user'], personasGiven: false, personalized: undefined, needs: undefined });
    // `realtime: true` is `needs: realtime`.
    expect(newsletter).toMatchObject({ needs: 'realtime', realtime: true });
  });

  it('conversational: by channel and stage unless given', () => {
    const [webinar, chat, newsletter] = ws.touchpoints;
    expect([webinar.conversational, chat.conversational, newsletter.conversational]).toEqual([false, true, false]);
    expect(ws.touchpoints.every((tp) => !tp.conversationalGiven)).toBe(true);
  });

  it('tools: third_party_cookies as given; network from the tool or its catalog entry', () => {
    expect(ws.index.toolById.get('criteo')).toMatchObject({ thirdPartyCookies: true, network: 'criteo' });
    expect(ws.index.toolById.get('hubspot')).toMatchObject({ thirdPartyCookies: undefined, network: undefined });
  });

  it('integrations: frequency defaults to realtime / daily by mode, none for a manual link', () => {
    expect(ws.integrations.map((i) => [i.id, i.mode, i.frequency, i.frequencyGiven])).toEqual([
      ['excel+hubspot', 'manual', undefined, false],
      ['hubspot+criteo', 'realtime', 'realtime', false],
      ['hubspot+excel', 'batch', 'weekly', true],
    ]);
  });

  it('data types: one per id in use or described, vocabulary defaults overridden field by field', () => {
    expect(ws.dataTypes.map((d) => d.id)).toEqual(['contact-profile', 'email-engagement', 'event-attendance', 'leads-rakuten', 'unsubscribes']);
    const byId = ws.index.dataTypeById;
    expect(byId.get('contact-profile')).toMatchObject({
      party: 'first', personal: true, consent: false, restricted: false, builtIn: true, declared: true, used: true,
      given: { name: false, party: false, personal: false, consent: false, restricted: true },
    });
    expect(byId.get('email-engagement')).toMatchObject({
      party: 'first', consent: false, restricted: undefined, declared: false, loc: undefined,
      given: { party: false, personal: false, consent: false, restricted: false },
    });
    expect(byId.get('leads-rakuten')).toMatchObject({
      name: '楽天の購入者', party: 'second', personal: undefined, consent: undefined,
      restricted: 'Rakuten terms: buyer data may not leave Rakuten', builtIn: false, declared: true,
      given: { name: true, party: true, personal: false, consent: false, restricted: true },
    });
    expect(byId.get('unsubscribes')).toMatchObject({ consent: true, given: { consent: true, party: true, personal: false } });
    expect(byId.get('unsubscribes')!.loc?.line).toBe(61);
  });

  it('a built-in data type is named in the output language', async () => {
    expect(ws.index.dataTypeById.get('email-engagement')!.name).toBe('Email engagement');
    await initLang('ja');
    try {
      expect(ws.index.dataTypeById.get('email-engagement')!.name).toBe('メールの反応');
    } finally {
      await initLang('en');
    }
  });

  it.each(['test/fixtures/loader/fast-path', 'test/fixtures/rules/inconsistent-experience/trigger.yaml', 'test/fixtures/rules/manual-integration/trigger.yaml'])('version 1 (%s): personas: [], no persona on any touchpoint, the vocabulary\'s view of its data', (path) => {
    const v1 = loadWorkspace(path).workspace!;
    expect(v1.personas).toEqual([]);
    expect(v1.touchpoints.every((tp) => tp.personas.length === 0 && !tp.personasGiven && tp.personalized === undefined)).toBe(true);
    expect(v1.touchpoints.every((tp) => tp.needs === (tp.realtime ? 'realtime' : undefined))).toBe(true);
    expect(v1.dataTypes.every((d) => !d.declared && Object.values(d.given).every((g) => !g))).toBe(true);
  });
});

describe('conversational touchpoint (rules.md)', () => {
  const conv = (channel: string, stage: string, stages?: string) => {
    const res = loadFromText(`version: 1
organization: { name: X }
${stages ?? ''}
touchpoints:
  - { id: tp, name: TP, stage: ${stage}, channel: ${channel} }
`);
    expect(res.ok, JSON.stringify(res.diagnostics)).toBe(true);
    return res.workspace!.touchpoints[0].conversational;
  };

  it('chat, phone and store always; email, website, mobile-app, sms and other at purchase or service', () => {
    for (const ch of CHANNELS) {
      for (const st of ['awareness', 'consideration', 'purchase', 'service', 'loyalty']) {
        const expected = ['chat', 'phone', 'store'].includes(ch)
          || (['email', 'website', 'mobile-app', 'sms', 'other'].includes(ch) && ['purchase', 'service'].includes(st));
        expect(conv(ch, st), `${ch} at ${st}`).toBe(expected);
      }
    }
  });

  it('a custom stage after purchase counts as late; a default stage (loyalty) does not', () => {
    const stages = 'stages: [{ id: awareness, name: A }, { id: purchase, name: P }, { id: onboarding, name: O }, { id: loyalty, name: L }]';
    expect(conv('email', 'onboarding', stages)).toBe(true);
    expect(conv('email', 'loyalty', stages)).toBe(false);
    const early = 'stages: [{ id: discovery, name: D }, { id: purchase, name: P }]';
    expect(conv('website', 'discovery', early)).toBe(false);
    // A journey without purchase or service has no late stage: say `conversational:` where it applies.
    expect(conv('email', 'buy', 'stages: [{ id: find, name: F }, { id: buy, name: B }]')).toBe(false);
  });

  it('an explicit value wins and is marked as given', () => {
    const res = loadFromText(`version: 1
organization: { name: X }
touchpoints:
  - { id: a, name: A, stage: awareness, channel: chat, conversational: false }
  - { id: b, name: B, stage: awareness, channel: webinar, conversational: true }
`);
    expect(res.workspace!.touchpoints.map((tp) => [tp.conversational, tp.conversationalGiven])).toEqual([[false, true], [true, true]]);
  });
});

describe('revision 2 properties', () => {
  it('realtime and needs: either a contradiction error, or realtime is exactly needs: realtime', () => {
    const realtime = fc.constantFrom(undefined, true, false);
    const needs = fc.constantFrom(undefined, ...FRESHNESS);
    fc.assert(fc.property(realtime, needs, (rt, nd) => {
      const fields = [rt === undefined ? '' : `, realtime: ${rt}`, nd === undefined ? '' : `, needs: ${nd}`].join('');
      const res = loadFromText(`version: 1\norganization: { name: X }\ntouchpoints:\n  - { id: a, name: A, stage: awareness, channel: email${fields} }\n`);
      const contradiction = rt !== undefined && nd !== undefined && (nd === 'realtime') !== rt;
      expect(res.ok).toBe(!contradiction);
      if (contradiction) return;
      const tp = res.workspace!.touchpoints[0];
      expect(tp.realtime).toBe(rt === true || nd === 'realtime');
      expect(tp.needs).toBe(nd ?? (rt ? 'realtime' : undefined));
    }));
  });

  it('frequency: given wins; else by mode; a warning exactly when realtime-ness disagrees', () => {
    fc.assert(fc.property(fc.constantFrom(undefined, ...INTEGRATION_MODES), fc.constantFrom(undefined, ...FREQUENCIES), (mode, freq) => {
      const fields = [mode ? `, mode: ${mode}` : '', freq ? `, frequency: ${freq}` : ''].join('');
      const res = loadFromText(`version: 1
organization: { name: X }
tools: [{ id: a, name: A, data: [orders] }, { id: b, name: B, data: [orders] }]
integrations:
  - { from: a, to: b${fields} }
`);
      expect(res.ok).toBe(true);
      const link = res.workspace!.integrations[0];
      const effectiveMode = mode ?? (freq === 'realtime' ? 'realtime' : 'batch');
      expect(link.mode).toBe(effectiveMode);
      expect(link.frequency).toBe(freq ?? { realtime: 'realtime', batch: 'daily', manual: undefined }[effectiveMode]);
      expect(link.frequencyGiven).toBe(freq !== undefined);
      const warned = res.diagnostics.some((d) => d.code === 'frequency-mode');
      expect(warned).toBe(freq !== undefined && (freq === 'realtime') !== (effectiveMode === 'realtime'));
    }));
  });
});

describe('the built-in data types (data/data-types.yaml)', () => {
  const raw = jsYaml.load(readFileSync('data/data-types.yaml', 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as { version: number; data_types: any[] };

  it('is well formed: unique ids, both names, every default written out', () => {
    expect(raw.version).toBe(1);
    const ids = raw.data_types.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of raw.data_types) {
      expect(Object.keys(d).sort(), d.id).toEqual(['consent', 'id', 'name', 'party', 'personal']);
      expect(d.id).toMatch(ID_PATTERN);
      expect(d.name.en && d.name.ja, d.id).toBeTruthy();
      expect(['first', 'second', 'third']).toContain(d.party);
      expect(typeof d.personal).toBe('boolean');
      expect(typeof d.consent).toBe('boolean');
    }
  });

  it('says what format.md says of the common types', () => {
    const by = new Map(raw.data_types.map((d) => [d.id, d]));
    expect(by.get('contact-profile')).toMatchObject({ party: 'first', personal: true, consent: false });
    expect(by.get('email-engagement')).toMatchObject({ party: 'first', consent: false });
    for (const id of ['consent', 'preferences', 'unsubscribes']) expect(by.get(id).consent, id).toBe(true);
    for (const id of ['enrichment', 'firmographics']) expect(by.get(id).party, id).toBe('third');
    expect(by.get('partner-leads').party).toBe('second');
  });

  it('names each type as the Japanese output does, and covers every data type of the catalog', () => {
    for (const d of raw.data_types) expect(jaMessages[`data.${d.id}`], d.id).toBe(d.name.ja);
    const ids = new Set(raw.data_types.map((d) => d.id));
    for (const tool of loadCatalog().tools) for (const d of tool.data) expect(ids.has(d), `${tool.id}: ${d}`).toBe(true);
  });
});

describe('the blank template', () => {
  // Its commented examples are what a consultant uncomments first: they must read without a word.
  const uncomment = (text: string): string => {
    let body = false;
    return text.split('\n').map((l) => {
      if (/^version:/.test(l)) body = true;
      return body && /^#( {2,}\S| ?[a-z_]+:(\s|$))/.test(l) ? l.replace(/^# ?/, '') : l;
    }).join('\n');
  };
  it.each(['en', 'ja'])('%s: every commented example, revision 2 included, validates when uncommented', (lang) => {
    const text = uncomment(readFileSync(`templates/workspace/blank/${lang}/martech-audit.yaml`, 'utf8'));
    const res = loadFromText(text);
    expect(res.diagnostics).toEqual([]);
    const ws = res.workspace!;
    expect(ws.personas).toHaveLength(1);
    expect(ws.touchpoints[0]).toMatchObject({ personasGiven: true, needs: 'weekly', conversationalGiven: true });
    expect(ws.integrations[0]).toMatchObject({ frequency: 'daily', frequencyGiven: true });
    expect(ws.dataTypes.filter((d) => d.declared)).toHaveLength(1);
  });
});

describe('JSON Schema', () => {
  it('describes the new sections and fields', () => {
    const schema = JSON.stringify(workspaceJsonSchema());
    for (const key of ['personas', 'data_types', 'personalized', 'needs', 'conversational', 'third_party_cookies', 'network', 'frequency', 'restricted', 'party']) {
      expect(schema, key).toContain(`"${key}"`);
    }
    expect(readFileSync('schema/martech-audit.schema.json', 'utf8')).toContain('"data_types"');
  });
});
