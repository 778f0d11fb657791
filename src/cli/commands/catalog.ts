// `martech-audit catalog [query]`: searches the built-in tool catalog and capability taxonomy.
import Table from 'cli-table3';
import { list, t } from '../../i18n/index.js';
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
      capabilities: c.capabilities.map((k) => ({
        id: k.id, name: localName(k.name, k.id), measures: k.measures, reports: k.reports, personalizes: k.personalizes,
        media: k.media, fileTool: k.fileTool, conduit: k.conduit, internal: k.internal,
      })),
    }));
    if (format === 'json') return write(JSON.stringify(rows, null, 2));
    // 80 columns, like every other table: the id columns fit their longest id (never cut, they
    // are what goes into the YAML); the name wraps in what is left.
    const widest = (cells: string[]): number => Math.max(...cells.map((c) => stringWidth(c))) + 2;
    const headRow = [t('catalog.col.category'), t('catalog.col.name'), opts.capabilities ? t('catalog.col.capabilities') : t('catalog.col.group')];
    const thirdCells = (r: (typeof rows)[number]): string[] => (opts.capabilities ? r.capabilities.map((k) => k.id + (k.measures ? ' *' : '')) : [r.group]);
    const idW = widest([headRow[0]!, ...rows.map((r) => r.category)]);
    const thirdW = widest([headRow[2]!, ...rows.flatMap(thirdCells)]);
    const nameW = Math.max(12, 80 - 4 - idW - thirdW);
    const table = new Table({ head: headRow, style: { head: [], border: [] }, wordWrap: true, colWidths: [idW, nameW, thirdW] });
    for (const r of rows) table.push([r.category, wrapText(r.name, nameW - 2, { hard: true }), thirdCells(r).join('\n')]);
    write(table.toString());
    if (opts.capabilities) write(chalk.dim(wrapText(t('catalog.measures-legend'), 80)));
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
    // Primary capabilities (what the tool is bought for), then its other features apart.
    const features = tool?.features.length ? t('catalog.features', { features: list(tool.features.map(capabilityName)) }) : '';
    const details = tool ? `${tool.vendor ?? ''}${tool.vendor ? ': ' : ''}${tool.capabilities.map(capabilityName).join(', ')}${features}`
      : h.alsoCategory ? t('catalog.also-category') : '';
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
  // The ★ is explained only when a row has one; the hint about `catalog:` only when a tool is listed.
  if (rows.some((r) => r.kind.endsWith('★'))) write(chalk.dim(wrapText(t('catalog.hub-legend'), 80)));
  else if (hits.some((h) => h.kind === 'tool')) write(chalk.dim(t('catalog.use-id')));
}
