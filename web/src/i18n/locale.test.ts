import { describe, expect, it } from 'vitest';
import { formatters } from './format.ts';
import { chooseLang, dirOf, localeOf } from './locale.ts';
import { translator } from './translate.ts';

describe('chooseLang', () => {
  it('takes ?lang= first, then the remembered language, then the browser, then English', () => {
    expect(chooseLang('he', 'ar', ['en-US'])).toBe('he');
    expect(chooseLang('fr', 'ar', ['en-US'])).toBe('ar');
    expect(chooseLang(null, null, ['fr-FR', 'ar-EG'])).toBe('ar');
    expect(chooseLang(null, null, ['iw-IL'])).toBe('he');
    expect(chooseLang(null, 'xx', ['fr', 'de'])).toBe('en');
  });

  it('Arabic and Hebrew are right to left', () => {
    expect([dirOf('en'), dirOf('ar'), dirOf('he')]).toEqual(['ltr', 'rtl', 'rtl']);
  });
});

describe('formatters', () => {
  it('formats dates and times in the agreement time zone, not the reader’s', () => {
    const en = formatters('en');
    expect(en.time('2023-11-24T16:00:00+02:00', 'Asia/Gaza')).toBe('16:00');
    expect(en.time('2023-11-24T16:00:00+02:00', 'UTC')).toBe('14:00');
    expect(en.date('2023-11-24T23:30:00+02:00', 'Asia/Gaza')).toBe('Nov 24, 2023');
  });

  it('writes Hebrew and Arabic month names and keeps the calendar date whatever the zone', () => {
    expect(formatters('he').calendarDate('2023-11-24')).toContain('בנוב׳');
    expect(formatters('ar').calendarDate('2023-11-24')).toContain('نوفمبر');
    expect(formatters('en').calendarDate('2023-11-24')).toBe('Fri, Nov 24, 2023');
  });

  it('uses the locale’s digits and separators', () => {
    expect(formatters('en').number(1234567)).toBe('1,234,567');
    expect(formatters('he').number(1234567)).toBe('1,234,567');
    expect(formatters('ar').percent(0.5)).toMatch(/50/);
    expect(formatters('en').compact(1_000_000)).toBe('1M');
    expect(formatters('en').compact(1500)).toBe('1.5K');
  });

  it('writes Arabic numbers in the digits the reader chose: Latin by default, Arabic-Indic on request', () => {
    expect(formatters('ar').number(1968)).toBe('1,968');
    expect(formatters('ar', 'arab').number(1968)).toBe('١٬٩٦٨');
    expect(formatters('ar', 'arab').dateTime('2025-10-13T12:00:00+03:00', 'Asia/Gaza')).toMatch(/١٣/);
    // Hebrew and English are written with Latin digits whatever is asked.
    expect(formatters('he', 'arab').number(1968)).toBe('1,968');
    expect(localeOf('ar', 'arab')).toBe('ar-u-nu-arab');
    expect(translator('ar', 'arab').t('count.events', { n: 12 })).toMatch(/١٢/);
  });
});
