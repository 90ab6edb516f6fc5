import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom, testSeed } from './helpers/seeded-random.ts';

describe('seeded test randomness', () => {
  afterEach(() => {
    delete process.env.TRUCE_TEST_SEED;
  });

  it('gives the same sequence for the same seed, within range, and another for another seed', () => {
    const draw = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 50 }, () => r(150));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const n of draw(20231124)) expect(n >= 0 && n < 150 && Number.isInteger(n)).toBe(true);
  });

  it('takes the seed from TRUCE_TEST_SEED to replay a failure, and refuses one that is not a whole number', () => {
    expect(testSeed(42)).toBe(42);
    process.env.TRUCE_TEST_SEED = '977';
    expect(testSeed(42)).toBe(977);
    process.env.TRUCE_TEST_SEED = 'abc';
    expect(() => testSeed(42)).toThrow(/TRUCE_TEST_SEED must be a whole number/);
  });
});
