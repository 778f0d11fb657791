// A free tool dropped for a paid one by the keep order's last criterion (the larger contract,
// rules.md r2) keeps the order but says which choice saves money (GAPS.md blind review 2, defect 12).
import { expect, it } from 'vitest';
import { run } from './helpers.js';

it('redundant-tool: a free heat-map tool beside a paid one is told the choice that saves money', () => {
  const r = run(`version: 1
organization: { name: T, currency: EUR }
tools:
  - { id: clarity, name: Clarity, catalog: microsoft-clarity, cost: 0, owner: web }
  - { id: hotjar, name: Hotjar, catalog: hotjar, cost: 3100, owner: web }
`);
  const f = r.findings.find((x) => x.id === 'redundant-tool:clarity')!;
  expect(f.recommendation).toContain('keeping Clarity and cancelling Hotjar saves €3,100 a year');
  expect(f.recommendation).not.toMatch(/^Move the users/);
});
