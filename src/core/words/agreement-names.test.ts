import { describe, expect, it } from 'vitest';
import { pause } from '../plan/fixtures/pause.ts';
import { agreementNames } from './agreement-names.ts';

describe('agreementNames', () => {
  it('given a place named under places, then it is read in each language; an id named nowhere stays as it is', () => {
    const agreement = pause({
      places: [{ id: 'north', name: { en: 'the north of Gaza', ar: 'شمال غزة', he: 'צפון רצועת עזה' } }],
    });
    expect(agreementNames(agreement, 'en').place('north')).toBe('the north of Gaza');
    expect(agreementNames(agreement, 'ar').place('north')).toBe('شمال غزة');
    expect(agreementNames(agreement, 'he').place('north')).toBe('צפון רצועת עזה');
    expect(agreementNames(agreement, 'he').place('south')).toBe('south');
  });

  it('given several parties bound together (a milestone of the parties and the mediators), then each is named in the reader’s language, never the ids joined', () => {
    const agreement = pause({
      parties: [
        {
          id: 'saf',
          name: {
            en: 'Sudanese Armed Forces',
            ar: 'القوات المسلحة السودانية',
            he: 'הכוחות המזוינים של סודאן',
          },
          role: 'party',
        },
        {
          id: 'rsf',
          name: { en: 'Rapid Support Forces', ar: 'قوات الدعم السريع', he: 'כוחות התמיכה המהירה' },
          role: 'party',
        },
        {
          id: 'us',
          name: { en: 'United States', ar: 'الولايات المتحدة', he: 'ארצות הברית' },
          role: 'mediator',
        },
      ],
    });
    expect(agreementNames(agreement, 'en').party('saf+rsf+us')).toBe(
      'Sudanese Armed Forces, Rapid Support Forces, United States',
    );
    expect(agreementNames(agreement, 'ar').party('saf+rsf+us')).toBe(
      'القوات المسلحة السودانية، قوات الدعم السريع، الولايات المتحدة',
    );
    expect(agreementNames(agreement, 'he').party('saf+rsf+us')).toBe(
      'הכוחות המזוינים של סודאן, כוחות התמיכה המהירה, ארצות הברית',
    );
    // Not every part a party: as it is.
    expect(agreementNames(agreement, 'en').party('saf+nobody')).toBe('saf+nobody');
  });
});
