import { describe, expect, it } from 'vitest';
import { allegationStateWords } from './allegation-state-words.ts';

const name = (id: string) => (id === 'us' ? 'United States' : 'RSF');

describe('where an allegation stands, in the report’s and the CLI’s words', () => {
  it('says who resolved it and words the finding in each language, never its code', () => {
    const found = { state: 'resolved', finding: 'breach', answer: { by: 'us' } } as const;
    expect(allegationStateWords(found, 'en', name)).toBe('resolved by United States: a breach');
    expect(allegationStateWords(found, 'ar', name)).toBe('محسوم من جانب United States: خرق');
    expect(allegationStateWords(found, 'he', name)).toBe('הוכרעה על ידי United States: הפרה');
    const none = { state: 'resolved', finding: 'no-breach', answer: { by: 'us' } } as const;
    expect(allegationStateWords(none, 'en', name)).toBe('resolved by United States: no breach');
    expect(allegationStateWords(none, 'ar', name)).toBe('محسوم من جانب United States: لا خرق');
    expect(allegationStateWords(none, 'he', name)).toBe('הוכרעה על ידי United States: אין הפרה');
  });

  it('tells an acknowledgement by the accused apart from a finding, and escapes the frame’s words where asked', () => {
    const ack = { state: 'acknowledged', answer: { by: 'rsf' } } as const;
    expect(allegationStateWords(ack, 'en', name)).toBe('acknowledged by RSF, the side alleged against');
    expect(allegationStateWords({ state: 'disputed' }, 'he', name)).toBe('שנויה במחלוקת');
    expect(
      allegationStateWords(
        ack,
        'en',
        (id) => `<b>${name(id)}</b>`,
        (s) => s.toUpperCase(),
      ),
    ).toBe('ACKNOWLEDGED BY <b>RSF</b>, THE SIDE ALLEGED AGAINST');
  });
});
