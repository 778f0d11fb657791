// no-customer-hub: the workspace has no hub, so there is no shared customer view at all.
// It stands for the per-tool data-silo and trapped-data findings, which are not raised then.
import { rankHubs, ruleDocs, someToolNames, sortIds, workspaceLoc } from './helpers.js';
import type { Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    data: [contact-profile, email-engagement]
  - id: zendesk
    name: Zendesk
    capabilities: [help-desk]
    data: [contact-profile, support-tickets]
`;

export const rule: Rule = {
  id: 'no-customer-hub',
  defaultSeverity: 'critical',
  docs: ruleDocs('no-customer-hub', example),
  check({ ws, facts, t }) {
    if (facts.hubs.length) return [];
    const holders = sortIds(facts.customerDataTools.map((x) => x.id));
    // Candidates: a CRM or CDP that is not active (yet): a pilot, or one being retired.
    const crmLike = ws.tools.filter((x) => x.status !== 'retired'
      && (x.capabilities.includes('crm') || x.capabilities.includes('customer-data-platform')));
    const candidates = rankHubs(crmLike, [...new Set(facts.customerDataTools.flatMap((x) => x.data))], facts.impact).slice(0, 3);
    const message = holders.length
      ? t('rules.no-customer-hub.message', { tools: someToolNames(ws, holders), count: holders.length })
      : t('rules.no-customer-hub.message.no-data');
    const recommendation = candidates.length
      ? t('rules.no-customer-hub.recommendation.candidates', { candidates: someToolNames(ws, candidates) })
      : t('rules.no-customer-hub.recommendation');
    return [{
      subject: 'workspace',
      message,
      entities: [{ kind: 'workspace', id: 'workspace' }, ...holders.map((id) => ({ kind: 'tool' as const, id }))],
      location: workspaceLoc(ws),
      recommendation,
      details: { customerDataTools: holders, hubCandidates: candidates },
    }];
  },
};
