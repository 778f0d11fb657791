// realtime-gap: freshness-gap for `needs: realtime` (rules.md r2), in both directions, one finding
// per touchpoint. (1) From the hub: none of its tools is a hub or gets hub data through a chain of
// realtime links (no hub data at all: a conversational touchpoint is inconsistent-experience's, any
// other is a gap "for want of customer data"). (2) To the hub: a type it captures, of which one of
// its tools is an origin, reaches a hub only through a slower link (a type reaching no hub at all
// is trapped-data's or consent-not-synced's). `details.directions` says which apply.
import type { Worded } from '../../i18n/index.js';
import { customerSide, UNSCHEDULED } from '../customer.js';
import { FREQUENCY_RANK } from '../../model/vocabulary.js';
import { freshnessGaps, type Pace } from './freshness-gap.js';
import { rankHubs, sortIds, toolRef } from './helpers.js';
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
  /** r2: which way data is too slow: from the hub to the touchpoint's tools, from what it captures to the hub, or both. */
  directions: ('from-hub' | 'to-hub')[];
  /** r2: no hub data reaches the (broadcast) touchpoint at all: the reason is "no customer data", not speed. */
  noData?: boolean;
  /** r2, direction 2: captured types whose freshest path to a hub is slower than real time. */
  toHub?: { data: string; pace: Pace; origins: string[] }[];
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
      summary: 'Fires for each in-scope touchpoint marked `realtime: true` (or `needs: realtime`) none of whose tools is a hub or receives hub data through a chain of real-time links. When no hub data reaches the touchpoint at all, a conversational touchpoint is an inconsistent experience instead, and any other is a real-time gap for want of customer data. It also fires the other way: when data the touchpoint captures (of which one of its tools is an origin) reaches the hub only through a slower link; one finding per touchpoint says which way(s).',
      why: 'The experience needs live customer data (a chat that knows the customer, an offer based on what they just bought), but the data arrives in nightly batches or second-hand: customers are served with yesterday\'s picture.',
      fix: 'Upgrade the link from the hub to a tool at the touchpoint to a real-time integration (`mode: realtime`), or connect such a tool to the hub directly in real time.',
      message: '{touchpoint} needs live customer data, but no tool there ({tools}) gets data from the customer hub in real time: staff and systems see an out-of-date customer.',
      'message.no-data': '{touchpoint} needs live customer data, but no customer data from a hub reaches its tools ({tools}) at all: it works without knowing who the customer is.',
      recommendation: 'Make the link from {hub} to {target} real-time, so that {touchpoint} sees the customer as they are now.',
      'recommendation.no-data': 'Send the customer data {touchpoint} needs from {hub} to {target} in real time, or drop the real-time requirement if the touchpoint does not use it.',
      'message.to-hub': '{touchpoint} needs live customer data, but what it captures ({data}) reaches the customer hub only {pace}: the rest of the company acts on it late.',
      'message.both': '{first} {second}',
      'recommendation.both': '{first} {second}',
      'also.to-hub': 'And what it captures ({data}) reaches the hub only {pace}.',
      'recommendation.to-hub': 'Make the link that carries {data} from {origin} to {hub} real-time, so that what {touchpoint} captures is in the customer view at once.',
      'also.recommendation.to-hub': 'Also make the link that carries {data} from {origin} to {hub} real-time.',
      'pace.realtime': 'in real time',
      'pace.hourly': 'hourly',
      'pace.daily': 'daily',
      'pace.weekly': 'weekly',
      'pace.monthly': 'monthly',
      'pace.quarterly': 'quarterly',
      'pace.unscheduled': 'when someone copies it by hand',
    },
    ja: {
      title: 'リアルタイム連携の不足',
      summary: '`realtime: true` の対象範囲内の顧客接点で、使うツールはハブにつながっているものの、どれもハブではなく、リアルタイムの連携の連鎖でハブのデータを受け取ってもいない場合に検出します（どのツールもハブにつながっていなければ、代わりに「一貫しない顧客体験」として検出します）。逆方向も検出します。その顧客接点で取得したデータ（そこで使うツールが発生元のもの）がリアルタイムより遅い連携でしかハブに届かない場合です。1つの顧客接点につき1件の指摘で、どちらの方向かを示します。',
      why: 'この体験にはその場の顧客データが必要です（お客様を知っているチャット、直前の購入に基づくおすすめなど）。しかしデータは夜間バッチや間接的にしか届かず、お客様は昨日の情報で対応されます。',
      fix: 'ハブからこの顧客接点のツールへの連携をリアルタイム連携（`mode: realtime`）にするか、そのツールをハブへ直接リアルタイムで連携します。',
      message: '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）はどれもハブのデータをリアルタイムで受け取っていません。担当者やシステムが見ているのは古い顧客情報です。',
      'message.no-data': '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）にはハブの顧客データがまったく届いていません。お客様が誰かを知らないまま動いています。',
      recommendation: '{hub} から {target} への連携をリアルタイムにして、{touchpoint} で今のお客様の状況が見えるようにしてください。',
      'recommendation.no-data': '{touchpoint} に必要な顧客データを {hub} から {target} へリアルタイムで送るか、その接点で使わないならリアルタイムの要件を外してください。',
      'message.to-hub': '{touchpoint} ではその場の顧客データが必要ですが、ここで取得したデータ（{data}）は{pace}しかハブに届きません。社内のほかの部署はそれを遅れて知ることになります。',
      'message.both': '{first}{second}',
      'recommendation.both': '{first}{second}',
      'also.to-hub': 'また、ここで取得したデータ（{data}）も{pace}しかハブに届きません。',
      'recommendation.to-hub': '{origin} から {hub} へ {data} を運ぶ連携をリアルタイムにして、{touchpoint} で取得したデータがすぐ顧客ビューに入るようにしてください。',
      'also.recommendation.to-hub': 'あわせて、{origin} から {hub} へ {data} を運ぶ連携もリアルタイムにしてください。',
      'pace.realtime': 'リアルタイムで',
      'pace.hourly': '1時間ごとに',
      'pace.daily': '1日1回',
      'pace.weekly': '週1回',
      'pace.monthly': '月1回',
      'pace.quarterly': '四半期に1回',
      'pace.unscheduled': '誰かが手作業で写したときに',
    },
  },
  check({ ws, facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    if (!facts.hubs.length) return out;
    const cs = customerSide(ws, facts);
    for (const tp of ws.touchpoints) {
      if (!tp.realtime || !tp.inScope || !tp.tools.length) continue;
      const fromHub = !tp.tools.some((id) => facts.realtimeHubFed(id));
      // r2: no hub data reaches it at all: conversational -> inconsistent-experience (which owns the
      // touchpoint, both directions); broadcast -> here, "no customer data".
      const noData = fromHub && !tp.tools.some((id) => facts.hubFed(id));
      if (noData && tp.conversational) continue;
      // Direction 2 (r2): what it captures, on its way to a hub, judged like freshness-gap's.
      const live = tp.tools.filter((id) => ws.index.toolById.get(id)?.status !== 'retired');
      const toHub = freshnessGaps(cs, sortIds(new Set(live)), tp.captures, 'realtime')?.toHub ?? [];
      if (!fromHub && !toHub.length) continue;
      const tools = sortIds(new Set(tp.tools));
      const connected = tools.filter((id) => facts.connectedToHub(id));
      const hubIds = new Set(connected.flatMap((id) => facts.componentOf(id).hubs));
      const hubs = rankHubs(hubIds.size ? facts.hubs.filter((h) => hubIds.has(h.id)) : facts.hubs, tp.captures, facts.impact);
      const target = connected.length ? connected : tools;
      const params = { touchpoint: tp.name, tools: words.tools(tools), target: words.tools(target.slice(0, 1)), hub: words.tools(hubs.slice(0, 1)) };
      const directions: Details['directions'] = [...(fromHub ? ['from-hub' as const] : []), ...(toHub.length ? ['to-hub' as const] : [])];
      let message: Worded | undefined = fromHub ? msg(noData ? 'message.no-data' : 'message', params) : undefined;
      let recommendation: Worded | undefined = fromHub ? msg(noData ? 'recommendation.no-data' : 'recommendation', params) : undefined;
      if (toHub.length) {
        const slowest = toHub.reduce((r, x) => (paceRank(x.pace) > paceRank(r) ? x.pace : r), toHub[0].pace);
        const origins = sortIds(new Set(toHub.flatMap((x) => x.origins)));
        const p2 = { ...params, data: words.types(toHub.map((x) => x.data)), pace: msg(`pace.${slowest}`).text, origin: words.tools(origins.slice(0, 1)) };
        message = message ? msg('message.both', { first: message, second: msg('also.to-hub', p2) }) : msg('message.to-hub', p2);
        recommendation = recommendation
          ? msg('recommendation.both', { first: recommendation, second: msg('also.recommendation.to-hub', p2) })
          : msg('recommendation.to-hub', p2);
      }
      out.push({
        subject: tp.id,
        message: message as Worded,
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: recommendation as Worded,
        details: { touchpoint: tp.id, tools, connected, hubs, directions, ...(noData ? { noData } : {}), ...(toHub.length ? { toHub } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 34,
    initiatives: ['realtime'],
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        if (!tp) continue;
        const tools = tp.tools.filter((id) => c.tool(id));
        const hub = c.hubFor(tools);
        const d = c.draft(`realtime-${tp.id}`, () => ({
          kind: 'integrate', phase: 2, title: c.title(titleKey(f.details.directions), { touchpoint: tp.name, hub: hub?.name ?? '' }),
          tools: hub && !tools.includes(hub.id) ? [...tools, hub.id] : tools, subjects: tools, owner: tp.owner, months: 2,
        }));
        d.addresses.add(f.id);
        if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});

/** The roadmap title for the way(s) the data is too slow (r2): from the hub, to it, or both. */
function titleKey(directions: Details['directions'] | undefined): string {
  const to = directions?.includes('to-hub');
  const from = directions?.includes('from-hub') ?? true;
  return to && from ? 'roadmap.title.realtime-both' : to ? 'roadmap.title.realtime-to-hub' : 'roadmap.title.realtime';
}

function paceRank(p: Pace): number {
  return p === 'unscheduled' ? UNSCHEDULED : FREQUENCY_RANK[p];
}
