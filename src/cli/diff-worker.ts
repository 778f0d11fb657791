// The worker thread of `diff` (src/diff/parallel.ts), an entry point like main.ts (so it lives in
// src/cli, the edge that may set a thread's language): loads the old side and, once the main thread
// has loaded the new side and knows the language, analyses it and sends back its digest. Only
// plain data crosses: the side's source bytes in; diagnostics (an invalid workspace) or the digest
// (a few MB for 10,000 tools) out. Built as its own entry, dist/diff-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { initLang, translator, type Lang } from '../i18n/index.js';
import { digestLoaded, loadSide, type SideTask, type ToMain, type ToWorker } from '../diff/parallel.js';

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
  const m = await new Promise<ToWorker>((resolve) => port.once('message', resolve));
  if (m.type === 'digest') send({ type: 'digest', digest: digestLoaded(loaded, await useLang(m.lang)) });
  port.close();
}

// A failure here (a bug) reaches the main thread as the worker's 'error' event.
await run(workerData as SideTask);
