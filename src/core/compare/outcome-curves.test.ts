import { describe, expect, it } from 'vitest';
import type { ProvisionOf } from '../agreement/types.ts';
import { pause } from '../plan/fixtures/pause.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import { outcomeCurves, valueAt } from './outcome-curves.ts';

describe('outcomeCurves', () => {
  it('given the Nov-2023-like pause under A and B, by day 4 50 persons go one way and 150 the other', () => {
    const curves = outcomeCurves(planAgreement(pause()), planAgreement(pause()));
    expect(curves.lastDay).toBe(4);
    expect(curves.series.map((s) => [s.key, s.label])).toEqual([
      ['a:person', 'persons released by a'],
      ['b:person', 'persons released by b'],
      ['a:truck', 'trucks let in by a'],
    ]);
    expect(valueAt(curves, 'b:person', 4)).toEqual({ day: 4, a: 50, b: 50 });
    expect(valueAt(curves, 'a:person', 4)).toEqual({ day: 4, a: 150, b: 150 });
    expect(curves.series[1]!.points.map((p) => p.a)).toEqual([13, 26, 38, 50]);
    expect(valueAt(curves, 'trucks let in by a', 1)).toEqual({ day: 1, a: 204, b: 204 });
  });

  it('when B is extended by 3 days, by day 7 B has 80 and 240 while A carries 50 and 150', () => {
    const curves = outcomeCurves(planAgreement(pause()), planAgreement(pause(), { extend: 3 }));
    expect(curves.lastDay).toBe(7);
    expect(valueAt(curves, 'b:person', 7)).toEqual({ day: 7, a: 50, b: 80 });
    expect(valueAt(curves, 'a:person', 7)).toEqual({ day: 7, a: 150, b: 240 });
    expect(valueAt(curves, 'a:person', 20)).toEqual({ day: 20, a: 150, b: 240 });
  });

  it('given an unknown category mix, carries the cumulative upper bound of the range', () => {
    const b = pause();
    const ex = b.provisions[0] as ProvisionOf<'exchange'>;
    ex.release.categories[1]!.ratio = 5;
    const curves = outcomeCurves(planAgreement(pause()), planAgreement(b));
    expect(valueAt(curves, 'a:person', 4)).toEqual({ day: 4, a: 150, b: 150, bMax: 250 });
    expect(valueAt(curves, 'b:person', 4)).not.toHaveProperty('bMax');
  });

  it('a series only one plan has is 0 over that plan days and null past them', () => {
    const short = pause({ provisions: pause().provisions.filter((p) => p.kind !== 'aid') });
    short.phases[0]!.lengthDays = 2;
    (short.provisions[0] as ProvisionOf<'exchange'>).release.total = 20;
    const curves = outcomeCurves(planAgreement(short), planAgreement(pause()));
    const trucks = curves.series.find((s) => s.key === 'a:truck')!;
    expect(trucks.points.map((p) => [p.a, p.b])).toEqual([
      [0, 204],
      [0, 408],
      [null, 612],
      [null, 816],
    ]);
    expect(valueAt(curves, 'b:person', 4)).toEqual({ day: 4, a: 20, b: 50 });
  });

  it('marks floors, and a quantity that is not stated makes the total unknown', () => {
    const b = pause();
    const ex = b.provisions[0] as ProvisionOf<'exchange'>;
    ex.release.total = undefined;
    const floors = outcomeCurves(planAgreement(pause()), planAgreement(b));
    expect(floors.series.find((s) => s.key === 'b:person')).toMatchObject({ bAtLeast: true });
    expect(valueAt(floors, 'b:person', 4)).toMatchObject({ b: 40 });
    ex.release.minPerBatch = undefined;
    const unknown = outcomeCurves(planAgreement(pause()), planAgreement(b));
    expect(valueAt(unknown, 'b:person', 2)).toMatchObject({ a: 26, b: null });
  });

  it('counts only actions that move people or goods, and knows no day before day 1', () => {
    const a = pause({
      provisions: [
        ...pause().provisions,
        {
          id: 'out',
          kind: 'withdrawal',
          phase: 'pause',
          party: 'a',
          zones: [{ id: 'z', name: 'Z' }],
          byDay: 2,
        },
        { id: 'medevac', kind: 'medical-evacuation', phase: 'pause', party: 'a', perDay: 5 },
      ],
    });
    const curves = outcomeCurves(planAgreement(a), planAgreement(pause()));
    expect(curves.series.map((s) => s.key)).toEqual(['a:person', 'b:person', 'a:patient', 'a:truck']);
    expect(valueAt(curves, 'a:patient', 3)).toEqual({ day: 3, a: 15, b: 0 });
    expect(valueAt(curves, 'a:patient', 0)).toBeUndefined();
    expect(valueAt(curves, 'nobody:person', 1)).toBeUndefined();
  });
});

describe('outcome curves and quotas that are parts of others', () => {
  it('does not add a part (50 fuel trucks of 600) to its whole', () => {
    const a = pause();
    const aid = a.provisions.find((p) => p.kind === 'aid')!;
    if (aid.kind !== 'aid') throw new Error('fixture');
    aid.perDay = [
      { id: 'trucks', quantity: 600, unit: 'truck' },
      { id: 'fuel', quantity: 50, unit: 'truck', category: 'fuel', partOf: 'trucks' },
    ];
    const curves = outcomeCurves(planAgreement(a), planAgreement(a));
    expect(valueAt(curves, 'a:truck', 1)).toMatchObject({ a: 600, b: 600 });
  });
});

describe('outcome curves for a promise with no schedule', () => {
  it('shows no figure (null), not zero, for a plan that cannot schedule the series', () => {
    const unscheduled = pause();
    const ex = unscheduled.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.cadence = undefined;
    const curves = outcomeCurves(planAgreement(pause()), planAgreement(unscheduled));
    expect(valueAt(curves, 'b:person', 4)).toMatchObject({ a: 50, b: null });
  });
});
