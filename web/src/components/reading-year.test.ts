import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FIXTURE_YAML } from '../../../src/core/compliance/fixture-agreement.ts';
import { agreementOf } from '../../../src/core/compliance/test-log.ts';
import { moment, phrase } from '../../../src/core/words/phrase.ts';
import { I18nContext } from '../i18n/context.ts';
import type { Lang } from '../i18n/locale.ts';
import { translator } from '../i18n/translate.ts';
import { ExplanationText } from './explanation.tsx';
import { ReadingYear } from './reading-year.ts';

// An agreement that starts on 1 Jan 2024, and a phase recorded as ended on 12 Jun 2025 12:00.
const agreement = agreementOf(FIXTURE_YAML);
const ended = [phrase('phase.ended', { at: moment(Date.parse('2025-06-12T12:00:00+03:00'), 'Asia/Gaza') })];
const shown = (lang: Lang, year?: string) => {
  const text = createElement(ExplanationText, { explanation: ended, agreement });
  const read = createElement(I18nContext.Provider, { value: translator(lang) }, text);
  return renderToStaticMarkup(year ? createElement(ReadingYear.Provider, { value: year }, read) : read);
};

describe('an explanation on the dashboard', () => {
  it("writes a date's year when the page is read in another (its status's as-of, its day), and not when in the same", () => {
    expect(shown('en', '2026')).toBe('recorded as ended 12 Jun 2025 12:00');
    expect(shown('en', '2025')).toBe('recorded as ended 12 Jun 12:00');
    expect(shown('ar', '2026')).toContain('2025');
    expect(shown('he', '2026')).toContain('2025');
    expect(shown('he', '2025')).not.toContain('2025');
  });

  it('is read in the year the agreement starts where the page gives none (a plan, a comparison)', () => {
    expect(shown('en')).toBe('recorded as ended 12 Jun 2025 12:00');
  });
});
