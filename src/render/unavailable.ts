// Why the browser cannot be used (no browser, no puppeteer, it would not start, it crashed): the
// reason the command shows with a hint (render/hints.ts), never a stack trace.

/** Why rendering is not possible; `hint` says how to enable it. */
export type UnavailableReason = 'disabled' | 'no-puppeteer' | 'no-browser' | 'launch-failed' | 'not-runnable' | 'bad-env' | 'timeout' | 'crashed';

export class RendererUnavailable extends Error {
  override name = 'RendererUnavailable';
  constructor(readonly reason: UnavailableReason, message: string, readonly detail?: string) {
    super(message);
  }
}
