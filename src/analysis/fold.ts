// rules.md (r2) "One problem, one finding": exactly these narrower findings are folded into a
// wider one. They leave the findings, the wider finding lists their ids in `folded` (so baselines
// and suppressions keep working), and they count nowhere else (level, score, --fail-on, roadmap):
//   1. data-silo, trapped-data and inconsistent-experience whose tools all lie in one
//      isolated-cluster go into that cluster;
//   2. manual-integration on a chain between the two sides of one disconnected-hubs pair goes into
//      that pair;
//   3. data-silo and trapped-data of a tool joined to a hub only by manual links go into its
//      manual-integration (and trapped-data whose types go to the hub side only by one manual
//      link, when the hub feeds the tool automatically: the tool's data is joined only by hand);
//   4. trapped-data of consent types only goes into consent-not-synced.
// A finding folded into one that is folded in turn ends up in the widest one (ids flattened).
import { worded, wordedTextOf } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import type { Facts } from './facts.js';
import { type FindingOf, getRule, isFindingOf } from './rules/index.js';
import { bestCandidate, canBeSourceOfTruth, compareIds, toolName } from './rules/helpers.js';
import type { Finding } from './types.js';
import type { Words } from './words.js';

const toolsOf = (f: Finding): string[] => f.entities.filter((e) => e.kind === 'tool').map((e) => e.id);

export function foldFindings(ws: Workspace, facts: Facts, findings: readonly Finding[], words: Words): Finding[] {
  const into = new Map<string, string>(); // narrower id -> wider id
  // One look at every finding (tens of thousands at 10,000 tools): the few rules the folds are
  // about, each in the findings' order; the folds below walk only these.
  const consentIds = new Set<string>(); // consent-not-synced ids (fold 4 asks whether a tool has one)
  const clusters: FindingOf<'isolated-cluster'>[] = [];
  const manualFindings: FindingOf<'manual-integration'>[] = [];
  const splitHubs: FindingOf<'disconnected-hubs'>[] = [];
  const narrow: Finding[] = []; // data-silo, trapped-data and inconsistent-experience
  for (const f of findings) {
    const rule: string = f.rule;
    if (rule === 'data-silo' || rule === 'trapped-data' || rule === 'inconsistent-experience') narrow.push(f);
    else if (rule === 'consent-not-synced') consentIds.add(f.id);
    else if (isFindingOf(f, 'manual-integration')) manualFindings.push(f);
    else if (isFindingOf(f, 'isolated-cluster')) clusters.push(f);
    else if (isFindingOf(f, 'disconnected-hubs')) splitHubs.push(f);
  }

  // 1. into isolated clusters
  const clusterOf = new Map<string, string>();
  for (const f of clusters) for (const id of f.details.tools) clusterOf.set(id, f.id);
  for (const f of narrow) {
    const tools = isFindingOf(f, 'inconsistent-experience') ? f.details.tools : toolsOf(f);
    const clusters = new Set(tools.map((id) => clusterOf.get(id)));
    const [only] = clusters;
    if (tools.length && clusters.size === 1 && only) into.set(f.id, only);
  }

  // 2. manual links between the two sides of a disconnected-hubs pair. Nodes: the components of
  // automated links; edges: the manual links. A link lies on a chain between sides A and B when one
  // end is reachable from A and the other from B without crossing that link (nor the other side).
  const comp = (id: string) => facts.componentOf(id).index;
  const manualEdges = manualFindings.map((f) => {
    const d = (f as Finding & { details: { from: string; to: string } }).details;
    return { id: f.id, a: comp(d.from), b: comp(d.to) };
  });
  const reach = (start: number, avoid: number, skip: string): Set<number> => {
    const seen = new Set([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const e of manualEdges) {
        if (e.id === skip) continue;
        const next = e.a === queue[i] ? e.b : e.b === queue[i] ? e.a : undefined;
        if (next === undefined || next === avoid || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  for (const f of splitHubs) {
    const [ha, hb] = f.details.hubs;
    const A = comp(ha);
    const B = comp(hb);
    for (const e of manualEdges) {
      if (into.has(e.id) || e.a === e.b) continue;
      const fromA = reach(A, B, e.id);
      const fromB = reach(B, A, e.id);
      if ((fromA.has(e.a) && fromB.has(e.b)) || (fromA.has(e.b) && fromB.has(e.a))) into.set(e.id, f.id);
    }
  }

  // 3. a tool joined to a hub only by manual links: its silo and trapped data go into its manual integration.
  // (The manual-integration findings of each tool, gathered once: not every finding for every silo.)
  const manualOf = new Map<string, Finding[]>();
  for (const m of manualFindings) {
    for (const id of new Set([m.details.from, m.details.to])) {
      const list = manualOf.get(id);
      if (list) list.push(m);
      else manualOf.set(id, [m]);
    }
  }
  const towardsHub = new Map<string, string>(); // tool -> the manual link its silo went into
  for (const f of narrow) {
    if (into.has(f.id) || (f.rule !== 'data-silo' && f.rule !== 'trapped-data')) continue;
    const tool = toolsOf(f)[0];
    if (!tool || !facts.manuallyJoinedToHub(tool)) continue;
    const mine = manualOf.get(tool) ?? [];
    if (!mine.length) continue;
    // The link towards the hub side first: its other end is connected to a hub.
    const other = (m: Finding) => {
      const d = m.details as { from: string; to: string };
      return d.from === tool ? d.to : d.from;
    };
    const best = [...mine].sort((x, y) => Number(facts.connectedToHub(other(y))) - Number(facts.connectedToHub(other(x))) || compareIds(x.id, y.id))[0];
    into.set(f.id, best.id);
    towardsHub.set(tool, best.id);
  }
  // 3 (extension, docs/analysis.md). An inconsistent experience whose only cause is that manual
  // link (every tool at the touchpoint is a tool whose silo went into the same manual link) is that
  // link's problem too: said once, not once per touchpoint the tool serves.
  for (const f of narrow) {
    if (into.has(f.id) || !isFindingOf(f, 'inconsistent-experience')) continue;
    const links = new Set(f.details.tools.map((id) => towardsHub.get(id)));
    const [only] = links;
    if (f.details.tools.length && links.size === 1 && only) into.set(f.id, only);
  }
  // 3 (its data's side). A tool that an automated link joins to a hub only in the other direction
  // (the hub feeds it) while what it originates goes to the hub side only by hand: its trapped data
  // is the manual link's problem (the POS the webshop pushes click-and-collect orders to, whose
  // sales and sign-ups a CSV carries back each week). Folded when one manual link from the tool
  // carries every trapped type to a hub or to a tool from which that type reaches one; the fix is
  // that link's, said once.
  for (const f of narrow) {
    if (into.has(f.id) || !isFindingOf(f, 'trapped-data')) continue;
    const tool = f.details.tool;
    const types = f.details.data;
    if (!types.length) continue;
    const mine = manualOf.get(tool);
    if (!mine) continue;
    // What the tool's manual links carry to each other end, gathered in one look at its links.
    let carriedTo: Map<string, Set<string>> | undefined;
    const carriedBy = (towards: string): Set<string> | undefined => {
      if (!carriedTo) {
        carriedTo = new Map();
        const add = (other: string, xs: readonly string[]) => {
          let set = carriedTo!.get(other);
          if (!set) carriedTo!.set(other, (set = new Set()));
          for (const x of xs) set.add(x);
        };
        for (const it of ws.index.integrationsFrom.get(tool) ?? []) if (it.mode === 'manual') add(it.to, facts.carried(it, 'forward'));
        for (const it of ws.index.integrationsTo.get(tool) ?? []) if (it.mode === 'manual' && it.bidirectional) add(it.from, facts.carried(it, 'backward'));
      }
      return carriedTo.get(towards);
    };
    const carriesAll = (m: Finding): boolean => {
      const d = m.details as { from: string; to: string };
      const towards = d.from === tool ? d.to : d.to === tool ? d.from : undefined;
      if (!towards) return false;
      const carried = carriedBy(towards);
      if (!carried) return false;
      return types.every((x) => carried.has(x) && (facts.isHub(towards) || facts.reachesHub(towards, x)));
    };
    // Only the manual-integration findings of this tool can carry its data (gathered once above).
    let link: Finding | undefined;
    for (const m of mine) if ((!link || compareIds(m.id, link.id) < 0) && carriesAll(m)) link = m;
    if (link) into.set(f.id, link.id);
  }

  // 4. trapped consent data goes into consent-not-synced of the same tool (rules.md revision 2,
  // customer's side): the whole finding when it lists consent types only; else the consent types
  // leave it and it keeps the others (said once each).
  const isConsent = (d: string) => ws.index.dataTypeById.get(d)?.consent === true;
  const narrowed = new Map<string, Finding>();
  for (const f of narrow) {
    if (into.has(f.id) || !isFindingOf(f, 'trapped-data')) continue;
    const wider = `consent-not-synced:${f.details.tool}`;
    if (!consentIds.has(wider) || !f.details.data.some(isConsent)) continue;
    if (f.details.data.every(isConsent)) into.set(f.id, wider);
    else narrowed.set(f.id, withoutConsent(ws, f, f.details.data.filter((d) => !isConsent(d)), words));
  }

  if (!into.size) return findings.map((f) => narrowed.get(f.id) ?? f);
  const widest = (id: string): string => {
    let w = id;
    for (let guard = 0; into.has(w) && guard < 8; guard++) w = into.get(w)!;
    return w;
  };
  const folded = new Map<string, string[]>();
  for (const id of into.keys()) {
    const w = widest(id);
    const list = folded.get(w);
    if (list) list.push(id);
    else folded.set(w, [id]);
  }
  const out: Finding[] = [];
  for (const f0 of findings) {
    if (into.has(f0.id)) continue;
    const f = narrowed.size ? narrowed.get(f0.id) ?? f0 : f0;
    const ids = folded.get(f.id);
    out.push(ids ? { ...f, folded: ids.sort(compareIds) } : f);
  }
  return out;
}

/** A trapped-data finding worded again for fewer data types (fold 4 took the consent types). */
function withoutConsent(ws: Workspace, f: Finding, data: string[], words: Words): Finding {
  const { lang } = words;
  const rule = getRule('trapped-data');
  const d = f.details as { tool: string; hubs: string[]; via?: string; data: string[] };
  const target = d.via ?? d.hubs[0];
  const params = { tool: toolName(ws, d.tool), data: words.data(data), count: data.length, hub: target ? toolName(ws, target) : '' };
  const rkey = d.via ? 'recommendation.extend' : 'recommendation';
  const mt = rule?.template('message', lang);
  const rt = rule?.template(rkey, lang);
  if (!mt || !rt) return f;
  const message = worded('rules.trapped-data.message', mt, params, lang);
  return {
    ...f, message: message.text, messageId: message.messageId, data: message.data,
    recommendation: wordedTextOf(rt, params, lang),
    details: { ...f.details, data },
  };
}

/**
 * rules.md (r2): a recommendation never contradicts another finding's. A silo or trapped data of a
 * tool that a redundant-tool finding drops is not to be connected: its recommendation says to move
 * what only it knows to the tool that stays.
 */
export function alignRecommendations(ws: Workspace, findings: readonly Finding[], words: Words, facts?: Facts): Finding[] {
  const { lang } = words;
  const keepOf = new Map<string, string>();
  for (const f of findings) if (isFindingOf(f, 'redundant-tool')) keepOf.set(f.details.tool, f.details.keep);
  if (!keepOf.size) return [...findings];
  return findings.map((f) => {
    if (isFindingOf(f, 'no-source-of-truth')) return masterThatStays(ws, f, keepOf, words, facts);
    if (!isFindingOf(f, 'data-silo') && !isFindingOf(f, 'trapped-data')) return f;
    const tool = (f.details as { tool: string }).tool;
    const keep = keepOf.get(tool);
    const template = keep ? getRule(f.rule)?.template('recommendation.dropped', lang) : undefined;
    if (!keep || !template) return f;
    const data = (f.details as { data: string[] }).data;
    const text = wordedTextOf(template, { tool: toolName(ws, tool), keep: toolName(ws, keep), data: words.data(data) }, lang);
    return { ...f, recommendation: text };
  });
}

/**
 * A no-source-of-truth finding never offers as master a tool that a redundant-tool finding drops
 * (the roadmap retires it and names another master): the example is then the single staying
 * origin of the type, as the roadmap's designate-sot names it, else the best staying system.
 */
function masterThatStays(ws: Workspace, f: FindingOf<'no-source-of-truth'>, dropped: ReadonlyMap<string, string>, words: Words, facts?: Facts): Finding {
  const { data, tools, candidate } = f.details;
  if (!candidate || !dropped.has(candidate)) return f;
  const staying = tools.map((id) => ws.index.toolById.get(id)).filter((x): x is NonNullable<typeof x> => !!x && !dropped.has(x.id) && canBeSourceOfTruth(x));
  if (!staying.length) return f;
  const origins = facts ? staying.filter((x) => facts.isOrigin(x.id, data)) : [];
  const next = origins.length === 1 ? origins[0] : bestCandidate(staying, (id) => facts?.impact(id) ?? 0);
  const template = getRule(f.rule)?.template('recommendation', words.lang);
  if (!template) return f;
  const params = { data: words.data([data]), candidate: words.tools([next.id]) };
  return { ...f, recommendation: wordedTextOf(template, params, words.lang), location: next.loc, details: { ...f.details, candidate: next.id } };
}
