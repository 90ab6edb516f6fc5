import { describe, expect, it } from 'vitest';
import { labelsOf } from '../compliance/labels.ts';
import { agreementOf } from '../compliance/test-log.ts';
import { eventFields, eventFieldWords } from './event-fields.ts';

const agreement = agreementOf(`
id: fields
title: Fields
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T08:00:00+02:00
parties:
  - { id: a, name: Side A, role: party }
  - { id: b, name: Side B, role: party }
  - { id: red, name: The Intermediary, role: intermediary }
phases:
  - { id: p1, title: Phase 1, start: { day: 1 }, lengthDays: 3 }
provisions:
  - id: ex
    kind: exchange
    phase: p1
    title: The exchange
    intermediary: red
    release:
      party: a
      to: b
      total: 6
      categories: [{ id: w, label: Women, ratio: 3 }]
      cadence: daily
    counterpart: { party: b, to: a, total: 18, after: handover }
  - id: aid
    kind: aid
    phase: p1
    title: Aid
    party: b
    perDay: [{ id: trucks, label: Aid trucks, quantity: 10, unit: truck }]
  - id: gate
    kind: crossing
    phase: p1
    party: b
    crossing: { id: rafah, name: { en: Rafah crossing, ar: معبر رفح, he: מעבר רפיח } }
`);
const labels = labelsOf(agreement, [{ actor: 'mon', name: 'The monitor' }]);

describe("the report's event fields, as a reader names them", () => {
  it('names the provision, the parties and the categories by their labels, and writes counts with separators', () => {
    expect(
      eventFieldWords(
        { provision: 'ex', batch: 2, count: 1968, to: 'b', via: 'red', categories: { w: 1200 } },
        labels,
      ),
    ).toEqual([
      'provision: The exchange',
      'batch: 2',
      'count: 1,968',
      'to: Side B',
      'via: The Intermediary',
      'categories: Women (1,200)',
    ]);
  });
  it('names an actor by its registration, a quota line by its label, casualties each with its source, an earlier event in words', () => {
    expect(
      eventFieldWords(
        {
          actor: 'mon',
          provision: 'aid',
          category: 'trucks',
          against: 'a',
          casualties: [{ killed: 3, source: 'S' }],
          of: 'ab'.repeat(32),
        },
        labels,
      ),
    ).toEqual([
      'actor: The monitor',
      'provision: Aid',
      'category: Aid trucks',
      'against: Side A',
      'casualties: 3 killed per S',
      'of: an earlier event',
    ]);
  });

  it('says values of the schema in words, names the phase and the crossing, writes a day as the reader reads it (en, ar, he)', () => {
    const body = {
      phase: 'p1',
      crossing: 'rafah',
      direction: 'out',
      date: '2024-01-02',
      unit: 'truck',
      finding: 'not-a-hostage',
    };
    expect(eventFieldWords(body, labels)).toEqual([
      'phase: Phase 1',
      'crossing: Rafah crossing',
      'direction: out of the area',
      'date: 2024-01-02',
      'unit: trucks',
      'finding: not of a hostage',
    ]);
    const ar = eventFields(body, labelsOf(agreement, [], 'ar'), 'ar').map((f) => f.value);
    expect(ar).toContain('معبر رفح');
    expect(ar).toContain('إلى خارج المنطقة');
    expect(ar).toContain('ليست لرهينة');
    // No value as recorded by the schema's own words, no ISO day, in Arabic or Hebrew.
    for (const lang of ['ar', 'he'] as const) {
      const values = eventFields(body, labelsOf(agreement, [], lang), lang).map((f) => f.value);
      expect(
        values.filter((v) => /^(out|not-a-hostage|rafah|p1|truck|2024-01-02)$/.test(v)),
        lang,
      ).toEqual([]);
    }
  });

  it('names an earlier event by its number, kind and time where it is known', () => {
    const of = 'ab'.repeat(32);
    const refs = { of: { number: 27, kind: 'handover.completed', at: '2024-01-01T19:00:00Z' } };
    const words = (lang: 'en' | 'he') =>
      eventFields({ of, reason: 'No.' }, labels, lang, { refs, timeZone: 'Asia/Gaza' })[0]!.value;
    expect(words('en')).toBe('no. 27, handover carried out, 1 Jan 21:00');
    expect(words('he')).toMatch(/^מס׳ 27, /);
  });

  it('says an approximate figure and a number not disclosed in words of their own, with no value after them (en, ar, he)', () => {
    expect(eventFieldWords({ provision: 'ex', count: 250, uncertain: true }, labels)).toEqual([
      'provision: The exchange',
      'count: 250',
      'approximate figure',
    ]);
    expect(eventFieldWords({ provision: 'ex', undisclosed: true, to: 'b' }, labels)).toEqual([
      'provision: The exchange',
      'number not disclosed',
      'to: Side B',
    ]);
    expect(eventFieldWords({ count: 230, uncertain: false }, labels)).toEqual(['count: 230', 'exact figure']);
    for (const [lang, words] of [
      ['ar', ['رقم تقريبي', 'لم يُكشف عن العدد']],
      ['he', ['מספר משוער', 'המספר לא פורסם']],
    ] as const) {
      const fields = eventFields({ uncertain: true, undisclosed: true }, labelsOf(agreement, [], lang), lang);
      expect(
        fields.map((f) => [f.field, f.alone]),
        lang,
      ).toEqual([
        [words[0], true],
        [words[1], true],
      ]);
    }
  });
});
