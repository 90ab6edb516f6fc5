import type { Kysely } from 'kysely';
import { type Crypto, fromHex, toHex } from '../core/crypto/crypto.ts';
import { applyActorEvent } from '../core/ledger/actor-registry.ts';
import { canonicalBytes } from '../core/ledger/canonical-json.ts';
import { type ActorRecord, type ActorRole, checkEvent, referencesOf } from '../core/ledger/check-event.ts';
import type { SignedEvent } from '../core/ledger/event.ts';
import { parseSignedEvent } from '../core/ledger/event-sign.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import {
  type Hash,
  leafHash,
  proveConsistency,
  proveInclusion,
  storedHashes,
  storedHashIndex,
  treeHash,
  treeHashPlan,
} from '../core/ledger/tlog.ts';
import { withAppendLock } from './append-lock.ts';
import type { Database } from './database.ts';
import { announceLogChange } from './log-channel.ts';
import type { Tables } from './schema.ts';

export interface LogInfo {
  id: string;
  origin: string;
  /** The operator's verifier key: it signs checkpoints and registers actors. */
  logKey: string;
  size: number;
  root: Hash;
  agreementHash: string | null;
  createdAt: string;
}

export interface AppendResult {
  index: number;
  leafHash: string;
  duplicate: boolean;
}

export interface StoredEntry {
  index: number;
  leafHash: string;
  event: SignedEvent;
  bytes: Uint8Array;
}

const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** A checkpoint a log signed, as stored. */
interface StoredCheckpoint {
  size: number;
  note: string;
  createdAt: string;
}

const checkpointOf = (r: { size: number; note: string; created_at: string }): StoredCheckpoint => ({
  size: Number(r.size),
  note: r.note,
  createdAt: r.created_at,
});

/** Reads stored tree hashes by storage index, through a transaction or the database. */
async function readHashes(db: Kysely<Tables>, logId: string, indexes: number[]): Promise<Hash[]> {
  if (indexes.length === 0) return [];
  const rows = await db
    .selectFrom('truce_hash')
    .select(['id', 'hash'])
    .where('log_id', '=', logId)
    .where('id', 'in', indexes)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), asBytes(r.hash)]));
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

function parseStored(logId: string, index: number, bytes: Uint8Array): SignedEvent {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as SignedEvent;
  } catch {
    throw new LedgerError(
      'event-invalid',
      `Stored event ${index} of log "${logId}" is not valid JSON: storage is damaged; run truce verify.`,
    );
  }
}

function toActor(row: Tables['truce_actor']): ActorRecord {
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
 * The ledger's storage: logs, their signed events as Merkle leaves, tree hashes, checkpoints and
 * cosignatures, on SQLite or PostgreSQL through one Kysely schema. Every append is checked by
 * core/ledger's checkEvent and written in one transaction with the new tree state.
 */
export class LedgerStore {
  readonly database: Database;
  readonly crypto: Crypto;

  constructor(database: Database, crypto: Crypto) {
    this.database = database;
    this.crypto = crypto;
  }

  private get db() {
    return this.database.db;
  }

  async createLog(log: {
    id: string;
    origin: string;
    logKey: string;
    agreementHash?: string;
    createdAt: string;
  }): Promise<LogInfo> {
    if (await this.getLog(log.id)) throw new LedgerError('log-exists', `Log "${log.id}" already exists.`);
    const root = treeHash(this.crypto.sha256, 0, () => []);
    const row = {
      id: log.id,
      origin: log.origin,
      log_key: log.logKey,
      size: 0,
      root: await root,
      agreement_hash: log.agreementHash ?? null,
      created_at: log.createdAt,
    };
    await this.db.insertInto('truce_log').values(row).execute();
    return (await this.getLog(log.id))!;
  }

  async getLog(id: string): Promise<LogInfo | undefined> {
    const r = await this.db.selectFrom('truce_log').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      origin: r.origin,
      logKey: r.log_key,
      size: Number(r.size),
      root: asBytes(r.root),
      agreementHash: r.agreement_hash,
      createdAt: r.created_at,
    };
  }

  async requireLog(id: string): Promise<LogInfo> {
    const log = await this.getLog(id);
    if (!log)
      throw new LedgerError('log-not-found', `There is no log "${id}". Create it with truce log init.`);
    return log;
  }

  async listLogs(): Promise<LogInfo[]> {
    const ids = await this.db.selectFrom('truce_log').select('id').orderBy('id').execute();
    return Promise.all(ids.map((r) => this.requireLog(r.id)));
  }

  /**
   * Appends signed events (as their canonical bytes) atomically: all are checked and stored with
   * the new tree state, or none is. An event already in the log is not stored again; it gets its
   * index back (idempotent). With `expectedSize`, the append is refused if the log has moved on.
   * A batch costs a fixed number of statements: the log's actors, the right edge of its tree and
   * the events it refers to are read once, and its rows are written in bulk.
   */
  async append(
    logId: string,
    events: Uint8Array[],
    options: { expectedSize?: number; recordedAt?: string } = {},
  ): Promise<AppendResult[]> {
    const parsed = events.map((bytes) => {
      const event = parseSignedEvent(bytes);
      return { event, bytes, leaf: leafHash(this.crypto.sha256, bytes), hex: '' };
    });
    for (const p of parsed) p.hex = toHex(p.leaf);
    return withAppendLock(this.database, logId, async (trx) => {
      const log = await trx.selectFrom('truce_log').selectAll().where('id', '=', logId).executeTakeFirst();
      if (!log)
        throw new LedgerError('log-not-found', `There is no log "${logId}". Create it with truce log init.`);
      let size = Number(log.size);
      const existing = await this.existingLeaves(
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
      // What the checks and the tree need, read once for the whole batch.
      const actors = new Map(
        (await trx.selectFrom('truce_actor').selectAll().where('log_id', '=', logId).execute()).map((r) => [
          r.actor,
          toActor(r),
        ]),
      );
      const refs = await this.knownRefs(
        trx,
        logId,
        fresh.flatMap((p) => referencesOf(p.event.event)),
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
      const entryRows: Tables['truce_entry'][] = [];
      const hashRows: Tables['truce_hash'][] = [];
      const changedActors = new Set<string>();
      const recordedAt = options.recordedAt ?? new Date().toISOString();
      const added = new Map<string, number>();
      for (const p of parsed) {
        const known = existing.get(p.hex) ?? added.get(p.hex);
        if (known !== undefined) {
          results.push({ index: known, leafHash: p.hex, duplicate: true });
          continue;
        }
        checkEvent(this.crypto, p.event, {
          log: logId,
          size,
          operatorKey: log.log_key,
          actor: actors.get(p.event.event.actor),
          refs,
        });
        const hashes = await storedHashes(this.crypto.sha256, size, p.leaf, read);
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
          recorded_at: recordedAt,
        });
        const changed = applyActorEvent(actors, p.event);
        if (changed) changedActors.add(changed);
        refs.set(p.hex, { actor: p.event.event.actor, kind: p.event.event.kind });
        added.set(p.hex, size);
        results.push({ index: size, leafHash: p.hex, duplicate: false });
        size++;
      }
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
        const a = actors.get(actor)!;
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
      const root = await treeHash(this.crypto.sha256, size, read);
      await trx.updateTable('truce_log').set({ size, root }).where('id', '=', logId).execute();
      // Sent to the servers listening (PostgreSQL) when, and only if, this transaction commits.
      await announceLogChange(trx, this.database.dialect, { log: logId, size });
      return results;
    });
  }

  private async knownRefs(trx: Kysely<Tables>, logId: string, refs: string[]) {
    const unique = [...new Set(refs)];
    const rows = unique.length
      ? await trx
          .selectFrom('truce_entry')
          .select(['leaf_hash', 'actor', 'kind'])
          .where('log_id', '=', logId)
          .where('leaf_hash', 'in', unique.map(fromHex))
          .execute()
      : [];
    return new Map(rows.map((r) => [toHex(asBytes(r.leaf_hash)), { actor: r.actor, kind: r.kind }]));
  }

  private async existingLeaves(
    trx: Kysely<Tables>,
    logId: string,
    leaves: Hash[],
  ): Promise<Map<string, number>> {
    if (leaves.length === 0) return new Map();
    const rows = await trx
      .selectFrom('truce_entry')
      .select(['idx', 'leaf_hash'])
      .where('log_id', '=', logId)
      .where('leaf_hash', 'in', leaves)
      .execute();
    return new Map(rows.map((r) => [toHex(asBytes(r.leaf_hash)), Number(r.idx)]));
  }

  /** One actor of a log's registry, as its actor.registered and actor.revoked events left it. */
  async actor(logId: string, actor: string): Promise<ActorRecord | undefined> {
    const row = await this.db
      .selectFrom('truce_actor')
      .selectAll()
      .where('log_id', '=', logId)
      .where('actor', '=', actor)
      .executeTakeFirst();
    return row ? toActor(row) : undefined;
  }

  async actors(logId: string): Promise<ActorRecord[]> {
    const rows = await this.db
      .selectFrom('truce_actor')
      .selectAll()
      .where('log_id', '=', logId)
      .orderBy('actor')
      .execute();
    return rows.map(toActor);
  }

  /** Stored events as bytes with their stored leaf hashes, unparsed (for fsck and verify). */
  async rawEntries(
    logId: string,
    start: number,
    end: number,
  ): Promise<{ index: number; leafHash: Hash; bytes: Uint8Array }[]> {
    const rows = await this.db
      .selectFrom('truce_entry')
      .select(['idx', 'leaf_hash', 'event'])
      .where('log_id', '=', logId)
      .where('idx', '>=', start)
      .where('idx', '<', end)
      .orderBy('idx')
      .execute();
    return rows.map((r) => ({
      index: Number(r.idx),
      leafHash: asBytes(r.leaf_hash),
      bytes: new TextEncoder().encode(r.event),
    }));
  }

  async entries(logId: string, start: number, end: number): Promise<StoredEntry[]> {
    return (await this.rawEntries(logId, start, end)).map((e) => ({
      index: e.index,
      leafHash: toHex(e.leafHash),
      bytes: e.bytes,
      event: parseStored(logId, e.index, e.bytes),
    }));
  }

  async entryByLeafHash(logId: string, hex: string): Promise<StoredEntry | undefined> {
    if (!/^[0-9a-f]{64}$/.test(hex)) return undefined;
    const row = await this.db
      .selectFrom('truce_entry')
      .select('idx')
      .where('log_id', '=', logId)
      .where('leaf_hash', '=', fromHex(hex))
      .executeTakeFirst();
    return row ? (await this.entries(logId, Number(row.idx), Number(row.idx) + 1))[0] : undefined;
  }

  /** Stored tree hashes by storage index (tiles, proofs). */
  async readHashes(logId: string, indexes: number[]): Promise<Hash[]> {
    return readHashes(this.db, logId, indexes);
  }

  /** Every stored tree hash of a log, in storage order (for fsck and verify). */
  async allHashes(logId: string): Promise<{ id: number; hash: Hash }[]> {
    const rows = await this.db
      .selectFrom('truce_hash')
      .select(['id', 'hash'])
      .where('log_id', '=', logId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: Number(r.id), hash: asBytes(r.hash) }));
  }

  async treeHash(logId: string, size: number): Promise<Hash> {
    return treeHash(this.crypto.sha256, size, (ix) => readHashes(this.db, logId, ix));
  }

  async inclusionProof(logId: string, index: number, size: number): Promise<Hash[]> {
    return proveInclusion(this.crypto.sha256, index, size, (ix) => readHashes(this.db, logId, ix));
  }

  async consistencyProof(logId: string, size1: number, size2: number): Promise<Hash[]> {
    if (size1 === size2) return [];
    return proveConsistency(this.crypto.sha256, size1, size2, (ix) => readHashes(this.db, logId, ix));
  }

  async addCheckpoint(logId: string, size: number, note: string, createdAt: string): Promise<void> {
    await this.db
      .insertInto('truce_checkpoint')
      .values({ log_id: logId, size, note, created_at: createdAt })
      .onConflict((oc) => oc.columns(['log_id', 'size']).doUpdateSet({ note, created_at: createdAt }))
      .execute();
    await announceLogChange(this.db, this.database.dialect, { log: logId, checkpoint: size });
  }

  async checkpoints(logId: string): Promise<StoredCheckpoint[]> {
    const rows = await this.db
      .selectFrom('truce_checkpoint')
      .selectAll()
      .where('log_id', '=', logId)
      .orderBy('size')
      .execute();
    return rows.map(checkpointOf);
  }

  /** The checkpoint of the largest size, read alone (a log keeps every checkpoint it signed). */
  async latestCheckpoint(logId: string): Promise<StoredCheckpoint | undefined> {
    const r = await this.db
      .selectFrom('truce_checkpoint')
      .selectAll()
      .where('log_id', '=', logId)
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? checkpointOf(r) : undefined;
  }

  async addCosignature(
    logId: string,
    size: number,
    witness: string,
    line: string,
    createdAt: string,
  ): Promise<void> {
    await this.db
      .insertInto('truce_cosignature')
      .values({ log_id: logId, size, witness, line, created_at: createdAt })
      .onConflict((oc) =>
        oc.columns(['log_id', 'size', 'witness']).doUpdateSet({ line, created_at: createdAt }),
      )
      .execute();
  }

  async cosignatures(logId: string, size: number): Promise<{ witness: string; line: string }[]> {
    return this.db
      .selectFrom('truce_cosignature')
      .select(['witness', 'line'])
      .where('log_id', '=', logId)
      .where('size', '=', size)
      .orderBy('witness')
      .execute();
  }

  /** Canonical bytes of a signed event, as stored. */
  static bytesOf(event: SignedEvent): Uint8Array {
    return canonicalBytes(event);
  }
}
