// `analyze --format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins,
// Azure DevOps, CircleCI). One test suite per rule; each finding is a failing test case,
// a rule without findings one passing case, and a finding a baseline accepts is skipped.
import type { AuditResult, Finding } from '../analysis/types.js';
import { RULE_IDS } from '../analysis/rules/index.js';
import { knownIds } from '../baseline/baseline.js';
import { findingFile, sortFindings, type WordedCiContext } from './github.js';
import { withCiRoot } from '../git/ci.js';

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these controls; removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function failureBody(f: Finding, file: string | undefined): string {
  const lines: string[] = [];
  if (file && f.location) lines.push(`${file}:${f.location.line}:${f.location.column}`);
  lines.push(f.message);
  if (f.recommendation) lines.push('', f.recommendation);
  return lines.join('\n');
}

export function renderJunit(result: AuditResult, ctx: WordedCiContext): string {
  const { t } = ctx.tr;
  const known = knownIds(result);
  const byRule = new Map<string, Finding[]>();
  for (const f of sortFindings(result.findings)) {
    const list = byRule.get(f.rule) ?? [];
    list.push(f);
    byRule.set(f.rule, list);
  }
  const rules = [...new Set<string>([...RULE_IDS, ...byRule.keys()])];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const rule of rules) {
    const findings = byRule.get(rule) ?? [];
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    if (!findings.length) {
      cases.push(`    <testcase${attrs({ classname: rule, name: t('ci.junit.no-findings', { rule }) })}/>`);
    }
    for (const f of findings) {
      const file = findingFile(f, ctx);
      const head = `    <testcase${attrs({ classname: rule, name: f.id, file, line: f.location?.line })}>`;
      if (known.has(f.id)) {
        suiteSkipped++;
        cases.push(`${head}\n      <skipped${attrs({ message: `${t('ci.in-baseline')} ${f.message}` })}/>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(`${head}\n      <failure${attrs({ type: f.severity, message: f.message })}>${xmlEscape(failureBody(f, file))}</failure>\n    </testcase>`);
      }
    }
    const count = Math.max(1, findings.length);
    tests += count;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite${attrs({ name: rule, tests: count, failures: suiteFailures, errors: 0, skipped: suiteSkipped })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites${attrs({ name: `martech-audit: ${result.organization}`, tests, failures, errors: 0, skipped })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}

/** The analyze command's entry: file paths relative to the CI project folder or the git top folder. */
export function junitReporter(result: AuditResult, ctx: WordedCiContext): string {
  return renderJunit(result, withCiRoot(ctx));
}
