import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { recordedCategories } from './recorded-categories.ts';
import { actors, agreementOf, logged } from './test-log.ts';

describe('recordedCategories', () => {
  it('keeps each category a record names with its figure, and what it does not split under the whole', () => {
    expect(recordedCategories({ categories: { s: 16, d: 3, y: 1 } }, 20, 'y+s+d')).toEqual([
      ['s', 16],
      ['d', 3],
      ['y', 1],
    ]);
    expect(recordedCategories({ categories: { s: 16 } }, 20, 'y+s')).toEqual([
      ['s', 16],
      ['y+s', 4],
    ]);
    expect(recordedCategories({ category: 's' }, 5, 'y+s')).toEqual([['s', 5]]);
    expect(recordedCategories({}, 70, 'y+s')).toEqual([['y+s', 70]]);
  });

  it('leaves a count it cannot split whole (named figures above it), and nothing for no count', () => {
    expect(recordedCategories({ categories: { s: 16, d: 3 } }, 12, 'y+s+d')).toEqual([['y+s+d', 12]]);
    expect(recordedCategories({ categories: { s: 16 } }, 0, 'y+s')).toEqual([]);
  });
});

describe('an exchange’s figures by category', () => {
  const agreement = agreementOf(
    FIXTURE_YAML.replace(
      'categories: [{ id: w, label: W, ratio: 3 }]',
      'categories: [{ id: w, label: W, ratio: 3 }, { id: m, label: M, ratio: 3 }]',
    ),
  );
  const handed = (hm: string, body: Record<string, unknown>) =>
    logged('a', 'handover.completed', `2024-01-01T${hm}:00+02:00`, {
      provision: 'ex',
      batch: 1,
      to: 'b',
      via: 'red',
      ...body,
    });

  it('given handovers that say how many of each category, then each keeps its figure, and the total is unchanged', () => {
    const e = evaluate(
      agreement,
      [...actors(), handed('09:00', { count: 2, categories: { w: 1, m: 1 } }), handed('10:00', { count: 3 })],
      '2024-01-01T20:00:00+02:00',
    );
    const forward = e.exchanges.directions[0]!;
    expect(forward.counted).toBe(5);
    expect(forward.byCategory).toEqual([
      { category: 'm', counted: 1, outside: 0 },
      { category: 'w', counted: 1, outside: 0 },
      { category: 'w+m', counted: 3, outside: 0 },
    ]);
    expect(forward.byCategory.reduce((a, c) => a + c.counted, 0)).toBe(forward.counted);
  });

  it('given no record, then the side’s categories together, at 0, as before', () => {
    const e = evaluate(agreement, actors(), '2024-01-01T20:00:00+02:00');
    expect(e.exchanges.directions[0]!.byCategory).toEqual([{ category: 'w+m', counted: 0, outside: 0 }]);
  });
});
