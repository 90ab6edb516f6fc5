import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { novAgreement, novEvents } from '../../../examples/logs/nov-2023-events.ts';
import { evaluate } from '../../../src/core/compliance/evaluate.ts';
import { headlineFigures } from '../../../src/core/figures/headline-figures.ts';
import { I18nContext } from '../i18n/context.ts';
import type { Lang } from '../i18n/locale.ts';
import { translator } from '../i18n/translate.ts';
import { DeadlineText } from './deadline.tsx';
import { PlannedToDate } from './headline-figures.tsx';
import { ReadingYear } from './reading-year.ts';

const TZ = 'Asia/Gaza';
const shown = (at: string, lang: Lang, year?: string, digits: 'latn' | 'arab' = 'latn') => {
  const i18n = translator(lang, digits);
  const text = createElement(DeadlineText, {
    at,
    timeZone: TZ,
    instant: (iso: string) => i18n.fmt.dateTime(iso, TZ),
  });
  const read = createElement(I18nContext.Provider, { value: i18n }, text);
  return renderToStaticMarkup(year ? createElement(ReadingYear.Provider, { value: year }, read) : read);
};

describe('a deadline on the dashboard (the Due column of a day, the last deadline of a figure)', () => {
  it('at midnight in the agreement’s zone, is the end of the day before, in the words of the explanations', () => {
    expect(shown('2023-11-25T00:00:00+02:00', 'en', '2023')).toBe('the end of 24 Nov');
    expect(shown('2023-11-25T00:00:00+02:00', 'ar', '2023')).toBe('نهاية 24 نوفمبر');
    expect(shown('2023-11-25T00:00:00+02:00', 'ar', '2023', 'arab')).toBe('نهاية ٢٤ نوفمبر');
    expect(shown('2023-11-25T00:00:00+02:00', 'he', '2023')).toBe('סוף 24 בנוב׳');
    // No page gives a reading year (the home page): the day says its year, as the moment did.
    expect(shown('2023-11-25T00:00:00+02:00', 'en')).toBe('the end of 24 Nov 2023');
  });

  it('at any other time, is the moment as the page wrote it before', () => {
    const fmt = translator('en').fmt;
    for (const at of ['2023-11-25T16:00:00+02:00', '2023-11-25T00:00:00Z', '2023-11-24T23:59:00+02:00'])
      expect(shown(at, 'en', '2023')).toBe(fmt.dateTime(at, TZ));
  });
});

describe('the headline figure of a release nothing of which is due yet, on the dashboard', () => {
  it('reads against its last deadline, at midnight the end of the day before (Nov 2023: 28 Nov 00:00)', () => {
    const agreement = novAgreement();
    const figures = headlineFigures(agreement, evaluate(agreement, novEvents(), '2023-11-23T12:00:00+02:00'));
    const israel = figures.releases.find((r) => r.party === 'israel')!;
    expect(israel.dueBy?.at).toBe('2023-11-28T00:00:00+02:00');
    const shownIn = (lang: Lang) =>
      renderToStaticMarkup(
        createElement(
          I18nContext.Provider,
          { value: translator(lang) },
          createElement(PlannedToDate, { figure: israel }),
        ),
      ).replace(/<[^>]*>/g, '');
    expect(shownIn('en')).toBe('150 due by the end of 27 Nov 2023');
    expect(shownIn('ar')).toContain('بحلول نهاية 27 نوفمبر 2023');
    expect(shownIn('he')).toContain('עד סוף 27 בנוב׳ 2023');
    for (const lang of ['en', 'ar', 'he'] as const) expect(shownIn(lang)).not.toContain('00:00');
  });
});
