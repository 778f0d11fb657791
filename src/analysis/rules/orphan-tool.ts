// orphan-tool: an active tool used at no touchpoint and in no integration.
import { costOf, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { proposeRetirement } from '../roadmap/proposals.js';
import { isInternalTool } from '../capabilities.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: hootsuite
    name: Hootsuite
    capabilities: [social-publishing]
    cost: { amount: 99, period: month }
`;

/** What a orphan-tool finding carries in `details`. */
export type Details = { tool: string; saving?: number };

export const rule = createRule({
  meta: {
    id: 'orphan-tool',
    severity: 'low',
    group: 'refocus',
    hygiene: true,
    subject: 'tool',
    example,
  },
  text: {
    en: {
      title: 'Orphan tool',
      summary: 'Fires for each active tool that is used at no touchpoint we were told of and takes part in no integration. A tool for internal work only (design, project management, team chat, wiki) that holds no customer data is not an orphan.',
      why: 'A tool nobody seems to use still costs money, holds data nobody looks after, and is one more login to secure.',
      fix: 'Ask who uses it; if nobody, cancel it. If it is used, record the touchpoint or integration so that the inventory is complete.',
      message: '{tool} is active, but no touchpoint or integration we were told of uses it.',
      'message.cost': '{tool} is active, but no touchpoint or integration we were told of uses it, while it costs {cost} a year.',
      recommendation: 'Check whether anyone still uses {tool}; if not, cancel it. If it is used, record where.',
    },
    ja: {
      title: '使われていないツール',
      summary: '稼働中のツールのうち、聞き取った範囲ではどの顧客接点でも使われず、どの連携にも関わっていないものを検出します。社内業務だけのツール（デザイン、プロジェクト管理、社内チャット、Wiki）で顧客データを持たないものは対象外です。',
      why: '誰も使っていないように見えるツールにも費用がかかり、誰も管理していないデータを持ち、守るべきログインが一つ増えます。',
      fix: '誰が使っているか確認し、誰もいなければ解約します。使われているなら、ツールの棚卸しが漏れなくなるよう顧客接点や連携を記録します。',
      message: '{tool} は稼働中ですが、聞き取った範囲ではどの顧客接点でも連携でも使われていません。',
      'message.cost': '{tool} は稼働中ですが、聞き取った範囲ではどの顧客接点でも連携でも使われていません。それでも年間 {cost} かかっています。',
      recommendation: '{tool} をまだ使っている人がいるか確認し、いなければ解約してください。使われているなら、どこで使われているか記録してください。',
    },
  },
  check({ facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const x of facts.activeTools) {
      if (facts.touchpointsServed(x.id).length || facts.degree(x.id)) continue;
      // r2: internal work (design, project management, team chat, wiki) holding no customer data is not an orphan.
      if (isInternalTool(x) && !x.data.length) continue;
      const params = { tool: x.name, cost: x.annualCostMinor ? words.money(x.annualCostMinor) : '' };
      out.push({
        subject: x.id,
        message: msg(x.annualCostMinor ? 'message.cost' : 'message', params),
        entities: [toolRef(x.id)],
        location: x.loc,
        cost: costOf(x),
        recommendation: msg('recommendation', params),
        details: { tool: x.id, saving: costOf(x) },
      });
    }
    return out;
  },
  plan: {
    step: 11,
    initiatives: ['retire'],
    propose(findings, c) {
      for (const f of findings) proposeRetirement(c, f, f.details.tool, 'roadmap.title.retire-orphan');
    },
  },
});
