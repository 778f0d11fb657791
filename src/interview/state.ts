// Where an interview stopped, so that `--resume` continues there. A small JSON file in a hidden
// folder of the workspace (the loader skips hidden folders); the folder ignores itself in git.
import { existsSync, readFileSync, rmSync, readdirSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';

export const STEPS = ['organization', 'stages', 'touchpoints', 'tools', 'integrations', 'customer', 'analysis'] as const;
export type StepId = (typeof STEPS)[number];
/**
 * The steps of the usual walk, numbered for `--step <n>` in the order a full interview takes them:
 * the customer's side (format revision 2) is step 6, after the integrations, and the analysis 7.
 */
export const NUMBERED_STEPS: readonly StepId[] = STEPS;

export function isStep(x: string): x is StepId {
  return (STEPS as readonly string[]).includes(x);
}

export interface InterviewState {
  version: 1;
  /** The step in progress. */
  step: StepId;
  /** Within that step: what is finished (stage ids, touchpoint ids, tool ids, ...). */
  done: string[];
  /** Started with --step: only that step is to be finished. */
  only?: boolean;
  /** Entries begun but not finished ("tp:<id>", "tool:<id>"): on --resume their remaining questions are asked. */
  open?: string[];
  /** Left by a --quick interview: `open` lists what was entered without its details. */
  quick?: boolean;
}

export class StateStore {
  readonly file: string;

  constructor(dir: string, kind: 'directory' | 'file', workspaceFile?: string) {
    const folder = join(dir, '.martech-audit');
    this.file = kind === 'file' && workspaceFile
      ? join(folder, `interview-${basename(workspaceFile).replace(/\.ya?ml$/i, '')}.json`)
      : join(folder, 'interview.json');
  }

  load(): InterviewState | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      const s = JSON.parse(readFileSync(this.file, 'utf8'));
      if (s?.version !== 1 || typeof s.step !== 'string' || !isStep(s.step)) return undefined;
      const open = Array.isArray(s.open) ? s.open.map(String) : [];
      return {
        version: 1, step: s.step, done: Array.isArray(s.done) ? s.done.map(String) : [],
        ...(s.only ? { only: true } : {}), ...(open.length ? { open } : {}), ...(s.quick ? { quick: true } : {}),
      };
    } catch {
      return undefined; // a broken state file only means "start from the beginning"
    }
  }

  save(state: InterviewState): void {
    const folder = dirname(this.file);
    const ignore = join(folder, '.gitignore');
    if (!existsSync(ignore)) writeFileAtomic(ignore, '# interview progress of martech-audit; not part of the audit\n*\n');
    writeFileAtomic(this.file, `${JSON.stringify(state, null, 2)}\n`);
  }

  clear(): void {
    rmSync(this.file, { force: true });
    const folder = dirname(this.file);
    try {
      const left = readdirSync(folder);
      if (left.every((n) => n === '.gitignore')) {
        rmSync(join(folder, '.gitignore'), { force: true });
        rmdirSync(folder);
      }
    } catch {
      /* nothing to tidy */
    }
  }
}
