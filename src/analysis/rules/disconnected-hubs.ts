// disconnected-hubs: two hubs that no chain of integrations joins: two "single" customer views.
// One finding per pair of hub groups (hubs already connected to each other count as one view),
// named after the first hub id of each group.
import { compareIds, joinSubject, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: shop
    name: Shopify
    capabilities: [ecommerce-platform]
    hub: true
    data: [contact-profile, orders]
`;

/** What a disconnected-hubs finding carries in `details`. */
export type Details = { hubs: string[]; groups: string[][] };

export const rule = createRule({
  meta: {
    id: 'disconnected-hubs',
    severity: 'high',
    group: 'integrate',
    subject: 'tools',
    example,
  },
  text: {
    en: {
      title: 'Disconnected hubs',
      summary: 'Fires for each pair of hubs that no chain of automated links joins (hubs already connected to each other count as one). Hubs joined only by manual copies are two customer views.',
      why: 'Two "single" customer views that never meet: the same customer exists twice with different data, and each team trusts its own version.',
      fix: 'Connect the hubs (with clear sources of truth for the data both hold), or decide which one is the master and migrate the other into it.',
      message: '{a} and {b} are both customer hubs but are not connected: the company has two separate "single" customer views that do not agree.',
      recommendation: 'Connect {a} and {b} with a sync of the customer data both hold, or decide which one is the master and migrate the other into it.',
      side: '{hub} (joined with {others})',
    },
    ja: {
      title: 'ハブ同士が未接続',
      summary: 'どの自動連携の連鎖でも結ばれていないハブの組を、組ごとに検出します（互いにつながっているハブは一つとして数えます）。手作業のコピーでしか結ばれていないハブは、二つの顧客ビューです。',
      why: '交わることのない 2 つの「一元的な」顧客ビューです。同じお客様が異なるデータで 2 人存在し、部署ごとに自分の版を信じています。',
      fix: '両方が持つデータについて真実の情報源（SoT）を決めた上でハブ同士を連携するか、どちらをマスターにするか決めてもう一方を移行します。',
      message: '{a} と {b} はどちらもハブですが、互いにつながっていません。一致しない 2 つの「一元的な」顧客ビューが並存しています。',
      recommendation: '{a} と {b} を両方が持つ顧客データで同期するか、どちらをマスターにするか決めてもう一方を移行してください。',
      side: '{hub}（{others} と連携済み）',
    },
  },
  check({ ws, facts, msg, words }) {
    const groups = facts.components.filter((c) => c.hasHub).sort((a, b) => compareIds(a.hubs[0], b.hubs[0]));
    const out: FindingDraft<Details>[] = [];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i].hubs;
        const b = groups[j].hubs;
        const pair = [a[0], b[0]];
        // One side of several hubs already joined is one view: "Salesforce (joined with Segment)",
        // never "HubSpot and Salesforce and Segment are both customer hubs".
        const side = (hubs: readonly string[]) => (hubs.length === 1 ? words.tools(hubs)
          : msg('side', { hub: words.tools(hubs.slice(0, 1)), others: words.tools(hubs.slice(1)) }).text);
        const params = { a: side(a), b: side(b) };
        out.push({
          subject: joinSubject(pair),
          message: msg('message', params),
          entities: [...a, ...b].map(toolRef),
          location: ws.index.toolById.get(a[0])!.loc,
          recommendation: msg('recommendation', params),
          details: { hubs: pair, groups: [[...a], [...b]] },
        });
      }
    }
    return out;
  },
  plan: {
    step: 32,
    initiatives: ['connect-hubs'],
    propose(findings, c) {
      if (c.replatforming) return;
      for (const f of findings) {
        const pair = f.details.hubs.filter((id) => c.tool(id));
        if (pair.length < 2) continue;
        const [a, b] = pair;
        c.draft(`connect-hubs-${a}-${b}`, () => ({
          kind: 'integrate', phase: 2, title: c.title('roadmap.title.connect-hubs', { a: c.name(a), b: c.name(b) }),
          tools: pair, subjects: pair, owner: c.tool(a)?.owner, months: 3,
        })).addresses.add(f.id);
      }
    },
  },
});
