// The shared data vocabulary (data/README.md), offered in the "what data" pick lists, and the
// data a touchpoint of each channel typically yields (pre-selected; the consultant unticks).
export const DATA_TYPES = [
  'contact-profile', 'company-profile', 'pipeline', 'sales-activity', 'orders', 'purchase-history', 'payments',
  'subscriptions', 'reservations', 'web-activity', 'app-activity', 'email-engagement', 'message-engagement',
  'ad-engagement', 'social-engagement', 'video-engagement', 'conversations', 'calls', 'support-tickets',
  'survey-responses', 'reviews', 'loyalty', 'referrals', 'event-attendance', 'community-activity', 'customer-health',
  'consent', 'identity-graph', 'preferences',
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
