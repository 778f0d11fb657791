// The client-facing parts of report.md: the cover lines, the executive summary and the "since the
// last review" section (Markdown that reads on GitHub and GitLab as is).
import type { Translator } from '../i18n/index.js';
import { joinNames, labelled, withNote, type Cover, type ExecutiveSummary } from './summary.js';
import type { SinceView } from './since.js';

type Md = (s: string) => string;

export function coverMarkdown(cover: Cover, md: Md, { t, lang }: Translator): string[] {
  const who = joinNames([cover.author, cover.firm].filter((x): x is string => Boolean(x)), lang);
  const lines = [`**${md(cover.subtitle)}**`, ''];
  const meta = [
    md(labelled(t('deliverable.cover.prepared-for'), cover.client, lang)),
    who ? md(labelled(t('deliverable.cover.prepared-by'), who, lang)) : '',
    cover.date ? md(labelled(t('deliverable.cover.date'), cover.date, lang)) : '',
  ].filter(Boolean);
  lines.push(meta.join(' · '), '', `_${md(cover.confidentiality)}_`, '');
  return lines;
}

export function summaryMarkdown(s: ExecutiveSummary, md: Md, { t, lang }: Translator): string[] {
  const out = [`## ${md(t('deliverable.summary'))}`, '', `> **${md(s.levelLine)}**  `, `> ${md(s.meaning)}`, ''];
  out.push(`### ${md(s.problemsTitle)}`, '');
  if (s.problems.length) {
    s.problems.forEach((p, i) => out.push(`${i + 1}. **${md(p.headline)}**  `, `   ${md(p.money ? withNote(p.detail, p.money, lang) : p.detail)}`));
  } else {
    out.push(md(t('deliverable.summary.no-problems')));
  }
  out.push('', `### ${md(t('deliverable.summary.money'))}`, '', `| ${md(t('report.col.figure'))} | ${md(t('report.col.value'))} |`, '| --- | ---: |');
  for (const [k, v] of s.money) out.push(`| ${md(k)} | ${md(v)} |`);
  out.push('', `### ${md(t('deliverable.summary.roadmap'))}`, '');
  for (const p of s.phases) {
    const facts = joinNames([p.when, p.saving].filter((x): x is string => Boolean(x)), lang);
    const head = `**${md(`${p.phase}. ${p.title}`)}**`;
    out.push(`- ${facts ? withNote(head, md(facts), lang) : head}`);
    if (p.items.length) out.push(...p.items.map((x) => `  - ${md(x)}`));
    else out.push(`  - _${md(t('deliverable.phase.empty'))}_`);
    if (p.more) out.push(`  - _${md(t('deliverable.more', { count: p.more }))}_`);
  }
  out.push('');
  out.push(`### ${md(t('deliverable.summary.decisions'))}`, '');
  if (s.decisions.length) s.decisions.forEach((d, i) => out.push(`${i + 1}. ${md(d)}`));
  else out.push(md(t('deliverable.summary.no-decisions')));
  out.push('');
  return out;
}

export function sinceMarkdown(v: SinceView, md: Md, { t }: Translator): string[] {
  const out = [`## ${md(t('deliverable.since'))}`, '', md(v.intro), ''];
  out.push(`|  | ${md(t('deliverable.since.before'))} | ${md(t('deliverable.since.after'))} |`, '| --- | --- | --- |');
  for (const [k, a, b] of v.figures) out.push(`| ${md(k)} | ${md(a)} | **${md(b)}** |`);
  out.push('');
  const list = (title: string, items: string[]) => {
    out.push(`### ${md(title)}`, '');
    if (items.length) out.push(...items.map((i) => `- ${md(i)}`));
    else out.push(`_${md(t('deliverable.since.none'))}_`);
    out.push('');
  };
  list(t('deliverable.since.resolved', { count: v.resolved.length }), v.resolved);
  list(t('deliverable.since.new', { count: v.added.length }), v.added);
  list(t('deliverable.since.done', { count: v.done.length }), v.done);
  out.push(`**${md(v.realised)}**`, '');
  return out;
}
