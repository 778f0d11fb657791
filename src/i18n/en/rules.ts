// Words the finding rules share. Each rule's own texts (docs, messages, recommendations) live in
// its module, src/analysis/rules/<id>.ts, in every language.
// Same keys and {placeholders} in ../ja/rules.ts (a test checks it).
export const rules: Record<string, string> = {
  'rules.more': '{count} more',
};
