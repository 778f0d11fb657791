import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { proposeId, romaniseKana, guessChannel, uniqueId } from '../../src/interview/ids.js';
import { ID_PATTERN } from '../../src/workspace/vocabulary.js';

describe('proposeId', () => {
  it.each([
    ['Salesforce Sales Cloud', 'salesforce-sales-cloud'],
    ['Monthly newsletter "Northwind Notes"', 'monthly-newsletter-northwind-notes'],
    ['Café Crème', 'cafe-creme'],
    ['メルマガ', 'newsletter'],
    ['LINE公式アカウント', 'line-official-account'],
    ['店舗', 'store'],
    ['会員アプリ', 'member-app'],
    ['お問い合わせフォーム', 'inquiry-form'],
    ['営業部', 'sales'],
    ['ポイントカード', 'point-card'],
    ['ホットペッパービューティー', 'hottopeppabyuti'],
    ['Ｓｈｏｐｉｆｙ ストア', 'shopify-store'],
    ['LINEチャットでの問い合わせ', 'line-chat-inquiry'],
    ['顧客管理システム', 'crm-system'],
    // QA: a department 物流センター became "logistics-senta".
    ['物流センター', 'logistics-center'],
    ['マイページ', 'my-page'],
  ])('%s -> %s', (name, id) => {
    expect(proposeId(name, [])).toBe(id);
  });

  it('falls back to the channel or category and a number, never empty', () => {
    expect(proposeId('春季大感謝祭', [], 'event')).toBe('event-1');
    expect(proposeId('春季大感謝祭', ['event-1'], 'event')).toBe('event-2');
    expect(proposeId('', [], 'tool')).toBe('tool-1');
  });

  it('is unique among taken ids', () => {
    expect(proposeId('Mailchimp', ['mailchimp'])).toBe('mailchimp-2');
    expect(uniqueId('hubspot', ['hubspot', 'hubspot-2'])).toBe('hubspot-3');
  });

  it('always matches the id pattern and is at most 40 characters long (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.string()), (name, taken) => {
      const id = proposeId(name, taken, 'other');
      expect(id).toMatch(ID_PATTERN);
      expect(taken).not.toContain(id);
      expect(id.length).toBeLessThanOrEqual(44);
    }), { numRuns: 500 });
  });
});

describe('romaniseKana and guessChannel', () => {
  it('romanises loanwords', () => {
    expect(romaniseKana('シャンプー')).toBe('shanpu');
    expect(romaniseKana('マッチ')).toBe('matchi');
    expect(romaniseKana('ひらがな')).toBe('hiragana');
    expect(romaniseKana('ヴァイオリン')).toBe('vaiorin');
  });

  it('guesses a channel from a name', () => {
    expect(guessChannel('Monthly newsletter')).toBe('email');
    expect(guessChannel('メルマガ')).toBe('email');
    expect(guessChannel('LINEチャットでの問い合わせ')).toBe('chat');
    expect(guessChannel('店舗での購入')).toBe('store');
    expect(guessChannel('Product webinar')).toBe('webinar');
    expect(guessChannel('Google search ads')).toBe('advertising');
    expect(guessChannel('something')).toBeUndefined();
  });

  it('an online shop is the website channel, a shop on the high street the store (issue #12)', () => {
    for (const online of ['Online shop', 'Online store', 'Webshop', 'E-commerce site', 'EC site', 'ECサイト', 'オンラインショップ', 'ネットショップ', '公式通販']) {
      expect(guessChannel(online), online).toBe('website');
    }
    for (const store of ['Flagship store', 'Shop in Shibuya', '店舗', 'ショップ']) expect(guessChannel(store), store).toBe('store');
  });
});
