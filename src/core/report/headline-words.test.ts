import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';
import { labelsOf } from '../compliance/labels.ts';
import { actors, agreementOf, logged } from '../compliance/test-log.ts';
import type { LoggedEvent } from '../compliance/types.ts';
import { REMAINS_YAML } from '../figures/fixture-remains.ts';
import { headlineFigures } from '../figures/headline-figures.ts';
import type { Lang } from '../words/lang.ts';
import { headlineItems } from './headline-words.ts';

const agreement = agreementOf(REMAINS_YAML);
const h = headlineFigures(agreement, evaluate(agreement, actors(), '2024-01-03T12:00:00+02:00'));
const lines = (lang: Lang) =>
  headlineItems(h, labelsOf(agreement, [], lang), lang, {
    text: (s) => s,
    name: (s) => s,
    figure: (_id, _value, words) => words,
    say: () => '',
  }).map((i) => i.line);

/** Words as given: what headlineItems writes, with no markup. */
const PLAIN = {
  text: (x: string) => x,
  name: (x: string) => x,
  figure: (_i: string, _v: unknown, x: string) => x,
  say: () => '',
};

/** The first line of the headline with its first release figure changed by `change`, in `lang`. */
const lineWith = (change: Partial<(typeof h.releases)[number]>, lang: Lang = 'en') =>
  headlineItems(
    { ...h, releases: [{ ...h.releases[0]!, remains: undefined, uncertain: false, ...change }] },
    labelsOf(agreement, [], lang),
    lang,
    PLAIN,
  )[0]!.line;

describe('headline words', () => {
  it.each([
    ['en', 'unrecorded of ⚠ '],
    ['ar', 'من أصل ⚠ '],
    ['he', 'מתוך ⚠ '],
  ] as const)(
    'in %s, the plan figure of a side marked uncertain carries the ⚠, and of no other',
    (lang, marked) => {
      const w = {
        text: (s: string) => s,
        name: (s: string) => s,
        figure: (_i: string, _v: unknown, x: string) => x,
        say: () => '',
      };
      const one = { ...h, releases: h.releases.map((r, i) => ({ ...r, uncertain: i === 0 })) };
      const out = headlineItems(one, labelsOf(agreement, [], lang), lang, w).map((i) => i.line);
      expect(out[0]).toContain(marked);
      for (const line of out.slice(1, h.releases.length)) expect(line).not.toContain('⚠');
    },
  );

  it.each([
    [
      'en',
      'Returned by A (Remains of soldiers, Remains of civilians): unrecorded of ',
      'Returned by B (Bodies held by B): unrecorded of ',
      'Returned by A (Remains held by A): unrecorded of ',
      'Released by B (dead-for-living): unrecorded of ',
      'Released by A (ex): unrecorded of ',
    ],
    [
      'ar',
      'المُعاد من جانب A (رفات الجنود، رفات المدنيين): ',
      'المُعاد من جانب B (جثامين لدى ب): ',
      'المُعاد من جانب A (Remains held by A): ',
      'المُفرَج عنهم من جانب B (dead-for-living): ',
      'المُفرَج عنهم من جانب A (ex): ',
    ],
    [
      'he',
      'הוחזרו בידי A (גופות החיילים, גופות האזרחים): ',
      'הוחזרו בידי B (גופות המוחזקות בידי ב): ',
      'הוחזרו בידי A (Remains held by A): ',
      'שוחררו בידי B (dead-for-living): ',
      'שוחררו בידי A (ex): ',
    ],
  ] as const)(
    'in %s, a side that hands over remains is returned, by its categories’ names; a side of living persons is released, by the exchange’s',
    (lang, bothWaysA, bothWaysB, forLiving, livingForRemains, living) => {
      const out = lines(lang);
      for (const [start, provision, party] of [
        [bothWaysA, 'bodies', 'a'],
        [bothWaysB, 'bodies', 'b'],
        [forLiving, 'dead-for-living', 'a'],
        [livingForRemains, 'dead-for-living', 'b'],
        [living, 'ex', 'a'],
      ] as const) {
        const i = h.releases.findIndex((r) => r.provision === provision && r.party === party);
        expect(out[i]!.startsWith(start), `${out[i]} starts with ${start}`).toBe(true);
      }
    },
  );

  it('says a side ahead of the plan to date is ahead of it, with the plan’s total, never "16 of 7" (en, ar, he)', () => {
    const said = {
      en: '16, ahead of the 7 in the plan to date (33 in all)',
      ar: '16، أي أكثر من 7 في الخطة حتى الآن (المجموع في الخطة: 33)',
      he: '16, יותר מ־7 בתוכנית עד כה (33 בסך הכול)',
    } as const;
    for (const lang of ['en', 'ar', 'he'] as const)
      expect(lineWith({ counted: 16, dueSoFar: 7, plannedTotal: 33 }, lang), lang).toContain(said[lang]);
    // At or under the plan to date: "of".
    expect(lineWith({ counted: 7, dueSoFar: 7, plannedTotal: 33 })).toContain('7 of 7 in the plan to date');
    // More than the plan's most, with nothing more to come: "more than", never "of" a smaller figure.
    expect(
      lineWith({
        counted: 1731,
        dueSoFar: 1090,
        dueSoFarMax: 1550,
        plannedTotal: 1090,
        plannedTotalMax: 1550,
      }),
    ).toContain('1,731, more than the 1,090 to 1,550 in the plan to date');
  });

  it('says the agreement sets no number for an exchange whose numbers are left to later talks, never "of 0"', () => {
    const line = lineWith({
      counted: null,
      dueSoFar: 0,
      plannedTotal: 0,
      statedTotal: undefined,
      byRatio: undefined,
    });
    expect(line).toMatch(/: unrecorded; the agreement sets no number$/);
    expect(line).not.toContain('of 0');
  });

  it('says the number the agreement states for an exchange the plan places on no date, never "sets no number"', () => {
    const undated = { dueSoFar: 0, plannedTotal: 0, plannedTotalMax: undefined, dueSoFarMax: undefined };
    const line = lineWith({ ...undated, counted: 1000, byRatio: 1000, statedTotal: [{ value: 1000 }] });
    expect(line).toContain(': 1,000 of the 1,000 the agreement states; it sets no date');
    expect(line).not.toContain('sets no number');
    // More than it states: never "1,390 of the 1,000".
    expect(lineWith({ ...undated, counted: 1390, byRatio: 1000 })).toContain(
      ': 1,390, more than the 1,000 the agreement states; it sets no date',
    );
    // Uncertain, stated by a source: the ⚠ goes with the number.
    expect(
      lineWith({
        ...undated,
        counted: 78,
        byRatio: undefined,
        statedTotal: [{ value: 6000, source: 'One side', uncertain: true }],
      }),
    ).toContain(': 78 of the ⚠ 6,000 the agreement states; it sets no date');
    expect(
      lineWith({ ...undated, counted: 5, byRatio: undefined, statedTotal: [{ value: 1000 }] }, 'he'),
    ).toContain('מתוך 1,000 שקובע ההסכם');
    // Sources that state different totals: no one number; the line says only that no date is set.
    expect(
      lineWith({
        ...undated,
        counted: 5,
        byRatio: undefined,
        statedTotal: [
          { value: 1000, source: 'A' },
          { value: 1200, source: 'B' },
        ],
      }),
    ).toContain(': 5; the agreement sets no date');
  });
});

describe('headline words of an aid quota in Arabic', () => {
  const quota = {
    provision: 'aid',
    quota: 'trucks',
    unit: 'truck',
    category: null,
    uncertain: false,
    dueSoFar: 400,
    daysDue: 2,
    daysUnrecorded: 0,
    sources: [
      { source: 'UN', quantity: 500, days: ['2024-01-01', '2024-01-02'], quota: 400, daysReached: 2 },
    ],
    daysDisputed: 2,
    periods: [],
  };
  const items = headlineItems(
    { ...h, releases: [], quotas: [quota] },
    labelsOf(agreement, [], 'ar'),
    'ar',
    PLAIN,
  );

  it('puts a dual after a preposition in the genitive: خلال يومين, في يومين, never يومان', () => {
    expect(items[0]!.sub[0]).toContain('خلال يومين');
    expect(items[0]!.line).toContain('تختلف المصادر في يومين');
    expect(JSON.stringify(items)).not.toContain('يومان');
  });
});

describe('headline words, when nothing of the plan is due yet', () => {
  const fixture = agreementOf(FIXTURE_YAML);
  // The fixture's exchange: A hands over 2 a day by 12:00 over three days (6 in all).
  const figuresAt = (events: LoggedEvent[], at: string) =>
    headlineFigures(fixture, evaluate(fixture, [...actors(), ...events], at));
  const handed = logged('a', 'handover.completed', '2024-01-01T10:00:00+02:00', {
    provision: 'ex',
    batch: 1,
    to: 'b',
    via: 'red',
    count: 1,
  });
  const linesOf = (hf: ReturnType<typeof headlineFigures>, lang: Lang) =>
    headlineItems(hf, labelsOf(fixture, [], lang), lang, PLAIN).map((i) => i.line);

  it('then a count is read against the whole and its last deadline, never "ahead of the 0 in the plan to date"', () => {
    const hf = figuresAt([handed], '2024-01-01T11:00:00+02:00');
    expect(hf.releases[0]).toMatchObject({
      counted: 1,
      dueSoFar: 0,
      plannedTotal: 6,
      dueBy: { at: '2024-01-03T12:00:00+02:00', timeZone: fixture.timeZone },
    });
    expect(linesOf(hf, 'en')[0]).toBe('Released by A (ex): 1 of the 6 due by 3 Jan 12:00');
    expect(linesOf(hf, 'ar')[0]).toContain(': 1 من أصل 6 مستحقة بحلول 3 يناير، 12:00');
    expect(linesOf(hf, 'he')[0]).toContain(': 1 מתוך 6 שמועדם עד 3 בינו׳, 12:00');
    for (const lang of ['en', 'ar', 'he'] as const)
      expect(linesOf(hf, lang).join('\n')).not.toMatch(/ahead|أكثر|יותר/);
  });

  it('then a last deadline at midnight is the end of the day before, never the next day at 00:00', () => {
    const hf = figuresAt([handed], '2024-01-01T11:00:00+02:00');
    const dueBy = { at: '2024-01-04T00:00:00+02:00', timeZone: fixture.timeZone };
    const atMidnight = { ...hf, releases: [{ ...hf.releases[0]!, dueBy }] };
    expect(linesOf(atMidnight, 'en')[0]).toBe('Released by A (ex): 1 of the 6 due by the end of 3 Jan');
    expect(linesOf(atMidnight, 'ar')[0]).toContain(': 1 من أصل 6 مستحقة بحلول نهاية 3 يناير');
    expect(linesOf(atMidnight, 'he')[0]).toContain(': 1 מתוך 6 שמועדם עד סוף 3 בינו׳');
    for (const lang of ['en', 'ar', 'he'] as const)
      expect(linesOf(atMidnight, lang)[0]).not.toMatch(/4|00:00/);
  });

  it('then nothing recorded is no verdict: "nothing recorded yet", never "unrecorded of 0 in the plan to date"', () => {
    const hf = figuresAt([], '2024-01-01T11:00:00+02:00');
    expect(linesOf(hf, 'en')[0]).toBe('Released by A (ex): nothing recorded yet; 6 due by 3 Jan 12:00');
    expect(linesOf(hf, 'ar')[0]).toContain('لم يُسجَّل شيء بعد؛ 6 مستحقة بحلول 3 يناير، 12:00');
    expect(linesOf(hf, 'he')[0]).toContain('עדיין לא נרשם דבר; 6 שמועדם עד 3 בינו׳, 12:00');
  });

  it('then, once something is due, the plan to date is read as before', () => {
    const hf = figuresAt([handed], '2024-01-01T13:00:00+02:00');
    expect(hf.releases[0]).not.toHaveProperty('dueBy');
    expect(linesOf(hf, 'en')[0]).toBe('Released by A (ex): 1 of 2 in the plan to date');
  });
});
