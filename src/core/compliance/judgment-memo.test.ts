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
function live(events: LoggedEvent[], against = agreement) {
  const all = [...actors(), ...events];
  const evaluator = createEvaluator(against);
  for (const e of all) evaluator.apply(e);
  return {
    append(e: LoggedEvent) {
      all.push(e);
      evaluator.apply(e);
    },
    /** The live result at `asOf`, checked against the evaluation from scratch. */
    result(asOf: string): Evaluation {
      const got = evaluator.result(asOf);
      expect(JSON.stringify(got)).toBe(JSON.stringify(evaluate(against, all, asOf)));
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

describe("an obligation's facts are kept apart from its verdict, which alone changes with the clock", () => {
  const handover = (at: string, count: number) =>
    logged('a', 'handover.completed', at, { provision: 'ex', batch: 1, count, to: 'b' });
  const withdrawal = (at: string) =>
    logged('b', 'withdrawal.completed', at, { provision: 'wd', zones: ['z1'] });

  it('at the next minute overdue, an exchange obligation and an act get a new verdict on the facts kept: the same evidence, and so the same evidence of their provisions', () => {
    const log = live([handover('2024-01-01T10:00:00+02:00', 1), withdrawal('2024-01-01T11:00:00+02:00')]);
    const before = log.result('2024-01-03T12:00:00+02:00');
    const after = log.result('2024-01-03T12:01:00+02:00');
    for (const [id, p] of [
      ['ex/hand-over/1', 'ex'],
      ['wd/withdraw/2', 'wd'],
    ] as const) {
      const [a, b] = [status(before, id), status(after, id)];
      expect(a.status).toBe('partly-met');
      expect(b).not.toBe(a);
      expect(b.overdueMinutes).toBe(a.overdueMinutes! + 1);
      // Not built again from the record: the very list handed out before.
      expect(b.evidence).toBe(a.evidence);
      expect(b.evidence.length).toBeGreaterThan(0);
      expect(provision(after, p).evidence).toBe(provision(before, p).evidence);
    }
    // An obligation the clock does not move (not yet due until 4 Jan) is handed out again as it was.
    expect(status(after, 'ex/release/3')).toBe(status(before, 'ex/release/3'));
  });

  it('when its deadline passes, an act is judged again from the facts kept (not yet due, then partly met)', () => {
    const log = live([withdrawal('2024-01-01T11:00:00+02:00')]);
    const id = 'wd/withdraw/2';
    const early = log.result('2024-01-02T17:59:59+02:00');
    const due = log.result('2024-01-02T18:00:00+02:00');
    expect(status(early, id).status).toBe('not-yet-due');
    expect(status(due, id)).toMatchObject({ status: 'partly-met', overdueMinutes: 0 });
    expect(status(due, id).evidence).toBe(status(early, id).evidence);
  });

  it('a pause with nothing alleged, once due, is unrecorded with no breach recorded, and stays the same status at every later moment', () => {
    const log = live([]);
    const id = 'lp/pause/1/z1/a';
    expect(status(log.result('2024-01-01T14:59:59+02:00'), id).status).toBe('not-yet-due');
    const due = status(log.result('2024-01-01T15:00:00+02:00'), id);
    expect(due).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded', noRecord: true });
    expect(due.overdueMinutes).toBeUndefined();
    // How long past its deadline is not part of it: the clock passing minutes leaves it as it was.
    expect(status(log.result('2024-01-01T15:07:00+02:00'), id)).toBe(due);
    expect(status(log.result('2024-01-03T09:30:00+02:00'), id)).toBe(due);
  });

  it("an extension's record is kept while the obligations it created are only overdue by another minute", () => {
    const log = live([
      logged('med', 'extension.agreed', '2024-01-02T10:00:00+02:00', { phase: 'p1', days: 1, releases: 2 }),
    ]);
    const before = log.result('2024-01-05T10:00:00+02:00');
    const after = log.result('2024-01-05T10:01:00+02:00');
    const created = before.obligations.filter((s) => s.obligation.id.endsWith('/4') && s.overdueMinutes);
    expect(created.length).toBeGreaterThan(0);
    for (const s of created) expect(status(after, s.obligation.id)).not.toBe(s);
    expect(before.extensions).toHaveLength(1);
    expect(after.extensions[0]).toBe(before.extensions[0]);
  });

  it('with an open-ended phase, the plan is kept all day (it reads the day of the moment, not the moment): statuses are handed out again within the day, and the next day the plan runs a day further', () => {
    const openEnded = agreementOf(
      FIXTURE_YAML.replace('    lengthDays: 3\n', '').replace(
        '    extension: { days: 1, per: { provision: ex, releases: 2 } }\n',
        '',
      ),
    );
    const log = live([withdrawal('2024-01-01T11:00:00+02:00')], openEnded);
    const id = 'wd/withdraw/2';
    const noon = log.result('2024-01-03T12:00:00+02:00');
    const later = log.result('2024-01-03T12:00:10+02:00');
    expect(status(later, id)).toBe(status(noon, id));
    expect(later.obligations.map((s) => s.obligation.id)).not.toContain('aid/admit-aid/4/trucks');
    const next = log.result('2024-01-04T00:00:10+02:00');
    expect(next.obligations.map((s) => s.obligation.id)).toContain('aid/admit-aid/4/trucks');
  });
});
