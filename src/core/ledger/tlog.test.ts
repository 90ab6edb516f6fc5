import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { utf8 } from '../crypto/crypto.ts';
import { consistencyProof, inclusionProof, leafHash, rootHash } from './merkle.ts';
import {
  consistencyPlan,
  inclusionPlan,
  proveConsistency,
  proveInclusion,
  splitStoredHashIndex,
  storedHashCount,
  storedHashes,
  storedHashIndex,
  treeHash,
  treeHashPlan,
} from './tlog.ts';

const sha256 = nodeCrypto.sha256;

async function build(n: number) {
  const stored: Uint8Array[] = [];
  const read = (ix: number[]) => ix.map((i) => stored[i]!);
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    leaves.push(leafHash(sha256, utf8(`record ${i}`)));
    stored.push(...(await storedHashes(sha256, i, leaves[i]!, read)));
  }
  return { stored, read, leafAt: (i: number) => leaves[i]! };
}

describe('stored hash indexing (golang.org/x/mod/sumdb/tlog)', () => {
  it('places hashes as tlog does: leaves, then each subtree right after it completes', () => {
    // Records 0,1 → 0,1 and their parent 2; record 2 → 3; record 3 → 4, parent 5, grandparent 6.
    expect([0, 1, 2, 3, 4].map((n) => storedHashIndex(0, n))).toEqual([0, 1, 3, 4, 7]);
    expect([storedHashIndex(1, 0), storedHashIndex(1, 1), storedHashIndex(2, 0)]).toEqual([2, 5, 6]);
    expect([0, 1, 2, 3, 4, 5].map(storedHashCount)).toEqual([0, 1, 3, 4, 7, 8]);
  });

  it('splits every storage index back into its (level, n)', () => {
    for (let level = 0; level < 12; level++)
      for (let n = 0; n < 300; n++)
        expect(splitStoredHashIndex(storedHashIndex(level, n))).toEqual([level, n]);
    expect(splitStoredHashIndex(storedHashIndex(3, 123_456_789))).toEqual([3, 123_456_789]);
  });

  it('stores exactly storedHashCount(n) hashes for n records', async () => {
    const { stored } = await build(100);
    expect(stored).toHaveLength(storedHashCount(100));
  });
});

describe('proofs from stored hashes agree with the RFC 9162 definitions', () => {
  it('for every size, index and old size up to 48', async () => {
    const { read, leafAt } = await build(48);
    for (let size = 1; size <= 48; size++) {
      expect(await treeHash(sha256, size, read)).toEqual(rootHash(sha256, size, leafAt));
      for (let i = 0; i < size; i++)
        expect(await proveInclusion(sha256, i, size, read)).toEqual(inclusionProof(sha256, i, size, leafAt));
      for (let m = 1; m <= size; m++)
        expect(await proveConsistency(sha256, m, size, read)).toEqual(
          consistencyProof(sha256, m, size, leafAt),
        );
    }
  });
});

describe('a tree of 1,000,000 records', () => {
  const N = 1_000_000;
  const log2 = Math.ceil(Math.log2(N)); // 20

  it('answers the tree hash, any proof and any append from O(log n) stored hashes', () => {
    expect(treeHashPlan(N).indexes.length).toBeLessThanOrEqual(log2);
    for (const i of [0, 1, 499_999, 524_288, 999_999]) {
      expect(inclusionPlan(i, N).indexes.length).toBeLessThanOrEqual(2 * log2);
      expect(consistencyPlan(i + 1, N).indexes.length).toBeLessThanOrEqual(2 * log2);
    }
    expect(storedHashIndex(0, N - 1)).toBeLessThan(2 * N);
  });

  it('reads only stored hashes that exist in a tree of that size', () => {
    const count = storedHashCount(N);
    const all = [
      ...treeHashPlan(N).indexes,
      ...inclusionPlan(777_777, N).indexes,
      ...consistencyPlan(333_333, N).indexes,
    ];
    for (const i of all) expect(i).toBeLessThan(count);
  });
});
