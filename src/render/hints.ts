// What to tell the user when the browser is not available: why, and how to get full rendering.
import { t } from '../i18n/index.js';
import type { RendererUnavailable } from './browser.js';

export function unavailableReason(err: RendererUnavailable): string {
  switch (err.reason) {
    case 'disabled': return t('render.why.disabled');
    case 'no-puppeteer': return t('render.why.no-puppeteer');
    case 'launch-failed': return t('render.why.launch-failed', { detail: err.detail ?? err.message });
    default: return err.detail ? t('render.why.bad-env', { path: err.detail }) : t('render.why.no-browser');
  }
}

export function enableHint(err: RendererUnavailable): string {
  switch (err.reason) {
    case 'disabled': return t('render.how.disabled');
    case 'no-puppeteer': return t('render.how.no-puppeteer');
    case 'launch-failed': return t('render.how.launch-failed');
    default: return t(process.platform === 'darwin' ? 'render.how.no-browser.mac' : process.platform === 'win32' ? 'render.how.no-browser.win' : 'render.how.no-browser.linux');
  }
}
