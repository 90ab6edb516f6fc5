import { describe, expect, it } from 'vitest';
import { REMAINS_YAML } from '../figures/fixture-remains.ts';
import { explain } from '../words/explain.ts';
import type { Arg, Phrase } from '../words/phrase.ts';
import { evaluate } from './evaluate.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

/**
 * The remains fixture (`bodies`: remains both ways; `dead-for-living`: a's remains for persons b
 * releases alive), with outside-the-formula handovers allowed on `bodies` so that they can be told.
 */
const agreement = agreementOf(
  REMAINS_YAML.replace(
    '      categories: [{ id: bodies-held, label: { en: Bodies held by B, ar: جثامين لدى ب, he: גופות המוחזקות בידי ב }, remains: true }]\n      after: handover\n',
    '      categories: [{ id: bodies-held, label: { en: Bodies held by B, ar: جثامين لدى ب, he: גופות המוחזקות בידי ב }, remains: true }]\n      after: handover\n    outsideFormula: { allowed: true, countsTowardQuota: if-agreed }\n',
  ),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(agreement, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const ratio = (e: Evaluation, provision: string) =>
  e.exchanges.ratios.find((r) => r.provision === provision)!;

function handover(provision: string, batch: number, count: number, at: string): LoggedEvent[] {
  const h = logged('a', 'handover.completed', at, { provision, batch, count, to: 'b', via: 'red' });
  return [h, logged('red', 'handover.confirmed', at, { handover: h.leafHash, count })];
}
const release = (provision: string, batch: number, count: number, at: string, source?: string) =>
  logged('b', 'release.completed', at, { provision, batch, party: 'b', count }, source);
const outside = (provision: string, count: number, at: string) =>
  logged('a', 'release.completed', at, { provision, party: 'a', count, outsideFormula: true });

/** Every phrase code an explanation uses, nested ones included. */
function codes(explanation: Phrase[]): string[] {
  const out: string[] = [];
  const walk = (a: Arg) => {
    if ('code' in a) {
      out.push(a.code);
      for (const p of Object.values(a.params)) walk(p);
    } else if (a.type === 'list') for (const i of a.items) walk(i);
  };
  for (const p of explanation) walk(p);
  return out;
}

describe('explanations of remains: returned, not released (core’s returnedRemains)', () => {
  const events = [
    ...handover('bodies', 1, 1, T(1, '11:00')),
    release('bodies', 1, 2, T(1, '13:00'), 'ICRC'),
    release('bodies', 1, 1, T(1, '14:00')),
    outside('bodies', 1, T(1, '15:00')),
    ...handover('dead-for-living', 1, 1, T(1, '11:00')),
    release('dead-for-living', 1, 1, T(1, '13:00')),
    outside('dead-for-living', 1, T(1, '15:00')),
  ];
  const e = run(events, T(1, '20:00'));

  it('given remains handed over for remains, then the side that answers returns them: its batch, each record and the ratio', () => {
    const bodies = ob(e, 'bodies/release/1');
    expect(codes(bodies.explanation)).toEqual(
      expect.arrayContaining(['release.head-batch-remains', 'record.returned-source', 'record.returned']),
    );
    expect(codes(bodies.explanation)).not.toContain('release.head-batch');
    expect(codes(bodies.explanation)).not.toContain('record.released');
    expect(explain(bodies.explanation, agreement)).toBe(
      'Batch 1: 5 remains to return (for 1 remains counted) by the end of 1 Jan; 2 returned by B at 1 Jan 13:00 [ICRC]; 1 returned by B at 1 Jan 14:00; not yet due.',
    );
    const r = ratio(e, 'bodies');
    expect(codes(r.explanation)).toEqual(expect.arrayContaining(['ratio.remains', 'ratio.outside-remains']));
    expect(explain(r.explanation, agreement)).toBe(
      '3 returned by B, fewer than 5 × 1 counted from A; 1 returned outside the formula are not counted.',
    );
  });

  it('given remains for the living, then the living are released and only the remains returned', () => {
    const living = ob(e, 'dead-for-living/release/1');
    expect(codes(living.explanation)).toEqual(
      expect.arrayContaining(['release.head-batch', 'record.released']),
    );
    expect(explain(living.explanation, agreement)).toMatch(
      /^Batch 1: 3 persons to release \(for 1 remains counted\) by .*; 1 released by B at /,
    );
    expect(explain(ratio(e, 'dead-for-living').explanation, agreement)).toBe(
      '1 released by B fewer than 3 × 1 counted from A; 1 returned outside the formula are not counted.',
    );
  });

  it('given the exchange of the living, then its words are those it always had', () => {
    const x = run(
      [...handover('ex', 1, 2, T(1, '11:00')), release('ex', 1, 6, T(1, '13:00'))],
      T(1, '20:00'),
    );
    expect(explain(ob(x, 'ex/release/1').explanation, agreement)).toMatch(
      /^Batch 1: 6 persons to release \(for 2 persons counted\) by .*; 6 released by B at 1 Jan 13:00; /,
    );
    expect(codes(ratio(x, 'ex').explanation)).toContain('ratio');
    expect(codes(ratio(x, 'ex').explanation)).not.toContain('ratio.remains');
  });

  it('given remains outside the formula the parties agree to count toward a batch, then they were returned', () => {
    const out = outside('bodies', 1, T(1, '11:00'));
    const fix = logged('med', 'correction', T(2, '09:00'), {
      of: out.leafHash,
      reason: 'Agreed to count.',
      body: { ...out.event.event.body, batch: 2, countsTowardQuota: true },
    });
    const h = ob(run([out, fix], T(2, '13:00')), 'bodies/hand-over/2');
    expect(codes(h.explanation)).toContain('record.counted-outside-remains');
    expect(explain(h.explanation, agreement)).toContain(
      '1 returned outside the formula and agreed to count toward this batch (2 Jan 09:00)',
    );
  });

  it('in Arabic and Hebrew, in the catalogues’ words for remains returned', () => {
    const bodies = ob(e, 'bodies/release/1').explanation;
    const r = ratio(e, 'bodies').explanation;
    expect(explain(bodies, agreement, 'ar')).toContain('الدفعة 1: المطلوب إعادتها ');
    expect(explain(bodies, agreement, 'ar')).toContain('أُعيد 2 من جانب B في ');
    expect(explain(r, agreement, 'ar')).toContain('أُعيد 3 من جانب B، أي أقل من 5 × 1 مما احتُسب من جانب A');
    expect(explain(bodies, agreement, 'he')).toContain('פעימה 1: להחזרה ');
    expect(explain(bodies, agreement, 'he')).toContain('2 הוחזרו על ידי B ב־');
    expect(explain(r, agreement, 'he')).toContain('3 הוחזרו על ידי B, כלומר פחות מאשר 5 × 1 שנספרו מצד A');
    for (const lang of ['ar', 'he'] as const)
      expect(`${explain(bodies, agreement, lang)} ${explain(r, agreement, lang)}`).not.toMatch(
        /أُفرج|الإفراج|שוחררו|לשחרור/,
      );
  });
});
