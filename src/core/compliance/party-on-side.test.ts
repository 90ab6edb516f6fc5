import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture's exchange (A hands over 2 a day by 12:00, B releases 3 for each by the end of the
// day), with a group the agreement puts on B's side: its releases count for B, named as its own.
const agreement = agreementOf(
  FIXTURE_YAML.replace(
    '  - { id: med, name: Mediator, role: mediator }',
    '  - { id: allyb, name: Ally of B, role: party, side: b }\n  - { id: allya, name: Ally of A, role: party, side: a }\n  - { id: med, name: Mediator, role: mediator }',
  ),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const handed = logged('a', 'handover.completed', T(1, '10:00'), {
  provision: 'ex',
  batch: 1,
  to: 'allyb',
  via: 'red',
  count: 2,
});
const released = (party: string, count: number, extra: Record<string, unknown> = {}) =>
  logged('op', 'release.completed', T(1, '15:00'), { provision: 'ex', batch: 1, party, count, ...extra });

describe('a release by a group the agreement puts on a side', () => {
  it('given its release, then it counts for its side and is named as itself, with that side', () => {
    const e = run([handed, released('allyb', 4), released('b', 2)], T(1, '20:00'));
    const o = ob(e, 'ex/release/1');
    expect(o).toMatchObject({ status: 'met', required: 6, done: 6 });
    expect(explain(o.explanation, agreement)).toContain('4 released by Ally of B (B side) at 1 Jan 15:00');
    expect(explain(o.explanation, agreement)).toContain('2 released by B at 1 Jan 15:00');
    expect(explain(o.explanation, agreement, 'ar')).toContain('Ally of B (في صف B)');
    expect(explain(o.explanation, agreement, 'he')).toContain('Ally of B (בצד של B)');
    expect(e.exchanges.directions[1]).toMatchObject({ from: 'b', counted: 6, outside: 0 });
    expect(e.exchanges.directions[0]).toMatchObject({ from: 'a', counted: 2 });
  });

  it('given its release outside the formula, then it is counted apart on its side, whichever side it is on', () => {
    const e = run(
      [
        handed,
        released('allyb', 5, { outsideFormula: true }),
        released('allya', 7, { outsideFormula: true }),
      ],
      T(1, '20:00'),
    );
    expect(e.exchanges.directions[1]).toMatchObject({ from: 'b', counted: 0, outside: 5 });
    expect(e.exchanges.directions[0]).toMatchObject({ from: 'a', counted: 2, outside: 7 });
  });

  it('given a missed deadline recorded naming it, then its side’s release is missed', () => {
    const miss = logged('op', 'deadline.missed', T(2, '01:00'), {
      provision: 'ex',
      party: 'allyb',
      batch: 1,
      description: 'no release',
    });
    expect(ob(run([handed, miss], T(2, '02:00')), 'ex/release/1').status).toBe('missed');
  });
});
