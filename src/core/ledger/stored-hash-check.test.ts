import { describe, expect, it } from 'vitest';
import { HashArena } from './hash-arena.ts';
import { StoredHashCheck } from './stored-hash-check.ts';

const hash = (n: number) => new Uint8Array(32).fill(n % 256);

/** Stored hashes 0–39 as recomputed, but 5 and 6 missing, 12–14 changed, 20 missing, and 40–41 beyond the events. */
function stored(): { id: number; hash: Uint8Array }[] {
  const out = [];
  for (let id = 0; id < 42; id++) {
    if (id === 5 || id === 6 || id === 20) continue;
    out.push({ id, hash: id >= 12 && id <= 14 ? hash(id + 1) : hash(id) });
  }
  return out;
}

const EXPECTED = [
  { code: 'hash-missing', where: 'tree hashes 5–6', message: '2 tree hashes are missing from storage.' },
  {
    code: 'hash-mismatch',
    where: 'tree hashes 12–14',
    message: '3 tree hashes differ from the ones recomputed from the events.',
  },
  { code: 'hash-missing', where: 'tree hash 20', message: 'A tree hash is missing from storage.' },
  {
    code: 'hash-extra',
    where: 'tree hashes 40–41',
    message: '2 tree hashes are stored beyond the events of the log.',
  },
];

describe('StoredHashCheck', () => {
  it('names the same faults whether it reads on as the hashes are recomputed or only once they all are', async () => {
    for (const step of [1, 3, 7, 40]) {
      const hashes = new HashArena();
      let reads = 0;
      async function* stream() {
        for (const s of stored()) {
          reads++;
          yield s;
        }
      }
      const check = new StoredHashCheck(stream(), hashes);
      for (let id = 0; id < 40; id++) {
        hashes.push(hash(id));
        if ((id + 1) % step === 0) {
          await check.upTo();
          // Never a stored hash judged before its index is recomputed: one read ahead at most.
          expect(reads).toBeLessThanOrEqual(stored().filter((s) => s.id < hashes.length).length + 1);
        }
      }
      expect(await check.finish()).toEqual(EXPECTED);
    }
  });

  it('reads a synchronous stream too, and names every hash missing when none is stored', async () => {
    const hashes = new HashArena();
    for (let id = 0; id < 40; id++) hashes.push(hash(id));
    expect(await new StoredHashCheck(stored(), hashes).finish()).toEqual(EXPECTED);
    expect(await new StoredHashCheck([], hashes).finish()).toEqual([
      {
        code: 'hash-missing',
        where: 'tree hashes 0–39',
        message: '40 tree hashes are missing from storage.',
      },
    ]);
  });
});
