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
});
