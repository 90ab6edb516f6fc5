import { describe, expect, it } from 'vitest';
import { ar } from './messages-ar.ts';
import { en, type MessageKey } from './messages-en.ts';
import { he } from './messages-he.ts';
import { pluralCategory, selectPlural } from './plural.ts';
import { translator } from './translate.ts';

describe('plural categories', () => {
  it('Arabic has six forms, chosen by CLDR rules', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000].map((n) => pluralCategory('ar', n))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
      'other',
      'few',
      'many',
      'other',
    ]);
  });

  it('Hebrew has one, two and other', () => {
    expect([1, 2, 3, 20, 100].map((n) => pluralCategory('he', n))).toEqual([
      'one',
      'two',
      'other',
      'other',
      'other',
    ]);
  });

  it('an explicit zero form is used for 0 even where the language has no zero category', () => {
    expect(selectPlural('en', { zero: 'none', one: 'one', other: 'many' }, 0)).toBe('none');
    expect(selectPlural('en', { one: 'one', other: 'many' }, 0)).toBe('many');
  });
});

describe('translator', () => {
  it('writes each Arabic form of the count of days', () => {
    const t = translator('ar').t;
    expect([0, 1, 2, 5, 11, 100].map((n) => t('count.days', { n }))).toEqual([
      'لا أيام',
      'يوم واحد',
      'يومان',
      '5 أيام',
      '11 يومًا',
      '100 يوم',
    ]);
  });

  it('writes Hebrew dual and plural', () => {
    const t = translator('he').t;
    expect([1, 2, 7].map((n) => t('count.days', { n }))).toEqual(['יום אחד', 'יומיים', '7 ימים']);
  });

  it('writes numbers as the locale does inside messages', () => {
    expect(translator('en').t('unit.truck', { n: 130000 })).toBe('130,000 trucks');
    expect(translator('ar').t('figures.ofPlanned', { total: 1500 })).toBe('من أصل 1,500 في الخطة حتى الآن');
  });

  it('every Arabic plural message has all six forms; every Hebrew one has one, two and other', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      if (typeof en[key] === 'string') {
        expect(typeof ar[key], key).toBe('string');
        expect(typeof he[key], key).toBe('string');
        continue;
      }
      expect(Object.keys(ar[key]).sort(), key).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
      expect(Object.keys(he[key]), key).toEqual(expect.arrayContaining(['one', 'two', 'other']));
    }
  });

  it('keeps every placeholder of the English message in Arabic and Hebrew', () => {
    const names = (m: unknown) =>
      [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].filter((p) => p !== '{n}').sort();
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(names(ar[key]), key).toEqual(names(en[key]));
      expect(names(he[key]), key).toEqual(names(en[key]));
    }
  });

  it('takes agreement text in the chosen language, else English, isolated on a right-to-left page', () => {
    const title = { en: 'Pause', ar: 'الهدنة' };
    expect(translator('ar').text(title)).toBe('\u2068الهدنة\u2069');
    expect(translator('he').text(title)).toBe('\u2068Pause\u2069');
    expect(translator('he').text('Plain')).toBe('\u2068Plain\u2069');
    expect(translator('he').text(undefined, 'x')).toBe('\u2068x\u2069');
    expect(translator('en').text(title)).toBe('Pause');
  });
});
