// restricted-data-flow (r2): data with a use restriction (`data_types[].restricted`, from a
// contract or a law; never a default) flows by any link, manual included, out of the tools it
// originates in: the first hop; and a copy passed on into a tool that contacts customers (a
// sender: e-mail, SMS, messaging, ad audiences), a new use of the data, often the very one the
// terms forbid, while the first copy may be the use they allow (a portal's leads in the sheet of
// the people who call them back, passed on into the newsletter tool). Other onward copies (a
// warehouse into BI) are answered by the first hop's fix: stop it and delete the copies. One finding per direction of a
// pair of tools (`<from>+<to>`). Never folded into a refocus level (rules.md "Precisions"); phase 1
// of the roadmap.
import { customerSide } from '../customer.js';
import { sortIds, toolName, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example KK }
data_types:
  - id: marketplace-orders
    restricted: "Marketplace terms: buyer data may only be used to fulfil the order"
touchpoints:
  - { id: shop, name: Marketplace shop, stage: purchase, channel: marketplace, tools: [rms] }
tools:
  - { id: rms, name: Rakuten RMS, capabilities: [marketplace-management], data: [marketplace-orders] }
  - { id: mail, name: Newsletter tool, capabilities: [email-marketing], data: [contact-profile, marketplace-orders] }
integrations:
  - { from: rms, to: mail, data: [marketplace-orders], mode: manual, frequency: monthly }
`;

/** What a restricted-data-flow finding carries in `details`. */
export type Details = {
  from: string; to: string;
  /** The restricted types that flow, sorted. */
  data: string[];
  /** The links (integration ids) they flow by. */
  links: string[];
  manual: boolean;
  /** When `from` holds a copy (an onward hop): the tools the restricted types originate in. */
  origins?: string[];
};

export const rule = createRule({
  meta: {
    id: 'restricted-data-flow',
    severity: 'high',
    group: 'integrate',
    subject: 'tools',
    example,
  },
  text: {
    en: {
      title: 'Restricted data flow',
      summary: 'Fires for each link (any mode, manual included; each direction of a bidirectional one) by which a data type with a use restriction (`restricted` in `data_types`) flows out of a tool it originates in, or is passed on from a tool holding a copy into a tool that contacts customers (e-mail, SMS, push, messaging, marketing automation, ad audiences: a new use of the data). One finding per pair of tools and direction.',
      why: 'A use restriction comes from a contract or a law: a marketplace\'s terms, a partner agreement, a bureau\'s licence, consent given for one purpose only. Data that leaves the tool it may be used in is a breach the company is liable for, whoever copied it and however useful the copy is.',
      fix: 'Stop the flow (remove the restricted type from the link, or the link), delete the copies already made, and if the receiving team needs something, agree with the owner of the restriction what may be shared (an aggregate, an opted-in subset) and write that down.',
      message: '{data} may not leave {from} ({restriction}), but a link sends it to {to}.',
      'message.manual': '{data} may not leave {from} ({restriction}), but people copy it by hand to {to}.',
      'message.onward': '{data} may be used only as its terms say ({restriction}), but the copy in {from} (it originates in {origins}) is sent on to {to}.',
      'message.onward.manual': '{data} may be used only as its terms say ({restriction}), but people copy it by hand from {from} (it originates in {origins}) on to {to}.',
      recommendation: 'Stop sending {data} from {from} to {to} and delete the copies in {to}; agree with the owner of the restriction what {to} may receive instead.',
    },
    ja: {
      title: '利用制限のあるデータの流出',
      summary: '利用制限（`data_types` の `restricted`）のあるデータ種別が、それが発生するツールから外へ、またはそのコピーを持つツールから顧客に連絡するツール（メール、SMS、プッシュ、メッセージング、MA、広告オーディエンス。データの新たな用途です）へ、連携（手作業を含むすべてのモード。双方向の連携はそれぞれの向き）で流れる場合に検出します。ツールの組と向きごとに1件です。',
      why: '利用制限は契約や法律から来ます。モールの規約、パートナー契約、信用情報機関のライセンス、特定の目的に限った同意などです。使ってよいツールの外へ出たデータは、誰がコピーしたにせよ、どれほど役に立つにせよ、会社が責任を負う違反です。',
      fix: 'その流れを止め（連携から制限のあるデータ種別を外すか、連携そのものをやめる）、作られたコピーを削除します。受け取る側のチームに必要なものがあれば、制限の当事者と共有してよい範囲（集計値、同意を得た一部など）を取り決めて文書にします。',
      message: '{data}は {from} の外に出してはいけません（{restriction}）が、連携で {to} へ送られています。',
      'message.manual': '{data}は {from} の外に出してはいけません（{restriction}）が、手作業で {to} へ写されています。',
      'message.onward': '{data}は定められた用途にしか使えません（{restriction}）が、{from} にあるコピー（発生元：{origins}）がさらに {to} へ送られています。',
      'message.onward.manual': '{data}は定められた用途にしか使えません（{restriction}）が、{from} にあるコピー（発生元：{origins}）が手作業でさらに {to} へ写されています。',
      recommendation: '{from} から {to} への{data}の送付を止め、{to} にあるコピーを削除してください。{to} が代わりに受け取ってよいものは、制限の当事者と取り決めてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const cs = customerSide(ws, facts);
    const pairs = new Map<string, { from: string; to: string; data: Set<string>; links: Set<string>; manual: boolean; loc: typeof ws.integrations[number]['loc'] }>();
    for (const a of cs.arcs) {
      // Out of its origin; or a copy held by the source passed on into a sender.
      const restricted = cs.stopped(a.from, a.to, a.data);
      if (!restricted.length) continue;
      const key = `${a.from}+${a.to}`;
      let p = pairs.get(key);
      if (!p) pairs.set(key, (p = { from: a.from, to: a.to, data: new Set(), links: new Set(), manual: true, loc: a.link.loc }));
      for (const d of restricted) p.data.add(d);
      p.links.add(a.link.id);
      if (!a.manual) p.manual = false;
    }
    const originCache = new Map<string, string[]>();
    const originsOf = (d: string): string[] => {
      let o = originCache.get(d);
      if (!o) originCache.set(d, (o = ws.tools.filter((t) => t.status !== 'retired' && cs.isOrigin(t.id, d)).map((t) => t.id)));
      return o;
    };
    const out: FindingDraft<Details>[] = [];
    for (const [key, p] of pairs) {
      const data = sortIds(p.data);
      const restriction = [...new Set(data.map((d) => cs.restriction(d)!.trim().replace(/\s+/g, ' ').replace(/[.。]$/, '')))].join('; ');
      // A copy passed on: the types the source does not originate itself.
      const copied = data.filter((d) => !cs.isOrigin(p.from, d));
      const origins = copied.length ? sortIds(new Set(copied.flatMap((d) => originsOf(d)))) : [];
      const params = { data: words.types(data), from: toolName(ws, p.from), to: toolName(ws, p.to), restriction, origins: words.someTools(origins, 3) };
      const onward = copied.length === data.length && origins.length > 0;
      out.push({
        subject: key,
        message: msg(onward ? (p.manual ? 'message.onward.manual' : 'message.onward') : p.manual ? 'message.manual' : 'message', params),
        entities: [toolRef(p.from), toolRef(p.to), ...data.map((id) => ({ kind: 'data' as const, id }))],
        location: p.loc,
        recommendation: msg('recommendation', params),
        details: { from: p.from, to: p.to, data, links: sortIds(p.links), manual: p.manual, ...(onward ? { origins } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 11,
    initiatives: ['stop-restricted'],
    propose(findings, c) {
      for (const f of findings) {
        const d = c.draft(`stop-restricted-${f.details.from}-${f.details.to}`, () => ({
          kind: 'governance', phase: 1,
          title: c.title('customer.roadmap.title.stop-restricted', { from: c.name(f.details.from), to: c.name(f.details.to) }),
          tools: [f.details.from, f.details.to], subjects: [f.details.to], months: 1,
          ...(c.tool(f.details.from)?.owner ? { owner: c.tool(f.details.from)!.owner } : {}),
        }));
        d.addresses.add(f.id);
        const toOwner = c.tool(f.details.to)?.owner;
        if (toOwner) d.extraDepartments.add(toOwner);
      }
    },
  },
});
