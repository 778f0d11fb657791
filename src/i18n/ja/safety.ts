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
  'safety.output-outside': 'settings.output「{value}」はワークスペース内のフォルダーではありません: `report` はこのフォルダーを丸ごと置き換えます',
  'safety.output-outside.hint': 'ワークスペースの下の相対パスを指定するか（例: `output: reports`）、`report` に --out を渡してください',
  'safety.foreign-entry': '「{dir}」は置き換えません: martech-audit が書いていない「{entry}」があります',
  'safety.replace.hint': '--out で別のフォルダーか空のフォルダーを指定してください。何も変更していません',
  'safety.diagram.opt.force': '--out のファイルが図でなくても置き換える',
  'safety.diagram-out-workspace': '図を「{file}」には書き込みません: ワークスペースのファイルです',
  'safety.diagram-out-folder': '図を「{file}」には書き込みません: フォルダーです',
  'safety.diagram-out-not-diagram': '「{file}」は上書きしません: 既に存在し、図ではありません',
  'safety.diagram-out.hint': '新しいファイル名を指定してください（例: --out journey.svg）',
  'safety.diagram-out-force.hint': '新しいファイル名を指定するか（例: --out journey.svg）、置き換えるなら --force を付けてください',
};
