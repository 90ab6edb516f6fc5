/**
 * The right edge of a log's Merkle tree: the hashes of the complete subtrees that make up its
 * first `size` records (the reads of treeHashPlan(size)), by storage index. It is all an append
 * needs of the tree: the hashes record `size` completes (its left siblings) are among them, and
 * the root folds them. Nothing here does I/O.
 */
import { emptyTreeHash, type Hash, nodeHash, type Sha256 } from './merkle.ts';
import { storedHashIndex, storedHashReads, treeHashPlan } from './tlog.ts';

export interface TreeEdge {
  size: number;
  /** Storage index → hash, exactly the indexes of treeHashPlan(size). */
  hashes: Map<number, Hash>;
}

/** The storage indexes an edge of `size` holds, left first. */
export function edgeIndexes(size: number): number[] {
  return treeHashPlan(size).indexes;
}

/** The edge of a tree of `size` from the stored hashes at edgeIndexes(size), in that order. */
export function treeEdge(size: number, hashes: Hash[]): TreeEdge {
  const indexes = edgeIndexes(size);
  return { size, hashes: new Map(indexes.map((i, k) => [i, hashes[k]!])) };
}

/** MTH of the tree the edge ends: its subtrees folded right to left. */
export function edgeRoot(sha256: Sha256, edge: TreeEdge): Hash {
  const indexes = edgeIndexes(edge.size);
  if (indexes.length === 0) return emptyTreeHash(sha256);
  let h = edge.hashes.get(indexes[indexes.length - 1]!)!;
  for (let i = indexes.length - 2; i >= 0; i--) h = nodeHash(sha256, edge.hashes.get(indexes[i]!)!, h);
  return h;
}

/**
 * Appends one record with leaf hash `leaf` to the edge: the hashes to store for it, from storage
 * index storedHashIndex(0, size) on (the leaf, then each subtree it completes, as tlog's
 * storedHashes), and the edge one record longer.
 */
export function extendEdge(
  sha256: Sha256,
  edge: TreeEdge,
  leaf: Hash,
): { first: number; stored: Hash[]; edge: TreeEdge } {
  const n = edge.size;
  const reads = storedHashReads(n);
  const stored = [leaf];
  let h = leaf;
  for (let i = 0; i < reads.length; i++) {
    h = nodeHash(sha256, edge.hashes.get(reads[reads.length - 1 - i]!)!, h);
    stored.push(h);
  }
  const first = storedHashIndex(0, n);
  const next = new Map<number, Hash>();
  for (const i of edgeIndexes(n + 1)) next.set(i, i >= first ? stored[i - first]! : edge.hashes.get(i)!);
  return { first, stored, edge: { size: n + 1, hashes: next } };
}
