// 検出ルール: メッセージ、推奨アクション、`explain <rule>` が表示する説明。
// ../en/rules.ts と同じキー・同じ {プレースホルダー}（テストで確認）。
export const rules: Record<string, string> = {
  'rules.more': '他{count}件',

  // ---- no-customer-hub -------------------------------------------------------------------
  'rules.no-customer-hub.title': '顧客データのハブがない',
  'rules.no-customer-hub.summary': '顧客データのハブとなるツールが一つもない場合に検出します（`hub: true` のツールがなく、`crm` または `customer-data-platform` の機能を持つ稼働中のツールもない）。',
  'rules.no-customer-hub.why': 'ハブがなければ、顧客を一元的に把握する場所がありません。部署ごとに別々の顧客リストで仕事をし、お客様は同じことを何度も聞かれ、チャネルをまたいだ顧客の価値も分かりません。この検出はツールごとのデータのサイロ化・取り残されたデータの検出を代表します（どれも同じ原因のため個別には出しません）。',
  'rules.no-customer-hub.fix': '顧客情報を一元管理するシステムを一つ決め（通常は CRM、規模が大きければ CDP）、`hub: true` を付けます。その上で、連絡先データを持つツールから順にハブへ連携していきます。',
  'rules.no-customer-hub.message': '顧客データのハブがありません。顧客データは {tools} に分散しており、CRM や CDP で一つにまとめられていないため、顧客を一元的に把握できる人がいません。',
  'rules.no-customer-hub.message.no-data': '顧客データのハブがありません。顧客を一元的に把握する CRM や CDP がありません。',
  'rules.no-customer-hub.recommendation': '顧客情報を一元管理するシステム（CRM または CDP）を一つ決め、他のツールを順に連携してください。',
  'rules.no-customer-hub.recommendation.candidates': '顧客情報を一元管理するシステムを一つ決め（{candidates} をその役割に育てるか、CRM を導入）、他のツールを順に連携してください。',

  // ---- data-silo -------------------------------------------------------------------------
  'rules.data-silo.title': 'データのサイロ化',
  'rules.data-silo.summary': '顧客データを持つ稼働中・パイロット運用中のツールのうち、ハブではなく、どの連携の連鎖でもハブにつながっていないものを、ツールごとに検出します。',
  'rules.data-silo.why': 'このツールでお客様から得た情報は、顧客の共通ビューに届きません。他部署からは見えず、レポートからも漏れ、他の顧客接点ではお客様が初対面の扱いを受けます。',
  'rules.data-silo.fix': '重要なデータについて、このツールからハブ（またはハブにつながっているツール）への連携を追加します。他のツールで役割が足りているなら、廃止も検討します。',
  'rules.data-silo.message': '{tool} は顧客データ（{data}）を持っていますが、どのハブにもつながっていません。ここで得た情報は顧客の共通ビューに届きません。',
  'rules.data-silo.message.island': '{tool} は顧客データ（{data}）を持っていますが、やり取りする相手は {others} だけで、どれもハブにつながっていません。ここで得た情報は顧客の共通ビューに届きません。',
  'rules.data-silo.recommendation': '{tool} を {hub} に連携してそのデータ（{data}）を顧客の共通ビューに届けるか、他のツールで役割が足りているなら廃止してください。',

  // ---- isolated-cluster ------------------------------------------------------------------
  'rules.isolated-cluster.title': '孤立したツール群',
  'rules.isolated-cluster.summary': '互いには連携されているが、どれもハブにつながっていない 2 つ以上のツールのまとまりを、まとまりごとに 1 件検出します。',
  'rules.isolated-cluster.why': '部署の「離れ小島」です。ツール同士ではデータを共有しているのでその部署は困りませんが、会社の他の部分からは何も見えず、独自の顧客像ができあがります。',
  'rules.isolated-cluster.fix': '最も多くつながっているツールを通じて、このまとまりをハブに一度連携します。残りのツールは既存の連携でハブに届くようになります（その連携が必要なデータを運んでいるかも確認してください）。',
  'rules.isolated-cluster.message': '{tools} は互いにデータをやり取りしていますが、どれもハブにつながっていません。独自の顧客像を持つ部署の「離れ小島」になっています。',
  'rules.isolated-cluster.message.no-hub': '{tools} は互いにデータをやり取りしていますが、それ以外とはつながっていません。独自の顧客像を持つ部署の「離れ小島」になっています。',
  'rules.isolated-cluster.recommendation': '最も多くつながっている {bridge} を通じて、このまとまりを {hub} に連携してください。',
  'rules.isolated-cluster.recommendation.no-hub': 'ハブを決めたら、最も多くつながっている {bridge} を通じて、このまとまりをハブに連携してください。',

  // ---- trapped-data ----------------------------------------------------------------------
  'rules.trapped-data.title': '取り残されたデータ',
  'rules.trapped-data.summary': 'ハブにつながっているのに、持っているデータの種類の一部がどの連携の連鎖でもハブに届かないツールを、ツールごとに 1 件検出します（届かない種類を列挙）。どのハブにもつながっていないツールは、データのサイロ化として検出されます。',
  'rules.trapped-data.why': '連携されているように見えて、お客様について知っていることの一部がツールの中に残ったままです。顧客の共通ビューは不完全で、そのデータなしで判断が行われます。',
  'rules.trapped-data.fix': '既存の連携を拡張する（または新たに追加する）ことで、挙げられたデータもハブへ送るようにします。共有しなくてよいデータなら、そう明示的に決めます。',
  'rules.trapped-data.message': '{tool} はハブにつながっていますが、{data} のデータをハブまで運ぶ連携の連鎖がありません。その情報は {tool} の中に留まっています。',
  'rules.trapped-data.recommendation': '{data} を {tool} から {hub} へ（直接、または中継するツールを通じて）送るか、共有しなくてよいデータだと決めてください。',
  'rules.trapped-data.recommendation.extend': '{tool} から {hub} への連携を拡張して {data} も送るようにするか、共有しなくてよいデータだと決めてください。',

  // ---- disconnected-hubs -----------------------------------------------------------------
  'rules.disconnected-hubs.title': 'ハブ同士が未接続',
  'rules.disconnected-hubs.summary': 'どの連携の連鎖でも結ばれていないハブの組を、組ごとに検出します（互いにつながっているハブは一つとして数えます）。',
  'rules.disconnected-hubs.why': '交わることのない 2 つの「一元的な」顧客ビューです。同じお客様が異なるデータで 2 人存在し、部署ごとに自分の版を信じています。',
  'rules.disconnected-hubs.fix': '両方が持つデータについて真実の情報源（SoT）を決めた上でハブ同士を連携するか、どちらをマスターにするか決めてもう一方を移行します。',
  'rules.disconnected-hubs.message': '{a} と {b} はどちらもハブですが、互いにつながっていません。一致しない 2 つの「一元的な」顧客ビューが並存しています。',
  'rules.disconnected-hubs.recommendation': '{a} と {b} を両方が持つ顧客データで同期するか、どちらをマスターにするか決めてもう一方を移行してください。',

  // ---- manual-integration ----------------------------------------------------------------
  'rules.manual-integration.title': '手作業の連携',
  'rules.manual-integration.summary': '顧客データが人手で（`mode: manual`: エクスポート、表計算ソフト、コピー＆ペースト）移されているツールの組を、組ごとに検出します。',
  'rules.manual-integration.why': '手作業の受け渡しは遅く、間違いやすく、担当者が覚えているかどうかに左右されます。受け取る側のデータは常に古く、個人情報が個人の PC の表計算ファイルに残ります。',
  'rules.manual-integration.fix': '手作業をコネクタや定期同期に置き換えます。多くのツールには標準の連携機能か、連携プラットフォーム経由の連携があります。',
  'rules.manual-integration.message': '顧客データ（{data}）が {from} から {to} へ手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
  'rules.manual-integration.message.both': '顧客データ（{data}）が {from} と {to} の間で、双方向に手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
  'rules.manual-integration.message.unknown': 'データが {from} から {to} へ手作業（エクスポート、表計算、コピー＆ペースト）で移されています。遅く、間違いやすく、担当者に依存しています。',
  'rules.manual-integration.recommendation': '{from} から {to} への手作業の受け渡しを、コネクタまたは定期同期に置き換えてください。',

  // ---- realtime-gap ----------------------------------------------------------------------
  'rules.realtime-gap.title': 'リアルタイム連携の不足',
  'rules.realtime-gap.summary': '`realtime: true` の対象範囲内の顧客接点で、使うツールはハブにつながっているものの、どれもハブではなく、リアルタイムの連携の連鎖でハブのデータを受け取ってもいない場合に検出します（どのツールもハブにつながっていなければ、代わりに「一貫しない顧客体験」として検出します）。',
  'rules.realtime-gap.why': 'この体験にはその場の顧客データが必要です（お客様を知っているチャット、直前の購入に基づくおすすめなど）。しかしデータは夜間バッチや間接的にしか届かず、お客様は昨日の情報で対応されます。',
  'rules.realtime-gap.fix': 'ハブからこの顧客接点のツールへの連携をリアルタイム連携（`mode: realtime`）にするか、そのツールをハブへ直接リアルタイムで連携します。',
  'rules.realtime-gap.message': '{touchpoint} ではその場の顧客データが必要ですが、使われているツール（{tools}）はどれもハブのデータをリアルタイムで受け取っていません。担当者やシステムが見ているのは古い顧客情報です。',
  'rules.realtime-gap.recommendation': '{hub} から {target} への連携をリアルタイムにして、{touchpoint} で今のお客様の状況が見えるようにしてください。',

  // ---- inconsistent-experience -----------------------------------------------------------
  'rules.inconsistent-experience.title': '一貫しない顧客体験',
  'rules.inconsistent-experience.summary': '対象範囲内の顧客接点で、使うツールがすべてどのハブにもつながっていないものを検出します。',
  'rules.inconsistent-experience.why': 'この顧客接点の担当者やシステムはお客様を識別できません。お客様は他部署に伝えたことを繰り返し、既に持っている商品を勧められ、初対面のように扱われます。',
  'rules.inconsistent-experience.fix': 'この顧客接点のツールの少なくとも一つをハブに連携し、担当者やシステムがお客様を識別できるようにします。',
  'rules.inconsistent-experience.message': '{touchpoint} で使われているツール（{tools}）はどれもハブにつながっていません。担当者やシステムはお客様を識別できず、お客様は既に伝えたことを繰り返すことになります。',
  'rules.inconsistent-experience.recommendation': '{tools} を {hub} に連携し、{touchpoint} でお客様を識別できるようにしてください。',
  'rules.inconsistent-experience.recommendation.no-hub': 'ハブを決めたら {tools} をそこに連携し、{touchpoint} でお客様を識別できるようにしてください。',

  // ---- capability-overlap ----------------------------------------------------------------
  'rules.capability-overlap.title': '機能の重複',
  'rules.capability-overlap.summary': '2 つ以上の稼働中ツールが同じ機能を提供している場合に、機能ごとに検出します。ツールとその年間費用の合計を示します。',
  'rules.capability-overlap.why': '同じ仕事に二重に支払っているうえ、ツールが 2 つあれば答えも 2 つ（メールリストが 2 つ、訪問者数が 2 つ）になり、チームが分かれ、結果に責任を持つ人がいなくなります。',
  'rules.capability-overlap.fix': 'どのツールがその機能を担うか決め、他のツールの利用者とデータを移し、次回の契約更新で段階的に廃止します（どれを失うものなく廃止できるかは「冗長なツール」の検出が示します）。',
  'rules.capability-overlap.message': '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。費用は合計で年間 {cost} です。',
  'rules.capability-overlap.message.partial-cost': '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。費用は合計で年間 {cost} 以上です（{unknown} の費用は不明）。',
  'rules.capability-overlap.message.no-cost': '{count} つのツールが同じ機能（{capability}）を担っています: {tools}。',
  'rules.capability-overlap.recommendation': '{capability} をどのツールが担うか決め、他のツールは次回の契約更新で段階的に廃止してください。',

  // ---- redundant-tool --------------------------------------------------------------------
  'rules.redundant-tool.title': '冗長なツール',
  'rules.redundant-tool.summary': '稼働中のツールのうち、すべての機能が他の稼働中ツールでも提供されているものを検出します。互いに冗長なツールについては、同時に廃止できるものだけを挙げます。残すツール（ハブ、なければ最も多く連携されているもの、なければ最も安いもの）は検出されないため、削減額が二重に数えられることはありません。',
  'rules.redundant-tool.why': 'このツールの機能はすべて他で既に支払っています。その費用はすぐにでも削減できる金額で、ツールが一つ減ればログイン、契約、データの複製もそれぞれ一つ減ります。',
  'rules.redundant-tool.fix': '利用者とデータを残すツールへ移し、次回の契約更新で解約します。',
  'rules.redundant-tool.message': '{tool} の機能（{capabilities}）はすべて、残るツール（{others}）でも提供されています。廃止すれば年間 {cost} を削減できます。',
  'rules.redundant-tool.message.no-cost': '{tool} の機能（{capabilities}）はすべて、残るツール（{others}）でも提供されています。廃止できます（費用は不明）。',
  'rules.redundant-tool.recommendation': '{tool} の利用者とデータを {keep} へ移し、{tool} を解約してください。',
  'rules.redundant-tool.recommendation.renewal': '{tool} の利用者とデータを {keep} へ移し、{renewal} の契約更新前に {tool} を解約してください。',

  // ---- source-of-truth-conflict ----------------------------------------------------------
  'rules.source-of-truth-conflict.title': '真実の情報源（SoT）の競合',
  'rules.source-of-truth-conflict.summary': '2 つ以上のツール（廃止済みを除く）が同じデータの種類について `source_of_truth` を主張している場合に、データの種類ごとに検出します。',
  'rules.source-of-truth-conflict.why': '2 つのシステムがどちらもマスターだと主張していると、値が食い違ったときにどちらが正しいか誰にも分かりません。同期のたびに正しいデータが誤ったデータで上書きされることもあります。',
  'rules.source-of-truth-conflict.fix': 'そのデータのマスターを一つ（通常はハブ）に決め、他のツールからは主張を外し、マスターから受け取るようにします。',
  'rules.source-of-truth-conflict.message': '{tools} がそれぞれ {data} の真実の情報源（SoT）だと主張しています。値が食い違ったとき、どちらが正しいか誰にも分かりません。',
  'rules.source-of-truth-conflict.recommendation': '{data} のマスターを一つに決め（{candidate} が自然な選択です）、他はその複製として扱ってください。',

  // ---- no-source-of-truth ----------------------------------------------------------------
  'rules.no-source-of-truth.title': '真実の情報源（SoT）がない',
  'rules.no-source-of-truth.summary': '2 つ以上の稼働中ツールが同じデータの種類を持ち、どのツールもその `source_of_truth` を主張していない場合に、データの種類ごとに検出します。',
  'rules.no-source-of-truth.why': '「どの数字を信じればいいのか」問題です。2 つのツールが異なるアクセス数や顧客数を示し、会議が行動ではなく数字の議論に費やされます。',
  'rules.no-source-of-truth.fix': 'そのデータの種類について一つのツールを真実の情報源（SoT）と宣言し（そのツールに `source_of_truth:` を記載）、他は複製として扱います。',
  'rules.no-source-of-truth.message': '{data} は {count} つのツール（{tools}）にありますが、どれも真実の情報源（SoT）と宣言されていません。どの数字を信じればよいのでしょうか。',
  'rules.no-source-of-truth.recommendation': 'いずれか一つ（例えば {candidate}）を {data} の真実の情報源（SoT）と宣言し、他は複製として扱ってください。',

  // ---- uncovered-touchpoint --------------------------------------------------------------
  'rules.uncovered-touchpoint.title': 'ツールのない顧客接点',
  'rules.uncovered-touchpoint.summary': '対象範囲内の顧客接点で、ツールを一つも使っていないものを検出します。',
  'rules.uncovered-touchpoint.why': 'そこでお客様が行ったことや伝えたことが、どこにも（または個人の表計算ファイルにしか）記録されません。フォローも測定も共有もできません。',
  'rules.uncovered-touchpoint.fix': 'この顧客接点を支えるツールを記録するか、導入します（展示会のリードには CRM のアプリなど、既存のツールで対応できることもよくあります）。',
  'rules.uncovered-touchpoint.message': '{touchpoint} ではツールが使われていません。お客様から得る情報（{data}）がどのシステムにも記録されていません。',
  'rules.uncovered-touchpoint.message.no-data': '{touchpoint} ではツールが使われていません。そこで起きたことがどのシステムにも記録されていません。',
  'rules.uncovered-touchpoint.recommendation': '{touchpoint} を支えるツールを記録するか導入し、お客様から得た情報が記録・フォローされるようにしてください。',

  // ---- empty-stage -----------------------------------------------------------------------
  'rules.empty-stage.title': '顧客接点のないステージ',
  'rules.empty-stage.summary': '対象範囲内の顧客接点が一つもないカスタマージャーニーのステージを検出します。',
  'rules.empty-stage.why': 'このステージでお客様にどう対応しているか、監査からは何も分かりません。会社が何もしていない（ジャーニーの空白）か、顧客接点が記録されていないかのどちらかです。',
  'rules.empty-stage.fix': 'このステージの顧客接点を追加する（または既存のものを対象範囲に入れる）。本当に何もしていないなら、その判断を記録しておきます。',
  'rules.empty-stage.message': 'カスタマージャーニーの「{stage}」ステージに顧客接点がありません。そこでお客様にどう対応しているか、監査からは分かりません。',
  'rules.empty-stage.message.out-of-scope': 'カスタマージャーニーの「{stage}」ステージに対象範囲内の顧客接点がありません（対象範囲外に {count} 件）。そこでお客様にどう対応しているか、監査からは分かりません。',
  'rules.empty-stage.recommendation': '「{stage}」ステージの顧客接点を追加するか、意図的に何もしていないことを記録してください。',
  'rules.empty-stage.recommendation.out-of-scope': '「{stage}」ステージの顧客接点を対象範囲に入れるか、不足しているものを追加してください。',

  // ---- unmeasured-touchpoint -------------------------------------------------------------
  'rules.unmeasured-touchpoint.title': '効果測定されていない顧客接点',
  'rules.unmeasured-touchpoint.summary': '対象範囲内の顧客接点で、使うツールに測定の機能（アクセス解析、アトリビューション、BI など）がなく、取得データが届くツールにもそれがないものを検出します。',
  'rules.unmeasured-touchpoint.why': 'この顧客接点が機能しているか誰にも分かりません。予算や労力を他と比べることも、根拠に基づいて改善することもできません。',
  'rules.unmeasured-touchpoint.fix': 'この顧客接点で得たデータを解析・レポーティングツールへ送る（または計測を追加する）ことで、意思決定の場に結果が出るようにします。',
  'rules.unmeasured-touchpoint.message': '{touchpoint} は効果測定されていません。使っているツール（{tools}）も、そのデータが届くツールも、成果をレポートできません。',
  'rules.unmeasured-touchpoint.recommendation': '{touchpoint} で得たデータ（{data}）を解析・レポーティングツールへ送り、成果を測定できるようにしてください。',
  'rules.unmeasured-touchpoint.recommendation.no-data': '{touchpoint} に計測を追加するか、{tools} を解析・レポーティングツールに連携し、成果を測定できるようにしてください。',

  // ---- untapped-touchpoint ---------------------------------------------------------------
  'rules.untapped-touchpoint.title': '活用されていない顧客接点',
  'rules.untapped-touchpoint.summary': '対象範囲外の顧客接点で、対象範囲内のどの顧客接点でも得られない顧客データを得ているものを検出します。参考情報です。',
  'rules.untapped-touchpoint.why': '活かされていない可能性です。お客様についてのこの情報を得られるのはここだけですが、今は注力の対象外になっています。',
  'rules.untapped-touchpoint.fix': '後のフェーズでこの顧客接点を対象範囲に入れるか、対象範囲内の顧客接点で同じデータを得る方法を検討します。',
  'rules.untapped-touchpoint.message': '{touchpoint} は監査の対象範囲外ですが、{data} を得られる唯一の場所です。',
  'rules.untapped-touchpoint.recommendation': '{data} を活用できるよう、後のフェーズで {touchpoint} を対象範囲に入れることを検討してください。',

  // ---- orphan-tool -----------------------------------------------------------------------
  'rules.orphan-tool.title': '使われていないツール',
  'rules.orphan-tool.summary': '稼働中のツールのうち、どの顧客接点でも使われず、どの連携にも関わっていないものを検出します。',
  'rules.orphan-tool.why': '誰も使っていないように見えるツールにも費用がかかり、誰も管理していないデータを持ち、守るべきログインが一つ増えます。',
  'rules.orphan-tool.fix': '誰が使っているか確認し、誰もいなければ解約します。使われているなら、ツールの棚卸しが漏れなくなるよう顧客接点や連携を記録します。',
  'rules.orphan-tool.message': '{tool} は稼働中ですが、どの顧客接点でも使われておらず、他のツールともつながっていません。',
  'rules.orphan-tool.message.cost': '{tool} は稼働中ですが、どの顧客接点でも使われておらず、他のツールともつながっていません。それでも年間 {cost} かかっています。',
  'rules.orphan-tool.recommendation': '{tool} をまだ使っている人がいるか確認し、いなければ解約してください。使われているなら、どこで使われているか記録してください。',

  // ---- underused-license -----------------------------------------------------------------
  'rules.underused-license.title': '使われていないライセンス',
  'rules.underused-license.summary': '稼働中・パイロット運用中のツールのうち、`seats.active / seats.licensed` がしきい値（既定 0.5、`settings.rules.underused-license.threshold`）を下回るものを検出します。',
  'rules.underused-license.why': '誰も使っていないシートに支払っています。多くの場合、導入したのに定着しなかった部署があるというサインでもあります。',
  'rules.underused-license.fix': '次回の契約更新でライセンス数を実際の利用数まで減らすか、残りのシートが使われない理由（研修不足、より合ったツールの存在など）を確認します。',
  'rules.underused-license.message': '{tool} のライセンスは {licensed} シートのうち {active} シートしか使われていません（{percent}%）。',
  'rules.underused-license.message.cost': '{tool} のライセンスは {licensed} シートのうち {active} シートしか使われていません（{percent}%）。年間約 {cost} が使われていないシートの費用です。',
  'rules.underused-license.recommendation': '{tool} を利用中のライセンス数まで減らすか、{unused} シートが使われていない理由を確認してください。',
  'rules.underused-license.recommendation.renewal': '{renewal} の契約更新前に {tool} を利用中のライセンス数まで減らすか、{unused} シートが使われていない理由を確認してください。',

  // ---- retired-tool-in-use ---------------------------------------------------------------
  'rules.retired-tool-in-use.title': '廃止予定ツールの継続利用',
  'rules.retired-tool-in-use.summary': '`retiring`（廃止予定）または `retired`（廃止済み）のツールのうち、まだ顧客接点で使われているか、連携でデータを送っているものを検出します。',
  'rules.retired-tool-in-use.why': 'このツールを停止すると、まだ依存しているものが止まります。顧客接点がツールを失うか、他のシステムが必要なデータを受け取れなくなります。',
  'rules.retired-tool-in-use.fix': '契約終了前に、残っている顧客接点とデータの流れを他のツールへ移し、その後で停止します。',
  'rules.retired-tool-in-use.status.retiring': '廃止予定',
  'rules.retired-tool-in-use.status.retired': '廃止済み',
  'rules.retired-tool-in-use.usage.touchpoints': '{touchpoints} で使われています',
  'rules.retired-tool-in-use.usage.feeds': '{tools} へデータを送っています',
  'rules.retired-tool-in-use.usage.both': '{touchpoints} で使われ、{tools} へデータを送っています',
  'rules.retired-tool-in-use.message': '{tool} は{status}ですが、まだ{usage}。このまま停止すると、それらが止まります。',
  'rules.retired-tool-in-use.recommendation': '{tool} にまだ依存しているものを他のツールへ移してから停止してください。',
  'rules.retired-tool-in-use.recommendation.renewal': '{renewal} の契約終了までに、{tool} にまだ依存しているものを他のツールへ移してください。',
};
