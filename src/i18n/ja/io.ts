// 読み書きできないファイルやフォルダーの説明（util/fs-errors.ts、ローダー）。
// キーと {placeholder} は ../en/io.ts と同じ。
export const io: Record<string, string> = {
  'io.cannot-write': '「{path}」に書き込めません: {reason}',
  'io.cannot-read': '「{path}」を読み込めません: {reason}',
  'io.cannot-open': '「{path}」を開けません: {reason}',
  'io.blocked': '「{path}」の中には書き込めません: フォルダーではなくファイルです',
  'io.reason.EACCES': 'アクセス権がありません',
  'io.reason.EPERM': 'アクセス権がありません',
  'io.reason.ENOENT': 'そのファイルまたはフォルダーはありません',
  'io.reason.EISDIR': 'ファイルではなくフォルダーです',
  'io.reason.EROFS': '読み取り専用のファイルシステムです',
  'io.reason.ENOSPC': 'ディスクの空き容量がありません',
  'io.reason.EBUSY': 'ほかのプログラムが使用中です',
  'io.reason.ELOOP': 'シンボリックリンクが多すぎます（自分自身を指すリンクではありませんか？）',
  'io.reason.ENAMETOOLONG': '名前が長すぎます',
  'io.reason.not-a-folder': '「{path}」はフォルダーではなくファイルです',
  'io.workspace-above': 'このフォルダーはワークスペース「{path}」の一部です。そのフォルダーを指定して実行してください',
  'load.manifest-alone': 'このファイルだけを読み込みます。これはワークスペースのフォルダー「{folder}」のマニフェストで、ほかのファイル {others} 件は読み込まれません',
  'load.manifest-alone.hint': 'ファイルではなくフォルダーを指定してください: {folder}',
  'path.entity-label': '{kind}「{id}」',
  'yaml.colon-in-value': '「: 」を含む値は引用符で囲む必要があります',
  'yaml.colon-in-value.hint': '例: name: "ウェビナー: 新製品発表"',
};
