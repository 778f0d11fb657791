// Diagram generators: workspace + audit result -> Mermaid text. One file per kind.
import { journeyDiagram } from './journey.js';
import { dataflowDiagram } from './dataflow.js';
import { overlapDiagram } from './overlap.js';
import { roadmapDiagram } from './roadmap.js';
import { portfolioDiagram } from './portfolio.js';
import { DIAGRAM_KINDS, type Diagram, type DiagramInput, type DiagramKind, type DiagramOptions } from './types.js';
import type { AuditResult } from '../analysis/types.js';
import type { Workspace } from '../model/model.js';

export { DIAGRAM_KINDS, type Diagram, type DiagramKind, type DiagramOptions } from './types.js';

const GENERATORS: Record<DiagramKind, (input: DiagramInput) => Diagram> = {
  journey: journeyDiagram,
  dataflow: dataflowDiagram,
  overlap: overlapDiagram,
  roadmap: roadmapDiagram,
  portfolio: portfolioDiagram,
};

export function isDiagramKind(value: string): value is DiagramKind {
  return (DIAGRAM_KINDS as readonly string[]).includes(value);
}

export function buildDiagram(kind: DiagramKind, ws: Workspace, result: AuditResult, options: DiagramOptions = {}): Diagram {
  return GENERATORS[kind]({ ws, result, options });
}

/** All kinds, in the order a report shows them. */
export function buildDiagrams(ws: Workspace, result: AuditResult, options: DiagramOptions = {}): Diagram[] {
  return DIAGRAM_KINDS.map((kind) => buildDiagram(kind, ws, result, options));
}
