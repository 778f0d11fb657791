// freshness-gap (r2): a touchpoint needs fresher data (`needs`) than the slowest link on the
// freshest path that brings hub data to its tools, or than the slowest link on the freshest path
// that brings the data it captures (of which a tool there is an origin) to a hub. Either direction
// is enough; "fresher than" is strict. It generalises realtime-gap, which stays the id for
// `needs: realtime` (and `realtime: true`): touchpoints that need real time are realtime-gap's.
// A path takes every link, manual ones at their `frequency` (rules.md's example: leads typed in
// weekly); a captured type that reaches no hub at all is trapped-data's or consent-not-synced's,
// and a touchpoint no hub data reaches has no "slowest link" to compare in the first direction.
import { AT_HUB, customerSide, UNSCHEDULED } from '../customer.js';
import { FREQUENCIES, FREQUENCY_RANK, type Freshness } from '../../model/vocabulary.js';
import { sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example GmbH }
touchpoints:
  - id: trade-show
    name: Trade show
    stage: awareness
    channel: event
    tools: [leads-sheet]
    needs: daily
    captures: [contact-profile]
tools:
  - { id: crm, name: Salesforce, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: leads-sheet, name: Lead list (Excel), capabilities: [spreadsheet], data: [contact-profile] }
integrations:
  - { from: leads-sheet, to: crm, mode: manual, frequency: weekly }
`;

/** How often a link moves data, as a word: a frequency, or `unscheduled` (a manual link without one). */
export type Pace = (typeof FREQUENCIES)[number] | 'unscheduled';

/** What a freshness-gap finding carries in `details`. */
export type Details = {
  touchpoint: string;
  needs: Freshness;
  tools: string[];
  /** Direction 1: the slowest link on the freshest path from a hub, when slower than needed. */
  fromHub?: Pace;
  /** Direction 2: captured types whose freshest path to a hub is slower than needed. */
  toHub: { data: string; pace: Pace; origins: string[] }[];
};

const pace = (rank: number): Pace => (rank >= UNSCHEDULED ? 'unscheduled' : FREQUENCIES[rank]);

/**
 * The freshness gaps of a touchpoint that needs `needs` (both directions), or undefined when there
 * is none. Shared with realtime-gap's reading of `needs: realtime`.
 */
export function freshnessGaps(
  cs: ReturnType<typeof customerSide>, tools: readonly string[], captures: readonly string[], needs: Freshness,
): { fromHub?: Pace; toHub: Details['toHub'] } | undefined {
  const need = FREQUENCY_RANK[needs];
  let best: number | undefined;
  for (const id of tools) {
    const r = cs.hubFreshness(id);
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  const fromHub = best !== undefined && best !== AT_HUB && best > need ? pace(best) : undefined;
  const toHub: Details['toHub'] = [];
  for (const d of sortIds(new Set(captures))) {
    const origins = tools.filter((id) => cs.isOrigin(id, d));
    if (!origins.length) continue;
    let b: number | undefined;
    for (const id of origins) {
      const r = cs.toHubFreshness(id, d);
      if (r !== undefined && (b === undefined || r < b)) b = r;
    }
    if (b !== undefined && b !== AT_HUB && b > need) toHub.push({ data: d, pace: pace(b), origins: sortIds(origins) });
  }
  return fromHub || toHub.length ? { ...(fromHub ? { fromHub } : {}), toHub } : undefined;
}

export const rule = createRule({
  meta: {
    id: 'freshness-gap',
    severity: 'medium',
    group: 'integrate',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Freshness gap',
      summary: 'Fires for each in-scope touchpoint whose `needs` (hourly, daily, weekly, monthly) is fresher than the slowest link on the freshest path that brings hub data to its tools, or than the slowest link on the freshest path that brings the data it captures (of which one of its tools is an origin) to a hub. Paths take every link, manual ones at their `frequency` (a manual link without one runs "whenever someone does it"). A touchpoint that needs real time is realtime-gap\'s; a captured type that reaches no hub at all is trapped-data\'s or consent-not-synced\'s.',
      why: 'Data that arrives later than the moment it is needed is as good as missing: a trade-show lead typed in on Friday is called a week late, an offer based on last month\'s purchases misses the customer. The link, not the people, sets the pace.',
      fix: 'Speed up the slowest link on the path (a scheduled sync instead of a weekly copy, hourly instead of nightly), or capture the data directly in the system of record at the touchpoint; if the touchpoint truly needs less, correct its `needs`.',
      message: '{touchpoint} needs customer data {needs}, but {problem}.',
      'problem.from-hub': 'hub data reaches its tools ({tools}) only {pace}',
      'problem.to-hub': 'what it captures reaches the customer hub only {pace} ({data})',
      'problem.both': 'hub data reaches its tools ({tools}) only {pace}, and what it captures reaches the hub only {pace2} ({data})',
      recommendation: 'Speed up the slowest link on the way ({pace} today) so that {touchpoint} gets its data {needs}, or record the data directly in the system of record there.',
      'need.hourly': 'within the hour',
      'need.daily': 'within a day',
      'need.weekly': 'within a week',
      'need.monthly': 'within a month',
      'need.realtime': 'as it happens',
      'pace.realtime': 'in real time',
      'pace.hourly': 'hourly',
      'pace.daily': 'daily',
      'pace.weekly': 'weekly',
      'pace.monthly': 'monthly',
      'pace.quarterly': 'quarterly',
      'pace.unscheduled': 'when someone copies it by hand',
    },
    ja: {
      title: 'データの鮮度の不足',
      summary: '対象範囲内の顧客接点で、`needs`（1時間ごと・毎日・毎週・毎月）が、ハブのデータを使うツールへ運ぶ最も速い経路上の最も遅い連携より新しさを求める場合、またはその顧客接点で取得するデータ（そこで使うツールが発生元のもの）をハブへ運ぶ最も速い経路上の最も遅い連携より新しさを求める場合に検出します。経路には手作業の連携も `frequency` の頻度で含めます（頻度のない手作業の連携は「誰かが作業したとき」）。リアルタイムが必要な顧客接点は「リアルタイム連携の不足」、ハブにまったく届かないデータは「取り残されたデータ」または「同意情報の未同期」として扱います。',
      why: '必要なときより遅れて届くデータは、ないのと同じです。金曜に入力される展示会のリードへの電話は1週間遅れ、先月の購買に基づくおすすめはお客様を逃します。速さを決めているのは人ではなく連携です。',
      fix: '経路上の最も遅い連携を速くする（毎週の手入力を定期同期に、夜間バッチを1時間ごとに）か、顧客接点でデータを直接基幹システムに記録します。本当はそこまでの鮮度が不要なら `needs` を直します。',
      message: '{touchpoint} では顧客データが{needs}必要ですが、{problem}。',
      'problem.from-hub': 'ハブのデータは使っているツール（{tools}）に{pace}しか届きません',
      'problem.to-hub': 'ここで取得したデータ（{data}）は{pace}しかハブに届きません',
      'problem.both': 'ハブのデータは使っているツール（{tools}）に{pace}しか届かず、ここで取得したデータ（{data}）は{pace2}しかハブに届きません',
      recommendation: '経路上の最も遅い連携（現在は{pace}）を速くして、{touchpoint} にデータが{needs}届くようにするか、そこで直接基幹システムに記録してください。',
      'need.hourly': '1時間以内に',
      'need.daily': '1日以内に',
      'need.weekly': '1週間以内に',
      'need.monthly': '1か月以内に',
      'need.realtime': 'その場で',
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
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.needs || tp.needs === 'realtime' || tp.realtime) continue;
      const tools = sortIds(new Set(tp.tools.filter((id) => ws.index.toolById.get(id)?.status !== 'retired')));
      if (!tools.length) continue;
      const gap = freshnessGaps(cs, tools, tp.captures, tp.needs);
      if (!gap) continue;
      const slowest = gap.toHub.reduce((r, x) => Math.max(r, paceRank(x.pace)), gap.fromHub ? paceRank(gap.fromHub) : -1);
      const toHubPace = gap.toHub.reduce((r, x) => Math.max(r, paceRank(x.pace)), -1);
      const word = (p: Pace) => msg(`pace.${p}`).text;
      const params = {
        touchpoint: tp.name, tools: words.tools(tools), needs: msg(`need.${tp.needs}`).text,
        pace: word(pace(slowest)), data: words.types(gap.toHub.map((x) => x.data)),
      };
      const problem = gap.fromHub && gap.toHub.length
        ? msg('problem.both', { ...params, pace: word(gap.fromHub), pace2: word(pace(toHubPace)) })
        : gap.fromHub ? msg('problem.from-hub', { ...params, pace: word(gap.fromHub) }) : msg('problem.to-hub', { ...params, pace: word(pace(toHubPace)) });
      out.push({
        subject: tp.id,
        message: msg('message', { ...params, problem: problem.text }),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg('recommendation', params),
        details: { touchpoint: tp.id, needs: tp.needs, tools, ...gap },
      });
    }
    return out;
  },
  plan: {
    step: 34,
    initiatives: ['freshen'],
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        // (r2) Data that is slow only because it starts in files the roadmap moves into the system
        // (move-<file>) is then recorded in the system itself: the move answers the gap, rather than
        // a later 'bring data as fast as needed' through the file it retires (yumori, hokusei).
        const origins = [...new Set(f.details.toHub.flatMap((x) => x.origins))];
        const moves = origins.map((id) => c.drafts.get(`move-${id}`));
        if (!f.details.fromHub && origins.length && moves.every((m) => m !== undefined)) {
          for (const m of moves) {
            m.addresses.add(f.id);
            if (tp?.owner) m.extraDepartments.add(tp.owner);
          }
          continue;
        }
        const tools = f.details.tools.filter((id) => c.tool(id));
        const hub = c.hubFor(tools);
        const d = c.draft(`freshen-${f.details.touchpoint}`, () => ({
          kind: 'integrate', phase: 2,
          title: c.title('customer.roadmap.title.freshen', { touchpoint: tp?.name ?? f.details.touchpoint, hub: hub?.name ?? '' }),
          tools: hub && !tools.includes(hub.id) ? [...tools, hub.id] : tools, subjects: tools, months: 1,
          ...(tp?.owner ? { owner: tp.owner } : {}),
        }));
        d.addresses.add(f.id);
      }
    },
  },
});

function paceRank(p: Pace): number {
  return p === 'unscheduled' ? UNSCHEDULED : FREQUENCY_RANK[p];
}
