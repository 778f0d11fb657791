// A heuristic for "is there English in this Japanese text?", shared by the i18n tests.

// Words that stay as they are in Japanese text: product and format names, ids, code.
export const TECHNICAL = new Set([
  'id', 'ids', 'json', 'yaml', 'yml', 'csv', 'utf', 'sarif', 'html', 'pdf', 'png', 'svg', 'url', 'api', 'cli', 'ci',
  'crm', 'cdp', 'ma', 'sfa', 'bi', 'seo', 'sms', 'kpi', 'roi', 'iso', 'eur', 'usd', 'jpy', 'markdown', 'mermaid', 'excel',
  'github', 'gitlab', 'git', 'junit', 'schema', 'martech', 'audit', 'sot', 'yyyy', 'mm', 'no', 'color', 'lang', 'lc', 'all',
  'messages', 'en', 'ja', 'true', 'false', 'null', 'chromium', 'node', 'npm', 'saas', 'b2b', 'b2c', 'ec', 'line', 'web',
  'dm', 'faq', 'pos', 'app', 'language', 'server', 'mermaid-cli', 'puppeteer', 'tmux', 'sla', 'etl', 'sso',
  'mmd', 'root', 'chrome', 'edge', 'headless',
]);

// The workspace format's own vocabulary (YAML keys, channels, special values): Japanese help text
// quotes these as they must be typed.
export const FORMAT_WORDS = new Set([
  'version', 'organization', 'stages', 'settings', 'touchpoints', 'tools', 'integrations', 'strategy', 'questions',
  'name', 'data', 'owner', 'stage', 'channel', 'captures', 'realtime', 'notes', 'vendor', 'catalog', 'category',
  'capabilities', 'hub', 'status', 'cost', 'seats', 'from', 'to', 'mode', 'bidirectional', 'amount', 'period', 'month',
  'year', 'unknown', 'yes', 'other', 'departments', 'currency', 'rules', 'threshold', 'output', 'horizon', 'review',
  'initiatives', 'kind', 'title', 'addresses', 'stakeholders', 'start', 'months', 'pilot', 'about', 'field', 'text',
  'assessment', 'rationale', 'thresholds', 'renewal', 'email', 'website', 'mobile', 'social', 'chat', 'phone', 'store',
  'event', 'webinar', 'advertising', 'search', 'push', 'direct', 'mail', 'marketplace', 'community', 'partner', 'review',
  'site', 'force', 'list', 'template', 'format', 'strict', 'out', 'ci',
]);

// Values a user types after an option, which help lists as they are.
export const OPTION_VALUES = new Set([
  'info', 'low', 'medium', 'high', 'critical', 'none', 'healthy', 'refocus', 'integrate', 'replatform',
  'text', 'json', 'markdown', 'md', 'html', 'pdf', 'sarif', 'junit', 'github', 'gitlab', 'codeclimate', 'mermaid', 'svg', 'png',
  'blank', 'retail', 'saas', 'all', 'dataflow', 'journey', 'overlap', 'portfolio', 'roadmap', 'ascii', 'unicode', 'reports',
  // --step names (analyze and interview)
  'touchpoints', 'tools', 'findings', 'assessment', 'organization', 'stages', 'integrations', 'customer', 'analysis',
]);

/** English words in a text outside {placeholders}, `code`, --flags, key: names and ids-with-dashes. */
export function englishWords(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b(npm|npx|sudo|brew|apt-get|apt|node|git|chromium)\b[^、。，：（）()]*/g, ' ') // shell commands
    .replace(/[\w.@~-]*\/[\w./@~-]*/g, ' ') // paths: diagrams/, /path/to/chrome, @scope/pkg
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ') // environment variables: PUPPETEER_EXECUTABLE_PATH
    .replace(/\{\w+\}/g, ' ')
    .replace(/[a-z][\w]*(?:(?:\[\])?[._:-][\w]+)+/g, ' ') // data-silo, settings.lang, tools[].cost, a:b
    .replace(/(^|[^\w-])--?[a-z][\w-]*/g, ' ')
    .replace(/\b[a-z_]+:/g, ' '); // YAML keys
  return (stripped.match(/[A-Za-z]{2,}/g) ?? [])
    .filter((w) => !TECHNICAL.has(w.toLowerCase()))
    .filter((w) => !/^[A-Z]{2,5}$/.test(w)); // acronyms are normal in Japanese text: SNS, DM, FAQ
}

export const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
