// Rendering for a whole run: one browser, started on first use, shared by every diagram and the
// PDF, closed at the end. Commands and the report writer talk to `RenderEngine` only, so tests can
// pass an engine that fails (to check what happens without a browser) without uninstalling one.
import { launchBrowser, type BrowserSession } from './browser.js';
import type { RendererUnavailable } from './unavailable.js';
import { MermaidPage, type RenderedSvg } from './mermaid-page.js';
import { htmlToPdf, type PdfOptions } from './pdf.js';

export { RendererUnavailable } from './unavailable.js';
export type { RenderedSvg } from './mermaid-page.js';

export interface RenderJob { id: string; source: string }
export type RenderOutcome = { ok: true; svg: RenderedSvg } | { ok: false; error: string };

export interface RenderEngine {
  /** Renders every job in one page, in order; a diagram that fails does not stop the others. */
  renderSvgs(jobs: RenderJob[], onEach?: (done: number, total: number) => void): Promise<RenderOutcome[]>;
  png(svg: RenderedSvg, scale?: number): Promise<Uint8Array>;
  svgPdf(svg: RenderedSvg): Promise<Uint8Array>;
  htmlPdf(html: string, opts?: PdfOptions): Promise<Uint8Array>;
  /** URLs any page tried to load (all blocked). */
  blockedRequests(): string[];
  /** False once the browser has gone mid-run (killed, crashed): what failed then is "renderer unavailable". */
  alive?(): boolean;
  close(): Promise<void>;
}

/** The real engine: Chromium through puppeteer. Throws RendererUnavailable when it cannot start. */
export async function openBrowserEngine(env: NodeJS.ProcessEnv = process.env): Promise<RenderEngine> {
  const session: BrowserSession = await launchBrowser(env);
  let page: MermaidPage | undefined;
  const mermaidPage = async () => (page ??= await MermaidPage.open(session));
  return {
    async renderSvgs(jobs, onEach) {
      const out: RenderOutcome[] = [];
      if (jobs.length === 0) return out;
      const p = await mermaidPage();
      for (const job of jobs) {
        try {
          out.push({ ok: true, svg: await p.render(job.source, job.id) });
        } catch (err) {
          out.push({ ok: false, error: String((err as Error)?.message ?? err) });
        }
        onEach?.(out.length, jobs.length);
      }
      return out;
    },
    async png(svg, scale) {
      return (await mermaidPage()).png(svg, scale);
    },
    async svgPdf(svg) {
      return (await mermaidPage()).pdf(svg);
    },
    async htmlPdf(html, opts) {
      return htmlToPdf(session, html, opts);
    },
    blockedRequests: () => [...session.blockedRequests],
    alive: () => session.alive(),
    async close() {
      if (session.alive()) await page?.close();
      await session.close();
    },
  };
}

/** An engine that is never available (tests, `--no-render`). */
export function unavailableEngine(reason: RendererUnavailable): RenderEngine {
  const fail = async (): Promise<never> => {
    throw reason;
  };
  return {
    renderSvgs: fail, png: fail, svgPdf: fail, htmlPdf: fail, blockedRequests: () => [], close: async () => {},
  };
}
