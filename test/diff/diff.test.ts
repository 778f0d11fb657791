// Comparing two audits: entities matched by id, findings by their stable id, money without drift.
import { describe, expect, it } from 'vitest';
import { loadFromText } from '../../src/workspace/load.js';
import { analyze } from '../../src/analysis/analyze.js';
import { diffAudits, type AuditSide } from '../../src/diff/diff.js';
import { renderDiffMarkdown, mdText, COMMENT_MARKER } from '../../src/diff/render-markdown.js';
import { renderDiffText } from '../../src/diff/render-text.js';
import { renderDiffJson } from '../../src/diff/render-json.js';
import { INTEGRATIONS, MANIFEST, TOOLS, TOUCHPOINTS } from '../git/repo.js';
import { activeTranslator } from '../../src/i18n/index.js';

function side(text: string, label: string): AuditSide {
  const res = loadFromText(text, 'audit.yaml');
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ws = res.workspace!;
  return { workspace: ws, result: analyze(ws, { path: label, now: '2026-01' }), label, path: 'audit.yaml' };
}

const BASE = MANIFEST + TOOLS + TOUCHPOINTS;

describe('diffAudits', () => {
  it('the same workspace gives an empty diff', () => {
    const d = diffAudits(side(BASE, 'a'), side(BASE, 'b'), activeTranslator());
    expect(d.unchanged).toBe(true);
    expect(d.findings.resolved).toEqual([]);
    expect(renderDiffText(d, { tr: activeTranslator() })).toContain('No change');
    expect(renderDiffMarkdown(d, { tr: activeTranslator() })).toContain('No change to the audit');
  });

  it('reports tools added, removed and changed (status, owner, cost, seats)', () => {
    const after = (MANIFEST + TOOLS + TOUCHPOINTS)
      .replace('owner: sales\n    status: active\n    cost: { amount: 12000, period: year }\n    seats: { licensed: 20, active: 18 }',
        'owner: it\n    status: active\n    cost: { amount: 1250.50, period: month }\n    seats: { licensed: 25, active: 9 }')
      .replace('  - id: newsletter\n    name: Newsletter Tool', '  - id: chat\n    name: Chat Tool\n    capabilities: [live-chat]\n    status: pilot\n    cost: 600\n  - id: newsletter\n    name: Newsletter Tool')
      .replace('    owner: marketing\n    status: active\n    cost: { amount: 100', '    owner: marketing\n    status: retiring\n    cost: { amount: 100');
    const d = diffAudits(side(BASE, 'old'), side(after, 'new'), activeTranslator());
    expect(d.tools.added).toEqual([{ id: 'chat', name: 'Chat Tool', status: 'pilot', annualCost: 600 }]);
    expect(d.tools.removed).toEqual([]);
    expect(d.tools.changed).toEqual([
      { id: 'crm', name: 'Acme CRM', changes: [
        { field: 'owner', before: 'sales', after: 'it' },
        { field: 'cost', before: 12000, after: 15006 },
        { field: 'seats', before: { licensed: 20, active: 18 }, after: { licensed: 25, active: 9 } },
      ] },
      { id: 'newsletter', name: 'Newsletter Tool', changes: [{ field: 'status', before: 'active', after: 'retiring' }] },
    ]);
    expect(d.annualCost).toEqual({ before: 13200, after: 16806, change: 3606 });
    const text = renderDiffText(d, { tr: activeTranslator() });
    expect(text).toContain('owner: sales → it; cost a year: €12,000 → €15,006; seats: 18 of 20 seats used → 9 of 25 seats used');
    expect(text).toMatch(/\+ Chat Tool \(chat\)\s+pilot · €600 a year/);
  });

  it('reports touchpoints and integrations added and removed, and findings resolved and introduced', () => {
    const before = side(BASE, 'old');
    const after = side(MANIFEST + TOOLS + INTEGRATIONS + TOUCHPOINTS.replace('touchpoints:\n', 'touchpoints:\n  - id: webinar\n    name: Webinars\n    stage: consideration\n    channel: webinar\n'), 'new');
    const d = diffAudits(before, after, activeTranslator());
    expect(d.touchpoints.added).toEqual([{ id: 'webinar', name: 'Webinars', stage: 'consideration', stageName: 'Consideration', channel: 'webinar' }]);
    expect(d.integrations.added).toEqual([expect.objectContaining({ id: 'newsletter+crm', from: 'newsletter', to: 'crm', fromName: 'Newsletter Tool', toName: 'Acme CRM', mode: 'batch' })]);
    expect(d.findings.resolved.map((f) => f.id)).toContain('data-silo:newsletter');
    expect(d.findings.introduced.map((f) => f.id)).toContain('uncovered-touchpoint:webinar');
    const back = diffAudits(after, before, activeTranslator());
    expect(back.integrations.removed.map((i) => i.id)).toEqual(['newsletter+crm']);
    expect(back.touchpoints.removed.map((i) => i.id)).toEqual(['webinar']);
    expect(back.findings.introduced.map((f) => f.id)).toEqual(d.findings.resolved.map((f) => f.id));
    // Sorted most severe first, then rule, then id.
    const sev = ['critical', 'high', 'medium', 'low', 'info'];
    const order = d.findings.introduced.map((f) => sev.indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(d.assessment.before.level).toBeDefined();
    JSON.parse(renderDiffJson(d));
  });

  it('does not subtract money in different currencies', () => {
    const d = diffAudits(side(BASE, 'a'), side(BASE.replace('currency: EUR', 'currency: JPY'), 'b'), activeTranslator());
    expect(d.annualCost.change).toBeNull();
    expect(renderDiffText(d, { tr: activeTranslator() })).toContain('currency changed');
  });

  it('the markdown comment starts with its marker and escapes user text', () => {
    const d = diffAudits(side(BASE, 'a'), side(BASE.replace('name: Acme CRM', 'name: "Acme <b>CRM</b> | *v2* @team"'), 'b'), activeTranslator());
    const md = renderDiffMarkdown(d, { tr: activeTranslator() });
    expect(md.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(md).toContain('Acme &lt;b&gt;CRM&lt;/b&gt; \\| \\*v2\\* @\u200bteam');
    expect(md).not.toContain('<b>');
    expect(mdText('a\nb_c')).toBe('a b\\_c');
  });

  it('reports a touchpoint\'s edited fields (name, channel, stage, tools, captures) in text, Markdown and JSON', () => {
    const after = MANIFEST + TOOLS + TOUCHPOINTS
      .replace('name: Monthly newsletter', 'name: Weekly newsletter')
      .replace('stage: awareness\n    channel: email', 'stage: loyalty\n    channel: website')
      .replace('tools: [newsletter]', 'tools: [crm]')
      .replace('captures: [email-engagement]', 'captures: [email-engagement, contact-profile]');
    const d = diffAudits(side(BASE, 'old'), side(after, 'new'), activeTranslator());
    expect(d.unchanged).toBe(false);
    expect(d.touchpoints.added).toEqual([]);
    expect(d.touchpoints.changed).toEqual([{
      id: 'newsletter', name: 'Weekly newsletter',
      changes: [
        { field: 'name', before: 'Monthly newsletter', after: 'Weekly newsletter' },
        { field: 'stage', before: 'awareness', after: 'loyalty' },
        { field: 'channel', before: 'email', after: 'website' },
        { field: 'tools', before: ['newsletter'], after: ['crm'] },
        { field: 'captures', before: ['email-engagement'], after: ['contact-profile', 'email-engagement'] },
      ],
      names: { awareness: 'Awareness', loyalty: 'Loyalty', crm: 'Acme CRM', newsletter: 'Newsletter Tool' },
    }]);
    const line = 'name: Monthly newsletter → Weekly newsletter; stage: Awareness → Loyalty; channel: email → website; '
      + 'tools: +Acme CRM, −Newsletter Tool; captures: +contact-profile';
    const text = renderDiffText(d, { tr: activeTranslator() });
    expect(text).toContain(`Touchpoints\n  ~ Weekly newsletter (newsletter)  ${line}`);
    expect(renderDiffMarkdown(d, { tr: activeTranslator() })).toContain(`- ✏️ Weekly newsletter (\`newsletter\`) — ${line.replace(/; /g, '; ')}`);
    expect(JSON.parse(renderDiffJson(d)).touchpoints.changed[0].changes[3]).toEqual({ field: 'tools', before: ['newsletter'], after: ['crm'] });
    // Only the touchpoint changed: the summary counts it.
    expect(renderDiffMarkdown(d, { tr: activeTranslator() })).not.toContain('No change');
  });

  it('a touchpoint whose tools are only reordered is unchanged', () => {
    const twoTools = TOUCHPOINTS.replace('tools: [newsletter]', 'tools: [newsletter, crm]');
    const d = diffAudits(side(MANIFEST + TOOLS + twoTools, 'a'), side(MANIFEST + TOOLS + twoTools.replace('[newsletter, crm]', '[crm, newsletter]'), 'b'), activeTranslator());
    expect(d.touchpoints.changed).toEqual([]);
    expect(d.unchanged).toBe(true);
  });

  it('carries the customer\'s side (revision 2): personas, personalized, needs, third-party cookies, frequency and data types', () => {
    const before = BASE + INTEGRATIONS;
    const after = MANIFEST + `personas:
  - { id: buyer, name: Marketing buyer, stages: [awareness, purchase] }
data_types:
  - { id: email-engagement, party: first, personal: true, restricted: Opens may not be sold }
` + TOOLS.replace('    data: [contact-profile, email-engagement]\n', '    data: [contact-profile, email-engagement]\n    third_party_cookies: false\n')
      + TOUCHPOINTS.replace('    captures: [email-engagement]\n', '    captures: [email-engagement]\n    personas: [buyer]\n    personalized: false\n    needs: weekly\n')
      + INTEGRATIONS.replace('    mode: batch\n', '    mode: batch\n    frequency: weekly\n');
    const d = diffAudits(side(before, 'old'), side(after, 'new'), activeTranslator());
    expect(d.unchanged).toBe(false);
    expect(d.tools.changed).toEqual([{ id: 'newsletter', name: 'Newsletter Tool', changes: [{ field: 'thirdPartyCookies', before: null, after: false }] }]);
    expect(d.touchpoints.changed[0].changes).toEqual([
      { field: 'personas', before: null, after: ['buyer'] },
      { field: 'personalized', before: null, after: false },
      { field: 'needs', before: null, after: 'weekly' },
    ]);
    expect(d.integrations.changed[0].changes).toEqual([{ field: 'frequency', before: 'daily', after: 'weekly' }]);
    expect(d.personas).toEqual({ added: [{ id: 'buyer', name: 'Marketing buyer' }], removed: [], changed: [] });
    expect(d.dataTypes?.changed).toEqual([{ id: 'email-engagement', name: 'Email engagement', changes: [
      { field: 'restricted', before: null, after: 'Opens may not be sold' },
    ] }]);
    const text = renderDiffText(d, { tr: activeTranslator() });
    expect(text).toContain('personas: everyone → Marketing buyer; personalized: not said → no; data needed: not said → weekly');
    expect(text).toContain('frequency: daily → weekly');
    expect(text).toContain('Personas\n  + Marketing buyer (buyer)  added');
    expect(text).toContain('Data types\n  ~ Email engagement (email-engagement)  use restriction: not said → Opens may not be sold');
    expect(renderDiffMarkdown(d, { tr: activeTranslator() })).toContain('- ➕ Marketing buyer (`buyer`) — added');
    // A version-1 diff has neither key in its JSON.
    const v1 = JSON.parse(renderDiffJson(diffAudits(side(before, 'a'), side(before.replace('Monthly', 'Weekly'), 'b'), activeTranslator())));
    expect(Object.keys(v1)).not.toContain('personas');
    expect(Object.keys(v1)).not.toContain('dataTypes');
  });
});
