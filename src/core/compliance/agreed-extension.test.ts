import { describe, expect, it } from 'vitest';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture's 3-day phase without its extension rule: a renewal is the parties' agreement alone.
const renewable = agreementOf(
  FIXTURE_YAML.replace('    extension: { days: 1, per: { provision: ex, releases: 2 } }\n', ''),
);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(renewable, [...actors(), ...events], asOf);
const aidDays = (e: Evaluation) =>
  e.obligations.filter((o) => o.obligation.provision === 'aid').map((o) => o.obligation.day);
const withdrawal = (e: Evaluation) => e.obligations.find((o) => o.obligation.provision === 'wd')!;
const words = (e: Evaluation, lang: 'en' | 'ar' | 'he' = 'en') =>
  JSON.stringify(explainedEvaluation(e, renewable, lang));

describe('a phase renewed by agreement (no extension rule)', () => {
  const renewal = () => logged('med', 'extension.agreed', T(3, '18:00'), { phase: 'p1', days: 2 });

  it('runs its daily terms on the days it added, and says when the phase now ends', () => {
    expect(Math.max(...aidDays(run([], T(6, '12:00'))))).toBe(3);
    const e = run([renewal()], T(6, '12:00'));
    expect(Math.max(...aidDays(e))).toBe(5);
    expect(e.extensions[0]).toMatchObject({ phase: 'p1', days: 2, phaseDays: [4, 5] });
    const said = words(e);
    expect(said).toContain('with it, Phase 1 planned to end 6 Jan 08:00');
    expect(said).not.toContain('no rule that places it');
    expect(e.notes.map((n) => n.code)).not.toContain('note.extension-phase-unplaced');
  });

  it('judges what the added days ask for: unrecorded aid on them is no "nothing due yet"', () => {
    const e = run([renewal()], T(6, '12:00'));
    expect(e.extensions[0]!.status).not.toBe('not-yet-due');
    expect(words(e)).not.toContain('nothing due yet');
  });

  it('is not applied before the event that agreed it', () => {
    expect(Math.max(...aidDays(run([renewal()], T(3, '12:00'))))).toBe(3);
  });

  it('a phase with no fixed end is not extended: the note says so', () => {
    const open = agreementOf(
      FIXTURE_YAML.replace('    extension: { days: 1, per: { provision: ex, releases: 2 } }\n', '').replace(
        '    lengthDays: 3\n',
        '    lengthDays: 3\n    continuesWhile: talks go on\n',
      ),
    );
    const e = evaluate(open, [...actors(), renewal()], T(3, '20:00'));
    expect(e.notes.map((n) => n.code)).toContain('note.extension-phase-unplaced');
  });
});

describe("one provision's deadline extended by agreement", () => {
  // The withdrawal is due on day 2 at 18:00; its deadline moved by 3 days, agreed on day 2 at 22:00.
  const moved = () =>
    logged('med', 'extension.agreed', T(2, '22:00'), { phase: 'p1', provision: 'wd', days: 3 });
  const part = () => logged('b', 'withdrawal.completed', T(2, '10:00'), { provision: 'wd', zones: ['z1'] });

  it('before the extension is agreed, the planned deadline holds: partly met, overdue', () => {
    const o = withdrawal(run([part(), moved()], T(2, '21:00')));
    expect(o.status).toBe('partly-met');
    expect(o.due).toBe('2024-01-02T18:00:00+02:00');
  });

  it('once agreed, the deadline in force is that many days later, and says why and that it came late', () => {
    const e = run([part(), moved()], T(3, '12:00'));
    const o = withdrawal(e);
    expect(o.status).toBe('not-yet-due');
    expect(o.due).toBe('2024-01-05T18:00:00+02:00');
    expect(o.moved).toMatchObject({
      cause: 'deadline-extended',
      planned: '2024-01-02T18:00:00+02:00',
      minutes: 3 * 24 * 60,
      at: '2024-01-02T22:00:00+02:00',
    });
    const said = words(e);
    expect(said).toContain('the deadline was extended by agreement on');
    expect(said).toContain('after the planned deadline had passed');
    expect(words(e, 'ar')).toContain('بعد انقضاء الموعد المخطط له');
    expect(words(e, 'he')).toContain('לאחר שהמועד המתוכנן חלף');
    // The phase keeps its length: no day is added to the aid quota.
    expect(Math.max(...aidDays(run([moved()], T(6, '12:00'))))).toBe(3);
    expect(e.extensions[0]).toMatchObject({ provision: 'wd', days: 3, phaseDays: [] });
  });

  it('is judged against the new deadline once it has passed', () => {
    const o = withdrawal(run([part(), moved()], T(6, '12:00')));
    expect(o.status).toBe('partly-met');
    expect(o.due).toBe('2024-01-05T18:00:00+02:00');
  });

  it('a withdrawal partly done names the zones no withdrawal is recorded from', () => {
    const e = run([part()], T(3, '12:00'));
    const said = JSON.stringify(explainedEvaluation(e, renewable, 'en').obligations);
    expect(said).toContain('withdrawal recorded from Z1');
    expect(said).toContain('none recorded from Z2');
    const whole = logged('b', 'withdrawal.completed', T(2, '12:00'), { provision: 'wd', zones: ['z2'] });
    expect(
      JSON.stringify(explainedEvaluation(run([part(), whole], T(3, '12:00')), renewable, 'en')),
    ).not.toContain('none recorded from');
  });

  it('agreed before the planned deadline, it does not say that deadline had passed', () => {
    const early = logged('med', 'extension.agreed', T(1, '12:00'), { phase: 'p1', provision: 'wd', days: 1 });
    const e = run([early], T(2, '12:00'));
    expect(withdrawal(e).due).toBe('2024-01-03T18:00:00+02:00');
    const said = words(e);
    expect(said).toContain('the deadline was extended by agreement on');
    expect(said).not.toContain('after the planned deadline had passed');
  });
});

describe('a phase of totals alone, renewed twice by agreement', () => {
  // Ships over the phase, no daily figure: each renewal moves the total's deadline to the phase's
  // new end; the first is then left no term of its own.
  const TOTALS = `
id: totals
title: Totals
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T08:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
  - { id: med, name: Mediator, role: mediator }
phases:
  - { id: p1, title: Phase 1, start: { day: 1 }, lengthDays: 3 }
provisions:
  - id: fuel
    kind: aid
    phase: p1
    party: b
    extra: [{ id: ships, quantity: 4, unit: ship, category: fuel }]
`;
  const totals = agreementOf(TOTALS);
  const first = logged('med', 'extension.agreed', T(3, '18:00'), { phase: 'p1', days: 2 });
  const second = logged('med', 'extension.agreed', T(5, '18:00'), { phase: 'p1', days: 2 });
  const at = (asOf: string, events = [first, second]) => evaluate(totals, [...actors(), ...events], asOf);
  const said = (e: Evaluation, lang: 'en' | 'ar' | 'he' = 'en') =>
    JSON.stringify(explainedEvaluation(e, totals, lang));

  it('the first renewal is a date once a later one moved the end: never "nothing due yet" after its days', () => {
    const e = at(T(9, '12:00'));
    expect(e.extensions.map((x) => x.status)).toEqual(['dated-fact', 'unrecorded']);
    expect(said(e)).not.toContain('nothing due yet');
    expect(said(e)).toContain(
      'with it, Phase 1 planned to end 6 Jan 08:00, until a later extension moved that end and the terms due at it',
    );
    expect(said(e, 'ar')).not.toContain('لا شيء مستحق بعد');
    expect(said(e, 'he')).not.toContain('דבר טרם הגיע מועדו');
  });

  it('a renewal of a ceasefire alone is a date whose terms run to the new end', () => {
    const ceasefire = agreementOf(
      TOTALS.replace(
        '    kind: aid\n    phase: p1\n    party: b\n    extra: [{ id: ships, quantity: 4, unit: ship, category: fuel }]\n',
        '    kind: cessation\n    phase: p1\n    parties: [a, b]\n',
      ),
    );
    const e = evaluate(ceasefire, [...actors(), first], T(9, '12:00'));
    expect(e.extensions.map((x) => x.status)).toEqual(['dated-fact']);
    const words = JSON.stringify(explainedEvaluation(e, ceasefire, 'en'));
    expect(words).toContain('with it, Phase 1 planned to end 6 Jan 08:00, its terms judged to that end');
    expect(words).not.toContain('nothing due yet');
  });

  it('a single renewal carries the total it moved: not yet due before the new end, judged after it', () => {
    expect(at(T(4, '12:00'), [first]).extensions[0]!.status).toBe('not-yet-due');
    expect(at(T(9, '12:00'), [first]).extensions[0]!.status).toBe('unrecorded');
    const fuel = (e: Evaluation) => e.obligations.find((o) => o.obligation.provision === 'fuel')!;
    expect(fuel(at(T(9, '12:00'))).obligation.day).toBe(7);
  });
});
