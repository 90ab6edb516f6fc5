import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { vectorFiles } from '../../../test/helpers/vectors.ts';
import { LedgerError } from './ledger-error.ts';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './merkle-verify.ts';
import {
  consistencyPlan,
  inclusionPlan,
  leafHash,
  proveConsistency,
  proveInclusion,
  storedHashes,
  treeHash,
} from './tlog.ts';

const sha256 = (d: Uint8Array) => new Uint8Array(createHash('sha256').update(d).digest());
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

interface Inclusion {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface Consistency {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const inclusion = vectorFiles('merkle/inclusion');
const consistency = vectorFiles('merkle/consistency');

describe('transparency-dev/merkle vectors', () => {
  it('are all there', () => {
    expect(inclusion.length + consistency.length).toBeGreaterThanOrEqual(190);
  });

  it.each(inclusion.map((v) => [v.name, v.json as Inclusion] as const))('inclusion %s', (_, v) => {
    const run = () =>
      verifyInclusion(sha256, v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root));
    if (v.wantErr) expect(run).toThrow(LedgerError);
    else expect(run).not.toThrow();
  });

  it.each(consistency.map((v) => [v.name, v.json as Consistency] as const))('consistency %s', (_, v) => {
    const run = () =>
      verifyConsistency(sha256, v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2));
    if (v.wantErr) expect(run).toThrow(LedgerError);
    else expect(run).not.toThrow();
  });
});

/** A tree held in memory the way the store holds it: stored hashes by storage index. */
async function buildTree(n: number) {
  const stored: Uint8Array[] = [];
  const read = (indexes: number[]) => indexes.map((i) => stored[i]!);
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const leaf = leafHash(sha256, new TextEncoder().encode(`entry ${i}`));
    leaves.push(leaf);
    stored.push(...(await storedHashes(sha256, i, leaf, read)));
  }
  return { read, leaves };
}

/** RFC 9162 MTH computed directly from the leaves, as the reference. */
function reference(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  const l = reference(leaves.slice(0, k));
  const r = reference(leaves.slice(k));
  return sha256(new Uint8Array([1, ...l, ...r]));
}

describe('proofs from stored hashes', () => {
  it('tree hashes match the RFC 9162 definition for every size up to 70', async () => {
    const { read, leaves } = await buildTree(70);
    for (let n = 0; n <= 70; n++)
      expect(await treeHash(sha256, n, read)).toEqual(reference(leaves.slice(0, n)));
  });

  it('every inclusion and consistency proof verifies, and a flipped bit never does (fast-check)', async () => {
    const { read, leaves } = await buildTree(130);
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 130 })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.integer({ min: 0, max: size - 1 }),
              fc.integer({ min: 1, max: size }),
              fc.nat(),
            ),
          ),
        async ([size, index, size1, bit]) => {
          const root = await treeHash(sha256, size, read);
          const proof = await proveInclusion(sha256, index, size, read);
          verifyInclusion(sha256, index, size, leaves[index]!, proof, root);
          const root1 = await treeHash(sha256, size1, read);
          const cproof = size1 === size ? [] : await proveConsistency(sha256, size1, size, read);
          verifyConsistency(sha256, size1, size, cproof, root1, root);
          if (proof.length > 0) {
            const bad = proof.map((h) => h.slice());
            const at = bit % (proof.length * 256);
            bad[Math.floor(at / 256)]![Math.floor((at % 256) / 8)]! ^= 1 << (at % 8);
            expect(() => verifyInclusion(sha256, index, size, leaves[index]!, bad, root)).toThrow(
              LedgerError,
            );
          }
          if (cproof.length > 0) {
            const bad = cproof.map((h) => h.slice());
            const at = bit % (cproof.length * 256);
            bad[Math.floor(at / 256)]![Math.floor((at % 256) / 8)]! ^= 1 << (at % 8);
            expect(() => verifyConsistency(sha256, size1, size, bad, root1, root)).toThrow(LedgerError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const dummy = (n: number) => Array.from({ length: n }, () => new Uint8Array(32).fill(7));

describe('trees beyond 2^32 entries', () => {
  it('the verifier expects exactly as many hashes as the prover gives, up to 2^53 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: Number.MAX_SAFE_INTEGER })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.integer({ min: 0, max: size - 1 }),
              fc.integer({ min: 1, max: size - 1 }),
            ),
          ),
        ([size, index, size1]) => {
          const n = inclusionPlan(index, size).counts.length;
          expect(codeOf(() => rootFromInclusionProof(sha256, index, size, dummy(1)[0]!, dummy(n)))).toBe(
            'no error',
          );
          expect(codeOf(() => rootFromInclusionProof(sha256, index, size, dummy(1)[0]!, dummy(n + 1)))).toBe(
            'proof-wrong-length',
          );
          const m = consistencyPlan(size1, size).counts.length;
          const root = dummy(1)[0]!;
          expect(codeOf(() => verifyConsistency(sha256, size1, size, dummy(m), root, root))).toBe(
            'proof-root-mismatch',
          );
          expect(codeOf(() => verifyConsistency(sha256, size1, size, dummy(m + 1), root, root))).toBe(
            'proof-wrong-length',
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('entry 5 of a tree of 2^32 + 10 needs a 33-hash proof (the ^ operator would say 4)', () => {
    expect(inclusionPlan(5, 2 ** 32 + 10).counts.length).toBe(33);
    expect(codeOf(() => rootFromInclusionProof(sha256, 5, 2 ** 32 + 10, dummy(1)[0]!, dummy(4)))).toBe(
      'proof-wrong-length',
    );
  });
});

describe('refusals before any hashing', () => {
  const h = dummy(1)[0]!;
  it('indexes and sizes that are not whole numbers, and hashes that are not 32 bytes', () => {
    expect(codeOf(() => verifyInclusion(sha256, 0.5, 4, h, dummy(2), h))).toBe('proof-index-out-of-range');
    expect(codeOf(() => verifyInclusion(sha256, 0, Number.NaN, h, [], h))).toBe('proof-index-out-of-range');
    expect(codeOf(() => verifyInclusion(sha256, 0, 2 ** 53, h, [], h))).toBe('proof-index-out-of-range');
    expect(codeOf(() => verifyInclusion(sha256, 0, 1, h, [], h.slice(1)))).toBe('proof-bad-hash-size');
    expect(codeOf(() => verifyInclusion(sha256, 0, 2, h, [h.slice(1)], h))).toBe('proof-bad-hash-size');
    expect(codeOf(() => verifyConsistency(sha256, 1, 2, [h], h.slice(1), h))).toBe('proof-bad-hash-size');
    expect(codeOf(() => verifyConsistency(sha256, 1, 2.5, [h], h, h))).toBe('proof-index-out-of-range');
  });
});
