// The report's content, once, from the analysis result: the five steps, the cover, the executive
// summary, the journey matrix, the timeline and the appendix, as blocks (blocks.ts) that both the
// Markdown and the HTML renderer draw (markdown.ts, html.ts), worded in the language handed in
// (ContentOptions.tr). Pure function of the result: no analysis here, no I/O, no clock.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Translator } from '../i18n/index.js';
import { categoryNameIn } from '../catalog/index.js';
import { formatMoney as formatMoneyIn, formatNumber as formatNumberIn, formatPercent as formatPercentIn, firstOf } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Finding } from '../analysis/types.js';
import { ruleTitle } from '../analysis/rules/index.js';
import { departmentName, type Workspace } from '../model/model.js';
import { dataTypeLabel, stageLabel } from '../model/names.js';
import { SEVERITIES, type Severity } from '../model/vocabulary.js';
import { channelName } from '../diagrams/common.js';
import { addCustomerSide } from './customer.js';
import { buildCover, buildSummary, type CoverOptions } from './summary.js';
import { journeyMatrix } from './journey-matrix.js';
import { roadmapTimeline } from './timeline.js';
import type { SinceView } from './since.js';
import { firstRows, moreNote, ROWS_SHOWN } from './summarise.js';
import type { Block, Cell, ReportContent, Section, Table } from './blocks.js';

export interface ContentOptions {
  version: string;
  /** The language the report is written in: its words, money, dates and `<html lang>`. */
  tr: Translator;
  /** The cover (--date, --author, --firm; settings.report fills the rest). */
  cover?: CoverOptions;
  /** What changed since the last review (--since). */
  since?: SinceView;
  /** The current month (YYYY-MM) for initiatives the roadmap left undated, as the diagrams have it. */
  today?: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the content of the report from the analysis result. */
export function reportContent(ws: Workspace, result: AnalysisResult, opts: ContentOptions): ReportContent {
  const { tr } = opts;
  const { t, tCount, list } = tr;
  // Data types by the names the client uses (the workspace's `data_types` name first).
  const dataTypeName = (id: string): string => dataTypeLabel(ws, id, tr);
  // Money and shares in the language of the report (src/i18n/format.ts does the formatting).
  const formatMoney = (minor: number, currency: string): string => formatMoneyIn(minor, currency, tr.lang);
  const formatPercent = (share: number): string => formatPercentIn(share, tr.lang);
  const currency = result.summary.currency;
  const money = (major: number) => formatMoney(toMinor(major), currency);
  const toolName = (id: string) => ws.index.toolById.get(id)?.name ?? id;
  const tpName = (id: string) => ws.index.touchpointById.get(id)?.name ?? id;
  const dept = (id: string | undefined) => (id ? departmentName(ws, id) : '');
  // Lists inside a table cell: "a, b" / 「a、b」.
  const join = (items: string[]) => items.join(tr.lang === 'ja' ? '、' : ', ');
  // A cell names at most ten (a programme of a 10,000-tool roadmap drops 500 tools and answers
  // 3,000 findings); audit.json keeps every one.
  const some = (items: string[]) => firstOf(items, 10, (count) => t('assess.more', { count }));
  const a = result.assessment;
  const m = a.metrics;
  const org = result.organization || result.workspace;

  const summary: ReportContent['summary'] = [
    { label: t('report.card.level'), value: t(`level.${a.level}`), tone: a.level },
    { label: t('report.card.score'), value: t('report.score-of', { score: a.score }) },
    { label: t('report.card.findings'), value: String(result.findings.length), tone: worstSeverity(result.findings) },
    { label: t('report.card.tools'), value: String(result.summary.tools) },
    { label: t('report.card.touchpoints'), value: String(result.summary.touchpoints) },
    { label: t('report.card.integrations'), value: String(result.summary.integrations) },
    { label: t('report.card.spend'), value: money(result.summary.annualCost) },
  ];
  if (m.redundantSpend > 0) summary.push({ label: t('report.card.saving'), value: money(m.redundantSpend), tone: 'saving' });

  // ---- 1. touchpoints ------------------------------------------------------------------------
  const tpRows: Cell[][] = [];
  for (const s of result.stages) {
    if (s.touchpoints.length === 0) {
      tpRows.push([{ text: stageLabel(ws, s.id, tr), strong: true }, { text: t('report.no-touchpoint'), muted: true }, '', '', '', '']);
      continue;
    }
    s.touchpoints.forEach((tp, i) => {
      const flags = join([tp.realtime ? t('report.flag.realtime') : '', tp.inScope ? '' : t('report.flag.out-of-scope')].filter(Boolean));
      tpRows.push([
        i === 0 ? { text: stageLabel(ws, s.id, tr), strong: true } : '',
        tp.name,
        channelName(tp.channel, tr),
        tp.tools.length ? join(tp.tools.map(toolName)) : { text: t('report.no-tools'), muted: true },
        join(tp.captures.map(dataTypeName)),
        flags,
      ]);
    });
  }
  const step1: Section = {
    id: 'touchpoints', title: t('report.step1'),
    blocks: [
      { type: 'p', text: t('report.step1.intro', {
        touchpoints: tCount('report.n-touchpoints', result.summary.touchpoints, { count: result.summary.touchpoints }),
        stages: tCount('report.n-stages', result.stages.length, { count: result.stages.length }),
      }) },
      { type: 'matrix' },
      { type: 'diagram', kind: 'journey', markdownOnly: true },
      { type: 'table', table: {
        id: 'touchpoint-table',
        columns: [{ title: t('report.col.stage') }, { title: t('report.col.touchpoint'), wide: true }, { title: t('report.col.channel'), nowrap: true },
          { title: t('report.col.tools'), wide: true }, { title: t('report.col.captures') }, { title: t('report.col.notes') }],
        ...capped(tpRows, 'touchpoints'),
      } },
    ],
  };

  // ---- 2. inventory --------------------------------------------------------------------------
  // (r2) The inventory says what the roadmap does with each tool it drops (pictures and words agree).
  const dropped = new Set(result.roadmap.initiatives.flatMap((i) => i.drop ?? []));
  // A large inventory shows the tools that cost the most (report/summarise.ts).
  const byId = [...result.inventory].sort((x, y) => cmp(x.id, y.id));
  const invShown = byId.length > ROWS_SHOWN
    ? byId.sort((x, y) => (y.annualCost ?? -1) - (x.annualCost ?? -1) || cmp(x.id, y.id)).slice(0, ROWS_SHOWN) : byId;
  const invRows: Cell[][] = invShown.map((x) => {
    const tags = join([
      x.hub ? t('report.tag.hub') : '', x.status !== 'active' ? t(`report.status.${x.status}`) : '',
      dropped.has(x.id) && x.status !== 'retiring' && x.status !== 'retired' ? t('report.tag.dropped') : '',
    ].filter(Boolean));
    const seats = x.seats?.licensed !== undefined
      ? `${x.seats.active ?? '?'} / ${x.seats.licensed}${x.seats.usage !== undefined ? ` (${formatPercent(x.seats.usage)})` : ''}`
      : '';
    return [
      { text: x.name, strong: x.hub },
      x.category ? categoryNameIn(x.category, tr.lang) : '',
      x.owner ? dept(x.owner) : { text: t('report.no-owner'), muted: true },
      tags,
      String(x.touchpoints.length),
      join(x.data.map(dataTypeName)),
      x.annualCost !== undefined ? money(x.annualCost) : { text: t('report.unknown'), muted: true },
      seats,
    ];
  });
  const unknownCost = result.inventory.filter((x) => x.costUnknown || (x.annualCost === undefined && x.status !== 'retired')).length;
  const step2: Section = {
    id: 'inventory', title: t('report.step2'),
    blocks: [
      { type: 'p', text: tCount(unknownCost ? 'report.step2.intro-unknown' : 'report.step2.intro', result.summary.tools, {
        tools: result.summary.tools, spend: money(result.summary.annualCost), unknown: unknownCost,
      }) },
      { type: 'table', table: {
        id: 'inventory-table',
        columns: [{ title: t('report.col.tool'), wide: true }, { title: t('report.col.category') }, { title: t('report.col.owner') },
          { title: t('report.col.status'), nowrap: true }, { title: t('report.col.touchpoints'), numeric: true }, { title: t('report.col.data') },
          { title: t('report.col.cost'), numeric: true }, { title: t('report.col.seats'), numeric: true }],
        rows: invRows,
        ...(invShown.length < result.inventory.length ? { more: moreNote(invShown.length, result.inventory.length, 'tools', tr) } : {}),
      } },
      { type: 'diagram', kind: 'dataflow' },
      { type: 'diagram', kind: 'portfolio' },
    ],
  };

  // ---- 3. findings ---------------------------------------------------------------------------
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const shownFindings = firstRows(result.findings).rows;
  const findingRows: Cell[][] = shownFindings.map((f) => [
    { text: t(`report.severity.${f.severity}`), severity: f.severity },
    { text: ruleTitle(f.rule, tr.lang) },
    f.message,
    f.recommendation,
    f.cost !== undefined ? money(f.cost) : '',
  ]);
  const step3: Section = {
    id: 'findings', title: t('report.step3'),
    blocks: [
      { type: 'p', text: result.findings.length
        ? tCount('report.step3.intro', result.findings.length, { count: result.findings.length, bySeverity: SEVERITIES.slice().reverse().filter((s) => counts[s]).map((s) => t('report.severity-count', { count: counts[s], severity: t(`report.severity.${s}`) })).join(tr.lang === 'ja' ? '、' : ', ') })
        : t('report.step3.none') },
      // A summarised list starts with the totals of each problem (report/summarise.ts).
      ...(shownFindings.length < result.findings.length ? [{ type: 'h3' as const, text: t('scale.by-rule') }, { type: 'table' as const, table: byRuleTable() }] : []),
      ...(result.findings.length ? [{ type: 'table' as const, table: {
        id: 'findings-table',
        columns: [{ title: t('report.col.severity'), nowrap: true }, { title: t('deliverable.col.problem') }, { title: t('report.col.finding'), wide: true },
          { title: t('report.col.recommendation'), wide: true }, { title: t('report.col.money'), numeric: true }],
        rows: findingRows,
        rowMeta: shownFindings.map((f) => ({ severity: f.severity, id: `finding-${f.id}` })),
        ...(shownFindings.length < result.findings.length ? { more: moreNote(shownFindings.length, result.findings.length, 'findings', tr) } : {}),
      } }] : []),
      { type: 'diagram', kind: 'overlap' },
    ],
  };

  // ---- 4. assessment -------------------------------------------------------------------------
  const step4Blocks: Block[] = [
    { type: 'callout', level: a.level, title: t('report.level-line', { level: t(`level.${a.level}`), score: a.score }), text: a.meaning ?? t(`level.${a.level}.meaning`) },
  ];
  if (a.override && a.computedLevel) {
    step4Blocks.push({ type: 'p', text: t('report.override', { computed: t(`level.${a.computedLevel}`), rationale: a.override.rationale }) });
  }
  const ratio = (share: number, part?: number, total?: number) => (part !== undefined && total !== undefined
    ? t('report.ratio', { share: formatPercent(share), part, total }) : formatPercent(share));
  const figures: [string, string][] = [
    [t('report.fig.siloed'), ratio(m.siloedShare, m.siloedTools, m.customerDataTools)],
    [t('report.fig.redundant'), `${money(m.redundantSpend)} (${formatPercent(m.redundantShare)})`],
    [t('report.fig.spend'), money(m.totalSpend ?? result.summary.annualCost)],
    [t('report.fig.overlaps'), String(m.overlappingCapabilities)],
    [t('report.fig.hubs'), m.hubs ? `${m.hubs}: ${join(((result.summary.hubs as string[] | undefined) ?? []).map(toolName))}` : '0'],
    [t('report.fig.manual'), String(m.manualIntegrations)],
  ];
  if (a.coverage) {
    figures.push([t('report.fig.coverage'), ratio(a.coverage.dataTypes.share, a.coverage.dataTypes.reaching, a.coverage.dataTypes.total)]);
    figures.push([t('report.fig.tp-coverage'), ratio(a.coverage.touchpointData.share, a.coverage.touchpointData.reaching, a.coverage.touchpointData.total)]);
  }
  if (a.completeness) figures.push([t('report.fig.completeness'), formatPercent(a.completeness.share)]);
  step4Blocks.push({ type: 'h3', text: t('report.figures') }, { type: 'kv', rows: figures });
  if (a.reasons.length) step4Blocks.push({ type: 'h3', text: t('report.why') }, { type: 'list', items: a.reasons });
  if (a.scoreBreakdown?.length) {
    step4Blocks.push({ type: 'h3', text: t('report.score-how') }, {
      type: 'list', items: a.scoreBreakdown.map((s) => `${s.points > 0 ? '+' : ''}${s.points}: ${s.reason}`),
    });
  }
  if (a.questions?.length) {
    step4Blocks.push({ type: 'h3', text: t('report.questions') }, {
      type: 'list', items: a.questions.map((q) => `${aboutName(q.about)}: ${q.text}${q.ask ? ` (${t('report.ask', { department: dept(q.ask) })})` : ''}`),
    });
  }
  const step4: Section = { id: 'assessment', title: t('report.step4'), blocks: step4Blocks };

  // ---- 5. roadmap ----------------------------------------------------------------------------
  const r = result.roadmap;
  const initiatives = r.initiatives.filter((i) => i.status !== 'rejected');
  const step5Blocks: Block[] = [
    { type: 'p', text: tCount(r.start ? 'report.step5.intro' : 'report.step5.intro-nodate', initiatives.length, {
      count: initiatives.length, review: t(`report.review.${r.review}`), start: r.start ?? '', saving: money(r.totalSaving ?? 0),
    }) },
    ...(typeof r.decidedSaving === 'number' && r.decidedSaving ? [{ type: 'p' as const, text: t('report.step5.decided', { saving: money(r.decidedSaving) }), muted: true }] : []),
    { type: 'diagram', kind: 'roadmap' },
  ];
  for (const phase of [1, 2, 3] as const) {
    const inPhase = initiatives.filter((i) => i.phase === phase);
    if (!inPhase.length) continue;
    step5Blocks.push({ type: 'h3', text: t(`diagram.roadmap.phase.${phase}`) });
    step5Blocks.push({ type: 'table', table: {
      id: `roadmap-phase-${phase}`,
      // Short values never wrap: a Japanese word would otherwise stack one character per line.
      columns: [{ title: t('report.col.initiative'), wide: true }, { title: t('report.col.kind'), nowrap: true }, { title: t('report.col.tools') },
        { title: t('report.col.owner') }, { title: t('report.col.when'), nowrap: tr.lang === 'ja' }, { title: t('report.col.saving'), numeric: true },
        { title: t('report.col.status'), nowrap: true }],
      ...capped(inPhase, 'roadmap', (i) => [
        { text: i.title, strong: i.source === 'authored' },
        t(`report.kind.${i.kind}`),
        join(some(i.tools.map(toolName))),
        [dept(i.owner), ...(i.stakeholders.length ? [t('report.with', { departments: list(i.stakeholders.map(dept)) })] : [])].filter(Boolean).join(' '),
        i.start ? t('report.when', { start: i.start, months: i.months }) : t('report.months', { months: i.months }),
        // (r2) A saving already decided (a tool already retiring) is shown muted, and said so beside the status.
        i.saving ? money(i.saving) : typeof i.decidedSaving === 'number' ? { text: money(i.decidedSaving), muted: true } : '',
        t(`report.istatus.${i.status}`) + (i.pilot ? `${tr.lang === 'ja' ? '、' : ', '}${t('report.pilot')}` : '')
          + (!i.saving && typeof i.decidedSaving === 'number' ? `${tr.lang === 'ja' ? '、' : ', '}${t('report.decided')}` : ''),
      ]),
    } });
  }
  if (!initiatives.length) step5Blocks.push({ type: 'p', text: t('report.no-initiatives'), muted: true });
  const renewals = (r.renewals as { name: string; month: string; cost?: number }[] | undefined) ?? [];
  if (renewals.length) {
    step5Blocks.push({ type: 'h3', text: t('report.renewals') }, {
      type: 'list', items: renewals.map((x) => `${x.month}: ${x.name}${x.cost !== undefined ? ` (${money(x.cost)})` : ''}`),
    });
  }
  const step5: Section = { id: 'roadmap', title: t('report.step5'), blocks: step5Blocks };
  // The customer's side (revision 2), only for a workspace that maps it: src/report/customer.ts.
  addCustomerSide(ws, result, { journey: step1, inventory: step2, assessment: step4 }, tr);

  // ---- appendix: where each finding comes from, which findings each initiative answers -------
  const appendixBlocks: Block[] = [{ type: 'p', text: t('deliverable.appendix.intro'), muted: true }];
  if (result.findings.length) {
    appendixBlocks.push({ type: 'h3', text: t('deliverable.appendix.findings') }, { type: 'table', table: {
      id: 'appendix-findings',
      columns: [{ title: t('deliverable.col.id') }, { title: t('deliverable.col.rule-id'), nowrap: true }, { title: t('report.col.severity'), nowrap: true },
        { title: t('deliverable.col.source') }],
      ...capped(result.findings, 'findings', (f) => [
        { text: f.id, code: true }, { text: f.rule, code: true }, { text: t(`report.severity.${f.severity}`), severity: f.severity },
        f.location ? { text: `${shortFile(f.location.file)}:${f.location.line}`, code: true } : '',
      ]),
    } });
  }
  const answering = initiatives.filter((i) => i.addresses.length);
  if (answering.length) {
    appendixBlocks.push({ type: 'h3', text: t('deliverable.appendix.initiatives') }, { type: 'table', table: {
      id: 'appendix-initiatives',
      columns: [{ title: t('deliverable.col.initiative'), wide: true }, { title: t('deliverable.col.findings'), wide: true }],
      ...capped(answering, 'roadmap', (i) => [i.title, { text: some(i.addresses).join(', '), code: true }]),
    } });
  }
  const appendix: Section = { id: 'appendix', title: t('deliverable.appendix'), blocks: appendixBlocks };

  return {
    lang: tr.lang,
    title: t('report.title', { organization: org }),
    organization: org,
    workspace: result.workspace,
    generator: t('report.generator', { version: opts.version, workspace: result.workspace }),
    summary,
    level: a.level,
    sections: [step1, step2, step3, step4, step5],
    cover: buildCover(ws, result, opts.cover ?? {}, tr),
    executive: buildSummary(ws, result, tr),
    matrix: journeyMatrix(ws, result, tr),
    timeline: roadmapTimeline(result, opts.today, tr),
    ...(opts.since ? { since: opts.since } : {}),
    appendix,
  };

  /** The rows of a table, the first ROWS_SHOWN of a long one with the line that says so (report/summarise.ts). */
  function capped<T>(items: readonly T[], order: string, row?: (item: T) => Cell[]): Pick<Table, 'rows' | 'more'> {
    const { rows, omitted } = firstRows(items);
    return {
      rows: row ? rows.map(row) : (rows as unknown as Cell[][]),
      ...(omitted ? { more: moreNote(rows.length, items.length, order, tr) } : {}),
    };
  }

  /** Findings per problem (rule), the most severe first: the totals of a summarised list. */
  function byRuleTable(): Table {
    const groups = new Map<string, { rule: string; severity: Severity; count: number; cost: number }>();
    for (const f of result.findings) {
      const key = `${f.rule}\u0000${f.severity}`;
      const g = groups.get(key) ?? { rule: f.rule, severity: f.severity, count: 0, cost: 0 };
      g.count++;
      g.cost += f.cost ?? 0;
      groups.set(key, g);
    }
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    const rows = [...groups.values()].sort((x, y) => rank(y.severity) - rank(x.severity) || y.count - x.count || cmp(x.rule, y.rule));
    return {
      id: 'findings-by-rule',
      columns: [{ title: t('report.col.severity'), nowrap: true }, { title: t('deliverable.col.problem'), wide: true },
        { title: t('scale.col.count'), numeric: true }, { title: t('report.col.money'), numeric: true }],
      rows: rows.map((g) => [
        { text: t(`report.severity.${g.severity}`), severity: g.severity }, ruleTitle(g.rule, tr.lang),
        formatNumberIn(g.count, tr.lang), g.cost ? money(g.cost) : '',
      ]),
    };
  }

  /** A file as the reader of this workspace knows it: relative to the workspace folder. */
  function shortFile(file: string): string {
    const dir = resolve(ws.kind === 'file' ? dirname(ws.path) : ws.path);
    const rel = relative(dir, resolve(file));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
  }

  function aboutName(about: string): string {
    if (about === 'organization') return org;
    const [kind, id] = [about.slice(0, about.indexOf(':')), about.slice(about.indexOf(':') + 1)];
    if (kind === 'tool') return toolName(id);
    if (kind === 'touchpoint') return tpName(id);
    return about;
  }
}

function worstSeverity(findings: readonly Finding[]): string | undefined {
  for (const s of [...SEVERITIES].reverse()) if (findings.some((f) => f.severity === s)) return s;
  return undefined;
}
