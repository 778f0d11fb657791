// The cover and the one-page executive summary of the client deliverable, as data: the HTML, the
// Markdown and the deck each draw it their own way. Pure: the date comes in (--date,
// settings.report.date, or the caller's clock), nothing here reads the clock.
import type { Lang, Translator } from '../i18n/index.js';
import { capabilityNameIn } from '../catalog/index.js';
import { formatMoney as formatMoneyIn } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { EntityRef, Finding, Initiative } from '../analysis/types.js';
import { departmentName, type Workspace } from '../model/model.js';
import { dataTypeLabel, stageLabel } from '../model/names.js';
import { deptLabel } from '../diagrams/common.js';
import { SEVERITY_RANK, type Severity } from '../model/vocabulary.js';

export interface CoverOptions {
  /** YYYY-MM-DD; --date, else settings.report.date, else the caller's today. */
  date?: string;
  author?: string;
  firm?: string;
  confidentiality?: string;
}

export interface Cover {
  kicker: string;
  client: string;
  subtitle: string;
  /** Formatted for the output language ("15 January 2027", 2027年1月15日). */
  date?: string;
  author?: string;
  firm?: string;
  confidentiality: string;
}

export interface Problem { rule: string; severity: Severity; headline: string; detail: string; count: number; money?: string }
export interface PhaseBox { phase: 1 | 2 | 3; title: string; when?: string; items: string[]; more: number; saving?: string }

export interface ExecutiveSummary {
  level: string;
  levelName: string;
  score: number;
  levelLine: string;
  meaning: string;
  problems: Problem[];
  /** The heading over the problems, counted ("The two problems that matter most" when there are two). */
  problemsTitle: string;
  money: [string, string][];
  phases: PhaseBox[];
  decisions: string[];
}

/** The cover, from the options (flags win) and settings.report. */
export function buildCover(ws: Workspace, result: AnalysisResult, opts: CoverOptions, { t, lang }: Translator): Cover {
  const s = ws.settings.report ?? {};
  const client = result.organization || result.workspace;
  const date = opts.date ?? s.date;
  return {
    kicker: t('deliverable.cover.kicker'),
    client,
    subtitle: t('deliverable.cover.subtitle'),
    ...(date ? { date: formatDate(date, lang) } : {}),
    ...(opts.author ?? s.author ? { author: opts.author ?? s.author } : {}),
    ...(opts.firm ?? s.firm ? { firm: opts.firm ?? s.firm } : {}),
    confidentiality: opts.confidentiality ?? s.confidentiality ?? t('deliverable.cover.default-confidentiality', { client }),
  };
}

/** 2027-01-15 → "15 January 2027" / 2027年1月15日 (the calendar date as written, no time zone). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** "text (note)" / 「text（note）」. */
export function withNote(text: string, note: string, lang: Lang): string {
  return lang === 'ja' ? `${text}（${note}）` : `${text} (${note})`;
}

/** "label: value" / 「label：value」. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === 'ja' ? `${label}：${value}` : `${label}: ${value}`;
}

/** Names side by side: "a, b" / 「a、b」. */
export function joinNames(items: string[], lang: Lang): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

const MAX_NAMES = 3;
/** Rules about several tools at once: the headline names them all. */
const ALL_TOOLS_RULES = new Set(['isolated-cluster', 'disconnected-hubs', 'manual-integration']);
/** A lost opt-out or a breached restriction is a compliance problem now: first among problems of equal severity. */
const COMPLIANCE_RULES = new Set(['consent-not-synced', 'restricted-data-flow']);

export function buildSummary(ws: Workspace, result: AnalysisResult, tr: Translator): ExecutiveSummary {
  const { t, list } = tr;
  const currency = result.summary.currency;
  const money = (major: number) => formatMoneyIn(toMinor(major), currency, tr.lang);
  const a = result.assessment;
  const names = (items: string[]) => (items.length > MAX_NAMES
    ? list([...items.slice(0, MAX_NAMES), t('deliverable.more', { count: items.length - MAX_NAMES })])
    : list(items));

  // ---- the three problems: the rules with the worst findings (compliance first among equals), then
  // the most money, then the most findings. One problem is told once: a rule whose findings are all
  // answered by initiatives that already answer a problem above (retiring GoTo answers its silo, its
  // overlap and its redundancy) is that problem again, not another one.
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.severity === 'info') continue;
    const arr = byRule.get(f.rule);
    if (arr) arr.push(f);
    else byRule.set(f.rule, [f]);
  }
  const worst = (fs: Finding[]) => Math.max(...fs.map((f) => SEVERITY_RANK[f.severity]));
  const cost = (fs: Finding[]) => fs.reduce((s, f) => s + (f.cost ?? 0), 0);
  const compliance = (rule: string) => (COMPLIANCE_RULES.has(rule) ? 1 : 0);
  const ranked = [...byRule.entries()].sort(([ra, a1], [rb, b1]) => worst(b1) - worst(a1) || compliance(rb) - compliance(ra)
    || cost(b1) - cost(a1) || b1.length - a1.length || (ra < rb ? -1 : 1));
  const live = result.roadmap.initiatives.filter((i) => i.status !== 'rejected');
  const answering = new Map<string, Initiative[]>();
  for (const i of live) for (const id of i.addresses) answering.set(id, [...(answering.get(id) ?? []), i]);
  const told = new Set<string>();
  const chosen: [string, Finding[]][] = [];
  for (const entry of ranked) {
    if (chosen.length === 3) break;
    const fs = entry[1];
    const again = fs.every((f) => (answering.get(f.id) ?? []).some((i) => told.has(i.id)));
    if (again) continue;
    chosen.push(entry);
    for (const f of fs) for (const i of answering.get(f.id) ?? []) told.add(i.id);
  }
  const sepOf = tr.lang === 'ja' ? '。' : '. ';
  const endOf = tr.lang === 'ja' ? '。' : '.';
  const problems: Problem[] = chosen.map(([rule, fs]) => {
    const sorted = [...fs].sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || (y.cost ?? 0) - (x.cost ?? 0));
    const all = ALL_TOOLS_RULES.has(rule);
    const subjects = [...new Set(sorted.flatMap((f) => (all ? f.entities.filter((e) => e.kind === 'tool') : f.entities.slice(0, 1)))
      .map((e) => subjectName(ws, e, tr)).filter(Boolean))];
    const total = distinctCost(fs);
    // Several findings: what the roadmap does about all of them (the first one's advice would name
    // only its own tool under a headline that names them all).
    const steps = [...new Set(sorted.flatMap((f) => (answering.get(f.id) ?? []).map((i) => i.title)))];
    const detail = sorted.length > 1 && steps.length
      ? `${steps.slice(0, MAX_NAMES).join(sepOf)}${steps.length > MAX_NAMES ? `${sepOf}${t('deliverable.more', { count: steps.length - MAX_NAMES })}` : ''}${endOf}`
      : sorted[0].recommendation;
    return {
      rule,
      severity: sorted[0].severity,
      headline: t(`deliverable.problem.${rule}${choiceOf(rule, fs) ? '.choice' : ''}`, { names: names(subjects) }),
      detail,
      count: fs.length,
      ...(total > 0 ? { money: t('deliverable.money.at-stake', { money: money(total) }) } : {}),
    };
  });

  // ---- the money
  const initiatives = result.roadmap.initiatives.filter((i) => i.status !== 'rejected');
  const savingOf = (phase: number) => initiatives.filter((i) => i.phase === phase).reduce((s, i) => s + (i.saving ?? 0), 0);
  const moneyRows: [string, string][] = [
    [t('deliverable.money.spend'), money(a.metrics.totalSpend ?? result.summary.annualCost)],
    [t('deliverable.money.redundant'), money(a.metrics.redundantSpend)],
  ];
  // Savings by phase: when the roadmap saves anything, every phase it has (one that saves nothing
  // too: it is spend); a roadmap that saves nothing says so once, in the total.
  const anySaving = initiatives.some((i) => (i.saving ?? 0) > 0);
  for (const p of [1, 2, 3] as const) {
    const s = savingOf(p);
    if (anySaving && initiatives.some((i) => i.phase === p)) moneyRows.push([t('deliverable.money.saving-phase', { phase: t(`deliverable.phase.short.${p}`) }), money(s)]);
  }
  moneyRows.push([t('deliverable.money.saving-total'), money(initiatives.reduce((s, i) => s + (i.saving ?? 0), 0))]);

  // ---- the roadmap in one picture: three phases, their months, their initiatives and savings
  const highAnswers = new Set(result.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.high).map((f) => f.id));
  const weight = (i: Initiative) => (i.addresses.some((x) => highAnswers.has(x)) ? 2 : 0) + (i.source === 'authored' ? 1 : 0);
  const start = result.roadmap.start as string | undefined;
  const monthIndex = (m?: string) => (m && start ? (Number(m.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(m.slice(5, 7)) - Number(start.slice(5, 7)) : undefined);
  const phases: PhaseBox[] = ([1, 2, 3] as const).map((phase) => {
    const inPhase = initiatives.filter((i) => i.phase === phase)
      .sort((x, y) => weight(y) - weight(x) || (y.saving ?? 0) - (x.saving ?? 0));
    const firsts = inPhase.map((i) => monthIndex(i.start)).filter((x): x is number => x !== undefined);
    const lasts = inPhase.map((i) => (monthIndex(i.start) ?? NaN) + i.months - 1).filter((x) => !Number.isNaN(x));
    const saving = savingOf(phase);
    return {
      phase,
      title: t(`deliverable.phase.short.${phase}`),
      ...(firsts.length ? { when: Math.min(...firsts) === Math.max(...lasts) ? t('deliverable.phase.month', { month: Math.min(...firsts) + 1 }) : t('deliverable.phase.months', { from: Math.min(...firsts) + 1, to: Math.max(...lasts) + 1 }) } : {}),
      items: inPhase.slice(0, 4).map((i) => i.title),
      more: Math.max(0, inPhase.length - 4),
      ...(saving > 0 ? { saving: t('deliverable.phase.saving', { money: money(saving) }) } : {}),
    };
  });

  // ---- decisions: what is still only proposed, the most important first
  const decisions: string[] = [];
  if (a.override && a.computedLevel) {
    decisions.push(t('deliverable.decision.override', { level: t(`level.${a.level}`), computed: t(`level.${a.computedLevel}`) }));
  }
  const proposed = initiatives.filter((i) => i.status === 'proposed')
    .sort((x, y) => weight(y) - weight(x) || x.phase - y.phase || (y.saving ?? 0) - (x.saving ?? 0));
  const sep = tr.lang === 'ja' ? '、' : '; ';
  for (const i of proposed.slice(0, 5 - decisions.length)) {
    const extra = [
      i.owner ? t('deliverable.decision.owner', { owner: deptLabel(ws, i.owner) }) : '',
      i.saving ? t('deliverable.decision.saving', { money: money(i.saving) }) : '',
      i.pilot ? t('deliverable.decision.pilot') : '',
    ].filter(Boolean);
    const head = t('deliverable.decision', { title: i.title });
    decisions.push(extra.length ? withNote(head, extra.join(sep), tr.lang) : head);
  }

  return {
    level: a.level,
    levelName: t(`level.${a.level}`),
    score: a.score,
    levelLine: t('report.level-line', { level: t(`level.${a.level}`), score: a.score }),
    meaning: a.meaning ?? t(`level.${a.level}.meaning`),
    problems, problemsTitle: t(PROBLEMS_TITLE[Math.min(problems.length, 3)]), money: moneyRows, phases, decisions,
  };
}

/** The problems heading by how many problems there are: "three" over two would be a count the page contradicts. */
const PROBLEMS_TITLE = ['deliverable.summary.problems.none', 'deliverable.summary.problems.one', 'deliverable.summary.problems.two', 'deliverable.summary.problems'];

/** The money of several findings, each tool counted once (overlaps name the same tools). */
function distinctCost(fs: Finding[]): number {
  const seen = new Set<string>();
  let sum = 0;
  for (const f of fs) {
    if (!f.cost) continue;
    const key = f.entities.filter((e) => e.kind === 'tool').map((e) => e.id).sort().join('+') || f.id;
    if (seen.has(key)) continue;
    seen.add(key);
    sum += f.cost;
  }
  return sum;
}

/** What a finding is about, by its name in the client's words. */
export function subjectName(ws: Workspace, e: EntityRef | undefined, tr: Translator): string {
  if (!e) return '';
  switch (e.kind) {
    case 'tool': return ws.index.toolById.get(e.id)?.name ?? e.id;
    case 'touchpoint': return ws.index.touchpointById.get(e.id)?.name ?? e.id;
    case 'stage': return stageLabel(ws, e.id, tr);
    case 'capability': return capabilityNameIn(e.id, tr.lang);
    case 'data': return dataTypeLabel(ws, e.id, tr);
    case 'department': return departmentName(ws, e.id);
    case 'persona': return ws.index.personaById.get(e.id)?.name ?? e.id;
    default: return '';
  }
}

/** Today as YYYY-MM-DD in local time (the clock is injected for tests). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Consent that is not only refusals (opt-ins, preferences) is a choice either way: the headline
 * says "consent choices", as the findings do, not "opt-outs" of tools that record opt-ins.
 */
function choiceOf(rule: string, fs: readonly Finding[]): boolean {
  return rule === 'consent-not-synced' && fs.some((f) => f.messageId?.endsWith('.choice') === true);
}
