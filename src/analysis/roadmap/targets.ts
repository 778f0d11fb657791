// (r2) What each initiative keeps and drops (rules.md "A roadmap a consultant can sign"), and the
// roles a tool may play in a roadmap: a file tool (a spreadsheet or file store used as a system, or
// a conduit such as team chat), a tool on its way out, a tool holding no customer data. None of
// them is ever a source of truth or a `connect` target.
import { isFileToolSet } from '../../catalog/index.js';
import type { Tool } from '../../model/model.js';
import type { PlanContext } from './context.js';
import type { Draft } from './types.js';

/**
 * A spreadsheet, file store or conduit used as a system (rules.md "file tool"): every primary
 * capability it has is flagged `file_tool` in the taxonomy; with no capability, its category.
 */
export function isFileTool(x: Pick<Tool, 'capabilities' | 'category'> & { primaryCapabilities?: readonly string[] }): boolean {
  const caps = x.primaryCapabilities?.length ? x.primaryCapabilities : x.capabilities;
  if (caps.length) return isFileToolSet(caps);
  return x.category !== undefined && isFileToolSet([x.category]);
}

/** Why a tool cannot be a source of truth or a connect target, or undefined when it can. */
export function cannotAnchor(x: Tool | undefined): 'unknown' | 'file-tool' | 'retiring' | 'no-data' | undefined {
  if (!x) return 'unknown';
  if (x.status === 'retiring' || x.status === 'retired') return 'retiring';
  if (isFileTool(x)) return 'file-tool';
  if (!x.data.length) return 'no-data';
  return undefined;
}

/** The initiative kinds whose `keep` must be anchors (rules.md: never a source of truth or connect target). */
export function anchorsKeep(id: string): boolean {
  return id.startsWith('connect-') || id.startsWith('designate-sot-') || id === 'agree-sources-of-truth';
}

/** `keep` and `drop` of a draft: what its plan set, else what its id and kind say. */
export function targetsOf(c: PlanContext, d: Draft): { keep: string[]; drop: string[] } {
  // The known tools among ids, each once (a fresh array: plans narrow keep and drop by replacing them).
  const known = (ids: readonly string[]): string[] => {
    if (ids.length === 0) return [];
    if (ids.length === 1) return c.tool(ids[0]) ? [ids[0]] : [];
    return [...new Set(ids.filter((id) => c.tool(id)))];
  };
  if (d.keep || d.drop) return { keep: known(d.keep ?? []), drop: known(d.drop ?? []) };
  const hubs = (ids: readonly string[]) => ids.filter((id) => c.facts.isHub(id));
  if (d.source === 'authored') {
    if (d.kind === 'retire') {
      // The tools a finding it answers says to drop (redundant, orphan, retiring), else the first listed.
      const named = d.tools.filter((id) => [...d.addresses].some((f) => f.endsWith(`:${id}`) && /^(redundant-tool|orphan-tool|retired-tool-in-use):/.test(f)));
      const gone = named.length ? named : d.tools.slice(0, 1);
      return { keep: known(d.tools.filter((id) => !gone.includes(id))), drop: known(gone) };
    }
    if (d.kind === 'integrate') return { keep: known(d.tools), drop: [] };
    if (d.kind === 'consolidate' && d.tools.length > 1) {
      const keeper = c.keeperOf(d.tools);
      return { keep: [keeper], drop: known(d.tools.filter((id) => id !== keeper)) };
    }
    return { keep: [], drop: [] };
  }
  if (d.kind === 'retire' || d.id.startsWith('retire-')) {
    const gone = d.subjects.length ? d.subjects : d.tools.slice(0, 1);
    return { keep: known(d.tools.filter((id) => !gone.includes(id))), drop: known(gone) };
  }
  if (d.kind === 'consolidate') {
    // A tool that does more than what is consolidated stays for the rest (Google Ads keeps search
    // advertising when display and video move to DV360): dropped are the tools whose every primary
    // capability is consolidated, or that a redundant-tool finding it answers drops.
    const caps = new Set([...d.addresses].filter((x) => x.startsWith('capability-overlap:')).map((x) => x.slice('capability-overlap:'.length)));
    const covered = (id: string) => !caps.size || d.addresses.has(`redundant-tool:${id}`)
      || (c.tool(id)?.primaryCapabilities ?? []).every((x) => caps.has(x));
    return { keep: known(d.tools.slice(0, 1)), drop: known(d.subjects.filter((id) => id !== d.tools[0] && covered(id))) };
  }
  if (d.id.startsWith('consolidate-')) return { keep: known(d.tools.slice(0, 1)), drop: [] }; // "agree to use X for Y": nothing cancelled
  // A seat reduction changes a contract, not the stack: it neither keeps nor drops a tool.
  if (d.id.startsWith('license-')) return { keep: [], drop: [] };
  if (d.id.startsWith('connect-') || d.id.startsWith('realtime-')) return { keep: known(d.tools), drop: [] };
  if (d.id === 'replatform' || d.id === 'replatform-pilot' || d.id.startsWith('cover-')) return { keep: known(hubs(d.tools)), drop: [] };
  return { keep: [], drop: [] };
}

// The groups of tools joined by automated links (rules.md r2: a manual link never connects two
// tools) are the facts' components: the same links joined the same way, worked out once per run
// (#18: a second union-find over tool ids, and a look at every hub per question, were about 0.1 s
// of the 10,000-tool roadmap). An id that is no tool is joined to nothing.

/** Whether a chain of automated links joins the two tools. */
export function automaticallyConnected(c: PlanContext, a: string, b: string): boolean {
  return c.tool(a) !== undefined && c.tool(b) !== undefined && c.facts.componentOf(a) === c.facts.componentOf(b);
}

/** Whether a chain of automated links joins the tool to a hub (a hub is joined to itself). */
export function reachesHubAutomatically(c: PlanContext, id: string): boolean {
  return c.tool(id) !== undefined && c.facts.connectedToHub(id);
}
