// retired-tool-in-use: a retiring or retired tool still serves a touchpoint or feeds an
// integration (is its source, or either end of a bidirectional one).
import { costOf, sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { proposeRetirement } from '../roadmap/proposals.js';

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

/** What a retired-tool-in-use finding carries in `details`. */
export type Details = { tool: string; status: string; touchpoints: string[]; feeds: string[] };

export const rule = createRule({
  meta: {
    id: 'retired-tool-in-use',
    severity: 'medium',
    group: 'refocus',
    hygiene: true,
    subject: 'tool',
    example,
  },
  text: {
    en: {
      title: 'Retired tool in use',
      summary: 'Fires for each `retiring` or `retired` tool that still serves a touchpoint or feeds an integration.',
      why: 'Switching the tool off will break whatever still depends on it: a touchpoint loses its tool, or another system stops receiving data it relies on.',
      fix: 'Move the remaining touchpoints and data flows to another tool before the contract ends, then switch it off.',
      'status.retiring': 'is being retired',
      'status.retired': 'is retired',
      'usage.touchpoints': 'is used at {touchpoints}',
      'usage.feeds': 'sends data to {tools}',
      'usage.both': 'is used at {touchpoints} and sends data to {tools}',
      message: '{tool} {status} but still {usage}: switching it off will break them.',
      recommendation: 'Move what still depends on {tool} to another tool, then switch it off.',
      'recommendation.renewal': 'Move what still depends on {tool} to another tool before its contract ends in {renewal}.',
    },
    ja: {
      title: '廃止予定ツールの継続利用',
      summary: '`retiring`（廃止予定）または `retired`（廃止済み）のツールのうち、まだ顧客接点で使われているか、連携でデータを送っているものを検出します。',
      why: 'このツールを停止すると、まだ依存しているものが止まります。顧客接点がツールを失うか、他のシステムが必要なデータを受け取れなくなります。',
      fix: '契約終了前に、残っている顧客接点とデータの流れを他のツールへ移し、その後で停止します。',
      'status.retiring': '廃止予定',
      'status.retired': '廃止済み',
      'usage.touchpoints': '{touchpoints} で使われています',
      'usage.feeds': '{tools} へデータを送っています',
      'usage.both': '{touchpoints} で使われ、{tools} へデータを送っています',
      message: '{tool} は{status}ですが、まだ{usage}。このまま停止すると、それらが止まります。',
      recommendation: '{tool} にまだ依存しているものを他のツールへ移してから停止してください。',
      'recommendation.renewal': '{renewal} の契約終了までに、{tool} にまだ依存しているものを他のツールへ移してください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const x of ws.tools) {
      if (x.status !== 'retiring' && x.status !== 'retired') continue;
      const tps = facts.touchpointsServed(x.id);
      const feeds = sortIds(new Set(facts.integrationsOf(x.id)
        .filter((it) => it.from === x.id || it.bidirectional)
        .map((it) => (it.from === x.id ? it.to : it.from))));
      if (!tps.length && !feeds.length) continue;
      const usage = tps.length && feeds.length ? 'both' : tps.length ? 'touchpoints' : 'feeds';
      const params = {
        tool: x.name, touchpoints: words.list(tps.map((tp) => tp.name)), tools: words.tools(feeds),
        renewal: x.renewal ?? '',
      };
      const p = { ...params, status: msg(`status.${x.status}`), usage: msg(`usage.${usage}`, params) };
      out.push({
        subject: x.id,
        message: msg('message', p),
        entities: [toolRef(x.id), ...tps.map((tp) => ({ kind: 'touchpoint' as const, id: tp.id })), ...feeds.map(toolRef)],
        location: x.loc,
        cost: costOf(x),
        recommendation: msg(x.renewal ? 'recommendation.renewal' : 'recommendation', p),
        details: { tool: x.id, status: x.status, touchpoints: tps.map((tp) => tp.id), feeds },
      });
    }
    return out;
  },
  plan: {
    step: 12,
    initiatives: ['retire'],
    propose(findings, c) {
      for (const f of findings) {
        const r = c.drafts.get(`retire-${f.details.tool}`);
        if (r) r.addresses.add(f.id);
        else proposeRetirement(c, f, f.details.tool, 'roadmap.title.retire-finish');
      }
    },
  },
});
