// retired-tool-in-use: a retiring or retired tool still serves a touchpoint or feeds an
// integration (is its source, or either end of a bidirectional one).
import { costOf, ruleDocs, sortIds, toolNames, toolRef } from './helpers.js';
import { list } from '../../i18n/index.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: marketo
    name: Marketo Engage
    capabilities: [marketing-automation]
    status: retiring
    data: [contact-profile, lead-score]
integrations:
  - { from: marketo, to: crm }
`;

export const rule: Rule = {
  id: 'retired-tool-in-use',
  defaultSeverity: 'medium',
  docs: ruleDocs('retired-tool-in-use', example),
  check({ ws, facts, t }) {
    const out: FindingDraft[] = [];
    for (const x of ws.tools) {
      if (x.status !== 'retiring' && x.status !== 'retired') continue;
      const tps = facts.touchpointsServed(x.id);
      const feeds = sortIds(new Set(facts.integrationsOf(x.id)
        .filter((it) => it.from === x.id || it.bidirectional)
        .map((it) => (it.from === x.id ? it.to : it.from))));
      if (!tps.length && !feeds.length) continue;
      const usage = tps.length && feeds.length ? 'both' : tps.length ? 'touchpoints' : 'feeds';
      const params = {
        tool: x.name, touchpoints: list(tps.map((tp) => tp.name)), tools: toolNames(ws, feeds),
        renewal: x.renewal ?? '',
      };
      const p = { ...params, status: t(`rules.retired-tool-in-use.status.${x.status}`), usage: t(`rules.retired-tool-in-use.usage.${usage}`, params) };
      out.push({
        subject: x.id,
        message: t('rules.retired-tool-in-use.message', p),
        entities: [toolRef(x.id), ...tps.map((tp) => ({ kind: 'touchpoint' as const, id: tp.id })), ...feeds.map(toolRef)],
        location: x.loc,
        cost: costOf(x),
        recommendation: t(x.renewal ? 'rules.retired-tool-in-use.recommendation.renewal' : 'rules.retired-tool-in-use.recommendation', p),
        details: { tool: x.id, status: x.status, touchpoints: tps.map((tp) => tp.id), feeds },
      });
    }
    return out;
  },
};
