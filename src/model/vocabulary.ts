// Closed vocabularies of the workspace format (format.md): channels, statuses, severities, levels.
// Part of the model (the loader, the analysis, the reports and the interview all speak it).
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const TOP_LEVEL_KEYS = [
  'version', 'organization', 'stages', 'settings', 'touchpoints', 'tools', 'integrations', 'strategy', 'questions',
  'personas', 'data_types',
] as const;
export const SINGLETON_KEYS = ['organization', 'stages', 'settings'] as const;

export const CHANNELS = [
  'email', 'website', 'mobile-app', 'social', 'chat', 'phone', 'store', 'event', 'webinar', 'advertising',
  'search', 'sms', 'push', 'direct-mail', 'marketplace', 'community', 'partner', 'review-site', 'other',
] as const;
/**
 * Words people write for a known channel. Only for the "did you mean" of an unknown channel:
 * edit distance alone proposes "webinar" for "web" and nothing for "e-mail" or "line".
 */
export const CHANNEL_ALIASES: Record<string, (typeof CHANNELS)[number]> = {
  web: 'website', site: 'website', homepage: 'website', landing: 'website', 'landing-page': 'website', blog: 'website',
  mail: 'email', 'e-mail': 'email', newsletter: 'email', app: 'mobile-app', mobile: 'mobile-app', 'in-app': 'mobile-app',
  line: 'chat', whatsapp: 'chat', messenger: 'chat', messaging: 'chat', 'live-chat': 'chat',
  tel: 'phone', telephone: 'phone', call: 'phone', 'call-center': 'phone', 'contact-center': 'phone',
  shop: 'store', retail: 'store', 'in-store': 'store', pos: 'store', ads: 'advertising', ad: 'advertising', paid: 'advertising',
  seo: 'search', sem: 'search', instagram: 'social', facebook: 'social', linkedin: 'social', x: 'social', tiktok: 'social',
  youtube: 'social', 'trade-show': 'event', 'trade-fair': 'event', seminar: 'webinar', dm: 'direct-mail', post: 'direct-mail',
  reviews: 'review-site', review: 'review-site', forum: 'community', referral: 'partner', reseller: 'partner',
  amazon: 'marketplace', rakuten: 'marketplace', mall: 'marketplace', text: 'sms', notification: 'push',
};

export const TOOL_STATUSES = ['active', 'pilot', 'retiring', 'retired'] as const;
export const COST_PERIODS = ['year', 'month'] as const;
export const INTEGRATION_MODES = ['realtime', 'batch', 'manual'] as const;
// Revision 2 (format.md, "Additions of revision 2").
/** How fresh customer data must be where a touchpoint uses it (`needs`), freshest first. */
export const FRESHNESS = ['realtime', 'hourly', 'daily', 'weekly', 'monthly'] as const;
/** How often a link moves data (`frequency`), fastest first. */
export const FREQUENCIES = ['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
/** Where a data type comes from. */
export const DATA_PARTIES = ['first', 'second', 'third'] as const;
/**
 * Rank of a freshness or a frequency: lower is fresher. `needs` and `frequency` share the scale,
 * so "a touchpoint needs fresher data than a link brings" is `rank(needs) < rank(frequency)`.
 */
export const FREQUENCY_RANK: Record<Frequency, number> = { realtime: 0, hourly: 1, daily: 2, weekly: 3, monthly: 4, quarterly: 5 };
/** The channels whose touchpoints are conversational at any stage (rules.md, "conversational touchpoint"). */
export const CONVERSATIONAL_CHANNELS = ['chat', 'phone', 'store'] as const;
/** The channels whose touchpoints are conversational at purchase, service or a later custom stage. */
export const CONVERSATIONAL_LATE_CHANNELS = ['email', 'website', 'mobile-app', 'sms', 'other'] as const;

export const REVIEW_CADENCES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const INITIATIVE_KINDS = [
  'retire', 'consolidate', 'integrate', 'replatform', 'pilot', 'governance', 'process', 'other',
] as const;
export const INITIATIVE_STATUSES = ['proposed', 'approved', 'in-progress', 'done', 'rejected'] as const;
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const LEVELS = ['healthy', 'refocus', 'integrate', 'replatform'] as const;
export const QUESTION_SUBJECT_KINDS = ['tool', 'touchpoint', 'integration', 'organization', 'stage', 'persona', 'data'] as const;

export const DEFAULT_STAGES = [
  { id: 'awareness', name: 'Awareness' },
  { id: 'consideration', name: 'Consideration' },
  { id: 'purchase', name: 'Purchase' },
  { id: 'service', name: 'Service' },
  { id: 'loyalty', name: 'Loyalty' },
] as const;

export type Channel = (typeof CHANNELS)[number];
export type ToolStatus = (typeof TOOL_STATUSES)[number];
export type IntegrationMode = (typeof INTEGRATION_MODES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Level = (typeof LEVELS)[number];
export type Freshness = (typeof FRESHNESS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type DataParty = (typeof DATA_PARTIES)[number];
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
