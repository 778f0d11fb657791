// The journey map people can read: stages as columns, each stage's touchpoints as cards, the tools
// that serve a touchpoint as chips styled hub / silo / island / retiring (the same classes as the
// Mermaid map, read from the findings). At most five stages side by side, so that an A4 landscape
// page or a 16:9 slide keeps every word at a readable size; more stages continue in a second
// band (a new page in print). The Mermaid map stays as diagrams/journey.mmd.
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Translator } from '../i18n/index.js';
import type { Workspace } from '../model/model.js';
import { stageLabel } from '../model/names.js';
import { channelName, flagsFrom, toolClass, type ToolClass } from '../diagrams/common.js';

export interface MatrixChip { name: string; cls: ToolClass }
export interface MatrixCard { name: string; channel: string; chips: MatrixChip[]; inScope: boolean; realtime: boolean }
export interface MatrixStage { index: number; name: string; cards: MatrixCard[] }

/** Stages per band: five fit A4 landscape and 16:9 with 9 pt text. */
export const STAGES_PER_BAND = 5;

export function journeyMatrix(ws: Workspace, result: AnalysisResult, tr: Translator): MatrixStage[] {
  const flags = flagsFrom(ws, result);
  // Classes the map does not know yet (a newer ToolClass) sort last.
  const classOrder: Partial<Record<string, number>> = { hub: 0, silo: 1, island: 2, tool: 3, dropped: 4, retiring: 5 };
  return ws.stages.map((stage, i) => ({
    index: i + 1,
    name: stageLabel(ws, stage.id, tr),
    cards: [...(ws.index.touchpointsByStage.get(stage.id) ?? [])]
      .sort((a, b) => (a.inScope === b.inScope ? 0 : a.inScope ? -1 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((tp) => ({
        name: tp.name,
        channel: channelName(String(tp.channel), tr),
        inScope: tp.inScope,
        realtime: tp.realtime,
        chips: tp.tools.map((id) => ws.index.toolById.get(id)).filter((x) => x !== undefined)
          .map((tool) => ({ name: tool.name, cls: toolClass(tool, flags) }))
          .sort((a, b) => (classOrder[a.cls] ?? 5) - (classOrder[b.cls] ?? 5) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      })),
  }));
}

/** Splits the stages into bands of at most `per`, as even as possible (7 → 4 + 3, not 5 + 2). */
export function bands<T>(items: readonly T[], per = STAGES_PER_BAND): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / per);
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  const out: T[][] = [];
  let at = 0;
  for (let b = 0; b < count; b++) {
    const size = base + (b < extra ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

export const CHIP_CLASSES: readonly ToolClass[] = ['hub', 'silo', 'island', 'dropped', 'retiring', 'tool'];

export const MATRIX_CSS = `
figure.matrix{margin:12px 0}
.jm-legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0 10px;padding:0;list-style:none;font-size:13px;color:var(--muted)}
.jm-legend li{display:flex;align-items:center;gap:6px}
.jm{display:grid;gap:10px;margin:0 0 16px;grid-template-columns:repeat(var(--cols),minmax(0,1fr))}
.jm-stage{background:#f7f9fc;border:1px solid #b7c3d4;border-radius:8px;padding:8px;min-width:0}
.jm-stage h4{margin:0 0 8px;font-size:14px;line-height:1.3;color:#1b2a41}
.jm-card{background:#fff;border:1px solid #4a78c2;border-left-width:4px;border-radius:6px;padding:6px 8px;margin:0 0 8px;break-inside:avoid}
.jm-card.out{border-style:dashed;border-color:#bdc1c6;color:#80868b}
.jm-card.rt{border-left-color:#1b2a41;border-left-width:6px}
.jm-card .tp{font-weight:700;font-size:13px;line-height:1.3;overflow-wrap:break-word;word-break:normal;line-break:strict}
.jm-card .ch{font-size:12px;color:var(--muted);margin:1px 0 4px}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{display:inline-block;border-radius:10px;padding:1px 7px;font-size:12px;line-height:1.35;border:1px solid #6b7280;background:#fff;color:#1f2937;max-width:100%;overflow-wrap:break-word;word-break:normal}
.chip-hub{background:#e3f2e6;border:2px solid #1e7b34;color:#0b3d18;font-weight:700}
.chip-silo{background:#fde8e6;border:2px solid #c5221f;color:#5c0b09}
.chip-island{background:#fff3e0;border:2px solid #d56e0c;color:#4a2800}
.chip-dropped{background:#fff5f5;border:2px dashed #c5221f;color:#5c0b09}
.chip-retiring{background:#f1f3f4;border:1px dashed #80868b;color:#5f6368;font-style:italic}
.chip-none{background:#fff;border:2px dashed #c5221f;color:#5c0b09}
@media screen and (max-width:900px){.jm{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media print{
 .jm{gap:6px;margin:0 0 8px}
 .jm+.jm{break-before:page}
 figure.matrix+table{break-before:page}
 .jm-stage{padding:5px}
 .jm-stage h4{font-size:11px;margin-bottom:5px}
 .jm-card{padding:4px 5px;margin-bottom:5px}
 .jm-card .tp{font-size:11px}
 .jm-card .ch,.chip,.jm-legend{font-size:11px}
 .chip{padding:0 5px}
}`;
