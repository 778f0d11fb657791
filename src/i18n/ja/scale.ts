// 大規模なワークスペース：要約した表や図の注記（src/report/summarise.ts）。
export const scale: Record<string, string> = {
  'scale.more': '全{total}行のうち{shown}行を表示しています（{order}）。全件は audit.json にあります。',
  'scale.more-count': '…ほか{count}件（全件は audit.json にあります）',
  'scale.order.findings': '重大度の高い順',
  'scale.order.tools': '年間費用の高いツール順',
  'scale.order.touchpoints': 'ジャーニーの順',
  'scale.order.roadmap': '推奨する実施順',
  'scale.order.origins': '同意の起点となるツールのID順',
  'scale.by-rule': '課題別の指摘',
  'scale.col.count': '指摘数',
};
