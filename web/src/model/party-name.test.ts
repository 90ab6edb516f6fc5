import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { partyName } from './party-name.ts';

const agreement = {
  parties: [
    { id: 'saf', name: { en: 'Sudanese Armed Forces', ar: 'القوات المسلحة السودانية' }, role: 'party' },
    { id: 'us', name: { en: 'United States', ar: 'الولايات المتحدة' }, role: 'mediator' },
  ],
} as unknown as Agreement;
const inLang =
  (lang: 'en' | 'ar') =>
  (v: Agreement['title'] | undefined, fallback = '') =>
    v === undefined
      ? fallback
      : typeof v === 'string'
        ? v
        : ((v as Record<string, string>)[lang] ?? (v as { en: string }).en);

describe('a party’s name on the dashboard', () => {
  it('names each of several parties bound together in the reader’s language, never their ids joined', () => {
    expect(partyName(agreement, inLang('en'), 'en')('saf+us')).toBe('Sudanese Armed Forces, United States');
    expect(partyName(agreement, inLang('ar'), 'ar')('saf+us')).toBe(
      'القوات المسلحة السودانية، الولايات المتحدة',
    );
    expect(partyName(agreement, inLang('en'), 'en')('saf')).toBe('Sudanese Armed Forces');
    expect(partyName(agreement, inLang('en'), 'en')('saf+nobody')).toBe('saf+nobody');
  });
});
