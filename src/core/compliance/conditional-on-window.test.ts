import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';
import { WINDOW_YAML } from './window-agreement.ts';

// A crossing that waits on a window (window-agreement.ts).
const agreement = agreementOf(WINDOW_YAML);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const gate = (e: Evaluation) => e.obligations.filter((o) => o.obligation.provision === 'gate');
const handover = (count: number, when: string) =>
  logged('a', 'handover.completed', when, { provision: 'ex', count, to: 'b' });

describe('a provision that waits on a condition with no fixed day', () => {
  const all = [handover(2, T(2, '10:00')), handover(4, T(9, '10:00'))];

  it('before the condition is met on the record: not yet due, waiting for the named provision', () => {
    const e = run(all.slice(0, 1), T(5, '12:00'));
    expect(gate(e)).toEqual([]);
    const p = e.provisions.find((x) => x.provision === 'gate')!;
    expect(p).toMatchObject({ status: 'not-yet-due', waitsOn: 'ex' });
    expect(explain(p.explanation, agreement)).toContain('The exchange');
  });

  it('an opening recorded before the record shows the condition met: still waiting, and the opening told in the same sentence, with its event', () => {
    const opened = logged('b', 'crossing.opened', T(4, '09:00'), { crossing: 'gate' });
    const e = run([...all.slice(0, 1), opened], T(5, '12:00'));
    expect(gate(e)).toEqual([]);
    const p = e.provisions.find((x) => x.provision === 'gate')!;
    expect(p).toMatchObject({ status: 'not-yet-due', waitsOn: 'ex', evidence: [opened.leafHash] });
    const first = explain(p.explanation, agreement).split(/(?<=\.) /)[0]!;
    expect(first).toContain('waits for');
    expect(first).toContain('recorded all the same: an event (crossing opened) 4 Jan 09:00 (recorded by B).');
  });

  it('once the record shows it met: placed that day with no deadline, unrecorded until an opening is recorded', () => {
    const [o, ...rest] = gate(run(all, T(10, '12:00')));
    expect(rest).toEqual([]);
    expect(o).toMatchObject({
      status: 'unrecorded',
      due: null,
      noAgreedDate: true,
      obligation: { date: '2024-01-09', conditionMetAt: T(9, '10:00') },
    });
    expect(o!.overdueMinutes).toBeUndefined();
  });

  it('a recorded opening is met, never late; throughput stands beside the agreed flows, each by its source', () => {
    const opened = logged('b', 'crossing.opened', T(20, '09:00'), { crossing: 'gate', provision: 'gate' });
    const out = logged(
      'b',
      'crossing.throughput',
      T(22, '20:00'),
      {
        provision: 'gate',
        crossing: 'gate',
        from: '2024-01-20',
        date: '2024-01-22',
        direction: 'out',
        patients: 10,
        companions: 12,
      },
      'Counter 1',
    );
    const [o] = gate(run([...all, opened, out], T(25, '12:00')));
    expect(o).toMatchObject({ status: 'met', completedAt: T(20, '09:00') });
    expect(o!.lateMinutes).toBeUndefined();
    expect(explain(o!.explanation, agreement)).toContain('no date was agreed, so it cannot be late');
    // Words of the edge: the same verdict in Arabic and Hebrew, no English in them.
    expect(explain(o!.explanation, agreement, 'ar')).toContain('لم يُتفق على موعد، فلا يمكن أن يكون متأخرًا');
    expect(explain(o!.explanation, agreement, 'he')).toContain('לא הוסכם מועד, ולכן אין איחור');
    expect(o!.flows!.map((f) => f.perDay.map((v) => v.value))).toEqual([[50, 150], [50]]);
    expect(o!.throughput).toEqual([
      expect.objectContaining({
        direction: 'out',
        quantity: 22,
        from: '2024-01-20',
        to: '2024-01-22',
        source: 'Counter 1',
      }),
    ]);
  });
});
