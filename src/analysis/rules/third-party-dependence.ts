// third-party-dependence (r2): an in-scope touchpoint whose tools hold or receive data only of
// third party, or work on third-party cookies, with no first-party data reaching any of them. A
// touchpoint whose tools hold no data at all and none of which works on third-party cookies does
// not count; a data type whose party is not known is asked about, never guessed.
import { customerSide } from '../customer.js';
import { sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - { id: retargeting, name: Retargeting ads, stage: consideration, channel: advertising, tools: [criteo] }
tools:
  - { id: crm, name: HubSpot, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: criteo, name: Criteo, capabilities: [retargeting], data: [], third_party_cookies: true }
`;

/** What a third-party-dependence finding carries in `details`. */
export type Details = {
  touchpoint: string;
  tools: string[];
  /** Tools at the touchpoint that work on third-party cookies. */
  cookies: string[];
  /** Third-party types its tools hold or receive. */
  thirdParty: string[];
};

export const rule = createRule({
  meta: {
    id: 'third-party-dependence',
    severity: 'medium',
    group: 'integrate',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Third-party dependence',
      summary: 'Fires for each in-scope touchpoint whose tools hold or receive only third-party data (`party: third`), or work on third-party cookies (`third_party_cookies: true`), while no first-party data about customers (not `personal: false`) is at or reaches (through automated links) any of them. A touchpoint whose tools hold no data and none of which works on third-party cookies does not count.',
      why: 'Data bought from others and third-party cookies are disappearing (browsers block the cookies, regulators restrict the trade), and competitors can buy the same data. A touchpoint that runs only on them will stop working or lose precision, while the company\'s own customer data, which nobody else has, sits unused.',
      fix: 'Feed the touchpoint\'s tools with first-party data from the hub (customer lists, purchase history, consented audiences) through an automated link, and move targeting to it; keep third-party data as an enrichment only.',
      message: '{touchpoint} runs only on {what}: no first-party data reaches {tools}.',
      'what.cookies': 'third-party cookies',
      'what.data': 'third-party data ({data})',
      'what.both': 'third-party cookies and third-party data ({data})',
      recommendation: 'Send first-party audiences from {hub} to {tools} automatically and target {touchpoint} with them, keeping third-party data only as an enrichment.',
      'recommendation.no-hub': 'Build first-party audiences (customer lists, purchase history, with consent) and feed them to {tools} automatically, keeping third-party data only as an enrichment.',
    },
    ja: {
      title: 'サードパーティデータへの依存',
      summary: '対象範囲内の顧客接点で、使うツールがサードパーティデータ（`party: third`）だけを持つか受け取る場合、またはサードパーティ Cookie（`third_party_cookies: true`）で動く場合で、顧客を識別するファーストパーティデータ（`personal: false` 以外）がどのツールにもなく、自動連携でも届いていない場合に検出します。データを持たず、サードパーティ Cookie でも動かないツールだけの顧客接点は対象外です。',
      why: '他社から買ったデータやサードパーティ Cookie は使えなくなりつつあります（ブラウザが Cookie をブロックし、規制が取引を制限しています）。また競合も同じデータを買えます。それだけに頼る顧客接点は止まるか精度を失い、他社が持たない自社の顧客データは使われないままです。',
      fix: 'ハブのファーストパーティデータ（顧客リスト、購買履歴、同意を得たオーディエンス）を自動連携で顧客接点のツールへ送り、ターゲティングをそちらに移します。サードパーティデータは補完にとどめます。',
      message: '{touchpoint} は{what}だけで動いています。{tools} にはファーストパーティデータが届いていません。',
      'what.cookies': 'サードパーティ Cookie',
      'what.data': 'サードパーティデータ（{data}）',
      'what.both': 'サードパーティ Cookie とサードパーティデータ（{data}）',
      recommendation: '{hub} から {tools} へファーストパーティのオーディエンスを自動で送り、{touchpoint} のターゲティングに使ってください。サードパーティデータは補完にとどめてください。',
      'recommendation.no-hub': 'ファーストパーティのオーディエンス（同意を得た顧客リストや購買履歴）を作り、{tools} へ自動で送ってください。サードパーティデータは補完にとどめてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    const party = (d: string) => cs.dataType(d)?.party;
    // Links into each tool, once (not every link for every touchpoint: touchpoints × links at scale).
    const into = new Map<string, (typeof cs.arcs)[number][]>();
    for (const a of cs.arcs) (into.get(a.to) ?? into.set(a.to, []).get(a.to)!).push(a);
    // What automated links bring into each tool, once per tool: a hub at many touchpoints has
    // thousands of links in, walked again for each of them.
    const inbound = new Map<string, ReadonlySet<string>>();
    const typesInto = (id: string): ReadonlySet<string> => {
      let r = inbound.get(id);
      if (!r) {
        const s = new Set<string>();
        for (const a of into.get(id) ?? []) if (!a.manual) for (const d of a.data) s.add(d);
        inbound.set(id, (r = s));
      }
      return r;
    };
    // First-party data that identifies customers (a network's own aggregate reporting, declared
    // `personal: false`, does not free a touchpoint from third-party cookies).
    const identifying = (d: string) => party(d) === 'first' && cs.dataType(d)?.personal !== false;
    // Whether a tool holds or is brought such data, once per tool (a hub serves many touchpoints).
    const firstPartyAt = new Map<string, boolean>();
    const hasFirstParty = (id: string): boolean => {
      let r = firstPartyAt.get(id);
      if (r === undefined) {
        r = ws.index.toolById.get(id)!.data.some(identifying) || [...typesInto(id)].some(identifying);
        firstPartyAt.set(id, r);
      }
      return r;
    };
    for (const tp of ws.touchpoints) {
      if (!tp.inScope) continue;
      const tools = sortIds(new Set(tp.tools.filter((id) => {
        const x = ws.index.toolById.get(id);
        return x && x.status !== 'retired';
      })));
      if (!tools.length) continue;
      // First-party data that identifies customers at one of its tools: not dependent.
      if (tools.some(hasFirstParty)) continue;
      const types = new Set<string>();
      for (const id of tools) for (const d of ws.index.toolById.get(id)!.data) types.add(d);
      for (const id of tools) for (const d of typesInto(id)) types.add(d);
      const cookies = tools.filter((id) => ws.index.toolById.get(id)!.thirdPartyCookies === true);
      const allThird = [...types].some((d) => party(d) === 'third') && [...types].every((d) => party(d) === 'third' || (party(d) === 'first' && cs.dataType(d)?.personal === false));
      if (!allThird && !cookies.length) continue;
      const thirdParty = sortIds([...types].filter((d) => party(d) === 'third'));
      const hub = facts.hubs.find((h) => h.status !== 'retired');
      const what = cookies.length && thirdParty.length ? 'what.both' : cookies.length ? 'what.cookies' : 'what.data';
      const params = { touchpoint: tp.name, tools: words.tools(tools), hub: hub?.name ?? '' };
      out.push({
        subject: tp.id,
        message: msg('message', { ...params, what: msg(what, { data: words.types(thirdParty) }).text }),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg(hub ? 'recommendation' : 'recommendation.no-hub', params),
        details: { touchpoint: tp.id, tools, cookies, thirdParty },
      });
    }
    return out;
  },
  plan: {
    step: 35,
    initiatives: ['first-party'],
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        const hub = c.hubFor(f.details.tools);
        const d = c.draft(`first-party-${f.details.touchpoint}`, () => ({
          kind: 'integrate', phase: 2,
          title: c.title(hub ? 'customer.roadmap.title.first-party' : 'customer.roadmap.title.first-party.no-hub', { touchpoint: tp?.name ?? f.details.touchpoint, hub: hub?.name ?? '' }),
          tools: hub ? [...f.details.tools, hub.id] : [...f.details.tools], subjects: [...f.details.tools], months: 2,
          ...(tp?.owner ? { owner: tp.owner } : {}),
        }));
        d.addresses.add(f.id);
      }
    },
  },
});
