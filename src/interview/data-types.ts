// The shared data vocabulary (data/README.md), offered in the "what data" pick lists, and the
// data a touchpoint of each channel typically yields (pre-selected; the consultant unticks).
// Typed data ("Other data…") is matched to the vocabulary by its id or its English or Japanese
// name first, so that "配信停止" is the built-in `unsubscribes` with its defaults (consent data).
import { loadDataTypes } from '../catalog/index.js';
import { vocabulary as jaVocabulary } from '../i18n/ja/vocabulary.js';
import { dataTypeId } from './answers.js';

const squash = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

let names: Map<string, string> | undefined;

/** A data type said in words: the vocabulary's id when the words name one, else an id made from them. */
export function dataTypeFromText(text: string): string {
  if (!names) {
    names = new Map();
    for (const [id, d] of loadDataTypes()) {
      for (const n of [id, d.name.en, d.name.ja, jaVocabulary[`data.${id}`]]) if (n && !names.has(squash(n))) names.set(squash(n), id);
    }
  }
  return names.get(squash(text)) ?? dataTypeId(text);
}
export const DATA_TYPES = [
  'contact-profile', 'company-profile', 'pipeline', 'sales-activity', 'orders', 'purchase-history', 'payments',
  'subscriptions', 'reservations', 'web-activity', 'app-activity', 'email-engagement', 'message-engagement',
  'ad-engagement', 'social-engagement', 'video-engagement', 'conversations', 'calls', 'support-tickets',
  'survey-responses', 'reviews', 'loyalty', 'referrals', 'event-attendance', 'community-activity', 'customer-health',
  'consent', 'identity-graph', 'preferences',
  // The rest of the built-in vocabulary (data/data-types.yaml): data from partners and providers.
  'unsubscribes', 'partner-leads', 'marketplace-orders', 'enrichment', 'firmographics', 'intent-data', 'purchased-lists',
] as const;

export const CHANNEL_DATA: Record<string, string[]> = {
  email: ['email-engagement'],
  website: ['web-activity'],
  'mobile-app': ['app-activity'],
  social: ['social-engagement'],
  chat: ['conversations'],
  phone: ['calls'],
  store: ['purchase-history'],
  event: ['event-attendance'],
  webinar: ['event-attendance'],
  advertising: ['ad-engagement'],
  search: ['ad-engagement'],
  sms: ['message-engagement'],
  push: ['message-engagement'],
  marketplace: ['orders'],
  community: ['community-activity'],
  partner: ['referrals'],
  'review-site': ['reviews'],
};
