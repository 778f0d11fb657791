// The CI templates' install step works with what MARTECH_AUDIT_VERSION may hold until (and after)
// the package is published: a registry version, a package tarball (path or URL) or a git URL
// (issue #12). The step is taken from the templates as written and run with bash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { ROOT } from '../git/cli.js';

const GITHUB = join(ROOT, 'templates/ci/github/.github/workflows/martech-audit.yml');
const GITLAB = join(ROOT, 'templates/ci/gitlab/.gitlab-ci.yml');

const githubStep = (): string => parse(readFileSync(GITHUB, 'utf8')).jobs.audit.steps.find((s: { name?: string }) => s.name === 'Install martech-audit').run;
const gitlabStep = (): string => (parse(readFileSync(GITLAB, 'utf8'))['martech-audit'].before_script as string[]).join('\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mta-ci-install-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bash(script: string, env: NodeJS.ProcessEnv, timeout = 60_000) {
  const r = spawnSync('bash', ['-e', '-c', script], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('the install step reads MARTECH_AUDIT_VERSION as a version, a tarball or a git URL', () => {
  // An `npm` on PATH that prints what it was asked to install: the spec each form turns into.
  const specs: [string, string][] = [
    ['latest', 'martech-audit@latest'],
    ['1.2.0', 'martech-audit@1.2.0'],
    ['./ci/martech-audit-0.1.0.tgz', './ci/martech-audit-0.1.0.tgz'],
    ['martech-audit-0.1.0.tgz', 'martech-audit-0.1.0.tgz'],
    ['https://github.com/martech-audit/martech-audit/releases/download/v0.1.0/martech-audit-0.1.0.tgz', 'https://github.com/martech-audit/martech-audit/releases/download/v0.1.0/martech-audit-0.1.0.tgz'],
    ['git+https://github.com/martech-audit/martech-audit.git#v0.1.0', 'git+https://github.com/martech-audit/martech-audit.git#v0.1.0'],
    ['github:martech-audit/martech-audit#main', 'github:martech-audit/martech-audit#main'],
  ];
  for (const [name, step] of [['GitHub', githubStep], ['GitLab', gitlabStep]] as const) {
    it(name, () => {
      const bin = join(dir, `shim-${name}`);
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'npm'), '#!/bin/sh\nfor a in "$@"; do last="$a"; done\necho "$last"\n');
      chmodSync(join(bin, 'npm'), 0o755);
      for (const [value, spec] of specs) {
        const r = bash(step(), { MARTECH_AUDIT_VERSION: value, PATH: `${bin}:${process.env.PATH}` });
        expect(r.code, r.out).toBe(0);
        expect(r.out.trim(), value).toBe(spec);
      }
    });
  }
});

describe('the install step installs the packed tarball', () => {
  // The real thing: `npm pack`, then the GitHub template's step with MARTECH_AUDIT_VERSION set to
  // the tarball, installing globally into a folder of the test (npm_config_prefix). npm fetches
  // the dependencies as in CI (from its cache when it has them).
  it('and the installed command runs', () => {
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(dir).find((f) => /^martech-audit-.*\.tgz$/.test(f))!;
    mkdirSync(join(dir, 'ci'), { recursive: true });
    cpSync(join(dir, tarball), join(dir, 'ci', tarball));
    const prefix = join(dir, 'prefix');
    const env = {
      MARTECH_AUDIT_VERSION: `./ci/${tarball}`, npm_config_prefix: prefix, npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false', PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
    };
    const r = bash(githubStep(), env, 540_000);
    expect(r.code, r.out).toBe(0);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const run = (args: string[]) => spawnSync(join(prefix, 'bin', 'martech-audit'), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(run(['--version']).stdout.trim()).toBe(version);
    const validate = run(['validate', join(ROOT, 'examples', 'northwind-b2b')]);
    expect(validate.status, validate.stderr).toBe(0);
  }, 600_000);
});
