import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList } from './chunked-list.ts';
import {
  eachOnce,
  isSettled,
  mergeOrdered,
  OrderedHashes,
  orderedUnion,
  partsOf,
  settle,
} from './ordered-hashes.ts';

/** Hashes that sort by a number in them: "h007" before "h012". */
const rank = (h: string) => Number(h.slice(1));
const compare = (a: string, b: string) => rank(a) - rank(b);
const hashes = fc
  .array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 })
  .map((ns) => ns.map((n) => `h${n}`));
const sorted = (l: string[]) => [...l].sort(compare);

describe('lists of hashes kept in the order their events occurred', () => {
  it('merging two ordered lists gives the sorted whole, whichever is longer', () => {
    fc.assert(
      fc.property(hashes, hashes, (a, b) => {
        expect(mergeOrdered(sorted(a), sorted(b), compare)).toEqual(sorted([...a, ...b]));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the union of lists, ordered or not, has each hash once, in order, and is settled', () => {
    fc.assert(
      fc.property(fc.array(hashes, { maxLength: 5 }), (lists) => {
        const given = lists.map((l, i) => (i % 2 ? settle(sorted(l)) : l));
        const union = orderedUnion(given, compare);
        expect(union).toEqual(sorted([...new Set(lists.flat())]));
        expect(isSettled(union)).toBe(true);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('lists each holding each hash once, in spans that do not overlap, are joined into their union', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }), fc.nat(), (sizes, seed) => {
        let next = 0;
        const runs = sizes.map((n) => eachOnce(Array.from({ length: n }, () => `h${next++}`)));
        const shuffled = [...runs].sort(
          (a, b) => ((a.length * (seed + 3)) % 7) - ((b.length * (seed + 3)) % 7),
        );
        expect(orderedUnion(shuffled, compare)).toEqual(Array.from({ length: next }, (_, i) => `h${i}`));
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('lists of which some overlap and some do not: the union, joined from parts that are the lists or their merges', () => {
    // Spans (first hash, length), some overlapping, each list each hash once; some handed out as a
    // live log's long lists are (lazy arrays read from chunks).
    const span = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2500 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 6 }), (spans) => {
        const lists = spans.map(([from, n, chunked]) => {
          const items = Array.from({ length: n }, (_, i) => `h${from + i}`);
          const list = chunked ? ChunkedList.from(items).snapshot() : items;
          return eachOnce(list as string[]);
        });
        const union = orderedUnion(lists, compare);
        expect(union).toEqual(sorted([...new Set(lists.flatMap((l) => [...l]))]));
        const parts = partsOf(union);
        if (parts) expect(parts.flatMap((p) => [...p])).toEqual([...union]);
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('a union of lists that do not overlap is joined from those very lists, so what was done with each is found again', () => {
    const day = (from: number) =>
      eachOnce(
        ChunkedList.from(Array.from({ length: 3000 }, (_, i) => `h${from + i}`)).snapshot() as string[],
      );
    const [a, b, c] = [day(0), day(3000), day(6000)];
    const overlap = eachOnce(['h2999', 'h3000']);
    expect(partsOf(orderedUnion([c, a, b], compare))).toEqual([a, b, c]);
    const parts = partsOf(orderedUnion([c, a, b], compare))!;
    expect(parts[0]).toBe(a);
    expect(parts[2]).toBe(c);
    // Overlapping lists are merged into one part; the others stay themselves.
    const mixed = partsOf(orderedUnion([c, overlap, a, b], compare))!;
    expect(mixed).toHaveLength(2);
    expect(mixed[1]).toBe(c);
    expect(mixed[0]).toHaveLength(6000);
  });

  it('adding and removing keeps the order; a list handed out never changes afterwards', () => {
    fc.assert(
      fc.property(hashes, fc.array(fc.nat(), { maxLength: 20 }), (added, removals) => {
        const list = new OrderedHashes(compare);
        const kept: string[] = [];
        for (const [i, h] of added.entries()) {
          list.add(h);
          kept.push(h);
          if (i % 3 === 0) {
            const shared = list.shared();
            const before = [...shared];
            const r = removals[i % Math.max(1, removals.length)];
            if (r !== undefined && kept.length) {
              const gone = kept.splice(r % kept.length, 1)[0]!;
              list.remove(gone);
            }
            list.add('h30');
            kept.push('h30');
            expect(shared).toEqual(before);
          }
        }
        expect(list.shared()).toEqual(sorted(kept));
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('the same on lists of thousands of hashes (several chunks, handed out as lazy arrays)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 2500, maxLength: 4000 }),
        fc.array(fc.nat(), { maxLength: 200 }),
        (ranks, removals) => {
          const list = new OrderedHashes(compare);
          const kept: string[] = [];
          const handed: { list: readonly string[]; items: string[] }[] = [];
          for (const [i, n] of ranks.entries()) {
            list.add(`h${n}`);
            kept.push(`h${n}`);
            if (i % 97 === 0) {
              const r = removals[i % Math.max(1, removals.length)];
              if (r !== undefined) list.remove(kept.splice(r % kept.length, 1)[0]!);
              handed.push({ list: list.shared(), items: sorted(kept) });
            }
          }
          expect([...list.shared()]).toEqual(sorted(kept));
          for (const h of handed) expect([...h.list]).toEqual(h.items);
        },
      ),
      { numRuns: 20, seed: 12 },
    );
  });

  it('hashes added with their entries are placed as without them, whatever the order and removals', () => {
    const entry = (h: string) => ({ hash: h, at: rank(h), event: {} as never });
    fc.assert(
      fc.property(
        hashes,
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (added, given, removals) => {
          const list = new OrderedHashes(compare);
          const kept: string[] = [];
          for (const [i, h] of added.entries()) {
            list.add(h, given[i] ? entry(h) : undefined);
            kept.push(h);
            const r = removals[i];
            if (r !== undefined && i % 2 === 1) list.remove(kept.splice(r % kept.length, 1)[0]!);
          }
          expect([...list.shared()]).toEqual(sorted(kept));
        },
      ),
      { numRuns: 500, seed: 13 },
    );
  });
});
