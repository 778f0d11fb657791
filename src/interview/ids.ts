// Id proposals from names. "Salesforce Sales Cloud" -> salesforce-sales-cloud; Japanese names
// get a readable ascii id too: known words are translated (店舗 -> store, メルマガ -> newsletter),
// other katakana and hiragana are romanised (ホットペッパー -> hottopeppa), and a name with nothing
// usable left falls back to "<channel or category>-<n>". Never empty, always unique, always
// matching the id pattern; the user can edit the proposal at the prompt.
import { ID_PATTERN } from '../model/vocabulary.js';
import { slugify } from '../util/suggest.js';

/** Common words of marketing, sales and service in Japanese, longest match first. */
const WORDS: Record<string, string> = {
  // channels and touchpoints
  'メールマガジン': 'newsletter', 'メルマガ': 'newsletter', 'ニュースレター': 'newsletter', 'メール': 'email',
  'ホームページ': 'website', 'ウェブサイト': 'website', 'ウェブ': 'web', 'サイト': 'site', 'ブログ': 'blog',
  'ランディングページ': 'landing-page', 'アプリ': 'app', 'チャット': 'chat', 'コールセンター': 'call-center',
  'コンタクトセンター': 'contact-center', '電話': 'phone', '店舗': 'store', '店頭': 'in-store', '来店': 'store-visit',
  '実店舗': 'store', 'ショップ': 'shop', 'ストア': 'store', 'オンライン': 'online', '通販': 'ec', '自社': 'own',
'イベント': 'event', '展示会': 'trade-show', 'セミナー': 'seminar', 'ウェビナー': 'webinar',
  '広告': 'ads', 'リスティング': 'listing', '検索': 'search', 'チラシ': 'flyer', 'カタログ': 'catalog',
  'ダイレクトメール': 'direct-mail', 'はがき': 'postcard', 'ハガキ': 'postcard', '新聞': 'newspaper', '雑誌': 'magazine',
  '口コミ': 'reviews', 'クチコミ': 'reviews', 'レビュー': 'reviews', '紹介': 'referral', 'コミュニティ': 'community',
  'インスタグラム': 'instagram', 'インスタ': 'instagram', 'フェイスブック': 'facebook', 'ツイッター': 'twitter',
  'ユーチューブ': 'youtube', 'ティックトック': 'tiktok', 'グーグル': 'google', 'ヤフー': 'yahoo', 'アマゾン': 'amazon',
  '楽天': 'rakuten', 'ライン': 'line', 'プッシュ': 'push', '通知': 'notification', 'ポップアップ': 'popup',
  // things people do
  'お問い合わせ': 'inquiry', '問い合わせ': 'inquiry', '問合せ': 'inquiry', '問合わせ': 'inquiry', '相談': 'consultation',
  '資料請求': 'brochure-request', '資料': 'materials', '見積もり': 'quote', '見積り': 'quote', '見積': 'quote',
  '商談': 'sales-meeting', '契約': 'contract', '請求書': 'invoice', '請求': 'billing', '予約': 'booking',
  '購入': 'purchase', '注文': 'order', '決済': 'payment', '支払い': 'payment', '支払': 'payment', '配送': 'delivery',
  '配信': 'delivery', '返品': 'returns', '修理': 'repair', '保守': 'maintenance', '登録': 'signup', '申し込み': 'application',
  '申込み': 'application', '申込': 'application', '体験': 'trial', '試用': 'trial', '無料': 'free', '導入': 'onboarding',
  '受付': 'reception', '窓口': 'desk', '案内': 'guide', '入会': 'signup', '退会': 'cancellation', '解約': 'cancellation',
  'アンケート': 'survey', '調査': 'survey', 'キャンペーン': 'campaign', 'クーポン': 'coupon', 'ポイント': 'point',
  'カード': 'card', 'フォーム': 'form', 'サポート': 'support', 'ヘルプ': 'help', 'デスク': 'desk', 'ページ': 'page',
  'ギフト': 'gift', 'プレゼント': 'gift', 'セール': 'sale', '新商品': 'new-product', '商品': 'product', '製品': 'product',
  'サービス': 'service', 'レジ': 'pos', 'アカウント': 'account', '公式': 'official', '会員': 'member', '顧客': 'customer',
  'お客様': 'customer', 'ランク': 'rank', 'メンバー': 'member', 'カスタマー': 'customer', 'ファン': 'fan', 'パートナー': 'partner', '代理店': 'agency',
  '月刊': 'monthly', '毎月': 'monthly', '週刊': 'weekly', '定期': 'regular', '新規': 'new', '既存': 'existing',
  // tools and departments
  '顧客管理': 'crm', '管理': 'management', '分析': 'analytics', '解析': 'analytics', '基幹': 'core', 'システム': 'system',
  'ツール': 'tool', 'データ': 'data', '名刺': 'business-card', '営業': 'sales', '販売': 'sales', 'マーケティング': 'marketing',
  '経理': 'accounting', '財務': 'finance', '情報システム': 'it', '情シス': 'it', '人事': 'hr', '総務': 'general-affairs',
  '法務': 'legal', '広報': 'pr', '宣伝': 'promotion', '企画': 'planning', '事業': 'business', '物流': 'logistics',
  '開発': 'development', '本社': 'head-office', 'カスタマーサクセス': 'customer-success', 'カスタマーサポート': 'customer-support',
  'サクセス': 'success', '通販事業': 'ecommerce', 'センター': 'center', 'マイページ': 'my-page', 'ショールーム': 'showroom',
};
/** Words and particles that add nothing to an id (営業部 -> sales, 物流チーム -> logistics). */
const DROP = new Set(['部', '課', '室', '係', 'の', 'と', 'や', 'を', 'に', 'で', 'へ', 'が', 'は', 'も', 'お', 'ご', '・', '　']);
const DROP_WORDS = ['チーム', 'グループ', '担当', 'ユニット'];

const WORD_KEYS = Object.keys(WORDS).sort((a, b) => b.length - a.length);

// Katakana syllables (Hepburn, the way loanwords are usually spelled back).
const KANA: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ン: 'n',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', ヴ: 'vu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa',
};
const COMBOS: Record<string, string> = {
  キャ: 'kya', キュ: 'kyu', キョ: 'kyo', シャ: 'sha', シュ: 'shu', ショ: 'sho', シェ: 'she', チャ: 'cha', チュ: 'chu',
  チョ: 'cho', チェ: 'che', ニャ: 'nya', ニュ: 'nyu', ニョ: 'nyo', ヒャ: 'hya', ヒュ: 'hyu', ヒョ: 'hyo', ミャ: 'mya',
  ミュ: 'myu', ミョ: 'myo', リャ: 'rya', リュ: 'ryu', リョ: 'ryo', ギャ: 'gya', ギュ: 'gyu', ギョ: 'gyo', ジャ: 'ja',
  ジュ: 'ju', ジョ: 'jo', ジェ: 'je', ビャ: 'bya', ビュ: 'byu', ビョ: 'byo', ピャ: 'pya', ピュ: 'pyu', ピョ: 'pyo',
  ティ: 'ti', ディ: 'di', トゥ: 'tu', ドゥ: 'du', デュ: 'dyu', テュ: 'tyu', ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo',
  フュ: 'fyu', ウィ: 'wi', ウェ: 'we', ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ツァ: 'tsa', クァ: 'kwa',
  グァ: 'gwa', イェ: 'ye',
};

const isKatakana = (c: string): boolean => /[\u30a1-\u30fa\u30fc]/.test(c);
const isHiragana = (c: string): boolean => /[\u3041-\u3096]/.test(c);
const toKatakana = (s: string): string => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** Romanises a run of kana: "ホットペッパー" -> "hottopeppa". */
export function romaniseKana(kana: string): string {
  const s = toKatakana(kana);
  let out = '';
  let doubleNext = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 'ッ') {
      doubleNext = true;
      continue;
    }
    if (c === 'ー') continue; // long vowel: メール -> meru
    let syl = COMBOS[s.slice(i, i + 2)];
    if (syl) i++;
    else syl = KANA[c] ?? '';
    if (doubleNext && syl) {
      syl = syl.startsWith('ch') ? `t${syl}` : syl[0] + syl;
      doubleNext = false;
    }
    out += syl;
  }
  return out;
}

/** Words of a name as ascii: known Japanese words translated, kana romanised, the rest dropped. */
export function asciiWords(name: string): string[] {
  // Full-width letters become ascii; accents come off Latin letters (Café -> Cafe).
  const s = name.normalize('NFKC').replace(/[\u00c0-\u024f]/g, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('ß', 'ss'));
  const words: string[] = [];
  let i = 0;
  let ascii = '';
  const flushAscii = (): void => {
    const w = slugify(ascii);
    if (w) words.push(w);
    ascii = '';
  };
  while (i < s.length) {
    const c = s[i];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, NUL included
    if (/[\x00-\x7f]/.test(c)) {
      ascii += c;
      i++;
      continue;
    }
    flushAscii();
    const word = WORD_KEYS.find((w) => s.startsWith(w, i));
    if (word) {
      words.push(WORDS[word]);
      i += word.length;
      continue;
    }
    const drop = DROP_WORDS.find((w) => s.startsWith(w, i));
    if (drop || DROP.has(c)) {
      i += drop ? drop.length : 1;
      continue;
    }
    if (isKatakana(c) || isHiragana(c)) {
      let j = i;
      const boundary = (k: number): boolean => k > i && (WORD_KEYS.some((w) => s.startsWith(w, k)) || DROP_WORDS.some((w) => s.startsWith(w, k)));
      while (j < s.length && (isKatakana(s[j]) || isHiragana(s[j])) && !boundary(j)) j++;
      const run = s.slice(i, j);
      // A lone hiragana between words is a particle (の, と, ...), not a word.
      if (!(run.length === 1 && isHiragana(run))) {
        const r = romaniseKana(run);
        if (r) words.push(r);
      }
      i = j;
      continue;
    }
    i++; // kanji without a known reading, symbols
  }
  flushAscii();
  // "LINE公式アカウント公式" -> no repeated words next to each other.
  return words.filter((w, k) => w !== words[k - 1]);
}

const MAX_LEN = 40;

function trimId(id: string): string {
  if (id.length <= MAX_LEN) return id;
  const cut = id.slice(0, MAX_LEN);
  const at = cut.lastIndexOf('-');
  return (at > 10 ? cut.slice(0, at) : cut).replace(/[-._]+$/, '');
}

/**
 * A proposed id for a name: unique among `taken`, never empty. `fallback` (a channel, a
 * category or the kind of thing) names it when nothing usable is left of the name.
 */
export function proposeId(name: string, taken: Iterable<string>, fallback = 'item'): string {
  const used = new Set(taken);
  let base = trimId(slugify(asciiWords(name).join('-')));
  const numbered = !base || !ID_PATTERN.test(base);
  if (numbered) base = slugify(fallback) || 'item';
  if (!numbered && !used.has(base)) return base;
  for (let n = numbered ? 1 : 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Unique variant of an id the user or the catalog chose: x, x-2, x-3, ... */
export function uniqueId(id: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(id)) return id;
  for (let n = 2; ; n++) if (!used.has(`${id}-${n}`)) return `${id}-${n}`;
}

const CHANNEL_WORDS: [string, RegExp][] = [
  // An online shop is a website, not a store: checked before "shop" below means a physical one.
  ['website', /(online|web|net|e-?|internet) ?(shop|store|boutique)|e-?commerce|\bec ?site\b|ecサイト|ＥＣサイト|オンラインショップ|オンラインストア|ネットショップ|通販|ウェブショップ/i],
  ['webinar', /webinar|ウェビナー|オンラインセミナー/i],
  ['email', /newsletter|e-?mail|mail ?magazine|メール|メルマガ|ニュースレター/i],
  ['mobile-app', /\bapp\b|アプリ/i],
  ['chat', /chat|チャット|\bline\b|ライン/i],
  ['phone', /phone|call|電話|コールセンター|コンタクトセンター/i],
  ['social', /instagram|facebook|twitter|tiktok|youtube|linkedin(?! ads)|\bsns\b|social|インスタ|ソーシャル|フェイスブック|ツイッター|ユーチューブ/i],
  ['advertising', /\bads?\b|advert|banner|広告|バナー/i],
  ['search', /\bseo\b|search|検索/i],
  ['sms', /\bsms\b|ショートメッセージ/i],
  ['push', /push|プッシュ/i],
  ['direct-mail', /direct ?mail|\bdm\b|flyer|catalog|postcard|チラシ|カタログ|はがき|ハガキ|ダイレクトメール/i],
  ['marketplace', /marketplace|amazon|rakuten|楽天|アマゾン|モール/i],
  ['review-site', /review|口コミ|クチコミ|レビュー/i],
  ['community', /community|forum|コミュニティ|フォーラム/i],
  ['partner', /partner|referral|reseller|パートナー|代理店|紹介/i],
  ['event', /event|trade ?show|conference|fair|seminar|展示会|イベント|セミナー/i],
  ['store', /store|shop|boutique|店|ショップ|ストア/i],
  ['website', /web|site|blog|landing|\blp\b|page|form|ホームページ|サイト|ウェブ|ブログ|フォーム/i],
];

/** A likely channel for a touchpoint name, offered as the default of the channel list. */
export function guessChannel(name: string): string | undefined {
  const s = name.normalize('NFKC');
  return CHANNEL_WORDS.find(([, re]) => re.test(s))?.[0];
}
