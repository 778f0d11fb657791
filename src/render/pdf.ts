// The report's PDF: the self-contained HTML report printed by the run's browser (print styles in
// the HTML decide page breaks). No network: the page's requests are blocked like the diagrams'.
import { isolatePage, type BrowserSession } from './browser.js';

export interface PdfOptions {
  /** Footer text left of the page number. */
  footer?: string;
  /** "Page {page} of {pages}"-style label; {page} and {pages} are filled by Chromium. */
  pageLabel?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function htmlToPdf(session: BrowserSession, html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const page = await session.browser.newPage();
  try {
    await isolatePage(page, session.blockedRequests);
    await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    await page.emulateMediaType?.('print');
    const label = escapeHtml(opts.pageLabel ?? '{page} / {pages}')
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    const footer = `<div style="font-size:11px;color:#5f6368;width:100%;padding:0 14mm;display:flex;justify-content:space-between;font-family:Arial,'Liberation Sans','Noto Sans CJK JP',sans-serif"><span>${escapeHtml(opts.footer ?? '')}</span><span>${label}</span></div>`;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
      // The CSS decides: A4 landscape, and A4 portrait or A3 landscape pages for large diagrams.
      preferCSSPageSize: true,
      outline: true,
      tagged: true,
    });
  } finally {
    await page.close();
  }
}
