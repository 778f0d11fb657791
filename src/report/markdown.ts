// report.md: the report's content (content.ts) as Markdown: the five steps, tables and Mermaid code
// blocks, readable on GitHub and GitLab as is.
import type { Translator } from '../i18n/index.js';
import type { Diagram } from '../diagrams/types.js';
import type { Cell, ReportContent, Table } from './blocks.js';
import { coverMarkdown, sinceMarkdown, summaryMarkdown } from './deliverable-md.js';

/** Escapes text for Markdown (tables included): every character Markdown or HTML would read. */
export function mdText(value: string): string {
  return String(value)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`)
    // What only matters at the start of a line: list markers and numbered lists.
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function mdCell(cell: Cell): string {
  if (typeof cell === 'string') return mdText(cell);
  if (cell.code) return cell.text ? `\`${cell.text.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : '';
  const text = mdText(cell.text);
  if (!text) return '';
  if (cell.strong) return `**${text}**`;
  if (cell.muted) return `_${text}_`;
  return text;
}

function mdTable(table: Table): string[] {
  const head = `| ${table.columns.map((c) => mdText(c.title)).join(' | ')} |`;
  const sep = `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  const rows = table.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return table.more ? [head, sep, ...rows, '', `_${mdText(table.more)}_`] : [head, sep, ...rows];
}

/** report.md: headings, tables and ```mermaid blocks (diagrams by kind). */
export function renderMarkdown(content: ReportContent, diagrams: readonly Diagram[], tr: Translator): string {
  const { t } = tr;
  const byKind = new Map(diagrams.map((d) => [d.kind, d]));
  const out: string[] = [`# ${mdText(content.title)}`, '', ...coverMarkdown(content.cover, mdText, tr)];
  out.push(`| ${content.summary.map((s) => mdText(s.label)).join(' | ')} |`);
  out.push(`| ${content.summary.map(() => '---').join(' | ')} |`);
  out.push(`| ${content.summary.map((s) => `**${mdText(s.value)}**`).join(' | ')} |`, '');
  const toc = [t('deliverable.summary'), ...(content.since ? [t('deliverable.since')] : []), ...content.sections.map((s) => s.title), content.appendix.title];
  out.push(`**${mdText(t('report.contents'))}:** ${toc.map((s) => `[${mdText(s)}](#${anchor(s)})`).join(' · ')}`, '');
  out.push(...summaryMarkdown(content.executive, mdText, tr));
  if (content.since) out.push(...sinceMarkdown(content.since, mdText, tr));
  for (const section of [...content.sections, content.appendix]) {
    out.push(`## ${mdText(section.title)}`, '');
    for (const b of section.blocks) {
      switch (b.type) {
        case 'p': out.push(b.muted ? `_${mdText(b.text)}_` : mdText(b.text), ''); break;
        case 'h3': out.push(`### ${mdText(b.text)}`, ''); break;
        case 'list': out.push(...b.items.map((i) => `- ${mdText(i)}`), ''); break;
        case 'kv': out.push(`| ${mdText(t('report.col.figure'))} | ${mdText(t('report.col.value'))} |`, '| --- | ---: |',
          ...b.rows.map(([k, v]) => `| ${mdText(k)} | ${mdText(v)} |`), ''); break;
        case 'callout': out.push(`> **${mdText(b.title)}**  `, `> ${mdText(b.text)}`, ''); break;
        case 'table': out.push(...mdTable(b.table), ''); break;
        case 'diagram': {
          const d = byKind.get(b.kind);
          if (!d) break;
          out.push(`**${mdText(d.title)}**`, '', '```mermaid', d.source.trimEnd(), '```', '');
          for (const n of d.notes) out.push(`_${mdText(n)}_`, '');
          break;
        }
        case 'matrix': break;
      }
    }
  }
  out.push(`_${mdText(content.generator)}_`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped. */
function anchor(title: string): string {
  return title.toLowerCase().trim().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}
