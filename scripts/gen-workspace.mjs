#!/usr/bin/env node
// Generates a synthetic but plausible workspace for benchmarks and scale tests.
//   node scripts/gen-workspace.mjs --tools 10000 --touchpoints 5000 --integrations 20000 --out .bench/ws-10k
// Deterministic (seeded): the same arguments give the same files. Written as a directory
// workspace split over several files, as a large team would keep it.
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

let seed = seed0;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

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
  );
}
const tps = ['touchpoints:'];
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
    `    realtime: ${rand() < 0.1}`,
    `    in_scope: ${rand() < 0.9}`,
  );
}
const ints = ['integrations:'];
for (let i = 0; i < nInts; i++) {
  const from = pick(tools);
  let to = rand() < 0.3 ? tools[Math.floor(rand() * hubs)] : pick(tools);
  if (to === from) to = tools[(tools.indexOf(from) + 1) % tools.length];
  ints.push(
    `  - from: ${from.id}`,
    `    to: ${to.id}`,
    ...(rand() < 0.5 ? [`    data: [${from.data[0]}]`] : []),
    `    mode: ${pick(modes)}`,
    ...(rand() < 0.1 ? ['    bidirectional: true'] : []),
  );
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'tools'), { recursive: true });
writeFileSync(join(out, 'martech-audit.yaml'), lines.manifest.join('\n') + '\n');
toolFiles.forEach((f, i) => writeFileSync(join(out, 'tools', `tools-${String(i).padStart(2, '0')}.yaml`), f.join('\n') + '\n'));
writeFileSync(join(out, 'touchpoints.yaml'), tps.join('\n') + '\n');
writeFileSync(join(out, 'integrations.yaml'), ints.join('\n') + '\n');
console.log(`wrote ${out}: ${nTools} tools, ${nTps} touchpoints, ${nInts} integrations`);
