import { type Kysely, sql } from 'kysely';
import { type Crypto, fromHex, toHex } from '../core/crypto/crypto.ts';
import { parseForAppend } from '../core/ledger/append-event.ts';
import { AppendSignatures } from '../core/ledger/append-signatures.ts';
import { canonicalBytes } from '../core/ledger/canonical-json.ts';
import type { ActorRecord } from '../core/ledger/check-event.ts';
import type { SignedEvent } from '../core/ledger/event.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import type { Provenance } from '../core/ledger/provenance.ts';
import { type Hash, proveConsistency, proveInclusion, treeHash } from '../core/ledger/tlog.ts';
import type { AppendHead } from './append-head.ts';
import { withAppendLock, withWriteLock } from './append-lock.ts';
import type { Database } from './database.ts';
import {
  type AppendOptions,
  appendWithin,
  asBytes,
  type FitHook,
  inChunks,
  readHashes,
  toActor,
} from './log-append.ts';
import { announceLogChange } from './log-channel.ts';
import { appendOptimistically } from './optimistic-append.ts';
import { packedHashPage } from './packed-hash-page.ts';
import { DEFERRED_COMMIT } from './pg-wal-flush.ts';
import { ProvenanceStore } from './provenance-store.ts';
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

/** A checkpoint to import, with the cosignatures it carries. */
export interface ImportedCheckpoint {
  size: number;
  note: string;
  cosignatures: { witness: string; line: string }[];
}

/** The log as an import has just appended it, before the transaction commits. */
export interface ImportedState {
  size: number;
  root: Hash;
  rootAt(size: number): Promise<Hash>;
  actors: Map<string, ActorRecord>;
}

/** A stored event as bytes with its stored leaf hash, unparsed (for fsck and verify). */
export interface RawEntry {
  index: number;
  leafHash: Hash;
  bytes: Uint8Array;
}

/** A checkpoint a witness cosigned, as kept apart from the log's own tables. */
export interface WitnessedCheckpoint {
  size: number;
  witness: string;
  note: string;
  line: string;
}

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

const PAGE = 5000;

const rawEntryOf = (r: { idx: number; leaf_hash: Uint8Array; event: string }): RawEntry => ({
  index: Number(r.idx),
  leafHash: asBytes(r.leaf_hash),
  bytes: new TextEncoder().encode(r.event),
});

const utf8Encoder = new TextEncoder();

/**
 * A page of entries read in order, their event bytes and leaf hashes copied into one buffer:
 * one allocation a page, not two an entry (a reader of millions of entries, such as verify, is
 * then not slowed by collecting them), and the rows can be dropped at once.
 */
function rawPageOf(rows: { idx: number; leaf_hex: string; event: string }[]): RawEntry[] {
  let total = 0;
  for (const r of rows) total += r.leaf_hex.length / 2 + Buffer.byteLength(r.event);
  const data = new Uint8Array(total);
  // The leaf hashes come as hex (a byte array a row costs the reading twice as much) and are
  // written into the page's buffer as bytes.
  const out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const page: RawEntry[] = [];
  let at = 0;
  for (const r of rows) {
    const hash = data.subarray(at, at + out.write(r.leaf_hex, at, 'hex'));
    at += hash.length;
    const n = utf8Encoder.encodeInto(r.event, data.subarray(at)).written;
    page.push({ index: Number(r.idx), leafHash: hash, bytes: data.subarray(at, at + n) });
    at += n;
  }
  return page;
}

const parsedEntry = (logId: string, e: RawEntry): StoredEntry => ({
  index: e.index,
  leafHash: toHex(e.leafHash),
  bytes: e.bytes,
  event: parseStored(logId, e.index, e.bytes),
});

/** The watchers of each database's logs in this process, by the database's location (LedgerStore.watch). */
const watchers = new Map<string, Set<(logId: string) => void>>();

/**
 * The ledger's storage: logs, their signed events as Merkle leaves, tree hashes, checkpoints and
 * cosignatures, on SQLite or PostgreSQL through one Kysely schema. Every append is checked by
 * core/ledger's checkEvent and written in one transaction with the new tree state.
 */
export class LedgerStore {
  readonly database: Database;
  readonly crypto: Crypto;
  /** The head of each log this store last read or wrote, for its next append to bring up to date. */
  private readonly heads = new Map<string, AppendHead>();
  /** The verifier keys its appends parsed (by their text) and the signatures they verified. */
  private readonly signatures: AppendSignatures;
  /** Per log, a size this store knows its entries are on the disk up to (ensureDurable). */
  private readonly durableSizes = new Map<string, number>();

  constructor(database: Database, crypto: Crypto) {
    this.database = database;
    this.crypto = crypto;
    this.signatures = new AppendSignatures(crypto);
  }

  /**
   * Calls `changed` after each change a store of this process made to a log of this database (by
   * its location) is committed — events appended or imported, a checkpoint or a cosignature stored
   * — before the call that made it returns: what this process keeps of a log is dropped before
   * anyone can ask again. Other processes' changes come through a LogNotifier. The function
   * returned stops watching.
   */
  watch(changed: (logId: string) => void): () => void {
    const key = this.database.location;
    const set = watchers.get(key) ?? new Set();
    watchers.set(key, set);
    const entry = (logId: string) => changed(logId);
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && watchers.get(key) === set) watchers.delete(key);
    };
  }

  #changed(logId: string): void {
    for (const w of [...(watchers.get(this.database.location) ?? [])]) w(logId);
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

  /**
   * The log as it stands, once all of it is on the disk (Database.durable, after the read): what a
   * checkpoint may be signed over. An append is seen by others from its commit (on PostgreSQL
   * before its flush, pg-wal-flush.ts; on SQLite another process's, some milliseconds before);
   * a checkpoint signed over it, handed out and then lost with it in a crash would be a signed
   * statement the log could not honour. The checkpoint is then stored by a commit of its own,
   * which comes after the entries it covers in the write-ahead log.
   */
  async requireDurableLog(id: string): Promise<LogInfo> {
    const log = await this.requireLog(id);
    await this.ensureDurable(id, log.size);
    return log;
  }

  /**
   * Resolves once the log's first `size` entries are on the disk, `size` having been read from
   * the log before the call (so every commit it counts is flushed by a flush that starts now): at
   * once when this store knows they are (an append of its own, or an earlier call, past them),
   * else after Database.durable. For what is signed over or handed out for good (a full tile).
   */
  async ensureDurable(logId: string, size: number): Promise<void> {
    if ((this.durableSizes.get(logId) ?? 0) >= size) return;
    await this.database.durable();
    this.#durableUpTo(logId, size);
  }

  #durableUpTo(logId: string, size: number): void {
    if ((this.durableSizes.get(logId) ?? 0) < size) this.durableSizes.set(logId, size);
  }

  async listLogs(): Promise<LogInfo[]> {
    const ids = await this.db.selectFrom('truce_log').select('id').orderBy('id').execute();
    return Promise.all(ids.map((r) => this.requireLog(r.id)));
  }

  /**
   * Appends signed events (as their canonical bytes) atomically: all are checked and stored with
   * the new tree state, or none is. An event already in the log is not stored again; it gets its
   * index back (idempotent). With `expectedSize`, the append is refused if the log has moved on.
   * Parsed first, with no lock; then planned and written optimistically (optimistic-append.ts:
   * no lock held while reading and checking, the write holds only if the log still has the size
   * planned at). Whatever that path cannot answer (a refusal, an event or id the log has, a batch
   * over OPTIMISTIC_MAX) is answered by the locked path, which holds the log's append lock
   * throughout: a batch of any length in chunks of APPEND_CHUNK events, in the one transaction, so
   * that no statement goes past SQLite's or PostgreSQL's limit on bound parameters. On
   * PostgreSQL either path commits without waiting for the disk (the log's row lock is let go at
   * once, pg-wal-flush.ts) and the append resolves once the write-ahead log is flushed past it.
   */
  async append(logId: string, events: Uint8Array[], options: AppendOptions = {}): Promise<AppendResult[]> {
    const parsed = events.map((bytes) => parseForAppend(this.crypto, bytes));
    const checked = { ...options, signatures: this.signatures };
    const quick = await appendOptimistically(this.database, this.crypto, logId, parsed, checked, this.heads);
    const results =
      quick ??
      (await withAppendLock(this.database, logId, async (trx) => {
        if (this.database.dialect === 'postgres') await sql.raw(`select ${DEFERRED_COMMIT}`).execute(trx);
        const results = await appendWithin(trx, this.crypto, logId, parsed, checked);
        const fresh = results.filter((r) => !r.duplicate);
        // Sent to the servers listening (PostgreSQL) when, and only if, this transaction commits.
        if (fresh.length > 0)
          await announceLogChange(trx, this.database.dialect, { log: logId, size: fresh.at(-1)!.index + 1 });
        return results;
      }));
    // PostgreSQL: committed without waiting for the disk (pg-wal-flush.ts), so the log's row lock
    // was not held through the flush; answered once the flush is past the commit. An event the
    // log had may be another writer's, committed and not yet flushed: its index waits as well.
    if (this.database.dialect === 'postgres') await this.database.durable();
    // On the disk now with every entry before them (committed before them, flushed with them).
    if (results.length > 0) this.#durableUpTo(logId, results.reduce((m, r) => Math.max(m, r.index), 0) + 1);
    // In this process, before the append returns: the public reads kept in memory (log-reads.ts).
    if (results.some((r) => !r.duplicate)) this.#changed(logId);
    return results;
  }

  /**
   * Imports a log in one transaction: creates it when this database does not have it, else checks
   * that it is the same log (origin and key); appends the events chunk by chunk as `chunks` yields
   * them (so a log of any length streams through bounded memory), then lets `beforeCommit` check
   * the result (throwing refuses it) and stores the checkpoints and their cosignatures. When
   * anything fails, nothing of the import is left: no log, no event. An event refused carries
   * `position`, its place (from 0) in the stream.
   */
  async importLog(
    log: { id: string; origin: string; logKey: string; agreementHash?: string | null; createdAt: string },
    chunks: AsyncIterable<Uint8Array[]> | Iterable<Uint8Array[]>,
    checkpoints: ImportedCheckpoint[],
    provenance: Provenance,
    beforeCommit?: (log: ImportedState) => Promise<void>,
    fit?: FitHook,
  ): Promise<{ events: number; added: number }> {
    const lockRow = (trx: Kysely<Tables>) =>
      trx.selectFrom('truce_log').select('id').where('id', '=', log.id).forUpdate().execute();
    const imported = await withWriteLock(this.database, lockRow, async (trx) => {
      const existing = await trx
        .selectFrom('truce_log')
        .select(['origin', 'log_key'])
        .where('id', '=', log.id)
        .executeTakeFirst();
      if (!existing) {
        await trx
          .insertInto('truce_log')
          .values({
            id: log.id,
            origin: log.origin,
            log_key: log.logKey,
            size: 0,
            root: await treeHash(this.crypto.sha256, 0, () => []),
            agreement_hash: log.agreementHash ?? null,
            created_at: log.createdAt,
          })
          .execute();
      } else if (existing.origin !== log.origin || existing.log_key !== log.logKey) {
        throw new LedgerError(
          'log-exists',
          `Log "${log.id}" of this database has another origin or key than the one imported: nothing was imported. Import into another database, or check that the export is of this log.`,
        );
      }
      // Where the log comes from, claimed with it (a claim once made is never withdrawn).
      await new ProvenanceStore({ ...this.database, db: trx }).claim(log.id, provenance);
      let events = 0;
      let added = 0;
      const recordedAt = new Date().toISOString();
      for await (const chunk of chunks) {
        try {
          const parsed = chunk.map((bytes, k) => {
            try {
              return parseForAppend(this.crypto, bytes);
            } catch (e) {
              throw Object.assign(e as Error, { position: k });
            }
          });
          const results = await appendWithin(trx, this.crypto, log.id, parsed, {
            recordedAt,
            ...(fit ? { fit } : {}),
            signatures: this.signatures,
          });
          added += results.filter((r) => !r.duplicate).length;
        } catch (e) {
          // Where in the stream the event that failed is (0-based), for the importer to name.
          const at = (e as { position?: number }).position;
          if (at !== undefined) (e as { position?: number }).position = events + at;
          throw e;
        }
        events += chunk.length;
      }
      if (beforeCommit) {
        const row = await trx
          .selectFrom('truce_log')
          .select(['size', 'root'])
          .where('id', '=', log.id)
          .executeTakeFirstOrThrow();
        const read = (ix: number[]) => readHashes(trx, log.id, ix);
        const rows = await trx.selectFrom('truce_actor').selectAll().where('log_id', '=', log.id).execute();
        await beforeCommit({
          size: Number(row.size),
          root: asBytes(row.root),
          rootAt: (n) => treeHash(this.crypto.sha256, n, read),
          actors: new Map(rows.map((r) => [r.actor, toActor(r)])),
        });
      }
      for (const cp of checkpoints) {
        await this.putCheckpoint(trx, log.id, cp.size, cp.note, recordedAt);
        for (const c of cp.cosignatures)
          await this.putCosignature(trx, log.id, cp.size, c.witness, c.line, recordedAt);
      }
      await announceLogChange(trx, this.database.dialect, { log: log.id });
      return { events, added };
    });
    this.#changed(log.id);
    return imported;
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

  /** Stored events [start, end) as bytes with their stored leaf hashes, unparsed (for fsck and verify). */
  /**
   * The stored entries from `start` to `end`, in one buffer (see rawPageOf): handed to another
   * thread, a page is one buffer to copy, not two an entry.
   */
  async rawEntries(logId: string, start: number, end: number): Promise<RawEntry[]> {
    const rows = await this.db
      .selectFrom('truce_entry')
      .select(['idx', this.leafHex().as('leaf_hex'), 'event'])
      .where('log_id', '=', logId)
      .where('idx', '>=', start)
      .where('idx', '<', end)
      .orderBy('idx')
      .execute();
    return rawPageOf(rows);
  }

  /** The leaf hash column in hex, as the dialect writes it. */
  private leafHex() {
    return this.database.dialect === 'postgres'
      ? sql<string>`encode(leaf_hash, 'hex')`
      : sql<string>`hex(leaf_hash)`;
  }

  async entries(logId: string, start: number, end: number): Promise<StoredEntry[]> {
    return (await this.rawEntries(logId, start, end)).map((e) => parsedEntry(logId, e));
  }

  /**
   * The stored events of a log in index order, a page at a time (PAGE rows by default), from
   * `from` up to `to` (default: every stored row): the one way to read a log through bounded
   * memory. Pages follow the stored indexes (keyset), so a row missing from storage never ends
   * the reading early: verify sees every row that is there.
   */
  async *rawEntryPages(
    logId: string,
    options: { from?: number; to?: number; pageSize?: number } = {},
  ): AsyncGenerator<RawEntry[]> {
    const pageSize = options.pageSize ?? PAGE;
    let from = options.from ?? 0;
    for (;;) {
      let q = this.db
        .selectFrom('truce_entry')
        .select(['idx', this.leafHex().as('leaf_hex'), 'event'])
        .where('log_id', '=', logId)
        .where('idx', '>=', from);
      if (options.to !== undefined) q = q.where('idx', '<', options.to);
      // The rows (a string an event) are dropped before the page is yielded: a page being checked
      // holds only its one buffer, and nothing of the rows survives to be copied by the collector.
      const page = rawPageOf(await q.orderBy('idx').limit(pageSize).execute());
      if (page.length === 0) return;
      yield page;
      if (page.length < pageSize) return;
      from = page.at(-1)!.index + 1;
    }
  }

  /** rawEntryPages with each event parsed. */
  async *entryPages(
    logId: string,
    options: { from?: number; to?: number; pageSize?: number } = {},
  ): AsyncGenerator<StoredEntry[]> {
    for await (const page of this.rawEntryPages(logId, options)) yield page.map((e) => parsedEntry(logId, e));
  }

  /**
   * The events of a log that carry one of `ids` (the envelope's id, a recorder's row id), by id:
   * indexed queries (truce_entry_row_id, unique per log), 1,000 ids at a time, never a read of
   * the whole log.
   */
  async entriesWithIds(logId: string, ids: Iterable<string>): Promise<Map<string, StoredEntry>> {
    const found = new Map<string, StoredEntry>();
    const postgres = this.database.dialect === 'postgres';
    for (const part of inChunks([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom('truce_entry')
        .select(['idx', 'leaf_hash', 'event', 'row_id'])
        .where('log_id', '=', logId)
        // One array parameter on PostgreSQL: half the time of a list of 1,000 parameters.
        .where(postgres ? sql<boolean>`row_id = any(${part})` : sql<boolean>`row_id in (${sql.join(part)})`)
        .execute();
      for (const r of rows) if (r.row_id !== null) found.set(r.row_id, parsedEntry(logId, rawEntryOf(r)));
    }
    return found;
  }

  /**
   * The events of a log that occurred in [fromMs, toMs) (epoch milliseconds), in index order: an
   * indexed range (truce_entry_occurred), whatever the length of the log. Events whose time the
   * store could not read when it migrated (occurred_ms null) are included for the caller to judge.
   */
  async entriesOccurredBetween(logId: string, fromMs: number, toMs: number): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('truce_entry')
      .select(['idx', 'leaf_hash', 'event'])
      .where('log_id', '=', logId)
      .where((eb) =>
        eb.or([
          eb.and([eb('occurred_ms', '>=', fromMs), eb('occurred_ms', '<', toMs)]),
          eb('occurred_ms', 'is', null),
        ]),
      )
      .orderBy('idx')
      .execute();
    return rows.map((r) => parsedEntry(logId, rawEntryOf(r)));
  }

  /**
   * When the first event of a log at or after `fromMs` occurred (epoch milliseconds), or null when
   * none did: one step of an indexed walk (truce_entry_occurred) from day to day, whatever the
   * length of the log.
   */
  async firstOccurredFrom(logId: string, fromMs: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('truce_entry')
      .select('occurred_ms')
      .where('log_id', '=', logId)
      .where('occurred_ms', '>=', fromMs)
      .orderBy('occurred_ms')
      .limit(1)
      .executeTakeFirst();
    return row?.occurred_ms == null ? null : Number(row.occurred_ms);
  }

  /** How many events of a log occurred in [fromMs, toMs): a count over an indexed range. */
  async countOccurredBetween(logId: string, fromMs: number, toMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('truce_entry')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('log_id', '=', logId)
      .where('occurred_ms', '>=', fromMs)
      .where('occurred_ms', '<', toMs)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The events of a log whose time the store could not read when it migrated (occurred_ms null), in index order. */
  async entriesWithoutOccurred(logId: string): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('truce_entry')
      .select(['idx', 'leaf_hash', 'event'])
      .where('log_id', '=', logId)
      .where('occurred_ms', 'is', null)
      .orderBy('idx')
      .execute();
    return rows.map((r) => parsedEntry(logId, rawEntryOf(r)));
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

  /**
   * The events of a log with one of `hexes` as leaf hash, by leaf hash: indexed queries (the
   * unique truce_entry_leaf), 1,000 at a time, never a read of the whole log. A hash the log does
   * not hold (or not a hash) is absent from the answer.
   */
  async entriesWithLeafHashes(logId: string, hexes: Iterable<string>): Promise<Map<string, StoredEntry>> {
    const found = new Map<string, StoredEntry>();
    const wanted = [...new Set(hexes)].filter((h) => /^[0-9a-f]{64}$/.test(h));
    for (const part of inChunks(wanted)) {
      const rows = await this.db
        .selectFrom('truce_entry')
        .select(['idx', 'leaf_hash', 'event'])
        .where('log_id', '=', logId)
        .where('leaf_hash', 'in', part.map(fromHex))
        .execute();
      for (const r of rows) {
        const e = parsedEntry(logId, rawEntryOf(r));
        found.set(e.leafHash, e);
      }
    }
    return found;
  }

  /** Stored tree hashes by storage index (tiles, proofs). */
  async readHashes(logId: string, indexes: number[]): Promise<Hash[]> {
    return readHashes(this.db, logId, indexes);
  }

  /**
   * The right edge of its tree the log keeps for appends (truce_log.edge, log-edge.ts), cut into
   * hashes of 32 bytes, as stored (for verify and fsck to check against its events).
   */
  async keptEdge(logId: string): Promise<Hash[]> {
    const r = await this.db.selectFrom('truce_log').select('edge').where('id', '=', logId).executeTakeFirst();
    const bytes = r ? asBytes(r.edge) : new Uint8Array();
    return Array.from({ length: Math.ceil(bytes.length / 32) }, (_, k) => bytes.slice(32 * k, 32 * k + 32));
  }

  /** Every stored tree hash of a log, in storage order, a page at a time (for fsck and verify). */
  async *hashPages(logId: string, pageSize = 4 * PAGE): AsyncGenerator<{ id: number; hash: Hash }[]> {
    let from = 0;
    for (;;) {
      // One row a page when the page is whole (packedHashPage); row by row otherwise.
      const packed = await packedHashPage(this.db, this.database.dialect, logId, from, pageSize);
      if (packed) {
        if (packed.length === 0) return;
        yield packed;
        if (packed.length < pageSize) return;
        from = packed.at(-1)!.id + 1;
        continue;
      }
      const rows = await this.db
        .selectFrom('truce_hash')
        .select(['id', 'hash'])
        .where('log_id', '=', logId)
        .where('id', '>=', from)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      // One buffer a page for the hashes (as rawPageOf does for entries).
      const data = new Uint8Array(32 * rows.length);
      yield rows.map((r, k) => {
        const hash = data.subarray(32 * k, 32 * k + 32);
        if (r.hash.byteLength === 32) hash.set(r.hash);
        return { id: Number(r.id), hash: r.hash.byteLength === 32 ? hash : asBytes(r.hash) };
      });
      if (rows.length < pageSize) return;
      from = Number(rows.at(-1)!.id) + 1;
    }
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
    await this.putCheckpoint(this.db, logId, size, note, createdAt);
    await announceLogChange(this.db, this.database.dialect, { log: logId, checkpoint: size });
    this.#changed(logId);
  }

  private async putCheckpoint(
    db: Kysely<Tables>,
    logId: string,
    size: number,
    note: string,
    createdAt: string,
  ) {
    await db
      .insertInto('truce_checkpoint')
      .values({ log_id: logId, size, note, created_at: createdAt })
      .onConflict((oc) => oc.columns(['log_id', 'size']).doUpdateSet({ note, created_at: createdAt }))
      .execute();
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
    await this.database.db.transaction().execute(async (trx) => {
      await this.putCosignature(trx, logId, size, witness, line, createdAt);
      // GET checkpoint serves the cosignatures with the note: its readers must hear of a new one.
      await announceLogChange(trx, this.database.dialect, { log: logId, checkpoint: size });
    });
    this.#changed(logId);
  }

  /**
   * Stores a cosignature beside its checkpoint and keeps a copy, with the checkpoint's text, in
   * truce_witnessed: the table apart from the log's own, which nothing rewrites (the first copy
   * of a witness's cosignature of a size stays).
   */
  private async putCosignature(
    db: Kysely<Tables>,
    logId: string,
    size: number,
    witness: string,
    line: string,
    createdAt: string,
  ): Promise<void> {
    await db
      .insertInto('truce_cosignature')
      .values({ log_id: logId, size, witness, line, created_at: createdAt })
      .onConflict((oc) =>
        oc.columns(['log_id', 'size', 'witness']).doUpdateSet({ line, created_at: createdAt }),
      )
      .execute();
    const checkpoint = await db
      .selectFrom('truce_checkpoint')
      .select('note')
      .where('log_id', '=', logId)
      .where('size', '=', size)
      .executeTakeFirst();
    if (!checkpoint) return;
    await db
      .insertInto('truce_witnessed')
      .values({ log_id: logId, size, witness, note: checkpoint.note, line, created_at: createdAt })
      .onConflict((oc) => oc.columns(['log_id', 'size', 'witness']).doNothing())
      .execute();
  }

  /**
   * The checkpoints witnesses cosigned, largest first, kept apart from the log's tables: the rows
   * of truce_witnessed, and what this server as a witness last cosigned of the log's origin
   * (truce_witness). A log shorter than one of them, or with another root at its size, was cut
   * back or rewritten.
   */
  async witnessed(logId: string): Promise<WitnessedCheckpoint[]> {
    const kept = await this.db
      .selectFrom('truce_witnessed')
      .select(['size', 'witness', 'note', 'line'])
      .where('log_id', '=', logId)
      .orderBy('size', 'desc')
      .orderBy('witness')
      .execute();
    const latest = kept.map((r) => ({
      size: Number(r.size),
      witness: r.witness,
      note: r.note,
      line: r.line,
    }));
    const own = await this.db
      .selectFrom('truce_witness')
      .innerJoin('truce_log', 'truce_log.origin', 'truce_witness.origin')
      .select(['truce_witness.size', 'truce_witness.checkpoint'])
      .where('truce_log.id', '=', logId)
      .executeTakeFirst();
    if (own) {
      // The note as submitted to this witness: the log's signature, maybe others' cosignatures.
      latest.push({
        size: Number(own.size),
        witness: 'this server (truce_witness)',
        note: own.checkpoint,
        line: '',
      });
    }
    return latest;
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
