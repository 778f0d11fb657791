// `analyze --format text`: the five audit steps as a consultant presents them, for a terminal.
// A pure function of the result: tables with cli-table3, colour through a chalk instance that
// is off unless asked for, text wrapped to the width given (80 by default) with East Asian wide
// characters counted as two columns (cells are wrapped here, so cli-table3 never truncates).
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth, displayWidth as stringWidth } from '../util/width.js';
import { fitColumns, longestWord, renderTable, wrap, wrapCell, type Row } from './text-layout.js';

export { displayWidth, fitColumns, longestWord, renderTable, wrap };
import type { Translator } from '../i18n/index.js';
import { capabilityNameIn, categoryNameIn } from '../catalog/index.js';
import { formatMoney as formatMoneyIn, formatPercent as formatPercentIn } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Finding } from '../analysis/types.js';
import type { PlannedInitiative } from '../analysis/roadmap/index.js';
import { SEVERITIES, type Severity } from '../model/vocabulary.js';

export interface ReportContext {
  /** The language the output is worded in. */
  tr: Translator;
  /** Colour output (the CLI decides from TTY, NO_COLOR and --no-color). Default false. */
  color?: boolean;
  /** Target width in columns. Default 80. */
  width?: number;
  /** Only this step (1-5). */
  step?: number;
  /** Department id -> display name. */
  departments?: ReadonlyMap<string, string>;
  /** Data type id -> the name the client uses (the workspace's `data_types` name; model/names.ts dataTypeLabel). */
  dataTypes?: ReadonlyMap<string, string>;
  /** The workspace's files (display paths), manifest first. */
  files?: readonly string[];
  /**
   * At most this many rows per table, findings per severity and initiatives per phase (default
   * 300): a terminal listing of thousands helps nobody and costs seconds; what is left out is
   * counted (totals still include it) and `--format json` lists everything.
   */
  maxRows?: number;
  [extra: string]: unknown;
}

// ---- the report -----------------------------------------------------------------------------

const SEVERITY_MARK: Record<Severity, string> = { critical: '‼', high: '✖', medium: '▲', low: '●', info: 'ℹ' };
/** Finding ids listed under an initiative in the text report; `--format json` keeps every one. */
const ANSWERS_SHOWN = 10;

export function renderText(result: AnalysisResult, ctx: ReportContext): string {
  const { tr } = ctx;
  const { t, tCount, list, has } = tr;
  // The client's names for data types where the caller knows the workspace, else the vocabulary's word.
  const dataTypeName = (id: string): string => ctx.dataTypes?.get(id) ?? tr.dataTypeName(id);
  const formatPercent = (share: number): string => formatPercentIn(share, tr.lang);
  const c: ChalkInstance = new Chalk({ level: ctx.color ? 1 : 0 });
  const width = Math.max(40, ctx.width ?? 80);
  const cur = result.summary.currency;
  // Money and shares in the language of the report (src/i18n/format.ts does the formatting).
  const formatMoney = (minor: number, currency: string): string => formatMoneyIn(minor, currency, tr.lang);
  const money = (major: number) => formatMoney(toMinor(major), cur);
  const dept = (id: string | undefined) => (id ? ctx.departments?.get(id) ?? id : '');
  const toolName = new Map(result.inventory.map((x) => [x.id, x.name]));
  // Names are listed with the language's separator; ids (which the user types) with ", ".
  const sep = tr.lang === 'ja' ? '、' : ', ';
  const out: string[] = [];
  const para = (text: string, indent = 0, style: (s: string) => string = (s) => s) => {
    for (const l of wrap(text, width - indent)) out.push(' '.repeat(indent) + style(l));
  };
  const heading = (text: string) => {
    out.push('', c.bold.underline(text), '');
  };
  const table = (head: string[], widths: number[], rows: Row[]) => out.push(renderTable(c, head, widths, rows));
  const show = (n: number) => !ctx.step || ctx.step === n;
  const maxRows = ctx.maxRows ?? 300;
  const moreRow = (w: number[], key: string, count: number): Row => {
    const span = w.reduce((a, b) => a + b, 0) + w.length - 1;
    return [{ content: c.dim(wrapCell(tCount(key, count, { count }), span - 2)), colSpan: w.length }];
  };

  if (!ctx.step) {
    out.push(c.bold(t('text.title', { organization: result.organization || result.workspace })));
    para(t('text.summary', {
      path: result.workspace,
      touchpoints: tCount('text.count.touchpoints', result.summary.touchpoints, { count: result.summary.touchpoints }),
      tools: tCount('text.count.tools', result.summary.tools, { count: result.summary.tools }),
      integrations: tCount('text.count.integrations', result.summary.integrations, { count: result.summary.integrations }),
      cost: money(result.summary.annualCost),
    }), 0, c.dim);
  }

  // ---- step 1 -------------------------------------------------------------------------------
  if (show(1)) {
    heading(t('text.step1'));
    const shownTps = result.stages.flatMap((s) => s.touchpoints).slice(0, maxRows);
    const w = fitColumns(width, [
      { min: 10, weight: 2, word: longestWord([t('text.col.stage'), ...result.stages.map((s) => s.name)]) },
      { min: 16, weight: 5, word: longestWord([t('text.col.touchpoint'), ...shownTps.map((tp) => tp.name)]) },
      { min: 12, weight: 3, word: longestWord([t('text.col.tools'), ...shownTps.map((tp) => tp.tools.map((id) => toolName.get(id) ?? id).join(sep))]) },
      { min: 12, weight: 3, word: longestWord([t('text.col.captures'), ...shownTps.map((tp) => tp.captures.map(dataTypeName).join(sep))]) },
    ]);
    const rows: Row[] = [];
    let hidden = 0;
    for (const s of result.stages) {
      if (rows.length >= maxRows) {
        hidden += s.touchpoints.length;
        continue;
      }
      if (!s.touchpoints.length) {
        rows.push([c.bold(wrapCell(s.name, w[0] - 2)), c.yellow(wrapCell(t('text.no-touchpoint'), w[1] - 2)), '', '']);
        continue;
      }
      s.touchpoints.forEach((tp, i) => {
        if (rows.length >= maxRows) {
          hidden++;
          return;
        }
        const meta = [has(`diagram.channel.${tp.channel}`) ? t(`diagram.channel.${tp.channel}`) : tp.channel, dept(tp.owner)].filter(Boolean).join(' · ');
        const flags = [tp.realtime ? t('text.realtime') : '', tp.inScope ? '' : t('text.out-of-scope')].filter(Boolean).join(' · ');
        const name = [wrapCell(tp.name, w[1] - 2), c.dim(wrapCell(meta, w[1] - 2)), flags ? c.cyan(wrapCell(flags, w[1] - 2)) : ''].filter(Boolean).join('\n');
        const tools = tp.tools.length ? wrapCell(tp.tools.map((id) => toolName.get(id) ?? id).join(sep), w[2] - 2) : c.yellow(wrapCell(t('text.no-tools'), w[2] - 2));
        const row = [i === 0 ? c.bold(wrapCell(s.name, w[0] - 2)) : '', tp.inScope ? name : c.dim(name), tools, wrapCell(tp.captures.map(dataTypeName).join(sep), w[3] - 2)];
        rows.push(row);
      });
    }
    if (hidden) rows.push(moreRow(w, 'text.more-touchpoints', hidden));
    table([t('text.col.stage'), t('text.col.touchpoint'), t('text.col.tools'), t('text.col.captures')], w, rows);
  }

  // ---- step 2 -------------------------------------------------------------------------------
  if (show(2)) {
    heading(t('text.step2'));
    // The cost column fits the widest amount (a yen total has eleven columns): money is never cut.
    // Both totals (the monthly one may have cents where the annual one has none).
    let totalMinor = 0;
    let monthlyMinor = 0;
    for (const x of result.inventory) {
      if (x.annualCost === undefined || x.status === 'retired') continue;
      totalMinor += toMinor(x.annualCost);
      monthlyMinor += toMinor(x.monthlyCost ?? 0);
    }
    const amounts = [formatMoney(totalMinor, cur), formatMoney(monthlyMinor, cur), t('text.unknown'), ...result.inventory.slice(0, maxRows).flatMap((x) => (x.annualCost !== undefined ? [money(x.annualCost), money(x.monthlyCost ?? 0)] : []))];
    const costWidth = Math.max(longestWord([t('text.col.cost')]) + 2, ...amounts.map((a) => displayWidth(a) + 2));
    const shownTools = result.inventory.slice(0, maxRows);
    const w = fitColumns(width, [
      { min: 12, weight: 4, word: longestWord([t('text.col.tool'), ...shownTools.flatMap((x) => [x.name, x.id])]) },
      { min: 11, weight: 3, word: longestWord([t('text.col.category-owner'), ...shownTools.flatMap((x) => [x.category ? categoryNameIn(x.category, tr.lang) : '', x.owner ? dept(x.owner) : ''])]) },
      { min: 11, weight: 3, word: longestWord([t('text.col.touchpoints'), ...shownTools.map((x) => x.touchpoints.join(', '))]) },
      { min: 11, weight: 3, word: longestWord([t('text.col.data'), ...shownTools.map((x) => x.data.map(dataTypeName).join(sep))]) },
      { min: costWidth, weight: 1 }, { min: 7, weight: 0, word: longestWord([t('text.col.seats')]) },
    ]);
    // (r2) The inventory says which tools the roadmap phases out, as the pictures do.
    const dropped = new Set(result.roadmap.initiatives.flatMap((i) => i.drop ?? []));
    const rows: Row[] = [];
    let annual = 0;
    let monthly = 0;
    let unknown = 0;
    let hidden = 0;
    for (const x of result.inventory) {
      if (x.annualCost !== undefined && x.status !== 'retired') {
        annual += toMinor(x.annualCost);
        monthly += toMinor(x.monthlyCost ?? 0);
      } else if (x.annualCost === undefined && x.status !== 'retired') unknown++;
      if (rows.length >= maxRows) {
        hidden++;
        continue;
      }
      const tags = [
        x.hub ? t('text.hub') : '', x.status !== 'active' ? t(`text.status.${x.status}`) : '',
        dropped.has(x.id) && x.status !== 'retiring' && x.status !== 'retired' ? t('text.dropped') : '',
      ].filter(Boolean).join(' · ');
      const name = [wrapCell(x.name, w[0] - 2), c.dim(wrapCell(x.id, w[0] - 2)), tags ? c.cyan(wrapCell(tags, w[0] - 2)) : ''].filter(Boolean).join('\n');
      const cat = [x.category ? wrapCell(categoryNameIn(x.category, tr.lang), w[1] - 2) : c.dim(t('text.none')), x.owner ? wrapCell(dept(x.owner), w[1] - 2) : c.yellow(wrapCell(t('text.no-owner'), w[1] - 2))].join('\n');
      const tps = x.touchpoints.length ? wrapCell(x.touchpoints.join(', '), w[2] - 2) : c.dim(t('text.none'));
      const data = x.data.length ? wrapCell(x.data.map(dataTypeName).join(sep), w[3] - 2) : c.dim(t('text.none'));
      const cost = x.annualCost !== undefined ? `${money(x.monthlyCost ?? 0)}\n${money(x.annualCost)}` : c.yellow(t('text.unknown'));
      const s = x.seats;
      const seats = s?.licensed !== undefined && s.active !== undefined
        ? `${s.active}/${s.licensed}${s.usage !== undefined ? `\n${formatPercent(s.usage)}` : ''}`
        : c.dim(t('text.none'));
      rows.push([name, cat, tps, data, wrapCell(cost, w[4] - 2), seats]);
    }
    const label = tCount(unknown ? 'text.total-unknown' : 'text.total', result.inventory.length, { tools: result.inventory.length, unknown });
    if (hidden) rows.push(moreRow(w, 'text.more-tools', hidden));
    rows.push([{ content: c.bold(wrapCell(label, w[0] + w[1] + w[2] + w[3] + 1)), colSpan: 4 }, c.bold(`${formatMoney(monthly, cur)}\n${formatMoney(annual, cur)}`), '']);
    table([t('text.col.tool'), t('text.col.category-owner'), t('text.col.touchpoints'), t('text.col.data'), t('text.col.cost'), t('text.col.seats')], w, rows);
  }

  // ---- step 3 -------------------------------------------------------------------------------
  if (show(3)) {
    heading(t('text.step3'));
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length]));
    if (!result.findings.length) para(t('text.no-findings'), 0, c.green);
    else para(t('text.findings-count', counts), 0, c.dim);
    const sevStyle: Record<Severity, ChalkInstance> = { critical: c.red.bold, high: c.red, medium: c.yellow, low: c.cyan, info: c.blue };
    for (const sev of [...SEVERITIES].reverse()) {
      const group = result.findings.filter((f) => f.severity === sev);
      if (!group.length) continue;
      out.push('', sevStyle[sev].bold(`${t(`text.severity.${sev}`)} (${group.length})`));
      for (const f of group.slice(0, maxRows)) renderFinding(f, sevStyle[sev]);
      if (group.length > maxRows) {
        out.push('');
        para(tCount('text.more-findings', group.length - maxRows, { count: group.length - maxRows }), 2, c.dim);
      }
    }
  }

  function renderFinding(f: Finding, style: ChalkInstance) {
    out.push('');
    const head = `${SEVERITY_MARK[f.severity]} ${f.id}`;
    for (const [i, l] of wrap(head, width - 2).entries()) out.push(`  ${i === 0 ? style(l) : style(l)}`);
    para(f.message, 4);
    const ents = entityText(f);
    if (ents) para(t('text.involves', { entities: ents }), 4, c.dim);
    const where = [f.location ? t('text.at', { location: `${f.location.file}:${f.location.line}:${f.location.column}` }) : '', f.cost !== undefined ? t('text.money-year', { amount: money(f.cost) }) : '']
      .filter(Boolean).join(' · ');
    if (where) para(where, 4, c.dim);
    const rec = wrap(f.recommendation, width - 6);
    rec.forEach((l, i) => out.push(`    ${i === 0 ? c.green('→ ') : '  '}${l}`));
  }

  function entityText(f: Finding): string {
    const groups = new Map<string, string[]>();
    for (const e of f.entities) {
      if (e.kind === 'workspace') continue;
      const label = e.kind === 'capability' ? capabilityNameIn(e.id, tr.lang) : e.id;
      (groups.get(e.kind) ?? groups.set(e.kind, []).get(e.kind)!).push(label);
    }
    return [...groups].map(([k, ids]) => `${t(`text.entity.${k}`)} ${ids.join(', ')}`).join('; ');
  }

  // ---- step 4 -------------------------------------------------------------------------------
  if (show(4)) {
    const a = result.assessment;
    heading(t('text.step4'));
    const levelStyle = { healthy: c.green, refocus: c.cyan, integrate: c.yellow, replatform: c.red }[a.level];
    const label = t('text.level');
    const scoreLabel = t('text.score');
    const pad = Math.max(stringWidth(label), stringWidth(scoreLabel)) + 2;
    const lead = (s: string) => s + ' '.repeat(pad - stringWidth(s));
    const meaning = wrap(a.meaning, width - pad - stringWidth(t(`level.${a.level}`)) - 3);
    out.push(`${c.bold(lead(label))}${levelStyle.bold(t(`level.${a.level}`).toUpperCase())} — ${meaning[0] ?? ''}`);
    for (const l of wrap(meaning.slice(1).join(' '), width - pad)) if (l) out.push(' '.repeat(pad) + l);
    if (a.override && a.computedLevel) {
      for (const l of wrap(t('text.override', { computed: t(`level.${a.computedLevel}`), rationale: a.override.rationale }), width - pad)) out.push(' '.repeat(pad) + c.italic(l));
    }
    out.push(`${c.bold(lead(scoreLabel))}${levelStyle.bold(t('text.score-of', { score: a.score }))}`);

    out.push('', c.bold(t('text.figures')));
    const m = a.metrics;
    // A share of nothing is no figure: "none yet" instead of "0% (0 of 0)".
    const ratio = (share: number, part: number, total: number) => (total ? t('text.fig.ratio', { share: formatPercent(share), part, total }) : t('text.fig.nothing'));
    const figs: [string, string][] = [
      [t('text.fig.siloed'), ratio(m.siloedShare, m.siloedTools ?? 0, m.customerDataTools ?? 0)],
      [t('text.fig.redundant'), (m.totalSpend ?? result.summary.annualCost) ? t('text.fig.money-share', { amount: money(m.redundantSpend), share: formatPercent(m.redundantShare) }) : money(m.redundantSpend)],
      [t('text.fig.spend'), money(m.totalSpend ?? result.summary.annualCost)],
      [t('text.fig.overlaps'), String(m.overlappingCapabilities)],
      [t('text.fig.hubs'), m.hubs ? `${m.hubs}: ${(result.summary.hubs as string[] | undefined ?? []).map((id) => toolName.get(id) ?? id).join(sep)}` : '0'],
      [t('text.fig.manual'), String(m.manualIntegrations)],
      [t('text.fig.coverage'), ratio(a.coverage.dataTypes.share, a.coverage.dataTypes.reaching, a.coverage.dataTypes.total)],
      [t('text.fig.tp-coverage'), ratio(a.coverage.touchpointData.share, a.coverage.touchpointData.reaching, a.coverage.touchpointData.total)],
      [t('text.fig.completeness'), a.completeness.tools ? formatPercent(a.completeness.share) : t('text.fig.no-tools')],
    ];
    const fw = fitColumns(width, [{ min: 20, weight: 3, word: longestWord(figs.map(([k]) => k)) }, { min: 14, weight: 2, word: longestWord(figs.map(([, v]) => v)) }]);
    table([t('text.col.figure'), t('text.col.value')], fw, figs.map(([k, v]) => [wrapCell(k, fw[0] - 2), wrapCell(v, fw[1] - 2)]));

    out.push('', c.bold(t('text.why')));
    for (const r of a.reasons) bullet(r);

    out.push('', c.bold(t('text.score-how')));
    const pw = Math.max(...a.scoreBreakdown.map((s) => signed(s.points).length), 3);
    for (const s of a.scoreBreakdown) {
      const p = signed(s.points).padStart(pw);
      const lines = wrap(s.reason, width - pw - 4);
      out.push(`  ${s.points > 0 ? c.green(p) : c.red(p)}  ${lines[0]}`);
      for (const l of lines.slice(1)) out.push(`  ${' '.repeat(pw)}  ${l}`);
    }

    out.push('', c.bold(t('text.coverage-by-stage')));
    const cw = fitColumns(width, [
      { min: 10, weight: 2, word: longestWord([t('text.col.stage'), ...a.coverage.stages.map((s) => s.name)]) },
      { min: 13, weight: 1, word: longestWord([t('text.col.reaching'), t('text.nothing-captured')]) },
      { min: 16, weight: 4, word: longestWord([t('text.col.missing'), ...a.coverage.stages.map((s) => s.missing.map(dataTypeName).join(sep))]) },
    ]);
    table([t('text.col.stage'), t('text.col.reaching'), t('text.col.missing')], cw, a.coverage.stages.map((s) => [
      wrapCell(s.name, cw[0] - 2),
      s.share === null ? c.dim(wrapCell(t('text.nothing-captured'), cw[1] - 2)) : wrapCell(ratio(s.share, s.reaching, s.captured), cw[1] - 2),
      s.missing.length ? wrapCell(s.missing.map(dataTypeName).join(sep), cw[2] - 2) : c.dim(t('text.none')),
    ]));

    if (a.questions.length) {
      out.push('', c.bold(t('text.questions')));
      for (const q of a.questions) {
        const about = `${q.about}${q.field ? ` (${q.field})` : ''}`;
        bullet(`${about}: ${q.text}${q.ask ? ` [${t('text.ask', { department: dept(q.ask) })}]` : ''}`);
      }
    }
  }

  function bullet(text: string, indent = 2) {
    const lines = wrap(text, width - indent - 2);
    lines.forEach((l, i) => out.push(`${' '.repeat(indent)}${i === 0 ? '• ' : '  '}${l}`));
  }

  // ---- step 5 -------------------------------------------------------------------------------
  if (show(5)) {
    const r = result.roadmap;
    heading(t('text.step5'));
    const review = t(`text.review.${r.review}`);
    para(r.start ? t('text.roadmap-head', { start: r.start, review, next: r.nextReview ?? '' }) : t('text.roadmap-head-nodate', { review }), 0, c.dim);
    if (r.horizon) para(t('text.horizon', { horizon: r.horizon }), 0, c.dim);
    if (!r.initiatives.length) {
      out.push('');
      para(t('text.no-initiatives'), 0, c.green);
    }
    for (const phase of [1, 2, 3] as const) {
      const items = r.initiatives.filter((i) => i.phase === phase);
      if (!items.length) continue;
      out.push('', c.bold(t(`text.phase.${phase}`)));
      for (const i of items.slice(0, maxRows)) renderInitiative(i);
      if (items.length > maxRows) {
        out.push('');
        para(tCount('text.more-initiatives', items.length - maxRows, { count: items.length - maxRows }), 2, c.dim);
      }
    }
    if (r.renewals.length) {
      out.push('', c.bold(t('text.renewals')));
      const costWidth = Math.max(12, ...r.renewals.map((x) => (x.cost !== undefined ? displayWidth(money(x.cost)) + 2 : 0)));
      const rw = fitColumns(width, [
        { min: 9, weight: 0 }, { min: 14, weight: 3, word: longestWord([t('text.col.tool'), ...r.renewals.map((x) => x.name)]) },
        { min: costWidth, weight: 1 }, { min: 14, weight: 3, word: longestWord([t('text.col.initiative'), t('text.no-renewal-action'), ...r.renewals.map((x) => x.initiative ?? '')]) },
      ]);
      table([t('text.col.month'), t('text.col.tool'), t('text.col.annual-cost'), t('text.col.initiative')], rw, r.renewals.map((x) => [
        x.month, wrapCell(x.name, rw[1] - 2), x.cost !== undefined ? wrapCell(money(x.cost), rw[2] - 2) : c.yellow(t('text.unknown')),
        x.initiative ? wrapCell(x.initiative, rw[3] - 2) : c.dim(wrapCell(t('text.no-renewal-action'), rw[3] - 2)),
      ]));
    }
    if (r.rejected.length) {
      out.push('', c.bold(t('text.rejected')));
      for (const x of r.rejected) {
        const item = t('text.rejected-item', { id: x.id, title: x.title });
        bullet(x.notes ? t('text.rejected-notes', { item, notes: x.notes.trim() }) : item);
      }
    }
    if (r.replaced.length) {
      out.push('');
      para(t('text.replaced', { items: r.replaced.map((x) => `${x.id} → ${x.by}`).join(', ') }), 0, c.dim);
    }
    out.push('');
    para(t('text.total-saving', { amount: money(r.totalSaving) }), 0, c.bold);
    if (r.decidedSaving) para(t('text.decided-saving', { amount: money(r.decidedSaving) }), 0, c.dim);
    if (r.unaddressed.length) para(t('text.unaddressed', { findings: r.unaddressed.join(', ') }), 0, c.dim);
  }

  function renderInitiative(i: PlannedInitiative) {
    out.push('');
    const num = `${i.order}.`;
    const ind = ' '.repeat(num.length + 3);
    const title = wrap(i.title, width - ind.length);
    out.push(`  ${c.bold(num)} ${c.bold(title[0])}`);
    for (const l of title.slice(1)) out.push(ind + c.bold(l));
    const line = (text: string, style: (s: string) => string = (s) => s) => {
      for (const l of wrap(text, width - ind.length)) out.push(ind + style(l));
    };
    const facts = [
      i.id,
      typeof i.wave === 'number' ? t('text.wave', { wave: i.wave }) : '',
      i.start && i.end ? tCount('text.when', i.months, { start: i.start, end: i.end, months: i.months }) : tCount('text.months', i.months, { months: i.months }),
      i.owner ? t('text.owner', { owner: dept(i.owner) }) : '',
      i.source === 'authored' ? t('text.authored') : '',
      i.status !== 'proposed' ? t('text.status', { status: i.status }) : '',
    ].filter(Boolean).join(' · ');
    line(facts, c.dim);
    if (i.saving) line(t('text.saves', { amount: money(i.saving) }), c.green);
    if (typeof i.decidedSaving === 'number') line(t('text.saves-decided', { amount: money(i.decidedSaving) }), c.dim);
    if (i.stakeholders.length) line(t('text.stakeholders', { departments: list(i.stakeholders.map(dept)) }));
    // A programme of a very large stack answers thousands of findings: the first ten are named.
    if (i.addresses.length > ANSWERS_SHOWN) {
      line(t('text.answers-more', { findings: i.addresses.slice(0, ANSWERS_SHOWN).join(', '), count: i.addresses.length - ANSWERS_SHOWN }), c.dim);
    } else if (i.addresses.length) line(t('text.answers', { findings: i.addresses.join(', ') }), c.dim);
    if (i.dependsOn.length) line(t('text.depends', { initiatives: i.dependsOn.join(', ') }), c.dim);
    if (i.renewal) {
      const params = { tool: toolName.get(i.renewal.tool) ?? i.renewal.tool, month: i.renewal.month, missed: i.renewal.missed ?? '', cost: i.renewal.cost !== undefined ? money(i.renewal.cost) : t('text.unknown') };
      if (i.renewal.met) line(t('text.renewal-met', params), c.cyan);
      else line(t('text.renewal-missed', params), c.yellow);
    }
  }

  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
