import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../compliance/test-log.ts';
import type { LoggedEvent } from '../compliance/types.ts';
import { explain } from '../words/explain.ts';
import { headlineFigures } from './headline-figures.ts';

const agreement = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const headline = (events: LoggedEvent[], asOf: string) =>
  headlineFigures(agreement, evaluate(agreement, [...actors(), ...events], asOf));
const aid = (day: number, quantity: number, by: string, source: string) =>
  logged(
    by,
    'aid.delivered',
    T(day, '20:00'),
    { date: `2024-01-0${day}`, quantity, unit: 'truck', category: 'aid' },
    source,
  );

describe('headline figures', () => {
  it('given a disputed release, then its count says who disputes it with what figure, and another count says nothing', () => {
    const h = logged('a', 'handover.completed', T(1, '11:00'), {
      provision: 'ex',
      batch: 1,
      count: 2,
      to: 'b',
      via: 'red',
    });
    const confirmed = logged('red', 'handover.confirmed', T(1, '11:00'), { handover: h.leafHash, count: 2 });
    const r = logged(
      'b',
      'release.completed',
      T(1, '13:00'),
      { provision: 'ex', batch: 1, party: 'b', count: 6 },
      'B',
    );
    const d = logged('a', 'dispute', T(1, '14:00'), { of: r.leafHash, reason: 'We count 5.', figure: 5 });
    const before = headline([h, confirmed, r], T(2, '09:00'));
    expect(before.releases.map((x) => x.disputes)).toEqual([[], []]);
    const after = headline([h, confirmed, r, d], T(2, '09:00'));
    const [a, b] = after.releases;
    expect(a!.disputes).toEqual([]);
    expect(b!.counted).toBe(6);
    expect(b!.disputes).toHaveLength(1);
    expect(b!.disputes[0]!.code).toBe('disputes');
    const said = explain(b!.disputes, agreement);
    expect(said).toContain('We count 5.');
    expect(said).toMatch(/5/);
  });

  it('given a side whose total sources state differently, then its plan figure is marked uncertain, and only its', () => {
    expect(headline([], T(3, '12:00')).releases.map((r) => [r.party, r.uncertain])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    const contested = agreementOf(
      FIXTURE_YAML.replace(
        'counterpart: { party: b, to: a, total: 18, after: handover }',
        'counterpart: { party: b, to: a, total: [{ value: 18, source: X }, { value: 16, source: Y }], after: handover }',
      ),
    );
    const h = headlineFigures(contested, evaluate(contested, actors(), T(3, '12:00')));
    expect(h.releases.map((r) => [r.party, r.uncertain])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    // What it is marked for is what the obligations counted in it are marked for.
    const ev = evaluate(contested, actors(), T(3, '12:00'));
    expect(
      ev.obligations.some((o) => o.obligation.party === 'b' && (o.uncertain || o.obligation.uncertain)),
    ).toBe(true);
  });

  it('given figures for a period, then a quota line lists only those that count what it counts: its category and its place', () => {
    const twoLines = agreementOf(
      FIXTURE_YAML.replace(
        'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]',
        'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }, { id: fuel, quantity: 2, unit: truck, category: fuel }]',
      ),
    );
    const period = (source: string, body: Record<string, unknown>) =>
      logged(
        'b',
        'aid.delivered',
        T(3, '20:00'),
        { from: '2024-01-01', date: '2024-01-03', unit: 'truck', ...body },
        source,
      );
    const events = [
      period('All trucks', { quantity: 40 }),
      period('Aid trucks', { quantity: 25, category: 'aid' }),
      period('Fuel trucks', { quantity: 5, category: 'fuel' }),
      period('Aid trucks to one place', { quantity: 9, category: 'aid', destination: 'north' }),
    ];
    const h = headlineFigures(twoLines, evaluate(twoLines, [...actors(), ...events], T(4, '09:00')));
    const periods = (quota: string) => h.quotas.find((q) => q.quota === quota)!.periods.map((p) => p.source);
    // Neither the figure of all trucks nor the one for a single place is a figure of either line.
    expect(periods('trucks')).toEqual(['Aid trucks']);
    expect(periods('fuel')).toEqual(['Fuel trucks']);
  });

  it('given nothing recorded, then releases and quotas are unrecorded (null, no source), never 0', () => {
    const h = headline([], T(3, '12:00'));
    expect(h.releases.length).toBeGreaterThan(0);
    expect(h.releases.every((r) => r.counted === null)).toBe(true);
    for (const q of h.quotas) {
      expect(q.sources).toEqual([]);
      expect(q.daysUnrecorded).toBe(q.daysDue);
    }
  });

  it('given two sources on different days, then each keeps its own sum over its own days, never added', () => {
    const h = headline([aid(1, 12, 'b', 'B'), aid(2, 8, 'a', 'A')], T(3, '12:00'));
    const trucks = h.quotas.find((q) => q.quota === 'trucks')!;
    expect(trucks.sources.map((s) => [s.source, s.quantity, s.days])).toEqual([
      ['A', 8, ['2024-01-02']],
      ['B', 12, ['2024-01-01']],
    ]);
    expect(trucks.sources.some((s) => s.quantity === 20)).toBe(false);
  });

  it('given two sources on either side of the quota the same day, then the day is disputed and each says its own', () => {
    const h = headline([aid(1, 12, 'b', 'B'), aid(1, 8, 'a', 'A')], T(2, '12:00'));
    const trucks = h.quotas.find((q) => q.quota === 'trucks')!;
    expect(trucks.daysDisputed).toBe(1);
    const [a, b] = trucks.sources;
    expect(a).toMatchObject({ source: 'A', quantity: 8, daysReached: 0 });
    expect(b).toMatchObject({ source: 'B', quantity: 12, daysReached: 1 });
    expect(a!.quota).toBe(b!.quota);
  });
});
