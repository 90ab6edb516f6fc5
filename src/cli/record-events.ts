import { canonicalBytes } from '../core/ledger/canonical-json.ts';
import { signCheckpoint } from '../core/ledger/checkpoint.ts';
import type { EventEnvelope } from '../core/ledger/event.ts';
import { signEvent } from '../core/ledger/event-sign.ts';
import { formatVerifierKey, type Signer } from '../core/ledger/signed-note.ts';
import { nodeCrypto } from '../platform/node-crypto.ts';
import type { AppendResult, LedgerStore } from '../store/ledger-store.ts';
import type { FitHook } from '../store/log-append.ts';

/** An event envelope recorded now, by `actor`. */
export function envelope(
  log: string,
  kind: string,
  actor: string,
  body: Record<string, unknown>,
  extra: Partial<EventEnvelope> = {},
): EventEnvelope {
  const now = new Date().toISOString();
  return { v: 1, log, kind, occurredAt: now, recordedAt: now, actor, body, ...extra } as EventEnvelope;
}

/** Signs the log's current tree, once all of it is on the disk, as a checkpoint with the operator's key and stores it. */
export async function checkpointLog(store: LedgerStore, logId: string, operator: Signer) {
  const log = await store.requireDurableLog(logId);
  const note = signCheckpoint(
    nodeCrypto,
    { origin: log.origin, size: log.size, root: log.root, extensions: [] },
    operator,
  );
  await store.addCheckpoint(logId, log.size, note, new Date().toISOString());
  return { size: log.size, note };
}

/**
 * Signs the envelopes with `signer`, appends them in one transaction (each judged by `fit`, when
 * given, against the log's adopted agreement), and, when `operator` is given and is the log's key,
 * signs a checkpoint of the new tree.
 */
export async function appendAndCheckpoint(
  store: LedgerStore,
  logId: string,
  envelopes: EventEnvelope[],
  signer: Signer,
  operator: Signer | undefined,
  expectedSize?: number,
  fit?: FitHook,
): Promise<{ results: AppendResult[]; checkpoint?: { size: number; note: string } }> {
  const bytes = envelopes.map((e) => canonicalBytes(signEvent(nodeCrypto, e, signer)));
  const results = await store.append(logId, bytes, {
    ...(expectedSize === undefined ? {} : { expectedSize }),
    ...(fit ? { fit } : {}),
  });
  const log = await store.requireLog(logId);
  if (!operator || formatVerifierKey(operator) !== log.logKey) return { results };
  return { results, checkpoint: await checkpointLog(store, logId, operator) };
}
