// The revision-2 capability vocabulary as the rules read it (rules.md "reporting", "media channel",
// "file tool", "primary capability"): the taxonomy's flags per capability, and a tool's primary
// capabilities. The flags are data (data/taxonomy.yaml, read by src/catalog); while a taxonomy
// without them is loaded, the rules.md lists below stand in, so that the rules mean the same thing.
import * as catalog from '../catalog/index.js';
import type { Tool } from '../model/model.js';

type FlagKey = 'measures' | 'reports' | 'personalizes' | 'media' | 'fileTool' | 'conduit' | 'internal';

const MEASURES = ['ab-testing', 'social-listening', 'social-analytics', 'surveys', 'nps', 'web-analytics', 'session-recording', 'product-analytics',
  'mobile-analytics', 'attribution', 'mobile-attribution', 'marketing-mix-modeling', 'journey-analytics', 'call-tracking', 'business-intelligence', 'marketing-reporting'];
const FALLBACK: Record<FlagKey, ReadonlySet<string>> = {
  measures: new Set(MEASURES),
  reports: new Set([...MEASURES, 'search-advertising', 'display-advertising', 'programmatic-advertising', 'native-advertising', 'retargeting',
    'video-advertising', 'paid-social', 'push-notifications', 'in-app-messaging', 'sms-marketing', 'public-relations', 'media-monitoring',
    'email-marketing', 'transactional-email', 'marketing-automation', 'lead-scoring', 'journey-orchestration', 'landing-pages', 'personalization',
    'web-engagement', 'product-recommendations', 'site-search', 'seo', 'video-hosting', 'crm', 'event-management', 'webinars', 'ticketing',
    'social-publishing', 'influencer-marketing', 'community', 'reviews', 'ugc', 'loyalty', 'referral', 'help-desk', 'knowledge-base', 'call-center',
    'live-chat', 'chatbot', 'conversational-marketing', 'messaging', 'communications-api', 'customer-success', 'digital-adoption', 'ecommerce-platform',
    'subscription-commerce', 'order-management', 'marketplace-management', 'product-feed-management', 'pos', 'reservations', 'payments',
    'subscription-billing', 'sales-pipeline', 'sales-forecasting', 'sales-engagement', 'conversation-intelligence', 'sales-enablement', 'affiliate-marketing']),
  personalizes: new Set(['retargeting', 'push-notifications', 'in-app-messaging', 'sms-marketing', 'email-marketing', 'marketing-automation',
    'journey-orchestration', 'personalization', 'web-engagement', 'product-recommendations', 'messaging']),
  media: new Set(['search-advertising', 'display-advertising', 'programmatic-advertising', 'native-advertising', 'retargeting', 'video-advertising', 'paid-social']),
  fileTool: new Set(['shared-inbox', 'collaboration', 'team-chat', 'internal-wiki', 'spreadsheet', 'file-storage']),
  conduit: new Set(['shared-inbox', 'collaboration', 'team-chat']),
  internal: new Set(['digital-asset-management', 'creative-design', 'ai-content', 'project-management', 'marketing-resource-management',
    'collaboration', 'team-chat', 'internal-wiki', 'spreadsheet', 'file-storage', 'budget-management', 'accounting']),
};

function flag(capability: string, key: FlagKey): boolean {
  const cap = catalog.loadTaxonomy().capabilities.get(capability) as unknown as Record<string, unknown> | undefined;
  if (cap && typeof cap.reports === 'boolean') return cap[key] === true;
  return FALLBACK[key].has(capability);
}

export const measures = (c: string): boolean => flag(c, 'measures');
/** rules.md "reporting": it measures, or reports natively on its own activity. */
export const reports = (c: string): boolean => flag(c, 'reports') || flag(c, 'measures');
export const personalizes = (c: string): boolean => flag(c, 'personalizes');
/** rules.md "media channel": an advertising capability. */
export const isMedia = (c: string): boolean => flag(c, 'media');
export const isFileToolCapability = (c: string): boolean => flag(c, 'fileTool') || flag(c, 'conduit');
export const isInternal = (c: string): boolean => flag(c, 'internal');

/** rules.md "primary capability": the tool's own capabilities united with its catalog entry's, without its features. */
export function primaryCapabilities(tool: Tool): readonly string[] {
  return (tool as Tool & { primaryCapabilities?: readonly string[] }).primaryCapabilities ?? tool.capabilities;
}

/** rules.md "file tool": every primary capability is a file tool's or a conduit's (a shared inbox that is also a help desk is a system). */
export function isFileTool(tool: Tool): boolean {
  const caps = primaryCapabilities(tool);
  return caps.length > 0 && caps.every(isFileToolCapability);
}

/** Every primary capability is internal work (design, project management, team chat, wiki). */
export function isInternalTool(tool: Tool): boolean {
  const caps = primaryCapabilities(tool);
  return caps.length > 0 && caps.every(isInternal);
}

/** A tool reports (rules.md "reporting"): one of its capabilities measures or reports. */
export function toolReports(tool: Tool): boolean {
  return tool.capabilities.some(reports);
}

/** A tool whose every primary capability is a media channel. */
export function isMediaTool(tool: Tool): boolean {
  const caps = primaryCapabilities(tool);
  return caps.length > 0 && caps.every(isMedia);
}
