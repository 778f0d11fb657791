// underused-license: seats.active / seats.licensed below the threshold (default 0.5).
// The money involved (r2): what reducing the licence to the seats in use + 10% spare saves, the
// same figure the roadmap's seat reduction shows.
import { minorToMajor } from '../../model/model.js';
import { toMinor } from '../money.js';
import { toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: gong
    name: Gong
    capabilities: [conversation-intelligence]
    cost: 84000
    seats: { licensed: 60, active: 18 }
`;

/** What a underused-license finding carries in `details`. */
export type Details = { tool: string; licensed: number; active: number; ratio: number; threshold: number; unusedSeats: number };

/** (r2) The seats a reduction keeps: the ones in use + 10% spare (at least one, at most the licence). */
export function seatsToKeep(licensed: number, active: number): number {
  return Math.min(licensed, Math.max(1, Math.ceil(active * 1.1)));
}

export const rule = createRule({
  meta: {
    id: 'underused-license',
    severity: 'low',
    group: 'refocus',
    hygiene: true,
    subject: 'tool',
    threshold: 0.5,
    example,
  },
  text: {
    en: {
      title: 'Underused licences',
      summary: 'Fires for each active or pilot tool whose `seats.active / seats.licensed` is below the threshold (default 0.5; `settings.rules.underused-license.threshold`).',
      why: 'Paying for seats nobody uses; often also a sign that a tool was bought for a team that never adopted it.',
      fix: 'Reduce the licence count to what is used at the next renewal, or find out why the other seats are not used (training, a better-suited tool).',
      message: 'Only {active} of {licensed} licences of {tool} are in use ({percent}%).',
      'message.cost': 'Only {active} of {licensed} licences of {tool} are in use ({percent}%): keeping {target} (the {active} in use + 10% spare) saves about {cost} a year.',
      recommendation: 'Reduce {tool} to {target} seats (the {active} in use + 10% spare), or find out why {unused} seats are not used.',
      'recommendation.renewal': 'Reduce {tool} to {target} seats (the {active} in use + 10% spare) before it renews in {renewal}, or find out why {unused} seats are not used.',
      'message.free': 'Only {active} of {licensed} seats of {tool} are in use ({percent}%). The seats cost nothing: the problem is adoption, not money.',
      'recommendation.free': 'Find out why {unused} people with a seat do not use {tool} (training, habits, a spreadsheet kept beside it) and give seats to the staff whose work belongs there; reducing free seats saves nothing.',
      'plan.adopt': 'Get {tool} used: train the people with a seat and give seats to those whose work belongs there ({active} of {licensed} free seats in use)',
    },
    ja: {
      title: '使われていないライセンス',
      summary: '稼働中・パイロット運用中のツールのうち、`seats.active / seats.licensed` がしきい値（既定 0.5、`settings.rules.underused-license.threshold`）を下回るものを検出します。',
      why: '誰も使っていないシートに支払っています。多くの場合、導入したのに定着しなかった部署があるというサインでもあります。',
      fix: '次回の契約更新でライセンス数を実際の利用数まで減らすか、残りのシートが使われない理由（研修不足、より合ったツールの存在など）を確認します。',
      message: '{tool} のライセンスは {licensed} シートのうち {active} シートしか使われていません（{percent}%）。',
      'message.cost': '{tool} のライセンスは {licensed} シートのうち {active} シートしか使われていません（{percent}%）。{target} シート（利用中 {active} ＋ 予備 10%）に減らすと年間約 {cost} の削減になります。',
      recommendation: '{tool} を {target} シート（利用中 {active} ＋ 予備 10%）に減らすか、{unused} シートが使われていない理由を確認してください。',
      'recommendation.renewal': '{renewal} の契約更新前に {tool} を {target} シート（利用中 {active} ＋ 予備 10%）に減らすか、{unused} シートが使われていない理由を確認してください。',
      'message.free': '{tool} のシートは {licensed} シートのうち {active} シートしか使われていません（{percent}%）。シートは無料なので、問題は費用ではなく定着です。',
      'recommendation.free': 'シートを持つ {unused} 人が {tool} を使わない理由（研修不足、習慣、並行して使う表計算など）を確認し、業務をそこで行うべき人にシートを渡してください。無料のシートを減らしても削減にはなりません。',
      'plan.adopt': '{tool} を定着させる：シートを持つ人を研修し、業務をそこで行うべき人にシートを渡す（無料シート {licensed} のうち利用 {active}）',
    },
  },
  check({ ws, threshold, msg, words }) {
    const limit = threshold ?? 0.5;
    const out: FindingDraft<Details>[] = [];
    for (const x of ws.tools) {
      if (x.status !== 'active' && x.status !== 'pilot') continue;
      const licensed = x.seats?.licensed;
      const active = x.seats?.active;
      if (licensed === undefined || active === undefined || licensed <= 0) continue;
      const ratio = active / licensed;
      if (ratio >= limit) continue;
      const unused = Math.max(0, licensed - active);
      const target = seatsToKeep(licensed, active);
      // (blind review 2) Free seats: reducing them saves nothing; the finding speaks of adoption.
      const free = x.annualCostMinor === 0;
      const wasteMinor = x.annualCostMinor === undefined || free ? undefined : Math.round((x.annualCostMinor * (licensed - target)) / licensed);
      const params = {
        tool: x.name, active, licensed, unused, target, percent: Math.round(ratio * 100), threshold: Math.round(limit * 100),
        cost: wasteMinor === undefined ? '' : words.money(wasteMinor),
      };
      out.push({
        subject: x.id,
        message: msg(free ? 'message.free' : wasteMinor ? 'message.cost' : 'message', params),
        entities: [toolRef(x.id)],
        location: x.loc,
        cost: wasteMinor === undefined ? undefined : minorToMajor(wasteMinor),
        recommendation: msg(free ? 'recommendation.free' : x.renewal ? 'recommendation.renewal' : 'recommendation', { ...params, renewal: x.renewal ?? '' }),
        details: { tool: x.id, licensed, active, ratio: Math.round(ratio * 1000) / 1000, threshold: limit, unusedSeats: unused },
      });
    }
    return out;
  },
  plan: {
    step: 13,
    initiatives: ['license', 'adopt'],
    propose(findings, c) {
      for (const f of findings) {
        const id = f.details.tool;
        const x = c.tool(id);
        if (!x) continue;
        const r = c.drafts.get(`retire-${id}`);
        if (r) {
          r.addresses.add(f.id);
          continue;
        }
        const licensed = x.seats?.licensed ?? 0;
        const active = x.seats?.active ?? 0;
        if (x.annualCostMinor === 0) {
          // Free seats: no seat reduction and no saving; the work is getting the tool used.
          c.draft(`adopt-${id}`, () => ({
            kind: 'process', phase: 1, title: c.title('plan.adopt', { tool: x.name, active, licensed }),
            tools: [id], subjects: [id], owner: x.owner, months: 1, keep: [id], drop: [],
          })).addresses.add(f.id);
          continue;
        }
        const target = seatsToKeep(licensed, active);
        // (r2) The title states the seats kept ("the 18 in use + 10% spare"); the saving is the
        // finding's money: what cancelling the other seats saves.
        const saving = f.cost !== undefined ? toMinor(f.cost) : undefined;
        c.draft(`license-${id}`, () => ({
          kind: 'governance', phase: 1, title: c.titleCount('roadmap.title.license', target, { tool: x.name, from: licensed, to: target, active }),
          tools: [id], subjects: [id], owner: x.owner, months: 1, renewalTools: [id], savingMinor: saving || undefined,
        })).addresses.add(f.id);
      }
    },
  },
});
