// no-customer-hub: the workspace has no hub, so there is no shared customer view at all.
// It stands for the per-tool data-silo and trapped-data findings, which are not raised then.
import { rankHubs, sortIds, workspaceLoc } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    data: [contact-profile, email-engagement]
  - id: zendesk
    name: Zendesk
    capabilities: [help-desk]
    data: [contact-profile, support-tickets]
`;

/** What a no-customer-hub finding carries in `details`. */
export type Details = { customerDataTools: string[]; hubCandidates: string[] };

export const rule = createRule({
  meta: {
    id: 'no-customer-hub',
    severity: 'critical',
    group: 'integrate',
    subject: 'workspace',
    marks: 'all-silos',
    example,
  },
  text: {
    en: {
      title: 'No customer hub',
      summary: 'Fires when no tool is a customer hub: no tool says `hub: true` and no active tool has the `crm` or `customer-data-platform` capability. It says the problem once: with no hub, no per-tool data-silo or trapped-data, no isolated-cluster and no per-touchpoint inconsistent-experience findings are raised.',
      why: 'Without a hub there is no single view of the customer. Every team works from its own list, customers are asked the same questions again, and nobody can tell what a customer is worth across channels. It also replaces the per-tool data-silo and trapped-data findings, which would all say the same thing.',
      fix: 'Choose one system as the shared customer view (usually a CRM, for larger set-ups a customer data platform), mark it `hub: true`, then connect the other tools to it step by step, starting with those that hold contact data.',
      message: 'There is no customer hub: customer data sits in {tools}, and no CRM or customer data platform brings it together, so nobody has one view of the customer.',
      'message.no-data': 'There is no customer hub: no CRM or customer data platform holds a shared view of the customer.',
      recommendation: 'Choose one system as the shared customer view (a CRM or a customer data platform) and connect the other tools to it step by step.',
      'recommendation.candidates': 'Choose one system as the shared customer view ({candidates} could grow into that role, or bring in a CRM) and connect the other tools to it step by step.',
      'recommendation.platform': 'With customer data in {count} tools, adopt one platform as the customer master (a CRM, or a customer data platform) and move the customer data onto it in stages, rather than connecting the tools to it one by one.',
      'recommendation.platform-candidates': 'With customer data in {count} tools, adopt one platform as the customer master ({candidates} could grow into that role, or bring in a CRM) and move the customer data onto it in stages, rather than connecting the tools to it one by one.',
    },
    ja: {
      title: '顧客データのハブがない',
      summary: '顧客データのハブとなるツールが一つもない場合に検出します（`hub: true` のツールがなく、`crm` または `customer-data-platform` の機能を持つ稼働中のツールもない）。問題は一度だけ伝えます。ハブがないときは、ツールごとのデータのサイロ化や取り残されたデータ、孤立したツール群、顧客接点ごとの一貫しない顧客体験は検出しません。',
      why: 'ハブがなければ、顧客を一元的に把握する場所がありません。部署ごとに別々の顧客リストで仕事をし、お客様は同じことを何度も聞かれ、チャネルをまたいだ顧客の価値も分かりません。この検出はツールごとのデータのサイロ化・取り残されたデータの検出を代表します（どれも同じ原因のため個別には出しません）。',
      fix: '顧客情報を一元管理するシステムを一つ決め（通常は CRM、規模が大きければ CDP）、`hub: true` を付けます。その上で、連絡先データを持つツールから順にハブへ連携していきます。',
      message: '顧客データのハブがありません。顧客データは {tools} に分散しており、CRM や CDP で一つにまとめられていないため、顧客を一元的に把握できる人がいません。',
      'message.no-data': '顧客データのハブがありません。顧客を一元的に把握する CRM や CDP がありません。',
      recommendation: '顧客情報を一元管理するシステム（CRM または CDP）を一つ決め、他のツールを順に連携してください。',
      'recommendation.candidates': '顧客情報を一元管理するシステムを一つ決め（{candidates} をその役割に育てるか、CRM を導入）、他のツールを順に連携してください。',
      'recommendation.platform': '顧客データが {count} 件のツールに分かれているため、ツールを 1 つずつ連携するのではなく、顧客データのマスターとなるプラットフォーム（CRM または CDP）を 1 つ導入し、顧客データを段階的にそこへ移してください。',
      'recommendation.platform-candidates': '顧客データが {count} 件のツールに分かれているため、ツールを 1 つずつ連携するのではなく、顧客データのマスターとなるプラットフォームを 1 つ導入し（{candidates} をその役割に育てるか、CRM を導入）、顧客データを段階的にそこへ移してください。',
    },
  },
  check({ ws, facts, msg, words }): FindingDraft<Details>[] {
    if (facts.hubs.length) return [];
    // The tools the siloed share counts (aggregate metrics alone are no customer data to gather).
    const holders = sortIds(facts.personalDataTools.map((x) => x.id));
    // Candidates: a CRM or CDP that is not active (yet): a pilot, or one being retired.
    const crmLike = ws.tools.filter((x) => x.status !== 'retired'
      && (x.capabilities.includes('crm') || x.capabilities.includes('customer-data-platform')));
    const candidates = rankHubs(crmLike, [...new Set(facts.customerDataTools.flatMap((x) => x.data))], facts.impact).slice(0, 3);
    const message = holders.length
      ? msg('message', { tools: words.someTools(holders), count: holders.length })
      : msg('message.no-data');
    // The replatform test of the assessment (no hub, enough customer-data tools): the advice is the
    // level's, a platform the data moves onto in stages, not connections one by one.
    const platform = holders.length >= ws.settings.thresholds.noHubTools;
    const recommendation = candidates.length
      ? msg(platform ? 'recommendation.platform-candidates' : 'recommendation.candidates', { candidates: words.someTools(candidates), count: holders.length })
      : msg(platform ? 'recommendation.platform' : 'recommendation', { count: holders.length });
    return [{
      subject: 'workspace',
      message,
      entities: [{ kind: 'workspace', id: 'workspace' }, ...holders.map((id) => ({ kind: 'tool' as const, id }))],
      location: workspaceLoc(ws),
      recommendation,
      details: { customerDataTools: holders, hubCandidates: candidates },
    }];
  },
});
