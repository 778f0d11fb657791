// capability-overlap: two or more active tools provide the same capability; the finding lists
// them and their combined annual cost.
import { capabilityName } from '../../catalog/index.js';
import { minorToMajor } from '../../model/model.js';
import { compareIds, money, someToolNames, sumCosts, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';

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
export type Details = { capability: string; tools: string[]; costUnknown?: string[] };

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
      summary: 'Fires for each capability that two or more active tools provide; the finding lists them and their combined annual cost.',
      why: 'Paying twice for the same job, and worse: two tools give two answers (two e-mail lists, two visitor counts), teams split between them and nobody owns the result.',
      fix: 'Decide which tool owns the capability, move the others\' users and data to it, and phase them out at their next renewal (redundant-tool shows which ones can go without losing anything).',
      message: '{count} tools do the same job ({capability}): {tools}. Together they cost {cost} a year.',
      'message.partial-cost': '{count} tools do the same job ({capability}): {tools}. Together they cost at least {cost} a year (the cost of {unknown} is not known).',
      'message.no-cost': '{count} tools do the same job ({capability}): {tools}.',
      recommendation: 'Decide which tool should own {capability} and phase out the others at their next renewal.',
    },
    ja: {
      title: '機能の重複',
      summary: '2 つ以上の稼働中ツールが同じ機能を提供している場合に、機能ごとに検出します。ツールとその年間費用の合計を示します。',
      why: '同じ仕事に二重に支払っているうえ、ツールが 2 つあれば答えも 2 つ（メールリストが 2 つ、訪問者数が 2 つ）になり、チームが分かれ、結果に責任を持つ人がいなくなります。',
      fix: 'どのツールがその機能を担うか決め、他のツールの利用者とデータを移し、次回の契約更新で段階的に廃止します（どれを失うものなく廃止できるかは「冗長なツール」の検出が示します）。',
      message: '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。費用は合計で年間 {cost} です。',
      'message.partial-cost': '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。費用は合計で年間 {cost} 以上です（{unknown} の費用は不明）。',
      'message.no-cost': '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。',
      recommendation: '{capability} をどのツールが担うか決め、他のツールは次回の契約更新で段階的に廃止してください。',
    },
  },
  check({ ws, facts, msg }) {
    const out: FindingDraft<Details>[] = [];
    const caps = [...facts.providers.keys()].sort(compareIds);
    for (const cap of caps) {
      const tools = facts.providers.get(cap)!;
      if (tools.length < 2) continue;
      const ids = tools.map((x) => x.id);
      const cost = sumCosts(tools);
      const params = {
        capability: capabilityName(cap), tools: someToolNames(ws, ids), count: ids.length,
        cost: money(ws, cost.minor), unknown: someToolNames(ws, cost.unknown),
      };
      const key = !cost.minor ? 'message.no-cost'
        : cost.unknown.length ? 'message.partial-cost' : 'message';
      out.push({
        subject: cap,
        message: msg(key, params),
        entities: [{ kind: 'capability', id: cap }, ...ids.map(toolRef)],
        location: tools[0].loc,
        cost: cost.known ? minorToMajor(cost.minor) : undefined,
        recommendation: msg('recommendation', params),
        details: { capability: cap, tools: ids, ...(cost.unknown.length ? { costUnknown: cost.unknown } : {}) },
      });
    }
    return out;
  },
});
