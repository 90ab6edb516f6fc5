/**
 * A Merkle tree of RFC 9162 (§2.1) kept as stored hashes in the order of Go's
 * golang.org/x/mod/sumdb/tlog: every complete subtree's hash is stored once, right after the
 * hash that completes it, so appending record n writes 1 + trailingOnes(n) hashes and any proof
 * or tree hash reads O(log n) of them. Storage is behind `HashReader`; nothing here does I/O.
 */

export type Hash = Uint8Array;
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** Reads stored hashes by storage index, in the order asked. May be synchronous or not. */
export type HashReader = (indexes: number[]) => Promise<Hash[]> | Hash[];

/** RFC 9162 §2.1.1: MTH of one entry is SHA-256(0x00 || entry). */
export function leafHash(sha256: Sha256, data: Uint8Array): Hash {
  const buf = new Uint8Array(data.length + 1);
  buf.set(data, 1);
  return sha256(buf);
}

/** RFC 9162 §2.1.1: an interior node is SHA-256(0x01 || left || right). */
export function nodeHash(sha256: Sha256, left: Hash, right: Hash): Hash {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = 1;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** Storage index of the n'th hash at `level` (tlog.StoredHashIndex). */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}

/** How many hashes a tree of n records stores (tlog.StoredHashCount). */
export function storedHashCount(n: number): number {
  if (n === 0) return 0;
  let count = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = Math.floor(i / 2)) count++;
  return count;
}

/** Storage indexes that `storedHashes` for record n reads: the left siblings it completes. */
export function storedHashReads(n: number): number[] {
  let m = 0;
  while (Math.floor((n + 1) / 2 ** m) % 2 === 0) m++;
  const indexes: number[] = new Array(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, Math.floor(n / 2 ** i) - 1);
  return indexes;
}

/**
 * The hashes to store for record n with leaf hash `leaf`, in storage order starting at
 * storedHashIndex(0, n): the leaf, then each subtree it completes (tlog.StoredHashesForRecordHash).
 */
export async function storedHashes(sha256: Sha256, n: number, leaf: Hash, read: HashReader): Promise<Hash[]> {
  const indexes = storedHashReads(n);
  const old = await read(indexes);
  const out = [leaf];
  let h = leaf;
  for (let i = 0; i < indexes.length; i++) {
    h = nodeHash(sha256, old[indexes.length - 1 - i]!, h);
    out.push(h);
  }
  return out;
}

/** k = the largest power of two smaller than n (n > 1), and its log2. */
function split(n: number): [number, number] {
  let level = 0;
  while (2 ** (level + 1) < n) level++;
  return [2 ** level, level];
}

/** The complete, aligned subtrees that make up records [lo, hi), as (level, index) storage indexes. */
function subtreeIndexes(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const [k, level] = split(hi - lo + 1);
    need.push(storedHashIndex(level, lo / k));
    lo += k;
  }
  return need;
}

/** Folds the complete subtrees of a range, right to left, into the range's hash. */
function foldSubtrees(sha256: Sha256, hashes: Hash[]): Hash {
  let h = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(sha256, hashes[i]!, h);
  return h;
}

/** RFC 9162 §2.1.1: MTH of the empty tree is SHA-256 of the empty string. */
export function emptyTreeHash(sha256: Sha256): Hash {
  return sha256(new Uint8Array(0));
}

/** Hashes of the ranges [lo, hi), reading every stored hash they need in one call. */
async function rangeHashes(sha256: Sha256, ranges: [number, number][], read: HashReader): Promise<Hash[]> {
  const counts: number[] = [];
  const need: number[] = [];
  for (const [lo, hi] of ranges) {
    const before = need.length;
    subtreeIndexes(lo, hi, need);
    counts.push(need.length - before);
  }
  const hashes = await read(need);
  let at = 0;
  return counts.map((c) => {
    const h = foldSubtrees(sha256, hashes.slice(at, at + c));
    at += c;
    return h;
  });
}

/** MTH(D[0:n]), the root of the first n records (tlog.TreeHash). */
export async function treeHash(sha256: Sha256, n: number, read: HashReader): Promise<Hash> {
  if (n === 0) return emptyTreeHash(sha256);
  return (await rangeHashes(sha256, [[0, n]], read))[0]!;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]) as the ranges whose hashes form the proof, in order. */
function pathRanges(m: number, lo: number, hi: number, out: [number, number][]): void {
  if (hi - lo <= 1) return;
  const [k] = split(hi - lo);
  if (m < k) {
    pathRanges(m, lo, lo + k, out);
    out.push([lo + k, hi]);
  } else {
    pathRanges(m - k, lo + k, hi, out);
    out.push([lo, lo + k]);
  }
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[lo:hi], b) as ranges, in order. */
function subproofRanges(m: number, lo: number, hi: number, complete: boolean, out: [number, number][]): void {
  const n = hi - lo;
  if (m === n) {
    if (!complete) out.push([lo, hi]);
    return;
  }
  const [k] = split(n);
  if (m <= k) {
    subproofRanges(m, lo, lo + k, complete, out);
    out.push([lo + k, hi]);
  } else {
    subproofRanges(m - k, lo + k, hi, false, out);
    out.push([lo, lo + k]);
  }
}

/** The inclusion proof of record `index` in the tree of size `size` (RFC 9162 §2.1.3.1). */
export async function proveInclusion(
  sha256: Sha256,
  index: number,
  size: number,
  read: HashReader,
): Promise<Hash[]> {
  if (!(index >= 0 && index < size)) throw new RangeError(`record ${index} is not in a tree of size ${size}`);
  const ranges: [number, number][] = [];
  pathRanges(index, 0, size, ranges);
  return rangeHashes(sha256, ranges, read);
}

/** The consistency proof from size1 to size2 (RFC 9162 §2.1.4.1); empty when the sizes are equal. */
export async function proveConsistency(
  sha256: Sha256,
  size1: number,
  size2: number,
  read: HashReader,
): Promise<Hash[]> {
  if (!(size1 > 0 && size1 <= size2)) throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  const ranges: [number, number][] = [];
  subproofRanges(size1, 0, size2, true, ranges);
  return rangeHashes(sha256, ranges, read);
}
