import { type Insertable, type Kysely, sql } from 'kysely';
import { type Crypto, fromHex, toHex } from '../core/crypto/crypto.ts';
import { ActorRegistry } from '../core/ledger/actor-registry.ts';
import type { ParsedEvent } from '../core/ledger/append-event.ts';
import {
  type AppendRows,
  type EntryRow,
  type FitHook,
  type KnownRef,
  planAppend,
} from '../core/ledger/append-plan.ts';
import type { AppendSignatures } from '../core/ledger/append-signatures.ts';
import type { ActorRecord, ActorRole } from '../core/ledger/check-event.ts';
import type { SignedEvent } from '../core/ledger/event.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import type { Hash } from '../core/ledger/tlog.ts';
import { edgeIndexes, treeEdge } from '../core/ledger/tree-edge.ts';
import { ACTOR_KINDS_TERM } from './kind-index-terms.ts';
import type { AppendResult } from './ledger-store.ts';
import { encodeEdge } from './log-edge.ts';

export type { FitHook, ParsedEvent };

import type { Tables } from './schema.ts';

/**
 * The append of signed events to a log inside an open transaction, shared by LedgerStore's append
 * and import: checked one by one, written in bulk with the new tree hashes, the actors cache, the
 * new size and root.
 */

export const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * Events appended per chunk of one transaction, and values per `in (…)` list: far below SQLite's
 * limit of 32,766 bound parameters and PostgreSQL's 65,535, whatever the length of a batch.
 */
export const APPEND_CHUNK = 1000;
const IN_LIST = 1000;

/** A list cut into parts of at most IN_LIST values, for `in (…)` queries. */
export function inChunks<T>(values: T[]): T[][] {
  const parts: T[][] = [];
  for (let k = 0; k < values.length; k += IN_LIST) parts.push(values.slice(k, k + IN_LIST));
  return parts;
}

/** What an append is told: the size expected, the time stored, the caller's judge of fit. */
export interface AppendOptions {
  expectedSize?: number;
  recordedAt?: string;
  fit?: FitHook;
  /** The keys parsed and signatures verified already (the store's, kept for its lifetime). */
  signatures?: AppendSignatures;
}

/** Reads stored tree hashes by storage index, through a transaction or the database. */
export async function readHashes(db: Kysely<Tables>, logId: string, indexes: number[]): Promise<Hash[]> {
  const byId = new Map<number, Hash>();
  for (const part of inChunks(indexes)) {
    const rows = await db
      .selectFrom('truce_hash')
      .select(['id', 'hash'])
      .where('log_id', '=', logId)
      .where('id', 'in', part)
      .execute();
    for (const r of rows) byId.set(Number(r.id), asBytes(r.hash));
  }
  return indexes.map((i) => {
    const h = byId.get(i);
    if (!h)
      throw new LedgerError(
        'log-not-found',
        `Tree hash ${i} of log "${logId}" is missing from storage; run truce fsck.`,
      );
    return h;
  });
}

export function toActor(row: Tables['truce_actor']): ActorRecord {
  return {
    actor: row.actor,
    name: row.name,
    role: row.role as ActorRole,
    ...(row.party ? { party: row.party } : {}),
    key: row.key,
    revoked: Number(row.revoked) === 1,
  };
}

/**
 * Appends in the open transaction `trx`, APPEND_CHUNK events at a time: each event checked
 * (core/ledger checkEvent) and written with the new tree state. An event refused carries
 * `position`, its place (from 0) in `parsed`.
 */
export async function appendWithin(
  trx: Kysely<Tables>,
  crypto: Crypto,
  logId: string,
  parsed: ParsedEvent[],
  options: AppendOptions,
): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  let expectedSize = options.expectedSize;
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  const registry = await loadRegistry(trx, logId);
  for (let k = 0; k < parsed.length || k === 0; k += APPEND_CHUNK) {
    const chunk = await appendChunk(trx, crypto, logId, registry, parsed.slice(k, k + APPEND_CHUNK), {
      ...(expectedSize === undefined ? {} : { expectedSize }),
      recordedAt,
      ...(options.fit ? { fit: options.fit } : {}),
      ...(options.signatures ? { signatures: options.signatures } : {}),
    }).catch((e) => {
      const at = (e as { position?: number }).position;
      throw at === undefined ? e : Object.assign(e as Error, { position: k + at });
    });
    // The expected size holds for the first events that are new; later chunks follow them.
    if (chunk.some((r) => !r.duplicate)) expectedSize = undefined;
    results.push(...chunk);
  }
  return results;
}

/**
 * The log's registry from its own actor.registered and actor.revoked events (read by the kind
 * index of actor events, in log order): what an event's actor is checked against, by when the event occurred.
 */
async function loadRegistry(trx: Kysely<Tables>, logId: string): Promise<ActorRegistry> {
  const registry = new ActorRegistry();
  const rows = await trx
    .selectFrom('truce_entry')
    .select(['event'])
    .where('log_id', '=', logId)
    .where(sql.raw<boolean>(ACTOR_KINDS_TERM))
    .orderBy('idx')
    .execute();
  // Stored events were checked on append: the text is a signed event.
  for (const r of rows) registry.apply(JSON.parse(r.event) as SignedEvent);
  return registry;
}

async function appendChunk(
  trx: Kysely<Tables>,
  crypto: Crypto,
  logId: string,
  registry: ActorRegistry,
  parsed: ParsedEvent[],
  options: AppendOptions & { recordedAt: string },
): Promise<AppendResult[]> {
  const log = await trx.selectFrom('truce_log').selectAll().where('id', '=', logId).executeTakeFirst();
  if (!log)
    throw new LedgerError('log-not-found', `There is no log "${logId}". Create it with truce log init.`);
  const size = Number(log.size);
  const existing = await existingLeaves(
    trx,
    logId,
    parsed.map((p) => p.leaf),
  );
  const fresh = parsed.filter((p) => !existing.has(p.hex));
  // What the checks and the tree need, read once for the whole chunk (nothing when all are in).
  const refs =
    fresh.length === 0
      ? new Map()
      : await knownRefs(
          trx,
          logId,
          fresh.flatMap((p) => p.refs),
        );
  // Row ids are unique in a log: the ids this chunk's new events carry that the log already has.
  const takenIds =
    fresh.length === 0
      ? new Map()
      : await idsTaken(
          trx,
          logId,
          fresh.flatMap((p) => (p.event.event.id === undefined ? [] : [p.event.event.id])),
        );
  const edge =
    fresh.length === 0
      ? { size, hashes: new Map() }
      : treeEdge(size, await readHashes(trx, logId, edgeIndexes(size)));
  const rows = await planAppend(
    crypto,
    { log: logId, operatorKey: log.log_key, edge, registry, existing, takenIds, refs },
    parsed,
    options,
  );
  if (rows.entries.length > 0) await writeRows(trx, logId, rows);
  return rows.results;
}

/** Executes an append's rows in the open transaction that holds the log's append lock. */
export async function writeRows(trx: Kysely<Tables>, logId: string, rows: AppendRows): Promise<void> {
  const entryRows = rows.entries.map((e) => entryRow(logId, e));
  // 500 rows of 9 columns and 2000 of 3 stay far below both databases' parameter limits.
  for (let k = 0; k < entryRows.length; k += 500)
    await trx
      .insertInto('truce_entry')
      .values(entryRows.slice(k, k + 500))
      .execute();
  const hashRows = rows.hashes.map((h) => ({ log_id: logId, id: h.id, hash: h.hash }));
  for (let k = 0; k < hashRows.length; k += 2000)
    await trx
      .insertInto('truce_hash')
      .values(hashRows.slice(k, k + 2000))
      .execute();
  for (const a of rows.actors) {
    await trx.deleteFrom('truce_actor').where('log_id', '=', logId).where('actor', '=', a.actor).execute();
    await trx.insertInto('truce_actor').values(actorRow(logId, a)).execute();
  }
  await trx
    .updateTable('truce_log')
    .set({ size: rows.size, root: rows.root, edge: encodeEdge(rows.edge) })
    .where('id', '=', logId)
    .execute();
}

export const entryRow = (logId: string, e: EntryRow): Insertable<Tables['truce_entry']> => ({
  log_id: logId,
  idx: e.idx,
  leaf_hash: e.leaf,
  kind: e.kind,
  actor: e.actor,
  event: e.event,
  recorded_at: e.recordedAt,
  row_id: e.rowId,
  occurred_ms: e.occurredMs,
});

export const actorRow = (logId: string, a: ActorRecord) => ({
  log_id: logId,
  actor: a.actor,
  name: a.name,
  role: a.role,
  party: a.party ?? null,
  key: a.key,
  revoked: a.revoked ? 1 : 0,
});

/** The events referred to that are in the log: actor and kind (for checkEvent), and the event (for the fit). */
export async function knownRefs(trx: Kysely<Tables>, logId: string, refs: string[]) {
  const known = new Map<string, KnownRef>();
  for (const part of inChunks([...new Set(refs)].map(fromHex))) {
    const rows = await trx
      .selectFrom('truce_entry')
      .select(['leaf_hash', 'actor', 'kind', 'event'])
      .where('log_id', '=', logId)
      .where('leaf_hash', 'in', part)
      .execute();
    for (const r of rows)
      known.set(toHex(asBytes(r.leaf_hash)), {
        actor: r.actor,
        kind: r.kind,
        // Stored events were checked on append: the text is a signed event.
        event: (JSON.parse(r.event) as SignedEvent).event,
      });
  }
  return known;
}

/** Of `ids`, those the log already gives an event, with its index (the row_id index, 0011). */
export async function idsTaken(
  trx: Kysely<Tables>,
  logId: string,
  ids: string[],
): Promise<Map<string, number>> {
  const taken = new Map<string, number>();
  for (const part of inChunks([...new Set(ids)])) {
    const rows = await trx
      .selectFrom('truce_entry')
      .select(['idx', 'row_id'])
      .where('log_id', '=', logId)
      .where('row_id', 'in', part)
      .execute();
    for (const r of rows) if (r.row_id !== null) taken.set(r.row_id, Number(r.idx));
  }
  return taken;
}

export async function existingLeaves(
  trx: Kysely<Tables>,
  logId: string,
  leaves: Hash[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of inChunks(leaves)) {
    const rows = await trx
      .selectFrom('truce_entry')
      .select(['idx', 'leaf_hash'])
      .where('log_id', '=', logId)
      .where('leaf_hash', 'in', part)
      .execute();
    for (const r of rows) found.set(toHex(asBytes(r.leaf_hash)), Number(r.idx));
  }
  return found;
}
