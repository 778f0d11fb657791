// Large workspaces: what a summarised table or picture of the report says (src/report/summarise.ts).
export const scale: Record<string, string> = {
  'scale.more': 'Showing {shown} of {total} rows ({order}); the full list is in audit.json.',
  'scale.more-count': '… and {count} more (the full list is in audit.json)',
  'scale.order.findings': 'the most severe first',
  'scale.order.tools': 'the tools that cost the most a year first',
  'scale.order.touchpoints': 'in journey order',
  'scale.order.roadmap': 'in the suggested order',
  'scale.order.origins': 'the tools where consent starts, by id',
  'scale.by-rule': 'Findings by problem',
  'scale.col.count': 'Findings',
};
