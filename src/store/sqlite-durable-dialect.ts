import type { DatabaseSync } from 'node:sqlite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  DeleteQueryNode,
  type Driver,
  InsertQueryNode,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  UpdateQueryNode,
} from 'kysely';

/**
 * Whether a query that ran outside any transaction wrote: it changed rows, or it is an insert,
 * update or delete that returned them (a `returning` read reports no count).
 */
function wrote(query: CompiledQuery, result: QueryResult<unknown>): boolean {
  if (result.numAffectedRows !== undefined) return result.numAffectedRows > 0n;
  return (
    InsertQueryNode.is(query.query) || UpdateQueryNode.is(query.query) || DeleteQueryNode.is(query.query)
  );
}

/**
 * A connection whose queries that end a write (a commit, or a write outside any transaction)
 * resolve only once `durable` has: the write is then on the disk, as with `synchronous = FULL`,
 * but the wait is not on the event loop. The connection stays held meanwhile, as during a
 * synchronous commit: no other query of the store runs between a commit and its flush.
 */
class DurableConnection implements DatabaseConnection {
  readonly #inner: DatabaseConnection;
  readonly #sqlite: DatabaseSync;
  readonly #durable: () => Promise<void>;

  constructor(inner: DatabaseConnection, sqlite: DatabaseSync, durable: () => Promise<void>) {
    this.#inner = inner;
    this.#sqlite = sqlite;
    this.#durable = durable;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const before = this.#sqlite.isTransaction;
    const result = await this.#inner.executeQuery<R>(query);
    // A transaction that ended (commit; a rollback's flush is harmless), or an autocommit write.
    if (!this.#sqlite.isTransaction && (before || wrote(query, result))) await this.#durable();
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    // Kysely's SQLite driver streams selects only: nothing to make durable.
    return this.#inner.streamQuery<R>(query, chunkSize);
  }
}

class DurableDriver implements Driver {
  readonly #inner: Driver;
  readonly #wrap: (c: DatabaseConnection) => DatabaseConnection;
  readonly #wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver, wrap: (c: DatabaseConnection) => DatabaseConnection) {
    this.#inner = inner;
    this.#wrap = wrap;
  }
  init() {
    return this.#inner.init();
  }
  async acquireConnection() {
    const c = await this.#inner.acquireConnection();
    let w = this.#wrapped.get(c);
    if (!w) {
      w = this.#wrap(c);
      this.#wrapped.set(c, w);
    }
    return w;
  }
  beginTransaction(...args: Parameters<Driver['beginTransaction']>) {
    return this.#inner.beginTransaction(...args);
  }
  commitTransaction(c: DatabaseConnection) {
    return this.#inner.commitTransaction(c);
  }
  rollbackTransaction(c: DatabaseConnection) {
    return this.#inner.rollbackTransaction(c);
  }
  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>) {
    return this.#inner.savepoint!(...args);
  }
  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
    return this.#inner.rollbackToSavepoint!(...args);
  }
  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
    return this.#inner.releaseSavepoint!(...args);
  }
  async releaseConnection(c: DatabaseConnection) {
    // The inner driver was given the wrapped connection's inner one: it releases nothing of its own.
    return this.#inner.releaseConnection(c);
  }
  destroy() {
    return this.#inner.destroy();
  }
}

/**
 * Kysely's SQLite dialect over `sqlite`, with each write made durable by `durable` before its
 * query resolves (DurableConnection).
 */
export class DurableSqliteDialect extends SqliteDialect {
  readonly #sqlite: DatabaseSync;
  readonly #durable: () => Promise<void>;

  constructor(config: SqliteDialectConfig, sqlite: DatabaseSync, durable: () => Promise<void>) {
    super(config);
    this.#sqlite = sqlite;
    this.#durable = durable;
  }

  override createDriver(): Driver {
    return new DurableDriver(
      super.createDriver(),
      (c) => new DurableConnection(c, this.#sqlite, this.#durable),
    );
  }
}
