import { describe, expect, it } from 'vitest';
import { isolate, translator } from './translate.ts';

describe('mixed-direction text in messages', () => {
  it('isolates each inserted string on Arabic and Hebrew pages, so brackets and times keep their place', () => {
    // A key and a time inside a right-to-left sentence: each in its own isolate (U+2068 … U+2069).
    expect(translator('ar').t('event.signedBy', { actor: 'hamas', key: 'hamas+2459d5ce' })).toBe(
      'وُقّع من جانب \u2068hamas\u2069 بالمفتاح \u2068hamas+2459d5ce\u2069',
    );
    expect(translator('he').t('feed.by', { actor: 'ICRC (Geneva)' })).toBe(
      'נרשם על ידי \u2068ICRC (Geneva)\u2069',
    );
    // Numbers are written as the locale writes them, with no isolate of their own.
    expect(translator('he').t('count.days', { n: 7 })).toBe('7 ימים');
  });

  it('leaves English messages as they are', () => {
    expect(translator('en').t('feed.by', { actor: 'ICRC (Geneva)' })).toBe('recorded by ICRC (Geneva)');
  });

  it('isolates nothing when there is nothing', () => {
    expect(isolate('')).toBe('');
    expect(isolate('16:00')).toBe('\u206816:00\u2069');
  });

  it('isolates what is one isolate already only once, and two side by side as a whole', () => {
    expect(isolate('\u2068Reuters\u2069')).toBe('\u2068Reuters\u2069');
    expect(isolate('\u2068a\u2069 (\u2068b\u2069)')).toBe('\u2068\u2068a\u2069 (\u2068b\u2069)\u2069');
    // A name isolated by `text`, then put in a message: one isolate, not two.
    const ar = translator('ar');
    expect(ar.t('feed.by', { actor: ar.text('Monitor (demo key)') })).toBe(
      'سُجّل من جانب \u2068Monitor (demo key)\u2069',
    );
  });

  it("isolates the agreement's words and a record's on Arabic and Hebrew pages, wherever they are joined", () => {
    // "Source: Press reports (Reuters, AP, AFP)" read right to left keeps its brackets in place.
    const he = translator('he');
    expect(`${he.t('common.source', { source: '' })}${he.isolate('Press reports (Reuters, AP, AFP)')}`).toBe(
      'מקור: \u2068Press reports (Reuters, AP, AFP)\u2069',
    );
    // The agreement's text in the reader's language, else in English, else its fallback.
    expect(translator('ar').text({ en: 'Ceasefire', ar: 'وقف إطلاق النار' })).toBe(
      '\u2068وقف إطلاق النار\u2069',
    );
    expect(translator('ar').text({ en: 'Ceasefire' })).toBe('\u2068Ceasefire\u2069');
    expect(translator('he').text(undefined, 'pullback')).toBe('\u2068pullback\u2069');
    // English pages leave them as they are.
    expect(translator('en').text({ en: 'Ceasefire' })).toBe('Ceasefire');
    expect(translator('en').isolate('Reuters')).toBe('Reuters');
  });
});
