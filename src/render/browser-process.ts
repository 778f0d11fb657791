// The launched browser as a process: its temporary profile folder (one per run, removed by the
// run or, when it was killed, by the next), its process group (stopped politely, then not) and the
// DevTools protocol over its pipes (--remote-debugging-pipe: no network port).
import type { ChildProcess } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const PROFILE_PREFIX = 'martech-audit-chromium-';
/** What Chromium appends to TMPDIR for its singleton socket: `/.org.chromium.Chromium.XXXXXX/SingletonSocket`. */
export const SOCKET_SUFFIX = '/.org.chromium.Chromium.XXXXXX/SingletonSocket'.length;

/** The temporary folder for the profile: TMPDIR when it exists, else the system's. */
export function usableTmpDir(env: NodeJS.ProcessEnv): string {
  for (const d of [env.TMPDIR || tmpdir(), tmpdir(), '/tmp']) {
    try {
      if (d && statSync(d).isDirectory()) return d;
    } catch { /* next */ }
  }
  return tmpdir();
}

/** Profiles left by runs that were killed (their process is gone): removed, so they never pile up. */
export function removeStaleProfiles(root: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const n of names) {
    if (!n.startsWith(PROFILE_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(n.slice(PROFILE_PREFIX.length))?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // still running
    } catch (err) {
      if ((err as { code?: string }).code === 'EPERM') continue;
    }
    try {
      rmSync(join(root, n), { recursive: true, force: true });
      removed.push(n);
    } catch {
      // Another user's leftover in a shared temporary folder: not ours to remove.
    }
  }
  return removed;
}

export function spawnError(err: NodeJS.ErrnoException): string {
  return err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOENT' ? 'no such file' : String(err.message).split('\n')[0];
}

/** The DevTools protocol over the browser's fds 3 (we write) and 4 (it writes): NUL-separated JSON. */
export class PipeTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  closed = false;
  private pending: Buffer[] = [];
  constructor(private readonly out: Writable, private readonly input: Readable) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    const end = () => this.markClosed();
    input.on('close', end);
    input.on('error', end);
    out.on('error', end);
  }
  send(message: string): void {
    if (this.closed) return;
    this.out.write(`${message}\0`);
  }
  private receive(chunk: Buffer): void {
    let start = 0;
    for (let i = chunk.indexOf(0); i !== -1; i = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, i));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = i + 1;
      // Delivered asynchronously, as puppeteer's own transport does.
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }
  markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.onclose?.());
  }
  close(): void {
    this.markClosed();
    this.out.destroy();
    this.input.destroy();
  }
}

/** The launched browser: its process group, stopped politely, then not. */
export class BrowserProcess {
  readonly transport: PipeTransport;
  exited = false;
  readonly exitedPromise: Promise<void>;
  constructor(private readonly child: ChildProcess) {
    const stdio = child.stdio as unknown as [unknown, unknown, unknown, Writable, Readable];
    this.transport = new PipeTransport(stdio[3], stdio[4]);
    this.exitedPromise = new Promise((r) => {
      child.once('exit', () => {
        this.exited = true;
        r();
      });
      child.once('error', () => {
        // Never started: nothing to wait for.
        if (child.pid === undefined) {
          this.exited = true;
          r();
        }
      });
    });
  }
  private signal(sig: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === 'win32') this.child.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      try {
        this.child.kill(sig);
      } catch { /* gone */ }
    }
  }
  /** Whether the process exits within `ms`. */
  waitExit(ms: number): Promise<boolean> {
    return Promise.race([this.exitedPromise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  }
  /** SIGKILL to the group, synchronously (on process exit). */
  killNow(): void {
    if (!this.exited) this.signal('SIGKILL');
  }
  /** SIGTERM to the group, SIGKILL after 2 s, and the pipes released so that nothing keeps us alive. */
  async stop(): Promise<void> {
    if (!this.exited) {
      this.signal('SIGTERM');
      const done = await Promise.race([this.exitedPromise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]);
      if (!done) {
        this.signal('SIGKILL');
        await Promise.race([this.exitedPromise, new Promise((r) => setTimeout(r, 2000).unref())]);
      } else {
        // What the launched process started (a wrapper script's browser) may outlive it: the group goes.
        this.signal('SIGKILL');
      }
    } else {
      // The browser is gone; a child it left in the group (a wrapper's sleep) goes too.
      this.signal('SIGKILL');
    }
    this.transport.close();
    for (const s of this.child.stdio) (s as { destroy?: () => void } | null)?.destroy?.();
    this.child.unref();
  }
}
