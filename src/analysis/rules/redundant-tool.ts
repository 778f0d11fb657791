// redundant-tool: every capability of an active tool is also provided by other active tools.
import type { Facts } from '../facts.js';
// Of tools redundant with each other only one can go at a time, so savings are never counted
// twice: tools are considered from the least to the most worth keeping (a hub, else the most
// connected, else the cheapest, then by id) and one is marked only while each of its
// capabilities is still provided by another tool that has not been marked. The ones left over
// (the tools to keep) get no finding. This is exact for any group size and deterministic.
import type { Tool } from '../../model/model.js';
import { compareIds, costOf, distinct, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { proposeRetirement } from '../roadmap/proposals.js';
import { isFileStore, isFileTool, isMedia, primaryCapabilities } from '../capabilities.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: hubspot
    name: HubSpot Marketing Hub
    capabilities: [email-marketing, marketing-automation]
    cost: 21600
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    cost: 4680
`;

/** What a redundant-tool finding carries in `details`. */
export type Details = { tool: string; keep: string; keepers: Record<string, string>; capabilities: string[]; saving?: number };

const redundancyCache = new WeakMap<Facts, Redundancy>();

interface Redundancy {
  capsOf: (x: Tool) => readonly string[];
  providers: Map<string, Tool[]>;
  keepFirst: (a: Tool, b: Tool) => number;
  /** The tools that could be dropped (each a finding of this rule). */
  removed: Set<string>;
}

/**
 * Which tools go and how the rest rank, computed once per run: the rule's check and the customer's
 * side (`dropped`, which asks which tools are on their way out) share it.
 */
export function redundancy(facts: Facts): Redundancy {
  const cached = redundancyCache.get(facts);
  if (cached) return cached;
  // r2: primary capabilities only, media channels never (buying media on two networks is reach).
  // A retiring tool is not active: its saving is already decided and not reported again.
  // (r2) file tool: a spreadsheet or a file store is never a tool to keep or to move users onto;
  // the fix for data living in it is to move that data into a system (manual-integration says so).
  // Worked out once per tool (the keep order, the marking and every finding read them).
  const caps = new Map<Tool, readonly string[]>();
  for (const x of facts.activeTools) caps.set(x, Object.freeze(distinct(primaryCapabilities(x)).filter((c) => !isMedia(c) && !isFileStore(c))));
  const capsOf = (x: Tool): readonly string[] => caps.get(x)!;
  const providers = new Map<string, Tool[]>();
  for (const x of facts.activeTools) {
    for (const c of capsOf(x)) {
      const l = providers.get(c);
      if (l) l.push(x);
      else providers.set(c, [x]);
    }
  }
  // r2 keep order: a hub; else more direct automated links; else more primary capabilities; else more
  // active seats; else the larger contract (the established tool); ties by id.
  const keepOrder = facts.activeTools
    .map((x) => ({ x, hub: x.hub ? 1 : 0, deg: facts.automatedDegree(x.id), caps: capsOf(x).length, seats: x.seats?.active ?? 0, cost: x.annualCostMinor ?? -1 }))
    .sort((a, b) => b.hub - a.hub || b.deg - a.deg || b.caps - a.caps || b.seats - a.seats || b.cost - a.cost || compareIds(a.x.id, b.x.id))
    .map((e) => e.x);
  const rank = new Map<Tool, number>(keepOrder.map((x, i) => [x, i]));
  const keepFirst = (a: Tool, b: Tool): number => rank.get(a)! - rank.get(b)!;
  const remaining = new Map<string, number>();
  for (const [cap, tools] of providers) remaining.set(cap, tools.length);
  const removed = new Set<string>();
  // From the least to the most worth keeping: a tool goes while each of its capabilities keeps another provider.
  for (let i = keepOrder.length - 1; i >= 0; i--) {
    const x = keepOrder[i];
    const caps = capsOf(x);
    // A hub is never redundant: two customer views are disconnected-hubs, whose answer is a
    // platform decision (which one is the master, then a migration), not a quick retirement.
    if (!caps.length || x.hub || primaryCapabilities(x).some(isMedia) || isFileTool(x)) continue;
    if (!caps.every((c) => remaining.get(c)! >= 2)) continue;
    removed.add(x.id);
    for (const c of caps) remaining.set(c, remaining.get(c)! - 1);
  }
  const r = { capsOf, providers, keepFirst, removed };
  redundancyCache.set(facts, r);
  return r;
}

export const rule = createRule({
  meta: {
    id: 'redundant-tool',
    severity: 'medium',
    group: 'refocus',
    hygiene: true,
    subject: 'tool',
    example,
  },
  text: {
    en: {
      title: 'Redundant tool',
      summary: 'Fires for an active tool every primary capability of which other active tools that stay also provide (catalog features do not count). Of tools that are redundant with each other, only those that can go together are reported: the one to keep (a hub; else the one with more direct automated links; else more primary capabilities; else more active seats; else the larger contract) gets no finding, so savings are never counted twice. Never for a hub (two customer views are `disconnected-hubs`: a platform decision, not a retirement), for media channels (two ad networks are reach), for spreadsheets and file stores (the fix for data in a file is to move it into a system), nor for a tool already retiring (that saving is already decided).',
      why: 'Everything the tool does is already paid for elsewhere: its cost is a saving waiting to be taken, and one tool fewer means one login, one contract and one data copy fewer.',
      fix: 'Move its users and data to the tool that stays, then cancel it at the next renewal.',
      message: 'Everything {tool} does ({capabilities}) is also done by tools that stay ({others}): dropping it would save {cost} a year.',
      'message.no-cost': 'Everything {tool} does ({capabilities}) is also done by tools that stay ({others}): it could be dropped (its cost is not known).',
      'message.free': 'Everything {tool} does ({capabilities}) is also done by tools that stay ({others}): it costs nothing, so dropping it saves no money, but one tool, one login and one copy of the data fewer.',
      recommendation: 'Move the users and data of {tool} to {keep} and cancel {tool}.',
      'recommendation.renewal': 'Move the users and data of {tool} to {keep} and cancel {tool} before it renews in {renewal}.',
      'recommendation.free': 'Keep one of the two: {tool} costs nothing and {keep} ({keepCost}) does the same job. Keeping {keep} (its contract is the larger) saves no money; keeping {tool} and cancelling {keep} saves {keepCost} a year, if {tool} is enough for those who use {keep}.',
    },
    ja: {
      title: '冗長なツール',
      summary: '稼働中のツールのうち、すべての主要機能が残る他の稼働中ツールでも提供されているものを検出します（カタログ上のその他の機能は数えません）。互いに冗長なツールについては、同時に廃止できるものだけを挙げます。残すツール（ハブ、なければ直接の自動連携が多いもの、主要機能が多いもの、利用中の席数が多いもの、契約額が大きいものの順）は検出されないため、削減額が二重に数えられることはありません。ハブ（2 つの顧客ビューは `disconnected-hubs` が指摘し、答えは廃止ではなくプラットフォームの決定です）、広告媒体（2 つの広告ネットワークはリーチです）、表計算やファイル置き場（ファイルにあるデータはシステムへ移すのが解決策です）、既に廃止予定のツール（その削減は決定済み）は対象外です。',
      why: 'このツールの機能はすべて他で既に支払っています。その費用はすぐにでも削減できる金額で、ツールが一つ減ればログイン、契約、データの複製もそれぞれ一つ減ります。',
      fix: '利用者とデータを残すツールへ移し、次回の契約更新で解約します。',
      message: '{tool} の機能（{capabilities}）はすべて、残るツール（{others}）でも提供されています。廃止すれば年間 {cost} を削減できます。',
      'message.no-cost': '{tool} の機能（{capabilities}）はすべて、残るツール（{others}）でも提供されています。廃止できます（費用は不明）。',
      'message.free': '{tool} の機能（{capabilities}）はすべて、残るツール（{others}）でも提供されています。費用はかからないため削減額はありませんが、廃止すればツール、ログイン、データの複製がそれぞれ一つ減ります。',
      recommendation: '{tool} の利用者とデータを {keep} へ移し、{tool} を解約してください。',
      'recommendation.renewal': '{tool} の利用者とデータを {keep} へ移し、{renewal} の契約更新前に {tool} を解約してください。',
      'recommendation.free': 'どちらか一方に絞ってください。{tool} は無料で、{keep}（{keepCost}）と同じ役割を果たします。{keep}（契約が大きい方）を残しても費用は減りません。{tool} を残して {keep} を解約すれば、{keep} の利用者にとって {tool} で足りる場合、年 {keepCost} を削減できます。',
    },
  },
  check({ ws, facts, msg, words }) {
    const { capsOf, providers, keepFirst, removed } = redundancy(facts);
    // Who takes over a capability: the best tool to keep among those that stay.
    const keeperOf = new Map<string, string>();
    const keeper = (cap: string): string => {
      let k = keeperOf.get(cap);
      if (k === undefined) {
        let best: Tool | undefined;
        for (const p of providers.get(cap)!) if (!removed.has(p.id) && (!best || keepFirst(p, best) < 0)) best = p;
        k = best!.id;
        keeperOf.set(cap, k);
      }
      return k;
    };
    const tool = (id: string) => ws.index.toolById.get(id)!;
    const out: FindingDraft<Details>[] = [];
    for (const x of facts.activeTools) {
      if (!removed.has(x.id)) continue;
      const caps = [...capsOf(x)].sort(compareIds);
      const keepers: Record<string, string> = {};
      const tally = new Map<string, number>();
      for (const c of caps) {
        const k = keeper(c);
        keepers[c] = k;
        tally.set(k, (tally.get(k) ?? 0) + 1);
      }
      const keepIds = [...tally.keys()];
      const keep = keepIds.sort((a, b) => tally.get(b)! - tally.get(a)! || keepFirst(tool(a), tool(b)))[0];
      const others = [...keepIds].sort(compareIds);
      // A free tool dropped for a paid one by the keep order's last criterion (the larger
      // contract): the order stands (rules.md), but the advice says which choice saves money.
      const freeBesidePaid = x.annualCostMinor === 0 && keepIds.length === 1 && (tool(keep).annualCostMinor ?? 0) > 0;
      // (Amounts are worded only for the messages that show them.)
      const params = {
        tool: x.name, capabilities: words.list(caps.map(words.capability)), others: words.tools(others),
        keep: tool(keep).name, cost: x.annualCostMinor ? words.money(x.annualCostMinor) : '', renewal: x.renewal ?? '',
        keepCost: freeBesidePaid ? words.money(tool(keep).annualCostMinor ?? 0) : '',
      };
      out.push({
        subject: x.id,
        message: msg(x.annualCostMinor === undefined ? 'message.no-cost' : x.annualCostMinor === 0 ? 'message.free' : 'message', params),
        entities: [toolRef(x.id), ...others.map(toolRef)],
        location: x.loc,
        cost: costOf(x),
        recommendation: msg(freeBesidePaid ? 'recommendation.free' : x.renewal ? 'recommendation.renewal' : 'recommendation', params),
        details: { tool: x.id, keep, keepers, capabilities: caps, saving: costOf(x) },
      });
    }
    return out;
  },
  plan: {
    step: 10,
    initiatives: ['retire'],
    propose(findings, c) {
      for (const f of findings) {
        const id = f.details.tool;
        proposeRetirement(c, f, id, 'roadmap.title.retire-redundant');
        // The tools taking over change too (their owners become stakeholders).
        const d = c.drafts.get(`retire-${id}`);
        if (d) for (const x of c.toolEntities(f)) if (x !== id && !d.tools.includes(x)) d.tools.push(x);
      }
    },
  },
});
