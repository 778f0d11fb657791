// A manual export that adds only restricted data to what an automated link between the same tools
// already carries leaves nothing to automate: its fix is to stop it (restricted-data-flow), never a
// phase-1 "automate the manual transfer" beside "stop restricted data" (GAPS.md blind review 2,
// defect 3; docs/analysis.md).
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const yaml = (manualData: string) => `version: 1
organization: { name: Insurer }
data_types:
  - { id: partner-leads, name: Partner leads, party: second, personal: true, restricted: "quote and sell only" }
touchpoints:
  - { id: news, name: Newsletter, stage: loyalty, channel: email, tools: [esp] }
tools:
  - { id: crm, name: CRM, capabilities: [crm], hub: true, data: [contact-profile, partner-leads, policies] }
  - { id: esp, name: Mailer, capabilities: [email-marketing], data: [contact-profile, partner-leads, policies] }
  - { id: feed, name: Partner feed, capabilities: [affiliate-marketing], data: [partner-leads] }
integrations:
  - { from: feed, to: crm, data: [partner-leads], mode: realtime }
  - { from: crm, to: esp, data: [contact-profile], mode: batch, frequency: hourly }
  - { from: crm, to: esp, data: [${manualData}], mode: manual, frequency: monthly }
`;

describe('manual-integration beside restricted data an automated link does not need', () => {
  it('nothing left to automate: the stop answers the manual link, no replace-manual initiative', () => {
    const r = run(yaml('partner-leads, contact-profile'), { start: '2027-01' });
    const f = r.findings.find((x) => x.id === 'manual-integration:crm+esp')!;
    expect(f.recommendation).toMatch(/^Do not automate this transfer/);
    expect(f.recommendation).toContain('already travels on the automated link');
    const ids = r.roadmap.initiatives.map((i) => i.id);
    expect(ids).not.toContain('replace-manual-crm-esp');
    expect(r.roadmap.initiatives.find((i) => i.id === 'stop-restricted-crm-esp')?.addresses).toContain('manual-integration:crm+esp');
  });

  it('something left to automate (policies travel only by hand): the transfer is still automated, without the restricted data', () => {
    const r = run(yaml('partner-leads, policies'), { start: '2027-01' });
    const f = r.findings.find((x) => x.id === 'manual-integration:crm+esp')!;
    expect(f.recommendation).toMatch(/^Replace the manual transfer of policies/i);
    expect(r.roadmap.initiatives.map((i) => i.id)).toContain('replace-manual-crm-esp');
  });
});
