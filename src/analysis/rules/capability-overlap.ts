// capability-overlap: two or more active tools provide the same capability; the finding lists
// them and their combined annual cost.
import { minorToMajor, type Tool } from '../../model/model.js';
import { isFileStore, isMedia, primaryCapabilities } from '../capabilities.js';
import { compareIds, distinct, sumCosts, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { byId } from '../roadmap/context.js';
import type { Finding } from '../types.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: ga4
    name: Google Analytics 4
    capabilities: [web-analytics]
    cost: 0
  - id: adobe-analytics
    name: Adobe Analytics
    capabilities: [web-analytics]
    cost: 48000
`;

/** What a capability-overlap finding carries in `details`. */
export type Details = {
  capability: string; tools: string[]; costUnknown?: string[];
  /** r2: the tools whose cost is the money at stake (every primary capability of theirs is in the overlap). */
  summed: string[];
  /** r2: tools that also do it as part of a wider suite: named, not summed. */
  suites: string[];
  /** r2: a media channel (they buy the same network's inventory); never counted in the replatform test. */
  media?: boolean;
  /** r2: the media network both buy. */
  network?: string;
};

export const rule = createRule({
  meta: {
    id: 'capability-overlap',
    severity: 'medium',
    group: 'refocus',
    subject: 'capability',
    example,
  },
  text: {
    en: {
      title: 'Capability overlap',
      summary: 'Fires for each primary capability (what a tool is bought for, not the extra features in its catalog entry) that two or more active tools have. The money at stake is the cost of the tools whose every primary capability is in the overlap; a suite that also does it is named, not summed. Advertising on two networks is reach, not overlap: media tools overlap only when they buy the same network\'s inventory. Spreadsheets and file stores never overlap (the data in them belongs in a system).',
      why: 'Paying twice for the same job, and worse: two tools give two answers (two e-mail lists, two visitor counts), teams split between them and nobody owns the result.',
      fix: 'Decide which tool owns the capability, move the others\' users and data to it, and phase them out at their next renewal (redundant-tool shows which ones can go without losing anything).',
      message: '{count} tools do the same job ({capability}): {tools}. Together they cost {cost} a year.',
      'message.partial-cost': '{count} tools do the same job ({capability}): {tools}. Together they cost at least {cost} a year (the cost of {unknown} is not known).',
      'message.no-cost': '{count} tools do the same job ({capability}): {tools}.',
      'message.suite': '{count} tools do the same job ({capability}): {tools}. The money at stake is {cost} a year ({single}); in {suites} it is part of a wider suite.',
      'message.suite-no-cost': '{count} tools do the same job ({capability}): {tools}; in {suites} it is part of a wider suite.',
      'message.media': '{tools} buy the same network\'s inventory ({capability}): they can bid against each other and count the same conversion twice. What they cost is media spend, not a saving.',
      recommendation: 'Decide which tool should own {capability} and phase out the others at their next renewal.',
      'recommendation.media': 'Run {tools} as one set-up (one manager account where the network has one, one conversion set-up, shared audiences and exclusions); keep the budgets: nothing is cancelled and nothing is saved.',
      'plan.media': 'Run {tools} as one set-up: one conversion set-up, shared audiences (no saving: media spend)',
    },
    ja: {
      title: '機能の重複',
      summary: '2 つ以上の稼働中ツールが同じ主要機能（ツールを導入した目的の機能。カタログ上のその他の機能は含みません）を持つ場合に、機能ごとに検出します。示す金額は、主要機能がすべてその重複に含まれるツールの費用だけで、それを一部として担うスイートは名前を挙げるだけで合計しません。2 つのネットワークで広告を買うのはリーチであって重複ではなく、広告ツールは同じネットワークの在庫を買う場合だけ重複とみなします。表計算やファイル置き場は重複とみなしません（そこにあるデータはシステムに置くべきものです）。',
      why: '同じ仕事に二重に支払っているうえ、ツールが 2 つあれば答えも 2 つ（メールリストが 2 つ、訪問者数が 2 つ）になり、チームが分かれ、結果に責任を持つ人がいなくなります。',
      fix: 'どのツールがその機能を担うか決め、他のツールの利用者とデータを移し、次回の契約更新で段階的に廃止します（どれを失うものなく廃止できるかは「冗長なツール」の検出が示します）。',
      message: '{count} つのツールが同じ機能（{capability}）を担っています：{tools}。費用は合計で年間 {cost} です。',
      'message.partial-cost': '{count} つのツールが同じ機能（{capability}）を担っています：{tools}。費用は合計で年間 {cost} 以上です（{unknown} の費用は不明）。',
      'message.no-cost': '{count} つのツールが同じ機能（{capability}）を担っています：{tools}。',
      'message.suite': '{count} つのツールが同じ機能（{capability}）を担っています：{tools}。対象となる費用は年間 {cost}（{single}）です。{suites} ではより広いスイートの一部です。',
      'message.suite-no-cost': '{count} つのツールが同じ機能（{capability}）を担っています：{tools}。{suites} ではより広いスイートの一部です。',
      'message.media': '{tools} は同じネットワークの在庫（{capability}）を買っています。互いに入札し合い、同じコンバージョンを二重に数えるおそれがあります。その費用は広告費であって、削減できる費用ではありません。',
      recommendation: '{capability} をどのツールが担うか決め、他のツールは次回の契約更新で段階的に廃止してください。',
      'recommendation.media': '{tools} を 1 つの体制で運用してください（ネットワークに管理アカウントがあればそれを使い、コンバージョン設定、オーディエンスと除外設定を共通にする）。予算はそのままで、解約するものも削減できる費用もありません。',
      'plan.media': '{tools} を 1 つの体制で運用する：共通のコンバージョン設定とオーディエンス（削減なし：広告費）',
    },
  },
  check({ facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    // r2: primary capabilities only (catalog features never overlap).
    const providers = new Map<string, Tool[]>();
    for (const x of facts.activeTools) {
      // (r2) file tool: two spreadsheets or file stores are not a tool decision; the data in them
      // belongs in a system (manual-integration and the roadmap's move-<file> say so).
      for (const c of distinct(primaryCapabilities(x))) {
        if (isFileStore(c)) continue;
        const l = providers.get(c);
        if (l) l.push(x);
        else providers.set(c, [x]);
      }
    }
    // A tool's one primary capability, when it has only one (asked for each capability it provides).
    const sole = new Map<Tool, string | undefined>();
    const soleCapability = (x: Tool): string | undefined => {
      if (!sole.has(x)) {
        const own = distinct(primaryCapabilities(x));
        sole.set(x, own.length === 1 ? own[0] : undefined);
      }
      return sole.get(x);
    };
    const caps = [...providers.keys()].sort(compareIds);
    for (const cap of caps) {
      let tools = [...providers.get(cap)!].sort((a, b) => compareIds(a.id, b.id));
      // r2: buying media on two networks is reach; only tools buying the same network's inventory overlap.
      const media = isMedia(cap);
      let network: string | undefined;
      if (media) {
        const byNetwork = new Map<string, Tool[]>();
        for (const x of tools) {
          if (!x.network) continue;
          const l = byNetwork.get(x.network);
          if (l) l.push(x);
          else byNetwork.set(x.network, [x]);
        }
        const shared = [...byNetwork.entries()].filter(([, l]) => l.length > 1).sort((a, b) => compareIds(a[0], b[0]));
        tools = [...new Set(shared.flatMap(([, l]) => l))].sort((a, b) => compareIds(a.id, b.id));
        network = shared[0]?.[0];
      }
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id);
      // r2: the money at stake is only the tools whose every primary capability is in the overlap.
      // Media spend is never money at stake: two accounts on one network buy reach, and what they
      // cost is the advertising itself (docs/analysis.md).
      const summedTools = media ? [] : tools.filter((x) => soleCapability(x) === cap);
      const summed = new Set(summedTools);
      const suites = tools.filter((x) => !summed.has(x)).map((x) => x.id);
      const cost = sumCosts(summedTools);
      const params = {
        capability: words.capability(cap), tools: words.someTools(ids), count: ids.length,
        cost: words.money(cost.minor), unknown: words.someTools(cost.unknown),
        single: words.someTools(summedTools.map((x) => x.id)), suites: words.someTools(suites),
      };
      const key = media ? 'message.media' : suites.length ? (cost.minor ? 'message.suite' : 'message.suite-no-cost')
        : !cost.minor ? 'message.no-cost'
        : cost.unknown.length ? 'message.partial-cost' : 'message';
      out.push({
        subject: cap,
        message: msg(key, params),
        entities: [{ kind: 'capability', id: cap }, ...ids.map(toolRef)],
        location: tools[0].loc,
        cost: !media && cost.known ? minorToMajor(cost.minor) : undefined,
        recommendation: msg(media ? 'recommendation.media' : 'recommendation', params),
        details: {
          capability: cap, tools: ids, ...(cost.unknown.length ? { costUnknown: cost.unknown } : {}),
          summed: summedTools.map((x) => x.id), suites, ...(media ? { media, ...(network ? { network } : {}) } : {}),
        },
      });
    }
    return out;
  },
  plan: {
    step: 40,
    initiatives: ['consolidate', 'align-media'],
    // Overlaps between the same tools are one decision ("Intercom or Zendesk?"), not one per
    // capability: they are grouped by the tool to keep and the tools to phase out.
    propose(findings, c) {
      const groups = new Map<string, { keeper: string; others: string[]; caps: string[]; findings: Finding[] }>();
      // Accounts on one network (media spend): one manager account and one conversion set-up, no
      // tool dropped and no saving; one initiative per network and set of tools.
      const media = new Map<string, Finding[]>();
      // Two customer views that each have their own tools for a job (a CRM and a marketing tool on
      // each side of a disconnected-hubs pair): which one stays is the platform decision of joining
      // the two views, taken there, not a consolidation of its own (never a quick retirement of a hub).
      const views = c.findingsOf('disconnected-hubs').flatMap((h) => {
        const groups = (h.details as { groups?: string[][] } | undefined)?.groups ?? [];
        const join = [...c.drafts.values()].find((d) => d.addresses.has(h.id));
        const sides = groups.map((g) => (c.tool(g[0]) ? c.facts.componentOf(g[0]).index : -1));
        return join && sides.length > 1 && !sides.includes(-1) ? [{ join, sides }] : [];
      });
      const sideOf = (id: string) => c.facts.componentOf(id).index;
      for (const f of findings) {
        const cap = f.details.capability;
        const tools = c.toolEntities(f);
        if (tools.length < 2) continue;

        if (f.details.media) {
          const k = `${f.details.network ?? cap}|${[...tools].sort(byId).join('+')}`;
          (media.get(k) ?? media.set(k, []).get(k)!).push(f);
          continue;
        }
        // (r2) Never consolidate onto a tool that an earlier initiative retires.
        const staying = tools.filter((id) => !c.drafts.has(`retire-${id}`));
        const keeper = c.keeperOf(staying.length ? staying : tools);
        const others = tools.filter((id) => id !== keeper).sort(byId);
        // When every other tool is being retired anyway, the retirements are the consolidation.
        const retiring = others.map((id) => c.drafts.get(`retire-${id}`));
        if (retiring.every(Boolean)) {
          for (const r of retiring) r!.addresses.add(f.id);
          continue;
        }
        const across = views.find((v) => v.sides.every((side) => tools.some((id) => sideOf(id) === side)));
        if (across) {
          across.join.addresses.add(f.id);
          continue;
        }
        // Replatforming: the new platform is where these capabilities end up.
        const migrating = c.replatforming ? c.drafts.get('replatform') : undefined;
        if (migrating && others.every((id) => migrating.subjects.includes(id))) {
          migrating.addresses.add(f.id);
          continue;
        }
        const k = `${keeper}|${others.join('+')}`;
        const g = groups.get(k) ?? groups.set(k, { keeper, others, caps: [], findings: [] }).get(k)!;
        g.caps.push(cap);
        g.findings.push(f);
      }
      for (const [k, fs] of media) {
        const tools = k.slice(k.indexOf('|') + 1).split('+');
        const network = k.slice(0, k.indexOf('|'));
        const d = c.draft(`align-media-${network}`, () => ({
          kind: 'governance' as const, phase: 1 as const, title: c.title('plan.media', { tools: c.words.list(tools.map((id) => c.name(id))) }),
          tools, subjects: tools, owner: c.tool(c.keeperOf(tools))?.owner, months: 1, keep: tools, drop: [],
        }));
        for (const f of fs) d.addresses.add(f.id);
      }
      for (const g of groups.values()) {
        const caps = [...g.caps].sort(byId);
        const category = (id: string) => c.tool(id)?.category;
        const lead = caps.find((x) => x === category(g.keeper)) ?? caps.find((x) => g.others.some((o) => category(o) === x)) ?? caps[0];
        const ordered = [lead, ...caps.filter((x) => x !== lead)];
        const params = { capability: c.words.someOf(ordered.map(c.words.capability), 4), tool: c.name(g.keeper), others: c.words.list(g.others.map((id) => c.name(id))) };
        // A migration when the overlap is a large part of what the other tools do; when it is a
        // side feature of them (sales forecasting in a call-recording tool), a decision on which
        // tool the team uses for it, with nothing to migrate or cancel.
        const substantial = g.others.some((id) => {
          const own = new Set(c.tool(id)?.capabilities ?? []);
          return own.size > 0 && caps.filter((x) => own.has(x)).length * 2 >= own.size;
        });
        const d = c.draft(`consolidate-${lead}`, () => (substantial ? {
          kind: 'consolidate' as const, phase: 3 as const, title: c.title('roadmap.title.consolidate', params),
          tools: [g.keeper, ...g.others], subjects: g.others, owner: c.tool(g.keeper)?.owner,
          // Moving off a hub (a second customer view) is a platform migration: it takes half a
          // year and is not rushed to meet the hub's next renewal.
          months: g.others.some((id) => c.facts.isHub(id)) ? 6 : Math.min(6, 2 + g.others.length),
          renewalTools: g.others.filter((id) => !c.drafts.has(`retire-${id}`) && !c.facts.isHub(id)), touchesNeighbours: true,
        } : {
          kind: 'governance' as const, phase: 1 as const, title: c.title('roadmap.title.agree-on', params),
          tools: [g.keeper, ...g.others], subjects: g.others, owner: c.tool(g.keeper)?.owner, months: 1,
        }));
        for (const f of g.findings) d.addresses.add(f.id);
      }
    },
  },
});
