// `martech-audit catalog [query]`: searches the built-in tool catalog and capability taxonomy.
import Table from 'cli-table3';
import { t } from '../../i18n/index.js';
import { loadCatalog, loadTaxonomy, searchCatalog, localName, capabilityName } from '../../catalog/index.js';
import { UsageError } from '../../util/errors.js';
import { chalk, write } from '../output.js';
import { displayWidth as stringWidth } from '../../util/width.js';
import { wrapText } from '../../util/wrap.js';

export interface CatalogOptions { format?: string; capabilities?: boolean; categories?: boolean; limit?: string }

export async function run(query: string | undefined, opts: CatalogOptions): Promise<void> {
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(t('cli.bad-format', { format, allowed: 'text, json' }));
  const tax = loadTaxonomy();
  const cat = loadCatalog();
  if (opts.capabilities || opts.categories) {
    const rows = tax.categories.map((c) => ({
      category: c.id, group: c.group, name: localName(c.name, c.id),
      capabilities: c.capabilities.map((k) => ({ id: k.id, name: localName(k.name, k.id), measures: k.measures })),
    }));
    if (format === 'json') return write(JSON.stringify(rows, null, 2));
    const table = new Table({ head: [t('catalog.col.category'), t('catalog.col.name'), opts.capabilities ? t('catalog.col.capabilities') : t('catalog.col.group')], style: { head: [], border: [] }, wordWrap: true, ...(opts.capabilities ? { colWidths: [24, 24, 30] } : {}) });
    for (const r of rows) {
      table.push([r.category, opts.capabilities ? wrapText(r.name, 22) : r.name, opts.capabilities ? r.capabilities.map((k) => k.id + (k.measures ? ' *' : '')).join('\n') : r.group]);
    }
    write(table.toString());
    if (opts.capabilities) write(chalk.dim(t('catalog.measures-legend')));
    return;
  }
  const limit = opts.limit ? Number(opts.limit) : query ? 25 : 1000;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(t('cli.bad-number', { option: '--limit', value: String(opts.limit) }));
  const hits = searchCatalog(query ?? '', limit);
  if (format === 'json') {
    return write(JSON.stringify(hits.map((h) => (h.kind === 'tool' ? { kind: h.kind, ...cat.byId.get(h.id) } : { kind: h.kind, id: h.id, name: h.label })), null, 2));
  }
  if (!hits.length) {
    write(t('catalog.none', { query: query ?? '' }));
    return;
  }
  // The id is what goes into `catalog:`, so it is never cut: its column fits the longest id
  // shown; name and details share the rest of the line and wrap (Japanese too), never "…".
  const rows = hits.map((h) => {
    const tool = h.kind === 'tool' ? cat.byId.get(h.id)! : undefined;
    const kind = tool ? t('catalog.kind.tool') + (tool.hub ? ' ★' : '') : t(`catalog.kind.${h.kind}`);
    const details = tool ? `${tool.vendor ?? ''}${tool.vendor ? ': ' : ''}${tool.capabilities.map(capabilityName).join(', ')}` : '';
    return { id: h.id, name: h.label, kind, details };
  });
  const head = [t('catalog.col.id'), t('catalog.col.name'), t('catalog.col.kind'), t('catalog.col.details')];
  const widest = (cells: string[]): number => Math.max(...cells.map((c) => stringWidth(c))) + 2;
  const idW = widest([head[0], ...rows.map((r) => r.id)]);
  const kindW = widest([head[2], ...rows.map((r) => r.kind)]);
  const total = Math.max(80, process.stdout.isTTY ? process.stdout.columns ?? 80 : 80);
  const rest = Math.max(24, total - 5 - idW - kindW);
  const nameW = Math.max(10, Math.floor(rest * 0.4));
  const detailsW = Math.max(12, rest - nameW);
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: [idW, nameW, kindW, detailsW] });
  for (const r of rows) {
    table.push([r.id, wrapText(r.name, nameW - 2, { hard: true }), r.kind, wrapText(r.details, detailsW - 2, { hard: true })]);
  }
  write(table.toString());
  write(chalk.dim(t('catalog.hub-legend')));
}
