/**
 * Seeded pseudo-random numbers for tests, so that a failure can be replayed: the seed is
 * TRUCE_TEST_SEED when set, else the default the test names; the test prints it.
 */
export function testSeed(defaultSeed: number): number {
  const given = process.env.TRUCE_TEST_SEED;
  if (given === undefined || given === '') return defaultSeed;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`TRUCE_TEST_SEED must be a whole number of at least 0, not "${given}".`);
  return seed;
}

/** mulberry32: a generator of whole numbers below `n` from a 32-bit seed. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
