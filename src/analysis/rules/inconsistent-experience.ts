// inconsistent-experience: an in-scope touchpoint served only by tools connected to no hub:
// staff and systems there cannot recognise the customer.
import { rankHubs, sortIds, toolNames, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { byId } from '../roadmap/context.js';
import type { Draft } from '../roadmap/types.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: support-chat
    name: Support chat
    stage: service
    channel: chat
    tools: [intercom]
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: intercom
    name: Intercom
    capabilities: [live-chat]
    data: [contact-profile, chat-transcripts]
`;

/** What a inconsistent-experience finding carries in `details`. */
export type Details = { touchpoint: string; tools: string[]; hubCandidates: string[] };

export const rule = createRule({
  meta: {
    id: 'inconsistent-experience',
    severity: 'high',
    group: 'integrate',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Inconsistent experience',
      summary: 'Fires for each in-scope touchpoint whose tools are all connected to no hub.',
      why: 'Staff and systems at this touchpoint cannot recognise the customer: customers repeat what they already told another team, get offers for things they own, and feel like strangers.',
      fix: 'Connect at least one of the touchpoint\'s tools to the hub, so that the people and systems there know who the customer is.',
      message: 'At {touchpoint}, no tool in use ({tools}) is connected to a customer hub: staff and systems there cannot recognise the customer, who has to repeat what they already told you.',
      recommendation: 'Connect {tools} to {hub}, so that {touchpoint} knows who the customer is.',
      'recommendation.no-hub': 'Once a customer hub is chosen, connect {tools} to it, so that {touchpoint} knows who the customer is.',
    },
    ja: {
      title: '一貫しない顧客体験',
      summary: '対象範囲内の顧客接点で、使うツールがすべてどのハブにもつながっていないものを検出します。',
      why: 'この顧客接点の担当者やシステムはお客様を識別できません。お客様は他部署に伝えたことを繰り返し、既に持っている商品を勧められ、初対面のように扱われます。',
      fix: 'この顧客接点のツールの少なくとも一つをハブに連携し、担当者やシステムがお客様を識別できるようにします。',
      message: '{touchpoint} で使われているツール（{tools}）はどれもハブにつながっていません。担当者やシステムはお客様を識別できず、お客様は既に伝えたことを繰り返すことになります。',
      recommendation: '{tools} を {hub} に連携し、{touchpoint} でお客様を識別できるようにしてください。',
      'recommendation.no-hub': 'ハブを決めたら {tools} をそこに連携し、{touchpoint} でお客様を識別できるようにしてください。',
    },
  },
  check({ ws, facts, msg }) {
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.tools.length) continue;
      if (tp.tools.some((id) => facts.connectedToHub(id))) continue;
      const tools = sortIds(new Set(tp.tools));
      const data = [...new Set([...tp.captures, ...tools.flatMap((id) => ws.index.toolById.get(id)!.data)])];
      const hubs = rankHubs(facts.hubs, data, facts.impact);
      const params = { touchpoint: tp.name, tools: toolNames(ws, tools), hub: toolNames(ws, hubs.slice(0, 1)) };
      out.push({
        subject: tp.id,
        message: msg('message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg(hubs.length ? 'recommendation' : 'recommendation.no-hub', params),
        details: { touchpoint: tp.id, tools, hubCandidates: hubs },
      });
    }
    return out;
  },
  plan: {
    step: 35,
    propose(findings, c) {
      const isHome = (d: Draft) => d.id.startsWith('connect-') || d.id.startsWith('replatform') || d.id === 'establish-hub' || d.id.startsWith('retire-');
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        if (!tp) continue;
        const tools = tp.tools.filter((id) => c.tool(id));
        const home = tools.map((id) => c.about(id, isHome)).find(Boolean)
          ?? (c.replatforming ? c.drafts.get('replatform') : c.drafts.get('establish-hub'));
        if (home) {
          home.addresses.add(f.id);
          if (tp.owner) home.extraDepartments.add(tp.owner);
          continue;
        }
        const main = [...tools].sort((a, b) => c.facts.impact(b) - c.facts.impact(a) || byId(a, b))[0];
        if (!main) continue;
        const hub = c.hubFor([main]);
        const d = c.draft(`connect-${main}`, () => ({
          kind: 'integrate', phase: 2, title: hub ? c.title('roadmap.title.connect', { tool: c.name(main), hub: hub.name }) : c.title('roadmap.title.connect-any', { tool: c.name(main) }),
          tools: hub ? [main, hub.id] : [main], subjects: [main], owner: c.tool(main)?.owner, months: 2,
        }));
        d.addresses.add(f.id);
        if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});
