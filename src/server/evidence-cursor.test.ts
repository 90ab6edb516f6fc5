import { describe, expect, it } from 'vitest';
import { CURSOR, cursorAfter, positionAfter } from './evidence-cursor.ts';

const h = (c: string) => c.repeat(64);

describe('evidence cursor', () => {
  const list = [h('a'), h('b'), h('c')];

  it('gives back the position after the last event listed', () => {
    expect(cursorAfter(list, 2)).toBe(`2.${'b'.repeat(16)}`);
    expect(CURSOR.test(cursorAfter(list, 2))).toBe(true);
    expect(positionAfter(list, cursorAfter(list, 2))).toBe(2);
    expect(positionAfter(list, cursorAfter(list, 3))).toBe(3);
  });

  it('finds its place again when an earlier event entered the list since', () => {
    const cursor = cursorAfter(list, 2);
    expect(positionAfter([h('0'), ...list], cursor)).toBe(3);
  });

  it('names no place when its event left the list, or when it is not a cursor', () => {
    expect(positionAfter([h('a'), h('c')], cursorAfter(list, 2))).toBeUndefined();
    for (const bad of [
      '',
      '2',
      '2.',
      `02.${'b'.repeat(16)}`,
      `2.${'B'.repeat(16)}`,
      `2.${'b'.repeat(15)}`,
      `-1.${'b'.repeat(16)}`,
    ])
      expect(positionAfter(list, bad), bad).toBeUndefined();
  });
});
