// personalization-opportunity (r2): a touchpoint that is not personalized (`personalized: false`)
// although one of its tools can personalize (taxonomy `personalizes`) and hub data already
// reaches that tool (a hub counts as reached): a small experiment with data the company already
// has. An opportunity, not a problem (info, advisory); the roadmap groups them into one set of
// small experiments. A touchpoint that does not say whether it is personalized is asked about.
import { customerSide } from '../customer.js';
import { sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - { id: welcome-series, name: Welcome e-mails, stage: purchase, channel: email, tools: [klaviyo], personalized: false }
tools:
  - { id: shopify, name: Shopify, capabilities: [ecommerce-platform], hub: true, data: [contact-profile, orders] }
  - { id: klaviyo, name: Klaviyo, capabilities: [email-marketing], data: [contact-profile, orders, email-engagement] }
integrations:
  - { from: shopify, to: klaviyo, mode: realtime }
`;

/** What a personalization-opportunity finding carries in `details`. */
export type Details = {
  touchpoint: string;
  /** Tools at the touchpoint that can personalize and that hub data reaches. */
  tools: string[];
  /** Hub data types that reach them (what the experiment can start with). */
  data: string[];
};

export const rule = createRule({
  meta: {
    id: 'personalization-opportunity',
    severity: 'info',
    group: 'refocus',
    subject: 'touchpoint',
    advisory: true,
    example,
  },
  text: {
    en: {
      title: 'Personalization opportunity',
      summary: 'Fires for each in-scope touchpoint marked `personalized: false` where one of its tools has a personalizing capability (personalization, web engagement, product recommendations, e-mail, SMS and push marketing, marketing automation, retargeting, messaging) and customer data from a hub already reaches that tool through automated links (a hub counts as reached). A tool on its way out (retiring, or dropped by redundant-tool) gets no experiment.',
      why: 'The tool can tailor the experience and the customer data is already there: a small experiment (a welcome e-mail by first purchase, a recommendation block) costs little, needs no new integration and shows what personalization is worth before anyone buys more technology.',
      fix: 'Start with the data you already have: pick one segment or one rule, run it as an experiment against the generic version, measure, then extend.',
      message: '{touchpoint} is not personalized, yet {tools} can personalize it and already receives {data} from the hub.',
      recommendation: 'Run a small experiment at {touchpoint} with the data {tools} already has ({data}), measured against today\'s generic version.',
    },
    ja: {
      title: 'パーソナライズの機会',
      summary: '`personalized: false` の対象範囲内の顧客接点で、使うツールの1つがパーソナライズの機能（パーソナライゼーション、Web接客、レコメンド、メール・SMS・プッシュ配信、MA、リターゲティング、メッセージング）を持ち、そのツールにハブの顧客データが自動連携ですでに届いている場合に検出します（ハブ自体は届いているとみなします）。廃止予定のツールや「冗長なツール」として外すツールには実験を提案しません。',
      why: 'ツールは体験を一人ひとりに合わせられ、顧客データもすでに届いています。小さな実験（初回購入に応じたウェルカムメール、おすすめ枠など）なら費用も少なく、新しい連携も要らず、追加の投資の前にパーソナライズの効果を確かめられます。',
      fix: 'すでにあるデータから始めます。1つのセグメントか1つのルールを選び、現在の一律の内容と比べる実験として実施し、効果を測ってから広げます。',
      message: '{touchpoint} はパーソナライズされていませんが、{tools} はパーソナライズでき、ハブから{data}をすでに受け取っています。',
      recommendation: '{tools} がすでに持っているデータ（{data}）で、{touchpoint} で小さな実験を行い、現在の一律の内容と比べて効果を測ってください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || tp.personalized !== false) continue;
      const r = cs.readiness(tp);
      if (r.state !== 'ready') continue;
      // A tool on its way out gets no experiment (rules.md: never contradict another finding).
      const tools = r.personalizing.filter((id) => cs.hubDataReaches(id) && !cs.dropped(id));
      if (!tools.length) continue;
      const data = sortIds(new Set(tools.flatMap((id) => cs.hubDataTypes(id)).filter((d) => !cs.isConsent(d))));
      const params = { touchpoint: tp.name, tools: words.tools(tools), data: words.someOf(data.map((d) => words.type(d)), 4) };
      out.push({
        subject: tp.id,
        message: msg('message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg('recommendation', params),
        details: { touchpoint: tp.id, tools, data },
      });
    }
    return out;
  },
  plan: {
    step: 38,
    initiatives: ['personalization-experiments'],
    propose(findings, c) {
      if (!findings.length) return;
      const names = findings.map((f) => c.ws.index.touchpointById.get(f.details.touchpoint)?.name ?? f.details.touchpoint);
      const tools = sortIds(new Set(findings.flatMap((f) => f.details.tools)));
      const owners = findings.map((f) => c.ws.index.touchpointById.get(f.details.touchpoint)?.owner).filter((o): o is string => !!o);
      const d = c.draft('personalization-experiments', () => ({
        kind: 'pilot', phase: 2,
        title: c.titleCount('customer.roadmap.title.experiments', names.length, { touchpoints: c.words.someOf(names, 3) }),
        tools, subjects: tools, months: Math.min(3, 1 + Math.floor(findings.length / 3)),
        ...(owners[0] ? { owner: [...owners].sort()[0] } : {}),
      }));
      for (const f of findings) d.addresses.add(f.id);
      for (const o of owners) d.extraDepartments.add(o);
      // Consent first: no experiment on a tool whose opt-outs are still being synchronised.
      for (const other of c.drafts.values()) {
        if (other.id.startsWith('sync-consent') && other.tools.some((id) => tools.includes(id))) d.dependsOn.add(other.id);
      }
    },
  },
});
