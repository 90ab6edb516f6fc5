import { describe, expect, it } from 'vitest';
import { pause } from '../plan/fixtures/pause.ts';
import { PlanError } from '../plan/plan-error.ts';
import { compareAgreements } from './compare-agreements.ts';
import { valueAt } from './outcome-curves.ts';

describe('compareAgreements', () => {
  it('given an offer and a counter-offer, names both and compares terms, headlines and outcomes', () => {
    const offer = pause();
    const counter = pause({ id: 'test-pause-counter', kind: 'proposal', version: 2 });
    counter.phases[0]!.lengthDays = 5;
    const c = compareAgreements(offer, counter);
    expect(c.a).toEqual({ id: 'test-pause', title: 'Test pause', version: 1, kind: 'agreement' });
    expect(c.b).toEqual({ id: 'test-pause-counter', title: 'Test pause', version: 2, kind: 'proposal' });
    expect(c.terms.map((t) => t.path)).toEqual(['id', 'version', 'kind', 'phases[pause].lengthDays']);
    expect(c.summary.find((r) => r.term === 'Total duration')).toMatchObject({ a: '4 days', b: '5 days' });
    expect(c.outcomes.lastDay).toBe(5);
    expect(valueAt(c.outcomes, 'b:person', 5)).toEqual({ day: 5, a: 50, b: 50 });
  });

  it('when what-ifs are given per side, plans each side with its own', () => {
    const c = compareAgreements(pause(), pause(), { planB: { extend: 3 } });
    expect(c.terms).toEqual([]);
    expect(valueAt(c.outcomes, 'a:person', 7)).toEqual({ day: 7, a: 150, b: 240 });
    expect(c.summary.filter((r) => !r.same).map((r) => r.term)).toEqual([
      'Phase 1 (Pause) duration',
      'Total duration',
      'Exchange (exchange) released by Party B',
      'Exchange (exchange) released by Party A',
    ]);
  });

  it('gives a result that survives JSON unchanged', () => {
    const c = compareAgreements(pause(), pause({ version: 2 }), { planA: { extend: 1 } });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('refuses a what-if that does not fit, with the planner error', () => {
    expect(() => compareAgreements(pause(), pause(), { planB: { delay: { nope: 2 } } })).toThrow(PlanError);
  });
});
