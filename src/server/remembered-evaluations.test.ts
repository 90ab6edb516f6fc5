import { describe, expect, it } from 'vitest';
import type { Agreement } from '../core/agreement/types.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { evidenceHeld, RememberedEvaluations } from './remembered-evaluations.ts';

const agreement = { id: 'a' } as unknown as Agreement;
/** An evaluation-shaped value whose evidence lists hold `n` hashes between them. */
const judged = (n: number, at: string) =>
  ({
    asOf: at,
    provisions: [{ provision: 'aid', evidence: Array.from({ length: n - 1 }, (_, i) => `h${i}`) }],
    obligations: [{ figures: [{ source: 'x', evidence: ['h'] }] }],
  }) as unknown as Evaluation;

describe('evidenceHeld', () => {
  it('counts the hashes of every evidence list, however deep', () => {
    expect(evidenceHeld(judged(10, 't'))).toBe(10);
    expect(evidenceHeld({ a: [{ b: { evidence: ['x', 'y'] } }, { evidence: [] }], evidence: ['z'] })).toBe(3);
    expect(evidenceHeld(null)).toBe(0);
  });
});

describe('RememberedEvaluations', () => {
  it('finds an evaluation by size, agreement (the same object) and moment', () => {
    const r = new RememberedEvaluations(16, 1000);
    const e = judged(5, 't1');
    r.keep(7, agreement, 't1', e);
    expect(r.find(7, agreement, 't1')).toBe(e);
    expect(r.find(8, agreement, 't1')).toBeUndefined();
    expect(r.find(7, { ...agreement }, 't1')).toBeUndefined();
    expect(r.find(7, agreement, 't2')).toBeUndefined();
  });

  it('keeps at most its count, newest first', () => {
    const r = new RememberedEvaluations(3, 1000);
    for (const at of ['t1', 't2', 't3', 't4']) r.keep(1, agreement, at, judged(2, at));
    expect(r.moments()).toEqual(['t4', 't3', 't2']);
  });

  it('keeps no more evidence than its bound, but always the newest', () => {
    const r = new RememberedEvaluations(16, 1000);
    r.keep(1, agreement, 't1', judged(400, 't1'));
    r.keep(1, agreement, 't2', judged(400, 't2'));
    expect(r.moments()).toEqual(['t2', 't1']);
    r.keep(1, agreement, 't3', judged(400, 't3'));
    expect(r.moments()).toEqual(['t3', 't2']);
    r.keep(1, agreement, 't4', judged(5000, 't4'));
    expect(r.moments()).toEqual(['t4']);
  });
});

describe('RememberedEvaluations with lists shared between evaluations', () => {
  it('pays for a list kept by several evaluations once', () => {
    const shared = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const sharing = (at: string) =>
      ({
        asOf: at,
        provisions: [{ provision: 'aid', evidence: shared }],
        obligations: [{ evidence: [at] }],
      }) as unknown as Evaluation;
    const r = new RememberedEvaluations(16, 1000);
    for (const at of ['t1', 't2', 't3', 't4']) r.keep(1, agreement, at, sharing(at));
    // Four evaluations of 401 hashes each, 404 between them: all kept.
    expect(r.moments()).toEqual(['t4', 't3', 't2', 't1']);
    // Evaluations that share nothing are each paid for in full.
    r.keep(1, agreement, 't5', judged(400, 't5'));
    r.keep(1, agreement, 't6', judged(400, 't6'));
    expect(r.moments()).toEqual(['t6', 't5']);
  });
});
