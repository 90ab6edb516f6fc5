import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import { renderPhrase } from '../words/render.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement } from './plan-agreement.ts';

/** The pause fixture with its names in three languages. */
function named(): Agreement {
  const a = pause();
  a.parties = [
    { id: 'a', name: { en: 'Party A', ar: 'الطرف أ', he: 'צד א' }, role: 'party' },
    { id: 'b', name: { en: 'Party B', ar: 'الطرف ب', he: 'צד ב' }, role: 'party' },
    { id: 'icrc', name: { en: 'The ICRC', ar: 'اللجنة الدولية', he: 'הצלב האדום' }, role: 'intermediary' },
  ];
  const ex = a.provisions[0]!;
  if (ex.kind !== 'exchange') throw new Error('fixture');
  ex.release.categories = [
    { id: 'women', label: { en: 'Women', ar: 'نساء', he: 'נשים' }, ratio: 3 },
    { id: 'minors', label: { en: 'Minors', ar: 'قاصرون', he: 'קטינים' }, ratio: 3 },
  ];
  const aid = a.provisions[1]!;
  if (aid.kind !== 'aid') throw new Error('fixture');
  aid.perDay = [
    {
      id: 'aid-trucks',
      label: { en: 'Aid trucks', ar: 'شاحنات المساعدات', he: 'משאיות סיוע' },
      quantity: 200,
      unit: 'truck',
    },
    {
      id: 'fuel-trucks',
      label: { en: 'Fuel trucks', ar: 'شاحنات الوقود', he: 'משאיות דלק' },
      quantity: 4,
      unit: 'truck',
      partOf: 'aid-trucks',
    },
  ];
  return a;
}

const all = (a: Agreement) => planAgreement(a).days.flatMap((d) => d.obligations);
const words = (a: Agreement, lang: Lang) =>
  all(a).map((o) => renderPhrase(o.line, { lang, names: agreementNames(a, lang) }));

describe('plan lines', () => {
  it('are codes with parameters; the deprecated description is the English rendering', () => {
    const a = named();
    for (const o of all(a)) {
      expect(o.line.code).toMatch(/^plan\./);
      expect(o.description).toBe(renderPhrase(o.line, { lang: 'en', names: agreementNames(a, 'en') }));
    }
    const handover = all(a).find((o) => o.action === 'hand-over')!;
    expect(handover.description).toBe(
      'Batch 1: release 13 persons (Women, Minors) to Party A through The ICRC, by 16:00.',
    );
  });

  it('name parties, categories and quota lines by their labels, never by their ids (ar, he)', () => {
    const a = named();
    const ar = words(a, 'ar');
    expect(ar).toContain(
      'الدفعة 1: الإفراج عن 13 شخصًا (نساء، قاصرون)، والتسليم إلى الطرف أ عبر اللجنة الدولية، بحلول الساعة 16:00.',
    );
    expect(ar).toContain('إدخال 4 شاحنات (شاحنات الوقود)، ضمن شاحنات المساعدات.');
    const he = words(a, 'he');
    expect(he).toContain('הכנסת 200 משאיות (משאיות סיוע).');
    // The agreement's own free words (the release order) are quoted as given; nothing else is Latin.
    for (const text of [...ar, ...he]) expect(text.replace('by seniority', '')).not.toMatch(/[A-Za-z]/);
  });

  it('say when a deadline falls before the agreement starts', () => {
    const a = named();
    const list = all(a).find((o) => o.action === 'submit-list' && o.day < 1)!;
    expect(list.line.code).toBe('plan.before-start');
    expect(renderPhrase(list.line, { lang: 'he', names: agreementNames(a, 'he') })).toMatch(
      /המועד לפני תחילת ההסכם\.$/,
    );
  });

  it('name a quota line a part of another by that line, not its id', () => {
    const fuel = all(named()).find((o) => o.category === 'fuel-trucks')!;
    expect(fuel.description).toBe('Let in 4 trucks (Fuel trucks), part of Aid trucks.');
  });

  it.each([
    [
      'en',
      'Batch 1: release 13 persons (Women, Minors) to Party A through The ICRC, by 16:00.',
      'Batch 1: release 39 persons (Women, Minors) to Party B through The ICRC, by seniority, after the handover of batch 1.',
    ],
    [
      'ar',
      'الدفعة 1: الإفراج عن 13 شخصًا (نساء، قاصرون)، والتسليم إلى الطرف أ عبر اللجنة الدولية، بحلول الساعة 16:00.',
      'الدفعة 1: الإفراج عن 39 شخصًا (نساء، قاصرون)، والتسليم إلى الطرف ب عبر اللجنة الدولية، by seniority، بعد تسليم الدفعة 1.',
    ],
    [
      'he',
      'פעימה 1: שחרור 13 אנשים (נשים, קטינים) לידי צד א דרך הצלב האדום, עד 16:00.',
      'פעימה 1: שחרור 39 אנשים (נשים, קטינים) לידי צד ב דרך הצלב האדום, by seniority, לאחר מסירת פעימה 1.',
    ],
  ] as const)(
    'in %s, say both sides of an exchange with the same verb, each to its recipient through the intermediary',
    (lang, paced, answered) => {
      const a = named();
      const ex = a.provisions[0]!;
      if (ex.kind !== 'exchange') throw new Error('fixture');
      ex.counterpart.to = 'b';
      ex.counterpart.categories = [
        { id: 'women', label: { en: 'Women', ar: 'نساء', he: 'נשים' } },
        { id: 'minors', label: { en: 'Minors', ar: 'قاصرون', he: 'קטינים' } },
      ];
      const line = (action: string) =>
        renderPhrase(all(a).find((o) => o.action === action && o.batch === 1)!.line, {
          lang,
          names: agreementNames(a, lang),
        });
      expect(line('hand-over')).toBe(paced);
      expect(line('release')).toBe(answered);
    },
  );
});
