// Real temporary git repositories for tests (no mocked git). Global and system git config are
// ignored so that a developer's settings (signing, hooks, default branch) cannot change results.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, cpSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, text: string): void;
  copy(from: string, rel: string): void;
  rm(rel: string): void;
  commit(message: string): string;
  cleanup(): void;
}

export function makeRepo(): TempRepo {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'martech-git-')));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test User');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    write(rel, text) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    },
    copy(from, rel) {
      cpSync(from, join(dir, rel), { recursive: true });
    },
    rm(rel) {
      rmSync(join(dir, rel), { recursive: true, force: true });
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const MANIFEST = `version: 1
organization:
  name: Acme
  currency: EUR
  departments: [marketing, sales, it]
`;

export const TOOLS = `tools:
  - id: crm
    name: Acme CRM
    capabilities: [crm]
    hub: true
    owner: sales
    status: active
    cost: { amount: 12000, period: year }
    seats: { licensed: 20, active: 18 }
    data: [contact-profile]
  - id: newsletter
    name: Newsletter Tool
    capabilities: [email-marketing]
    owner: marketing
    status: active
    cost: { amount: 100, period: month }
    data: [contact-profile, email-engagement]
`;

export const TOUCHPOINTS = `touchpoints:
  - id: newsletter
    name: Monthly newsletter
    stage: awareness
    channel: email
    owner: marketing
    tools: [newsletter]
    captures: [email-engagement]
`;

export const INTEGRATIONS = `integrations:
  - from: newsletter
    to: crm
    mode: batch
`;
