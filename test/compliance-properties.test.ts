import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { novAgreement, novEvents } from '../examples/logs/nov-2023-events.ts';
import { createEvaluator, evaluate } from '../src/core/compliance/evaluate.ts';
import { FIXTURE_YAML } from '../src/core/compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../src/core/compliance/test-log.ts';
import type { LoggedEvent } from '../src/core/compliance/types.ts';

const agreement = agreementOf(FIXTURE_YAML);
const HOURS = ['09:00', '12:00', '15:00'];

/** A random event of the fixture's log; few distinct instants, so many share a timestamp. */
const anEvent = fc
  .record({
    kind: fc.constantFrom('handover', 'release', 'aid', 'outside', 'extension', 'end', 'allege'),
    day: fc.integer({ min: 1, max: 4 }),
    hour: fc.constantFrom(...HOURS),
    count: fc.integer({ min: 0, max: 12 }),
    source: fc.constantFrom('A', 'B', 'UN'),
    // A figure its source gave as approximate ("about 12"): marks what is built on it.
    approximate: fc.boolean(),
  })
  .map(({ kind, day, hour, count, source, approximate }): LoggedEvent => {
    const at = `2024-01-0${day}T${hour}:00+02:00`;
    const date = `2024-01-0${day}`;
    const about = approximate ? { uncertain: true } : {};
    switch (kind) {
      case 'handover':
        return logged('a', 'handover.completed', at, {
          provision: 'ex',
          batch: day,
          count: count % 3,
          to: 'b',
          ...about,
        });
      case 'release':
        return logged(
          'b',
          'release.completed',
          at,
          { provision: 'ex', batch: day, party: 'b', count, ...about },
          source,
        );
      case 'aid':
        return logged(
          'med',
          'aid.delivered',
          at,
          { date, quantity: count, unit: 'truck', category: 'aid', ...about },
          source,
        );
      case 'outside':
        return logged('a', 'release.completed', at, {
          provision: 'ex',
          party: 'a',
          count,
          outsideFormula: true,
          batch: day,
          countsTowardQuota: count % 2 === 0,
        });
      case 'extension':
        return logged('med', 'extension.agreed', at, { phase: 'p1', days: 1 });
      case 'end':
        return logged('op', 'phase.ended', at, { phase: 'p1', reason: 'Ended.' });
      default:
        return logged('b', 'violation.alleged', at, {
          against: 'a',
          provision: 'cease',
          description: 'Alleged.',
        });
    }
  });

const asOfs = fc.constantFrom(
  '2024-01-01T13:00:00+02:00',
  '2024-01-02T12:00:00+02:00',
  '2024-01-05T00:00:00+02:00',
);

describe('the evaluation is a function of the set of events', () => {
  it('incremental equals full, and any order of the events gives the same result', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 25 }), asOfs, fc.nat(), (events, asOf, seed) => {
        const all = [...actors(), ...events];
        const full = evaluate(agreement, all, asOf);
        const incremental = createEvaluator(agreement);
        const mid = all.length ? seed % all.length : 0;
        for (const e of all.slice(0, mid)) incremental.apply(e);
        incremental.result(asOf); // a result in between changes nothing
        for (const e of all.slice(mid)) incremental.apply(e);
        expect(incremental.result(asOf)).toEqual(full);
        const shuffled = [...all].sort(
          (a, b) =>
            ((a.leafHash.charCodeAt(63) * (seed + 7)) % 13) - ((b.leafHash.charCodeAt(63) * (seed + 7)) % 13),
        );
        expect(evaluate(agreement, shuffled, asOf)).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('on the Nov 2023 log: shuffling events that share a timestamp changes nothing, appending one at a time equals full', () => {
    const events = novEvents();
    const at = '2023-12-01T12:00:00+02:00';
    const full = evaluate(novAgreement(), events, at);
    fc.assert(
      fc.property(fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (rand) => {
        const key = new Map(events.map((e) => [e.leafHash, rand.next().value as number]));
        const shuffled = [...events].sort(
          (a, b) =>
            Date.parse(a.event.event.occurredAt) - Date.parse(b.event.event.occurredAt) ||
            key.get(a.leafHash)! - key.get(b.leafHash)!,
        );
        expect(evaluate(novAgreement(), shuffled, at)).toEqual(full);
      }),
      { numRuns: 20 },
    );
    const incremental = createEvaluator(novAgreement());
    for (const e of events) incremental.apply(e);
    expect(incremental.result(at)).toEqual(full);
  });
});
