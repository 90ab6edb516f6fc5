import { describe, expect, it } from 'vitest';
import { lazyArray } from './chunked-list.ts';
import { isMarked, mark, ONCE, SETTLED } from './list-marks.ts';

describe('marks on lists', () => {
  it('are seen by isMarked only: not by JSON, equality, keys or structured clone', () => {
    const list = ['a', 'b'];
    mark(list, SETTLED);
    expect(isMarked(list, SETTLED)).toBe(true);
    expect(isMarked(list, ONCE)).toBe(false);
    expect(isMarked(['a', 'b'], SETTLED)).toBe(false);
    expect(JSON.stringify(list)).toBe('["a","b"]');
    expect(Object.keys(list)).toEqual(['0', '1']);
    expect(list).toStrictEqual(['a', 'b']);
    expect(structuredClone(list)).toStrictEqual(['a', 'b']);
  });

  it('a frozen list is marked too', () => {
    const list = Object.freeze(['a']);
    mark(list, ONCE);
    expect(isMarked(list, ONCE)).toBe(true);
    expect(isMarked(list, SETTLED)).toBe(false);
  });

  it('marking a lazy array, or asking, does not read its items', () => {
    const chunks: number[][] = [
      [1, 2],
      [3, 4],
    ];
    let reads = 0;
    const values = chunks[Symbol.iterator].bind(chunks);
    chunks[Symbol.iterator] = () => {
      reads++;
      return values();
    };
    const lazy = lazyArray(chunks, 4);
    mark(lazy, SETTLED);
    expect(isMarked(lazy, SETTLED)).toBe(true);
    expect(isMarked(lazy, ONCE)).toBe(false);
    expect(lazy.length).toBe(4);
    expect(reads).toBe(0);
    expect(lazy[3]).toBe(4);
    expect(reads).toBe(1);
    expect(isMarked(lazy, SETTLED)).toBe(true);
  });
});
