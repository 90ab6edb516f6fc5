import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { actors, agreementOf } from '../compliance/test-log.ts';
import { REMAINS_YAML } from './fixture-remains.ts';
import { headlineFigures } from './headline-figures.ts';
import { returnedRemains } from './returned-remains.ts';

const agreement = agreementOf(REMAINS_YAML);

describe('returnedRemains', () => {
  it('given a side whose every category is remains, then names its categories in the agreement’s order', () => {
    expect(returnedRemains(agreement, 'bodies', 'a')).toEqual(['dead-soldiers', 'dead-civilians']);
    expect(returnedRemains(agreement, 'bodies', 'b')).toEqual(['bodies-held']);
    expect(returnedRemains(agreement, 'dead-for-living', 'a')).toEqual(['remains-held']);
  });

  it('given living persons, a side without categories, a party not of the exchange or another provision, then null', () => {
    expect(returnedRemains(agreement, 'dead-for-living', 'b')).toBeNull();
    expect(returnedRemains(agreement, 'ex', 'a')).toBeNull();
    expect(returnedRemains(agreement, 'ex', 'b')).toBeNull();
    expect(returnedRemains(agreement, 'bodies', 'med')).toBeNull();
    expect(returnedRemains(agreement, 'aid', 'b')).toBeNull();
    expect(returnedRemains(agreement, 'no-such-provision', 'a')).toBeNull();
  });

  it('given the headline figures, then each side that hands over remains carries its categories, and no side of living persons does', () => {
    const h = headlineFigures(agreement, evaluate(agreement, actors(), '2024-01-03T12:00:00+02:00'));
    const remains = Object.fromEntries(h.releases.map((r) => [`${r.provision}:${r.party}`, r.remains]));
    expect(remains).toEqual({
      'bodies:a': ['dead-soldiers', 'dead-civilians'],
      'bodies:b': ['bodies-held'],
      'dead-for-living:a': ['remains-held'],
      'dead-for-living:b': undefined,
      'ex:a': undefined,
      'ex:b': undefined,
    });
    // Absent, not false or empty, for the living: the model's JSON is unchanged for them.
    expect(h.releases.filter((r) => 'remains' in r).map((r) => `${r.provision}:${r.party}`)).toEqual([
      'bodies:a',
      'bodies:b',
      'dead-for-living:a',
    ]);
  });
});
