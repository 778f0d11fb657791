#!/usr/bin/env node
// Generates a synthetic but plausible workspace for benchmarks and scale tests.
//   node scripts/gen-workspace.mjs --tools 10000 --touchpoints 5000 --integrations 20000 --out .bench/ws-10k
// Deterministic (seeded): the same arguments give the same files. Written as a directory
// workspace split over several files, as a large team would keep it.
//   --customer   also the customer's side of revision 2: personas (one per 200 tools), data types
//                with party / personal / consent / restricted, touchpoint personas, personalized
//                and needs, tools' third_party_cookies, link frequencies. Without it the files are
//                those of before (the benchmarks compare like with like); consent data is there
//                either way (the built-in vocabulary makes `consent` consent data).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const nTools = Number(arg('tools', 1000));
const nTps = Number(arg('touchpoints', Math.round(nTools / 2)));
const nInts = Number(arg('integrations', nTools * 2));
const out = arg('out', `.bench/ws-${nTools}`);
const seed0 = Number(arg('seed', 42));
const customer = args.includes('--customer');

let seed = seed0;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
// The customer's side draws from its own sequence, so that the base files stay the same with or without it.
let seed2 = seed0 ^ 0x5bd1e995;
const rand2 = () => ((seed2 = (seed2 * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick2 = (arr) => arr[Math.floor(rand2() * arr.length)];

const stages = ['awareness', 'consideration', 'purchase', 'service', 'loyalty'];
const channels = ['email', 'website', 'mobile-app', 'social', 'chat', 'phone', 'store', 'event', 'webinar', 'advertising', 'search', 'sms'];
const depts = ['marketing', 'sales', 'service', 'ecommerce', 'it'];
const categoryOf = { 'social-publishing': 'social-media-management', 'ab-testing': 'personalization', 'sms-marketing': 'mobile-marketing',
  'push-notifications': 'mobile-marketing', webinars: 'event-management' };
const caps = ['email-marketing', 'marketing-automation', 'web-analytics', 'live-chat', 'help-desk', 'ecommerce-platform',
  'social-publishing', 'surveys', 'personalization', 'ab-testing', 'sms-marketing', 'push-notifications', 'webinars',
  'event-management', 'reviews', 'loyalty', 'seo', 'search-advertising', 'paid-social', 'business-intelligence'];
const dataTypes = ['contact-profile', 'email-engagement', 'web-traffic', 'orders', 'tickets', 'chat-transcripts',
  'preferences', 'consent', 'loyalty-points', 'reviews', 'event-attendance', 'app-usage', 'ad-audiences', 'pipeline'];
const modes = ['realtime', 'batch', 'batch', 'manual'];

const q = (s) => JSON.stringify(s);
const hubs = Math.max(1, Math.round(nTools / 500));
const tools = [];
for (let i = 0; i < nTools; i++) {
  const hub = i < hubs;
  const cap = hub ? (i % 2 ? 'customer-data-platform' : 'crm') : pick(caps);
  const data = hub ? dataTypes.slice(0, 6) : [...new Set([pick(dataTypes), pick(dataTypes), pick(dataTypes)])];
  tools.push({ id: `tool-${i}`, cap, data, hub });
}
const lines = { manifest: [], tools: [], touchpoints: [], integrations: [] };
lines.manifest.push('version: 1', 'organization:', `  name: Generated Corp ${nTools}`, '  currency: EUR',
  `  departments: [${depts.join(', ')}]`, 'settings:', '  fail_on: none');
// Each persona goes through some stages and is met at touchpoints of all but (often) one of them:
// that stage is its persona gap.
const personas = customer ? Array.from({ length: Math.max(3, Math.round(nTools / 200)) }, (_, i) => {
  const own = stages.filter(() => rand2() < 0.7);
  const missed = rand2() < 0.5 ? pick2(own) : undefined;
  return { id: `persona-${i}`, stages: own, met: own.filter((s) => s !== missed) };
}).filter((p) => p.stages.length) : [];
if (customer) {
  lines.manifest.push('personas:', ...personas.flatMap((p) => [`  - id: ${p.id}`, `    name: ${q(`Persona ${p.id.slice(8)}`)}`,
    `    stages: [${p.stages.join(', ')}]`]));
  // The generator's own types, classified as a consultant would: ad audiences bought (third party),
  // web traffic impersonal, chat transcripts restricted to service, preferences consent data.
  lines.manifest.push('data_types:',
    '  - { id: ad-audiences, name: Ad audiences, party: third, personal: true }',
    '  - { id: web-traffic, name: Web traffic, party: first, personal: false }',
    '  - { id: preferences, name: Preferences, party: first, personal: true, consent: true }',
    '  - { id: chat-transcripts, name: Chat transcripts, party: first, personal: true, restricted: "Service only: not for marketing" }',
    '  - { id: reviews, name: Reviews, party: second, personal: true }');
}
const chunk = Math.max(1, Math.ceil(nTools / 10));
const toolFiles = [];
for (let i = 0; i < tools.length; i++) {
  const t = tools[i];
  const f = Math.floor(i / chunk);
  (toolFiles[f] ??= ['tools:']).push(
    `  - id: ${t.id}`,
    `    name: ${q(`Tool ${i} (${t.cap})`)}`,
    `    category: ${categoryOf[t.cap] ?? t.cap}`,
    `    capabilities: [${t.cap}]`,
    ...(t.hub ? ['    hub: true'] : []),
    `    owner: ${pick(depts)}`,
    `    status: ${rand() < 0.05 ? 'retiring' : 'active'}`,
    `    cost: { amount: ${Math.round(rand() * 3000) * 10}, period: ${rand() < 0.5 ? 'month' : 'year'} }`,
    ...(() => { const licensed = 10 + Math.floor(rand() * 90); return [`    seats: { licensed: ${licensed}, active: ${Math.floor(rand() * licensed)} }`]; })(),
    `    data: [${t.data.join(', ')}]`,
    ...(customer && ['search-advertising', 'paid-social'].includes(t.cap) ? [`    third_party_cookies: ${rand2() < 0.5}`] : []),
  );
}
const tps = ['touchpoints:'];
let realtime;
const personasIn = (stage) => personas.filter((p) => p.met.includes(stage));
for (let i = 0; i < nTps; i++) {
  const used = [pick(tools).id, pick(tools).id];
  tps.push(
    `  - id: tp-${i}`,
    `    name: ${q(`Touchpoint ${i}`)}`,
    `    stage: ${stages[i % stages.length]}`,
    `    channel: ${pick(channels)}`,
    `    owner: ${pick(depts)}`,
    `    tools: [${[...new Set(used)].join(', ')}]`,
    `    captures: [${pick(dataTypes)}]`,
    `    realtime: ${(realtime = rand() < 0.1)}`,
    `    in_scope: ${rand() < 0.9}`,
    ...(customer ? [
      ...(personasIn(stages[i % stages.length]).length
        ? [`    personas: [${[...new Set([pick2(personasIn(stages[i % stages.length])).id, pick2(personasIn(stages[i % stages.length])).id])].join(', ')}]`]
        : []),
      `    personalized: ${rand2() < 0.3}`,
      ...(!realtime && rand2() < 0.4 ? [`    needs: ${pick2(['hourly', 'daily', 'weekly'])}`] : []),
    ] : []),
  );
}
const ints = ['integrations:'];
let mode;
for (let i = 0; i < nInts; i++) {
  const from = pick(tools);
  let to = rand() < 0.3 ? tools[Math.floor(rand() * hubs)] : pick(tools);
  if (to === from) to = tools[(tools.indexOf(from) + 1) % tools.length];
  ints.push(
    `  - from: ${from.id}`,
    `    to: ${to.id}`,
    ...(rand() < 0.5 ? [`    data: [${from.data[0]}]`] : []),
    `    mode: ${(mode = pick(modes))}`,
    ...(rand() < 0.1 ? ['    bidirectional: true'] : []),
    ...(customer ? [`    frequency: ${pick2(mode === 'realtime' ? ['realtime'] : mode === 'manual' ? ['daily', 'weekly', 'monthly'] : ['hourly', 'daily', 'weekly'])}`] : []),
  );
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'tools'), { recursive: true });
writeFileSync(join(out, 'martech-audit.yaml'), lines.manifest.join('\n') + '\n');
toolFiles.forEach((f, i) => writeFileSync(join(out, 'tools', `tools-${String(i).padStart(2, '0')}.yaml`), f.join('\n') + '\n'));
writeFileSync(join(out, 'touchpoints.yaml'), tps.join('\n') + '\n');
writeFileSync(join(out, 'integrations.yaml'), ints.join('\n') + '\n');
console.log(`wrote ${out}: ${nTools} tools, ${nTps} touchpoints, ${nInts} integrations${customer ? `, ${personas.length} personas (customer's side)` : ''}`);
