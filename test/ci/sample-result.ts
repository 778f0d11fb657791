// A hand-made AuditResult for the CI reporters: pure functions, tested without the analysis.
import type { AuditResult, Finding } from '../../src/analysis/types.js';

export function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'rule' | 'severity'>): Finding {
  return {
    message: `message of ${over.id}`,
    entities: [],
    recommendation: `fix ${over.id}`,
    ...over,
  };
}

export function sampleResult(findings?: Finding[]): AuditResult {
  return {
    version: 1,
    workspace: 'audit',
    organization: 'Acme, Inc.',
    summary: { touchpoints: 3, tools: 4, integrations: 2, annualCost: 24000, currency: 'EUR' },
    assessment: {
      level: 'integrate', score: 58, reasons: [],
      metrics: { siloedShare: 0.25, redundantSpend: 1200, redundantShare: 0.05, overlappingCapabilities: 1, hubs: 1, manualIntegrations: 1 },
    },
    findings: findings ?? [
      finding({
        id: 'data-silo:intercom', rule: 'data-silo', severity: 'high',
        message: 'Intercom holds contact-profile, chat-history but is connected to no hub: 100% of chats, no history.',
        location: { file: 'audit/tools.yaml', line: 31, column: 5 }, cost: 9600,
      }),
      finding({
        id: 'capability-overlap:email-marketing', rule: 'capability-overlap', severity: 'medium',
        location: { file: 'audit/tools.yaml', line: 12, column: 5, endLine: 12, endColumn: 20 },
      }),
      finding({ id: 'no-customer-hub:workspace', rule: 'no-customer-hub', severity: 'critical' }),
      finding({
        id: 'untapped-touchpoint:events', rule: 'untapped-touchpoint', severity: 'info',
        location: { file: 'audit/touchpoints.yaml', line: 40, column: 5 },
      }),
      finding({
        id: 'orphan-tool:hotjar', rule: 'orphan-tool', severity: 'low',
        location: { file: 'audit/tools.yaml', line: 80, column: 5 },
      }),
    ],
    roadmap: { review: 'quarterly', initiatives: [] },
  };
}
