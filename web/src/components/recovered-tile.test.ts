import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/compliance/evaluate.ts';
import { FIXTURE_YAML } from '../../../src/core/compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../../../src/core/compliance/test-log.ts';
import { headlineFigures } from '../../../src/core/figures/headline-figures.ts';
import type { AgreementData } from '../agreement-data.ts';
import type { ServedStatus } from '../api.ts';
import { I18nContext } from '../i18n/context.ts';
import type { Lang } from '../i18n/locale.ts';
import { translator } from '../i18n/translate.ts';
import { HeadlineFigures } from './headline-figures.tsx';

// An exchange with no cadence, and remains recovered by the receiving side (B), not handed over.
const agreement = agreementOf(
  FIXTURE_YAML.replace('      cadence: daily\n', '')
    .replace('      handoverBy: "12:00"\n', '')
    .replace('      lists: { lead: { eveningBefore: true } }\n', ''),
);
const at = '2024-01-01T11:00:00+02:00';
const recovered = logged(
  'med',
  'remains.recovered',
  at,
  { provision: 'ex', by: 'b', count: 1047 },
  'Search team report',
);
const evaluation = evaluate(agreement, [...actors(), recovered], '2024-01-02T09:00:00+02:00');
const data = {
  agreement,
  plan: null,
  log: null,
  evaluation: { headline: headlineFigures(agreement, evaluation) } as unknown as ServedStatus,
} as unknown as AgreementData;
const read = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u2066-\u2069]/g, '');
const shown = (lang: Lang) =>
  renderToStaticMarkup(
    createElement(
      I18nContext.Provider,
      { value: translator(lang) },
      createElement(HeadlineFigures, { data }),
    ),
  );

describe('the headline tiles, for remains recovered without a handover', () => {
  it('show who recovered how many, when and whose report it is, apart from the returns (still nothing recorded)', () => {
    const html = shown('en');
    expect(html).toContain(`data-figure="recovered:ex:b:${at}" data-value="1047"`);
    const text = read(html);
    expect(text).toContain('Recovered by B without a handover · ex');
    expect(text).toContain('1,047');
    expect(text).toMatch(/Jan 1, 2024; not counted as returned \(Search team report\)/);
    // The returns stay unrecorded: recovered is not returned.
    expect(html).toContain('data-figure="release:ex:a" data-value="unrecorded"');
  });

  it('in Arabic and Hebrew too', () => {
    expect(read(shown('ar'))).toContain('المُنتشَل على يد B دون تسليم');
    expect(read(shown('ar'))).toContain('لا يُحسب ضمن المُعاد');
    expect(read(shown('he'))).toContain('חולצו בידי B ללא מסירה');
    expect(read(shown('he'))).toContain('לא נספרו כמוחזרים');
  });
});
