// blind-personalization (r2): a touchpoint is personalized (`personalized: true`) but no hub data
// reaches its tools through automated links: it personalizes on what one tool alone knows. Stale
// hub data is freshness-gap's, not blindness. With no hub at all no-customer-hub says it once.
import { customerSide } from '../customer.js';
import { sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - { id: web-offers, name: Website offers, stage: consideration, channel: website, tools: [optimizely], personalized: true }
tools:
  - { id: crm, name: Salesforce, capabilities: [crm], hub: true, data: [contact-profile] }
  - { id: optimizely, name: Optimizely, capabilities: [personalization], data: [web-activity] }
integrations:
  - { from: optimizely, to: crm, mode: batch }
`;

/** What a blind-personalization finding carries in `details`. */
export type Details = { touchpoint: string; tools: string[]; hub?: string };

export const rule = createRule({
  meta: {
    id: 'blind-personalization',
    severity: 'low',
    group: 'refocus',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Blind personalization',
      summary: 'Fires for each in-scope touchpoint marked `personalized: true` to none of whose tools customer data from a hub arrives through automated links: it personalizes on what one tool alone knows. Hub data that arrives late is a freshness gap, not blindness; with no hub at all, no-customer-hub says it once.',
      why: 'Personalizing on one tool\'s own clicks and cookies treats a loyal customer like a stranger and a complaint like a sale: the offer ignores what the rest of the company knows (purchases, service tickets, opt-outs). It can do more harm than a generic message.',
      fix: 'Feed the personalizing tool with the customer profile from the hub (segments, purchases, consent) through an automated link, and personalize on that.',
      message: '{touchpoint} is personalized, but no customer data from the hub reaches {tools}: it personalizes on what {tools} alone knows.',
      recommendation: 'Send the customer profile from {hub} to {target} automatically and personalize {touchpoint} on it.',
    },
    ja: {
      title: '顧客データなしのパーソナライズ',
      summary: '`personalized: true` の対象範囲内の顧客接点で、使うどのツールにもハブの顧客データが自動連携で届いていない場合に検出します。1つのツールだけが知っていることでパーソナライズしています。ハブのデータが遅れて届くのは「データの鮮度の不足」で、これには当たりません。ハブがまったくなければ「顧客データのハブがない」として一度だけ検出します。',
      why: '1つのツールのクリックや Cookie だけでパーソナライズすると、常連のお客様を初めての人のように扱い、苦情を寄せた人に売り込みます。会社のほかの部分が知っていること（購買、問い合わせ、配信停止）を無視したおすすめは、一律のメッセージより害になることがあります。',
      fix: 'パーソナライズするツールへ、ハブの顧客プロフィール（セグメント、購買、同意）を自動連携で送り、それに基づいてパーソナライズします。',
      message: '{touchpoint} はパーソナライズされていますが、{tools} にはハブの顧客データが届いていません。{tools} だけが知っていることでパーソナライズしています。',
      recommendation: '{hub} から {target} へ顧客プロフィールを自動で送り、それに基づいて {touchpoint} をパーソナライズしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    if (!facts.hubs.length) return out;
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || tp.personalized !== true) continue;
      const tools = sortIds(new Set(tp.tools.filter((id) => ws.index.toolById.get(id)?.status !== 'retired')));
      if (!tools.length || tools.some((id) => cs.hubDataReaches(id))) continue;
      // Every tool there is on its way out: the migration answers it (never contradict another finding).
      if (tools.every((id) => cs.dropped(id))) continue;
      const r = cs.readiness(tp);
      const target = r.personalizing[0] ?? tools[0];
      const hub = facts.componentOf(target).hubs[0] ?? facts.hubs.find((h) => h.status !== 'retired')?.id;
      // Name the tools that personalize (a CMS or an analytics tag beside them is not who decides).
      const deciding = r.personalizing.length ? r.personalizing : tools;
      const params = { touchpoint: tp.name, tools: words.tools(deciding), target: words.tools([target]), hub: hub ? words.tools([hub]) : '' };
      out.push({
        subject: tp.id,
        message: msg('message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg('recommendation', params),
        details: { touchpoint: tp.id, tools, ...(hub ? { hub } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 36,
    initiatives: ['feed'],
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        const tools = f.details.tools.filter((id) => c.tool(id));
        const hub = f.details.hub ? c.tool(f.details.hub) : c.hubFor(tools);
        const d = c.draft(`feed-${f.details.touchpoint}`, () => ({
          kind: 'integrate', phase: 2,
          title: c.title('customer.roadmap.title.feed', { touchpoint: tp?.name ?? f.details.touchpoint, hub: hub?.name ?? '' }),
          tools: hub && !tools.includes(hub.id) ? [...tools, hub.id] : tools, subjects: tools, months: 1,
          ...(tp?.owner ? { owner: tp.owner } : {}),
        }));
        d.addresses.add(f.id);
      }
    },
  },
});
