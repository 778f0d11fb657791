// The pull-request comment for a realistic change, compared with a reviewed golden file
// (`npm run golden:update -- test/diff` rewrites it). Based on a copy of examples/northwind-b2b in a real repository:
// on a branch, Marketo is retired (its legacy sync to Salesforce switched off) and Zendesk is
// connected to Salesforce in real time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffRevisions } from '../../src/diff/run.js';
import { renderDiffMarkdown } from '../../src/diff/render-markdown.js';
import { renderDiffText } from '../../src/diff/render-text.js';
import { renderDiffJson, renderDiffJsonChunks } from '../../src/diff/render-json.js';
import { makeRepo, type TempRepo } from '../git/repo.js';
import { Ajv } from 'ajv';
import { DiffResultSchema, diffJsonSchema } from '../../src/diff/schema.js';
import { expectGolden } from '../golden.js';
import { activeTranslator } from '../../src/i18n/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const golden = (name: string, actual: string): void => expectGolden(`diff/${name}`, actual);

function edit(repo: TempRepo, rel: string, from: string, to: string): void {
  const p = join(repo.dir, rel);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`the example changed: "${from.slice(0, 60)}" is no longer in ${rel}; update this test`);
  writeFileSync(p, text.replace(from, to));
}

let repo: TempRepo;

beforeAll(() => {
  repo = makeRepo();
  repo.copy(join(ROOT, 'examples', 'northwind-b2b'), 'audit');
  repo.commit('Audit of autumn 2026');
  repo.git('checkout', '-q', '-b', 'retire-marketo');
  edit(repo, 'audit/tools/marketing.yaml', 'status: retiring\n    cost: { amount: 38000', 'status: retired\n    cost: { amount: 38000');
  edit(repo, 'audit/integrations.yaml',
    /  - from: marketo\n    to: salesforce-crm\n[\s\S]*?\n\n/.exec(readFileSync(join(repo.dir, 'audit/integrations.yaml'), 'utf8'))![0], '');
  writeFileSync(join(repo.dir, 'audit/integrations.yaml'), `${readFileSync(join(repo.dir, 'audit/integrations.yaml'), 'utf8')}
  # Service escalations reach the account team: Zendesk's native Salesforce integration.
  - from: zendesk
    to: salesforce-crm
    data: [contact-profile, support-tickets]
    mode: realtime
`);
  // Webinar registrations go to HubSpot too (a touchpoint edit: diff shows its field changes).
  edit(repo, 'audit/touchpoints.yaml', 'channel: webinar\n    owner: marketing\n    tools: [zoom-webinars]',
    'channel: webinar\n    owner: marketing\n    tools: [zoom-webinars, hubspot-marketing]');
  repo.commit('Retire Marketo; connect Zendesk to Salesforce; webinar sign-ups reach HubSpot');
});

afterAll(() => repo?.cleanup());

describe('diff golden files', () => {
  it('markdown: the pull-request comment', () => {
    const d = diffRevisions({ tr: activeTranslator(), old: 'main', new: 'HEAD', cwd: repo.dir }, '2026-11');
    expect(d.tools.changed.map((x) => x.id)).toEqual(['marketo']);
    expect(d.touchpoints.changed).toEqual([{ id: 'webinars', name: 'Monthly product webinar',
      changes: [{ field: 'tools', before: ['zoom-webinars'], after: ['hubspot-marketing', 'zoom-webinars'] }],
      names: { 'hubspot-marketing': 'HubSpot Marketing Hub Professional', 'zoom-webinars': 'Zoom Webinars' } }]);
    expect(d.integrations.added.map((x) => x.id)).toEqual(['zendesk+salesforce-crm']);
    expect(d.integrations.removed.map((x) => x.id)).toEqual(['marketo+salesforce-crm']);
    expect(d.findings.resolved.map((f) => f.id)).toContain('retired-tool-in-use:marketo');
    golden('northwind-retire-marketo.md', renderDiffMarkdown(d, { tr: activeTranslator(), generator: 'martech-audit' }));
  });

  it('text and json', () => {
    const d = diffRevisions({ tr: activeTranslator(), old: 'main', new: 'HEAD', cwd: repo.dir }, '2026-11');
    golden('northwind-retire-marketo.txt', renderDiffText(d, { tr: activeTranslator() }));
    golden('northwind-retire-marketo.json', renderDiffJson(d));
    // The CLI writes it in chunks (util/json-chunks.ts): the same bytes.
    expect([...renderDiffJsonChunks(d)].join('')).toBe(renderDiffJson(d));
    // The JSON matches its published schema (zod, and the JSON Schema `schema --diff` prints and
    // the build writes to schema/).
    expect(DiffResultSchema.safeParse(JSON.parse(renderDiffJson(d))).success).toBe(true);
    const validate = new Ajv({ strict: false }).compile(diffJsonSchema());
    expect(validate(JSON.parse(renderDiffJson(d))), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'martech-audit-diff.schema.json'), 'utf8'))).toEqual(diffJsonSchema());
  });

  it('the same change, with the files renamed and the workspace moved, gives the same diff', () => {
    const base = diffRevisions({ tr: activeTranslator(), old: 'main', new: 'HEAD', cwd: repo.dir }, '2026-11');
    repo.git('checkout', '-q', '-b', 'reorganise');
    mkdirSync(join(repo.dir, 'marketing'), { recursive: true });
    repo.git('mv', 'audit', 'marketing/martech-audit');
    repo.git('mv', 'marketing/martech-audit/tools/service.yaml', 'marketing/martech-audit/tools/customer-service.yaml');
    repo.git('mv', 'marketing/martech-audit/integrations.yaml', 'marketing/martech-audit/data-flows.yaml');
    repo.commit('Move the audit under marketing/');
    const moved = diffRevisions({ tr: activeTranslator(), old: 'main', new: 'HEAD', cwd: repo.dir }, '2026-11');
    const strip = (d: typeof base) => JSON.parse(JSON.stringify({ ...d, old: undefined, new: undefined }), (k, v) => (k === 'location' ? undefined : v));
    expect(strip(moved)).toEqual(strip(base));
    expect(moved.new.path).toBe('marketing/martech-audit');
    expect(moved.old.path).toBe('audit');
    repo.git('checkout', '-q', 'retire-marketo');
  });
});
