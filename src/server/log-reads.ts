import type { CommitMark, Database } from '../store/database.ts';
import type { LedgerStore, LogInfo } from '../store/ledger-store.ts';
import { ImmutableCache } from './immutable-cache.ts';
import type { LogNotifier } from './log-notifier.ts';

/** Bytes kept in memory, with their entity tag when they have one. */
export interface Held {
  bytes: Uint8Array;
  etag?: string;
}

/** Full tiles and entry bundles kept: they never change. */
export const IMMUTABLE_BUDGET = 32 * 1024 * 1024;
/** Bytes kept while their log does not change: its checkpoint, partial tiles, its status as of now. */
export const CURRENT_BUDGET = 16 * 1024 * 1024;
/**
 * On SQLite, how often the file's commit mark is read (Database.committed) for changes made by
 * other processes: this process's own are known at once (LedgerStore.watch).
 */
export const SQLITE_RECHECK_MS = 10;
/** What each entry kept counts besides its bytes (and two a character of its key): the Map's and objects' share. */
export const ENTRY_COST = 256;

/**
 * What the public reads of the logs answer, kept in memory so that a busy reader costs no query:
 * each log's head (LogInfo), and bytes of two kinds, each in a least-recently-used cache within a
 * byte budget. Immutable bytes (full tiles, entry bundles) are kept for good. Current bytes (the
 * checkpoint with its cosignatures, partial tiles, a status as of now) are kept while their log
 * does not change: a change drops them before anyone can ask again.
 *
 * A change made in this process is known before the write returns (LedgerStore.watch: any store
 * of this process on the same database). Other processes' changes are known on PostgreSQL through
 * the notifier (LISTEN/NOTIFY; nothing is trusted while it is not listening), on SQLite from the
 * file's commit mark (Database.committed), read again when SQLITE_RECHECK_MS have passed.
 */
export class LogReads {
  readonly immutable: ImmutableCache<Held>;
  readonly current: ImmutableCache<Held>;
  readonly #store: LedgerStore;
  readonly #database: Database;
  readonly #notifier: LogNotifier | undefined;
  /** The heads of the logs asked for, while they do not change. */
  readonly #heads = new Map<string, Promise<LogInfo>>();
  /** Each log's generation: bumped by each change, part of the key of its current bytes. */
  readonly #generations = new Map<string, number>();
  #generation = 0;
  /** Bumped when anything may have changed (SQLite's commit mark moved): part of every current key. */
  #epoch = 0;
  #mark: CommitMark | undefined;
  #markRead = Number.NEGATIVE_INFINITY;
  /** Reads under way, by key: concurrent readers of the same bytes wait for one read. */
  readonly #reading = new Map<string, Promise<Held | null>>();
  readonly #listening = new Map<string, () => void>();
  readonly #unwatch: () => void;

  constructor(
    store: LedgerStore,
    notifier?: LogNotifier,
    budgets: { immutable?: number; current?: number } = {},
  ) {
    this.#store = store;
    this.#database = store.database;
    // SQLite's commit mark sees every change; the notifier is for PostgreSQL's other processes.
    this.#notifier = this.#database.committed ? undefined : notifier;
    this.immutable = new ImmutableCache(budgets.immutable ?? IMMUTABLE_BUDGET, ENTRY_COST);
    this.current = new ImmutableCache(budgets.current ?? CURRENT_BUDGET, ENTRY_COST);
    this.#unwatch = store.watch((logId) => this.changed(logId));
  }

  /** The log may have changed: forget what is kept of it (its immutable bytes stay). */
  changed(logId: string): void {
    this.#heads.delete(logId);
    this.#generations.set(logId, ++this.#generation);
    this.#ownChange();
  }

  /**
   * On SQLite, a change this process announced moved the commit mark's `own` part (every change
   * this connection makes to a log is announced: LedgerStore.watch). Taken in now, so that the
   * next reading of the mark does not drop every log's kept bytes for a change already known. If
   * another connection committed meanwhile (`others` moved), the mark is left for that reading.
   */
  #ownChange(): void {
    if (!this.#mark || !this.#database.committed) return;
    const mark = this.#database.committed();
    if (mark.others === this.#mark.others) this.#mark = mark;
  }

  /** The log's head, as the store's requireLog answers it (a log not found is not kept). */
  head(logId: string): Promise<LogInfo> {
    return this.#trusted() ? this.#head(logId) : this.#store.requireLog(logId);
  }

  #head(logId: string): Promise<LogInfo> {
    let head = this.#heads.get(logId);
    if (!head) {
      // Listening before reading: a change announced while the read is under way is not missed.
      const fresh = this.#listen(logId);
      const reading = this.#store.requireLog(logId);
      head = reading;
      this.#heads.set(logId, reading);
      reading.catch(() => {
        if (this.#heads.get(logId) === reading) this.#heads.delete(logId);
        // No listener is kept for a log that does not exist (any id can be asked for).
        if (fresh) this.#unlisten(logId);
      });
    }
    return head;
  }

  /** Immutable bytes of the log under `key`: kept for good once read; `read` answers null for none (not kept). */
  async immutableBytes(logId: string, key: string, read: () => Promise<Held | null>): Promise<Held | null> {
    const k = `${logId}\n${key}`;
    const known = this.immutable.get(k);
    if (known) return known;
    const held = await this.#once(`i\n${k}`, read);
    if (held) this.immutable.set(k, held);
    return held;
  }

  /** The log's immutable bytes under `key` if they are kept, without reading anything. */
  immutableKept(logId: string, key: string): Held | undefined {
    return this.immutable.get(`${logId}\n${key}`);
  }

  /** The log's current bytes under `key` if they are kept, without reading anything. */
  currentKept(logId: string, key: string): Held | undefined {
    if (!this.#trusted()) return undefined;
    return this.current.get(`${this.#epoch}\n${this.#generations.get(logId) ?? 0}\n${logId}\n${key}`);
  }

  /** Current bytes of the log under `key`, kept until the log changes; `read` answers null for none (not kept). */
  async currentBytes(logId: string, key: string, read: () => Promise<Held | null>): Promise<Held | null> {
    if (!this.#trusted()) return read();
    // The key names the log's state when the read began: a change meanwhile makes it unreachable.
    const k = `${this.#epoch}\n${this.#generations.get(logId) ?? 0}\n${logId}\n${key}`;
    const known = this.current.get(k);
    if (known) return known;
    // The log exists (else not found, as the store says), and its changes are listened for.
    await this.#head(logId);
    const held = await this.#once(`c\n${k}`, read);
    if (held) this.current.set(k, held);
    return held;
  }

  /** Stops listening for changes; what is kept is dropped. */
  close(): void {
    this.#unwatch();
    for (const stop of this.#listening.values()) stop();
    this.#listening.clear();
    this.#heads.clear();
    this.immutable.clear();
    this.current.clear();
  }

  /** False when what is kept may be stale and cannot be told: PostgreSQL's notifier not listening. */
  #trusted(): boolean {
    if (this.#database.committed) {
      const now = performance.now();
      if (now - this.#markRead >= SQLITE_RECHECK_MS) {
        this.#markRead = now;
        const mark = this.#database.committed();
        if (mark.others !== this.#mark?.others || mark.own !== this.#mark.own) {
          this.#mark = mark;
          this.#epoch++;
          this.#heads.clear();
        }
      }
      return true;
    }
    return this.#notifier?.listening !== false;
  }

  /** Listens for the log's changes (PostgreSQL); true when it was not listened for before. */
  #listen(logId: string): boolean {
    if (!this.#notifier || this.#listening.has(logId)) return false;
    this.#listening.set(
      logId,
      this.#notifier.subscribe(logId, () => this.changed(logId)),
    );
    return true;
  }

  #unlisten(logId: string): void {
    this.#listening.get(logId)?.();
    this.#listening.delete(logId);
  }

  #once(key: string, read: () => Promise<Held | null>): Promise<Held | null> {
    let reading = this.#reading.get(key);
    if (!reading) {
      reading = read().finally(() => this.#reading.delete(key));
      this.#reading.set(key, reading);
    }
    return reading;
  }
}
