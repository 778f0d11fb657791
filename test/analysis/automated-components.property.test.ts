// The roadmap asks whether automated links join two tools, or a tool to a hub
// (roadmap/targets.ts automaticallyConnected, reachesHubAutomatically). Since #18 it reads the
// facts' components instead of a union-find of its own over tool ids and a look at every hub per
// question. Both must say what the plain definition (that union-find, kept here) says, on random
// workspaces: every link mode, bidirectional links, hubs, retired tools, and ids that are no tool.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/analysis/facts.js';
import { createPlanContext } from '../../src/analysis/roadmap/context.js';
import { automaticallyConnected, reachesHubAutomatically } from '../../src/analysis/roadmap/targets.js';
import type { Workspace } from '../../src/model/model.js';
import { wordsIn } from '../rules/helpers.js';
import { linkArb, toolArb, yamlOf } from './generated.js';
import { workspace } from './helpers.js';

/** The plain definition: groups of tools joined by links that are not manual (union-find over ids). */
function plainComponents(ws: Workspace): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const x of ws.tools) parent.set(x.id, x.id);
  for (const it of ws.integrations) {
    if (it.mode === 'manual' || !parent.has(it.from) || !parent.has(it.to)) continue;
    const a = find(it.from);
    const b = find(it.to);
    if (a < b) parent.set(b, a);
    else if (b < a) parent.set(a, b);
  }
  const out = new Map<string, number>();
  const roots = new Map<string, number>();
  for (const x of ws.tools) {
    const r = find(x.id);
    if (!roots.has(r)) roots.set(r, roots.size);
    out.set(x.id, roots.get(r)!);
  }
  return out;
}

describe('automated components in the roadmap', () => {
  it('automaticallyConnected and reachesHubAutomatically say what the plain union-find says', () => {
    fc.assert(fc.property(
      fc.array(toolArb, { minLength: 1, maxLength: 12 }), fc.array(linkArb, { maxLength: 24 }),
      (tools, links) => {
        const ws = workspace(yamlOf(tools, links, []));
        const c = createPlanContext(ws, computeFacts(ws), [], wordsIn(ws, 'en'));
        const comp = plainComponents(ws);
        const plainJoined = (a: string, b: string) => comp.get(a) !== undefined && comp.get(a) === comp.get(b);
        const ids = [...ws.tools.map((t) => t.id), 'no-such-tool'];
        for (const a of ids) {
          expect(reachesHubAutomatically(c, a)).toBe(c.facts.hubs.some((h) => plainJoined(a, h.id)));
          for (const b of ids) expect(automaticallyConnected(c, a, b)).toBe(plainJoined(a, b));
        }
      },
    ), { numRuns: 200 });
  });
});
