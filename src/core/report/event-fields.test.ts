import { describe, expect, it } from 'vitest';
import { labelsOf } from '../compliance/labels.ts';
import { agreementOf } from '../compliance/test-log.ts';
import { eventFieldWords } from './event-fields.ts';

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
});
