import { describe, expect, it } from 'vitest';
import { phaseLanes } from './phase-lanes.ts';

describe('the rows of the phase timeline', () => {
  it('put phases one after another in one row, and phases that share a day in rows of their own', () => {
    const inTurn = phaseLanes([
      { id: 'p1', fromDay: 1, toDay: 42 },
      { id: 'p2', fromDay: 43, toDay: 84 },
    ]);
    expect([...inTurn.lanes]).toEqual([
      ['p1', 0],
      ['p2', 0],
    ]);
    expect(inTurn.count).toBe(1);
    // An open ceasefire drawn to day 741 and a 60-day period beside it; two rounds from days 1 and 18.
    const beside = phaseLanes([
      { id: 'cessation', fromDay: 1, toDay: 741 },
      { id: 'implementation', fromDay: 1, toDay: 60 },
      { id: 'after', fromDay: 61, toDay: 90 },
    ]);
    // The first listed on top; the one beside it below; the one after it in its row.
    expect(beside.lanes.get('cessation')).toBe(0);
    expect(beside.lanes.get('implementation')).toBe(1);
    expect(beside.lanes.get('after')).toBe(beside.lanes.get('implementation'));
    expect(beside.count).toBe(2);
    expect(phaseLanes([]).count).toBe(1);
  });
});
