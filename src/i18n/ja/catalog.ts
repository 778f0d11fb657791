// 組み込みカタログの表示（`catalog` コマンド。改訂2: 主な機能とその他の機能）。
export const catalog: Record<string, string> = {
  'catalog.features': '／その他の機能: {features}',
};
