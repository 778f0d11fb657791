// `diff --format markdown`: a pull-request comment. Compact on top (the assessment, the money,
// new and resolved findings), the full inventory changes in a collapsible <details> section.
// The first line is a hidden marker so that CI can find and update its own comment.
import type { Translator } from '../i18n/index.js';
import type { DiffResult, FindingSummary } from './types.js';
import { customerSections } from './customer.js';
import { diffWords, integrationName, signed, type DiffWords } from './format.js';

export const COMMENT_MARKER = '<!-- martech-audit:diff -->';

/** Visible findings per list; the rest go into the details section. */
const VISIBLE = 10;
/** Inventory changes listed in view; more are counted in view and tabled in the details. */
const VISIBLE_STACK = 6;
/** GitHub rejects comments over 65536 characters; lists are cut well before that. */
const MAX_ROWS = 200;
/** The whole comment (GitHub's limit; JS length counts UTF-16 units, never fewer than GitHub's characters). */
export const MAX_COMMENT = 65_536;

const SEVERITY_ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };

/** Escapes user text for inline Markdown (and keeps "@name" from pinging anyone). */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1')
    .replace(/@/g, '@\u200b');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function where(f: FindingSummary): string {
  return f.location ? ` (${code(`${f.location.file}:${f.location.line}`)})` : '';
}

function findingLine(f: FindingSummary, { severityName }: DiffWords, extra = ''): string {
  return `- ${SEVERITY_ICON[f.severity] ?? ''} **${mdText(severityName(f.severity))}**${extra} · ${code(f.id)}: ${mdText(f.message)}${where(f)}`;
}

/** Compact: what was fixed is named by its id; the full text is in the details. */
function resolvedLine(f: FindingSummary, { severityName }: DiffWords): string {
  return `- ✅ ~~${mdText(severityName(f.severity))}~~ · ${code(f.id)}`;
}

function resolvedLong(f: FindingSummary, { severityName }: DiffWords): string {
  return `- ✅ ~~${mdText(severityName(f.severity))}~~ · ${code(f.id)}: ${mdText(f.message)}`;
}

/** The lines of the first MAX_ROWS items, then how many more there are (only the lines shown are written). */
function capped<T>(items: readonly T[], line: (x: T) => string, { t }: DiffWords): string[] {
  if (items.length <= MAX_ROWS) return items.map(line);
  return [...items.slice(0, MAX_ROWS).map(line), t('diff.md.more', { n: items.length - MAX_ROWS })];
}

/**
 * Rows of several lists in order, each made only when asked for: 10,000 changed tools make
 * MAX_ROWS rows, not 10,000 that the comment would cut.
 */
class Rows<R> {
  private readonly parts: { n: number; row: (i: number) => R }[] = [];
  length = 0;
  add<T>(items: readonly T[], row: (x: T) => R): this {
    this.parts.push({ n: items.length, row: (i) => row(items[i]) });
    this.length += items.length;
    return this;
  }
  take(max: number): R[] {
    const out: R[] = [];
    for (const p of this.parts) for (let i = 0; i < p.n && out.length < max; i++) out.push(p.row(i));
    return out;
  }
}

/** A table of `total` rows of which `rows` are the first; `right` lists the columns aligned right (numbers). */
function table({ t }: DiffWords, head: string[], rows: string[][], right: number[] = [], total = rows.length): string[] {
  if (!total) return [];
  const cut = rows.length > MAX_ROWS ? rows.slice(0, MAX_ROWS) : rows;
  const rule = head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|');
  const out = [`| ${head.join(' | ')} |`, `|${rule}|`, ...cut.map((r) => `| ${r.join(' | ')} |`)];
  if (total > MAX_ROWS) out.push('', t('diff.md.more', { n: total - MAX_ROWS }));
  return out;
}

export interface MarkdownDiffOptions {
  /** The language of the comment's own words (the findings' messages are the audits'). */
  tr: Translator;
  /** Appended to the footer, e.g. "martech-audit 1.2.0". */
  generator?: string;
}

export function renderDiffMarkdown(d: DiffResult, opts: MarkdownDiffOptions): string {
  const w = diffWords(opts.tr);
  const {
    t, fieldChange, findingsSummary, integrationFacts, integrationFieldChange, levelName, money,
    moneyChange, severityName, stackSummary, toolFacts, touchpointFacts, touchpointFieldChange,
  } = w;
  const out: string[] = [COMMENT_MARKER];
  const a = d.assessment;
  const cur = d.currency;
  const level = a.before.level === a.after.level
    ? `**${mdText(levelName(a.after.level))}**`
    : `${mdText(levelName(a.before.level))} → **${mdText(levelName(a.after.level))}**`;
  const scoreDelta = a.after.score - a.before.score;
  const score = scoreDelta ? `${a.before.score} → ${a.after.score} (${signed(scoreDelta)})` : `${a.after.score}`;
  out.push(`### ${mdText(t('diff.md.title'))}: ${level} · ${mdText(t('diff.md.score'))} ${score}`, '');

  if (d.unchanged) {
    out.push(mdText(t('diff.md.no-change')), '');
    out.push(footer(d, opts, w));
    return out.join('\n') + '\n';
  }

  // The figures, before and after.
  const moneyCells = (m: DiffResult['annualCost']): string[] => [
    money(m.before, d.old.currency), money(m.after, d.new.currency), m.change === 0 ? '' : `**${moneyChange(m.change, cur)}**`,
  ];
  out.push(...table(w,
    ['', mdText(t('diff.md.before')), mdText(t('diff.md.after')), mdText(t('diff.md.change'))],
    [
      [mdText(t('diff.row.assessment')), mdText(levelName(a.before.level)), mdText(levelName(a.after.level)),
        a.before.level === a.after.level ? '' : levelArrow(a.before.level, a.after.level, w)],
      [mdText(t('diff.row.score')), String(a.before.score), String(a.after.score), scoreDelta ? `**${signed(scoreDelta)}**` : ''],
      [mdText(t('diff.row.annual-cost')), ...moneyCells(d.annualCost)],
      [mdText(t('diff.row.redundant-spend')), ...moneyCells(d.redundantSpend)],
      [mdText(t('diff.row.findings')), String(d.findings.before), String(d.findings.after), mdText(findingsSummary(d))],
    ],
    [1, 2, 3],
  ));
  out.push('');

  const { introduced, resolved, changed } = d.findings;
  if (introduced.length) {
    out.push(`**${mdText(t('diff.section.introduced', { n: introduced.length }))}**`, '');
    out.push(...introduced.slice(0, VISIBLE).map((f) => findingLine(f, w)));
    if (introduced.length > VISIBLE) out.push(`- ${mdText(t('diff.md.more-below', { n: introduced.length - VISIBLE }))}`);
    out.push('');
  }
  if (resolved.length) {
    out.push(`**${mdText(t('diff.section.resolved', { n: resolved.length }))}**`, '');
    out.push(...resolved.slice(0, VISIBLE).map((f) => resolvedLine(f, w)));
    if (resolved.length > VISIBLE) out.push(`- ${mdText(t('diff.md.more-below', { n: resolved.length - VISIBLE }))}`);
    out.push('');
  }
  // The inventory changes: a short list in view, or counts in view and tables in the details.
  type Row = { icon: string; name: string; what: string[] };
  const row = (icon: string, name: string, what: string[]): Row => ({ icon, name, what });
  const tools = new Rows<Row>()
    .add(d.tools.added, (x) => row('➕', `${mdText(x.name)} (${code(x.id)})`, [mdText(`${t('diff.added')} · ${toolFacts(x, cur)}`)]))
    .add(d.tools.removed, (x) => row('➖', `${mdText(x.name)} (${code(x.id)})`, [mdText(`${t('diff.removed')} · ${toolFacts(x, d.old.currency)}`)]))
    .add(d.tools.changed, (x) => row('✏️', `${mdText(x.name)} (${code(x.id)})`, x.changes.map((c) => mdText(fieldChange(c, cur)))));
  const tps = new Rows<Row>()
    .add(d.touchpoints.added, (x) => row('➕', `${mdText(x.name)} (${code(x.id)})`, [mdText(`${t('diff.added')} · ${touchpointFacts(x)}`)]))
    .add(d.touchpoints.removed, (x) => row('➖', `${mdText(x.name)} (${code(x.id)})`, [mdText(`${t('diff.removed')} · ${touchpointFacts(x)}`)]))
    .add(d.touchpoints.changed, (x) => row('✏️', `${mdText(x.name)} (${code(x.id)})`, x.changes.map((c) => mdText(touchpointFieldChange(c, x.names)))));
  const ints = new Rows<Row>()
    .add(d.integrations.added, (x) => row('➕', `${mdText(integrationName(x))} (${code(x.id)})`, [mdText(`${t('diff.added')} · ${integrationFacts(x)}`)]))
    .add(d.integrations.removed, (x) => row('➖', `${mdText(integrationName(x))} (${code(x.id)})`, [mdText(`${t('diff.removed')} · ${integrationFacts(x)}`)]))
    .add(d.integrations.changed, (x) => row('✏️', `${mdText(integrationName(x))} (${code(x.id)})`, x.changes.map((c) => mdText(integrationFieldChange(c)))));
  const details: string[] = [];
  const inDetails: string[] = [];
  const stackRows = tools.length + tps.length + ints.length;
  if (stackRows && stackRows <= VISIBLE_STACK) {
    out.push(`**${mdText(t('diff.md.stack'))}**`, '');
    for (const r of [...tools.take(VISIBLE_STACK), ...tps.take(VISIBLE_STACK), ...ints.take(VISIBLE_STACK)]) out.push(`- ${r.icon} ${r.name} — ${r.what.join('; ')}`);
    out.push('');
  } else if (stackRows) {
    out.push(`**${mdText(t('diff.md.stack'))}:** ${mdText(stackSummary(d))}`, '');
    const section = (title: string, head: string, rows: Rows<Row>): void => {
      if (!rows.length) return;
      details.push(`#### ${mdText(title)}`, '',
        ...table(w, ['', mdText(head), mdText(t('diff.md.what'))], rows.take(MAX_ROWS).map((r) => [r.icon, r.name, r.what.join('<br>')]), [], rows.length), '');
    };
    section(t('diff.section.tools'), t('diff.md.tool'), tools);
    section(t('diff.section.touchpoints'), t('diff.md.touchpoint'), tps);
    section(t('diff.section.integrations'), t('diff.md.integration'), ints);
    inDetails.push(t('diff.md.details.stack'));
  }

  // The customer's side (revision 2): personas and data types, short lists in view.
  const icons = { '+': '➕', '-': '➖', '~': '✏️' } as const;
  for (const sec of customerSections(d, opts.tr)) {
    out.push(`**${mdText(sec.title)}**`, '', ...sec.lines.map((l) => `- ${icons[l.mark]} ${mdText(l.name)} (${code(l.id)}) — ${mdText(l.what)}`), '');
  }
  // Details: everything else, for the reviewer who opens it.
  if (introduced.length > VISIBLE) {
    details.push(`#### ${mdText(t('diff.section.introduced', { n: introduced.length }))}`, '', ...capped(introduced, (f) => findingLine(f, w), w), '');
    inDetails.push(t('diff.md.details.introduced'));
  }
  if (resolved.length) {
    details.push(`#### ${mdText(t('diff.section.resolved', { n: resolved.length }))}`, '', ...capped(resolved, (f) => resolvedLong(f, w), w), '');
    inDetails.push(t('diff.md.details.resolved'));
  }
  if (changed.length) {
    details.push(`#### ${mdText(t('diff.section.severity-changed', { n: changed.length }))}`, '',
      ...capped(changed, (f) => findingLine(f, w, ` ${mdText(t('diff.md.was', { severity: severityName(f.previousSeverity) }))}`), w), '');
    inDetails.push(t('diff.md.details.changed'));
  }
  let detailsAt: number | undefined;
  if (details.length) {
    detailsAt = out.length;
    out.push('<details>', `<summary>${mdText(t('diff.md.details', { list: inDetails.join(t('diff.list-sep')) }))}</summary>`, '', ...details, '</details>', '');
  }
  return fitComment(out, detailsAt, footer(d, opts, w), opts.tr);
}

/**
 * The comment within GitHub's limit, whatever the inventory holds (600 added tools, very long
 * names): whole lines are kept while they fit, then a line says the rest was cut, the details
 * section is closed and the footer follows. The hidden marker (the first line) always stays.
 */
export function fitComment(lines: string[], detailsAt: number | undefined, foot: string, { t }: Translator, max = MAX_COMMENT): string {
  const full = `${[...lines, foot].join('\n')}\n`;
  if (full.length <= max) return full;
  const note = mdText(t('diff.md.cut', { max: max.toLocaleString('en-US') }));
  const closing = ['', '</details>', ''];
  const reserve = note.length + closing.join('\n').length + foot.length + 8;
  const kept: string[] = [];
  let len = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0 && len + line.length + 1 > max - reserve) break;
    kept.push(line);
    len += line.length + 1;
  }
  // A blank line first: a text line right after a table row would be read as another row.
  const inDetails = detailsAt !== undefined && kept.length > detailsAt && kept.length < lines.length;
  return `${[...kept, '', note, ...(inDetails ? closing : ['']), foot].join('\n')}\n`;
}

const LEVEL_ORDER = ['healthy', 'refocus', 'integrate', 'replatform'];

function levelArrow(before: string, after: string, { t }: DiffWords): string {
  return LEVEL_ORDER.indexOf(after) < LEVEL_ORDER.indexOf(before) ? `⬆️ ${mdText(t('diff.md.better'))}` : `⬇️ ${mdText(t('diff.md.worse'))}`;
}

function footer(d: DiffResult, opts: MarkdownDiffOptions, { t, sideName }: DiffWords): string {
  const text = t('diff.md.footer', { old: sideName(d.old), new: sideName(d.new) });
  return `<sub>${mdText(text)}${opts.generator ? ` · ${mdText(opts.generator)}` : ''}</sub>`;
}
