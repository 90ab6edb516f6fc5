import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList, isLazy, lazyArray, plainLists } from './chunked-list.ts';

/** One change to a list: where (a fraction of its length) and what. */
const aChange = fc.record({
  op: fc.constantFrom('push', 'push', 'insert', 'set', 'remove', 'snapshot'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  value: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('a list kept in chunks (ChunkedList)', () => {
  it('reads as a plain array changed the same way, and a list handed out never changes afterwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(aChange, { minLength: 1, maxLength: 300 }),
        (start, changes) => {
          const model = Array.from({ length: start }, (_, i) => i);
          const list = ChunkedList.from(model);
          // Handed-out lists and what they held then; some read at once, the rest only at the end.
          const handed: { list: readonly number[]; items: number[] }[] = [];
          for (const [k, c] of changes.entries()) {
            const i = Math.min(model.length - 1, Math.floor(c.at * model.length));
            if (c.op === 'push') {
              model.push(c.value);
              list.push(c.value);
            } else if (c.op === 'insert') {
              const j = Math.floor(c.at * (model.length + 1)) % (model.length + 1);
              model.splice(j, 0, c.value);
              list.insert(j, c.value);
            } else if (c.op === 'set' && model.length) {
              model[i] = c.value;
              list.set(i, c.value);
            } else if (c.op === 'remove' && model.length) {
              model.splice(i, 1);
              list.removeAt(i);
            } else {
              const shot = list.snapshot();
              expect(list.snapshot()).toBe(shot);
              expect(shot.length).toBe(model.length);
              if (k % 2) expect([...shot]).toEqual(model);
              handed.push({ list: shot, items: [...model] });
            }
            expect(list.length).toBe(model.length);
          }
          const items: number[] = [];
          list.forEachFrom(0, (x) => items.push(x));
          expect(items).toEqual(model);
          if (model.length) expect(list.at(model.length - 1)).toBe(model.at(-1));
          for (const h of handed) expect(JSON.stringify(h.list)).toBe(JSON.stringify(h.items));
        },
      ),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('splits a chunk grown by inserts, and drops one emptied by removals', () => {
    const model = Array.from({ length: 600 }, (_, i) => i);
    const list = ChunkedList.from(model);
    const before = list.snapshot();
    for (let k = 0; k < 1500; k++) {
      model.splice(300, 0, -k);
      list.insert(300, -k);
    }
    const grown = list.snapshot();
    for (let k = 0; k < 1800; k++) {
      model.splice(10, 1);
      list.removeAt(10);
    }
    expect([...list.snapshot()]).toEqual(model);
    expect([...before]).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(grown.length).toBe(2100);
    expect(grown[300]).toBe(-1499);
  });

  it('finds where an item goes in a list in order (firstNot)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 3000 }), fc.integer(), (xs, y) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const list = ChunkedList.from(sorted);
        const want = sorted.findIndex((x) => x > y);
        expect(list.firstNot((x) => x <= y)).toBe(want === -1 ? sorted.length : want);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('hands out a long list as a lazy array: a real array to every reader, copied out when first read', () => {
    const list = ChunkedList.from(Array.from({ length: 5000 }, (_, i) => `h${i}`));
    const shot = list.snapshot();
    expect(isLazy(shot)).toBe(true);
    expect(shot.length).toBe(5000);
    expect(Array.isArray(shot)).toBe(true);
    expect(shot[4999]).toBe('h4999');
    expect(shot.slice(10, 12)).toEqual(['h10', 'h11']);
    expect(shot.indexOf('h7')).toBe(7);
    expect(Object.keys(shot).length).toBe(5000);
    expect(JSON.stringify(shot)).toBe(JSON.stringify(Array.from({ length: 5000 }, (_, i) => `h${i}`)));
    // A short list is a plain one.
    const short = ChunkedList.from(['a', 'b']).snapshot();
    expect(isLazy(short)).toBe(false);
    expect(short).toEqual(['a', 'b']);
  });

  it('plainLists: lazy arrays made plain for structured clone, copying only what holds one', () => {
    const lazy = lazyArray([['a', 'b'], ['c']], 3);
    const untouched = { n: 1, list: [1, 2] };
    const value = { deep: { evidence: lazy, other: untouched }, same: untouched, top: [lazy] };
    expect(() => structuredClone(value)).toThrow();
    const plain = plainLists(value);
    expect(isLazy(plain.deep.evidence)).toBe(false);
    expect(plain.deep.evidence).toEqual(['a', 'b', 'c']);
    expect(plain.top[0]).toBe(plain.deep.evidence);
    expect(plain.deep.other).toBe(untouched);
    expect(plain.same).toBe(untouched);
    expect(isLazy(value.deep.evidence)).toBe(true);
    expect(structuredClone(plain)).toEqual({
      deep: { evidence: ['a', 'b', 'c'], other: untouched },
      same: untouched,
      top: [['a', 'b', 'c']],
    });
  });
});
