import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** [major, minor, patch] of the least version `>=X.Y[.Z]` allows. */
function leastVersion(range: string): number[] {
  const m = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error(`engines.node is "${range}"; expected ">=X.Y" or ">=X.Y.Z".`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

describe('package.json engines', () => {
  it('names no Node older than 22.18, the first that runs .ts files without a flag (bin/truce.js does)', () => {
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(read('bin/truce.js')).toMatch(/from '\.\.\/src\/cli\/main\.ts'/);
    const [major, minor, patch] = leastVersion(engines.node);
    // 22.18.0 turned type stripping on by default (22.12 still needed --experimental-strip-types).
    expect(major! * 1_000_000 + minor! * 1000 + patch!).toBeGreaterThanOrEqual(22_018_000);
  });
});
