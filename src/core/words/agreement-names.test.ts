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
});
