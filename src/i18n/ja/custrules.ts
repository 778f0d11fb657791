// 顧客側の分析（rules.md 改訂2）: ルールのロードマップ施策名、ペルソナ・データの出どころ・同意・パーソナライズについての確認事項と評価理由。
export const custrules: Record<string, string> = {
  'customer.roadmap.title.cover-persona': '{persona} に欠けている顧客接点を設計する',
  'customer.roadmap.title.sync-consent': '{tool} の配信停止・同意情報を {targets} へ同期する',
  'customer.roadmap.title.sync-consent.many': '{tools} で記録される配信停止・同意情報を、顧客に連絡するすべてのツールへ同期する',
  'customer.roadmap.title.stop-restricted': '{from} から {to} への利用制限のあるデータの流れを止める',
  'customer.roadmap.title.first-party': '{hub} のファーストパーティのオーディエンスを {touchpoint} に使う',
  'customer.roadmap.title.first-party.no-hub': '{touchpoint} のためにファーストパーティのオーディエンスを作る',
  'customer.roadmap.title.freshen': '{touchpoint} に必要な鮮度でデータを届ける',
  'customer.roadmap.title.feed': '{hub} の顧客プロフィールで {touchpoint} をパーソナライズする',
  'customer.roadmap.title.experiments': 'すでにあるデータでパーソナライズを試す: {touchpoints}',
  'customer.roadmap.title.experiments.one': 'すでにあるデータでパーソナライズを試す: {touchpoints}',

  'customer.question.personas': 'このジャーニーは誰のためのものですか？主なペルソナ、それぞれが通るステージ、会社と接する顧客接点を教えてください。',
  'customer.question.personalized': '{touchpoint} は現在、お客様一人ひとりに合わせていますか（パーソナライズ）、それとも全員に同じ内容ですか？',
  'customer.question.needs': '{touchpoint} では顧客データにどの程度の鮮度が必要ですか（その場で、1時間以内、1日以内、1週間以内）？',
  'customer.question.party': '{data}の出どころはどこですか（自社の顧客からのファーストパーティ、パートナーからのセカンドパーティ、データ提供会社からのサードパーティ）？',
  'customer.question.restricted': '{data}は自由に使えますか。それとも契約や法律で利用が制限されていますか（どのような制限か）？',
  'customer.question.third-party-cookies': '{tool} はサードパーティ Cookie を使っていますか？',

  // 納品レポートの課題見出し（src/report/summary.ts の `deliverable.problem.<rule>`）。
  'deliverable.problem.persona-gap': 'ジャーニーのあるステージで会社と接点のない顧客がいる: {names}',
  'deliverable.problem.consent-not-synced': '{names}で記録された配信停止が、顧客に連絡するすべてのツールに届いていない',
  'deliverable.problem.consent-not-synced.choice': '{names}で記録された同意の選択が、顧客に連絡するすべてのツールに届いていない',
  'deliverable.problem.restricted-data-flow': '外に出してはいけないデータがコピーされている: {names}',
  'deliverable.problem.third-party-dependence': '{names}がサードパーティ Cookie や購入データだけで動いている',
  'deliverable.problem.freshness-gap': '{names}で、顧客データが必要なときより遅れて届く',
  'deliverable.problem.personalization-opportunity': 'すでにあるデータで今すぐパーソナライズできる: {names}',
  'deliverable.problem.blind-personalization': '{names}が顧客プロフィールなしでパーソナライズしている',
};
