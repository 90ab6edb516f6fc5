import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { allegationStateText } from './allegation-state.ts';

const by = (id: string) => (id === 'us' ? 'United States' : 'RSF');

describe('where an allegation stands, as the page says it', () => {
  it('says who resolved it and what they found, in each language, never the finding’s code', () => {
    const found = { state: 'resolved', finding: 'breach', answer: { by: 'us' } } as const;
    expect(allegationStateText(found, translator('en').t, by)).toBe('resolved by United States: a breach');
    expect(allegationStateText(found, translator('ar').t, by)).toBe(
      'محسوم من جانب \u2068United States\u2069: \u2068خرق\u2069',
    );
    expect(allegationStateText(found, translator('he').t, by)).toBe(
      'הוכרעה על ידי \u2068United States\u2069: \u2068הפרה\u2069',
    );
    const none = { state: 'resolved', finding: 'no-breach', answer: { by: 'us' } } as const;
    expect(allegationStateText(none, translator('en').t, by)).toBe('resolved by United States: no breach');
  });

  it('tells an acknowledgement by the accused apart from a finding', () => {
    const ack = { state: 'acknowledged', answer: { by: 'rsf' } } as const;
    expect(allegationStateText(ack, translator('en').t, by)).toBe(
      'acknowledged by RSF, the side alleged against',
    );
    expect(allegationStateText({ state: 'open' }, translator('en').t, by)).toBe('not answered');
  });
});
