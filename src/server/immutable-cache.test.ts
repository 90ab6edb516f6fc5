import { describe, expect, it } from 'vitest';
import { ImmutableCache } from './immutable-cache.ts';

const of = (n: number) => ({ bytes: new Uint8Array(n) });

describe('ImmutableCache', () => {
  it('keeps within its byte budget, dropping the least recently used first', () => {
    const cache = new ImmutableCache(100);
    cache.set('a', of(40));
    cache.set('b', of(40));
    expect(cache.get('a')?.bytes.length).toBe(40);
    cache.set('c', of(40));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((v) => v !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    expect(cache.bytes).toBe(80);
  });

  it('refuses a value larger than the whole budget, and replaces a key without counting it twice', () => {
    const cache = new ImmutableCache(100);
    cache.set('big', of(101));
    expect(cache.size).toBe(0);
    cache.set('a', of(30));
    cache.set('a', of(50));
    expect([cache.size, cache.bytes]).toEqual([1, 50]);
  });

  it('with a share per entry, counts each entry and its key besides its bytes', () => {
    const cache = new ImmutableCache(1000, 100);
    cache.set('ab', of(10));
    expect(cache.bytes).toBe(10 + 100 + 4);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, of(0));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBeLessThan(10);
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});
