import { describe, expect, it } from 'vitest';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { LoggedEvent } from './types.ts';

// The fixture's exchange with no cadence (the reports give no schedule): the plan places no batch.
const undated = agreementOf(
  FIXTURE_YAML.replace('      cadence: daily\n', '')
    .replace('      handoverBy: "12:00"\n', '')
    .replace('      lists: { lead: { eveningBefore: true } }\n', ''),
);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf = T(3, '20:00')) =>
  evaluate(undated, [...actors(), ...events], asOf);
const handover = (at: string, count: number, batch?: number) =>
  logged('a', 'handover.completed', at, {
    provision: 'ex',
    party: 'a',
    to: 'red',
    count,
    ...(batch !== undefined ? { batch } : {}),
  });
const release = (at: string, count: number) =>
  logged('b', 'release.completed', at, { provision: 'ex', party: 'b', count });

describe('an exchange the plan places no batch of', () => {
  it('counts what each side was recorded releasing, whatever batch a record names', () => {
    const e = run([handover(T(1, '10:00'), 2), handover(T(2, '10:00'), 3, 2), release(T(2, '18:00'), 15)]);
    expect(e.obligations.filter((o) => o.obligation.provision === 'ex')).toEqual([]);
    const [forward, back] = e.exchanges.directions.filter((d) => d.provision === 'ex');
    expect(forward).toMatchObject({ from: 'a', counted: 5, byBatch: [] });
    expect(back).toMatchObject({ from: 'b', counted: 15, byBatch: [] });
    expect(forward!.byDay).toEqual([
      { date: '2024-01-01', counted: 2 },
      { date: '2024-01-02', counted: 3 },
    ]);
    // Nothing left "not counted per batch".
    expect(JSON.stringify(e.notes)).not.toContain('unplaced');
    const p = e.provisions.find((x) => x.provision === 'ex')!;
    // Owed from the start of its phase and not recorded done in full: unrecorded, never "not yet
    // due" as if nothing were owed, and with no deadline to be past.
    expect(p.status).toBe('unrecorded');
    expect(p.evidence.length).toBe(3);
    const said = explainedEvaluation(e, undated, 'en').provisions.find((x) => x.provision === 'ex')!;
    expect(said.explanationText).toContain(
      'Not recorded as done (no date was agreed); recorded: 5 from A to B; 15 from B to A.',
    );
    expect(said.explanationText).not.toContain('past');
  });

  it('is not yet due before its phase starts, and unrecorded once it has, with nothing recorded', () => {
    const ex = (asOf: string) => run([], asOf).provisions.find((x) => x.provision === 'ex')!;
    expect(ex('2024-01-01T07:00:00+02:00').status).toBe('not-yet-due');
    const started = run([], T(1, '09:00'));
    expect(started.provisions.find((x) => x.provision === 'ex')!.status).toBe('unrecorded');
    const said = (lang: 'en' | 'ar' | 'he') =>
      explainedEvaluation(started, undated, lang).provisions.find((x) => x.provision === 'ex')!
        .explanationText;
    expect(said('en')).toBe('Nothing recorded; no date was agreed.');
    expect(said('ar')).toBe('لم يُسجَّل شيء؛ لم يُتفق على موعد.');
    expect(said('he')).toBe('לא נרשם דבר; לא הוסכם מועד.');
  });

  it('is met once each side released the number the agreement states for it, with no date to be late by', () => {
    const ex = (e: ReturnType<typeof run>) => e.provisions.find((x) => x.provision === 'ex')!;
    // The agreement states 6 from A and 18 (3 × 6) from B.
    expect(ex(run([handover(T(1, '10:00'), 6), release(T(2, '18:00'), 17)])).status).toBe('unrecorded');
    const done = run([handover(T(1, '10:00'), 6), release(T(2, '18:00'), 18)]);
    expect(ex(done).status).toBe('met');
    const said = explainedEvaluation(done, undated, 'en').provisions.find((x) => x.provision === 'ex')!;
    expect(said.explanationText).toContain(
      'Done by the record, each side as many as the agreement states (it sets no date): 6 from A to B; 18 from B to A.',
    );
  });

  it('is disputed when an allegation about it is disputed, with no date agreed', () => {
    const alleged = logged('b', 'violation.alleged', T(2, '09:00'), {
      against: 'a',
      provision: 'ex',
      description: 'The release was postponed.',
    });
    const disputed = logged('a', 'dispute', T(2, '11:00'), {
      of: alleged.leafHash,
      reason: 'No date had been agreed.',
    });
    // Not answered, the allegation is the alleging side's claim and changes nothing.
    expect(run([alleged]).provisions.find((x) => x.provision === 'ex')!.status).toBe('unrecorded');
    const p = run([alleged, disputed]).provisions.find((x) => x.provision === 'ex')!;
    expect(p.status).toBe('disputed');
    expect(p.evidence).toContain(alleged.leafHash);
  });
});

describe("the plan's note that no batch of it can be placed, in the status", () => {
  it("is a phrase of the planner, worded in the reader's language, not an English sentence quoted", () => {
    const e = run([]);
    const note = e.notes.find((n) => n.code === 'plan.note.no-batch-no-cadence');
    expect(note?.params).toEqual({ provision: { type: 'provision', id: 'ex' } });
    expect(e.notes.map((n) => n.code)).not.toContain('note.plan');
    const said = (lang: 'en' | 'ar' | 'he') => explainedEvaluation(e, undated, lang).notesText;
    expect(said('en')).toContain('ex: no batch can be placed on the calendar (no cadence is stated).');
    expect(said('ar')).toContain('ex: لا يمكن وضع أي دفعة في التقويم (لا يُذكر إيقاع للدفعات).');
    expect(said('he')).toContain('ex: אי אפשר לשבץ אף פעימה בלוח הזמנים (לא נקבע קצב).');
  });
});
