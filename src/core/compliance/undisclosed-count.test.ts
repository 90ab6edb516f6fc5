import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture's exchange: A hands over 2 a day by 12:00 (3 batches, 6 in all), B releases 3 for
// each by the end of the day. Monitors often know only that a stage took place, not its number.
const agreement = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const hidden = (at: string) =>
  logged('a', 'handover.completed', at, {
    provision: 'ex',
    batch: 1,
    to: 'b',
    via: 'red',
    undisclosed: true,
  });
const handed = (at: string, count: number) =>
  logged('a', 'handover.completed', at, { provision: 'ex', batch: 1, to: 'b', via: 'red', count });
const released = (at: string, body: Record<string, unknown>) =>
  logged('op', 'release.completed', at, { provision: 'ex', batch: 1, party: 'b', ...body });

describe('a handover recorded with its number not disclosed', () => {
  it('given only such a handover, past its deadline, then the batch is unrecorded for that reason: not "nothing recorded", not 0 done', () => {
    const o = ob(run([hidden(T(1, '11:00'))], T(1, '20:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'unrecorded', required: 2, undisclosed: true });
    expect(o).not.toHaveProperty('noRecord');
    expect(o).not.toHaveProperty('done');
    expect(explain(o.explanation, agreement)).toBe(
      'Batch 1 (2 persons) due 1 Jan 12:00; an undisclosed number handed over by A at 1 Jan 11:00, not confirmed; not recorded as done in full: a number it rests on was not disclosed; 8 h past the deadline.',
    );
    expect(explain(o.explanation, agreement, 'ar')).toBe(
      'الدفعة 1 (شخصان)، الموعد 1 يناير، 12:00؛ سُلّم عدد لم يُكشف عنه من جانب A في 1 يناير، 11:00، دون تأكيد؛ لم يُسجَّل تنفيذه كاملًا: لم يُكشف عن عدد يستند إليه؛ مضى على الموعد 8 ساعات.',
    );
    expect(explain(o.explanation, agreement, 'he')).toBe(
      'פעימה 1 (שני אנשים), מועד: 1 בינו׳, 12:00; במספר שלא פורסם נמסרו על ידי A ב־1 בינו׳, 11:00, ללא אישור; לא נרשם כבוצע במלואו: מספר שהוא נשען עליו לא פורסם; 8 שעות אחרי המועד.',
    );
    // Before the deadline, not yet due: it cannot be met from a number nobody gave.
    expect(ob(run([hidden(T(1, '11:00'))], T(1, '11:30')), 'ex/hand-over/1').status).toBe('not-yet-due');
  });

  it('given a disclosed figure short of the batch beside it, then it is unrecorded (not partly met), with the disclosed figure as done', () => {
    const o = ob(run([handed(T(1, '10:00'), 1), hidden(T(1, '11:00'))], T(1, '20:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'unrecorded', required: 2, done: 1, undisclosed: true });
    expect(explain(o.explanation, agreement)).toContain(
      '1 handed over by A at 1 Jan 10:00, not confirmed; an undisclosed number handed over by A at 1 Jan 11:00, not confirmed;',
    );
  });

  it('given disclosed figures that alone reach the batch, then it is met, whatever was not disclosed', () => {
    const o = ob(run([handed(T(1, '10:00'), 2), hidden(T(1, '11:00'))], T(1, '20:00')), 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'met', done: 2 });
    expect(o).not.toHaveProperty('undisclosed');
  });

  it('given the intermediary’s count of it, then that figure is counted, and it is no dispute with the undisclosed record', () => {
    const h = hidden(T(1, '11:00'));
    const confirmed = logged('red', 'handover.confirmed', T(1, '11:30'), { handover: h.leafHash, count: 2 });
    const e = run([h, confirmed], T(1, '20:00'));
    expect(ob(e, 'ex/hand-over/1')).toMatchObject({ status: 'met', done: 2 });
    expect(ob(e, 'ex/hand-over/1')).not.toHaveProperty('disputes');
    expect(e.exchanges.directions[0]).toMatchObject({ counted: 2 });
    expect(e.exchanges.directions[0]).not.toHaveProperty('undisclosed');
  });

  it('then the release owed for it by the ratio is not known: never met from the figures released, unrecorded once past its deadline', () => {
    const events = [hidden(T(1, '11:00')), released(T(1, '15:00'), { count: 6 })];
    const before = ob(run(events, T(1, '20:00')), 'ex/release/1');
    expect(before.status).toBe('not-yet-due');
    expect(before).not.toHaveProperty('required');
    const after = ob(run(events, T(2, '03:00')), 'ex/release/1');
    expect(after).toMatchObject({ status: 'unrecorded', done: 6, undisclosed: true });
    expect(after).not.toHaveProperty('required');
    expect(explain(after.explanation, agreement)).toBe(
      'Batch 1: an unstated number of persons to release (for a handover whose number was not disclosed: what is owed is not known) by the end of 1 Jan; 6 released by B at 1 Jan 15:00; not recorded as done in full: a number it rests on was not disclosed; 3 h past the derived deadline ⚠.',
    );
    // It no longer waits for a handover: one is on record.
    expect(ob(run([hidden(T(1, '11:00'))], T(2, '03:00')), 'ex/release/1').status).toBe('unrecorded');
  });

  it('then the exchange’s figures count only disclosed numbers and say how many were not, and the ratio is not checked', () => {
    const e = run([hidden(T(1, '11:00')), released(T(1, '15:00'), { count: 6 })], T(1, '20:00'));
    const [forward, back] = e.exchanges.directions;
    expect(forward).toMatchObject({ counted: 0, undisclosed: 1 });
    expect(forward!.byBatch[0]).toEqual({ batch: 1, counted: 0, undisclosed: 1 });
    expect(forward!.byDay).toEqual([{ date: '2024-01-01', counted: 0, undisclosed: 1 }]);
    expect(back).toMatchObject({ counted: 6 });
    expect(back).not.toHaveProperty('undisclosed');
    const ratio = e.exchanges.ratios[0]!;
    expect(ratio).toMatchObject({ undisclosed: true, holds: false });
    expect(ratio).not.toHaveProperty('shortfall');
    expect(ratio).not.toHaveProperty('surplus');
    expect(explain(ratio.explanation, agreement)).toBe(
      'the ratio is not checked: a handover or release between A and B was recorded with its number not disclosed.',
    );
    expect(explain(ratio.explanation, agreement, 'ar')).toBe(
      'لا يُتحقَّق من النسبة: سُجّل تسليم أو إفراج بين A وB دون الكشف عن عدده.',
    );
    expect(explain(ratio.explanation, agreement, 'he')).toBe(
      'היחס אינו נבדק: נרשמה מסירה או שחרור בין A לB בלי שמספרם פורסם.',
    );
  });

  it('then the provision says it, with its evidence, and is marked undisclosed', () => {
    const h = hidden(T(1, '11:00'));
    const p = run([h], T(1, '20:00')).provisions.find((x) => x.provision === 'ex')!;
    expect(p).toMatchObject({ status: 'unrecorded', undisclosed: true });
    expect(p.evidence).toContain(h.leafHash);
    expect(explain(p.explanation, agreement)).toContain(
      'an undisclosed number handed over by A at 1 Jan 11:00',
    );
  });
});

describe('a release recorded with its number not disclosed', () => {
  it('given only such a release for a disclosed handover, past its deadline, then it is unrecorded for that reason, never met', () => {
    const e = run([handed(T(1, '10:00'), 2), released(T(1, '15:00'), { undisclosed: true })], T(2, '03:00'));
    const o = ob(e, 'ex/release/1');
    expect(o).toMatchObject({ status: 'unrecorded', required: 6, undisclosed: true });
    expect(o).not.toHaveProperty('done');
    expect(explain(o.explanation, agreement)).toContain(
      'an undisclosed number released by B at 1 Jan 15:00;',
    );
    expect(explain(o.explanation, agreement, 'ar')).toContain('أُفرج عن عدد لم يُكشف عنه من جانب B');
    expect(explain(o.explanation, agreement, 'he')).toContain('במספר שלא פורסם שוחררו על ידי B');
    expect(e.exchanges.directions[1]).toMatchObject({ counted: 0, undisclosed: 1 });
    expect(e.exchanges.ratios[0]).toMatchObject({ undisclosed: true });
  });

  it('given disclosed releases that alone reach what is owed, then it is met', () => {
    const e = run(
      [
        handed(T(1, '10:00'), 2),
        released(T(1, '15:00'), { count: 6 }),
        released(T(1, '16:00'), { undisclosed: true }),
      ],
      T(2, '03:00'),
    );
    expect(ob(e, 'ex/release/1')).toMatchObject({ status: 'met', done: 6 });
  });
});

describe('an exchange on no date, recorded only with numbers not disclosed', () => {
  const undated = agreementOf(
    FIXTURE_YAML.replace('      cadence: daily\n', '')
      .replace('      handoverBy: "12:00"\n', '')
      .replace('      lists: { lead: { eveningBefore: true } }\n', ''),
  );
  it('says each side was recorded with an undisclosed number, not that nothing is recorded', () => {
    const h = logged('a', 'handover.completed', T(1, '10:00'), {
      provision: 'ex',
      to: 'b',
      undisclosed: true,
    });
    const r = logged('op', 'release.completed', T(1, '12:00'), { provision: 'ex', party: 'b', count: 5 });
    const r2 = logged('op', 'release.completed', T(2, '12:00'), {
      provision: 'ex',
      party: 'b',
      undisclosed: true,
    });
    const e = evaluate(undated, [...actors(), h, r, r2], T(3, '20:00'));
    const p = e.provisions.find((x) => x.provision === 'ex')!;
    // Owed from the start of its phase, and not recorded done (no number it states is shown reached).
    expect(p.status).toBe('unrecorded');
    const said = (lang: 'en' | 'ar' | 'he') =>
      explainedEvaluation(e, undated, lang).provisions.find((x) => x.provision === 'ex')!.explanationText;
    expect(said('en')).toContain(
      'Not recorded as done (no date was agreed); recorded: an undisclosed number from A to B; 5 and an undisclosed number from B to A',
    );
    expect(said('ar')).toContain('عدد لم يُكشف عنه من A إلى B');
    expect(said('he')).toContain('5 ועוד מספר שלא פורסם מB אל A');
  });
});
