import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/types.ts';
import { pause } from '../plan/fixtures/pause.ts';
import { diffTerms } from './diff-terms.ts';

/** Deep equality as the diff understands it: key order, undefined members and $schema do not count. */
function deepEqual(a: Agreement, b: Agreement): boolean {
  const plain = (x: Agreement) => {
    const { $schema: _, ...rest } = x;
    return JSON.stringify(rest, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([p], [q]) => p.localeCompare(q)))
        : v,
    );
  };
  return plain(a) === plain(b);
}

type Mutation = (a: Agreement) => void;

const id = fc.constantFrom('pause', 'truce', 'aid', 'exchange', 'x-1', 'women');
const small = fc.integer({ min: 0, max: 6 });

/** Small edits, some of which change nothing (same value set again), so both sides of "iff" occur. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  small.map((n) => (a: Agreement) => {
    a.phases[0]!.lengthDays = n || 4;
  }),
  id.map((v) => (a: Agreement) => {
    a.phases[0]!.id = v;
  }),
  fc.tuple(fc.nat(2), id).map(([i, v]) => (a: Agreement) => {
    const p = a.provisions[i];
    if (p) p.id = v;
  }),
  fc.tuple(fc.nat(2), id).map(([i, v]) => (a: Agreement) => {
    const p = a.provisions[i];
    if (p) p.phase = v;
  }),
  fc.nat(2).map((i) => (a: Agreement) => {
    a.provisions.splice(i, 1);
  }),
  fc.tuple(fc.nat(1), fc.integer({ min: 0, max: 300 })).map(([i, n]) => (a: Agreement) => {
    const aid = a.provisions.find((p) => p.kind === 'aid');
    if (aid?.kind === 'aid' && aid.perDay[i]) aid.perDay[i]!.quantity = n === 0 ? 200 : n;
  }),
  fc.boolean().map((on) => (a: Agreement) => {
    const aid = a.provisions.find((p) => p.kind === 'aid');
    if (aid?.kind === 'aid') aid.perDay[0]!.atLeast = on ? true : undefined;
  }),
  fc.tuple(fc.nat(1), small).map(([i, n]) => (a: Agreement) => {
    const ex = a.provisions.find((p) => p.kind === 'exchange');
    if (ex?.kind === 'exchange' && ex.release.categories[i]) ex.release.categories[i]!.ratio = n || 3;
  }),
  fc
    .constantFrom<Agreement['title']>('Test pause', 'Other', { en: 'Test pause' })
    .map((t) => (a: Agreement) => {
      a.title = t;
    }),
  fc.constantFrom<string[]>(['a', 'b'], ['b', 'a'], ['a']).map((parties) => (a: Agreement) => {
    const c = a.provisions.find((p) => p.kind === 'cessation');
    if (c?.kind === 'cessation') c.parties = parties;
  }),
  fc
    .constantFrom<'daily' | { everyDays: number }>('daily', { everyDays: 2 })
    .map((cadence) => (a: Agreement) => {
      const ex = a.provisions.find((p) => p.kind === 'exchange');
      if (ex?.kind === 'exchange') ex.release.cadence = cadence;
    }),
  fc.constantFrom('one', 'two').map((s) => (a: Agreement) => {
    a.sources = [s];
  }),
  fc.nat(1).map((i) => (a: Agreement) => {
    a.provisions.push(...a.provisions.splice(i, 1));
  }),
  fc.constant((a: Agreement) => {
    const ex = a.provisions.find((p) => p.kind === 'exchange');
    if (ex?.kind === 'exchange') ex.release.categories.reverse();
  }),
  fc.constant((a: Agreement) => {
    a.$schema = 'agreement.schema.json';
  }),
  fc.constant((a: Agreement) => {
    a.phases.push({ id: 'phase-2', title: 'Phase 2', start: { afterPhase: a.phases[0]!.id } });
  }),
);

const mutated = fc.array(mutation, { minLength: 0, maxLength: 3 }).map((ms) => {
  const b = pause();
  for (const m of ms) m(b);
  return b;
});

describe('diffTerms properties', () => {
  it('an agreement compared with itself has no changes', () => {
    fc.assert(
      fc.property(mutated, (a) => {
        expect(diffTerms(a, a)).toEqual([]);
        expect(diffTerms(a, structuredClone(a))).toEqual([]);
      }),
    );
  });

  it('finds no change exactly when the two agreements are deep-equal, either way round', () => {
    fc.assert(
      fc.property(mutated, mutated, (a, b) => {
        const equal = deepEqual(a, b);
        expect(diffTerms(a, b).length === 0).toBe(equal);
        expect(diffTerms(b, a).length === 0).toBe(equal);
      }),
      { numRuns: 300 },
    );
  });

  it('every change has a path, a label and the values it names', () => {
    fc.assert(
      fc.property(mutated, mutated, (a, b) => {
        for (const c of diffTerms(a, b)) {
          expect(c.path).not.toBe('');
          expect(c.label.length).toBeGreaterThan(0);
          if (c.change !== 'added') expect(c.before).toBeDefined();
          if (c.change !== 'removed') expect(c.after).toBeDefined();
        }
      }),
    );
  });
});
