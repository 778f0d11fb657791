// The customer's side in the pictures and reports (format revision 2), on a realistic workspace
// written by a consultant before the code (test/fixtures/realistic/maison-velin-retail): what the
// consultant expects to read, then the version-1 guarantee (nothing new for a workspace that does
// not map the customer's side).
import { describe, expect, it } from 'vitest';
import { customerView, missingTargets, usesCustomerSide } from '../../src/diagrams/customer-view.js';
import { buildDiagram, buildDiagrams } from '../../src/diagrams/index.js';
import { reportContent } from '../../src/report/content.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { loadExample, loadText, mermaidParse, TODAY } from '../diagrams/helpers.js';
import { activeTranslator } from '../../src/i18n/index.js';

const MAISON = 'test/fixtures/realistic/maison-velin-retail/workspace.yaml';

describe('the customer view of Maison Vélin (revision 2)', () => {
  it('persona lanes: each persona\'s stages in journey order, a stage it goes through without a touchpoint is a gap', async () => {
    const { ws } = await loadExample(MAISON, 'en');
    const view = customerView(ws);
    expect(view.used).toBe(true);
    const regular = view.lanes.find((l) => l.persona.id === 'store-regular')!;
    // Met at the newsletter in consideration although it does not list that stage: shown, not dropped.
    expect(regular.stages.map((s) => s.stage.id)).toEqual(['awareness', 'consideration', 'purchase', 'service', 'loyalty']);
    expect(regular.gaps).toEqual(['service']);
    expect(regular.touchpoints).toBe(regular.stages.reduce((n, s) => n + s.touchpoints.length, 0));
  });

  it('consent: the loyalty app is where opt-outs start that reach neither hub nor Meta; Shopify and Klaviyo sync both ways', async () => {
    const { ws } = await loadExample(MAISON, 'en');
    const c = customerView(ws).consent!;
    expect(c.types.map((d) => d.id)).toEqual(['consent']);
    expect(c.origins.map((o) => o.tool)).toEqual(['antavo', 'klaviyo', 'shopify-plus']);
    expect(c.origins.find((o) => o.tool === 'antavo')!.touchpoints).toEqual(['club-app']);
    const missing = c.origins.flatMap((o) => (['hub', 'sender'] as const).flatMap((role) => missingTargets(c, o, role).ids.map((to) => `${o.tool}>${to}:${role}`))).sort();
    expect(missing).toEqual(['antavo>klaviyo:hub', 'antavo>meta-ads:sender', 'antavo>shopify-plus:hub']);
  });

  it('provenance: third-party ad data reaches no hub, the restricted or unknown party is "not said", never guessed', async () => {
    const { ws } = await loadExample(MAISON, 'en');
    const rows = new Map(customerView(ws).provenance.map((r) => [r.type.id, r]));
    expect(rows.get('ad-engagement')).toMatchObject({ reach: 'no' });
    expect(rows.get('ad-engagement')!.type.party).toBe('third');
    expect(rows.get('consent')!.reach).toBe('partly');
    // `returns` is captured at a touchpoint only: held by no tool, its party unknown.
    expect(rows.get('returns')).toMatchObject({ reach: 'not-held', origins: [], holders: [] });
    expect(rows.get('returns')!.type.party).toBeUndefined();
  });

  it('readiness: the welcome series is the first experiment (Klaviyo personalizes and is itself a hub); "not said" stays unknown', async () => {
    const { ws } = await loadExample(MAISON, 'en');
    const view = customerView(ws);
    const by = new Map(view.readiness.map((r) => [r.touchpoint.id, r.readiness]));
    expect(by.get('welcome-series')).toBe('ready');
    expect(by.get('newsletter')).toBe('personalized');
    expect(by.get('webshop')).toBe('no-tool');
    expect(by.get('retargeting')).toBe('unknown');
    expect(view.experiments.map((r) => r.touchpoint.id)).toEqual(['welcome-series']);
    // What it would personalize with: hub data, never the consent choices themselves.
    expect(view.readiness.find((r) => r.touchpoint.id === 'welcome-series')!.hubData).not.toContain('consent');
  });

  it('the report shows the four views in English and Japanese, and both diagrams parse with Mermaid', async () => {
    const parse = await mermaidParse();
    for (const lang of ['en', 'ja'] as const) {
      const { ws, result } = await loadExample(MAISON, lang);
      const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
      expect(diagrams.map((d) => d.kind)).toEqual(['journey', 'dataflow', 'overlap', 'roadmap', 'portfolio', 'personas', 'consent']);
      for (const d of diagrams.slice(5)) await expect(parse(d.source), `${lang}/${d.kind}`).resolves.toBeTruthy();
      const md = renderMarkdown(reportContent(ws, result, { tr: activeTranslator(), version: 't' }), diagrams, activeTranslator());
      const heads = lang === 'en'
        ? ['### The journey per persona', '### Where customer data comes from', '### Consent: where opt-outs start', '### Personalization readiness', '### First experiments']
        : ['### ペルソナ別のカスタマージャーニー', '### 顧客データの出どころ', '### 同意: 配信停止がどこで始まり', '### パーソナライズの準備状況', '### 最初の施策'];
      let at = -1;
      for (const h of heads) {
        const i = md.indexOf(h);
        expect(i, h).toBeGreaterThan(at);
        at = i;
      }
      expect(md).toContain(lang === 'en' ? 'Welcome series for new subscribers: personalize with Klaviyo' : 'Welcome series for new subscribers: Klaviyo (e-mail and SMS)で');
    }
  });

  it('consent at scale: what does not arrive is counted, the picture groups above maxTools and says the same numbers', async () => {
    const parse = await mermaidParse();
    const { ws, result } = await loadExample(MAISON, 'en');
    const c = customerView(ws).consent!;
    // The counts agree with listing every (origin, type, target it must reach) arrival one by one.
    let total = 0;
    let arrived = 0;
    for (const o of c.origins) {
      for (const d of o.data) {
        for (const to of [...c.targets(o.tool, d).hubs, ...c.targets(o.tool, d).senders]) {
          total++;
          if (c.reached(o.tool, d).has(to)) arrived++;
        }
      }
      // A limit gives the first tools of the whole list and the count of all of them.
      const all = missingTargets(c, o);
      const first = missingTargets(c, o, undefined, 1);
      expect(first.total).toBe(all.total);
      expect(first.ids).toEqual(all.ids.slice(0, 1));
    }
    expect(c.arrivals).toEqual({ total, arrived });
    const whole = buildDiagram('consent', ws, result, { tr: activeTranslator() });
    const redArrows = whole.source.split('\n').filter((l) => l.includes('|"does not arrive"|')).length;
    expect(redArrows).toBe(3);
    const grouped = buildDiagram('consent', ws, result, { tr: activeTranslator(), maxTools: 2 });
    await expect(parse(grouped.source)).resolves.toBeTruthy();
    expect(grouped.source).toContain('Tools where consent starts: 3');
    // antavo misses both hubs (Klaviyo and Shopify Plus); Meta is the one sender it misses.
    expect(grouped.source).toMatch(/n\d+ -\.->\|"some consent does not arrive \(pairs: 2 of \d+\)"\| n\d+/);
    expect(grouped.source).toMatch(/n\d+ -\.->\|"some consent does not arrive \(pairs: 1 of \d+\)"\| n\d+/);
    expect(grouped.notes.join('\n')).toContain(`arrives at ${arrived} of the places it must reach (${total}`);
  });
});

describe('a workspace that does not map the customer\'s side (version 1)', () => {
  it('gets no persona lanes, consent flow, provenance or readiness, even when it holds consent data', async () => {
    const { ws, result } = await loadText(`version: 1
organization: { name: Old Co }
touchpoints:
  - { id: nl, name: Newsletter, stage: awareness, channel: email, tools: [mc], captures: [consent] }
tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: mc, name: Mailchimp, capabilities: [email-marketing], data: [contact-profile, consent] }
`);
    expect(usesCustomerSide(ws)).toBe(false);
    const diagrams = buildDiagrams(ws, result, { tr: activeTranslator(), today: TODAY });
    expect(diagrams.map((d) => d.kind)).toEqual(['journey', 'dataflow', 'overlap', 'roadmap', 'portfolio']);
    const md = renderMarkdown(reportContent(ws, result, { tr: activeTranslator(), version: 't' }), diagrams, activeTranslator());
    expect(md).not.toMatch(/persona|Consent:|Where customer data|Personalization/);
    // Asked for by name, the diagram says why it is empty instead of failing.
    expect(buildDiagram('personas', ws, result, { tr: activeTranslator() }).source).toContain('This workspace names no personas yet');
  });
});
