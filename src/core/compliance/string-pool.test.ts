import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool.ts';

/** A value as JSON.parse gives one: strings made afresh, never the pool's. */
const parsed = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('StringPool', () => {
  it('changes no value: every event deep-equal after pooling (property, fixed seed)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 50 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    const pool = new StringPool(20, 40);
    fc.assert(
      fc.property(json, (v) => {
        const copy = parsed(v);
        pool.pool(copy);
        expect(copy).toEqual(v);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('gives one copy of a short string, and leaves a long one as it is', () => {
    const pool = new StringPool(10, 8);
    const a = pool.string(['tr', 'uck'].join(''));
    expect(pool.string(['t', 'ruck'].join(''))).toBe(a);
    expect(pool.size).toBe(1);
    pool.string('x'.repeat(9));
    expect(pool.size).toBe(1);
  });

  it('starts again empty once full, so free text costs a bounded map', () => {
    const pool = new StringPool(100, 40);
    for (let i = 0; i < 1000; i++) {
      pool.pool(parsed({ kind: 'statement', body: { text: `Update ${i}.` } }));
      expect(pool.size).toBeLessThanOrEqual(100);
    }
    // What repeats is pooled again after each start: the kind is held now.
    const before = pool.size;
    pool.pool(parsed({ kind: 'statement' }));
    expect(pool.size).toBe(before);
  });

  it('leaves the instants out of the pool, and makes equal instants one string', () => {
    const pool = new StringPool();
    const event = parsed({
      occurredAt: '2025-10-13T08:00:00Z',
      recordedAt: '2025-10-13T08:00:00Z',
      kind: 'aid.delivered',
      body: { unit: 'truck', items: ['a', 'b'] },
    });
    pool.pool(event);
    expect(event.recordedAt).toBe(event.occurredAt);
    expect(pool.size).toBe(4);
    expect(event).toEqual({
      occurredAt: '2025-10-13T08:00:00Z',
      recordedAt: '2025-10-13T08:00:00Z',
      kind: 'aid.delivered',
      body: { unit: 'truck', items: ['a', 'b'] },
    });
  });
});
