import { describe, expect, it } from 'vitest';
import { AS_GIVEN } from './explain.ts';
import { moment, phrase } from './phrase.ts';
import { readingYear } from './reading-year.ts';
import { formatDay, formatMoment, renderExplanation } from './render.ts';

const end2025 = Date.parse('2025-11-10T00:00:00+04:00');
const tz = 'Etc/GMT-4';

describe('the year of a date, where the reader reads in another', () => {
  it('is the year of the day a status is as of: the end of 31 Dec is read in that year, not the next', () => {
    expect(readingYear('2021-01-01T00:00:00+04:00', tz)).toBe('2020');
    expect(readingYear('2020-12-31T20:00:00+04:00', tz)).toBe('2020');
    expect(readingYear('2021-01-01T00:01:00+04:00', tz)).toBe('2021');
  });

  it('is written when the moment or day is of another year, in en, ar and he; never when of the same, nor without a year', () => {
    expect(formatMoment(end2025, tz, 'en', 'latn', '2020')).toBe('10 Nov 2025 00:00');
    expect(formatMoment(end2025, tz, 'en', 'latn', '2025')).toBe('10 Nov 00:00');
    expect(formatMoment(end2025, tz, 'en')).toBe('10 Nov 00:00');
    expect(formatMoment(end2025, tz, 'ar', 'latn', '2020')).toContain('2025');
    expect(formatMoment(end2025, tz, 'ar', 'latn', '2025')).not.toContain('2025');
    expect(formatMoment(end2025, tz, 'he', 'latn', '2020')).toContain('2025');
    expect(formatMoment(end2025, tz, 'he', 'latn', '2025')).not.toContain('2025');
    expect(formatDay('2023-11-09', 'en', 'latn', '2020')).toBe('9 Nov 2023');
    expect(formatDay('2023-11-09', 'en', 'latn', '2023')).toBe('9 Nov');
    expect(formatDay('2023-11-09', 'ar', 'latn', '2020')).toContain('2023');
    expect(formatDay('2023-11-09', 'he', 'latn', '2020')).toContain('2023');
    expect(formatDay('2023-11-09', 'he', 'latn', '2023')).not.toContain('2023');
  });

  it('is written in an explanation rendered for a reader in another year', () => {
    const x = [phrase('phase.ended', { at: moment(end2025, tz) })];
    expect(renderExplanation(x, { lang: 'en', names: AS_GIVEN, year: '2020' })).toBe(
      'recorded as ended 10 Nov 2025 00:00',
    );
    expect(renderExplanation(x, { lang: 'en', names: AS_GIVEN, year: '2025' })).toBe(
      'recorded as ended 10 Nov 00:00',
    );
  });
});
