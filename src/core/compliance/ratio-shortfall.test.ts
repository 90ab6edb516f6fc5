import { describe, expect, it } from 'vitest';
import { REMAINS_YAML } from '../figures/fixture-remains.ts';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

/** The remains fixture: A hands over remains in batches; B returns 5 bodies for each, after the handover. */
const agreement = agreementOf(REMAINS_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ratio = (e: Evaluation) => e.exchanges.ratios.find((r) => r.provision === 'bodies')!;
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;

const h = logged('a', 'handover.completed', T(1, '11:00'), {
  provision: 'bodies',
  batch: 1,
  count: 1,
  to: 'b',
  via: 'red',
});
const events = [
  h,
  logged('red', 'handover.confirmed', T(1, '11:00'), { handover: h.leafHash, count: 1 }),
  logged('b', 'release.completed', T(1, '13:00'), { provision: 'bodies', batch: 1, party: 'b', count: 3 }),
];

describe('a ratio not yet reached is progress while its deadlines are to come; "does not hold" once they passed', () => {
  it('given 3 of 5 returned before the deadline, then the ratio is under way, in each language', () => {
    const r = ratio(run(events, T(1, '20:00')));
    expect(r).toMatchObject({ holds: false, shortfall: 'under-way', expected: 5, released: 3 });
    expect(explain([r.verdict!], agreement)).toBe(
      'ratio not yet reached: 3 of 5, with deadlines still to come',
    );
    expect(explain([r.verdict!], agreement, 'ar')).toContain('لم تُبلَغ النسبة بعد: 3 من 5');
    expect(explain([r.verdict!], agreement, 'he')).toContain('היחס טרם הושג: 3 מתוך 5');
  });

  it('given the deadline passed, then it does not hold, and past a deadline the plan derived it carries the ⚠', () => {
    const e = run(events, T(2, '06:00'));
    const r = ratio(e);
    expect(r).toMatchObject({ holds: false, shortfall: 'short' });
    expect(explain([r.verdict!], agreement)).toBe('ratio does not hold, past the derived deadline ⚠');
    expect(explain([r.verdict!], agreement, 'ar')).toContain('النسبة غير مستوفاة بعد الموعد المستنتَج ⚠');
    expect(explain([r.verdict!], agreement, 'he')).toContain('היחס אינו מתקיים, אחרי המועד הנגזר ⚠');
    // The release "after the handover" has no deadline of its own in the agreement: the plan's is derived.
    const release = ob(e, 'bodies/release/1');
    expect(release.obligation.deadline).toBe('derived');
    expect(explain(release.explanation, agreement)).toMatch(/partly met, 6 h past the derived deadline ⚠\.$/);
    expect(explain(release.explanation, agreement, 'ar')).toContain('مضى على الموعد المستنتَج ⚠');
    expect(explain(release.explanation, agreement, 'he')).toContain('6 שעות אחרי המועד הנגזר ⚠');
  });

  it('given the ratio met, then no shortfall is told', () => {
    const met = [
      ...events,
      logged('b', 'release.completed', T(1, '14:00'), {
        provision: 'bodies',
        batch: 1,
        party: 'b',
        count: 2,
      }),
    ];
    const r = ratio(run(met, T(2, '06:00')));
    expect(r.holds).toBe(true);
    expect(r.shortfall).toBeUndefined();
    expect(r.verdict).toBeUndefined();
  });
});
