// 検出ルールが共有する語句。各ルール固有の文言（説明・メッセージ・推奨アクション）は
// そのモジュール src/analysis/rules/<id>.ts に全言語分あります。
// ../en/rules.ts と同じキー・同じ {プレースホルダー}（テストで確認）。
export const rules: Record<string, string> = {
  'rules.more': '他{count}件',
};
