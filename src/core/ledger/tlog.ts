/**
 * A Merkle tree of RFC 9162 (§2.1) kept as stored hashes in the order of Go's
 * golang.org/x/mod/sumdb/tlog: every complete subtree's hash is stored once, right after the
 * hash that completes it, so appending record n writes 1 + trailingOnes(n) hashes and any proof
 * or tree hash reads O(log n) of them. Storage is behind `HashReader`; nothing here does I/O.
 */
import { LedgerError } from './ledger-error.ts';
import { checkCount, emptyTreeHash, type Hash, nodeHash, type Sha256, splitPoint } from './merkle.ts';

export { emptyTreeHash, type Hash, leafHash, nodeHash, type Sha256 } from './merkle.ts';

/** Reads stored hashes by storage index, in the order asked. May be synchronous or not. */
export type HashReader = (indexes: number[]) => Promise<Hash[]> | Hash[];

/** Storage index of the n'th hash at `level` (tlog.StoredHashIndex). */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}

/** The (level, n) of a storage index: the inverse of storedHashIndex (tlog.SplitStoredHashIndex). */
export function splitStoredHashIndex(index: number): [level: number, n: number] {
  // storedHashIndex(0, r) <= index < 2r + 1 for the record r that wrote it: start at index / 2.
  let r = Math.floor(index / 2);
  let at = storedHashIndex(0, r);
  for (;;) {
    const next = at + 1 + trailingOnes(r); // record r writes its leaf and each subtree it completes
    if (next > index) break;
    r++;
    at = next;
  }
  const level = index - at;
  return [level, Math.floor(r / 2 ** level)];
}

function trailingOnes(n: number): number {
  let c = 0;
  for (; n % 2 === 1; n = Math.floor(n / 2)) c++;
  return c;
}

/** How many hashes a tree of n records stores (tlog.StoredHashCount). */
export function storedHashCount(n: number): number {
  if (n === 0) return 0;
  return storedHashIndex(0, n - 1) + 1 + trailingOnes(n - 1);
}

/** Storage indexes that `storedHashes` for record n reads: the left siblings it completes. */
export function storedHashReads(n: number): number[] {
  const m = trailingOnes(n);
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

/** The complete, aligned subtrees that make up records [lo, hi), as storage indexes, left first. */
function subtreeIndexes(lo: number, hi: number, need: number[]): void {
  while (lo < hi) {
    const k = splitPoint(hi - lo + 1);
    need.push(storedHashIndex(Math.log2(k), lo / k));
    lo += k;
  }
}

/** What to read for the hashes of some ranges: all indexes at once, and how many belong to each. */
export interface ReadPlan {
  indexes: number[];
  counts: number[];
}

function planRanges(ranges: [number, number][]): ReadPlan {
  const plan: ReadPlan = { indexes: [], counts: [] };
  for (const [lo, hi] of ranges) {
    const before = plan.indexes.length;
    subtreeIndexes(lo, hi, plan.indexes);
    plan.counts.push(plan.indexes.length - before);
  }
  return plan;
}

/** Folds what a plan read, right to left within each range, into one hash per range. */
async function runPlan(sha256: Sha256, plan: ReadPlan, read: HashReader): Promise<Hash[]> {
  const hashes = plan.indexes.length > 0 ? await read(plan.indexes) : [];
  let at = 0;
  return plan.counts.map((c) => {
    const part = hashes.slice(at, at + c);
    at += c;
    let h = part[part.length - 1]!;
    for (let i = part.length - 2; i >= 0; i--) h = nodeHash(sha256, part[i]!, h);
    return h;
  });
}

/** RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]) as the ranges whose hashes form the proof, in order. */
function pathRanges(m: number, lo: number, hi: number, out: [number, number][]): void {
  if (hi - lo <= 1) return;
  const k = splitPoint(hi - lo);
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
  const k = splitPoint(n);
  if (m <= k) {
    subproofRanges(m, lo, lo + k, complete, out);
    out.push([lo + k, hi]);
  } else {
    subproofRanges(m - k, lo + k, hi, false, out);
    out.push([lo, lo + k]);
  }
}

/** The reads behind treeHash(n): at most log2(n) + 1 stored hashes. */
export function treeHashPlan(n: number): ReadPlan {
  checkCount('The tree size', n);
  return planRanges(n === 0 ? [] : [[0, n]]);
}

/** The reads behind an inclusion proof of record `index` in the tree of `size`. */
export function inclusionPlan(index: number, size: number): ReadPlan {
  checkCount('The record index', index);
  checkCount('The tree size', size);
  if (index >= size) {
    throw new LedgerError('proof-index-out-of-range', `Record ${index} is not in a tree of size ${size}.`);
  }
  const ranges: [number, number][] = [];
  pathRanges(index, 0, size, ranges);
  return planRanges(ranges);
}

/** The reads behind a consistency proof from size1 to size2 (0 < size1 <= size2). */
export function consistencyPlan(size1: number, size2: number): ReadPlan {
  checkCount('The old tree size', size1);
  checkCount('The new tree size', size2);
  if (size1 === 0) {
    throw new LedgerError('proof-from-empty-tree', 'A consistency proof from the empty tree proves nothing.');
  }
  if (size1 > size2) {
    throw new LedgerError('proof-size-order', `The new size ${size2} is smaller than the old size ${size1}.`);
  }
  const ranges: [number, number][] = [];
  subproofRanges(size1, 0, size2, true, ranges);
  return planRanges(ranges);
}

/** MTH(D[0:n]), the root of the first n records (tlog.TreeHash). */
export async function treeHash(sha256: Sha256, n: number, read: HashReader): Promise<Hash> {
  if (n === 0) return emptyTreeHash(sha256);
  return (await runPlan(sha256, treeHashPlan(n), read))[0]!;
}

/** The inclusion proof of record `index` in the tree of size `size` (tlog.ProveRecord). */
export async function proveInclusion(sha256: Sha256, index: number, size: number, read: HashReader) {
  return runPlan(sha256, inclusionPlan(index, size), read);
}

/** The consistency proof from size1 to size2 (tlog.ProveTree); empty when the sizes are equal. */
export async function proveConsistency(sha256: Sha256, size1: number, size2: number, read: HashReader) {
  return runPlan(sha256, consistencyPlan(size1, size2), read);
}
