// The report's content model: blocks (headings, paragraphs, tables, diagrams, the journey matrix)
// that the Markdown, HTML and deck renderers each draw their own way. content.ts builds it from the
// analysis result; markdown.ts, html.ts and pptx.ts draw it.
import type { Lang } from '../i18n/index.js';
import type { DiagramKind } from '../diagrams/types.js';
import type { Severity } from '../model/vocabulary.js';
import type { Cover, ExecutiveSummary } from './summary.js';
import type { MatrixStage } from './journey-matrix.js';
import type { Timeline } from './timeline.js';
import type { SinceView } from './since.js';

export type Cell = string | { text: string; strong?: boolean; muted?: boolean; code?: boolean; severity?: Severity };
export interface Table {
  /** Stable id (HTML anchors, the findings filter). */
  id: string;
  columns: { title: string; numeric?: boolean; wide?: boolean; nowrap?: boolean }[];
  rows: Cell[][];
  /** Per row: the finding severity (HTML filter) and an anchor id. */
  rowMeta?: { severity?: Severity; id?: string }[];
  /** A summarised table (more than ROWS_SHOWN rows, report/summarise.ts): the line said under it. */
  more?: string;
}
export type Block =
  | { type: 'p'; text: string; muted?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'kv'; rows: [string, string][] }
  | { type: 'h3'; text: string }
  | { type: 'table'; table: Table }
  | { type: 'diagram'; kind: DiagramKind; markdownOnly?: boolean }
  | { type: 'matrix' }
  | { type: 'callout'; level: string; title: string; text: string };

export interface Section { id: string; title: string; blocks: Block[] }

export interface ReportContent {
  /** The language of the report (`<html lang>`, the words of the page around the content). */
  lang: Lang;
  title: string;
  organization: string;
  workspace: string;
  generator: string;
  summary: { label: string; value: string; tone?: string }[];
  level: string;
  sections: Section[];
  cover: Cover;
  executive: ExecutiveSummary;
  /** The journey map as stages by touchpoints (HTML and the deck). */
  matrix: MatrixStage[];
  /** The roadmap as rows of whole titles beside bars (HTML and the deck). */
  timeline: Timeline;
  /** What changed since the last review (--since). */
  since?: SinceView;
  /** Technical detail for the team that maintains the audit: the last section. */
  appendix: Section;
}
