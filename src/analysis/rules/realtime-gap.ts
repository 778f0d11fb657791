// realtime-gap: an in-scope real-time touchpoint whose tools are connected to a hub but none of
// them is a hub or gets hub data through a chain of realtime links. (When none of its tools is
// connected to a hub, inconsistent-experience reports the touchpoint instead.)
import { rankHubs, sortIds, toolNames, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: support-chat
    name: Support chat
    stage: service
    channel: chat
    tools: [intercom]
    realtime: true
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
integrations:
  - { from: crm, to: intercom, mode: batch }
`;

/** What a realtime-gap finding carries in `details`. */
export type Details = {
  touchpoint: string; tools: string[]; connected: string[]; hubs: string[];
  /** r2: no hub data reaches the (broadcast) touchpoint at all: the reason is "no customer data", not speed. */
  noData?: boolean;
};

export const rule = createRule({
  meta: {
    id: 'realtime-gap',
    severity: 'medium',
    group: 'integrate',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Real-time gap',
      summary: 'Fires for each in-scope touchpoint marked `realtime: true` (or `needs: realtime`) none of whose tools is a hub or receives hub data through a chain of real-time links. When no hub data reaches the touchpoint at all, a conversational touchpoint is an inconsistent experience instead, and any other is a real-time gap for want of customer data.',
      why: 'The experience needs live customer data (a chat that knows the customer, an offer based on what they just bought), but the data arrives in nightly batches or second-hand: customers are served with yesterday\'s picture.',
      fix: 'Upgrade the link from the hub to a tool at the touchpoint to a real-time integration (`mode: realtime`), or connect such a tool to the hub directly in real time.',
      message: '{touchpoint} needs live customer data, but no tool there ({tools}) gets data from the customer hub in real time: staff and systems see an out-of-date customer.',
      'message.no-data': '{touchpoint} needs live customer data, but no customer data from a hub reaches its tools ({tools}) at all: it works without knowing who the customer is.',
      recommendation: 'Make the link from {hub} to {target} real-time, so that {touchpoint} sees the customer as they are now.',
      'recommendation.no-data': 'Send the customer data {touchpoint} needs from {hub} to {target} in real time, or drop the real-time requirement if the touchpoint does not use it.',
    },
    ja: {
      title: 'リアルタイム連携の不足',
      summary: '`realtime: true` の対象範囲内の顧客接点で、使うツールはハブにつながっているものの、どれもハブではなく、リアルタイムの連携の連鎖でハブのデータを受け取ってもいない場合に検出します（どのツールもハブにつながっていなければ、代わりに「一貫しない顧客体験」として検出します）。',
      why: 'この体験にはその場の顧客データが必要です（お客様を知っているチャット、直前の購入に基づくおすすめなど）。しかしデータは夜間バッチや間接的にしか届かず、お客様は昨日の情報で対応されます。',
      fix: 'ハブからこの顧客接点のツールへの連携をリアルタイム連携（`mode: realtime`）にするか、そのツールをハブへ直接リアルタイムで連携します。',
      message: '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）はどれもハブのデータをリアルタイムで受け取っていません。担当者やシステムが見ているのは古い顧客情報です。',
      'message.no-data': '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）にはハブの顧客データがまったく届いていません。お客様が誰かを知らないまま動いています。',
      recommendation: '{hub} から {target} への連携をリアルタイムにして、{touchpoint} で今のお客様の状況が見えるようにしてください。',
      'recommendation.no-data': '{touchpoint} に必要な顧客データを {hub} から {target} へリアルタイムで送るか、その接点で使わないならリアルタイムの要件を外してください。',
    },
  },
  check({ ws, facts, msg }) {
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.realtime || !tp.inScope || !tp.tools.length) continue;
      if (!facts.hubs.length) break;
      if (tp.tools.some((id) => facts.realtimeHubFed(id))) continue;
      // r2: no hub data reaches it at all: conversational -> inconsistent-experience; broadcast -> here, "no customer data".
      const noData = !tp.tools.some((id) => facts.hubFed(id));
      if (noData && tp.conversational) continue;
      const tools = sortIds(new Set(tp.tools));
      const connected = tools.filter((id) => facts.connectedToHub(id));
      const hubIds = new Set(connected.flatMap((id) => facts.componentOf(id).hubs));
      const hubs = rankHubs(hubIds.size ? facts.hubs.filter((h) => hubIds.has(h.id)) : facts.hubs, tp.captures, facts.impact);
      const target = connected.length ? connected : tools;
      const params = { touchpoint: tp.name, tools: toolNames(ws, tools), target: toolNames(ws, target.slice(0, 1)), hub: toolNames(ws, hubs.slice(0, 1)) };
      out.push({
        subject: tp.id,
        message: msg(noData ? 'message.no-data' : 'message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg(noData ? 'recommendation.no-data' : 'recommendation', params),
        details: { touchpoint: tp.id, tools, connected, hubs, ...(noData ? { noData } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 34,
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        if (!tp) continue;
        const tools = tp.tools.filter((id) => c.tool(id));
        const hub = c.hubFor(tools);
        const d = c.draft(`realtime-${tp.id}`, () => ({
          kind: 'integrate', phase: 2, title: c.title('roadmap.title.realtime', { touchpoint: tp.name, hub: hub?.name ?? '' }),
          tools: hub && !tools.includes(hub.id) ? [...tools, hub.id] : tools, subjects: tools, owner: tp.owner, months: 2,
        }));
        d.addresses.add(f.id);
        if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});
