// consent-not-synced (r2): consent data (opt-ins, unsubscribes, preferences) originates in a tool
// and does not reach a hub, or does not reach another tool that sends messages to identified
// customers: someone who unsubscribed can still be mailed. Consent types come from the workspace's
// `data_types` over the built-in vocabulary, so a version-1 workspace is checked too. Never folded
// into a refocus level (rules.md "Precisions"); phase 1 of the roadmap.
import { customerSide } from '../customer.js';
import { distinct, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import type { Workspace } from '../../model/model.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - { id: newsletter, name: Newsletter, stage: loyalty, channel: email, tools: [mailchimp] }
tools:
  - id: crm
    name: HubSpot
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    data: [contact-profile, email-engagement, unsubscribes]
integrations:
  - { from: crm, to: mailchimp, data: [contact-profile], mode: batch }
`;

/**
 * At most this many sending tools are named per finding (entities and `details.senders`); the
 * message names fewer. One finding per origin is the contract, but each origin can miss every
 * sender: naming them all made the output grow with origins × senders (a 10,000-tool workspace
 * with 3,000 origins of consent and 2,000 senders wrote 880 MB of findings and could not be
 * printed). `details.sendersMissed` keeps the full count.
 */
export const SENDERS_NAMED = 10;
/** Targets named in the message before "and N more". */
const TARGETS_IN_WORDS = 5;

/**
 * A consent type that records refusals (unsubscribes, opt-outs, do-not-call and suppression
 * lists), by its id or the workspace's name for it: its message speaks only of people who said no.
 */
export function isOptOut(ws: Workspace, d: string): boolean {
  const words = `${d} ${ws.index.dataTypeById.get(d)?.given.name ?? ''}`;
  return d === 'unsubscribes' || /unsub|opt-?out|do[- ]?not[- ](call|contact|e-?mail|mail|text)|suppress|配信停止|オプトアウト|購読解除|架電停止|連絡不要/i.test(words);
}

/** What a consent-not-synced finding carries in `details`. */
export type Details = {
  /** The tool the consent data originates in. */
  tool: string;
  /** The consent types it originates that do not reach everywhere they must. */
  data: string[];
  /** Hubs the consent data must reach and does not (the hub its origin feeds; all of them). */
  hubs: string[];
  /** Sending tools holding the same people that the consent data does not reach: the first SENDERS_NAMED by id. */
  senders: string[];
  /** How many sending tools the consent data does not reach in all (≥ senders.length). */
  sendersMissed: number;
};

export const rule = createRule({
  meta: {
    id: 'consent-not-synced',
    severity: 'high',
    group: 'integrate',
    subject: 'tool',
    example,
  },
  text: {
    en: {
      title: 'Consent not synchronised',
      summary: 'Fires for each tool in which consent data (a data type with `consent: true`; by default `consent`, `preferences`, `unsubscribes`) originates when it does not reach, through automated links that carry it, the hub its origin feeds (or is), or another tool that sends messages to the same people (a tool holding personal data with an email, SMS, push, messaging, marketing-automation or ad-audience capability, fed by the origin or its hub, or used beside it). Cookie choices (impersonal consent) are enforced in the page where the consent tool runs and never have to reach a CRM or a sender.',
      why: 'An opt-out recorded in one tool and unknown to another means a customer who said "stop" is mailed, texted or targeted again: a breach of their choice, a complaint, and under GDPR, the ePrivacy rules or Japan\'s APPI a regulator\'s concern. It is a compliance problem now, whatever else is planned for the tool.',
      fix: 'Send the consent data from the tool it originates in to the hub automatically, and from the hub to every tool that contacts customers (or make the hub the one place where consent is recorded). Until then, suppress the tool\'s opt-outs by hand before every send.',
      message: '{tool} records {data}, but these records do not reach {targets}: a customer who opted out in {tool} can still be contacted from there.',
      'message.hub': '{tool} records {data}, but these records do not reach the customer hub ({targets}): the customer view does not know who opted out.',
      'message.choice': '{tool} records {data}, but these records do not reach {targets}: someone who said no in {tool} can still be contacted from there, and someone who said yes can be left out.',
      'message.hub.choice': '{tool} records {data}, but these records do not reach the customer hub ({targets}): the customer view does not know who agreed to be contacted and who refused.',
      recommendation: 'Synchronise {data} from {tool} to {targets} automatically (at least daily), so that every tool that contacts customers honours the same choice.',
    },
    ja: {
      title: '同意情報の未同期',
      summary: '同意情報（`consent: true` のデータ種別。既定では `consent`、`preferences`、`unsubscribes`）が発生するツールごとに、その同意情報が、それを運ぶ自動連携で、発生元がデータを送るハブ（発生元自身がハブならそのハブ）に届かない場合、または同じ顧客にメッセージを送る他のツール（個人データを持ち、メール・SMS・プッシュ・メッセージング・MA・広告オーディエンスの機能を持ち、発生元かそのハブからデータを受け取るか、同じタッチポイントで使われるツール）に届かない場合に検出します。Cookie の同意（個人に結びつかない同意）は同意管理ツールがページ上で適用するため、CRM や配信ツールに届く必要はありません。',
      why: 'あるツールで記録された配信停止を別のツールが知らなければ、「やめてほしい」と言ったお客様に再びメールやSMS、広告が届きます。お客様の意思に反し、苦情につながり、個人情報保護法やGDPRの観点でも問題です。ツールの今後の計画にかかわらず、今すぐ対処すべきコンプライアンスの問題です。',
      fix: '同意情報を、それが発生するツールからハブへ自動で送り、ハブから顧客に連絡するすべてのツールへ届けます（またはハブを同意を記録する唯一の場所にします）。それまでは、送信のたびに配信停止者を手作業で除外します。',
      message: '{tool} で記録された{data}が {targets} に届いていません。{tool} で配信停止したお客様に、そこから連絡が届くおそれがあります。',
      'message.hub': '{tool} で記録された{data}が顧客データのハブ（{targets}）に届いていません。顧客の統合ビューは、誰が配信停止したかを知りません。',
      'message.choice': '{tool} で記録された{data}が {targets} に届いていません。{tool} で同意しなかったお客様にそこから連絡が届いたり、同意したお客様が対象から漏れたりするおそれがあります。',
      'message.hub.choice': '{tool} で記録された{data}が顧客データのハブ（{targets}）に届いていません。顧客の統合ビューは、誰が連絡に同意し、誰が断ったかを知りません。',
      recommendation: '{data}を {tool} から {targets} へ自動で（少なくとも毎日）同期し、顧客に連絡するすべてのツールが同じ意思を尊重するようにしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const cs = customerSide(ws, facts);
    const out: FindingDraft<Details>[] = [];
    for (const tool of ws.tools) {
      if (tool.status === 'retired') continue;
      // (No array per tool: most of a large stack's tools hold no consent type; #18.)
      let types: string[] | undefined;
      for (const d of distinct(tool.data)) if (cs.isConsent(d) && cs.isOrigin(tool.id, d)) (types ??= []).push(d);
      if (!types) continue;
      // Each type must reach the hub its origin feeds (or is) and the senders that hold the same
      // people (customer.ts consentTargets), not every hub and sender of the workspace. What it
      // misses comes counted: an origin of a large stack misses hundreds of senders, and only the
      // first SENDERS_NAMED are named.
      const miss = cs.consentMissed(tool.id, types, SENDERS_NAMED);
      const { hubs, data, senders: named } = miss;
      const missedCount = miss.sendersMissed;
      if (!hubs.length && !missedCount) continue;
      const targets = [...hubs, ...named];
      const params = { tool: tool.name, data: words.types(data), targets: words.someTools(targets, TARGETS_IN_WORDS, hubs.length + missedCount) };
      out.push({
        subject: tool.id,
        // An opt-out (an unsubscribe) is worded as one; an opt-in or a preference as a choice either way.
        message: msg(data.every((d) => isOptOut(ws, d)) ? (missedCount ? 'message' : 'message.hub') : missedCount ? 'message.choice' : 'message.hub.choice', params),
        entities: [toolRef(tool.id), ...targets.map(toolRef), ...data.map((id) => ({ kind: 'data' as const, id }))],
        location: tool.loc,
        recommendation: msg('recommendation', params),
        details: { tool: tool.id, data, hubs, senders: named, sendersMissed: missedCount },
      });
    }
    return out;
  },
  plan: {
    step: 11,
    initiatives: ['sync-consent'],
    propose(findings, c) {
      if (!findings.length) return;
      // A tool on its way out is not connected (rules.md roadmap coherence): its retirement answers it.
      const cs = customerSide(c.ws, c.facts);
      // Every hub the finding names: each is a customer view that may contact the customer, and the
      // initiative must reach what the finding (and the summary's advice) says is missed; one hub
      // picked by its data left Shopify Plus out of maison-velin's, Salesforce out of hokusei's.
      const targetsOf = (f: (typeof findings)[number]) => {
        const hubs = f.details.hubs.filter((h) => !cs.dropped(h));
        return [...hubs, ...f.details.senders.filter((s) => !hubs.includes(s) && !cs.dropped(s))];
      };
      if (findings.length === 1) {
        const f = findings[0];
        const tool = c.tool(f.details.tool);
        const targets = targetsOf(f);
        c.draft(`sync-consent-${f.details.tool}`, () => ({
          kind: 'integrate', phase: 1,
          title: c.title('customer.roadmap.title.sync-consent', { tool: tool?.name ?? f.details.tool, targets: c.words.someTools(targets, TARGETS_IN_WORDS) }),
          tools: [f.details.tool, ...targets], subjects: [f.details.tool], months: 1, ...(tool?.owner ? { owner: tool.owner } : {}),
        })).addresses.add(f.id);
        return;
      }
      // Several origins: one piece of work (rules.md: same-kind initiatives are grouped), agreeing
      // where consent is recorded and making every origin send it there and on to the senders.
      const origins = findings.map((f) => f.details.tool);
      const tools = [...new Set([...origins, ...findings.flatMap(targetsOf)])];
      const owners = origins.map((id) => c.tool(id)?.owner).filter((o): o is string => !!o).sort();
      const d = c.draft('sync-consent', () => ({
        kind: 'integrate', phase: 1,
        title: c.title('customer.roadmap.title.sync-consent.many', { tools: c.words.someTools(origins, TARGETS_IN_WORDS) }),
        tools, subjects: origins, months: findings.length > 3 ? 2 : 1, ...(owners[0] ? { owner: owners[0] } : {}),
      }));
      for (const f of findings) d.addresses.add(f.id);
      for (const o of owners) d.extraDepartments.add(o);
    },
  },
});
