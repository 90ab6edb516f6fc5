/**
 * A log held in memory and served through the ProofFetcher interface, for tests: it answers
 * GET /api/logs/:id/events/:leafHash and the entry bundles as `truce serve` does, but appends
 * whatever it is given, so tests can put in it what a server would refuse (a forged signature,
 * an unregistered actor) and check that the verifier refuses it too.
 */
import { type Crypto, toHex } from '../../../src/core/crypto/crypto.ts';
import { signCheckpoint } from '../../../src/core/ledger/checkpoint.ts';
import { inclusionProof, leafHash, rootHash } from '../../../src/core/ledger/merkle.ts';
import { formatProofBundle } from '../../../src/core/ledger/proof-bundle.ts';
import type { Signer } from '../../../src/core/ledger/signed-note.ts';
import { encodeEntryBundle, parseTilePath, TILE_WIDTH } from '../../../src/core/ledger/tiles.ts';
import type { ProofFetcher } from './fetcher.ts';

export function memoryLog(
  crypto: Crypto,
  logId: string,
  origin: string,
  operator: Signer,
  entries: Uint8Array[],
) {
  const leaves = entries.map((e) => leafHash(crypto.sha256, e));
  const size = entries.length;
  const note = signCheckpoint(
    crypto,
    { origin, size, root: rootHash(crypto.sha256, size, (i) => leaves[i]!), extensions: [] },
    operator,
  );
  const json = (value: unknown) => ({ status: 200, body: new TextEncoder().encode(JSON.stringify(value)) });
  const fetcher: ProofFetcher = {
    async get(path) {
      const prefix = `/api/logs/${logId}/`;
      if (!path.startsWith(prefix)) return json({ code: 'log-not-found' });
      const rest = path.slice(prefix.length);
      const event = /^events\/([0-9a-f]{64})$/.exec(rest);
      if (event) {
        const index = leaves.findIndex((l) => toHex(l) === event[1]);
        if (index < 0) return { status: 404, body: new Uint8Array() };
        const proof = inclusionProof(crypto.sha256, index, size, (i) => leaves[i]!);
        return json({
          log: logId,
          index,
          leafHash: event[1],
          event: JSON.parse(new TextDecoder().decode(entries[index]!)),
          checkpointSize: size,
          proof: formatProofBundle({ index, proof, checkpoint: note }),
        });
      }
      const tile = parseTilePath(rest);
      if (tile?.level === 'entries') {
        const start = tile.index * TILE_WIDTH;
        if (start + tile.width > size) return { status: 404, body: new Uint8Array() };
        return { status: 200, body: encodeEntryBundle(entries.slice(start, start + tile.width)) };
      }
      return { status: 404, body: new Uint8Array() };
    },
  };
  return { fetcher, leaves: leaves.map(toHex), note };
}
