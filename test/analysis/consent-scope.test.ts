// consent-not-synced asks consent to reach the hub its origin feeds (or is) and the senders that
// hold the same people, not every hub and sender of the workspace (docs/analysis.md, "Where consent
// must arrive"; GAPS.md blind review 2, defect 4). A group of two companies, one hub each.
import { describe, expect, it } from 'vitest';
import { customerView, missingTargets } from '../../src/diagrams/customer-view.js';
import { run, workspace } from './helpers.js';

const group = (extra = '') => `version: 1
organization: { name: Group }
personas:
  - { id: es, name: Spain }
  - { id: mx, name: Mexico }
data_types:
  - { id: cookie-consent, name: Cookie choices, personal: false, consent: true }
  - { id: do-not-call, name: Do not call me again, personal: true, consent: true }
touchpoints:
  - { id: web, name: Website, stage: awareness, channel: website, tools: [cmp, analytics], personas: [es, mx] }
  - { id: news-es, name: Newsletter Spain, stage: loyalty, channel: email, tools: [esp-es], personas: [es] }
  - { id: news-mx, name: Newsletter Mexico, stage: loyalty, channel: email, tools: [crm-mx], personas: [mx] }
  - { id: calls, name: Renewal calls, stage: loyalty, channel: phone, tools: [dialler, esp-es], personas: [es] }
  - { id: social, name: Social ads, stage: awareness, channel: advertising, tools: [social], personas: [es, mx] }
tools:
  - { id: crm-es, name: CRM Spain, capabilities: [crm], hub: true, data: [contact-profile, unsubscribes] }
  - { id: esp-es, name: Mailer Spain, capabilities: [email-marketing], data: [contact-profile, unsubscribes] }
  - { id: crm-mx, name: HubSpot Mexico, capabilities: [crm, email-marketing], hub: true, data: [contact-profile, unsubscribes] }
  - { id: dialler, name: Dialler, capabilities: [contact-center], data: [contact-profile, do-not-call] }
  - { id: social, name: Social ads, capabilities: [paid-social], data: [contact-profile] }
  - { id: cmp, name: Cookie banner, capabilities: [consent-management], data: [cookie-consent] }
  - { id: analytics, name: Web analytics, capabilities: [web-analytics], data: [web-activity] }
${extra}integrations:
  - { from: crm-es, to: esp-es, data: [contact-profile, unsubscribes], mode: realtime }
  - { from: esp-es, to: crm-es, data: [unsubscribes], mode: realtime }
  - { from: crm-es, to: dialler, data: [contact-profile], mode: realtime }
  - { from: crm-es, to: social, data: [contact-profile], mode: batch, frequency: daily }
`;

const consent = (yaml: string) => run(yaml).findings.filter((f) => f.rule === 'consent-not-synced');

describe('consent-not-synced: where consent must arrive', () => {
  it('a do-not-call list reaches the hub of its origin and the senders of the same people only, worded as an opt-out', () => {
    const fs = consent(group());
    // Not the other company's hub (HubSpot Mexico), nor the cookie banner, nor HubSpot's own unsubscribes.
    expect(fs.map((f) => f.id)).toEqual(['consent-not-synced:dialler']);
    const f = fs[0];
    expect((f.details as { hubs: string[] }).hubs).toEqual(['crm-es']);
    // The mailer shares the renewal touchpoint and is fed by the hub; the ad tool is fed by the hub too.
    expect((f.details as { senders: string[] }).senders).toEqual(['esp-es', 'social']);
    expect(f.message).toContain('opted out');
    expect(f.message).not.toContain('said yes');
  });

  it('a hub origin is its own hub: its unsubscribes need not reach the other company', () => {
    expect(consent(group()).map((f) => f.id)).not.toContain('consent-not-synced:crm-mx');
  });

  it('cookie choices (impersonal consent) of a banner used on the website never have to reach a CRM or a mailer', () => {
    expect(consent(group()).map((f) => f.id)).not.toContain('consent-not-synced:cmp');
  });

  it('a consent tool used at no touchpoint (whose people are not said) must reach every hub, as the contract\'s letter', () => {
    const yaml = group('  - { id: prefs, name: Preference centre, capabilities: [consent-management], data: [consent] }\n')
      .replace('integrations:\n', 'integrations:\n  - { from: prefs, to: crm-es, data: [consent], mode: realtime }\n');
    const f = consent(yaml).find((x) => x.id === 'consent-not-synced:prefs');
    expect(f?.details).toMatchObject({ hubs: ['crm-mx'] });
  });

  it('the consent picture names exactly the findings\' missing targets', () => {
    const c = customerView(workspace(group())).consent!;
    const missing = c.origins.map((o) => ({ origin: o.tool, to: missingTargets(c, o).ids.sort() })).filter((m) => m.to.length);
    expect(missing).toEqual([{ origin: 'dialler', to: ['crm-es', 'esp-es', 'social'] }]);
  });
});
