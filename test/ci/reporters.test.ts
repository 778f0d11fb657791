// The CI reporters: GitHub workflow commands, JUnit XML, GitLab code quality JSON.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../src/report/github.js';
import { renderJunit, xmlEscape } from '../../src/report/junit.js';
import { fingerprint, renderCodeClimate, toCodeClimate } from '../../src/report/codeclimate.js';
import { applyBaseline } from '../../src/baseline/baseline.js';
import { RULE_IDS } from '../../src/analysis/rules/index.js';
import { finding, sampleResult } from './sample-result.js';
import { activeTranslator } from '../../src/i18n/index.js';

describe('github workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('data-silo:intercom (high), 50%\n')).toBe('data-silo%3Aintercom (high)%2C 50%25%0A');
    expect(workflowCommand('error', { file: 'a,b:c.yaml', line: 3, col: 7, title: 'x:y' }, 'line1\nline2 %0A'))
      .toBe('::error file=a%2Cb%3Ac.yaml,line=3,col=7,title=x%3Ay::line1%0Aline2 %250A');
  });

  it('one command per finding, most severe first, severities mapped to error/warning/notice', () => {
    const out = renderGithub(sampleResult(), { tr: activeTranslator(), rootDir: '/repo', cwd: '/repo' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^::notice title=martech-audit%3A Acme%2C Inc\.::Assessment: integrate, score 58\. Findings: 5\.$/);
    expect(lines[1]).toBe('::error title=no-customer-hub%3Aworkspace (critical)::message of no-customer-hub:workspace%0Afix no-customer-hub:workspace');
    expect(lines[2]).toBe(
      '::error file=audit/tools.yaml,line=31,col=5,title=data-silo%3Aintercom (high)::'
      + 'Intercom holds contact-profile, chat-history but is connected to no hub: 100%25 of chats, no history.%0Afix data-silo:intercom',
    );
    expect(lines[3]).toBe('::warning file=audit/tools.yaml,line=12,col=5,title=capability-overlap%3Aemail-marketing (medium)::message of capability-overlap:email-marketing%0Afix capability-overlap:email-marketing');
    expect(lines[4]).toMatch(/^::warning file=audit\/tools.yaml,line=80,col=5,title=orphan-tool%3Ahotjar \(low\)::/);
    expect(lines[5]).toMatch(/^::notice file=audit\/touchpoints.yaml,line=40,col=5,title=untapped-touchpoint%3Aevents \(info\)::/);
    for (const l of lines) expect(l).not.toMatch(/[\r]/);
  });

  it('paths are made relative to the repository root', () => {
    const out = renderGithub(sampleResult(), { tr: activeTranslator(), rootDir: '/repo', cwd: '/repo/teams' });
    expect(out).toContain('file=teams/audit/tools.yaml,line=31');
  });

  it('findings a baseline accepts become notices', () => {
    const r = applyBaseline(sampleResult(), { version: 1, findings: [{ id: 'data-silo:intercom', severity: 'high' }] }, 'b.json');
    const out = renderGithub(r, { tr: activeTranslator() });
    expect(out).toContain('::notice file=audit/tools.yaml,line=31,col=5,title=data-silo%3Aintercom (high)::(in the baseline) Intercom');
    expect(out.split('\n')[0]).toContain('Findings: 5 (4 new, 1 in the baseline).');
  });
});

// jsdom (a dev dependency, no bundled types) parses XML strictly: a parsererror means not well-formed.
// @ts-expect-error -- no type declarations for jsdom
const { JSDOM } = (await import('jsdom')) as any;

function parseXml(xml: string): any {
  const { DOMParser } = new JSDOM('').window;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
  return doc;
}

describe('junit', () => {
  it('is well-formed XML with one suite per rule and the findings as failures', () => {
    const xml = renderJunit(sampleResult(), { tr: activeTranslator(), rootDir: '/repo', cwd: '/repo' });
    const doc = parseXml(xml);
    const root = doc.documentElement;
    expect(root.tagName).toBe('testsuites');
    expect(root.getAttribute('name')).toBe('martech-audit: Acme, Inc.');
    const suites = [...doc.getElementsByTagName('testsuite')];
    expect(suites.map((s) => s.getAttribute('name'))).toEqual([...RULE_IDS]);
    const failures = [...doc.getElementsByTagName('failure')];
    expect(failures).toHaveLength(5);
    expect(root.getAttribute('failures')).toBe('5');
    expect(root.getAttribute('tests')).toBe(String(RULE_IDS.length));
    const silo = [...doc.getElementsByTagName('testcase')].find((c) => c.getAttribute('name') === 'data-silo:intercom')!;
    expect(silo.getAttribute('classname')).toBe('data-silo');
    expect(silo.getAttribute('file')).toBe('audit/tools.yaml');
    const f = silo.getElementsByTagName('failure')[0];
    expect(f.getAttribute('type')).toBe('high');
    expect(f.textContent).toContain('audit/tools.yaml:31:5\nIntercom holds');
    const passing = [...doc.getElementsByTagName('testcase')].filter((c) => !c.children.length);
    expect(passing.map((c) => c.getAttribute('classname'))).toContain('trapped-data');
  });

  it('escapes markup, quotes and control characters in user text', () => {
    const nasty = 'a <b> & "c" \'d\' \u0001\u0008 ]]> end';
    const xml = renderJunit(sampleResult([finding({ id: 'orphan-tool:x', rule: 'orphan-tool', severity: 'low', message: nasty, recommendation: nasty })]), { tr: activeTranslator() });
    const doc = parseXml(xml);
    const f = doc.getElementsByTagName('failure')[0];
    expect(f.getAttribute('message')).toBe('a <b> & "c" \'d\'  ]]> end');
    expect(xmlEscape('x\uD800y')).toBe('xy');
    expect(() => parseXml('<a><b></a>')).toThrow(/well-formed/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/well-formed/);
  });

  it('a finding the baseline accepts is skipped, not failed', () => {
    const r = applyBaseline(sampleResult(), { version: 1, findings: [{ id: 'data-silo:intercom' }] }, 'b.json');
    const doc = parseXml(renderJunit(r, { tr: activeTranslator() }));
    expect(doc.getElementsByTagName('failure')).toHaveLength(4);
    expect(doc.getElementsByTagName('skipped')).toHaveLength(1);
    expect(doc.documentElement.getAttribute('skipped')).toBe('1');
  });
});

describe('codeclimate (GitLab code quality)', () => {
  it('has the shape GitLab reads, with stable fingerprints from finding ids', () => {
    const issues = JSON.parse(renderCodeClimate(sampleResult(), { rootDir: '/repo', cwd: '/repo' }));
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(5);
    for (const i of issues) {
      expect(i).toEqual(expect.objectContaining({
        type: 'issue',
        check_name: expect.any(String),
        description: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
        location: expect.objectContaining({ path: expect.any(String), lines: expect.objectContaining({ begin: expect.any(Number) }) }),
      }));
    }
    const silo = issues.find((i: any) => i.check_name === 'data-silo');
    expect(silo).toEqual(expect.objectContaining({
      severity: 'critical', fingerprint: fingerprint('data-silo:intercom'), location: { path: 'audit/tools.yaml', lines: { begin: 31 } },
    }));
    // A finding without a location is reported on the manifest, line 1.
    expect(issues.find((i: any) => i.check_name === 'no-customer-hub').location).toEqual({ path: 'audit/martech-audit.yaml', lines: { begin: 1 } });
    expect(new Set(issues.map((i: any) => i.fingerprint)).size).toBe(5);
  });

  it('a fingerprint depends on the id only (not the message, line or cost)', () => {
    const a = toCodeClimate(sampleResult())[1];
    const moved = sampleResult().findings.map((f) => ({ ...f, message: 'reworded', cost: 1, location: f.location && { ...f.location, line: 99 } }));
    const b = toCodeClimate(sampleResult(moved))[1];
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
  });
});
