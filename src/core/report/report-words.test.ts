import { describe, expect, it } from 'vitest';
import { frame } from './report-words.ts';

// A party's gender is not known (ממשלת תימן and الحكومة اليمنية are feminine, حماس and ישראל are
// not said alike by everyone): a party or an actor is never the subject of a verb that agrees with it.
describe('the report frame names a party without a verb agreeing with it', () => {
  it('says an allegation as a noun, the same for every party', () => {
    expect(frame('he', 'alleges', { actor: 'ממשלת תימן', party: 'אנסאר אללה' })).toBe(
      'טענת ממשלת תימן נגד אנסאר אללה',
    );
    expect(frame('ar', 'alleges', { actor: 'الحكومة اليمنية', party: 'أنصار الله' })).toBe(
      'ادعاء من جانب الحكومة اليمنية ضد أنصار الله',
    );
  });

  it('says who recorded an event in the passive', () => {
    expect(frame('ar', 'happened', { time: '12:00', kind: 'إفراج', actor: 'الحكومة اليمنية' })).toBe(
      '12:00 إفراج — سُجّل من جانب الحكومة اليمنية',
    );
  });
});
