import { describe, expect, it } from 'vitest';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { createEvaluator, evaluate, plainLists } from './index.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { LoggedEvent } from './types.ts';

// A milestone that obliges a party and gives no date ("a contingent is deployed"): the plan places
// it on no day; it is owed from the start of its phase.
const agreement = agreementOf(
  `${FIXTURE_YAML}  - id: dep
    kind: milestone
    phase: p1
    subject: international-force
    parties: [a]
    text: A force is deployed.
`,
);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const dep = (e: ReturnType<typeof run>) => e.provisions.find((x) => x.provision === 'dep')!;
const said = (e: ReturnType<typeof run>, lang: 'en' | 'ar' | 'he' = 'en') =>
  explainedEvaluation(e, agreement, lang).provisions.find((x) => x.provision === 'dep')!.explanationText;
const reached = (at: string) => logged('med', 'milestone.reached', at, { provision: 'dep' });

describe('a milestone the agreement gives no date for', () => {
  it('is not yet due before its phase starts', () => {
    const e = run([], '2024-01-01T07:00:00+02:00');
    expect(dep(e).status).toBe('not-yet-due');
    expect(said(e)).toBe('Its phase has not started.');
  });

  it('is unrecorded once its phase has started and nothing is recorded, with no deadline to be past', () => {
    for (const asOf of [T(1, '09:00'), T(3, '20:00'), T(20, '12:00')]) {
      const e = run([], asOf);
      expect(dep(e).status).toBe('unrecorded');
      expect(said(e)).toBe('Nothing recorded; no date was agreed.');
    }
    const e = run([], T(2, '09:00'));
    expect(said(e, 'ar')).toBe('لم يُسجَّل شيء؛ لم يُتفق على موعد.');
    expect(said(e, 'he')).toBe('לא נרשם דבר; לא הוסכם מועד.');
  });

  it('is met once the record shows it reached, never late, at every later moment', () => {
    const r = reached(T(2, '10:00'));
    expect(dep(run([r], T(2, '09:00'))).status).toBe('unrecorded');
    for (const asOf of [T(2, '10:00'), T(3, '20:00'), T(20, '12:00')]) {
      const p = dep(run([r], asOf));
      expect(p.status).toBe('met');
      expect(p.evidence).toEqual([r.leafHash]);
    }
    const text = said(run([r], T(3, '20:00')));
    expect(text).toBe(
      'Done by the record: an event (milestone reached) 2 Jan 10:00 (recorded by Mediator); met (no date was agreed, so it cannot be late).',
    );
    expect(text).not.toContain('late by');
    expect(said(run([r], T(3, '20:00')), 'ar')).toContain('لم يُتفق على موعد، فلا يمكن أن يكون متأخرًا');
    expect(said(run([r], T(3, '20:00')), 'he')).toContain('לא הוסכם מועד, ולכן אין איחור');
  });

  it('names the source its record gives, beside who recorded it, in each language (TRUTH.md rule 4)', () => {
    const r = logged('med', 'milestone.reached', T(2, '10:00'), { provision: 'dep' }, 'Party A spokesperson');
    const e = run([r], T(3, '20:00'));
    expect(dep(e).status).toBe('met');
    expect(said(e)).toBe(
      'Done by the record: an event (milestone reached) 2 Jan 10:00 (recorded by Mediator; source: Party A spokesperson); met (no date was agreed, so it cannot be late).',
    );
    expect(said(e, 'ar')).toContain('المصدر: Party A spokesperson');
    expect(said(e, 'he')).toContain('מקור: Party A spokesperson');
  });

  it('stays met after its phase is recorded as ended; unrecorded over the phase when nothing was', () => {
    const ended = logged('op', 'phase.ended', T(2, '12:00'), { phase: 'p1', reason: 'Ended early.' });
    expect(dep(run([reached(T(2, '10:00')), ended], T(20, '12:00'))).status).toBe('met');
    const e = run([ended], T(20, '12:00'));
    expect(dep(e).status).toBe('unrecorded');
    expect(said(e)).toBe('Nothing recorded over its phase, which ended 2 Jan 12:00; no date was agreed.');
  });

  it('is disputed when its record is disputed', () => {
    const r = reached(T(2, '10:00'));
    const d = logged('a', 'dispute', T(2, '11:00'), { of: r.leafHash, reason: 'Not all units arrived.' });
    const p = dep(run([r, d], T(3, '20:00')));
    expect(p.status).toBe('disputed');
    expect(p.evidence).toEqual(expect.arrayContaining([r.leafHash, d.leafHash]));
  });

  it('reads the same from the live evaluator as from scratch', () => {
    const events = [...actors(), reached(T(2, '10:00'))];
    const live = createEvaluator(agreement);
    for (const e of events) live.apply(e);
    for (const asOf of [T(1, '07:00'), T(1, '09:00'), T(2, '10:00'), T(9, '12:00')])
      expect(plainLists(live.result(asOf)).provisions).toEqual(evaluate(agreement, events, asOf).provisions);
  });
});
