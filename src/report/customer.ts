// The customer's side in the report (format.md, "Additions of revision 2"): the journey per persona
// (step 1), where each data type comes from and where consent must arrive (step 2), and how ready
// the journey is to be personalized, with the first experiments (step 4). Blocks only: the
// Markdown, HTML and PDF renderers (and the deck) draw them like every other block. A workspace
// that does not map the customer's side gets nothing from here, so a version-1 report is unchanged.
import type { Translator } from '../i18n/index.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { usesCustomerSide } from '../analysis/customer.js';
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Workspace } from '../model/model.js';
import { dataTypeLabel, stageLabel } from '../model/names.js';
import { customerViewOf, missingTargets, missingTypes, needsOf, type ConsentOrigin, type CustomerView, type HubReach, type Readiness } from '../diagrams/customer-view.js';
import { firstRows, moreNote } from './summarise.js';
import type { Block, Cell, Section } from './blocks.js';

/** Most experiments proposed at once: start small. */
const MAX_EXPERIMENTS = 3;

/** Most tools named in a cell of the consent table; more are counted (README, "Report and diagrams"). */
const NAMES_SHOWN = 20;

export interface CustomerBlocks {
  /** After the journey (step 1): the journey per persona. */
  journey: Block[];
  /** After the inventory (step 2): data provenance and the consent flow. */
  data: Block[];
  /** Figures for the assessment (step 4). */
  figures: [string, string][];
  /** In the assessment (step 4): personalization readiness and the first experiments. */
  personalization: Block[];
}

const EMPTY: CustomerBlocks = { journey: [], data: [], figures: [], personalization: [] };

export function customerBlocks(ws: Workspace, result: AnalysisResult, tr: Translator): CustomerBlocks {
  // A workspace that does not map the customer's side has no such blocks: no need to work out
  // the facts again and the whole customer view (origins x senders at scale) to find that out.
  if (!usesCustomerSide(ws)) return EMPTY;
  const { view } = customerViewOf(ws);
  if (!view.used) return EMPTY;
  const { t, lang } = tr;
  const join = (items: string[]) => items.join(lang === 'ja' ? '、' : ', ');
  const toolName = (id: string) => ws.index.toolById.get(id)?.name ?? id;
  const tpName = (id: string) => ws.index.touchpointById.get(id)?.name ?? id;
  const pct = (part: number, total: number) => t('report.ratio', { share: formatPercent(total ? part / total : 0, lang), part, total });
  const dataTypeName = (id: string) => dataTypeLabel(ws, id, tr);
  const stageName = (id: string) => stageLabel(ws, id, tr);
  const notSaid: Cell = { text: t('custreport.not-said'), muted: true };
  const yesNo = (v: boolean | undefined): Cell => (v === undefined ? notSaid : v ? t('custreport.yes') : t('custreport.no'));

  return {
    journey: journeyBlocks(),
    data: dataBlocks(),
    figures: figures(),
    personalization: personalizationBlocks(),
  };

  function journeyBlocks(): Block[] {
    if (!view.lanes.length) return [];
    return [
      { type: 'h3', text: t('custreport.personas') },
      { type: 'p', text: t('custreport.personas.intro', { count: view.lanes.length }) },
      { type: 'diagram', kind: 'personas' },
      { type: 'table', table: {
        id: 'persona-table',
        columns: [{ title: t('custreport.col.persona'), wide: true }, { title: t('custreport.col.stages') },
          { title: t('custreport.col.met'), numeric: true }, { title: t('custreport.col.reaching'), numeric: true }, { title: t('custreport.col.gaps') }],
        rows: view.lanes.map((l) => [
          { text: l.persona.name, strong: true },
          join(l.stages.map((s) => stageName(s.stage.id))),
          String(l.touchpoints),
          l.touchpoints ? pct(l.reaching, l.touchpoints) : { text: t('custreport.none'), muted: true },
          l.gaps.length ? join(l.gaps.map(stageName)) : { text: t('custreport.none'), muted: true },
        ]),
      } },
    ];
  }

  function dataBlocks(): Block[] {
    const blocks: Block[] = [];
    if (view.provenance.length) {
      blocks.push(
        { type: 'h3', text: t('custreport.provenance') },
        { type: 'p', text: t('custreport.provenance.intro', { reaching: view.firstParty.reaching, total: view.firstParty.total }) },
        { type: 'table', table: {
          id: 'provenance-table',
          // Eight columns: only the short yes/no ones are kept on one line, so that the table fits a 1024-pixel page in Japanese.
          columns: [{ title: t('custreport.col.data') }, { title: t('custreport.col.party') },
            { title: t('custreport.col.personal'), nowrap: true }, { title: t('custreport.col.consent'), nowrap: true },
            { title: t('custreport.col.restricted') }, { title: t('custreport.col.origins') }, { title: t('custreport.col.holders') },
            { title: t('custreport.col.hub'), nowrap: true }],
          rows: view.provenance.map((r) => [
            { text: dataTypeName(r.type.id), strong: r.type.consent === true },
            r.type.party ? t(`custreport.party.${r.type.party}`) : notSaid,
            yesNo(r.type.personal),
            r.type.consent ? t('custreport.yes') : '',
            r.type.restricted === undefined ? notSaid : r.type.restricted === false ? t('custreport.no') : r.type.restricted,
            join(r.origins.map(toolName)),
            join(r.holders.map(toolName)),
            reachCell(r.reach),
          ]),
        } },
      );
    }
    const c = view.consent;
    if (c) {
      // Per origin what does not arrive, read from the view's counts (never origins x senders objects).
      const missing = c.origins.filter((o) => missingTargets(c, o, undefined, 1).ids.length > 0);
      blocks.push(
        { type: 'h3', text: t('custreport.consent') },
        { type: 'p', text: t(missing.length ? 'custreport.consent.intro-missing' : 'custreport.consent.intro', {
          types: join(c.types.map((d) => dataTypeName(d.id))), origins: join(c.origins.map((o) => toolName(o.tool))),
        }) },
        { type: 'diagram', kind: 'consent' },
      );
      if (missing.length) {
        // A large stack: the first ROWS_SHOWN origins, and in each cell the first NAMES_SHOWN tools with how many more.
        const { rows: shown, omitted } = firstRows(missing);
        const names = (o: ConsentOrigin, role: 'hub' | 'sender'): Cell => {
          const { ids, total } = missingTargets(c, o, role, NAMES_SHOWN);
          if (!ids.length) return { text: t('custreport.none'), muted: true };
          const text = join([...new Set(ids.map(toolName))]);
          return total > ids.length ? `${text} ${t('custreport.more', { count: formatNumber(total - ids.length, lang) })}` : text;
        };
        blocks.push({ type: 'table', table: {
          id: 'consent-table',
          columns: [{ title: t('custreport.col.starts') }, { title: t('custreport.col.data') }, { title: t('custreport.col.missing-hub') },
            { title: t('custreport.col.missing-senders'), wide: true }],
          rows: shown.map((o) => {
            const where = o.touchpoints.length ? t('custreport.at', { tool: toolName(o.tool), touchpoints: join(o.touchpoints.map(tpName)) }) : toolName(o.tool);
            return [
              { text: where, strong: true },
              join([...new Set(missingTypes(c, o).map(dataTypeName))]),
              names(o, 'hub'),
              names(o, 'sender'),
            ];
          }),
          ...(omitted ? { more: moreNote(shown.length, missing.length, 'origins', tr) } : {}),
        } });
      }
      for (const u of c.unheld) blocks.push({ type: 'p', text: t('custreport.consent.unheld', { touchpoint: tpName(u.touchpoint), data: dataTypeName(u.data) }), muted: true });
    }
    return blocks;
  }

  function figures(): [string, string][] {
    const out: [string, string][] = [];
    if (view.firstParty.total) out.push([t('custreport.fig.first-party'), pct(view.firstParty.reaching, view.firstParty.total)]);
    for (const l of view.lanes) if (l.touchpoints) out.push([t('custreport.fig.persona', { name: l.persona.name }), pct(l.reaching, l.touchpoints)]);
    if (view.readiness.length) {
      const n = (r: Readiness[]) => view.readiness.filter((x) => r.includes(x.readiness)).length;
      out.push([t('custreport.fig.readiness'), t('custreport.fig.readiness.value', {
        personalized: n(['personalized', 'blind']), ready: n(['ready']), not: n(['no-data', 'no-tool']), unknown: n(['unknown']),
      })]);
    }
    return out;
  }

  function personalizationBlocks(): Block[] {
    if (!view.readiness.length) return [];
    const blocks: Block[] = [
      { type: 'h3', text: t('custreport.readiness') },
      { type: 'p', text: t('custreport.readiness.intro') },
      { type: 'table', table: {
        id: 'readiness-table',
        // Seven columns: none is held wide, so that the table fits a 1024-pixel page in Japanese too.
        columns: [{ title: t('report.col.stage') }, { title: t('report.col.touchpoint') },
          { title: t('custreport.col.personalized'), nowrap: true }, { title: t('custreport.col.needs'), nowrap: true },
          { title: t('custreport.col.personalizing') }, { title: t('custreport.col.hub-data') }, { title: t('custreport.col.readiness') }],
        rows: view.readiness.map((r) => {
          const needs = needsOf(r.touchpoint);
          return [
            stageName(r.touchpoint.stage),
            r.touchpoint.name,
            yesNo(r.touchpoint.personalized),
            needs ? t(`custreport.needs.${needs}`) : notSaid,
            r.personalizing.length ? join(r.personalizing.map(toolName)) : { text: t('custreport.none'), muted: true },
            r.hubData.length ? join(r.hubData.map(dataTypeName)) : r.hubFed ? t('custreport.yes') : { text: t('custreport.none'), muted: true },
            { text: t(`custreport.readiness.${r.readiness}`), strong: r.readiness === 'ready' },
          ];
        }),
      } },
    ];
    const candidates = experimentsOf(view, result);
    const first = candidates.slice(0, MAX_EXPERIMENTS);
    blocks.push({ type: 'h3', text: t('custreport.experiments') });
    if (!first.length) {
      blocks.push({ type: 'p', text: t('custreport.experiments.none'), muted: true });
      return blocks;
    }
    blocks.push({ type: 'p', text: t('custreport.experiments.intro') }, {
      type: 'list', items: first.map((r) => t('custreport.experiment', {
        touchpoint: r.touchpoint.name, tools: join(r.keep.map(toolName)),
        data: r.hubData.length ? join(r.hubData.map(dataTypeName)) : t('custreport.hub-profile'),
      })),
    });
    if (candidates.length > first.length) {
      blocks.push({ type: 'p', muted: true, text: t('custreport.experiments.more', { count: candidates.length - first.length,
        touchpoints: join(candidates.slice(MAX_EXPERIMENTS).map((r) => r.touchpoint.name)) }) });
    }
    return blocks;
  }

  function reachCell(reach: HubReach): Cell {
    const text = t(`custreport.reach.${reach}`);
    return reach === 'no' ? { text, strong: true } : reach === 'not-held' ? { text, muted: true } : text;
  }
}

/**
 * The experiments to propose, in journey order: ready touchpoints, with only their tools that are
 * not on their way out (retiring, dropped as redundant, or in a roadmap initiative's `drop`).
 */
export function experimentsOf(view: CustomerView, result: AnalysisResult): CustomerView['experiments'] {
  const dropped = new Set(result.roadmap.initiatives.filter((i) => i.status !== 'rejected').flatMap((i) => (Array.isArray(i.drop) ? (i.drop as string[]) : [])));
  return view.experiments.map((r) => ({ ...r, keep: r.keep.filter((id) => !dropped.has(id)) })).filter((r) => r.keep.length > 0);
}

/** Adds the customer's side to the report's steps (nothing for a workspace that does not map it). */
export function addCustomerSide(ws: Workspace, result: AnalysisResult, steps: { journey: Section; inventory: Section; assessment: Section }, tr: Translator): void {
  const b = customerBlocks(ws, result, tr);
  steps.journey.blocks.push(...b.journey);
  steps.inventory.blocks.push(...b.data);
  if (b.figures.length) {
    const kv = steps.assessment.blocks.find((x): x is Extract<Block, { type: 'kv' }> => x.type === 'kv');
    if (kv) kv.rows.push(...b.figures);
  }
  steps.assessment.blocks.push(...b.personalization);
}

export type { CustomerView };
