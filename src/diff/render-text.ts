// `diff --format text` (default): for a terminal. Colour only through the chalk instance the
// command passes (level 0 when piped, NO_COLOR, --no-color or CI without a TTY).
import type { ChalkInstance } from 'chalk';
import { displayWidth as stringWidth } from '../util/width.js';
import type { Translator } from '../i18n/index.js';
import type {
  DiffResult, FindingSummary, IntegrationChange, IntegrationSummary, ToolChange, ToolSummary, TouchpointChange, TouchpointSummary,
} from './types.js';
import { customerSections, type CustomerSection } from './customer.js';
import { diffWords, integrationName, signed } from './format.js';

export interface TextDiffOptions {
  chalk?: ChalkInstance;
  /** The language of the diff's own words (the findings' messages are the audits'). */
  tr: Translator;
}

/** The entries a section lists; the rest are counted. */
export const MAX_ITEMS = 200;

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - stringWidth(s)));

/** What the renderer calls of chalk, as chalk does at level 0 (no colour): the text itself. */
const same = (s: string): string => s;
const plain = { bold: same, dim: same, green: same, red: same, yellow: same } as unknown as ChalkInstance;

export function renderDiffText(d: DiffResult, opts: TextDiffOptions): string {
  const {
    t, fieldChange, findingsSummary, integrationFacts, integrationFieldChange, levelName, money,
    moneyChange, severityName, sideName, stackChanged, toolFacts, touchpointFacts, touchpointFieldChange,
  } = diffWords(opts.tr);
  // Piped output (level 0) skips chalk: tens of thousands of lines, several styles each, and the
  // build's lazy chalk is not loaded at all (its level is known before it loads).
  const c = opts.chalk && opts.chalk.level > 0 ? opts.chalk : plain;
  const out: string[] = [];
  const cur = d.currency;
  out.push(c.bold(t('diff.title', { old: sideName(d.old), new: sideName(d.new) })));
  out.push('');
  if (d.unchanged) {
    out.push(t('diff.no-change', { level: levelName(d.assessment.after.level), score: d.assessment.after.score }));
    return out.join('\n') + '\n';
  }

  const rows: [string, string][] = [];
  const a = d.assessment;
  rows.push([t('diff.row.assessment'), a.before.level === a.after.level
    ? levelName(a.after.level)
    : `${levelName(a.before.level)} → ${c.bold(levelName(a.after.level))}`]);
  const scoreDelta = a.after.score - a.before.score;
  const scoreText = `${a.before.score} → ${a.after.score}` + (scoreDelta ? ` (${signed(scoreDelta)})` : '');
  rows.push([t('diff.row.score'), scoreDelta > 0 ? c.green(scoreText) : scoreDelta < 0 ? c.red(scoreText) : scoreText]);
  const moneyRow = (label: string, m: DiffResult['annualCost'], goodWhenDown: boolean): [string, string] => {
    const before = money(m.before, d.old.currency);
    const after = money(m.after, d.new.currency);
    if (m.change === 0) return [label, after];
    const delta = moneyChange(m.change, cur);
    const colour = m.change === null ? (s: string) => s : (m.change < 0) === goodWhenDown ? c.green : c.red;
    return [label, `${before} → ${after} (${colour(delta)})`];
  };
  rows.push(moneyRow(t('diff.row.annual-cost'), d.annualCost, true));
  rows.push(moneyRow(t('diff.row.redundant-spend'), d.redundantSpend, true));
  rows.push([t('diff.row.findings'), `${d.findings.before} → ${d.findings.after}: ${findingsSummary(d)}`]);
  const width = Math.max(...rows.map(([l]) => stringWidth(l)));
  for (const [l, v] of rows) out.push(`  ${l}${' '.repeat(width - stringWidth(l))}  ${v}`);

  const finding = (mark: string, f: FindingSummary, extra = ''): string[] => {
    const lines = [`  ${mark} ${pad(severityName(f.severity), 8)} ${c.bold(f.id)}${extra}`, `      ${f.message}`];
    if (f.location) lines.push(c.dim(`      ${f.location.file}:${f.location.line}:${f.location.column}`));
    return lines;
  };
  // A section lists its first MAX_ITEMS entries and counts the others (issue 18: two 10,000-tool
  // revisions gave 142,000 lines, 16 MB, that nobody reads on a terminal); `--format json` has all.
  type Group = readonly [readonly unknown[], (x: any) => string | string[]];
  const section = (title: string, groups: readonly Group[]): void => {
    const total = groups.reduce((n, [xs]) => n + xs.length, 0);
    if (!total) return;
    out.push('', c.bold(title));
    let shown = 0;
    for (const [xs, line] of groups) {
      for (let i = 0; i < xs.length && shown < MAX_ITEMS; i++, shown++) {
        const l = line(xs[i]);
        if (typeof l === 'string') out.push(l);
        else for (const y of l) out.push(y);
      }
    }
    if (total > shown) out.push(c.dim(`  ${t('diff.text.more', { n: total - shown })}`));
  };
  section(t('diff.section.introduced', { n: d.findings.introduced.length }), [[d.findings.introduced, (f: FindingSummary) => finding(c.red('+'), f)]]);
  section(t('diff.section.resolved', { n: d.findings.resolved.length }), [[d.findings.resolved, (f: FindingSummary) => finding(c.green('-'), f)]]);
  section(t('diff.section.severity-changed', { n: d.findings.changed.length }), [[d.findings.changed,
    (f: DiffResult['findings']['changed'][number]) => finding(c.yellow('~'), f, ` (${severityName(f.previousSeverity)} → ${severityName(f.severity)})`)]]);

  if (stackChanged(d)) {
    section(t('diff.section.tools'), [
      [d.tools.added, (x: ToolSummary) => `  ${c.green('+')} ${x.name} (${x.id})  ${c.dim(toolFacts(x, cur))}`],
      [d.tools.removed, (x: ToolSummary) => `  ${c.red('-')} ${x.name} (${x.id})  ${c.dim(toolFacts(x, d.old.currency))}`],
      [d.tools.changed, (x: ToolChange) => `  ${c.yellow('~')} ${x.name} (${x.id})  ${x.changes.map((ch) => fieldChange(ch, cur)).join('; ')}`],
    ]);
    section(t('diff.section.touchpoints'), [
      [d.touchpoints.added, (x: TouchpointSummary) => `  ${c.green('+')} ${x.name} (${x.id})  ${c.dim(`${touchpointFacts(x)}`)}`],
      [d.touchpoints.removed, (x: TouchpointSummary) => `  ${c.red('-')} ${x.name} (${x.id})  ${c.dim(`${touchpointFacts(x)}`)}`],
      [d.touchpoints.changed, (x: TouchpointChange) => `  ${c.yellow('~')} ${x.name} (${x.id})  ${x.changes.map((ch) => touchpointFieldChange(ch, x.names)).join('; ')}`],
    ]);
    section(t('diff.section.integrations'), [
      [d.integrations.added, (x: IntegrationSummary) => `  ${c.green('+')} ${integrationName(x)} (${x.id})  ${c.dim(integrationFacts(x))}`],
      [d.integrations.removed, (x: IntegrationSummary) => `  ${c.red('-')} ${integrationName(x)} (${x.id})  ${c.dim(integrationFacts(x))}`],
      [d.integrations.changed, (x: IntegrationChange) => `  ${c.yellow('~')} ${integrationName(x)} (${x.id})  ${x.changes.map(integrationFieldChange).join('; ')}`],
    ]);
  }
  const marks = { '+': c.green('+'), '-': c.red('-'), '~': c.yellow('~') } as const;
  for (const sec of customerSections(d, opts.tr)) {
    section(sec.title, [[sec.lines, (l: CustomerSection['lines'][number]) => `  ${marks[l.mark]} ${l.name} (${l.id})  ${l.what}`]]);
  }
  return out.join('\n') + '\n';
}
