// The customer's side in the deck (format revision 2): the persona lanes and the consent flow as
// picture slides, and one slide a consultant presents: coverage per persona, first-party data
// reaching a hub, where consent does not arrive, and the first personalization experiments
// ("start with the data you already have"). Nothing for a workspace that does not map it.
// pptx.ts calls this with its own slide helpers, so the deck keeps one look.
import type { Translator } from '../i18n/index.js';
import { formatPercent } from '../i18n/format.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Workspace } from '../model/model.js';
import { dataTypeLabel, stageLabel } from '../model/names.js';
import type { DiagramKind } from '../diagrams/types.js';
import { customerViewOf, missingTargets } from '../diagrams/customer-view.js';
import { experimentsOf } from './customer.js';

export interface DeckHelpers {
  // pptxgenjs objects are untyped (`any`) in pptx.ts too.
  titled: (title: string) => any;
  th: (text: string) => any;
  tableOpts: (colW: number[], fontSize?: number) => any;
  base: Record<string, any>;
  pictureSlide: (kind: DiagramKind, title: string) => void;
  /** The diagram kinds this report draws. */
  kinds: ReadonlySet<DiagramKind>;
  width: number;
  margin: number;
}

const MUTED = '5F6368';

/** A large stack: the slide names the first origins whose consent does not arrive, and the first tools of each (then how many more). */
const ORIGINS_SHOWN = 10;
const TOOLS_SHOWN = 12;

export function customerSlides(ws: Workspace, result: AnalysisResult, tr: Translator, h: DeckHelpers): void {
  const { view } = customerViewOf(ws);
  if (!view.used) return;
  const { t, lang } = tr;
  const join = (items: string[]) => items.join(lang === 'ja' ? '、' : ', ');
  const toolName = (id: string) => ws.index.toolById.get(id)?.name ?? id;
  const dataName = (id: string) => dataTypeLabel(ws, id, tr);
  const ratio = (part: number, total: number) => t('report.ratio', { share: formatPercent(total ? part / total : 0, lang), part, total });

  if (h.kinds.has('personas')) h.pictureSlide('personas', t('custreport.diagram.personas'));
  if (h.kinds.has('consent')) h.pictureSlide('consent', t('custreport.consent'));

  const slide = h.titled(t('custreport.slide.title'));
  const left = h.margin;
  const half = (h.width - 2 * h.margin - 0.4) / 2;
  const right = left + half + 0.4;
  // Left: who the journey reaches, and the data behind it.
  if (view.lanes.length) {
    const rows: any[][] = [[h.th(t('custreport.col.persona')), h.th(t('custreport.col.reaching')), h.th(t('custreport.col.gaps'))]];
    for (const l of view.lanes) {
      rows.push([
        { text: l.persona.name, options: { bold: true } },
        { text: l.touchpoints ? ratio(l.reaching, l.touchpoints) : t('custreport.none') },
        { text: l.gaps.length ? join(l.gaps.map((g) => stageLabel(ws, g, tr))) : t('custreport.none'), options: l.gaps.length ? { color: 'C5221F', bold: true } : { color: MUTED } },
      ]);
    }
    slide.addTable(rows, { ...h.tableOpts([half * 0.42, half * 0.28, half * 0.3], 11), y: 1.25 });
  }
  const runs: any[] = [];
  if (view.firstParty.total) {
    runs.push({ text: `${t('custreport.fig.first-party')}: ${ratio(view.firstParty.reaching, view.firstParty.total)}`, options: { bold: true, fontSize: 13, breakLine: true, paraSpaceAfter: 6 } });
  }
  const c = view.consent;
  if (c) {
    runs.push({ text: t('custreport.consent'), options: { bold: true, fontSize: 13, breakLine: true } });
    // One bullet per origin whose consent misses a hub or sender: the first few, with the first few tools each.
    const origins = c.origins.filter((o) => missingTargets(c, o, undefined, 1).ids.length > 0);
    if (!origins.length) runs.push({ text: t('custreport.slide.consent-ok'), options: { fontSize: 11, breakLine: true } });
    for (const o of origins.slice(0, ORIGINS_SHOWN)) {
      const { ids, total } = missingTargets(c, o, undefined, TOOLS_SHOWN);
      const to = [...new Set(ids.map(toolName))];
      if (total > ids.length) to.push(t('custreport.more', { count: total - ids.length }));
      runs.push({ text: t('custreport.slide.consent-missing', { origin: toolName(o.tool), tools: join(to) }), options: { fontSize: 11, bullet: true, breakLine: true, color: 'C5221F' } });
    }
    if (origins.length > ORIGINS_SHOWN) runs.push({ text: t('custreport.more', { count: origins.length - ORIGINS_SHOWN }), options: { fontSize: 11, bullet: true, breakLine: true, color: MUTED } });
  }
  if (runs.length) slide.addText(runs, { ...h.base, x: left, y: view.lanes.length ? 1.35 + 0.42 * (view.lanes.length + 1) : 1.3, w: half, h: 2.6, valign: 'top', fit: 'shrink' });

  // Right: personalization, starting small.
  const p: any[] = [{ text: t('custreport.experiments'), options: { bold: true, fontSize: 16, breakLine: true, paraSpaceAfter: 4 } }];
  if (view.readiness.length) {
    const n = (s: string[]) => view.readiness.filter((r) => s.includes(r.readiness)).length;
    p.push({ text: `${t('custreport.fig.readiness')}: ${t('custreport.fig.readiness.value', {
      personalized: n(['personalized', 'blind']), ready: n(['ready']), not: n(['no-data', 'no-tool']), unknown: n(['unknown']),
    })}`, options: { fontSize: 11, color: MUTED, breakLine: true, paraSpaceAfter: 8 } });
  }
  const first = experimentsOf(view, result).slice(0, 3);
  if (!first.length) p.push({ text: t('custreport.experiments.none'), options: { fontSize: 12, breakLine: true } });
  for (const r of first) {
    p.push({ text: t('custreport.experiment', {
      touchpoint: r.touchpoint.name, tools: join(r.keep.map(toolName)),
      data: r.hubData.length ? join(r.hubData.map(dataName)) : t('custreport.hub-profile'),
    }), options: { fontSize: 12, bullet: { type: 'number' }, breakLine: true, paraSpaceAfter: 4 } });
  }
  slide.addText(p, { ...h.base, x: right, y: 1.25, w: half, h: 5.4, valign: 'top', fit: 'shrink' });
}
