import type { LogMaterial } from '../core/ledger/verify-log.ts';
import type { LedgerStore } from '../store/ledger-store.ts';

/** A log in the database as the material verifyLog checks, stored leaves and tree hashes included. */
export async function storeMaterial(store: LedgerStore, logId: string): Promise<LogMaterial> {
  const log = await store.requireLog(logId);
  const entries: { index: number; bytes: Uint8Array; leafHash: Uint8Array }[] = [];
  for (let at = 0; ; at += 5000) {
    const batch = await store.rawEntries(logId, at, at + 5000);
    entries.push(...batch);
    if (batch.length < 5000) break;
  }
  const checkpoints = await store.checkpoints(logId);
  const cosignatures = [];
  for (const cp of checkpoints)
    for (const c of await store.cosignatures(logId, cp.size)) cosignatures.push({ size: cp.size, ...c });
  return {
    logId,
    origin: log.origin,
    logKey: log.logKey,
    entries,
    storedHashes: await store.allHashes(logId),
    claimed: { size: log.size, root: log.root },
    checkpoints,
    cosignatures,
  };
}
