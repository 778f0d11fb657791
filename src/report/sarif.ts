// audit.sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One result per
// finding, with the rule's metadata (title, what it checks, why it matters, how to fix it, default
// level) and the YAML file location (repository-relative URI, 1-based line and column). The
// finding id is the stable fingerprint, so a finding keeps its identity across runs.
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Translator } from '../i18n/index.js';
import { RULE_IDS, type RuleId } from '../analysis/rules/index.js';
import { RULES } from '../analysis/rules/index.js';
import type { AuditResult, Finding } from '../analysis/types.js';
import type { Severity } from '../model/vocabulary.js';
import { formatNumber } from '../i18n/format.js';
import { LazyArray } from '../util/json-chunks.js';

export type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};

export interface SarifOptions {
  version: string;
  /** The language of the rules' descriptions (the findings' messages are the result's). */
  tr: Translator;
  /** Where a finding without a location points (the workspace's first file). */
  defaultFile?: string;
  /**
   * At most this many results (default SARIF_MAX_RESULTS; 0: every finding). The findings come
   * most severe first, so the ones left out are the least severe; the log says how many.
   */
  maxResults?: number;
}

/**
 * GitHub code scanning stores and shows at most 5,000 results of a run ("SARIF results exceed soft
 * limits") and rejects a whole run of more than 25,000. Results beyond 5,000
 * would be uploaded only to be dropped, and GitHub picks what it keeps by SARIF's three levels,
 * which cannot tell critical from high or rank within a level; so the log keeps our own 5,000 most
 * severe (findings come sorted by severity, then rule and id). `--sarif-max-results` changes it.
 */
export const SARIF_MAX_RESULTS = 5_000;

/** How many of the findings the log keeps, and how many it leaves out. */
export function sarifResultCount(findings: number, maxResults: number | undefined): { kept: number; omitted: number } {
  const limit = maxResults === 0 ? Infinity : (maxResults ?? SARIF_MAX_RESULTS);
  const kept = Math.min(findings, limit);
  return { kept, omitted: findings - kept };
}

/** A file path as a SARIF URI: relative paths stay relative (to the repository root), encoded. */
export function toUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (isAbsolute(file) || /^[A-Za-z]:\//.test(slashed)) return pathToFileURL(file).href;
  return slashed.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

function ruleDescriptor(id: RuleId, { t, lang }: Translator): Record<string, unknown> {
  const rule = RULES[id];
  const docs = rule?.docsIn(lang);
  const title = docs?.title ?? id;
  const text = [docs?.summary, docs?.why, docs?.fix].filter(Boolean).join('\n\n');
  return {
    id,
    name: id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: title },
    fullDescription: { text: docs?.summary ?? title },
    help: {
      text: text || title,
      markdown: [docs?.summary, docs?.why && `**${t('report.sarif.why')}** ${docs.why}`, docs?.fix && `**${t('report.sarif.fix')}** ${docs.fix}`, `\`martech-audit explain ${id}\``].filter(Boolean).join('\n\n'),
    },
    defaultConfiguration: { level: SARIF_LEVEL[rule?.defaultSeverity ?? 'medium'] },
    properties: { tags: ['martech', 'martech-audit'], 'default-severity': rule?.defaultSeverity ?? 'medium', precision: 'high' },
  };
}

function location(f: Finding, defaultFile: string | undefined, uri: (file: string) => string): Record<string, unknown>[] {
  if (f.location) {
    const region: Record<string, number> = { startLine: Math.max(1, f.location.line), startColumn: Math.max(1, f.location.column) };
    if (f.location.endLine && f.location.endLine >= region.startLine) {
      region.endLine = f.location.endLine;
      if (f.location.endColumn) region.endColumn = Math.max(1, f.location.endColumn);
      // A range that ends at column 1 of a later line covers whole lines: say so plainly.
      if (region.endLine > region.startLine && region.endColumn === 1) {
        region.endLine -= 1;
        delete region.endColumn;
      }
    }
    return [{ physicalLocation: { artifactLocation: { uri: uri(f.location.file) }, region } }];
  }
  if (defaultFile) return [{ physicalLocation: { artifactLocation: { uri: uri(defaultFile) }, region: { startLine: 1 } } }];
  return [];
}

/**
 * The SARIF log as a JSON string (deterministic: rules in rule-id order, results in finding
 * order). Compact, one result per line (resultsLayout below): the same bytes renderSarifChunks writes.
 */
export function renderSarif(result: AuditResult, opts: SarifOptions): string {
  return [...renderSarifChunks(result, opts)].join('');
}

/**
 * The SARIF log in chunks that end with a line break: what the CLI and `report` write.
 *
 * Compact, not pretty-printed: SARIF is a machine format (uploaded to code scanning, read by
 * viewers), never reviewed line by line in git like audit.json, and indentation was a third of its
 * bytes (the 10,000-tool log: 39 MB pretty, 25 MB this way). Each result stands on its own line,
 * so that the file stays readable with `grep`/`head`, a line-based cleaner (util/sanitize.ts) sees
 * every line start, and the results are made a batch at a time, never all at once.
 */
export function* renderSarifChunks(result: AuditResult, opts: SarifOptions): Generator<string> {
  const log = sarifLog(result, opts, true);
  const run = (log.runs as Record<string, unknown>[])[0];
  const results = run.results as LazyArray;
  // Everything but the results, compact, cut where the results go.
  const text = JSON.stringify({ ...log, runs: [{ ...run, results: RESULTS_HERE }] });
  const at = text.indexOf(JSON.stringify(RESULTS_HERE));
  if (!results.length) {
    yield `${text.slice(0, at)}[]${text.slice(at + JSON.stringify(RESULTS_HERE).length)}\n`;
    return;
  }
  yield `${text.slice(0, at)}[\n`;
  for (let i = 0; i < results.length; i += RESULTS_PER_CHUNK) {
    const batch = results.slice(i, i + RESULTS_PER_CHUNK).map((r) => JSON.stringify(r));
    yield `${batch.join(',\n')}${i + RESULTS_PER_CHUNK < results.length ? ',' : ''}\n`;
  }
  yield `]${text.slice(at + JSON.stringify(RESULTS_HERE).length)}\n`;
}

/** Where the results are cut into the log's text (a string no JSON value of the log holds). */
const RESULTS_HERE = '\u0000martech-audit:results\u0000';
/** Results serialised per chunk (about 100 kB). */
const RESULTS_PER_CHUNK = 128;

/** The log; with `lazy`, its results are made one batch at a time as they are written (util/json-chunks.ts). */
function sarifLog(result: AuditResult, opts: SarifOptions, lazy: boolean): Record<string, unknown> {
  const ruleIndex = new Map(RULE_IDS.map((id, i) => [id, i]));
  // A workspace has a few hundred files and tens of thousands of findings: each file's URI is made once.
  const uris = new Map<string, string>();
  const uri = (file: string) => {
    let u = uris.get(file);
    if (u === undefined) uris.set(file, (u = toUri(file)));
    return u;
  };
  const resultOf = (f: Finding) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? -1,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.recommendation ? `${f.message}\n${f.recommendation}` : f.message },
    locations: location(f, opts.defaultFile, uri),
    // The finding's id, once: the fingerprint code scanning tracks an alert by.
    partialFingerprints: { 'martechAuditFinding/v1': f.id },
    properties: {
      severity: f.severity,
      // In the run's currency (run.properties.currency).
      ...(f.cost !== undefined ? { cost: f.cost } : {}),
    },
  });
  const { kept, omitted } = sarifResultCount(result.findings.length, opts.maxResults);
  const results = lazy ? new LazyArray(kept, (i) => resultOf(result.findings[i])) : result.findings.slice(0, kept).map(resultOf);
  const tooMany = omitted > 0 ? {
    // SARIF's place for what the tool says about its own run (code scanning shows it on the
    // analysis); the same in run.properties for scripts.
    invocations: [{
      executionSuccessful: true,
      toolExecutionNotifications: [{
        descriptor: { id: 'results-limit' },
        level: 'warning',
        message: { text: opts.tr.tCount('report.sarif.limited', kept, { total: formatNumber(result.findings.length, opts.tr.lang), kept: formatNumber(kept, opts.tr.lang), omitted: formatNumber(omitted, opts.tr.lang), limit: formatNumber(kept, opts.tr.lang) }) },
      }],
    }],
  } : {};
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'martech-audit',
          version: opts.version,
          semanticVersion: opts.version,
          rules: RULE_IDS.map((id) => ruleDescriptor(id, opts.tr)),
        },
      },
      automationDetails: { id: `martech-audit/${result.workspace}/` },
      // Columns come from JavaScript string offsets in the YAML: UTF-16 code units.
      columnKind: 'utf16CodeUnits',
      ...tooMany,
      results,
      properties: {
        organization: result.organization,
        currency: result.summary.currency,
        assessment: { level: result.assessment.level, score: result.assessment.score },
        ...(omitted > 0 ? { findings: result.findings.length, resultsOmitted: omitted } : {}),
      },
    }],
  };
  return log;
}
