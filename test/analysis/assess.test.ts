// Step 4: the decision rules at their boundaries, thresholds from settings, the override, the
// explained score, customer-view coverage and inventory completeness.
import { describe, expect, it } from 'vitest';
import { decideLevel, computeCompleteness, formatMoney, type DecisionInput } from '../../src/analysis/assess.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/model.js';
import type { RuleId } from '../../src/analysis/rules/index.js';
import type { Severity } from '../../src/workspace/vocabulary.js';
import { run, tool, workspace } from './helpers.js';

const f = (rule: RuleId, severity: Severity) => ({ rule, severity });
const base: DecisionInput = {
  findings: [], customerDataTools: 10, siloedTools: 0, overlappingCapabilities: 0,
  redundantSpendMinor: 0, totalSpendMinor: 100_000_00, hubs: 1,
};
const decide = (x: Partial<DecisionInput>, th = DEFAULT_THRESHOLDS) => decideLevel({ ...base, ...x }, th);

describe('decideLevel', () => {
  it('healthy: no finding above low', () => {
    expect(decide({ findings: [f('orphan-tool', 'low'), f('data-silo', 'low'), f('untapped-touchpoint', 'info')] }).level).toBe('healthy');
    expect(decide({}).level).toBe('healthy');
  });

  it('refocus: findings above low only about redundancy, licences, orphans, retiring tools, sources of truth or coverage', () => {
    for (const rule of ['capability-overlap', 'redundant-tool', 'underused-license', 'orphan-tool', 'retired-tool-in-use',
      'source-of-truth-conflict', 'no-source-of-truth', 'uncovered-touchpoint', 'empty-stage', 'unmeasured-touchpoint'] as RuleId[]) {
      const d = decide({ findings: [f(rule, 'medium'), f('data-silo', 'low')] });
      expect(d.level, rule).toBe('refocus');
      expect(d.rules).toEqual([rule]);
    }
  });

  it('integrate: some finding above low of an integration kind', () => {
    for (const rule of ['no-customer-hub', 'data-silo', 'isolated-cluster', 'trapped-data', 'disconnected-hubs',
      'manual-integration', 'realtime-gap', 'inconsistent-experience'] as RuleId[]) {
      expect(decide({ findings: [f(rule, 'medium'), f('redundant-tool', 'high')] }).level, rule).toBe('integrate');
    }
    // a severity lowered to low in settings no longer counts
    expect(decide({ findings: [f('data-silo', 'low')] }).level).toBe('healthy');
  });

  it('replatform: siloed share at 40% and 3 overlapping capabilities; just below stays integrate', () => {
    const silo = [f('data-silo', 'high')];
    expect(decide({ findings: silo, siloedTools: 4, overlappingCapabilities: 3 }).level).toBe('replatform');
    expect(decide({ findings: silo, siloedTools: 4, overlappingCapabilities: 2 }).level).toBe('integrate');
    expect(decide({ findings: silo, siloedTools: 3, overlappingCapabilities: 9 }).level).toBe('integrate');
    expect(decide({ findings: silo, customerDataTools: 1000, siloedTools: 399, overlappingCapabilities: 3 }).level).toBe('integrate');
    expect(decide({ findings: silo, customerDataTools: 1000, siloedTools: 400, overlappingCapabilities: 3 }).level).toBe('replatform');
  });

  it('replatform: siloed share at 40% and redundant tools at 25% of spend; 24.99% stays integrate', () => {
    const silo = [f('data-silo', 'high')];
    expect(decide({ findings: silo, siloedTools: 4, redundantSpendMinor: 25_000_00 }).level).toBe('replatform');
    expect(decide({ findings: silo, siloedTools: 4, redundantSpendMinor: 24_999_00 }).level).toBe('integrate');
    expect(decide({ findings: silo, siloedTools: 4, redundantSpendMinor: 25_000_00, totalSpendMinor: 0 }).level).toBe('integrate');
  });

  it('replatform: no hub and at least 5 customer-data tools; 4 stays integrate', () => {
    const noHub = [f('no-customer-hub', 'critical')];
    const five = decide({ findings: noHub, hubs: 0, customerDataTools: 5, siloedTools: 0 });
    expect(five.level).toBe('replatform');
    expect(five.basis).toEqual(['no-hub']);
    expect(decide({ findings: noHub, hubs: 0, customerDataTools: 4 }).level).toBe('integrate');
  });

  it('uses the thresholds it is given', () => {
    const th = { siloedShare: 0.2, overlappingCapabilities: 1, redundantShare: 0.1, noHubTools: 2 };
    expect(decide({ siloedTools: 2, overlappingCapabilities: 1 }, th).level).toBe('replatform');
    expect(decide({ hubs: 0, customerDataTools: 2 }, th).level).toBe('replatform');
    expect(decide({ siloedTools: 2, redundantSpendMinor: 10_000_00 }, th).level).toBe('replatform');
  });
});

const SILOED = `version: 1
organization: { name: T, currency: EUR, departments: [sales, service, marketing] }
tools:
${tool('crm', { capabilities: ['crm'], hub: true, owner: 'sales', cost: 10000, seats: { licensed: 10, active: 9 }, data: ['contact-profile'] })}
${tool('chat', { capabilities: ['live-chat'], owner: 'service', cost: 2400, data: ['contact-profile', 'chat-transcripts'] })}
${tool('mail', { capabilities: ['email-marketing'], owner: 'marketing', cost: 1200, data: ['contact-profile', 'email-engagement'] })}
touchpoints:
  - { id: chat, name: Chat, stage: service, channel: chat, tools: [chat], captures: [chat-transcripts] }
  - { id: news, name: News, stage: awareness, channel: email, tools: [mail], captures: [email-engagement] }
integrations:
  - { from: mail, to: crm, data: [contact-profile] }
`;

describe('assess through the whole analysis', () => {
  it('computes the figures and explains the level', () => {
    const r = run(SILOED);
    const a = r.assessment;
    expect(a.level).toBe('integrate');
    expect(a.metrics).toMatchObject({ siloedShare: 0.3333, hubs: 1, manualIntegrations: 0, customerDataTools: 3, siloedTools: 1 });
    expect(a.reasons.some((x) => x.includes('1 of 3 customer-data tools'))).toBe(true);
    expect(a.computedLevel).toBeUndefined();
  });

  it('the score is 50 plus the points listed, and every item says why', () => {
    const a = run(SILOED).assessment;
    expect(a.score).toBe(Math.max(0, Math.min(100, 50 + a.scoreBreakdown.reduce((s, x) => s + x.points, 0))));
    expect(a.scoreBreakdown.some((x) => x.points > 0)).toBe(true);
    expect(a.scoreBreakdown.some((x) => x.points < 0)).toBe(true);
    for (const x of a.scoreBreakdown) expect(x.reason.length).toBeGreaterThan(5);
  });

  it('settings.thresholds change the decision', () => {
    const yaml = SILOED.replace('organization:', 'settings: { thresholds: { siloed_share: 0.3, overlapping_capabilities: 0 } }\norganization:');
    expect(run(yaml).assessment.level).toBe('replatform');
  });

  it('a consultant override shows next to the computed level', () => {
    const yaml = SILOED.replace('organization:', 'settings: { assessment: { level: replatform, rationale: "Three acquisitions in two years" } }\norganization:');
    const a = run(yaml).assessment;
    expect(a.level).toBe('replatform');
    expect(a.computedLevel).toBe('integrate');
    expect(a.override).toEqual({ level: 'replatform', rationale: 'Three acquisitions in two years' });
    expect(a.reasons[0]).toContain('Three acquisitions in two years');
  });

  it('customer-view coverage: data types and touchpoint data reaching a hub, per stage', () => {
    const c = run(SILOED).assessment.coverage;
    expect(c.dataTypes).toEqual({ total: 3, reaching: 1, share: 0.3333, missing: ['chat-transcripts', 'email-engagement'] });
    expect(c.touchpointData).toEqual({ total: 2, reaching: 0, share: 0 });
    const service = c.stages.find((s) => s.stage === 'service')!;
    expect(service).toMatchObject({ touchpoints: 1, captured: 1, reaching: 0, share: 0, missing: ['chat-transcripts'] });
    expect(c.stages.find((s) => s.stage === 'purchase')!.share).toBeNull();
  });

  it('inventory completeness lists missing facts as questions, after the workspace\'s own', () => {
    const yaml = `${SILOED}questions:
  - { about: "tool:chat", field: seats, text: "Ask service how many agents use the chat." }
`;
    const r = run(yaml);
    const q = r.assessment.questions;
    expect(q[0]).toMatchObject({ about: 'tool:chat', field: 'seats', source: 'workspace' });
    // chat's seats are asked by the workspace already: not asked twice
    expect(q.filter((x) => x.about === 'tool:chat' && x.field === 'seats')).toHaveLength(1);
    expect(q.some((x) => x.about === 'tool:mail' && x.field === 'seats' && x.source === 'inventory' && x.ask === 'marketing')).toBe(true);
    expect(r.assessment.completeness.share).toBeGreaterThan(0.5);
    expect(r.assessment.completeness.share).toBeLessThan(1);
  });

  it('completeness: unknown cost and missing owner are blanks; data: [] is fine when nothing is captured there', () => {
    const ws = workspace(`version: 1
organization: { name: T }
tools:
${tool('a', { capabilities: ['crm'], cost: 'unknown', data: ['x'] })}
${tool('b', { capabilities: ['tag-management'], owner: 'it', cost: 0, data: [] })}
${tool('old', { capabilities: ['crm'], status: 'retired' })}
`);
    const c = computeCompleteness(ws);
    expect(c.tools).toBe(2);
    expect(c.missing).toEqual([{ tool: 'a', fields: ['owner', 'cost'] }]);
    expect(c.complete).toBe(1);
  });
});

describe('seat questions', () => {
  it('are not asked of a system built in-house (no licences to count), and are of a bought one', () => {
    const ws = workspace(`version: 1
organization: { name: T }
tools:
${tool('core', { vendor: 'in-house', capabilities: ['order-management'], owner: 'it', cost: 96000, data: [] })}
${tool('crm', { vendor: 'Salesforce', capabilities: ['crm'], owner: 'it', cost: 96000, data: [] })}
`);
    expect(computeCompleteness(ws).missing).toEqual([{ tool: 'crm', fields: ['seats'] }]);
  });
});

describe('an empty inventory', () => {
  for (const [what, yaml] of [['only a version', 'version: 1\n'], ['only an organization', 'version: 1\norganization: { name: Acme, currency: EUR }\n']]) {
    it(`${what}: the reasons say the inventory is empty and what to do; no figures of nothing`, () => {
      const a = run(yaml).assessment;
      // rules.md: no-customer-hub is critical, so the level stays "integrate"
      expect(a.level).toBe('integrate');
      expect(a.reasons[0]).toMatch(/inventory is empty.*no touchpoints and no tools.*martech-audit interview/);
      const all = a.reasons.join('\n');
      expect(all).not.toMatch(/\b0 tool|0 of 0|0%/);
      expect(a.completeness.share).toBe(0);
      expect(a.metrics.inventoryCompleteness).toBe(0);
    });
  }

  it('tools but no touchpoints (and the other way round) say which half is missing', () => {
    const onlyTools = run(`version: 1\ntools:\n${tool('crm', { capabilities: ['crm'], data: ['contact-profile'], owner: 'sales', cost: { amount: 1000, period: 'year' } })}\n`).assessment;
    expect(onlyTools.reasons.join('\n')).toMatch(/no touchpoints yet/);
    expect(onlyTools.reasons.join('\n')).not.toMatch(/no tools yet/);
  });
});

describe('money', () => {
  it('formats minor units per language and currency, without drift', () => {
    expect(formatMoney(8910000, 'EUR', 'en')).toBe('€89,100');
    expect(formatMoney(316667, 'EUR', 'en')).toBe('€3,166.67');
    expect(formatMoney(86400000, 'JPY', 'ja')).toBe('￥864,000');
    const third = [3333, 3333, 3334].reduce((s, x) => s + x, 0);
    expect(formatMoney(third, 'USD', 'en')).toBe('$100');
  });
});
