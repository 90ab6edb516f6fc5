import { bytesEqual, type Crypto } from '../../../src/core/crypto/crypto.ts';
import { leafHash, rootHash } from '../../../src/core/ledger/merkle.ts';
import { decodeEntryBundle, entriesPath, TILE_WIDTH } from '../../../src/core/ledger/tiles.ts';
import { FetchFailure, getOk, type ProofFetcher } from './fetcher.ts';

/** The entries of a log up to a checkpoint, checked against the checkpoint's root. */
export interface VerifiedEntries {
  bytes: Uint8Array[];
  leaves: Uint8Array[];
}

/**
 * Reads entries 0 … size − 1 of a log from its C2SP tlog-tiles entry bundles (one request per 256
 * entries; full bundles are immutable and cached) and checks that they give `root`, the root of a
 * checkpoint already verified. Returns null when they do not: then what the server serves as the
 * log is not the log the checkpoint signs.
 */
export async function readVerifiedEntries(
  crypto: Crypto,
  fetcher: ProofFetcher,
  logId: string,
  size: number,
  root: Uint8Array,
): Promise<VerifiedEntries | null> {
  const bundles = Math.ceil(size / TILE_WIDTH);
  const reads = Array.from({ length: bundles }, (_, n) => {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const path = `/api/logs/${encodeURIComponent(logId)}/${entriesPath(n, width)}`;
    return getOk(fetcher, path).then((body) => {
      let entries: Uint8Array[];
      try {
        entries = decodeEntryBundle(body);
      } catch {
        throw new FetchFailure(path, 200, `The entry bundle ${path} is truncated.`);
      }
      return entries.length === width ? entries : null;
    });
  });
  const bytes: Uint8Array[] = [];
  for (const entries of await Promise.all(reads)) {
    if (!entries) return null;
    bytes.push(...entries);
  }
  const leaves = bytes.map((b) => leafHash(crypto.sha256, b));
  if (
    !bytesEqual(
      rootHash(crypto.sha256, size, (i) => leaves[i]!),
      root,
    )
  )
    return null;
  return { bytes, leaves };
}
