/**
 * Verification of RFC 9162 proofs (§2.1.3.2 inclusion, §2.1.4.2 consistency), in the
 * bit-by-bit form of transparency-dev/merkle proof/verify.go. Every failure throws a
 * LedgerError whose code says which check failed.
 */
import { bytesEqual } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import { checkCount, HASH_SIZE, type Hash, nodeHash, type Sha256 } from './merkle.ts';

/** Any hash that is not 32 bytes is refused before it is used (transparency-dev/merkle vectors). */
function checkHashes(what: string, hashes: Hash[]): void {
  hashes.forEach((h, i) => {
    if (h.length !== HASH_SIZE) {
      throw new LedgerError(
        'proof-bad-hash-size',
        `${what}${hashes.length > 1 ? ` ${i}` : ''} is ${h.length} bytes; a SHA-256 hash is ${HASH_SIZE}.`,
      );
    }
  });
}

function matchRoot(computed: Hash, root: Hash): void {
  if (!bytesEqual(computed, root)) {
    throw new LedgerError(
      'proof-root-mismatch',
      'The proof leads to a different root hash than the one given.',
    );
  }
}

/** a XOR b for integers up to 2^53 (the ^ operator would cut them to 32 bits). */
function xor(a: number, b: number): number {
  const high = (Math.floor(a / 2 ** 32) ^ Math.floor(b / 2 ** 32)) >>> 0;
  return high * 2 ** 32 + (((a >>> 0) ^ (b >>> 0)) >>> 0);
}

/** Bits of an index below the tree's split (the "inner" part of a proof), as in transparency-dev/merkle. */
function innerProofSize(index: number, size: number): number {
  let x = xor(index, size - 1);
  let bits = 0;
  while (x > 0) {
    bits++;
    x = Math.floor(x / 2);
  }
  return bits;
}

function ones(n: number): number {
  let c = 0;
  for (; n > 0; n = Math.floor(n / 2)) c += n % 2;
  return c;
}

/** Folds a hash up the tree with the proof's inner part (siblings on both sides). */
function chainInner(sha256: Sha256, seed: Hash, proof: Hash[], index: number): Hash {
  let h = seed;
  proof.forEach((p, i) => {
    h = Math.floor(index / 2 ** i) % 2 === 0 ? nodeHash(sha256, h, p) : nodeHash(sha256, p, h);
  });
  return h;
}

/** Folds only where the index bit is 1 (the left siblings): the first tree's side of a consistency proof. */
function chainInnerRight(sha256: Sha256, seed: Hash, proof: Hash[], index: number): Hash {
  let h = seed;
  proof.forEach((p, i) => {
    if (Math.floor(index / 2 ** i) % 2 === 1) h = nodeHash(sha256, p, h);
  });
  return h;
}

function chainBorderRight(sha256: Sha256, seed: Hash, proof: Hash[]): Hash {
  let h = seed;
  for (const p of proof) h = nodeHash(sha256, p, h);
  return h;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2). */
export function rootFromInclusionProof(
  sha256: Sha256,
  index: number,
  size: number,
  leaf: Hash,
  proof: Hash[],
): Hash {
  checkCount('The entry index', index);
  checkCount('The tree size', size);
  if (index >= size) {
    throw new LedgerError('proof-index-out-of-range', `Entry ${index} cannot be in a tree of size ${size}.`);
  }
  checkHashes('The leaf hash', [leaf]);
  const inner = innerProofSize(index, size);
  const border = ones(Math.floor(index / 2 ** inner));
  if (proof.length !== inner + border) {
    throw new LedgerError(
      'proof-wrong-length',
      `An inclusion proof of entry ${index} in a tree of size ${size} has ${inner + border} hashes, not ${proof.length}.`,
    );
  }
  checkHashes('Proof hash', proof);
  const h = chainInner(sha256, leaf, proof.slice(0, inner), index);
  return chainBorderRight(sha256, h, proof.slice(inner));
}

/** Checks that `leaf` is entry `index` of the tree of `size` with root `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  sha256: Sha256,
  index: number,
  size: number,
  leaf: Hash,
  proof: Hash[],
  root: Hash,
): void {
  const computed = rootFromInclusionProof(sha256, index, size, leaf, proof);
  checkHashes('The root hash', [root]);
  matchRoot(computed, root);
}

/**
 * Checks that the tree of size2 with root2 extends the tree of size1 with root1 (RFC 9162 §2.1.4.2).
 * As in transparency-dev/merkle, a proof from the empty tree is refused as meaningless.
 */
export function verifyConsistency(
  sha256: Sha256,
  size1: number,
  size2: number,
  proof: Hash[],
  root1: Hash,
  root2: Hash,
): void {
  checkCount('The old tree size', size1);
  checkCount('The new tree size', size2);
  if (size2 < size1)
    throw new LedgerError('proof-size-order', `The new size ${size2} is smaller than the old size ${size1}.`);
  if (size1 === 0)
    throw new LedgerError('proof-from-empty-tree', 'A consistency proof from the empty tree proves nothing.');
  if (size1 === size2) {
    if (proof.length > 0)
      throw new LedgerError('proof-not-empty', 'The sizes are equal, so the proof must be empty.');
    matchRoot(root1, root2);
    return;
  }
  if (proof.length === 0)
    throw new LedgerError('proof-wrong-length', 'The sizes differ, so the proof cannot be empty.');
  // Roots are checked once they enter hashing. With equal sizes only their equality is asked
  // (transparency-dev/merkle's vector sizes-are-equal-one-and-proof-is-empty uses 12-byte roots).
  checkHashes('The old root hash', [root1]);
  checkHashes('The new root hash', [root2]);
  checkHashes('Proof hash', proof);
  let inner = innerProofSize(size1 - 1, size2);
  const shift = trailingZeros(size1);
  inner -= shift;
  // When size1 is a power of two its root is a node of the new tree: the proof starts above it.
  const seed = size1 === 2 ** shift ? root1 : proof[0]!;
  const start = size1 === 2 ** shift ? 0 : 1;
  const mask = Math.floor((size1 - 1) / 2 ** shift);
  const rest = proof.slice(start);
  const border = ones(Math.floor(mask / 2 ** inner));
  if (rest.length !== inner + border) {
    throw new LedgerError(
      'proof-wrong-length',
      `A consistency proof from ${size1} to ${size2} has ${start + inner + border} hashes, not ${proof.length}.`,
    );
  }
  const innerPart = rest.slice(0, inner);
  const borderPart = rest.slice(inner);
  matchRoot(chainBorderRight(sha256, chainInnerRight(sha256, seed, innerPart, mask), borderPart), root1);
  matchRoot(chainBorderRight(sha256, chainInner(sha256, seed, innerPart, mask), borderPart), root2);
}

function trailingZeros(n: number): number {
  let z = 0;
  while (n > 0 && n % 2 === 0) {
    z++;
    n /= 2;
  }
  return z;
}
