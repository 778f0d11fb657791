// What to tell the user when the browser is not available: why, and how to get full rendering.
import type { Translator } from '../i18n/index.js';
import type { RendererUnavailable } from './unavailable.js';

/** A detail from an error message ends where the sentence around it goes on ("Connection closed." ends with no dot). */
function detailOf(err: RendererUnavailable): string {
  return (err.detail ?? err.message).replace(/[.。\s]+$/u, '');
}

export function unavailableReason(err: RendererUnavailable, { t }: Translator): string {
  switch (err.reason) {
    case 'disabled': return t('render.why.disabled');
    case 'no-puppeteer': return t('render.why.no-puppeteer');
    case 'launch-failed':
    case 'not-runnable': return t('render.why.launch-failed', { detail: detailOf(err) });
    case 'bad-env': return t('render.why.env-missing', { path: err.detail ?? '' });
    case 'timeout': return t('render.why.timeout', { seconds: err.detail ?? '30' });
    case 'crashed': return t('render.why.crashed', { detail: detailOf(err) });
    default: return err.detail ? t('render.why.bad-env', { path: err.detail }) : t('render.why.no-browser');
  }
}

export function enableHint(err: RendererUnavailable, { t }: Translator): string {
  switch (err.reason) {
    case 'disabled': return t('render.how.disabled');
    case 'no-puppeteer': return t('render.how.no-puppeteer');
    case 'launch-failed': return t('render.how.launch-failed');
    case 'not-runnable': return t('render.how.not-runnable');
    case 'bad-env': return t('render.how.env-missing');
    case 'timeout': return t('render.how.timeout');
    case 'crashed': return t('render.how.crashed');
    default: return t(process.platform === 'darwin' ? 'render.how.no-browser.mac' : process.platform === 'win32' ? 'render.how.no-browser.win' : 'render.how.no-browser.linux');
  }
}
