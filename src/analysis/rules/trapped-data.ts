// trapped-data: data types a tool holds that reach no hub, although the tool is connected to one
// (a tool connected to no hub at all is a data-silo instead). One finding per tool.
import { compareIds, rankHubs, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
tools:
  - id: crm
    name: Salesforce
    capabilities: [crm]
    hub: true
    data: [contact-profile]
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    data: [contact-profile, email-engagement]
integrations:
  - { from: mailchimp, to: crm, data: [contact-profile] }
`;

/** What a trapped-data finding carries in `details`. */
export type Details = { tool: string; data: string[]; hubs: string[]; via?: string };

export const rule = createRule({
  meta: {
    id: 'trapped-data',
    severity: 'medium',
    group: 'integrate',
    subject: 'tool',
    example,
  },
  text: {
    en: {
      title: 'Trapped data',
      summary: 'Fires once per tool that is connected to a hub but is the origin of data types that reach no hub, because no chain of automated links carries them there (the finding lists the types). A copy the tool receives from another tool is never trapped: only an origin can trap data. Nor is a type the tool is the declared `source_of_truth` of: the company chose where it lives, and the tool is connected to the hub. A tool connected to no hub at all is a data silo instead.',
      why: 'The tool looks integrated, but part of what it knows about customers stays inside it: the shared customer view is incomplete and decisions are made without that data.',
      fix: 'Extend the existing integration (or add one) so that it also carries the listed data types to the hub, or decide explicitly that they do not need to be shared.',
      message: '{tool} is connected to the customer hub, but no chain of automated links carries its own {data} data to a hub: that information stays inside {tool}.',
      'recommendation.dropped': '{tool} is to be phased out in favour of {keep} (see the finding on redundant tools): before it goes, move what only it knows ({data}) to {keep} rather than connecting {tool}.',
      recommendation: 'Send {data} from {tool} to {hub}, directly or through a tool that passes it on, or decide that this data does not need to be shared.',
      'recommendation.extend': 'Extend the integration from {tool} to {hub} so that it also carries {data}, or decide that this data does not need to be shared.',
    },
    ja: {
      title: '取り残されたデータ',
      summary: 'ハブにつながっているのに、自らが発生元であるデータの種類の一部がどの自動連携の連鎖でもハブに届かないツールを、ツールごとに 1 件検出します（届かない種類を列挙）。他のツールから受け取ったコピーは取り残されたデータではありません。そのツールが `source_of_truth` と宣言された種類も同様です（ハブにつながったツールを、そのデータを置く場所として会社が選んでいます）。どのハブにもつながっていないツールは、データのサイロ化として検出されます。',
      why: '連携されているように見えて、お客様について知っていることの一部がツールの中に残ったままです。顧客の共通ビューは不完全で、そのデータなしで判断が行われます。',
      fix: '既存の連携を拡張する（または新たに追加する）ことで、挙げられたデータもハブへ送るようにします。共有しなくてよいデータなら、そう明示的に決めます。',
      message: '{tool} はハブにつながっていますが、自ら発生させた {data} のデータをハブまで運ぶ自動連携の連鎖がありません。その情報は {tool} の中に留まっています。',
      'recommendation.dropped': '{tool} は {keep} に寄せて廃止する候補です（冗長なツールの検出を参照）。{tool} を連携するのではなく、廃止する前に {tool} だけが持つ情報（{data}）を {keep} へ移してください。',
      recommendation: '{data} を {tool} から {hub} へ（直接、または中継するツールを通じて）送るか、共有しなくてよいデータだと決めてください。',
      'recommendation.extend': '{tool} から {hub} への連携を拡張して {data} も送るようにするか、共有しなくてよいデータだと決めてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    if (!facts.hubs.length) return [];
    const out: FindingDraft<Details>[] = [];
    // Hub ranking per component and trapped set: large stacks repeat the same combinations.
    const ranked = new Map<string, string[]>();
    for (const tool of facts.customerDataTools) {
      if (tool.hub || !facts.connectedToHub(tool.id)) continue;
      const trapped = facts.trappedData(tool.id);
      if (!trapped.length) continue;
      const comp = facts.componentOf(tool.id);
      const key = `${comp.index}|${trapped.join(',')}`;
      let hubs = ranked.get(key);
      if (!hubs) {
        hubs = comp.hubs.length === 1 ? [...comp.hubs] : rankHubs(comp.hubs.map((id) => ws.index.toolById.get(id)!), trapped, facts.impact);
        ranked.set(key, hubs);
      }
      // A direct link to a hub that could simply carry more, or a new link (or a longer chain) is needed.
      const direct: string[] = [];
      for (const it of facts.integrationsOf(tool.id)) {
        if (it.from !== tool.id && !it.bidirectional) continue;
        const other = it.from === tool.id ? it.to : it.from;
        if (facts.isHub(other) && !direct.includes(other)) direct.push(other);
      }
      direct.sort(compareIds);
      const target = direct[0] ?? hubs[0];
      const params = { tool: tool.name, data: words.data(trapped), count: trapped.length, hub: words.tools(target ? [target] : []) };
      out.push({
        subject: tool.id,
        message: msg('message', params),
        entities: [toolRef(tool.id)],
        location: tool.loc,
        recommendation: msg(direct.length ? 'recommendation.extend' : 'recommendation', params),
        details: { tool: tool.id, data: [...trapped], hubs: [...hubs], ...(direct.length ? { via: direct[0] } : {}) },
      });
    }
    return out;
  },
  plan: {
    step: 33,
    initiatives: ['connect'],
    propose(findings, c) {
      for (const f of findings) {
        const id = f.details.tool;
        const x = c.tool(id);
        if (!x) continue;
        const existing = c.drafts.get(`retire-${id}`) ?? c.drafts.get(`connect-${id}`) ?? c.about(id, (d) => d.id.startsWith('connect-'));
        if (existing) {
          existing.addresses.add(f.id);
          continue;
        }
        const hub = c.hubFor([id]);
        const data = c.facts.trappedData(id);
        c.draft(`connect-${id}`, () => ({
          kind: 'integrate', phase: 2,
          title: c.title('roadmap.title.carry', { data: c.words.someOf(data.map(c.words.dataType), 4), tool: x.name, hub: hub?.name ?? '' }),
          tools: hub ? [id, hub.id] : [id], subjects: [id], owner: x.owner, months: 2,
        })).addresses.add(f.id);
      }
    },
  },
});
