import type { Hash } from '../core/ledger/tlog.ts';
import { edgeIndexes, type TreeEdge, treeEdge } from '../core/ledger/tree-edge.ts';

/**
 * A log's tree edge as truce_log keeps it (the `edge` column, migration 0013): the hashes of the
 * complete subtrees of its first `size` records, left first (edgeIndexes(size) order), 32 bytes
 * each, one after the other. So an append on PostgreSQL folds the root and finds the left
 * siblings it completes in the log's row, which it locks anyway, with no tree hash read.
 */
export const EDGE_HASH = 32;

/** The edge column's bytes for `edge`. */
export function encodeEdge(edge: TreeEdge): Uint8Array {
  return concatHashes(edgeIndexes(edge.size).map((i) => edge.hashes.get(i)!));
}

export function concatHashes(hashes: Hash[]): Uint8Array {
  const out = new Uint8Array(hashes.length * EDGE_HASH);
  for (const [k, h] of hashes.entries()) out.set(h, k * EDGE_HASH);
  return out;
}

/** The hashes of an edge column, left first; undefined when it is not one hash per complete subtree of `size`. */
export function splitEdge(size: number, bytes: Uint8Array): Hash[] | undefined {
  const count = edgeIndexes(size).length;
  if (bytes.length !== count * EDGE_HASH) return undefined;
  return Array.from({ length: count }, (_, k) => bytes.slice(k * EDGE_HASH, (k + 1) * EDGE_HASH));
}

/** The edge of a tree of `size` from its edge column; undefined when the column does not fit the size. */
export function decodeEdge(size: number, bytes: Uint8Array): TreeEdge | undefined {
  const hashes = splitEdge(size, bytes);
  return hashes && treeEdge(size, hashes);
}
