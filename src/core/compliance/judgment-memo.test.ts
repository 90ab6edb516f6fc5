import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

const agreement = agreementOf(FIXTURE_YAML);
const status = (r: Evaluation, id: string) => r.obligations.find((s) => s.obligation.id === id)!;
const provision = (r: Evaluation, id: string) => r.provisions.find((p) => p.provision === id)!;
const aid = (at: string, date: string, quantity: number) =>
  logged('med', 'aid.delivered', at, { date, quantity, unit: 'truck', category: 'aid' }, 'UN');

/** An evaluator fed `events`, and the events, to evaluate them from scratch as well. */
function live(events: LoggedEvent[]) {
  const all = [...actors(), ...events];
  const evaluator = createEvaluator(agreement);
  for (const e of all) evaluator.apply(e);
  return {
    append(e: LoggedEvent) {
      all.push(e);
      evaluator.apply(e);
    },
    /** The live result at `asOf`, checked against the evaluation from scratch. */
    result(asOf: string): Evaluation {
      const got = evaluator.result(asOf);
      expect(JSON.stringify(got)).toBe(JSON.stringify(evaluate(agreement, all, asOf)));
      return got;
    },
  };
}

describe('the live evaluator keeps each judgment while what it read is as it was (JudgmentMemo)', () => {
  it('hands out the same status after an event that touches nothing it read, a new one after an event that does', () => {
    const log = live([
      aid('2024-01-01T10:00:00+02:00', '2024-01-01', 4),
      aid('2024-01-02T09:00:00+02:00', '2024-01-02', 3),
    ]);
    const asOf = '2024-01-05T10:00:00+02:00';
    const before = log.result(asOf);
    // Another figure of the second day: the first day's quota and the exchange read nothing it
    // changes. (A figure that starts a new group, what a quota may count, would touch every quota.)
    log.append(aid('2024-01-02T10:00:00+02:00', '2024-01-02', 9));
    const after = log.result(asOf);
    expect(status(after, 'aid/admit-aid/1/trucks')).toBe(status(before, 'aid/admit-aid/1/trucks'));
    expect(status(after, 'ex/hand-over/1')).toBe(status(before, 'ex/hand-over/1'));
    expect(provision(after, 'ex')).toBe(provision(before, 'ex'));
    // The second day's quota is judged again, from its figure: met.
    expect(status(after, 'aid/admit-aid/2/trucks')).not.toBe(status(before, 'aid/admit-aid/2/trucks'));
    expect(status(after, 'aid/admit-aid/2/trucks').status).toBe('met');
    expect(provision(after, 'aid')).not.toBe(provision(before, 'aid'));
    // A correction of the first day's figure touches the first day's quota.
    log.append(
      logged('med', 'correction', '2024-01-02T11:00:00+02:00', {
        of: before.obligations.find((s) => s.obligation.id === 'aid/admit-aid/1/trucks')!.evidence[0],
        reason: 'Recounted.',
        body: { date: '2024-01-01', quantity: 10, unit: 'truck', category: 'aid' },
      }),
    );
    const corrected = log.result(asOf);
    expect(status(corrected, 'aid/admit-aid/1/trucks')).not.toBe(status(after, 'aid/admit-aid/1/trucks'));
    expect(status(corrected, 'aid/admit-aid/1/trucks').status).toBe('met');
    expect(status(corrected, 'ex/hand-over/1')).toBe(status(before, 'ex/hand-over/1'));
  });

  it('judges a status again when the clock passes a moment it depends on: its deadline, the next minute overdue', () => {
    const log = live([aid('2024-01-01T10:00:00+02:00', '2024-01-01', 4)]);
    const id = 'aid/admit-aid/2/trucks';
    // Due at midnight at the start of 3 Jan: not yet due just before, overdue from then on.
    const early = log.result('2024-01-02T23:59:00+02:00');
    expect(status(early, id).status).toBe('not-yet-due');
    const due = log.result('2024-01-03T00:00:00+02:00');
    expect(status(due, id)).toMatchObject({ status: 'unrecorded', overdueMinutes: 0 });
    // 29 s after: still 0 minutes (rounded), the same status; 30 s after, 1 minute: judged again.
    const same = log.result('2024-01-03T00:00:29+02:00');
    expect(status(same, id)).toBe(status(due, id));
    const next = log.result('2024-01-03T00:00:30+02:00');
    expect(status(next, id)).not.toBe(status(due, id));
    expect(status(next, id).overdueMinutes).toBe(1);
    // The exchange's handover, already overdue, is judged again only at its own minutes.
    expect(status(same, 'ex/hand-over/1')).toBe(status(due, 'ex/hand-over/1'));
    // The quota of the first day met: its status holds whatever the moment.
    log.append(aid('2024-01-03T01:00:00+02:00', '2024-01-01', 6));
    const met = log.result('2024-01-03T01:00:00+02:00');
    expect(status(met, 'aid/admit-aid/1/trucks').status).toBe('met');
    expect(status(log.result('2024-01-04T09:17:43+02:00'), 'aid/admit-aid/1/trucks')).toBe(
      status(met, 'aid/admit-aid/1/trucks'),
    );
  });

  it('judges again, after an allegation, only the terms it is about', () => {
    const log = live([aid('2024-01-01T10:00:00+02:00', '2024-01-01', 4)]);
    const asOf = '2024-01-05T10:00:00+02:00';
    const before = log.result(asOf);
    log.append(
      logged('b', 'violation.alleged', '2024-01-02T10:00:00+02:00', {
        against: 'a',
        provision: 'cease',
        description: 'Fire reported.',
      }),
    );
    const after = log.result(asOf);
    expect(provision(after, 'cease')).not.toBe(provision(before, 'cease'));
    expect(provision(after, 'cease').status).toBe('unrecorded');
    for (const id of ['neg', 'lp', 'ret', 'ex', 'aid'])
      expect(provision(after, id)).toBe(provision(before, id));
  });

  it('drops what it kept when a registration may change who is who', () => {
    const log = live([aid('2024-01-01T10:00:00+02:00', '2024-01-01', 4)]);
    const asOf = '2024-01-05T10:00:00+02:00';
    const before = log.result(asOf);
    log.append(
      logged('op', 'actor.registered', '2024-01-01T11:00:00+02:00', {
        actor: 'x',
        name: 'X',
        role: 'monitor',
        key: 'x+0',
      }),
    );
    const after = log.result(asOf);
    expect(status(after, 'ex/hand-over/1')).not.toBe(status(before, 'ex/hand-over/1'));
    expect(status(after, 'ex/hand-over/1')).toEqual(status(before, 'ex/hand-over/1'));
  });
});
