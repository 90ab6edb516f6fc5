import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agreementOf } from '../../../src/core/compliance/test-log.ts';
import { returnedRemains } from './returned-remains.ts';

const oct = agreementOf(
  readFileSync(new URL('../../../examples/agreements/oct-2025-ceasefire.yaml', import.meta.url), 'utf8'),
);

describe('returnedRemains', () => {
  it('names the remains each side hands over, and nothing for living persons', () => {
    expect(returnedRemains(oct, 'remains-exchange', 'hamas')?.map((c) => c.id)).toEqual([
      'deceased-hostages',
    ]);
    expect(returnedRemains(oct, 'remains-exchange', 'israel')?.map((c) => c.id)).toEqual([
      'palestinian-bodies',
    ]);
    const living = oct.provisions.find((p) => p.kind === 'exchange' && p.id !== 'remains-exchange')!;
    expect(returnedRemains(oct, living.id, 'hamas')).toBeNull();
    expect(returnedRemains(oct, living.id, 'israel')).toBeNull();
    expect(returnedRemains(oct, 'no-such-provision', 'hamas')).toBeNull();
  });
});
