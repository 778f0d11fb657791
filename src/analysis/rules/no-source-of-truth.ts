// no-source-of-truth: two or more active tools hold the same data type and no tool claims to be
// its source of truth ("which web-traffic number do we trust?").
import { bestCandidate, canBeSourceOfTruth, compareIds, distinct, toolRef } from './helpers.js';
import type { Tool } from '../../model/model.js';
import { createRule, type FindingDraft } from './rule.js';
import { proposeSourcesOfTruth } from '../roadmap/proposals.js';
import { isExternalChannel } from '../capabilities.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: ga4
    name: Google Analytics 4
    capabilities: [web-analytics]
    data: [web-traffic]
  - id: adobe-analytics
    name: Adobe Analytics
    capabilities: [web-analytics]
    data: [web-traffic]
`;

/** What a no-source-of-truth finding carries in `details`. */
export type Details = { data: string; tools: string[]; candidate?: string };

export const rule = createRule({
  meta: {
    id: 'no-source-of-truth',
    severity: 'low',
    group: 'refocus',
    subject: 'data',
    example,
  },
  text: {
    en: {
      title: 'No source of truth',
      summary: 'Fires for each data type that two or more active tools hold while no tool claims to be its `source_of_truth`. Only origins of the type (tools that do not receive it from another) and analytics tools count: a CDP\'s or a warehouse\'s fan-out of copies is not a dispute. An ad network or a review or listing site keeps its own audience\'s record (two networks hold two sets, not two versions), and with a hub, consent is mastered by the hub (an origin it does not reach is `consent-not-synced`).',
      why: 'The "which number do we trust?" problem: two tools report different web-traffic or customer counts, and meetings are spent arguing about the figures instead of acting on them.',
      fix: 'Declare one tool the source of truth for the data type (`source_of_truth:` on that tool) and treat the others as copies.',
      message: '{data} is kept in {count} tools ({tools}) and none of them is its declared source of truth: which figure do we trust?',
      recommendation: 'Declare one of them (for example {candidate}) the source of truth for {data} and treat the others as copies.',
      'recommendation.agree': 'The hubs {hubs} each keep {data}: their owners should agree which system is the master, and the others become copies of it.',
      'recommendation.no-system': 'None of them is a system that can be the source of truth for {data} (files or tools being retired): move {data} into a system of record and make it the source of truth there.',
    },
    ja: {
      title: '真実の情報源（SoT）がない',
      summary: '2 つ以上の稼働中ツールが同じデータの種類を持ち、どのツールもその `source_of_truth` を主張していない場合に、データの種類ごとに検出します。数えるのはそのデータの発生元（他のツールから受け取っていないツール）と分析ツールだけで、CDP やデータウェアハウスが配るコピーは対立とみなしません。広告媒体やレビュー・掲載サイトはそれぞれ自分の利用者の記録を持つだけです（2 つの媒体の記録は別々のデータで、同じデータの 2 つの版ではありません）。ハブがあれば同意情報のマスターはハブです（ハブに届かない発生元は `consent-not-synced` が指摘します）。',
      why: '「どの数字を信じればいいのか」問題です。2 つのツールが異なるアクセス数や顧客数を示し、会議が行動ではなく数字の議論に費やされます。',
      fix: 'そのデータの種類について一つのツールを真実の情報源（SoT）と宣言し（そのツールに `source_of_truth:` を記載）、他は複製として扱います。',
      message: '{data} は {count} つのツール（{tools}）にありますが、どれも真実の情報源（SoT）と宣言されていません。どの数字を信じればよいのでしょうか。',
      recommendation: 'いずれか一つ（例えば {candidate}）を {data} の真実の情報源（SoT）と宣言し、他は複製として扱ってください。',
      'recommendation.agree': 'ハブ（{hubs}）がいずれも {data} を持っています。それぞれの担当部署でどのシステムをマスターにするか合意し、他はその複製として扱ってください。',
      'recommendation.no-system': 'どれも {data} の真実の情報源（SoT）になれるシステムではありません（ファイルや廃止予定のツール）。{data} を記録の正本となるシステムへ移し、そこを真実の情報源（SoT）にしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const claimed = new Set<string>();
    for (const x of ws.tools) if (x.status !== 'retired') for (const d of x.sourceOfTruth) claimed.add(d);
    const holders = new Map<string, Tool[]>();
    // With a hub, the hub is the master of consent: every origin must reach it, which is
    // consent-not-synced's to say (docs/analysis.md); opt-ins taken at a till and at a quiz are
    // two touchpoints of one record, not two versions of it.
    const consentMastered = (d: string) => facts.hubs.length > 0 && ws.index.dataTypeById.get(d)?.consent === true;
    // r2: only origins of the type and analytics tools count as holders (a CDP's or warehouse's fan-out of copies is no dispute).
    for (const x of facts.activeTools) {
      const analytics = facts.isMeasuringTool(x.id);
      // An ad network or a review site keeps its own audience's record (reach, not redundancy): no dispute.
      if (!analytics && isExternalChannel(x)) continue;
      for (const d of distinct(x.data)) {
        if (claimed.has(d) || consentMastered(d)) continue;
        if (!analytics && !facts.isOrigin(x.id, d)) continue;
        const l = holders.get(d);
        if (l) l.push(x);
        else holders.set(d, [x]);
      }
    }
    const out: FindingDraft<Details>[] = [];
    for (const d of [...holders.keys()].sort(compareIds)) {
      const tools = holders.get(d)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id).sort(compareIds);
      // r2: never a file tool or a retiring tool as the example; when no holder is a system, say so.
      const systems = tools.filter(canBeSourceOfTruth);
      const candidate = bestCandidate(systems.length ? systems : tools, facts.impact).id;
      const hubs = systems.filter((x) => x.hub).map((x) => x.id).sort(compareIds);
      const params = { data: words.data([d]), tools: words.someTools(ids), count: ids.length, candidate: words.tools([candidate]), hubs: words.tools(hubs) };
      out.push({
        subject: d,
        message: msg('message', params),
        entities: [{ kind: 'data', id: d }, ...ids.map(toolRef)],
        // Where the fix goes: the candidate's entry, which would get source_of_truth.
        location: ws.index.toolById.get(candidate)!.loc,
        recommendation: msg(!systems.length ? 'recommendation.no-system' : hubs.length > 1 ? 'recommendation.agree' : 'recommendation', params),
        details: { data: d, tools: ids, candidate },
      });
    }
    return out;
  },
  plan: {
    step: 15,
    initiatives: ['designate-sot'],
    propose(findings, c) {
      proposeSourcesOfTruth(c, findings);
    },
  },
});
