import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

const agreement = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const prov = (e: Evaluation, id: string) => e.provisions.find((p) => p.provision === id)!;

/** A batch handed over by a and confirmed by the intermediary at `at`. */
function handover(batch: number, count: number, at: string, confirmed = count): LoggedEvent[] {
  const h = logged('a', 'handover.completed', at, { provision: 'ex', batch, count, to: 'b', via: 'red' });
  return [h, logged('red', 'handover.confirmed', at, { handover: h.leafHash, count: confirmed })];
}
const release = (batch: number, count: number, at: string, source?: string) =>
  logged('b', 'release.completed', at, { provision: 'ex', batch, party: 'b', count }, source);

describe('obligation statuses', () => {
  it('given no record, when the deadline has not come, then the handover is not yet due', () => {
    const e = run([], T(1, '10:00'));
    expect(ob(e, 'ex/hand-over/1').status).toBe('not-yet-due');
  });
  it('given a confirmed handover before the deadline, then it is met, resting on both events', () => {
    const events = handover(1, 2, T(1, '11:00'));
    const o = ob(run(events, T(1, '13:00')), 'ex/hand-over/1');
    expect(o.status).toBe('met');
    expect(o.evidence).toEqual(events.map((x) => x.leafHash).sort());
    expect(explain(o.explanation, agreement)).toContain('confirmed by Intermediary');
  });
  it('given a handover two hours after 12:00, then it is met late by 2 h', () => {
    const o = ob(run(handover(1, 2, T(1, '14:00')), T(1, '20:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'met-late', lateMinutes: 120 });
    expect(explain(o.explanation, agreement)).toContain('2 h late');
  });
  it('given nothing recorded an hour after the deadline, then it is unrecorded, 60 min past it, not missed', () => {
    const o = ob(run([], T(1, '13:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'unrecorded', overdueMinutes: 60, noRecord: true });
    expect(explain(o.explanation, agreement)).toContain('nothing recorded; 1 h past the deadline');
  });
  it('given a missed deadline recorded for the party and batch, then it is missed; for the other side, nothing changes', () => {
    const m = logged('med', 'deadline.missed', T(1, '13:00'), {
      provision: 'ex',
      party: 'a',
      batch: 1,
      quantity: 2,
      description: 'Batch 1 was not handed over by 12:00.',
    });
    const e = run([m], T(1, '14:00'));
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({
      status: 'missed',
      overdueMinutes: 120,
      evidence: [m.leafHash],
    });
    expect(explain(ob(e, 'ex/hand-over/1').explanation, agreement)).toContain(
      'Mediator recorded the deadline as missed',
    );
    expect(ob(e, 'ex/hand-over/2').status).toBe('not-yet-due');
    expect(ob(e, 'ex/release/1').status).not.toBe('missed');
  });
  it('given a missed deadline recorded, then the act recorded after all, it is met late', () => {
    const m = logged('med', 'deadline.missed', T(1, '13:00'), {
      provision: 'ex',
      party: 'a',
      batch: 1,
      description: 'Not by 12:00.',
    });
    const o = ob(run([m, ...handover(1, 2, T(1, '15:00'))], T(1, '16:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'met-late', lateMinutes: 180 });
  });
  it('a missed deadline that names no party does not judge either side of an exchange', () => {
    const m = logged('med', 'deadline.missed', T(1, '13:00'), { provision: 'ex', description: 'Late.' });
    expect(ob(run([m], T(1, '14:00')), 'ex/hand-over/1').status).toBe('unrecorded');
  });
  it('given 6 of 10 trucks on day 1, when the day is over, then the aid quota is partly met', () => {
    const events = [
      logged(
        'med',
        'aid.delivered',
        T(1, '20:00'),
        { date: '2024-01-01', quantity: 6, unit: 'truck', category: 'aid' },
        'UN',
      ),
    ];
    const o = ob(run(events, T(2, '01:00')), 'aid/admit-aid/1/trucks');
    expect(o).toMatchObject({ status: 'partly-met', required: 10, done: 6 });
  });
  it('given no figure from any source, when the day is over, then the aid quota is unrecorded, not missed', () => {
    const o = ob(run([], T(2, '01:00')), 'aid/admit-aid/1/trucks');
    expect(o).toMatchObject({ status: 'unrecorded', noRecord: true });
    // Nothing recorded is no figure at all, not 0 done.
    expect(o).not.toHaveProperty('done');
    expect(explain(o.explanation, agreement)).toContain('nothing recorded; 1 h past the deadline');
  });
  it('given two sources on either side of the quota, then it is disputed with each figure and source', () => {
    const body = { date: '2024-01-01', quantity: 12, unit: 'truck', category: 'aid' };
    const events = [
      logged('b', 'aid.delivered', T(1, '20:00'), body, 'B'),
      logged('a', 'aid.delivered', T(1, '20:00'), { ...body, quantity: 8 }, 'A'),
    ];
    const o = ob(run(events, T(2, '01:00')), 'aid/admit-aid/1/trucks');
    expect(o.status).toBe('disputed');
    expect(o.figures).toEqual([
      { quantity: 8, source: 'A', evidence: [events[1]!.leafHash] },
      { quantity: 12, source: 'B', evidence: [events[0]!.leafHash] },
    ]);
  });
  it('given two sources both above the quota, then it is met and the differing figures are kept', () => {
    const body = { date: '2024-01-01', quantity: 12, unit: 'truck', category: 'aid' };
    const events = [
      logged('b', 'aid.delivered', T(1, '20:00'), body, 'B'),
      logged('a', 'aid.delivered', T(1, '20:00'), { ...body, quantity: 15 }, 'A'),
    ];
    const e = run(events, T(2, '01:00'));
    expect(ob(e, 'aid/admit-aid/1/trucks').status).toBe('met');
    expect(e.figures[0]).toMatchObject({ conflicting: true });
  });
  it('given a dispute of a release, then the release is disputed with both sides shown', () => {
    const r = release(1, 6, T(1, '13:00'), 'B');
    const d = logged('a', 'dispute', T(1, '14:00'), { of: r.leafHash, reason: 'We count 5.', figure: 5 });
    const o = ob(run([...handover(1, 2, T(1, '11:00')), r, d], T(2, '09:00')), 'ex/release/1');
    expect(o.status).toBe('disputed');
    expect(o.disputes?.[0]).toMatchObject({
      recorded: { actor: 'b', figure: 6 },
      disputedBy: { actor: 'a', figure: 5 },
    });
    expect(explain(o.explanation, agreement)).toContain('We count 5.');
  });
  it('given a handover the intermediary confirms with another count, then it is disputed', () => {
    expect(ob(run(handover(1, 2, T(1, '11:00'), 1), T(1, '13:00')), 'ex/hand-over/1').status).toBe(
      'disputed',
    );
  });
  it('given no handover of batch 1, when its release deadline passes, then the release is suspended', () => {
    const o = ob(run([], T(2, '01:00')), 'ex/release/1');
    expect(o.status).toBe('suspended');
    expect(explain(o.explanation, agreement)).toContain('waits for the handover of batch 1');
  });
  it('given the phase recorded as ended on day 2, then day 3 obligations are superseded', () => {
    const end = logged('op', 'phase.ended', T(2, '09:00'), { phase: 'p1', reason: 'No list.' });
    const e = run([end], T(3, '20:00'));
    expect(ob(e, 'ex/hand-over/3').status).toBe('superseded');
    expect(explain(ob(e, 'ex/hand-over/3').explanation, agreement)).toContain('No list.');
    expect(e.phases[0]).toMatchObject({ endedAt: T(2, '09:00'), reason: 'No list.' });
  });
  it('given a late handover, then the release that waits for it moves with it', () => {
    const o = ob(
      run([...handover(1, 2, T(1, '23:00')), release(1, 6, T(2, '05:00'))], T(2, '12:00')),
      'ex/release/1',
    );
    expect(o.status).toBe('met');
    expect(o.due).toBe(T(2, '11:00'));
  });
});

describe('exchanges', () => {
  const outside = (count: number, at: string, extra: Record<string, unknown> = {}) =>
    logged('a', 'release.completed', at, {
      provision: 'ex',
      party: 'a',
      count,
      outsideFormula: true,
      ...extra,
    });
  it('given releases outside the formula, then they are counted apart and the ratio holds', () => {
    const e = run(
      [...handover(1, 2, T(1, '11:00')), release(1, 6, T(1, '13:00')), outside(3, T(1, '11:00'))],
      T(1, '20:00'),
    );
    const [fwd, back] = e.exchanges.directions;
    expect(fwd).toMatchObject({ from: 'a', counted: 2, outside: 3 });
    expect(back).toMatchObject({ from: 'b', counted: 6 });
    expect(e.exchanges.ratios[0]).toMatchObject({ expected: 6, released: 6, holds: true });
  });
  it('given outside releases the parties agree (by a correction) to count toward batch 2, then batch 2 is met', () => {
    const out = outside(1, T(1, '11:00'));
    const fix = logged('med', 'correction', T(2, '09:00'), {
      of: out.leafHash,
      reason: 'Agreed to count.',
      body: { ...out.event.event.body, batch: 2, countsTowardQuota: true },
    });
    const events = [...handover(1, 2, T(1, '11:00')), out, fix, ...handover(2, 1, T(2, '11:00'))];
    const before = run(events, T(2, '08:00'));
    expect(before.exchanges.directions[0]).toMatchObject({ counted: 2, outside: 1 });
    const after = run(events, T(2, '13:00'));
    expect(ob(after, 'ex/hand-over/2').status).toBe('met');
    expect(after.exchanges.directions[0]).toMatchObject({ counted: 4, outside: 0, countedFromOutside: 1 });
  });
  it('given too few released the other way, then the ratio does not hold', () => {
    const e = run([...handover(1, 2, T(1, '11:00')), release(1, 4, T(1, '13:00'))], T(1, '20:00'));
    expect(e.exchanges.ratios[0]).toMatchObject({ holds: false, expected: 6, released: 4 });
  });
  it('given an extension agreed on day 2, then batch 4 exists from that event on, due no earlier than it', () => {
    const x = logged('med', 'extension.agreed', T(2, '10:00'), { phase: 'p1', days: 1, releases: 2 });
    expect(run([x], T(2, '09:00')).obligations.some((o) => o.obligation.batch === 4)).toBe(false);
    const e = run([x, ...handover(4, 2, T(4, '11:00'))], T(4, '13:00'));
    expect(ob(e, 'ex/hand-over/4').status).toBe('met');
    expect(e.extensions[0]).toMatchObject({ days: 1, phaseDays: [4], status: 'met' });
  });
  it('given lists submitted late and one rejected, then met late and disputed', () => {
    const l1 = logged('a', 'list.submitted', T(1, '09:00'), { provision: 'ex', batch: 1, count: 2 });
    const l2 = logged('a', 'list.submitted', T(1, '20:00'), { provision: 'ex', batch: 2, count: 2 });
    const rej = logged('b', 'list.rejected', T(1, '21:00'), { list: l2.leafHash, reason: 'Names missing.' });
    const e = run([l1, l2, rej], T(2, '01:00'));
    // List 1 is due the evening before day 1 (1 Jan 00:00), not at the start: 9 h late.
    expect(ob(e, 'ex/submit-list/0')).toMatchObject({ status: 'met-late', lateMinutes: 540 });
    expect(ob(e, 'ex/submit-list/1').status).toBe('disputed');
  });
});

describe('provision kinds', () => {
  it('withdrawal: one zone of two is partly met, both zones met', () => {
    const w1 = logged('b', 'withdrawal.completed', T(2, '10:00'), { provision: 'wd', zones: ['z1'] });
    expect(ob(run([w1], T(2, '19:00')), 'wd/withdraw/2').status).toBe('partly-met');
    const w2 = logged('b', 'withdrawal.completed', T(2, '17:00'), { provision: 'wd', zones: ['z2'] });
    expect(ob(run([w1, w2], T(2, '19:00')), 'wd/withdraw/2').status).toBe('met');
  });
  it('crossing on a condition: waits until the exchange is complete, then falls due later by the delay', () => {
    expect(ob(run([], T(5, '01:00')), 'cross/open-crossing/4').status).toBe('suspended');
    const all = [
      ...handover(1, 2, T(1, '11:00')),
      ...handover(2, 2, T(2, '11:00')),
      ...handover(3, 2, T(3, '15:00')),
    ];
    const open = logged('b', 'crossing.opened', T(5, '02:00'), { crossing: 'gate', provision: 'cross' });
    const o = ob(run([...all, open], T(5, '03:00')), 'cross/open-crossing/4');
    expect(o.due).toBe(T(5, '03:00'));
    expect(o.status).toBe('met');
  });
  it('medical evacuation: patients counted by date', () => {
    const ev = logged(
      'med',
      'aid.delivered',
      T(1, '18:00'),
      { provision: 'med-ev', date: '2024-01-01', quantity: 5, unit: 'patient' },
      'WHO',
    );
    expect(ob(run([ev], T(2, '01:00')), 'med-ev/evacuate/1').status).toBe('met');
  });
  it('localized pause: unrecorded with no breach recorded when nothing is alleged; an unanswered allegation is not a dispute; disputed only when the accused disputes it; missed when acknowledged', () => {
    // No allegation is not a record that the pause held (TRUTH.md rule 1).
    const quiet = ob(run([], T(1, '16:00')), 'lp/pause/1/z1/a');
    expect(quiet).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded', noRecord: true });
    expect(explain(quiet.explanation, agreement)).toContain('no breach recorded');
    expect(quiet).not.toHaveProperty('overdueMinutes');
    const v = logged('b', 'violation.alleged', T(1, '10:00'), {
      against: 'a',
      provision: 'lp',
      description: 'Fire in Z1.',
    });
    const alleged = ob(run([v], T(1, '16:00')), 'lp/pause/1/z1/a');
    expect(alleged).toMatchObject({ status: 'unrecorded', evidence: [v.leafHash] });
    expect(explain(alleged.explanation, agreement)).toContain('B alleges: Fire in Z1. (not answered)');
    expect(explain(alleged.explanation, agreement)).not.toContain('disputes');
    const d = logged('a', 'dispute', T(1, '11:00'), { of: v.leafHash, reason: 'No fire was opened.' });
    expect(ob(run([v, d], T(1, '16:00')), 'lp/pause/1/z1/a').status).toBe('disputed');
    const ack = logged('a', 'acknowledgement', T(1, '12:00'), { of: v.leafHash });
    expect(ob(run([v, ack], T(1, '16:00')), 'lp/pause/1/z1/a').status).toBe('missed');
  });
  it('negotiation: talks started on time are met, late are met late, none recorded are unrecorded; a recorded missed deadline makes it missed', () => {
    const m = logged('med', 'deadline.missed', T(3, '01:00'), {
      provision: 'neg',
      description: 'Talks did not start.',
    });
    expect(ob(run([m], T(3, '02:00')), 'neg/negotiate/2/a').status).toBe('missed');
    // Talks that never started do not read "met" (TRUTH.md rule 1).
    expect(ob(run([], T(3, '02:00')), 'neg/negotiate/2/a')).toMatchObject({
      status: 'unrecorded',
      noRecord: true,
    });
    const onTime = logged('med', 'talks.started', T(2, '10:00'), { provision: 'neg' });
    expect(ob(run([onTime], T(3, '02:00')), 'neg/negotiate/2/a')).toMatchObject({
      status: 'met',
      evidence: [onTime.leafHash],
    });
    const late = logged('med', 'talks.started', T(3, '09:00'), { provision: 'neg' });
    expect(ob(run([late], T(3, '10:00')), 'neg/negotiate/2/a')).toMatchObject({
      status: 'met-late',
      lateMinutes: 540,
    });
    // A delegation and a proposal before any talks: told, in the order they occurred, and the
    // verdict is "not recorded as done", never "nothing recorded" beside them.
    const proposal = logged('med', 'proposal.submitted', T(3, '05:00'), { provision: 'neg', by: 'med' });
    const delegation = logged('a', 'delegation.arrived', T(3, '04:00'), {
      provision: 'neg',
      party: 'a',
      place: 'Cairo',
    });
    const around = ob(run([proposal, delegation], T(3, '06:00')), 'neg/negotiate/2/a');
    expect(around).toMatchObject({ status: 'unrecorded' });
    expect(around.noRecord).toBeUndefined();
    const words = explain(around.explanation, agreement);
    expect(words).toContain(
      'an event (delegation arrived) 3 Jan 04:00 (recorded by A); an event (proposal submitted) 3 Jan 05:00 (recorded by Mediator); not recorded as done;',
    );
    expect(words).not.toContain('nothing recorded');
  });
  it('negotiation: the act and the events around it name the source the record gives, beside who recorded it', () => {
    const delegation = logged(
      'a',
      'delegation.arrived',
      T(2, '08:00'),
      { provision: 'neg', party: 'a' },
      'Wire report',
    );
    const talks = logged('med', 'talks.started', T(2, '10:00'), { provision: 'neg' }, 'Mediator statement');
    const o = ob(run([delegation, talks], T(3, '02:00')), 'neg/negotiate/2/a');
    expect(o.status).toBe('met');
    const words = explain(o.explanation, agreement);
    expect(words).toContain('talks started 2 Jan 10:00 (recorded by Mediator; source: Mediator statement)');
    expect(words).toContain('an event (delegation arrived) 2 Jan 08:00 (recorded by A; source: Wire report)');
  });
  it('displaced return: not yet due before its day; unrecorded until the return is recorded as started; a late start is met late, with blocks shown', () => {
    expect(ob(run([], T(2, '10:00')), 'ret/allow-return/2').status).toBe('not-yet-due');
    const none = ob(run([], T(3, '10:00')), 'ret/allow-return/2');
    expect(none.status).toBe('unrecorded');
    // Nothing on record is said once, by the verdict: never "nothing recorded; nothing recorded".
    expect(explain(none.explanation, agreement)).toMatch(/\); nothing recorded; 10 h past the deadline\.$/);
    const started = logged('med', 'return.started', T(4, '07:00'), { provision: 'ret' });
    const blocked = logged('a', 'return.blocked', T(4, '09:00'), {
      provision: 'ret',
      reason: 'Road closed.',
    });
    const o = ob(run([started, blocked], T(4, '10:00')), 'ret/allow-return/2');
    // Due by the end of day 2 (3 Jan 00:00); started 4 Jan 07:00: 31 h late.
    expect(o).toMatchObject({ status: 'met-late', lateMinutes: 31 * 60 });
    expect(explain(o.explanation, agreement)).toContain('blocked 4 Jan 09:00 (recorded by A: Road closed.)');
  });
  it('cessation and text: not yet due before the phase, unrecorded with no breach recorded when nothing is alleged, an unanswered allegation shown as the claim it is, disputed when disputed', () => {
    expect(prov(run([], '2024-01-01T07:00:00+02:00'), 'cease').status).toBe('not-yet-due');
    expect(prov(run([], T(2, '10:00')), 'txt')).toMatchObject({
      status: 'unrecorded',
      basis: 'no-breach-recorded',
    });
    const v = logged('a', 'violation.alleged', T(2, '10:00'), {
      against: 'b',
      provision: 'cease',
      description: 'Shelling.',
    });
    const p = prov(run([v], T(2, '11:00')), 'cease');
    expect(p).toMatchObject({ status: 'unrecorded', evidence: [v.leafHash] });
    expect(explain(p.explanation, agreement)).toBe('A alleges: Shelling. (not answered).');
    const d = logged('b', 'dispute', T(2, '10:30'), { of: v.leafHash, reason: 'No shelling.' });
    expect(prov(run([v, d], T(2, '11:00')), 'cease').status).toBe('disputed');
  });
  it('allegations: withdrawn by the side that made it, or resolved by a mediator as no breach, they no longer count; resolved as a breach, missed', () => {
    const v = logged('a', 'violation.alleged', T(2, '10:00'), {
      against: 'b',
      provision: 'cease',
      description: 'Shelling.',
    });
    const w = logged('a', 'allegation.withdrawn', T(2, '12:00'), { of: v.leafHash, reason: 'It was not b.' });
    const e = run([v, w], T(2, '13:00'));
    expect(prov(e, 'cease')).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded' });
    expect(e.allegations[0]).toMatchObject({ state: 'withdrawn', reason: 'It was not b.' });
    const no = logged('med', 'allegation.resolved', T(2, '12:00'), {
      of: v.leafHash,
      finding: 'no-breach',
      reason: 'x',
    });
    expect(prov(run([v, no], T(2, '13:00')), 'cease')).toMatchObject({
      status: 'unrecorded',
      basis: 'no-breach-recorded',
    });
    const yes = logged('med', 'allegation.resolved', T(2, '12:00'), {
      of: v.leafHash,
      finding: 'breach',
      reason: 'y',
    });
    const r = run([v, yes], T(2, '13:00'));
    expect(prov(r, 'cease').status).toBe('missed');
    expect(r.allegations[0]).toMatchObject({ state: 'resolved', finding: 'breach', reason: 'y' });
    expect(run([v], T(2, '13:00')).allegations[0]!.state).toBe('open');
  });
  it('a provision takes the most pressing status of its obligations', () => {
    const p = prov(run(handover(1, 2, T(1, '14:00')), T(2, '13:00')), 'ex');
    // Batch 2 has nothing recorded past its deadline: the provision is unrecorded, not missed.
    expect(p.status).toBe('unrecorded');
    expect(p.counts).toMatchObject({ 'met-late': 1, unrecorded: 4 });
    const m = logged('med', 'deadline.missed', T(2, '13:00'), {
      provision: 'ex',
      party: 'a',
      batch: 2,
      description: 'x',
    });
    expect(prov(run([...handover(1, 2, T(1, '14:00')), m], T(2, '13:00')), 'ex').status).toBe('missed');
  });
});
