import type { Insertable, Kysely } from 'kysely';
import { type Crypto, fromHex, toHex } from '../core/crypto/crypto.ts';
import type { FitView } from '../core/fit/event-fit.ts';
import { ActorRegistry } from '../core/ledger/actor-registry.ts';
import { type ActorRecord, type ActorRole, checkEvent, referencesOf } from '../core/ledger/check-event.ts';
import type { EventEnvelope, SignedEvent } from '../core/ledger/event.ts';
import { parseSignedEvent } from '../core/ledger/event-sign.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import {
  type Hash,
  leafHash,
  storedHashes,
  storedHashIndex,
  treeHash,
  treeHashPlan,
} from '../core/ledger/tlog.ts';
import type { AppendResult } from './ledger-store.ts';
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

/**
 * Judges an event against what the caller knows beyond the log's own rules (the agreement the log
 * adopted): throws to refuse it. Called after checkEvent, in order, for each new event only.
 */
export type FitHook = (event: SignedEvent, view: FitView) => void | Promise<void>;

/** What an append is told: the size expected, the time stored, the caller's judge of fit. */
export interface AppendOptions {
  expectedSize?: number;
  recordedAt?: string;
  fit?: FitHook;
}

/** A signed event ready to append: parsed, with its leaf hash. */
export interface ParsedEvent {
  event: SignedEvent;
  bytes: Uint8Array;
  leaf: Hash;
  hex: string;
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

/** A signed event parsed, with its leaf hash, ready to append. */
export function parseForAppend(crypto: Crypto, bytes: Uint8Array): ParsedEvent {
  const event = parseSignedEvent(bytes);
  const leaf = leafHash(crypto.sha256, bytes);
  return { event, bytes, leaf, hex: toHex(leaf) };
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
 * index, in log order): what an event's actor is checked against, by when the event occurred.
 */
async function loadRegistry(trx: Kysely<Tables>, logId: string): Promise<ActorRegistry> {
  const registry = new ActorRegistry();
  const rows = await trx
    .selectFrom('truce_entry')
    .select(['event'])
    .where('log_id', '=', logId)
    .where('kind', 'in', ['actor.registered', 'actor.revoked'])
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
  let size = Number(log.size);
  const existing = await existingLeaves(
    trx,
    logId,
    parsed.map((p) => p.leaf),
  );
  const fresh = parsed.filter((p) => !existing.has(p.hex));
  if (options.expectedSize !== undefined && fresh.length > 0 && options.expectedSize !== size) {
    throw new LedgerError(
      'append-stale-size',
      `The log has ${size} events, not the ${options.expectedSize} expected; fetch it again and retry.`,
    );
  }
  const results: AppendResult[] = [];
  if (fresh.length === 0) {
    return parsed.map((p) => ({ index: existing.get(p.hex)!, leafHash: p.hex, duplicate: true }));
  }
  // What the checks and the tree need, read once for the whole chunk.
  const refs = await knownRefs(
    trx,
    logId,
    fresh.flatMap((p) => referencesOf(p.event.event)),
  );
  // Row ids are unique in a log: the ids this chunk's new events carry that the log already has.
  const takenIds = await idsTaken(
    trx,
    logId,
    fresh.flatMap((p) => (p.event.event.id === undefined ? [] : [p.event.event.id])),
  );
  const cache = new Map<number, Hash>();
  const fill = async (ix: number[]) => {
    const hashes = await readHashes(trx, logId, ix);
    ix.forEach((i, k) => {
      cache.set(i, hashes[k]!);
    });
  };
  await fill(treeHashPlan(size).indexes);
  const read = async (ix: number[]) => {
    const missing = ix.filter((i) => !cache.has(i));
    if (missing.length) await fill(missing);
    return ix.map((i) => cache.get(i)!);
  };
  const entryRows: Insertable<Tables['truce_entry']>[] = [];
  const hashRows: Tables['truce_hash'][] = [];
  const changedActors = new Set<string>();
  const added = new Map<string, number>();
  for (const [position, p] of parsed.entries()) {
    const known = existing.get(p.hex) ?? added.get(p.hex);
    if (known !== undefined) {
      results.push({ index: known, leafHash: p.hex, duplicate: true });
      continue;
    }
    try {
      const id = p.event.event.id;
      if (id !== undefined) {
        const taken = takenIds.get(id);
        if (taken !== undefined)
          throw new LedgerError(
            'event-id-taken',
            `The id "${id}" is already the id of event no. ${taken} of this log, another event: an id names one event of a log. Give this event a new id, or record a correction of event no. ${taken}.`,
          );
        takenIds.set(id, size);
      }
      const standing = registry.at(p.event.event.actor, p.event.event.occurredAt);
      checkEvent(crypto, p.event, { log: logId, size, operatorKey: log.log_key, ...standing, refs });
      if (options.fit)
        await options.fit(p.event, {
          actor: standing.actor,
          ref: (hash) => refs.get(hash)?.event,
        });
    } catch (e) {
      throw Object.assign(e as Error, { position });
    }
    const hashes = await storedHashes(crypto.sha256, size, p.leaf, read);
    const first = storedHashIndex(0, size);
    hashes.forEach((hash, k) => {
      cache.set(first + k, hash);
      hashRows.push({ log_id: logId, id: first + k, hash });
    });
    entryRows.push({
      log_id: logId,
      idx: size,
      leaf_hash: p.leaf,
      kind: p.event.event.kind,
      actor: p.event.event.actor,
      event: new TextDecoder().decode(p.bytes),
      recorded_at: options.recordedAt,
      row_id: p.event.event.id ?? null,
      occurred_ms: Date.parse(p.event.event.occurredAt),
    });
    const changed = registry.apply(p.event);
    if (changed) changedActors.add(changed);
    refs.set(p.hex, { actor: p.event.event.actor, kind: p.event.event.kind, event: p.event.event });
    added.set(p.hex, size);
    results.push({ index: size, leafHash: p.hex, duplicate: false });
    size++;
  }
  // 500 rows of 7 columns and 2000 of 3 stay far below both databases' parameter limits.
  for (let k = 0; k < entryRows.length; k += 500)
    await trx
      .insertInto('truce_entry')
      .values(entryRows.slice(k, k + 500))
      .execute();
  for (let k = 0; k < hashRows.length; k += 2000)
    await trx
      .insertInto('truce_hash')
      .values(hashRows.slice(k, k + 2000))
      .execute();
  for (const actor of changedActors) {
    const a = registry.latest(actor);
    if (!a) continue;
    await trx.deleteFrom('truce_actor').where('log_id', '=', logId).where('actor', '=', actor).execute();
    await trx
      .insertInto('truce_actor')
      .values({
        log_id: logId,
        actor,
        name: a.name,
        role: a.role,
        party: a.party ?? null,
        key: a.key,
        revoked: a.revoked ? 1 : 0,
      })
      .execute();
  }
  const root = await treeHash(crypto.sha256, size, read);
  await trx.updateTable('truce_log').set({ size, root }).where('id', '=', logId).execute();
  return results;
}

/** The events referred to that are in the log: actor and kind (for checkEvent), and the event (for the fit). */
async function knownRefs(trx: Kysely<Tables>, logId: string, refs: string[]) {
  const known = new Map<string, { actor: string; kind: string; event: EventEnvelope }>();
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
async function idsTaken(trx: Kysely<Tables>, logId: string, ids: string[]): Promise<Map<string, number>> {
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

async function existingLeaves(
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
