import { describe, expect, it } from 'vitest';
import { AS_GIVEN } from './explain.ts';
import type { Lang } from './lang.ts';
import { deadline, moment, num, phrase, qty } from './phrase.ts';
import { formatDeadline, renderPhrase } from './render.ts';

const TZ = 'Asia/Gaza';
/** 25 Nov 2023 00:00 in Gaza (UTC+2): "by 24 November" as the agreement says it. */
const MIDNIGHT = Date.parse('2023-11-25T00:00:00+02:00');
const AFTERNOON = Date.parse('2023-11-25T16:00:00+02:00');
const say = (p: Parameters<typeof renderPhrase>[0], lang: Lang, year = '2023') =>
  renderPhrase(p, { lang, names: AS_GIVEN, year });
const batch = phrase('batch.head-size', { batch: num(1), required: qty(13, 'person') });

describe('a deadline at midnight', () => {
  it.each([
    ['en', 'Batch 1 (13 persons) due by the end of 24 Nov', 'Batch 1 (13 persons) by the end of 24 Nov'],
    ['ar', 'الموعد نهاية 24 نوفمبر', 'بحلول نهاية 24 نوفمبر'],
    ['he', 'מועד: סוף 24 בנוב׳', 'עד סוף 24 בנוב׳'],
  ] as const)('in %s, is the end of the day before it, not the next day at 00:00', (lang, due, by) => {
    const d = deadline(MIDNIGHT, TZ);
    const dueWords = say(phrase('head.due', { what: batch, due: d }), lang);
    const byWords = say(phrase('head.by', { what: batch, due: d }), lang);
    expect(dueWords).toContain(due);
    expect(byWords).toContain(by);
    for (const words of [dueWords, byWords]) {
      expect(words).not.toMatch(/00:00|٠٠:٠٠/);
      expect(words).not.toMatch(/25/);
    }
  });

  it.each([
    [
      'en',
      '(due by the end of 24 Nov)',
      'planned to end at the end of 24 Nov',
      'Due 5 h later than planned (the end of 24 Nov)',
    ],
    ['ar', '(الموعد نهاية 24 نوفمبر)', 'أن تنتهي في نهاية 24 نوفمبر', '(نهاية 24 نوفمبر)'],
    ['he', '(מועד: סוף 24 בנוב׳)', 'תוכנן להסתיים בסוף 24 בנוב׳', '(סוף 24 בנוב׳)'],
  ] as const)('in %s, reads so in every sentence that names one', (lang, head, end, moved) => {
    const d = deadline(MIDNIGHT, TZ);
    expect(say(phrase('head.paren-due', { what: batch, due: d }), lang)).toContain(head);
    expect(say(phrase('phase.planned-end', { at: d }), lang)).toContain(end);
    const late = { type: 'duration', minutes: 300 } as const;
    expect(say(phrase('moved.handover', { late, planned: d, batch: num(2) }), lang)).toContain(moved);
  });

  it('after an extension, the phase it moved ends at the end of the day before', () => {
    const p = phrase('extension.phase-terms', {
      phase: { type: 'phase', id: 'Pause' },
      end: deadline(MIDNIGHT, TZ),
    });
    expect(say(p, 'en')).toBe(
      'with it, Pause planned to end at the end of 24 Nov, its terms judged to that end',
    );
    expect(say(p, 'ar')).toContain('Pause نهاية 24 نوفمبر');
    expect(say(p, 'he')).toContain('Pause לסוף 24 בנוב׳');
  });

  it('says the year of the day it ends, where the reader reads in another', () => {
    // 1 Jan 2024 00:00 is the end of 31 Dec 2023: read in 2023, no year; read in 2024, its year.
    const newYear = deadline(Date.parse('2024-01-01T00:00:00+02:00'), TZ);
    expect(say(phrase('head.by', { what: batch, due: newYear }), 'en', '2023')).toContain(
      'by the end of 31 Dec',
    );
    expect(say(phrase('head.by', { what: batch, due: newYear }), 'en', '2024')).toContain(
      'by the end of 31 Dec 2023',
    );
  });

  it('is midnight in the agreement’s zone, not in UTC', () => {
    // 00:00 UTC is 02:00 in Gaza: a moment, as it was.
    const utcMidnight = deadline(Date.parse('2023-11-25T00:00:00Z'), TZ);
    expect(say(phrase('head.by', { what: batch, due: utcMidnight }), 'en')).toBe(
      'Batch 1 (13 persons) by 25 Nov 02:00',
    );
    // Across the end of daylight saving (Gaza, 28 Oct 2023): still the end of the day before.
    expect(formatDeadline(Date.parse('2023-10-29T00:00:00+02:00'), TZ, 'en')).toBe('the end of 28 Oct');
  });
});

describe('a deadline at any other time', () => {
  it.each(['en', 'ar', 'he'] as const)('in %s, reads as the moment it is, as before', (lang) => {
    // A moment in the same slot is worded as every deadline was before (and as an explanation
    // worded before deadlines were their own kind still is).
    for (const at of [AFTERNOON, MIDNIGHT + 60_000, MIDNIGHT - 60_000]) {
      for (const code of ['head.due', 'head.by', 'head.paren-due'] as const)
        expect(say(phrase(code, { what: batch, due: deadline(at, TZ) }), lang)).toBe(
          say(phrase(code, { what: batch, due: moment(at, TZ) }), lang),
        );
      expect(say(phrase('phase.planned-end', { at: deadline(at, TZ) }), lang)).toBe(
        say(phrase('phase.planned-end', { at: moment(at, TZ) }), lang),
      );
    }
  });

  it('keeps the words of before in English', () => {
    expect(say(phrase('head.due', { what: batch, due: deadline(AFTERNOON, TZ) }), 'en')).toBe(
      'Batch 1 (13 persons) due 25 Nov 16:00',
    );
    expect(say(phrase('head.by', { what: batch, due: deadline(AFTERNOON, TZ) }), 'en')).toBe(
      'Batch 1 (13 persons) by 25 Nov 16:00',
    );
    expect(say(phrase('head.paren-due', { what: batch, due: deadline(AFTERNOON, TZ) }), 'en')).toBe(
      'Batch 1 (13 persons) (due 25 Nov 16:00)',
    );
    expect(say(phrase('phase.planned-end', { at: deadline(AFTERNOON, TZ) }), 'en')).toBe(
      'planned to end 25 Nov 16:00',
    );
  });
});

describe('formatDeadline, for an edge that writes a deadline outside a phrase', () => {
  it('words it as the phrases do, in every language and with the reader’s digits', () => {
    expect(formatDeadline(MIDNIGHT, TZ, 'en')).toBe('the end of 24 Nov');
    expect(formatDeadline(MIDNIGHT, TZ, 'ar')).toBe('نهاية 24 نوفمبر');
    expect(formatDeadline(MIDNIGHT, TZ, 'ar', { digits: 'arab' })).toBe('نهاية ٢٤ نوفمبر');
    expect(formatDeadline(MIDNIGHT, TZ, 'he')).toBe('סוף 24 בנוב׳');
    expect(formatDeadline(MIDNIGHT, TZ, 'en', { form: 'by' })).toBe('by the end of 24 Nov');
    expect(formatDeadline(AFTERNOON, TZ, 'en')).toBe('25 Nov 16:00');
  });
});
