import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture: a 3-day phase from 1 Jan 2024 08:00 (UTC+2); batch n of `ex` due day n 12:00; 10 aid trucks a day.
const fixture = agreementOf(FIXTURE_YAML);
const table = agreementOf(TABLE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string, agreement = fixture) =>
  evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const prov = (e: Evaluation, id: string) => e.provisions.find((p) => p.provision === id)!;
const handover = (batch: number, count: number, at: string) =>
  logged('a', 'handover.completed', at, { provision: 'ex', batch, count, to: 'b' });

describe('a postponed batch', () => {
  const postponed = logged('med', 'batch.postponed', T(1, '10:00'), {
    provision: 'ex',
    batch: 1,
    party: 'a',
    reason: 'The handover was put off to the evening.',
  });
  it('given a postponement and a handover after the deadline, then it is met late by how long, with the postponement beside it, not a breach', () => {
    const h = handover(1, 2, T(1, '20:00'));
    const o = ob(run([postponed, h], T(2, '09:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'met-late', lateMinutes: 480 });
    expect(o.postponed).toEqual([
      {
        from: T(1, '10:00'),
        party: 'a',
        reason: 'The handover was put off to the evening.',
        evidence: [postponed.leafHash],
      },
    ]);
    expect(o.evidence).toContain(postponed.leafHash);
  });
  it('given a postponement and nothing after it, then the batch is unrecorded past its deadline, never missed for the postponement', () => {
    const e = run([postponed], T(2, '09:00'));
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({ status: 'unrecorded', noRecord: true });
    expect(ob(e, 'ex/hand-over/1').postponed).toHaveLength(1);
    expect(prov(e, 'ex').postponed).toHaveLength(1);
  });
  it('given it resumed, then the postponement shows until when; it names only the side it concerns', () => {
    const resumed = logged('med', 'batch.resumed', T(1, '18:00'), { provision: 'ex', batch: 1 });
    const e = run([postponed, resumed], T(2, '09:00'));
    expect(ob(e, 'ex/hand-over/1').postponed![0]).toMatchObject({
      from: T(1, '10:00'),
      until: T(1, '18:00'),
      evidence: [postponed.leafHash, resumed.leafHash].sort(),
    });
    // The postponement names a's handover: b's release and the other batches carry none.
    expect(ob(e, 'ex/release/1')).not.toHaveProperty('postponed');
    expect(ob(e, 'ex/hand-over/2')).not.toHaveProperty('postponed');
  });
});

describe('aid suspended or capped', () => {
  const delivered = (date: string, quantity: number) =>
    logged(
      'med',
      'aid.delivered',
      `${date}T20:00:00+02:00`,
      { provision: 'aid', date, quantity, unit: 'truck', category: 'aid' },
      'UN',
    );
  it('given a cap of 5 a day against a quota of 10, then each day under it is still judged against 10, the cap shown beside it', () => {
    const cap = logged('b', 'aid.capped', T(2, '09:00'), {
      provision: 'aid',
      quantity: 5,
      unit: 'truck',
      reason: 'Entries limited.',
    });
    const e = run([cap, delivered('2024-01-02', 5)], T(3, '09:00'));
    const day2 = ob(e, 'aid/admit-aid/2/trucks');
    expect(day2).toMatchObject({ status: 'partly-met', required: 10, done: 5 });
    // A day's quota is not owed after its day: "partly met", not "overdue by 1 d".
    expect(explain(day2.explanation, fixture)).toMatch(/; partly met\.( |$)/);
    expect(explain(day2.explanation, fixture)).not.toContain('overdue');
    expect(day2.capped).toEqual([
      {
        from: T(2, '09:00'),
        quantity: 5,
        unit: 'truck',
        reason: 'Entries limited.',
        evidence: [cap.leafHash],
      },
    ]);
    // Day 1 ended before the cap: nothing beside it.
    expect(ob(e, 'aid/admit-aid/1/trucks')).not.toHaveProperty('capped');
    expect(prov(e, 'aid').capped).toHaveLength(1);
  });
  it('given a halt and its resumption, then the days it covers show it, and a day without a figure stays unrecorded, not missed', () => {
    const halt = logged('b', 'aid.suspended', T(2, '12:00'), { provision: 'aid', reason: 'Halted.' });
    const resumed = logged('b', 'aid.resumed', T(3, '06:00'), { provision: 'aid' });
    const e = run([halt, resumed], T(4, '09:00'));
    expect(ob(e, 'aid/admit-aid/2/trucks')).toMatchObject({
      status: 'unrecorded',
      suspended: [{ from: T(2, '12:00'), until: T(3, '06:00'), reason: 'Halted.' }],
    });
    expect(ob(e, 'aid/admit-aid/3/trucks').suspended).toHaveLength(1);
    expect(ob(e, 'aid/admit-aid/1/trucks')).not.toHaveProperty('suspended');
  });
  it('given a halt after the term’s last day, then the term itself says so; a halt its days tell is not said again', () => {
    const during = logged('b', 'aid.suspended', T(2, '12:00'), { provision: 'aid', reason: 'Halted.' });
    const resumed = logged('b', 'aid.resumed', T(3, '06:00'), { provision: 'aid' });
    const after = logged('b', 'aid.suspended', T(9, '10:00'), {
      provision: 'aid',
      reason: 'All entries stopped.',
    });
    const e = run([during, resumed, after], T(9, '12:00'));
    const words = explain(prov(e, 'aid').explanation, fixture);
    expect(words).toContain('Recorded of the term: suspended 9 Jan 10:00 (All entries stopped.).');
    expect(words.match(/Recorded of the term/g)).toHaveLength(1);
    expect(words).not.toMatch(/Recorded of the term:[^.]*Halted/);
  });
  it('a later cap replaces the earlier one from its own time', () => {
    const c1 = logged('b', 'aid.capped', T(1, '09:00'), { provision: 'aid', quantity: 5, unit: 'truck' });
    const c2 = logged('b', 'aid.capped', T(2, '09:00'), { provision: 'aid', quantity: 8, unit: 'truck' });
    const e = run([c1, c2], T(4, '09:00'));
    expect(ob(e, 'aid/admit-aid/1/trucks').capped!.map((c) => c.quantity)).toEqual([5]);
    expect(ob(e, 'aid/admit-aid/2/trucks').capped!.map((c) => [c.quantity, c.until ?? null])).toEqual([
      [5, T(2, '09:00')],
      [8, null],
    ]);
    expect(ob(e, 'aid/admit-aid/3/trucks').capped!.map((c) => c.quantity)).toEqual([8]);
  });
});

describe('who handed over', () => {
  it('is the releasing side, whoever recorded it: an operator’s record says so beside it, never that the operator handed anyone over', () => {
    const byOperator = logged('op', 'handover.completed', T(1, '11:00'), {
      provision: 'ex',
      batch: 1,
      count: 2,
      to: 'b',
    });
    const words = explain(ob(run([byOperator], T(1, '12:00')), 'ex/hand-over/1').explanation, fixture);
    expect(words).toMatch(/2 handed over by A at 1 Jan 11:00[^;]* \(recorded by op\)/);
    expect(words).not.toContain('handed over by op');
    // Recorded by the side itself: no "recorded by".
    const bySide = explain(
      ob(run([handover(1, 2, T(1, '11:00'))], T(1, '12:00')), 'ex/hand-over/1').explanation,
      fixture,
    );
    expect(bySide).toContain('2 handed over by A at 1 Jan 11:00');
    expect(bySide).not.toContain('recorded by');
  });
});

describe('remains', () => {
  it('given remains found not to be of a person held, then they are not counted toward the handover, from the finding on', () => {
    const h = handover(1, 2, T(1, '11:00'));
    const found = logged('b', 'remains.identified', T(1, '18:00'), {
      provision: 'ex',
      handover: h.leafHash,
      finding: 'not-a-hostage',
    });
    expect(ob(run([h, found], T(1, '13:00')), 'ex/hand-over/1')).toMatchObject({ status: 'met', done: 2 });
    const o = ob(run([h, found], T(1, '19:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'partly-met', done: 1, required: 2 });
    expect(o.remains).toEqual([
      {
        finding: 'not-a-hostage',
        count: 1,
        handover: h.leafHash,
        at: T(1, '18:00'),
        evidence: [found.leafHash],
      },
    ]);
    expect(o.evidence).toContain(found.leafHash);
  });
  it('partial remains of someone already returned do not count; remains that match do', () => {
    const h = handover(1, 2, T(1, '11:00'));
    const partial = logged('b', 'remains.identified', T(1, '18:00'), {
      provision: 'ex',
      handover: h.leafHash,
      finding: 'partial-remains-of-returned',
    });
    const matches = logged('b', 'remains.identified', T(1, '18:00'), {
      provision: 'ex',
      handover: h.leafHash,
      finding: 'matches',
    });
    expect(ob(run([h, partial], T(1, '19:00')), 'ex/hand-over/1').done).toBe(1);
    expect(ob(run([h, matches], T(1, '19:00')), 'ex/hand-over/1')).toMatchObject({ status: 'met', done: 2 });
  });
  it('a finding that names the batch but no handover is taken out of that batch', () => {
    const h = handover(1, 2, T(1, '11:00'));
    const found = logged('b', 'remains.identified', T(1, '18:00'), {
      provision: 'ex',
      batch: 1,
      finding: 'not-a-hostage',
    });
    const o = ob(run([h, found], T(1, '19:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({
      done: 1,
      remains: [{ finding: 'not-a-hostage', count: 1, at: T(1, '18:00') }],
    });
    expect(o.remains![0]).not.toHaveProperty('handover');
    expect(ob(run([h, found], T(1, '19:00')), 'ex/hand-over/2')).not.toHaveProperty('remains');
  });
  it('given remains recovered by the receiving side, then that is not a handover by the holding side, and is shown as recovered', () => {
    const rec = logged('b', 'remains.recovered', T(1, '11:00'), { provision: 'ex', by: 'b', count: 2 });
    const e = run([rec], T(1, '13:00'));
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({ status: 'unrecorded', noRecord: true });
    expect(prov(e, 'ex').recovered).toEqual([
      { by: 'b', count: 2, at: T(1, '11:00'), evidence: [rec.leafHash] },
    ]);
  });
});

describe('more than required', () => {
  it('given more handed over and released than the batch requires, then it is met, never a breach', () => {
    const e = run(
      [
        handover(1, 5, T(1, '11:00')),
        logged('b', 'release.completed', T(1, '20:00'), { provision: 'ex', batch: 1, party: 'b', count: 30 }),
      ],
      T(2, '09:00'),
      table,
    );
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({ status: 'met', required: 2, done: 5 });
    expect(ob(e, 'ex/release/1')).toMatchObject({ status: 'met', done: 30 });
    expect(prov(e, 'ex').status).toBe('met');
    // 30 released for 5 counted at 3 each: 15 more than the ratio asks, shown as such, not as a shortfall.
    expect(e.exchanges.ratios[0]).toMatchObject({ expected: 15, released: 30, holds: false, surplus: 15 });
  });
});

describe('negotiation, withdrawal lines, crossings and the ceasefire', () => {
  it('delegations, rounds, proposals and responses are shown with the talks, and do not stand for their start', () => {
    const arrived = logged('med', 'delegation.arrived', T(1, '09:00'), { provision: 'neg', party: 'a' });
    const proposal = logged('med', 'proposal.submitted', T(1, '12:00'), {
      provision: 'neg',
      by: 'med',
      to: 'a',
    });
    const answer = logged('a', 'response.given', T(2, '12:00'), {
      provision: 'neg',
      by: 'a',
      proposal: proposal.leafHash,
      answer: 'rejected',
    });
    const e = run([arrived, proposal, answer], T(3, '02:00'));
    expect(ob(e, 'neg/negotiate/2/a')).toMatchObject({ status: 'unrecorded' });
    expect(ob(e, 'neg/negotiate/2/a').evidence).toEqual(
      [arrived, proposal, answer].map((x) => x.leafHash).sort(),
    );
    expect(prov(e, 'neg').events!.map((x) => x.kind)).toEqual([
      'delegation.arrived',
      'proposal.submitted',
      'response.given',
    ]);
  });
  it('a line reported moved is shown with the withdrawal and does not complete it', () => {
    const moved = logged('a', 'line.moved', T(2, '09:00'), { provision: 'wd', zones: ['z1'], metres: 200 });
    const e = run([moved], T(3, '09:00'));
    expect(ob(e, 'wd/withdraw/2').status).toBe('unrecorded');
    expect(prov(e, 'wd').events).toEqual([
      { kind: 'line.moved', at: T(2, '09:00'), evidence: [moved.leafHash] },
    ]);
  });
  it('a statement that the ceasefire is enforced again is shown with it and does not make it met', () => {
    const enforced = logged('a', 'ceasefire.enforced', T(2, '09:00'), { provision: 'cease', by: 'a' });
    const p = prov(run([enforced], T(3, '09:00')), 'cease');
    expect(p).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded' });
    expect(p.enforced).toEqual([{ by: 'a', at: T(2, '09:00'), evidence: [enforced.leafHash] }]);
  });
  it('patients out through a crossing count toward a medical evacuation, each source apart; those coming in do not', () => {
    const through = (source: string, patients: number, direction = 'out') =>
      logged(
        'med',
        'crossing.throughput',
        T(1, '18:00'),
        { provision: 'med-ev', date: '2024-01-01', direction, patients, companions: 9 },
        source,
      );
    const e = run(
      [through('WHO', 5), through('Crossing authority', 4), through('WHO', 3, 'in')],
      T(2, '09:00'),
    );
    const o = ob(e, 'med-ev/evacuate/1');
    expect(o.figures!.map((f) => [f.source, f.quantity])).toEqual([
      ['Crossing authority', 4],
      ['WHO', 5],
    ]);
    expect(o.status).toBe('disputed');
  });
});

describe('allegations with casualty figures', () => {
  it('keep each source figure apart, never summed', () => {
    const casualties = [
      { killed: 26, source: 'Ministry of Health' },
      { killed: 2, injured: 3, source: 'Army statement' },
    ];
    const v = logged('b', 'violation.alleged', T(2, '09:00'), {
      against: 'a',
      provision: 'cease',
      description: 'Strikes.',
      casualties,
    });
    expect(run([v], T(2, '10:00')).allegations[0]).toMatchObject({ state: 'open', casualties });
  });
});

describe('a phase start', () => {
  it('given a recorded start after the planned one, then the lateness is a finding; on time, none', () => {
    const late = run([logged('med', 'phase.started', T(1, '10:00'), { phase: 'p1' })], T(1, '12:00'));
    expect(late.phases[0]).toMatchObject({ plannedStart: T(1, '08:00'), lateStartMinutes: 120 });
    expect(explain(late.phases[0]!.explanation, fixture)).toContain('2 h after its planned start');
    const onTime = run([logged('med', 'phase.started', T(1, '08:00'), { phase: 'p1' })], T(1, '12:00'));
    expect(onTime.phases[0]).toMatchObject({ plannedStart: T(1, '08:00') });
    expect(onTime.phases[0]).not.toHaveProperty('lateStartMinutes');
  });
  it('given a late start, then what fell due between the planned and the recorded start is judged at the start; what is due later, or before the phase by design, is not moved', () => {
    const start = logged('med', 'phase.started', T(1, '13:00'), { phase: 'p1' });
    const h = handover(1, 2, T(1, '13:30'));
    const e = run([start, h], T(1, '14:00'));
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({
      status: 'met-late',
      lateMinutes: 30,
      due: T(1, '13:00'),
    });
    expect(ob(e, 'ex/hand-over/2').due).toBe(T(2, '12:00'));
    // The list for batch 1 is due the evening before the phase: not moved by its late start.
    const list1 = e.obligations.find(
      (o) => o.obligation.action === 'submit-list' && o.obligation.batch === 1,
    )!;
    expect(list1.due).toBe(list1.obligation.due);
    expect(Date.parse(list1.due!)).toBeLessThan(Date.parse(T(1, '08:00')));
    expect(e.phases[0]).toMatchObject({ lateStartMinutes: 300 });
  });
});

describe('an allegation and its answers', () => {
  it('carries the reason of the answer that gave it its state, acknowledged or disputed as well as withdrawn', () => {
    const v = logged('b', 'violation.alleged', T(2, '09:00'), {
      against: 'a',
      provision: 'cease',
      description: 'Fire.',
    });
    const ack = logged('a', 'acknowledgement', T(2, '10:00'), {
      of: v.leafHash,
      reason: 'A unit fired in error.',
    });
    expect(run([v, ack], T(2, '11:00')).allegations[0]).toMatchObject({
      state: 'acknowledged',
      reason: 'A unit fired in error.',
    });
    const d = logged('a', 'dispute', T(2, '10:00'), { of: v.leafHash, reason: 'No fire was opened.' });
    expect(run([v, d], T(2, '11:00')).allegations[0]).toMatchObject({
      state: 'disputed',
      reason: 'No fire was opened.',
    });
    expect(run([v], T(2, '11:00')).allegations[0]).not.toHaveProperty('reason');
  });
});

describe('a phase recorded as ended', () => {
  const aidDay = (e: Evaluation, d: number) => ob(e, `aid/admit-aid/${d}/trucks`).status;
  it('on its planned last day, it does not cancel that day’s obligations', () => {
    const ended = logged('med', 'phase.ended', T(3, '09:00'), { phase: 'p1', reason: 'As planned.' });
    expect(aidDay(run([ended], T(4, '09:00')), 3)).toBe('unrecorded');
  });
  it('before its planned last day, the obligations due after the end are no longer due', () => {
    const ended = logged('med', 'phase.ended', T(2, '09:00'), { phase: 'p1', reason: 'Talks broke down.' });
    const e = run([ended], T(4, '09:00'));
    expect([aidDay(e, 1), aidDay(e, 2), aidDay(e, 3)]).toEqual(['unrecorded', 'superseded', 'superseded']);
  });
});

describe('a status resting on an uncertain term', () => {
  it('carries the mark on the obligation and its provision; a certain one does not', () => {
    const uncertain = agreementOf(
      TABLE_YAML.replace(
        'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]',
        'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid, uncertain: true }]',
      ),
    );
    const e = run([], T(2, '09:00'), uncertain);
    expect(ob(e, 'aid/admit-aid/1/trucks')).toMatchObject({ status: 'unrecorded', uncertain: true });
    expect(prov(e, 'aid')).toMatchObject({ status: 'unrecorded', uncertain: true });
    expect(prov(run([], T(2, '09:00'), table), 'aid')).not.toHaveProperty('uncertain');
    // Not yet due, nothing rests on it yet.
    expect(prov(run([], T(1, '09:00'), uncertain), 'aid')).not.toHaveProperty('uncertain');
  });
});

describe('people through a crossing', () => {
  const withFlows = agreementOf(
    TABLE_YAML.replace(
      '    crossing: { id: gate, name: Gate }\n',
      '    crossing: { id: gate, name: Gate }\n    flows: [{ direction: out, people: patient, perDay: 50 }, { direction: in, people: resident, perDay: 100 }]\n',
    ),
  );
  const opened = logged('med', 'crossing.opened', T(1, '09:00'), { crossing: 'gate', provision: 'cross' });
  const through = (body: Record<string, unknown>) =>
    logged(
      'med',
      'crossing.throughput',
      T(1, '18:00'),
      { provision: 'cross', date: '2024-01-01', ...body },
      'WHO',
    );
  const passage = (e: Evaluation, part: string) =>
    e.obligations.find((o) => o.obligation.provision === 'cross' && o.obligation.id.endsWith(part))!;
  it('given the crossing opened and no count of people, then the opening is met and each daily passage is unrecorded', () => {
    const e = run([opened], T(2, '09:00'), withFlows);
    expect(ob(e, 'cross/open-crossing/1').status).toBe('met');
    expect(passage(e, 'out-patient')).toMatchObject({ status: 'unrecorded', required: 50 });
    // Nothing recorded is no figure at all, never 0.
    expect(passage(e, 'out-patient').done).toBeUndefined();
  });
  it('given counts per direction, then each passage is judged against its own daily figure', () => {
    const e = run(
      [
        opened,
        through({ direction: 'out', patients: 50, companions: 60 }),
        through({ direction: 'in', residents: 40 }),
      ],
      T(2, '09:00'),
      withFlows,
    );
    expect(passage(e, 'out-patient')).toMatchObject({ status: 'met', done: 50 });
    expect(passage(e, 'in-resident')).toMatchObject({ status: 'partly-met', required: 100, done: 40 });
  });
});

describe('a return blocked, a crossing closed', () => {
  it('given a return blocked and resumed, then the block is shown beside its status, which its start alone decides', () => {
    const started = logged('med', 'return.started', T(1, '10:00'), { provision: 'ret' });
    const blocked = logged('a', 'return.blocked', T(1, '14:00'), {
      provision: 'ret',
      reason: 'Road closed.',
    });
    const resumed = logged('a', 'return.resumed', T(1, '18:00'), { provision: 'ret' });
    const e = run([started, blocked, resumed], T(2, '09:00'), table);
    expect(ob(e, 'ret/allow-return/1')).toMatchObject({
      status: 'met',
      suspended: [{ from: T(1, '14:00'), until: T(1, '18:00'), reason: 'Road closed.' }],
    });
    expect(prov(e, 'ret').suspended).toHaveLength(1);
  });
  it('given a crossing closed on its first day and not reopened, then the closure is shown from when it began', () => {
    const opened = logged('med', 'crossing.opened', T(1, '09:00'), { crossing: 'gate', provision: 'cross' });
    const closed = logged('med', 'crossing.closed', T(1, '15:00'), { crossing: 'gate', reason: 'Security.' });
    const e = run([opened, closed], T(2, '09:00'), table);
    expect(ob(e, 'cross/open-crossing/1')).toMatchObject({
      status: 'met',
      suspended: [{ from: T(1, '15:00'), reason: 'Security.', evidence: [closed.leafHash] }],
    });
    expect(ob(e, 'cross/open-crossing/1').suspended![0]).not.toHaveProperty('until');
  });
});
