import type { LogMaterial } from '../core/ledger/verify-log.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import { TokenStore } from '../store/token-store.ts';

/**
 * A log in the database as the material verifyLog checks: its events and stored tree hashes,
 * streamed page by page (each reading starts afresh, so the material can be checked twice), its
 * checkpoints and cosignatures, the actors table it caches its registry in, its API tokens (no
 * secret), and the checkpoints witnesses cosigned, kept apart from its tables. `pageSize`: rows
 * read at once (default: the store's).
 */
export async function storeMaterial(
  store: LedgerStore,
  logId: string,
  options: { pageSize?: number } = {},
): Promise<LogMaterial> {
  const log = await store.requireLog(logId);
  const checkpoints = await store.checkpoints(logId);
  const cosignatures = [];
  for (const cp of checkpoints)
    for (const c of await store.cosignatures(logId, cp.size)) cosignatures.push({ size: cp.size, ...c });
  return {
    logId,
    origin: log.origin,
    logKey: log.logKey,
    entries: {
      async *[Symbol.asyncIterator]() {
        for await (const page of store.rawEntryPages(logId, options)) yield* page;
      },
    },
    entryPages: {
      [Symbol.asyncIterator]: () => store.rawEntryPages(logId, options),
    },
    storedHashes: {
      async *[Symbol.asyncIterator]() {
        for await (const page of store.hashPages(logId, options.pageSize)) yield* page;
      },
    },
    storedHashPages: {
      [Symbol.asyncIterator]: () => store.hashPages(logId, options.pageSize),
    },
    claimed: { size: log.size, root: log.root, edge: await store.keptEdge(logId) },
    checkpoints,
    cosignatures,
    storedActors: await store.actors(logId),
    storedTokens: await new TokenStore(store.database).list(logId),
    witnessed: await store.witnessed(logId),
  };
}
