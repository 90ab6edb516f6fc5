import { describe, expect, it } from 'vitest';
import { kept } from './kept.ts';

describe('kept', () => {
  it('makes a value once per key and hands back the same one after', () => {
    const map = new Map<string, { n: number }>();
    let made = 0;
    const make = () => ({ n: ++made });
    const first = kept(map, 'a', make);
    expect(kept(map, 'a', make)).toBe(first);
    expect(kept(map, 'b', make)).toEqual({ n: 2 });
    expect(made).toBe(2);
  });
});
