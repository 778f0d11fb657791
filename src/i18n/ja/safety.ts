// 読み込み・書き込み・削除を断る場合とその理由（workspace/files.ts、report/write-report.ts、
// cli/commands/diagram.ts、render/browser.ts、docs/security.md）。キーと {placeholder} は ../en/safety.ts と同じ。
export const safety: Record<string, string> = {
  'safety.link-outside': '「{path}」はワークスペースの外を指すシンボリックリンクです: ワークスペースの外へのリンクはたどりません',
  'safety.link-outside.hint': 'ファイルをワークスペースのフォルダーにコピーするか、フォルダー内のファイルへリンクしてください',
  'safety.not-regular.fifo': '「{path}」はファイルではなく名前付きパイプ（FIFO）です: 読み込むのは通常のファイルだけです',
  'safety.not-regular.socket': '「{path}」はファイルではなくソケットです: 読み込むのは通常のファイルだけです',
  'safety.not-regular.device': '「{path}」はワークスペースのファイルではなく、デバイスまたはシステムのファイルです: 読み込むのは通常のファイルだけです',
  'safety.not-regular.folder': '「{path}」はファイルではなくフォルダーです',
  'safety.not-regular.hint': '通常の YAML ファイルに置き換えるか、ワークスペースから取り除いてください',
  'safety.too-large': '「{path}」は {mb} MB を超えています。ワークスペースのファイル 1 つあたりの上限です',
  'safety.too-large.hint': 'インベントリを複数のファイル（tools/*.yaml など）に分けてください。ファイルごとに読み込まれます',
};
