// `martech-audit explain [rule]`: a rule's documentation (what it checks, why it matters, how to
// fix it, an example that triggers it), or the list of all rules with their default severities.
import Table from 'cli-table3';
import { displayWidth as stringWidth } from '../../util/width.js';
import { currentLang, t } from '../../i18n/index.js';
import { RULES, isRuleId } from '../../analysis/rules/index.js';
import { RULE_IDS } from '../../analysis/rules/index.js';
import { applyWorkspaceLang, type GlobalOptions } from '../context.js';
import { chalk, setupColor, write } from '../output.js';
import { UsageError } from '../../util/errors.js';
import { closest } from '../../util/suggest.js';
import { wrap } from '../../report/text.js';

export async function run(ruleId: string | undefined, _opts: unknown, globals: GlobalOptions): Promise<void> {
  await applyWorkspaceLang(undefined, globals);
  setupColor(globals);
  const width = process.stdout.isTTY ? Math.min(Math.max(process.stdout.columns || 80, 60), 100) : 80;
  if (!ruleId) {
    write(listRules(width));
    return;
  }
  if (!isRuleId(ruleId)) {
    const guess = closest(ruleId, RULE_IDS);
    throw new UsageError(t('explain.unknown', { id: ruleId }), guess ? t('explain.unknown.suggest', { value: guess }) : t('explain.unknown.hint'));
  }
  write(explainRule(ruleId, width));
}

const para = (text: string, width: number, indent = 2): string =>
  wrap(text, width - indent).map((l) => ' '.repeat(indent) + l).join('\n');

export function explainRule(id: (typeof RULE_IDS)[number], width = 80): string {
  const rule = RULES[id];
  // The command's language (set by applyWorkspaceLang), like its own lines.
  const d = rule.docsIn(currentLang());
  const out: string[] = [];
  out.push(`${chalk.bold(id)}  ${d.title}`);
  const meta = [t('explain.severity', { severity: t(`explain.sev.${rule.defaultSeverity}`) })];
  if (rule.defaultThreshold !== undefined) meta.push(t('explain.threshold', { threshold: rule.defaultThreshold }));
  out.push(chalk.dim(meta.join(' · ')), '');
  out.push(chalk.bold(t('explain.checks')), para(d.summary, width), '');
  out.push(chalk.bold(t('explain.why')), para(d.why, width), '');
  out.push(chalk.bold(t('explain.fix')), para(d.fix, width), '');
  out.push(chalk.bold(t('explain.example')));
  out.push(d.example.trimEnd().split('\n').map((l) => `  ${chalk.cyan(l)}`).join('\n'), '');
  out.push(chalk.dim(para(t('explain.configure', { id }), width, 0)));
  return out.join('\n');
}

export function listRules(width = 80): string {
  const sev = (id: (typeof RULE_IDS)[number]) => t(`explain.sev.${RULES[id].defaultSeverity}`);
  const head = [t('explain.col.rule'), t('explain.col.severity'), t('explain.col.title')];
  const w0 = Math.max(stringWidth(head[0]), ...RULE_IDS.map((id) => stringWidth(id))) + 2;
  const w1 = Math.max(stringWidth(head[1]), ...RULE_IDS.map((id) => stringWidth(sev(id)))) + 2;
  const w2 = Math.max(16, width - w0 - w1 - 4);
  const table = new Table({
    head: head.map((h) => chalk.bold(h)), colWidths: [w0, w1, w2], style: { head: [], border: [] }, wordWrap: false,
  });
  for (const id of RULE_IDS) table.push([id, sev(id), wrap(RULES[id].docsIn(currentLang()).title, w2 - 2).join('\n')]);
  return [chalk.bold(t('explain.list-title', { count: RULE_IDS.length })), table.toString(), chalk.dim(t('explain.more'))].join('\n');
}
