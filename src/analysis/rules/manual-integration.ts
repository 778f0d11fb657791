// manual-integration: customer data moves between two tools by hand (exports, spreadsheets).
// One finding per ordered pair of tools.
import { dataList, joinSubject, ruleDocs, sortIds, toolName, toolRef } from './helpers.js';
import type { Integration } from '../../model/model.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: zoom
    name: Zoom Webinars
    capabilities: [webinars]
    data: [contact-profile, webinar-attendance]
integrations:
  - { from: zoom, to: crm, mode: manual, notes: CSV export after every webinar }
`;

export const rule: Rule = {
  id: 'manual-integration',
  defaultSeverity: 'medium',
  docs: ruleDocs('manual-integration', example),
  check({ ws, facts, t }) {
    const pairs = new Map<string, Integration[]>();
    for (const it of ws.integrations) {
      if (it.mode !== 'manual') continue;
      const key = joinSubject([it.from, it.to]);
      const l = pairs.get(key);
      if (l) l.push(it);
      else pairs.set(key, [it]);
    }
    const out: FindingDraft[] = [];
    for (const [key, its] of pairs) {
      const { from, to } = its[0];
      const data = sortIds(new Set(its.flatMap((it) => [...facts.carried(it), ...(it.bidirectional ? facts.carried(it, 'backward') : [])])));
      const params = { from: toolName(ws, from), to: toolName(ws, to), data: dataList(data) };
      const both = its.some((it) => it.bidirectional);
      out.push({
        subject: key,
        message: t(data.length ? (both ? 'rules.manual-integration.message.both' : 'rules.manual-integration.message') : 'rules.manual-integration.message.unknown', params),
        entities: [...its.map((it) => ({ kind: 'integration' as const, id: it.id })), toolRef(from), toolRef(to)],
        location: its[0].loc,
        recommendation: t('rules.manual-integration.recommendation', params),
        details: { from, to, data, integrations: its.map((it) => it.id), bidirectional: both },
      });
    }
    return out;
  },
};
