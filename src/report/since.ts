// `report --since <revision or file>`: a page on what changed since the last review. A git
// revision is loaded and compared by `diff` (src/diff: findings resolved and new, spend, level and
// score); a file is an earlier audit.json / `analyze --format json` (everything) or a baseline
// from `analyze --write-baseline` (findings only). Initiatives done: done now, not done then.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Translator } from '../i18n/index.js';
import { formatMoney as formatMoneyIn } from '../i18n/format.js';
import { toMinor } from '../analysis/money.js';
import type { AuditResult } from '../analysis/types.js';
import type { DiffResult } from '../diff/types.js';
import { UsageError } from '../util/errors.js';

export interface SinceView {
  intro: string;
  /** [figure, then, now] */
  figures: [string, string, string][];
  resolved: string[];
  added: string[];
  done: string[];
  realised: string;
}

/** What an earlier side gives: a full audit, or only finding ids (a baseline). */
export interface EarlierAudit {
  label: string;
  level?: string;
  score?: number;
  annualCost?: number;
  findings: { id: string; message?: string }[];
  initiatives?: { id: string; title?: string; status?: string }[];
  /** The diff's own figures (revision sides). */
  diff?: DiffResult;
}

/** Reads a --since file: an audit JSON or a baseline. Undefined when the value is not a file. */
export function readEarlierFile(value: string, { t }: Translator): EarlierAudit | undefined {
  if (!existsSync(value) || !statSync(value).isFile()) return undefined;
  let doc: any;
  try {
    doc = JSON.parse(readFileSync(value, 'utf8'));
  } catch (err) {
    throw new UsageError(t('deliverable.since.bad', { value, reason: (err as Error).message }), t('deliverable.since.bad.hint'));
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.findings) || doc.findings.some((f: any) => typeof f?.id !== 'string')) {
    throw new UsageError(t('deliverable.since.bad', { value, reason: 'no findings[].id' }), t('deliverable.since.bad.hint'));
  }
  return {
    label: value,
    level: typeof doc.assessment?.level === 'string' ? doc.assessment.level : undefined,
    score: typeof doc.assessment?.score === 'number' ? doc.assessment.score : undefined,
    annualCost: typeof doc.summary?.annualCost === 'number' ? doc.summary.annualCost : undefined,
    findings: doc.findings.map((f: any) => ({ id: f.id, ...(typeof f.message === 'string' ? { message: f.message } : {}) })),
    ...(Array.isArray(doc.roadmap?.initiatives) ? { initiatives: doc.roadmap.initiatives } : {}),
  };
}

/** An earlier side from `diff`'s comparison of a revision with the workspace. */
export function earlierFromDiff(d: DiffResult, old: AuditResult): EarlierAudit {
  return {
    // "HEAD~1 (6921d23)"; a revision given as a hash is not repeated.
    label: d.old.commit && !d.old.commit.startsWith(d.old.label) ? `${d.old.label} (${d.old.commit.slice(0, 7)})` : d.old.label,
    level: d.assessment.before.level,
    score: d.assessment.before.score,
    annualCost: d.annualCost.before,
    findings: old.findings.map((f) => ({ id: f.id, message: f.message })),
    initiatives: old.roadmap.initiatives,
    diff: d,
  };
}

export function sinceView(before: EarlierAudit, now: AuditResult, tr: Translator): SinceView {
  const { t } = tr;
  const currency = now.summary.currency;
  const money = (major: number) => formatMoneyIn(toMinor(major), currency, tr.lang);
  const dash = '—';
  const level = (l?: string) => (l ? t(`level.${l}`) : dash);
  const nowIds = new Set(now.findings.map((f) => f.id));
  const beforeIds = new Set(before.findings.map((f) => f.id));
  const resolved = before.diff
    ? before.diff.findings.resolved.map((f) => f.message)
    : before.findings.filter((f) => !nowIds.has(f.id)).map((f) => f.message ?? f.id);
  const added = before.diff
    ? before.diff.findings.introduced.map((f) => f.message)
    : now.findings.filter((f) => !beforeIds.has(f.id)).map((f) => f.message);
  const doneBefore = new Set((before.initiatives ?? []).filter((i) => i.status === 'done').map((i) => i.id));
  const doneNow = now.roadmap.initiatives.filter((i) => i.status === 'done' && !doneBefore.has(i.id));
  const realised = doneNow.reduce((s, i) => s + (i.saving ?? 0), 0);
  const cost = before.diff ? before.diff.annualCost.before : before.annualCost;
  return {
    intro: t('deliverable.since.intro', { base: before.label }),
    figures: [
      [t('deliverable.since.level'), level(before.level), level(now.assessment.level)],
      [t('deliverable.since.score'), before.score !== undefined ? t('report.score-of', { score: before.score }) : dash, t('report.score-of', { score: now.assessment.score })],
      [t('deliverable.since.findings'), String(before.findings.length), String(now.findings.length)],
      [t('deliverable.since.spend'), cost !== undefined ? money(cost) : dash, money(now.summary.annualCost)],
    ],
    resolved, added,
    done: doneNow.map((i) => i.title),
    realised: realised > 0 ? t('deliverable.since.realised', { money: money(realised) }) : t('deliverable.since.realised-none'),
  };
}
