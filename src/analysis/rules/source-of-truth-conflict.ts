// source-of-truth-conflict: two or more tools (not retired) claim source_of_truth for the same data type.
import { canBeSourceOfTruth, compareIds, rankHubs, toolRef } from './helpers.js';
import type { Tool } from '../../model/model.js';
import { createRule, type FindingDraft } from './rule.js';
import { proposeSourcesOfTruth } from '../roadmap/proposals.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    data: [contact-profile]
    source_of_truth: [contact-profile]
  - id: shop
    name: Shopify
    capabilities: [ecommerce-platform]
    data: [contact-profile, orders]
    source_of_truth: [contact-profile]
`;

/** What a source-of-truth-conflict finding carries in `details`. */
export type Details = { data: string; tools: string[]; candidate?: string };

export const rule = createRule({
  meta: {
    id: 'source-of-truth-conflict',
    severity: 'high',
    group: 'refocus',
    subject: 'data',
    example,
  },
  text: {
    en: {
      title: 'Source-of-truth conflict',
      summary: 'Fires for each data type that two or more tools (not retired) claim as their `source_of_truth`.',
      why: 'When two systems both claim to be the master, nobody knows which value is right when they disagree, and each sync can overwrite good data with bad.',
      fix: 'Agree on one master for the data type (usually the hub), remove the claim from the others and make them receive it from the master.',
      message: '{tools} each claim to be the source of truth for {data}: when they disagree, nobody knows which value is right.',
      recommendation: 'Agree on one master for {data} ({candidate} is the natural choice) and make the others copies of it.',
      'recommendation.agree': 'The hubs {hubs} each claim {data}: their owners should agree which system is the master, and the others become copies of it.',
      'recommendation.no-system': 'None of them is a system that can be the master of {data} (files or tools being retired): move {data} into a system of record and make it the master there.',
    },
    ja: {
      title: '真実の情報源（SoT）の競合',
      summary: '2 つ以上のツール（廃止済みを除く）が同じデータの種類について `source_of_truth` を主張している場合に、データの種類ごとに検出します。',
      why: '2 つのシステムがどちらもマスターだと主張していると、値が食い違ったときにどちらが正しいか誰にも分かりません。同期のたびに正しいデータが誤ったデータで上書きされることもあります。',
      fix: 'そのデータのマスターを一つ（通常はハブ）に決め、他のツールからは主張を外し、マスターから受け取るようにします。',
      message: '{tools} がそれぞれ {data} の真実の情報源（SoT）だと主張しています。値が食い違ったとき、どちらが正しいか誰にも分かりません。',
      recommendation: '{data} のマスターを一つに決め（{candidate} が自然な選択です）、他はその複製として扱ってください。',
      'recommendation.agree': 'ハブ（{hubs}）がいずれも {data} を主張しています。それぞれの担当部署でどのシステムをマスターにするか合意し、他はその複製として扱ってください。',
      'recommendation.no-system': 'どれも {data} のマスターになれるシステムではありません（ファイルや廃止予定のツール）。{data} を記録の正本となるシステムへ移し、そこをマスターにしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const claims = new Map<string, Tool[]>();
    for (const x of ws.tools) {
      if (x.status === 'retired') continue;
      for (const d of new Set(x.sourceOfTruth)) {
        const l = claims.get(d);
        if (l) l.push(x);
        else claims.set(d, [x]);
      }
    }
    const out: FindingDraft<Details>[] = [];
    for (const d of [...claims.keys()].sort(compareIds)) {
      const tools = claims.get(d)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id).sort(compareIds);
      // The natural master: a hub among the claimants, else the most used; never a file tool or a
      // retiring tool (rules.md r2). Several hubs claiming it: the owners agree which is the master.
      const systems = tools.filter(canBeSourceOfTruth);
      const hubs = systems.filter((x) => x.hub);
      const candidate = rankHubs(hubs.length ? hubs : systems.length ? systems : tools, [d], facts.impact)[0];
      const other = tools.find((x) => x.id !== candidate)!;
      const params = { data: words.data([d]), tools: words.tools(ids), candidate: words.tools([candidate]), hubs: words.tools(hubs.map((x) => x.id).sort(compareIds)) };
      const variant = !systems.length ? 'recommendation.no-system' : hubs.length > 1 ? 'recommendation.agree' : 'recommendation';
      out.push({
        subject: d,
        message: msg('message', params),
        entities: [{ kind: 'data', id: d }, ...ids.map(toolRef)],
        location: other.loc,
        recommendation: msg(variant, params),
        details: { data: d, tools: ids, candidate },
      });
    }
    return out;
  },
  plan: {
    step: 14,
    initiatives: ['designate-sot'],
    propose(findings, c) {
      proposeSourcesOfTruth(c, findings);
    },
  },
});
