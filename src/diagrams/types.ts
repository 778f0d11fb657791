// What every diagram generator returns and takes. A generator is a pure function
// (workspace + audit result -> Mermaid text); no rendering, no I/O.
import type { AuditResult } from '../analysis/types.js';
import type { Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';

// `personas` and `consent` (revision 2) are drawn only for a workspace that maps the customer's side.
export const DIAGRAM_KINDS = ['journey', 'dataflow', 'overlap', 'roadmap', 'portfolio', 'personas', 'consent'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

/** Mermaid diagram family: decides how a renderer without a browser can draw it. */
export type DiagramFamily = 'flowchart' | 'gantt' | 'quadrant';

export interface Diagram {
  kind: DiagramKind;
  family: DiagramFamily;
  /** Translated title ("Touchpoint-to-tool map"). */
  title: string;
  /** Mermaid text, ending with a newline. */
  source: string;
  /** Translated sentences shown under the picture: what was grouped or left out, how to read it. */
  notes: string[];
  /** With `legendOutside`: the legend, for the page to draw beside the picture (not in `source`). */
  legend?: { cls: string; text: string; shape?: 'hexagon' }[];
}

export interface DiagramOptions {
  /** The language the diagram is worded in (titles, labels, legend, notes). */
  tr: Translator;
  /** Above this many tools, tools are grouped (journey: by category; dataflow: by department). */
  maxTools?: number;
  /** Above this many touchpoints, the journey groups touchpoints per stage and channel. */
  maxTouchpoints?: number;
  /** Most capabilities shown by the overlap diagram. */
  maxCapabilities?: number;
  /** Most tools placed on the portfolio chart. */
  maxPoints?: number;
  /** Most initiatives per roadmap phase. */
  maxInitiativesPerPhase?: number;
  /** The month (YYYY-MM) an undated roadmap starts in; the caller passes today's month. */
  today?: string;
  /** Leave the legend out of the graph and return it as `Diagram.legend` (report pages and slides draw it outside). */
  legendOutside?: boolean;
}

export interface DiagramInput {
  ws: Workspace;
  result: AuditResult;
  options: DiagramOptions;
}

export const DEFAULT_OPTIONS: Required<Omit<DiagramOptions, 'today' | 'legendOutside' | 'tr'>> = {
  maxTools: 40,
  maxTouchpoints: 40,
  maxCapabilities: 15,
  maxPoints: 30,
  maxInitiativesPerPhase: 12,
};
