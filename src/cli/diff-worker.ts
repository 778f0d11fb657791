// The worker thread of `diff` (src/diff/parallel.ts), an entry point like main.ts (so it lives in
// src/cli, the edge that may set a thread's language): loads the old side and, once the main thread
// has loaded the new side and knows the language, analyses it and, once told which findings the
// new side has, sends back its digest (the words of the findings both sides have left out). Only
// plain data crosses: the side's source bytes in; diagnostics (an invalid workspace) or the digest
// (a few MB for 10,000 tools) out. Built as its own entry, dist/diff-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { initLang, translator, type Lang } from '../i18n/index.js';
import { entityDigest, findingsDigest } from '../diff/digest.js';
import { digestLoaded, liteFindings, loadSide, type SideTask, type ToMain, type ToWorker } from '../diff/parallel.js';

const port = parentPort!;
const send = (m: ToMain): void => port.postMessage(m);

// The process language as the main thread had it (the command's, then the workspace's), so that
// anything worded through the global t() reads the same as in the main thread.
async function useLang(lang: Lang) {
  await initLang(lang);
  return translator(lang);
}

async function run(task: SideTask): Promise<void> {
  const loaded = loadSide(task, await useLang(task.lang));
  if (!loaded.load.ok || !loaded.load.workspace) {
    send({ type: 'loaded', ok: false, diagnostics: loaded.load.diagnostics, sources: loaded.load.sources });
    port.close();
    return;
  }
  send({ type: 'loaded', ok: true });
  const next = inbox();
  const m = await next();
  if (m.type === 'digest') {
    const tr = await useLang(m.lang);
    // The workspace's part first: the main thread compares it while this thread analyses.
    const entities = entityDigest(loaded.load.workspace, tr);
    send({ type: 'entities', entities });
    const digest = digestLoaded(loaded, tr, entities);
    // Only what the comparison reads of the findings the new side also has.
    const kept = await next();
    if (kept.type === 'kept') send({ type: 'digest', digest: findingsDigest(liteFindings(digest, new Set(kept.ids))) });
  }
  port.close();
}

/** The main thread's messages in order. */
function inbox(): () => Promise<ToWorker> {
  const queue: ToWorker[] = [];
  let waiting: ((m: ToWorker) => void) | undefined;
  port.on('message', (m: ToWorker) => {
    const w = waiting;
    waiting = undefined;
    if (w) w(m);
    else queue.push(m);
  });
  return () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => {
    waiting = resolve;
  }));
}

// A failure here (a bug) reaches the main thread as the worker's 'error' event.
await run(workerData as SideTask);
