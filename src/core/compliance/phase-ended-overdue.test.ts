import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture's exchange: A hands over 2 a day by 12:00 over the 3 days of phase p1, B releases 3
// for each by the end of the day. The phase is recorded as ended on its last day (3 Jan), which
// cancels nothing of that day: what was owed stays owed, but no longer runs late after the end.
const agreement = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const handed = (d: number, count: number) =>
  logged('a', 'handover.completed', T(d, '10:00'), { provision: 'ex', batch: d, to: 'b', via: 'red', count });
const ended = logged('op', 'phase.ended', T(3, '18:00'), { phase: 'p1', reason: 'Operation completed.' });

describe('an obligation still owed once its phase was recorded as ended', () => {
  it('given a batch short of its number, then its overdue counter stops at the end, and the words say when the phase ended against the deadline', () => {
    const events = [handed(1, 1), ended];
    const later = ob(run(events, T(20, '12:00')), 'ex/hand-over/1');
    expect(later).toMatchObject({
      status: 'partly-met',
      overdueMinutes: 54 * 60,
      overdueUntil: '2024-01-03T18:00:00+02:00',
    });
    expect(explain(later.explanation, agreement)).toMatch(
      /; partly met; its phase was recorded as ended on 3 Jan 18:00, 2 d 6 h after the deadline\.$/,
    );
    expect(explain(later.explanation, agreement, 'ar')).toMatch(
      /؛ نُفِّذ جزئيًا؛ سُجّل انتهاء مرحلته في 3 يناير، 18:00، بعد الموعد بمدة يومين و6 ساعات\.$/,
    );
    expect(explain(later.explanation, agreement, 'he')).toMatch(
      /; בוצע חלקית; סיום השלב שלו נרשם ב־3 בינו׳, 18:00, יומיים ו־6 שעות אחרי המועד\.$/,
    );
    // The same at any later moment: nothing runs on after the end.
    expect(ob(run(events, T(29, '12:00')), 'ex/hand-over/1')).toEqual(later);
    // Before the end, the counter runs as it did.
    const before = ob(run(events, T(2, '12:00')), 'ex/hand-over/1');
    expect(before).toMatchObject({ status: 'partly-met', overdueMinutes: 24 * 60 });
    expect(before).not.toHaveProperty('overdueUntil');
    expect(explain(before.explanation, agreement)).toMatch(/; partly met, overdue by 24 h\.$/);
  });

  it('given nothing recorded, then "nothing recorded" says so once, and how long past the deadline the phase ended, on a deadline the plan derived with its ⚠', () => {
    const o = ob(run([handed(1, 2), ended], T(20, '12:00')), 'ex/release/1');
    expect(o).toMatchObject({
      status: 'unrecorded',
      noRecord: true,
      overdueUntil: '2024-01-03T18:00:00+02:00',
    });
    const words = explain(o.explanation, agreement);
    expect(words).toMatch(
      /; nothing recorded; its phase was recorded as ended on 3 Jan 18:00, 42 h after the derived deadline ⚠\.$/,
    );
    expect(words.match(/nothing recorded/g)).toHaveLength(1);
  });

  it('given an end recorded before the deadline (its last day), then nothing is overdue, and the words say it ended before', () => {
    const end = logged('op', 'phase.ended', T(3, '09:00'), { phase: 'p1' });
    const o = ob(run([handed(3, 1), end], T(10, '12:00')), 'ex/hand-over/3');
    expect(o).toMatchObject({
      status: 'partly-met',
      overdueMinutes: 0,
      overdueUntil: '2024-01-03T09:00:00+02:00',
    });
    expect(explain(o.explanation, agreement)).toMatch(
      /; partly met; its phase was recorded as ended on 3 Jan 09:00, 3 h before the deadline\.$/,
    );
  });
});

describe('an obligation judged at the very moment of its deadline', () => {
  it('given part of it done, then it is partly met at the deadline, with no "overdue by 0 min"', () => {
    const o = ob(run([handed(1, 1)], T(1, '12:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'partly-met', overdueMinutes: 0 });
    expect(explain(o.explanation, agreement)).toMatch(/; partly met at the deadline\.$/);
    expect(explain(o.explanation, agreement, 'ar')).toMatch(/؛ نُفِّذ جزئيًا عند حلول الموعد\.$/);
    expect(explain(o.explanation, agreement, 'he')).toMatch(/; בוצע חלקית עד המועד\.$/);
    expect(explain(ob(run([handed(1, 1)], T(1, '12:01')), 'ex/hand-over/1').explanation, agreement)).toMatch(
      /; partly met, overdue by 1 min\.$/,
    );
  });

  it('given a missed deadline recorded, then it is missed at the deadline, with no "overdue by 0 min"', () => {
    const miss = logged('op', 'deadline.missed', T(1, '12:00'), {
      provision: 'ex',
      party: 'a',
      batch: 1,
      description: 'no handover',
    });
    const o = ob(run([handed(1, 1), miss], T(1, '12:00')), 'ex/hand-over/1');
    expect(o.status).toBe('missed');
    expect(explain(o.explanation, agreement)).toMatch(/; missed at the deadline\.$/);
  });
});
