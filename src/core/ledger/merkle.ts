/**
 * The Merkle Tree Hash of RFC 9162 §2.1, written as the RFC defines it, over leaf hashes read
 * through an accessor. This is the reference: simple and O(n) per call. The log itself keeps
 * stored hashes (tlog.ts) and answers the same questions in O(log n) reads; tests hold the two
 * to the same results.
 */
import { LedgerError } from './ledger-error.ts';

export type Hash = Uint8Array;
export type Sha256 = (data: Uint8Array) => Uint8Array;
/** The leaf hash of entry `index`: from memory, a file, or a database. */
export type LeafHashAt = (index: number) => Hash;

/** Every hash in the tree is a SHA-256 output. */
export const HASH_SIZE = 32;

/**
 * Where the prefixed input of a hash is put together: one buffer for all, as a Sha256 is
 * synchronous (its input is read before it returns). Verify hashes every event and two nodes an
 * event on average: a buffer allocated each time (and collected) cost more than the copy.
 */
let scratch = new Uint8Array(1024);

/** The scratch buffer, `n` bytes long at least. */
function scratchOf(n: number): Uint8Array {
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(sha256: Sha256, data: Uint8Array): Hash {
  // An input larger than an event (a whole file, say) gets a buffer of its own.
  const buf = data.length < 1 << 16 ? scratchOf(data.length + 1) : new Uint8Array(data.length + 1);
  buf[0] = 0;
  buf.set(data, 1);
  return sha256(buf.subarray(0, data.length + 1));
}

/** RFC 9162 §2.1.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
export function nodeHash(sha256: Sha256, left: Hash, right: Hash): Hash {
  const n = 1 + left.length + right.length;
  const buf = scratchOf(n);
  buf[0] = 1;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf.subarray(0, n));
}

/** RFC 9162 §2.1.1: MTH({}) = SHA-256(), the hash of the empty string. */
export function emptyTreeHash(sha256: Sha256): Hash {
  return sha256(new Uint8Array(0));
}

/** RFC 9162 §2.1.1: k, the largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A tree size or an index: a non-negative safe integer, or a typed error. */
export function checkCount(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new LedgerError('proof-index-out-of-range', `${what} must be a whole number from 0, not ${n}.`);
  }
}

/**
 * MTH(D[lo:hi]) from its leaf hashes, left to right, keeping one hash per complete subtree (at
 * most log2 n of them): the same tree as the recursive definition, without the recursion.
 */
export function rangeHash(sha256: Sha256, lo: number, hi: number, leafAt: LeafHashAt): Hash {
  if (hi <= lo) return emptyTreeHash(sha256);
  const stack: { hash: Hash; size: number }[] = [];
  for (let i = lo; i < hi; i++) {
    let top = { hash: leafAt(i), size: 1 };
    while (stack.length > 0 && stack[stack.length - 1]!.size === top.size) {
      const left = stack.pop()!;
      top = { hash: nodeHash(sha256, left.hash, top.hash), size: 2 * top.size };
    }
    stack.push(top);
  }
  let h = stack.pop()!.hash;
  while (stack.length > 0) h = nodeHash(sha256, stack.pop()!.hash, h);
  return h;
}

/** MTH(D[0:n]): the root of the first n leaves. */
export function rootHash(sha256: Sha256, n: number, leafAt: LeafHashAt): Hash {
  checkCount('The tree size', n);
  return rangeHash(sha256, 0, n, leafAt);
}

/** RFC 9162 §2.1.3.1: PATH(m, D[lo:hi]), the audit path of leaf m (relative to lo). */
function path(sha256: Sha256, m: number, lo: number, hi: number, leafAt: LeafHashAt): Hash[] {
  if (hi - lo <= 1) return [];
  const k = splitPoint(hi - lo);
  if (m < k) return [...path(sha256, m, lo, lo + k, leafAt), rangeHash(sha256, lo + k, hi, leafAt)];
  return [...path(sha256, m - k, lo + k, hi, leafAt), rangeHash(sha256, lo, lo + k, leafAt)];
}

/** The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
export function inclusionProof(sha256: Sha256, index: number, size: number, leafAt: LeafHashAt): Hash[] {
  checkCount('The leaf index', index);
  checkCount('The tree size', size);
  if (index >= size) {
    throw new LedgerError('proof-index-out-of-range', `Leaf ${index} is not in a tree of size ${size}.`);
  }
  return path(sha256, index, 0, size, leafAt);
}

/** RFC 9162 §2.1.4.1: SUBPROOF(m, D[lo:hi], b). */
function subproof(sha256: Sha256, m: number, lo: number, hi: number, b: boolean, leafAt: LeafHashAt): Hash[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [rangeHash(sha256, lo, hi, leafAt)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(sha256, m, lo, lo + k, b, leafAt), rangeHash(sha256, lo + k, hi, leafAt)];
  return [...subproof(sha256, m - k, lo + k, hi, false, leafAt), rangeHash(sha256, lo, lo + k, leafAt)];
}

/**
 * The consistency proof from the tree of size1 leaves to the tree of size2 (RFC 9162 §2.1.4.1,
 * PROOF(m, D[n]) = SUBPROOF(m, D[n], true)): empty when the sizes are equal. From size 0 there
 * is nothing to prove, and this refuses, as verifyConsistency does.
 */
export function consistencyProof(sha256: Sha256, size1: number, size2: number, leafAt: LeafHashAt): Hash[] {
  checkCount('The old tree size', size1);
  checkCount('The new tree size', size2);
  if (size1 === 0) {
    throw new LedgerError('proof-from-empty-tree', 'A consistency proof from the empty tree proves nothing.');
  }
  if (size1 > size2) {
    throw new LedgerError('proof-size-order', `The new size ${size2} is smaller than the old size ${size1}.`);
  }
  return subproof(sha256, size1, 0, size2, true, leafAt);
}
