// redundant-tool: every capability of an active tool is also provided by other active tools.
// Of tools redundant with each other only one can go at a time, so savings are never counted
// twice: tools are considered from the least to the most worth keeping (a hub, else the most
// connected, else the cheapest, then by id) and one is marked only while each of its
// capabilities is still provided by another tool that has not been marked. The ones left over
// (the tools to keep) get no finding. This is exact for any group size and deterministic.
import { capabilityName } from '../../catalog/index.js';
import { list } from '../../i18n/index.js';
import type { Tool } from '../../model/model.js';
import { compareIds, costOf, money, ruleDocs, toolNames, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: hubspot
    name: HubSpot Marketing Hub
    capabilities: [email-marketing, marketing-automation]
    cost: 21600
  - id: mailchimp
    name: Mailchimp
    capabilities: [email-marketing]
    cost: 4680
`;

export const rule: Rule = {
  id: 'redundant-tool',
  defaultSeverity: 'medium',
  docs: ruleDocs('redundant-tool', example),
  check({ ws, facts, t }) {
    // Keep order, computed once: hub first, then most integrations, then cheapest (unknown cost last), then id.
    const keepOrder = facts.activeTools
      .map((x) => ({ x, hub: x.hub ? 1 : 0, deg: facts.degree(x.id), cost: x.annualCostMinor ?? Infinity }))
      .sort((a, b) => b.hub - a.hub || b.deg - a.deg || a.cost - b.cost || compareIds(a.x.id, b.x.id))
      .map((e) => e.x);
    const rank = new Map(keepOrder.map((x, i) => [x.id, i]));
    const keepFirst = (a: Tool, b: Tool): number => rank.get(a.id)! - rank.get(b.id)!;
    const capsOf = (x: Tool) => [...new Set(x.capabilities)];
    const remaining = new Map<string, number>();
    for (const [cap, tools] of facts.providers) remaining.set(cap, tools.length);
    const removed = new Set<string>();
    // From the least to the most worth keeping: a tool goes while each of its capabilities keeps another provider.
    for (let i = keepOrder.length - 1; i >= 0; i--) {
      const x = keepOrder[i];
      if (!x.capabilities.length) continue;
      const caps = capsOf(x);
      if (!caps.every((c) => remaining.get(c)! >= 2)) continue;
      removed.add(x.id);
      for (const c of caps) remaining.set(c, remaining.get(c)! - 1);
    }
    // Who takes over a capability: the best tool to keep among those that stay.
    const keeperOf = new Map<string, string>();
    const keeper = (cap: string): string => {
      let k = keeperOf.get(cap);
      if (k === undefined) {
        let best: Tool | undefined;
        for (const p of facts.providers.get(cap)!) if (!removed.has(p.id) && (!best || keepFirst(p, best) < 0)) best = p;
        k = best!.id;
        keeperOf.set(cap, k);
      }
      return k;
    };
    const out: FindingDraft[] = [];
    for (const x of facts.activeTools) {
      if (!removed.has(x.id)) continue;
      const caps = capsOf(x).sort(compareIds);
      const keepers: Record<string, string> = {};
      const tally = new Map<string, number>();
      for (const c of caps) {
        const k = keeper(c);
        keepers[c] = k;
        tally.set(k, (tally.get(k) ?? 0) + 1);
      }
      const keepIds = [...tally.keys()];
      const tool = (id: string) => ws.index.toolById.get(id)!;
      const keep = keepIds.sort((a, b) => tally.get(b)! - tally.get(a)! || keepFirst(tool(a), tool(b)))[0];
      const others = [...keepIds].sort(compareIds);
      const params = {
        tool: x.name, capabilities: list(caps.map(capabilityName)), others: toolNames(ws, others),
        keep: tool(keep).name, cost: x.annualCostMinor === undefined ? '' : money(ws, x.annualCostMinor), renewal: x.renewal ?? '',
      };
      out.push({
        subject: x.id,
        message: t(x.annualCostMinor === undefined ? 'rules.redundant-tool.message.no-cost' : 'rules.redundant-tool.message', params),
        entities: [toolRef(x.id), ...others.map(toolRef)],
        location: x.loc,
        cost: costOf(x),
        recommendation: t(x.renewal ? 'rules.redundant-tool.recommendation.renewal' : 'rules.redundant-tool.recommendation', params),
        details: { tool: x.id, keep, keepers, capabilities: caps, saving: costOf(x) },
      });
    }
    return out;
  },
};
