// untapped-touchpoint: an out-of-scope touchpoint captures customer data that no in-scope
// touchpoint captures: potential left on the table.
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: newsletter
    name: Newsletter
    stage: awareness
    channel: email
    tools: []
    captures: [email-engagement]
  - id: stamp-card
    name: Paper stamp card
    stage: loyalty
    channel: store
    in_scope: false
    captures: [visit-frequency]
`;

/** What a untapped-touchpoint finding carries in `details`. */
export type Details = { touchpoint: string; data: string[] };

export const rule = createRule({
  meta: {
    id: 'untapped-touchpoint',
    severity: 'info',
    group: 'refocus',
    subject: 'touchpoint',
    advisory: true,
    example,
  },
  text: {
    en: {
      title: 'Untapped touchpoint',
      summary: 'Fires for each out-of-scope touchpoint that captures customer data no in-scope touchpoint captures. Informational.',
      why: 'Potential left on the table: this is the only place where the company could learn this about its customers, and it is outside today\'s focus.',
      fix: 'Consider bringing the touchpoint into scope in a later phase, or capturing the same data at a touchpoint that is in scope.',
      message: '{touchpoint} is outside the audit\'s scope, but it is the only place that yields {data}.',
      recommendation: 'Consider bringing {touchpoint} into scope in a later phase so that {data} can be used.',
    },
    ja: {
      title: '活用されていない顧客接点',
      summary: '対象範囲外の顧客接点で、対象範囲内のどの顧客接点でも得られない顧客データを得ているものを検出します。参考情報です。',
      why: '活かされていない可能性です。お客様についてのこの情報を得られるのはここだけですが、今は注力の対象外になっています。',
      fix: '後のフェーズでこの顧客接点を対象範囲に入れるか、対象範囲内の顧客接点で同じデータを得る方法を検討します。',
      message: '{touchpoint} は監査の対象範囲外ですが、{data} を得られる唯一の場所です。',
      recommendation: '{data} を活用できるよう、後のフェーズで {touchpoint} を対象範囲に入れることを検討してください。',
    },
  },
  check({ ws, msg, words }) {
    const inScope = new Set<string>();
    for (const tp of ws.touchpoints) if (tp.inScope) for (const d of tp.captures) inScope.add(d);
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (tp.inScope) continue;
      const untapped = [...new Set(tp.captures)].filter((d) => !inScope.has(d));
      if (!untapped.length) continue;
      const params = { touchpoint: tp.name, data: words.data(untapped) };
      out.push({
        subject: tp.id,
        message: msg('message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }],
        location: tp.loc,
        recommendation: msg('recommendation', params),
        details: { touchpoint: tp.id, data: untapped },
      });
    }
    return out;
  },
});
