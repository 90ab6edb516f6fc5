import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { fromHex, toHex, utf8 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  consistencyProof,
  emptyTreeHash,
  inclusionProof,
  leafHash,
  nodeHash,
  rangeHash,
  rootHash,
  splitPoint,
} from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './merkle-verify.ts';

const sha256 = nodeCrypto.sha256;
const leaves = Array.from({ length: 70 }, (_, i) => leafHash(sha256, utf8(`entry ${i}`)));
const leafAt = (i: number) => leaves[i]!;

/** MTH written exactly as the recursion of RFC 9162 §2.1.1, to hold the iterative one to it. */
function recursive(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyTreeHash(sha256);
  if (hashes.length === 1) return hashes[0]!;
  const k = splitPoint(hashes.length);
  return nodeHash(sha256, recursive(hashes.slice(0, k)), recursive(hashes.slice(k)));
}

describe('RFC 9162 §2.1 hashing', () => {
  it('hashes leaves with 0x00 and nodes with 0x01 in front', () => {
    expect(leafHash(sha256, new Uint8Array())).toEqual(sha256(new Uint8Array([0])));
    const l = new Uint8Array(32).fill(1);
    const r = new Uint8Array(32).fill(2);
    expect(nodeHash(sha256, l, r)).toEqual(sha256(new Uint8Array([1, ...l, ...r])));
    expect(toHex(emptyTreeHash(sha256))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('matches the RFC 6962 reference tree of 8 leaves (certificate-transparency-go test data)', () => {
    // Leaves "", 0x00, 0x10, 0x2021, 0x3031, 0x40414243, 0x5051525354555657, 0x606162...6f.
    const data = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ];
    const hashes = data.map((d) => leafHash(sha256, fromHex(d)));
    expect(toHex(rootHash(sha256, 8, (i) => hashes[i]!))).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
    expect(toHex(rootHash(sha256, 1, (i) => hashes[i]!))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('splits at the largest power of two below n', () => {
    expect([2, 3, 4, 5, 8, 9, 1000].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512]);
  });

  it('computes every range hash as the recursive definition does', () => {
    for (let lo = 0; lo < 20; lo++)
      for (let hi = lo; hi <= 40; hi++)
        expect(rangeHash(sha256, lo, hi, leafAt)).toEqual(recursive(leaves.slice(lo, hi)));
  });
});

describe('proofs from a leaf-hash accessor', () => {
  it('inclusion and consistency proofs for every pair of sizes up to 40 verify', () => {
    for (let size = 1; size <= 40; size++) {
      const root = rootHash(sha256, size, leafAt);
      for (let i = 0; i < size; i++)
        verifyInclusion(sha256, i, size, leaves[i]!, inclusionProof(sha256, i, size, leafAt), root);
      for (let m = 1; m <= size; m++) {
        const proof = consistencyProof(sha256, m, size, leafAt);
        verifyConsistency(sha256, m, size, proof, rootHash(sha256, m, leafAt), root);
      }
    }
  });

  it('a proof for one leaf does not prove another (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 70 }), fc.nat(), fc.nat(), (size, a, b) => {
        const [i, j] = [a % size, b % size];
        fc.pre(i !== j);
        const proof = inclusionProof(sha256, i, size, leafAt);
        const root = rootHash(sha256, size, leafAt);
        expect(() => verifyInclusion(sha256, j, size, leaves[i]!, proof, root)).toThrow(LedgerError);
        expect(() => verifyInclusion(sha256, i, size, leaves[j]!, proof, root)).toThrow(LedgerError);
      }),
    );
  });

  it('refuses what cannot be proved, with a code', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as LedgerError).code;
      }
      return 'no error';
    };
    expect(code(() => inclusionProof(sha256, 5, 5, leafAt))).toBe('proof-index-out-of-range');
    expect(code(() => inclusionProof(sha256, -1, 5, leafAt))).toBe('proof-index-out-of-range');
    expect(code(() => inclusionProof(sha256, 0.5, 5, leafAt))).toBe('proof-index-out-of-range');
    expect(code(() => consistencyProof(sha256, 0, 5, leafAt))).toBe('proof-from-empty-tree');
    expect(code(() => consistencyProof(sha256, 6, 5, leafAt))).toBe('proof-size-order');
    expect(consistencyProof(sha256, 5, 5, leafAt)).toEqual([]);
  });
});
