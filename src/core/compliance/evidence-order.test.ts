import { describe, expect, it } from 'vitest';
import { orderEvidence } from './evidence-order.ts';
import { emptyState, type LogState } from './log-state.ts';

function state(entries: [hash: string, at: number][]): LogState {
  const s = emptyState();
  for (const [hash, at] of entries) s.byHash.set(hash, { hash, at, event: {} as never });
  return s;
}

describe('orderEvidence', () => {
  it('lists every evidence member, however deep, in the order its events occurred', () => {
    const s = state([
      ['aa', 3000],
      ['bb', 1000],
      ['cc', 2000],
      ['dd', 2000],
    ]);
    const evaluation = {
      evidence: ['aa', 'bb', 'cc'],
      provisions: [{ evidence: ['dd', 'aa', 'cc', 'bb'], nested: { evidence: ['aa', 'bb'] } }],
      // Not an evidence list of hashes: left as it is.
      disputedBy: { evidence: 'aa' },
      other: ['aa', 'bb'],
    };
    orderEvidence(evaluation, s);
    expect(evaluation.evidence).toEqual(['bb', 'cc', 'aa']);
    // Same instant: by leaf hash.
    expect(evaluation.provisions[0]!.evidence).toEqual(['bb', 'cc', 'dd', 'aa']);
    expect(evaluation.provisions[0]!.nested.evidence).toEqual(['bb', 'aa']);
    expect(evaluation.disputedBy.evidence).toBe('aa');
    expect(evaluation.other).toEqual(['aa', 'bb']);
  });

  it('puts a hash the log does not hold last', () => {
    const value = { evidence: ['zz', 'bb', 'aa'] };
    orderEvidence(
      value,
      state([
        ['aa', 2],
        ['bb', 1],
      ]),
    );
    expect(value.evidence).toEqual(['bb', 'aa', 'zz']);
  });
});
