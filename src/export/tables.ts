// The workspace and its analysis as tables: one per sheet, with typed columns and headers and
// labels in the output language. The XLSX and CSV writers only lay these out. The inventory,
// touchpoint, integration, question and workspace tables carry every field the analysis reads,
// so that `import` gives the same workspace back; findings and the roadmap are output only.
import type { Translator } from '../i18n/index.js';
import { loadCatalog } from '../catalog/index.js';
import { DEFAULT_THRESHOLDS, type Workspace } from '../model/model.js';
import type { AnalysisResult } from '../analysis/analyze.js';

export type ColumnType = 'text' | 'money' | 'int' | 'month' | 'list' | 'bool' | 'enum' | 'number';
export interface Column { key: string; header: string; type: ColumnType; width: number }
export interface Table { key: string; name: string; columns: Column[]; rows: unknown[][] }

/** A month "2027-03" as the first day of that month, UTC (a typed Excel date). */
export function monthDate(month: string | undefined): Date | undefined {
  if (!month) return undefined;
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}


/** The tables, with their sheet names, headers and words in the language of `tr` (ids stay as written). */
export function buildTables(ws: Workspace, result: AnalysisResult, tr: Translator): Table[] {
  const { t, has } = tr;
  const yes = (b: boolean | undefined) => (b === undefined ? undefined : b ? t('sheets.yes') : t('sheets.no'));
  const list = (xs: readonly string[] | undefined) => (xs === undefined ? undefined : xs.length ? xs.join(', ') : t('sheets.none'));
  const label = (prefix: string, v: string) => (has(`${prefix}.${v}`) ? t(`${prefix}.${v}`) : v);
  const columns = (kind: string, spec: [string, ColumnType, number][]): Column[] =>
    spec.map(([key, type, width]) => ({ key, header: t(`sheets.col.${kind}.${key}`), type, width }));
  const catalog = loadCatalog();
  const tools: Table = {
    key: 'tools', name: t('sheets.sheet.tools'),
    columns: columns('tools', [
      ['id', 'text', 22], ['name', 'text', 28], ['vendor', 'text', 18], ['catalog', 'text', 22], ['category', 'text', 20],
      ['capabilities', 'list', 30], ['hub', 'bool', 8], ['owner', 'text', 14], ['status', 'enum', 12], ['cost', 'money', 14],
      ['cost.month', 'money', 14], ['seats.licensed', 'int', 10], ['seats.active', 'int', 12], ['data', 'list', 30],
      ['source_of_truth', 'list', 20], ['renewal', 'month', 12], ['url', 'text', 24], ['notes', 'text', 40],
      ['third_party_cookies', 'bool', 12], ['network', 'text', 14],
    ]),
    rows: ws.tools.map((x) => {
      const catHub = x.catalog ? catalog.byId.get(x.catalog)?.hub === true : false;
      return [
        // Primary capabilities (its own and its catalog entry's): read back as the tool's own, they
        // give the same primary capabilities and, with the entry's features, the same capabilities.
        x.id, x.name, x.vendor, x.catalog, x.category, list(x.primaryCapabilities.length ? x.primaryCapabilities : undefined),
        x.hub ? t('sheets.yes') : catHub ? t('sheets.no') : undefined, x.owner, label('sheets.status', x.status),
        x.costUnknown ? t('sheets.unknown') : x.annualCostMinor !== undefined ? x.annualCostMinor / 100 : undefined,
        x.costGiven?.period === 'month' ? x.costGiven.amount : undefined,
        x.seats?.licensed, x.seats?.active, list(x.data.length || x.dataGiven ? x.data : undefined),
        list(x.sourceOfTruth.length ? x.sourceOfTruth : undefined), monthDate(x.renewal), x.url, x.notes,
        yes(x.thirdPartyCookies), x.network,
      ];
    }),
  };
  const touchpoints: Table = {
    key: 'touchpoints', name: t('sheets.sheet.touchpoints'),
    columns: columns('touchpoints', [
      ['id', 'text', 22], ['name', 'text', 30], ['stage', 'text', 14], ['channel', 'text', 14], ['owner', 'text', 14],
      ['tools', 'list', 30], ['captures', 'list', 30], ['realtime', 'bool', 10], ['in_scope', 'bool', 10], ['notes', 'text', 40],
      ['personas', 'list', 20], ['personalized', 'bool', 12], ['needs', 'text', 12], ['conversational', 'bool', 12],
    ]),
    rows: ws.touchpoints.map((x) => [
      x.id, x.name, x.stage, x.channel, x.owner, list(x.tools), list(x.captures.length ? x.captures : undefined),
      yes(x.realtime), yes(x.inScope), x.notes,
      // Revision 2, as written: `needs: realtime` is the Real-time column already.
      x.personasGiven ? list(x.personas) : undefined, yes(x.personalized), x.needs === 'realtime' ? undefined : x.needs,
      x.conversationalGiven ? yes(x.conversational) : undefined,
    ]),
  };
  const integrations: Table = {
    key: 'integrations', name: t('sheets.sheet.integrations'),
    columns: columns('integrations', [
      ['id', 'text', 26], ['from', 'text', 22], ['to', 'text', 22], ['data', 'list', 30], ['mode', 'enum', 12],
      ['bidirectional', 'bool', 10], ['notes', 'text', 40], ['frequency', 'text', 12],
    ]),
    rows: ws.integrations.map((x) => [
      /^[a-z0-9][a-z0-9._-]*$/.test(x.id) ? x.id : undefined, x.from, x.to, list(x.data), label('sheets.mode', x.mode),
      yes(x.bidirectional), x.notes, x.frequencyGiven ? x.frequency : undefined,
    ]),
  };
  const findings: Table = {
    key: 'findings', name: t('sheets.sheet.findings'),
    columns: columns('findings', [
      ['severity', 'enum', 10], ['rule', 'text', 24], ['id', 'text', 36], ['message', 'text', 60], ['recommendation', 'text', 60],
      ['cost', 'money', 14], ['entities', 'list', 30], ['location', 'text', 28],
    ]),
    rows: result.findings.map((f) => [
      label('report.severity', f.severity), f.rule, f.id, f.message, f.recommendation, f.cost,
      f.entities.map((e) => `${e.kind}:${e.id}`).join(', '),
      f.location ? `${f.location.file}:${f.location.line}` : undefined,
    ]),
  };
  const roadmap: Table = {
    key: 'roadmap', name: t('sheets.sheet.roadmap'),
    columns: columns('roadmap', [
      ['phase', 'int', 8], ['id', 'text', 30], ['title', 'text', 44], ['kind', 'enum', 14], ['tools', 'list', 30],
      ['keep', 'list', 24], ['drop', 'list', 24], ['owner', 'text', 14], ['start', 'month', 10], ['months', 'int', 8], ['saving', 'money', 14], ['status', 'enum', 12],
      ['addresses', 'list', 36], ['source', 'enum', 12],
    ]),
    rows: result.roadmap.initiatives.map((i) => [
      // (r2) What the initiative keeps and what it drops (rules.md, roadmap keep/drop): the tool ids.
      i.phase, i.id, i.title, label('report.kind', i.kind), i.tools.join(', '), i.keep.join(', '), i.drop.join(', '), i.owner, monthDate(i.start), i.months, i.saving,
      i.status, i.addresses.join(', '), t(`sheets.source.${i.source}`),
    ]),
  };
  const questions: Table = {
    key: 'questions', name: t('sheets.sheet.questions'),
    columns: columns('questions', [['about', 'text', 28], ['field', 'text', 14], ['text', 'text', 70], ['ask', 'text', 14]]),
    rows: ws.questions.map((q) => [q.about, q.field, q.text, q.ask]),
  };
  const workspace: Table = {
    key: 'workspace', name: t('sheets.sheet.workspace'),
    columns: columns('workspace', [['key', 'text', 16], ['value', 'text', 100]]),
    rows: workspaceRows(ws, result, tr),
  };
  return [tools, touchpoints, integrations, findings, roadmap, questions, workspace];
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** What the other sheets do not hold, as JSON (which YAML reads): organization, settings, strategy. */
function workspaceRows(ws: Workspace, result: AnalysisResult, { t }: Translator): unknown[][] {
  const rows: unknown[][] = [];
  const add = (key: string, value: unknown) => { if (value !== undefined) rows.push([t(`sheets.ws.${key}`), value]); };
  add('organization', ws.organization.name);
  add('currency', ws.organization.currency);
  if (ws.organization.departmentsDeclared) {
    add('departments', JSON.stringify(ws.organization.departments.map((d) => (d.name && d.name !== d.id ? { id: d.id, name: d.name } : d.id))));
  }
  add('lang', ws.settings.lang);
  if (ws.stages.some((s) => s.loc)) add('stages', JSON.stringify(ws.stages.map((s) => compact({ id: s.id, name: s.name, description: s.description }))));
  if (ws.personas.length) {
    add('personas', JSON.stringify(ws.personas.map((p) => compact({
      id: p.id, name: p.name, description: p.description, stages: p.stagesGiven ? [...p.stages] : undefined, notes: p.notes,
    }))));
  }
  const declared = ws.dataTypes.filter((d) => d.declared);
  if (declared.length) {
    add('data_types', JSON.stringify(declared.map((d) => compact({
      id: d.id, name: d.given.name ? d.name : undefined, party: d.given.party ? d.party : undefined,
      personal: d.given.personal ? d.personal : undefined, consent: d.given.consent ? d.consent : undefined,
      restricted: d.given.restricted ? d.restricted : undefined,
    }))));
  }
  const s = ws.settings;
  const th = s.thresholds;
  const thresholds = compact({
    siloed_share: th.siloedShare !== DEFAULT_THRESHOLDS.siloedShare ? th.siloedShare : undefined,
    overlapping_capabilities: th.overlappingCapabilities !== DEFAULT_THRESHOLDS.overlappingCapabilities ? th.overlappingCapabilities : undefined,
    redundant_share: th.redundantShare !== DEFAULT_THRESHOLDS.redundantShare ? th.redundantShare : undefined,
    no_hub_tools: th.noHubTools !== DEFAULT_THRESHOLDS.noHubTools ? th.noHubTools : undefined,
  });
  const rules = Object.fromEntries(Object.entries(s.rules).map(([k, v]) => [k, compact({ severity: v.severity, threshold: v.threshold })]));
  const settings = compact({
    fail_on: s.failOn, rules: Object.keys(rules).length ? rules : undefined, output: s.output !== 'reports' ? s.output : undefined,
    assessment: s.assessment ? { level: s.assessment.level, rationale: s.assessment.rationale } : undefined,
    thresholds: Object.keys(thresholds).length ? thresholds : undefined,
  });
  if (Object.keys(settings).length) add('settings', JSON.stringify(settings));
  const st = ws.strategy;
  if (st.horizon || st.initiatives.length || st.review !== 'quarterly') {
    add('strategy', JSON.stringify(compact({
      horizon: st.horizon, review: st.review,
      initiatives: st.initiatives.map((i) => compact({
        id: i.id, title: i.title, kind: i.kind, tools: [...i.tools], addresses: [...i.addresses], owner: i.owner,
        stakeholders: [...i.stakeholders], start: i.start, months: i.months, depends_on: [...i.dependsOn], pilot: i.pilot,
        status: i.status, phase: i.phase, saving: i.saving, notes: i.notes,
      })),
    })));
  }
  add('level', t(`level.${result.assessment.level}`));
  rows.push(['', t('sheets.ws.note')]);
  return rows;
}

/** An Excel number format for amounts in this currency. */
export function moneyFormat(currency: string): string {
  switch (currency) {
    case 'USD': return '"$"#,##0.00';
    case 'GBP': return '"£"#,##0.00';
    case 'EUR': return '#,##0.00 "€"';
    case 'JPY': return '"¥"#,##0';
    case 'KRW': return '"₩"#,##0';
    default: return `#,##0.00 "${currency}"`;
  }
}
