import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../figures/headline-figures.ts';
import { explain } from '../words/explain.ts';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { createEvaluator, evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// Monitors often publish approximate figures ("about 250 released", "more than 200 trucks"): recorded
// as the number with `uncertain: true`, what is built on them carries the ⚠ (TRUTH.md: when a term is
// uncertain, its consequences carry the mark), and the status is computed from the number as today.
const agreement = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const pr = (e: Evaluation, id: string) => e.provisions.find((p) => p.provision === id)!;
/** What a status judges (the mark, the words and the events' hashes aside): as computed today. */
const judged = (x: object) => {
  const { status, required, requiredMax, done, lateMinutes, overdueMinutes, noRecord, counts } = x as Record<
    string,
    unknown
  >;
  return { status, required, requiredMax, done, lateMinutes, overdueMinutes, noRecord, counts };
};

const trucks = (quantity: number, source: string, more: Record<string, unknown> = {}) =>
  logged(
    'op',
    'aid.delivered',
    T(1, '20:00'),
    { provision: 'aid', date: '2024-01-01', quantity, unit: 'truck', category: 'aid', ...more },
    source,
  );
const handed = (count: number, more: Record<string, unknown> = {}) =>
  logged('a', 'handover.completed', T(1, '11:00'), {
    provision: 'ex',
    batch: 1,
    to: 'b',
    via: 'red',
    count,
    ...more,
  });
const released = (count: number, more: Record<string, unknown> = {}) =>
  logged('op', 'release.completed', T(1, '15:00'), { provision: 'ex', batch: 1, party: 'b', count, ...more });
const AID = 'aid/admit-aid/1/trucks';

describe('an aid figure recorded as approximate', () => {
  it('marks the source’s figure, the quota judged on it and its provision; the status is computed from the number as recorded', () => {
    const exact = run([trucks(12, 'UN')], T(2, '12:00'));
    const about = run([trucks(12, 'UN', { uncertain: true })], T(2, '12:00'));
    expect(exact.figures[0]!.figures[0]).not.toHaveProperty('uncertain');
    expect(ob(exact, AID)).not.toHaveProperty('uncertain');
    expect(about.figures[0]!.figures[0]).toMatchObject({ quantity: 12, source: 'UN', uncertain: true });
    expect(ob(about, AID)).toMatchObject({
      status: 'met',
      required: 10,
      done: 12,
      uncertain: true,
      approximate: { done: true },
    });
    expect(headlineFigures(agreement, about).quotas[0]!.sources).toEqual([
      expect.objectContaining({ source: 'UN', quantity: 12, uncertain: true }),
    ]);
    expect(ob(about, AID).figures).toEqual([expect.objectContaining({ quantity: 12, uncertain: true })]);
    expect(pr(about, 'aid')).toMatchObject({ status: 'met', uncertain: true });
    // Nothing else changes: the same status, figures and evidence, the mark aside.
    expect(judged(ob(about, AID))).toEqual(judged(ob(exact, AID)));
    expect(judged(pr(about, 'aid'))).toEqual(judged(pr(exact, 'aid')));
    expect(explain(ob(about, AID).explanation, agreement)).toBe(
      '10 trucks (trucks) for 1 Jan; ⚠ 12 per UN; met.',
    );
    expect(explain(ob(about, AID).explanation, agreement, 'ar')).toContain('⚠ 12 بحسب UN');
    expect(explain(ob(about, AID).explanation, agreement, 'he')).toContain('⚠ 12 לפי UN');
  });

  it('given an approximate figure short of the quota, then it is partly met as today, with the mark', () => {
    const o = ob(run([trucks(8, 'UN', { uncertain: true })], T(2, '12:00')), AID);
    expect(o).toMatchObject({ status: 'partly-met', required: 10, done: 8, uncertain: true });
  });

  it('given an exact figure from another source beside it, then the approximate one keeps its mark, and so does the status judged on both', () => {
    const e = run([trucks(12, 'UN', { uncertain: true }), trucks(11, 'COGAT')], T(2, '12:00'));
    expect(e.figures[0]!.figures).toEqual([
      { quantity: 11, source: 'COGAT', evidence: [expect.any(String)] },
      { quantity: 12, source: 'UN', evidence: [expect.any(String)], uncertain: true },
    ]);
    expect(ob(e, AID)).toMatchObject({ status: 'met', done: 11, uncertain: true });
    expect(explain(ob(e, AID).explanation, agreement)).toBe(
      '10 trucks (trucks) for 1 Jan; 11 per COGAT, ⚠ 12 per UN; met.',
    );
  });

  it('given two figures of one source, one approximate, then the source’s sum is approximate', () => {
    const e = run([trucks(6, 'UN', { uncertain: true }), trucks(6, 'UN')], T(2, '12:00'));
    expect(e.figures[0]!.figures).toEqual([expect.objectContaining({ quantity: 12, uncertain: true })]);
  });

  it('given a correction that replaces it with an exact figure, then the mark is gone from the figure, the quota and the provision', () => {
    const about = trucks(12, 'UN', { uncertain: true });
    const corrected = logged('op', 'correction', T(1, '22:00'), {
      of: about.leafHash,
      reason: 'The UN published its exact count.',
      body: { provision: 'aid', date: '2024-01-01', quantity: 13, unit: 'truck', category: 'aid' },
    });
    const e = run([about, corrected], T(2, '12:00'));
    expect(e.figures[0]!.figures[0]).toMatchObject({ quantity: 13 });
    expect(e.figures[0]!.figures[0]).not.toHaveProperty('uncertain');
    expect(ob(e, AID)).toMatchObject({ status: 'met', done: 13 });
    expect(ob(e, AID)).not.toHaveProperty('uncertain');
    expect(pr(e, 'aid')).not.toHaveProperty('uncertain');
    expect(explain(ob(e, AID).explanation, agreement)).toBe('10 trucks (trucks) for 1 Jan; 13 per UN; met.');
    // Before the correction, the figure was approximate.
    expect(ob(run([about, corrected], T(1, '21:00')), AID)).toMatchObject({ uncertain: true });
  });

  it('given a correction that says an exact figure was only an estimate, then it is marked from then on', () => {
    const exact = trucks(12, 'UN');
    const estimate = logged('op', 'correction', T(1, '22:00'), {
      of: exact.leafHash,
      reason: 'The UN said this was an estimate.',
      body: {
        provision: 'aid',
        date: '2024-01-01',
        quantity: 12,
        unit: 'truck',
        category: 'aid',
        uncertain: true,
      },
    });
    expect(ob(run([exact, estimate], T(1, '21:00')), AID)).not.toHaveProperty('uncertain');
    expect(ob(run([exact, estimate], T(2, '12:00')), AID)).toMatchObject({ status: 'met', uncertain: true });
  });

  it('the live evaluator gives what the evaluation from scratch gives, as figures come, are corrected and are added', () => {
    const about = trucks(12, 'UN', { uncertain: true });
    const events = [
      ...actors(),
      about,
      trucks(11, 'COGAT'),
      logged('op', 'correction', T(1, '22:00'), {
        of: about.leafHash,
        reason: 'Exact count published.',
        body: { provision: 'aid', date: '2024-01-01', quantity: 13, unit: 'truck', category: 'aid' },
      }),
      trucks(3, 'COGAT', { uncertain: true }),
    ];
    const live = createEvaluator(agreement);
    for (const [i, event] of events.entries()) {
      live.apply(event);
      const asOf = T(2, '12:00');
      expect(live.result(asOf), `after event ${i}`).toEqual(
        evaluate(agreement, events.slice(0, i + 1), asOf),
      );
    }
    const last = live.result(T(2, '12:00'));
    expect(last.figures[0]!.figures).toEqual([
      expect.objectContaining({ quantity: 14, source: 'COGAT', uncertain: true }),
      expect.not.objectContaining({ uncertain: true }),
    ]);
  });
});

describe('a handover or release recorded as approximate', () => {
  it('marks the handover, the count of its side, the release owed for it and the ratio; statuses as computed today', () => {
    const exact = run([handed(2), released(6)], T(2, '03:00'));
    const about = run([handed(2, { uncertain: true }), released(6)], T(2, '03:00'));
    for (const id of ['ex/hand-over/1', 'ex/release/1']) {
      expect(ob(exact, id), id).not.toHaveProperty('uncertain');
      expect(ob(about, id), id).toMatchObject({ status: 'met', uncertain: true });
      expect(judged(ob(about, id)), id).toEqual(judged(ob(exact, id)));
    }
    // Which of their figures rest on it: what the handover did, what the release owes.
    expect(ob(about, 'ex/hand-over/1').approximate).toEqual({ done: true });
    expect(ob(about, 'ex/release/1').approximate).toEqual({ required: true });
    expect(pr(about, 'ex')).toMatchObject({ uncertain: true });
    const [forward, back] = about.exchanges.directions;
    expect(forward).toMatchObject({ counted: 2, uncertain: true });
    expect(forward!.byBatch[0]).toEqual({ batch: 1, counted: 2, uncertain: true });
    expect(forward!.byDay).toEqual([{ date: '2024-01-01', counted: 2, uncertain: true }]);
    // The other side's figure is exact: it carries no mark.
    expect(back).toMatchObject({ counted: 6 });
    expect(back).not.toHaveProperty('uncertain');
    expect(about.exchanges.ratios[0]).toMatchObject({ holds: true, uncertain: true });
    expect(explain(ob(about, 'ex/hand-over/1').explanation, agreement)).toBe(
      'Batch 1 (2 persons) due 1 Jan 12:00; ⚠ 2 handed over by A at 1 Jan 11:00, not confirmed; met.',
    );
    expect(explain(ob(about, 'ex/release/1').explanation, agreement)).toBe(
      'Batch 1: 6 persons to release (for ⚠ 2 persons counted) by the end of 1 Jan; 6 released by B at 1 Jan 15:00; met.',
    );
    expect(explain(about.exchanges.ratios[0]!.explanation, agreement)).toBe(
      '6 released by B = 3 × ⚠ 2 counted from A.',
    );
  });

  it('in the headline, the ⚠ is on the count that adds it up, and on the plan figure only where what is owed rests on it', () => {
    const [handing, releasing] = headlineFigures(
      agreement,
      run([handed(2, { uncertain: true }), released(6)], T(2, '03:00')),
    ).releases;
    // A's 2 handed over is approximate; the 2 the plan asks of A is the agreement's, not marked.
    expect(handing).toMatchObject({ counted: 2, countedUncertain: true, uncertain: false });
    // B's 6 released is exact; the 6 owed for A's approximate 2 is marked.
    expect(releasing).toMatchObject({ counted: 6, uncertain: true });
    expect(releasing).not.toHaveProperty('countedUncertain');
  });

  it('given an approximate release short of what is owed, then it is partly met as today, with the mark, and the handover is not marked', () => {
    const e = run([handed(2), released(5, { uncertain: true })], T(2, '03:00'));
    expect(ob(e, 'ex/release/1')).toMatchObject({
      status: 'partly-met',
      required: 6,
      done: 5,
      uncertain: true,
    });
    expect(ob(e, 'ex/hand-over/1')).not.toHaveProperty('uncertain');
    expect(e.exchanges.directions[1]).toMatchObject({ counted: 5, uncertain: true });
    expect(e.exchanges.directions[0]).not.toHaveProperty('uncertain');
    expect(explain(ob(e, 'ex/release/1').explanation, agreement, 'ar')).toContain('أُفرج عن ⚠ 5 من جانب B');
    expect(explain(ob(e, 'ex/release/1').explanation, agreement, 'he')).toContain('⚠ 5 שוחררו על ידי B');
  });

  it('given the intermediary’s exact count of an approximate handover, then that count is what is counted, unmarked, and the handing side’s figure keeps its mark', () => {
    const h = handed(2, { uncertain: true });
    const confirmed = logged('red', 'handover.confirmed', T(1, '11:30'), { handover: h.leafHash, count: 2 });
    const e = run([h, confirmed], T(1, '20:00'));
    const o = ob(e, 'ex/hand-over/1');
    expect(o).toMatchObject({ status: 'met', done: 2 });
    expect(o).not.toHaveProperty('uncertain');
    expect(e.exchanges.directions[0]).not.toHaveProperty('uncertain');
    expect(explain(o.explanation, agreement)).toContain('⚠ 2 handed over by A at 1 Jan 11:00, confirmed by');
    // An approximate confirmation of an exact handover: what is counted is approximate.
    const h2 = handed(2);
    const about = logged('red', 'handover.confirmed', T(1, '11:30'), {
      handover: h2.leafHash,
      count: 2,
      uncertain: true,
    });
    const e2 = run([h2, about], T(1, '20:00'));
    expect(ob(e2, 'ex/hand-over/1')).toMatchObject({ status: 'met', uncertain: true });
    expect(e2.exchanges.directions[0]).toMatchObject({ counted: 2, uncertain: true });
  });

  it('given a correction that replaces the approximate handover with an exact one, then no mark is left', () => {
    const h = handed(2, { uncertain: true });
    const fix = logged('a', 'correction', T(1, '13:00'), {
      of: h.leafHash,
      reason: 'The exact number was published.',
      body: { provision: 'ex', batch: 1, to: 'b', via: 'red', count: 2 },
    });
    // Before the correction, the handover and its side's count carry the mark.
    const before = run([h, fix, released(6)], T(1, '12:30'));
    expect(ob(before, 'ex/hand-over/1')).toMatchObject({ status: 'met', uncertain: true });
    expect(before.exchanges.directions[0]).toMatchObject({ uncertain: true });
    const e = run([h, fix, released(6)], T(2, '03:00'));
    for (const id of ['ex/hand-over/1', 'ex/release/1'])
      expect(ob(e, id), id).not.toHaveProperty('uncertain');
    expect(e.exchanges.directions[0]).not.toHaveProperty('uncertain');
    expect(e.exchanges.ratios[0]).not.toHaveProperty('uncertain');
    expect(pr(e, 'ex')).not.toHaveProperty('uncertain');
  });

  it('marks remains recovered with an approximate count, in their own words', () => {
    const r = logged('op', 'remains.recovered', T(1, '12:00'), {
      provision: 'ex',
      by: 'b',
      count: 40,
      uncertain: true,
    });
    const e = run([r], T(1, '20:00'));
    expect(pr(e, 'ex').recovered).toEqual([expect.objectContaining({ count: 40, uncertain: true })]);
    const said = (lang: 'en' | 'ar' | 'he') =>
      explainedEvaluation(e, agreement, lang).provisions.find((x) => x.provision === 'ex')!.explanationText;
    expect(said('en')).toContain('⚠ 40 recovered by B without a handover');
    expect(said('ar')).toContain('انتشال ⚠ 40');
    expect(said('he')).toContain('⚠ 40 חולצו');
  });
});

describe('people through a crossing recorded as approximate', () => {
  it('marks the daily figure of a medical evacuation judged on it', () => {
    const e = run(
      [
        logged(
          'op',
          'crossing.throughput',
          T(1, '20:00'),
          { provision: 'med-ev', date: '2024-01-01', direction: 'out', patients: 6, uncertain: true },
          'WHO',
        ),
      ],
      T(2, '12:00'),
    );
    const o = e.obligations.find((x) => x.obligation.provision === 'med-ev' && x.status !== 'not-yet-due')!;
    expect(o).toMatchObject({ status: 'met', done: 6, uncertain: true });
    expect(explain(o.explanation, agreement)).toContain('⚠ 6 per WHO');
  });
});
