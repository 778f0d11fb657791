// What is already in a workspace, in a few lines, when an interview starts on it.
import { t, list } from '../i18n/index.js';
import { chalk, padEnd } from '../cli/output.js';
import { UNKNOWN } from './answers.js';
import { departments } from './ask.js';
import type { WorkspaceEditor } from './workspace-editor.js';
import type { StageInfo } from './steps/stages.js';
import { tCount } from '../i18n/index.js';

export function summaryLines(ed: WorkspaceEditor, stages: StageInfo[]): string[] {
  const raw = ed.raw();
  const rows: [string, string][] = [];
  const org = raw.organization;
  const depts = departments(raw);
  if (org?.name) {
    rows.push([t('interview.sum.organization'), [org.name, org.currency, depts.length ? tCount('interview.sum.departments', depts.length, { count: depts.length }) : ''].filter(Boolean).join(' · ')]);
  }
  rows.push([t('interview.sum.stages'), stages.map((s) => s.name).join(' → ') + (raw.stages?.length ? '' : chalk.dim(` ${t('interview.sum.default')}`))]);
  const perStage = stages.map((s) => [s.name, raw.touchpoints.filter((x) => x.stage === s.id).length] as const).filter(([, n]) => n > 0);
  rows.push([t('interview.sum.touchpoints'), `${raw.touchpoints.length}${perStage.length ? chalk.dim(`  (${perStage.map(([n, c]) => `${n} ${c}`).join(' · ')})`) : ''}`]);
  const gaps: string[] = [];
  const noOwner = raw.tools.filter((x) => !x.owner).length;
  const noCost = raw.tools.filter((x) => x.cost === undefined || x.cost === UNKNOWN).length;
  const noData = raw.tools.filter((x) => x.data === undefined).length;
  if (noOwner) gaps.push(t('interview.sum.no-owner', { count: noOwner }));
  if (noCost) gaps.push(t('interview.sum.no-cost', { count: noCost }));
  if (noData) gaps.push(t('interview.sum.no-data', { count: noData }));
  rows.push([t('interview.sum.tools'), `${raw.tools.length}${gaps.length ? chalk.yellow(`  (${list(gaps)})`) : ''}`]);
  rows.push([t('interview.sum.integrations'), String(raw.integrations.length)]);
  if (raw.questions.length) rows.push([t('interview.sum.questions'), String(raw.questions.length)]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const out = rows.map(([k, v]) => `  ${padEnd(k, width)}${v}`);
  const errors = ed.last.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) out.push(chalk.yellow(`  ${tCount('interview.sum.errors', errors, { count: errors, path: ed.shown })}`));
  return out;
}
