import { describe, expect, it } from 'vitest';
import { distribute, scheduleBatches } from './batches.ts';

const phase = { id: 'p', title: 'P', start: { day: 1 }, lengthDays: 42 };

describe('batches', () => {
  it('distributes a total as evenly as possible, larger parts first', () => {
    expect(distribute(50, 4)).toEqual([13, 13, 12, 12]);
    expect(distribute(26, 5)).toEqual([6, 5, 5, 5, 5]);
    expect(distribute(3, 0)).toEqual([]);
  });

  it('follows an explicit schedule: 3 on day 1, 4 on day 7, 26 weekly to day 42', () => {
    const batches = scheduleBatches(
      {
        party: 'b',
        to: 'a',
        total: 33,
        categories: [{ id: 'c', label: 'C', ratio: 30 }],
        cadence: {
          schedule: [
            { day: 1, count: 3 },
            { day: 7, count: 4 },
            { fromDay: 14, toDay: 42, count: 26, everyDays: 7 },
          ],
        },
      },
      42,
      phase,
      0,
    );
    expect(batches.map((b) => [b.phaseDay, b.count])).toEqual([
      [1, 3],
      [7, 4],
      [14, 6],
      [21, 5],
      [28, 5],
      [35, 5],
      [42, 5],
    ]);
  });

  it('without a total, plans the minimum per batch as a floor', () => {
    const batches = scheduleBatches(
      {
        party: 'b',
        to: 'a',
        categories: [{ id: 'c', label: 'C' }],
        cadence: { everyDays: 7 },
        minPerBatch: 5,
      },
      21,
      phase,
      0,
    );
    expect(batches).toEqual([
      { phaseDay: 1, count: 5, atLeast: true },
      { phaseDay: 8, count: 5, atLeast: true },
      { phaseDay: 15, count: 5, atLeast: true },
    ]);
  });

  it('leaves out empty batches when there are fewer persons than days', () => {
    const batches = scheduleBatches(
      { party: 'b', to: 'a', total: 2, categories: [{ id: 'c', label: 'C' }], cadence: 'daily' },
      4,
      phase,
      0,
    );
    expect(batches.map((b) => b.count)).toEqual([1, 1]);
  });
});
