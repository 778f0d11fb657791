// inconsistent-experience: an in-scope touchpoint served only by tools connected to no hub:
// staff and systems there cannot recognise the customer.
import { rankHubs, sortIds, toolRef } from './helpers.js';
import { isFileTool } from '../capabilities.js';
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
export type Details = {
  touchpoint: string; tools: string[]; hubCandidates: string[];
  /** r2: the touchpoint is real-time and its tools only send to a hub (no hub data reaches them). */
  sendOnly?: boolean;
};

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
      summary: 'Fires for each in-scope conversational touchpoint (chat, phone, store, 1:1 email, support, account portal, order and billing: where people or systems respond to an identified customer) whose tools are all connected to no hub by automated links, and for a real-time conversational touchpoint that no hub data reaches (its tools only send to a hub). Broadcast touchpoints (ads, social posts, content, newsletters) are never inconsistent; with no hub at all, "no customer hub" says it once.',
      why: 'Staff and systems at this touchpoint cannot recognise the customer: customers repeat what they already told another team, get offers for things they own, and feel like strangers.',
      fix: 'Connect at least one of the touchpoint\'s tools to the hub, so that the people and systems there know who the customer is.',
      message: 'At {touchpoint}, no tool in use ({tools}) is connected to a customer hub: staff and systems there cannot recognise the customer, who has to repeat what they already told you.',
      'message.send-only': '{touchpoint} needs live customer data, but its tools ({tools}) only send data to the customer hub and get nothing back: staff and systems there cannot recognise the customer.',
      recommendation: 'Connect {tools} to {hub}, so that {touchpoint} knows who the customer is.',
      'recommendation.send-only': 'Bring customer data from {hub} back to {tools} in real time, so that {touchpoint} knows who the customer is.',
      'recommendation.no-hub': 'Once a customer hub is chosen, connect {tools} to it, so that {touchpoint} knows who the customer is.',
      'recommendation.file': 'Record what {touchpoint} takes in directly in {hub} (a form or its own screens) instead of {tools}, so that {touchpoint} knows who the customer is.',
    },
    ja: {
      title: '一貫しない顧客体験',
      summary: '対象範囲内の対話型の顧客接点（チャット、電話、店舗、個別メール、サポート、会員ページ、注文・請求など、識別されたお客様に人やシステムが応対する場）で、使うツールがすべて自動連携でどのハブにもつながっていないもの、およびリアルタイムが必要なのにハブのデータが届かない（ハブへ送るだけの）ものを検出します。広告・SNS 投稿・コンテンツ・メルマガなど一方向の接点は対象外で、ハブが一つもない場合は「顧客ハブがない」が一度だけ伝えます。',
      why: 'この顧客接点の担当者やシステムはお客様を識別できません。お客様は他部署に伝えたことを繰り返し、既に持っている商品を勧められ、初対面のように扱われます。',
      fix: 'この顧客接点のツールの少なくとも一つをハブに連携し、担当者やシステムがお客様を識別できるようにします。',
      message: '{touchpoint} で使われているツール（{tools}）はどれもハブにつながっていません。担当者やシステムはお客様を識別できず、お客様は既に伝えたことを繰り返すことになります。',
      'message.send-only': '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）はハブへデータを送るだけで、何も受け取っていません。担当者やシステムはお客様を識別できません。',
      recommendation: '{tools} を {hub} に連携し、{touchpoint} でお客様を識別できるようにしてください。',
      'recommendation.send-only': '{hub} の顧客データを {tools} へリアルタイムで戻し、{touchpoint} でお客様を識別できるようにしてください。',
      'recommendation.no-hub': 'ハブを決めたら {tools} をそこに連携し、{touchpoint} でお客様を識別できるようにしてください。',
      'recommendation.file': '{touchpoint} で受け付けた内容は {tools} ではなく {hub} に直接（フォームやシステムの画面から）記録し、{touchpoint} でお客様を識別できるようにしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    // r2: with no hub at all, no-customer-hub says it once (not once per touchpoint).
    if (!facts.hubs.length) return out;
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.tools.length || !tp.conversational) continue;
      const connected = tp.tools.some((id) => facts.connectedToHub(id));
      const sendOnly = connected && tp.realtime && !tp.tools.some((id) => facts.hubFed(id));
      if (connected && !sendOnly) continue;
      const tools = sortIds(new Set(tp.tools));
      const data = [...new Set([...tp.captures, ...tools.flatMap((id) => ws.index.toolById.get(id)!.data)])];
      const hubs = rankHubs(facts.hubs, data, facts.impact);
      const params = { touchpoint: tp.name, tools: words.tools(tools), hub: words.tools(hubs.slice(0, 1)) };
      // (r2) A file tool is never connected (rules.md "file tool"): the advice connects the systems
      // at the touchpoint, and when there are only files, records the data in the hub instead (the
      // manual-integration finding and the roadmap's move-<file> say the same).
      const systems = tools.filter((id) => !isFileTool(ws.index.toolById.get(id)!));
      const onlyFiles = systems.length === 0 && hubs.length > 0;
      const advice = onlyFiles ? params : { ...params, tools: words.tools(systems.length ? systems : tools) };
      out.push({
        subject: tp.id,
        message: msg(sendOnly ? 'message.send-only' : 'message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg(onlyFiles ? 'recommendation.file' : sendOnly ? 'recommendation.send-only' : hubs.length ? 'recommendation' : 'recommendation.no-hub', advice),
        details: { touchpoint: tp.id, tools, hubCandidates: hubs, ...(sendOnly ? { sendOnly } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 35,
    initiatives: ['connect'],
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
