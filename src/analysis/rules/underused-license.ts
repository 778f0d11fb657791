// underused-license: seats.active / seats.licensed below the threshold (default 0.5).
// The money involved is the share of the cost paid for unused seats.
import { minorToMajor } from '../../model/model.js';
import { money, ruleDocs, toolRef } from './helpers.js';
import type { FindingDraft, Rule } from './types.js';

export const example = `version: 1
organization: { name: Example Ltd, currency: EUR }
tools:
  - id: gong
    name: Gong
    capabilities: [conversation-intelligence]
    cost: 84000
    seats: { licensed: 60, active: 18 }
`;

export const rule: Rule = {
  id: 'underused-license',
  defaultSeverity: 'low',
  defaultThreshold: 0.5,
  docs: ruleDocs('underused-license', example),
  check({ ws, threshold, t }) {
    const limit = threshold ?? 0.5;
    const out: FindingDraft[] = [];
    for (const x of ws.tools) {
      if (x.status !== 'active' && x.status !== 'pilot') continue;
      const licensed = x.seats?.licensed;
      const active = x.seats?.active;
      if (licensed === undefined || active === undefined || licensed <= 0) continue;
      const ratio = active / licensed;
      if (ratio >= limit) continue;
      const unused = Math.max(0, licensed - active);
      const wasteMinor = x.annualCostMinor === undefined ? undefined : Math.round((x.annualCostMinor * unused) / licensed);
      const params = {
        tool: x.name, active, licensed, unused, percent: Math.round(ratio * 100), threshold: Math.round(limit * 100),
        cost: wasteMinor === undefined ? '' : money(ws, wasteMinor),
      };
      out.push({
        subject: x.id,
        message: t(wasteMinor ? 'rules.underused-license.message.cost' : 'rules.underused-license.message', params),
        entities: [toolRef(x.id)],
        location: x.loc,
        cost: wasteMinor === undefined ? undefined : minorToMajor(wasteMinor),
        recommendation: t(x.renewal ? 'rules.underused-license.recommendation.renewal' : 'rules.underused-license.recommendation', { ...params, renewal: x.renewal ?? '' }),
        details: { tool: x.id, licensed, active, ratio: Math.round(ratio * 1000) / 1000, threshold: limit, unusedSeats: unused },
      });
    }
    return out;
  },
};
