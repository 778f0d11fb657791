// Step 20 of the plans: the platform. When the assessment says `replatform`, a pilot in the
// department with most silos and then the replatforming itself answer the silos, islands, split
// hubs and the missing hub (instead of one connection each). Otherwise, without any hub,
// establishing one answers no-customer-hub. Runs after the quick wins, before the connections.
import type { PlanContext } from './context.js';
import { byId } from './context.js';

export const PLATFORM_STEP = 20;

export function proposePlatform(c: PlanContext): void {
  const { facts, ws } = c;
  const hubless = c.findingsOf('no-customer-hub');
  const siloFindings = [...c.findingsOf('data-silo'), ...c.findingsOf('isolated-cluster')];
  if (c.replatforming) {
    const siloed = facts.siloedTools.map((x) => x.id);
    const candidates = siloed.length ? siloed : facts.customerDataTools.map((x) => x.id);
    const perDept = new Map<string, string[]>();
    for (const id of candidates) {
      const o = c.tool(id)?.owner;
      if (!o) continue;
      (perDept.get(o) ?? perDept.set(o, []).get(o)!).push(id);
    }
    const dept = [...perDept.entries()].sort((a, b) => b[1].length - a[1].length
      || b[1].reduce((s, id) => s + facts.impact(id), 0) - a[1].reduce((s, id) => s + facts.impact(id), 0)
      || byId(a[0], b[0]))[0];
    const hubIds = facts.hubs.map((h) => h.id);
    const pilotTools = dept ? dept[1] : candidates.slice(0, 3);
    const pilotFindings = new Set(siloFindings.filter((f) => c.toolEntities(f).some((id) => pilotTools.includes(id))).map((f) => f.id));
    const deptName = dept ? ws.index.departmentById.get(dept[0])?.name ?? dept[0] : '';
    const pilot = c.draft('replatform-pilot', () => ({
      kind: 'pilot', phase: 3, title: dept ? c.title('roadmap.title.pilot', { department: deptName }) : c.title('roadmap.title.pilot-any'),
      tools: [...hubIds, ...pilotTools], subjects: pilotTools, owner: dept?.[0], months: 3, pilot: true, touchesNeighbours: true,
    }));
    for (const id of pilotFindings) pilot.addresses.add(id);
    for (const f of hubless) pilot.addresses.add(f.id);
    const allTools = [...new Set([...hubIds, ...candidates])];
    const rest = c.draft('replatform', () => ({
      kind: 'replatform', phase: 3, title: c.title('roadmap.title.replatform'), tools: allTools, subjects: candidates,
      owner: dept?.[0], months: Math.min(18, 6 + Math.ceil(candidates.length / 4)), touchesNeighbours: true,
    }));
    rest.dependsOn.add('replatform-pilot');
    for (const f of siloFindings) if (!pilotFindings.has(f.id)) rest.addresses.add(f.id);
    for (const f of hubless) rest.addresses.add(f.id);
    for (const f of c.findingsOf('disconnected-hubs')) rest.addresses.add(f.id);
  } else if (hubless.length) {
    const tools = [...facts.customerDataTools].sort((a, b) => facts.impact(b.id) - facts.impact(a.id) || byId(a.id, b.id)).map((x) => x.id);
    const d = c.draft('establish-hub', () => ({
      kind: 'integrate', phase: 2, title: c.title('roadmap.title.establish-hub', { tools: c.words.list(tools.slice(0, 3).map((id) => c.name(id))) }),
      tools, subjects: tools, months: 4, touchesNeighbours: true,
      owner: tools.length ? c.tool(tools[0])?.owner : undefined,
    }));
    for (const f of hubless) d.addresses.add(f.id);
  }
}
