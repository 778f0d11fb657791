// Diagram generators: workspace + audit result -> Mermaid text. One file per kind.
import { journeyDiagram } from './journey.js';
import { dataflowDiagram } from './dataflow.js';
import { overlapDiagram } from './overlap.js';
import { roadmapDiagram } from './roadmap.js';
import { portfolioDiagram } from './portfolio.js';
import { personasDiagram } from './personas.js';
import { consentDiagram } from './consent.js';
import { customerDiagramApplies } from './customer-view.js';
import { DIAGRAM_KINDS, type Diagram, type DiagramInput, type DiagramKind, type DiagramOptions } from './types.js';
import type { AuditResult } from '../analysis/types.js';
import type { Workspace } from '../model/model.js';

export { DIAGRAM_KINDS, type Diagram, type DiagramKind, type DiagramOptions } from './types.js';

const GENERATORS: Record<DiagramKind, (input: DiagramInput) => Diagram> = {
  journey: journeyDiagram,
  personas: personasDiagram,
  consent: consentDiagram,
  dataflow: dataflowDiagram,
  overlap: overlapDiagram,
  roadmap: roadmapDiagram,
  portfolio: portfolioDiagram,
};

export function isDiagramKind(value: string): value is DiagramKind {
  return (DIAGRAM_KINDS as readonly string[]).includes(value);
}

export function buildDiagram(kind: DiagramKind, ws: Workspace, result: AuditResult, options: DiagramOptions): Diagram {
  return GENERATORS[kind]({ ws, result, options });
}

/** All kinds that apply to the workspace, in the order a report shows them. */
export function buildDiagrams(ws: Workspace, result: AuditResult, options: DiagramOptions): Diagram[] {
  return DIAGRAM_KINDS.filter((kind) => diagramApplies(kind, ws)).map((kind) => buildDiagram(kind, ws, result, options));
}

/** The customer's side is drawn only for a workspace that maps it (a version-1 report stays as it was). */
export function diagramApplies(kind: DiagramKind, ws: Workspace): boolean {
  return kind === 'personas' || kind === 'consent' ? customerDiagramApplies(kind, ws) : true;
}
