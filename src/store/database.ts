import { closeSync, fchmodSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type pg from 'pg';
import { ledgerMigration } from './migrations/0001-ledger.ts';
import { tokensMigration } from './migrations/0002-tokens.ts';
import { witnessMigration } from './migrations/0003-witness.ts';
import { agreementsMigration } from './migrations/0004-agreements.ts';
import { personOwnerMigration } from './migrations/0005-person-owner.ts';
import { logAgreementIndexMigration } from './migrations/0006-log-agreement-index.ts';
import { personOwnerIndexMigration } from './migrations/0007-person-owner-index.ts';
import { rateLimitMigration } from './migrations/0008-rate-limit.ts';
import { logProvenanceMigration } from './migrations/0009-log-provenance.ts';
import { witnessedCheckpointMigration } from './migrations/0010-witnessed-checkpoint.ts';
import { entryRowIdMigration } from './migrations/0011-entry-row-id.ts';
import { appendFunctionMigration } from './migrations/0012-append-function.ts';
import { logEdgeMigration } from './migrations/0013-log-edge.ts';
import { personCountMigration } from './migrations/0014-person-count.ts';
import { leanAppendMigration } from './migrations/0015-lean-append.ts';
import { pgWalFlush } from './pg-wal-flush.ts';
import type { Tables } from './schema.ts';
import { kyselySqlite, statementCache } from './sqlite-dialect.ts';
import { sqliteDurability } from './sqlite-durability.ts';
import { DurableSqliteDialect } from './sqlite-durable-dialect.ts';
import type { CheckpointFigures } from './wal-checkpointer.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: Kysely over SQLite (a file) or PostgreSQL (a URL), migrated to the latest schema. */
export interface Database {
  dialect: Dialect;
  db: Kysely<Tables>;
  /** Where it is, with any password removed: safe to print. */
  location: string;
  /** PostgreSQL only: the pool of connections (a server opens one more, like them, to LISTEN). */
  pool?: pg.Pool;
  /**
   * Whether the database answers a query, without waiting for a transaction in progress: SQLite on
   * its connection directly (Kysely's queue would wait for a write's turns to end), PostgreSQL on a
   * connection of the pool.
   */
  ping(): Promise<void>;
  /**
   * Resolves once every commit the database showed before the call, any process's, is on the
   * disk: what may be signed over (a checkpoint) or answered as written. PostgreSQL: a flush of
   * the write-ahead log past them (pg-wal-flush.ts; an append commits without waiting for it and
   * waits for this before it resolves); SQLite on a file: its write-ahead log flushed (another
   * process's commit may be in it unflushed; this process's own writes are on the disk when they
   * resolve); in memory, nothing to wait for.
   */
  durable(): Promise<void>;
  /**
   * SQLite only: the file's commit mark, read at once on the connection, without a query's turn
   * (some 20 µs: SQLite looks at the write-ahead log's index). `others` differs from the last one
   * read whenever another connection (another process's included) committed meanwhile; `own`
   * whenever this connection changed rows. What is kept of the database in memory is good while
   * the mark stays the same.
   */
  committed?(): CommitMark;
  /**
   * SQLite only: runs `fn` on the connection in its turn among Kysely's queries (never inside
   * another's transaction), synchronously, with node:sqlite's statements prepared once per text
   * (the cache Kysely's queries use): a write of a few statements without Kysely's compiling and
   * queueing for each.
   */
  sqlite?<T>(fn: (statement: (sql: string) => StatementSync) => T): Promise<T>;
  /**
   * SQLite on a file only: copies the write-ahead log into the database file now, on the
   * checkpointing thread (wal-checkpointer.ts); SQLite's figures, or undefined if it cannot run.
   */
  checkpoint?(): Promise<CheckpointFigures | undefined>;
  close(): Promise<void>;
}

/** SQLite's commit mark (Database.committed): data_version and total_changes() of the connection. */
export interface CommitMark {
  others: number;
  own: number;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** The location with any password replaced, so that it can be printed or logged. */
export function redact(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function migrations(dialect: Dialect): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-ledger': ledgerMigration(dialect),
    '0002-tokens': tokensMigration(dialect),
    '0003-witness': witnessMigration(dialect),
    '0004-agreements': agreementsMigration(dialect),
    '0005-person-owner': personOwnerMigration(dialect),
    '0006-log-agreement-index': logAgreementIndexMigration(),
    '0007-person-owner-index': personOwnerIndexMigration(),
    '0008-rate-limit': rateLimitMigration(dialect),
    '0009-log-provenance': logProvenanceMigration(dialect),
    '0010-witnessed-checkpoint': witnessedCheckpointMigration(dialect),
    '0011-entry-row-id': entryRowIdMigration(dialect),
    '0012-append-function': appendFunctionMigration(dialect),
    '0013-log-edge': logEdgeMigration(dialect),
    '0014-person-count': personCountMigration(),
    '0015-lean-append': leanAppendMigration(dialect),
  };
  return { getMigrations: async () => all };
}

async function migrate(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrations(dialect) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message}`);
  }
}

/**
 * Creates a SQLite file that does not exist yet readable and writable by its owner only (0600),
 * whatever the umask: it holds person records and tokens' hashes. SQLite creates the WAL and
 * shared-memory files beside it with the database file's permissions, so they are 0600 too.
 */
function createPrivately(location: string): void {
  if (location === '' || location === ':memory:' || location.startsWith('file:')) return;
  let fd: number;
  try {
    fd = openSync(location, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw e;
  }
  try {
    // The mode given to open is masked by the umask; set it exactly.
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

/** Opens (and creates, for a SQLite file) the database at `location` and migrates it. */
export async function openDatabase(location: string): Promise<Database> {
  if (isPostgresUrl(location)) {
    // Loaded only for PostgreSQL: a SQLite process (truce verify on a file) does without it.
    const { default: pg } = await import('pg');
    // int8 and numeric come back from pg as strings; tree sizes and indices fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: location, max: 10 });
    // A connection the server drops (a restart, an administrator, a dropped database) must not
    // crash the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db, 'postgres');
    const flush = pgWalFlush(pool);
    return {
      dialect: 'postgres',
      db,
      location: redact(location),
      pool,
      ping: async () => {
        await pool.query('select 1');
      },
      durable: () => flush.sync(),
      close: () => db.destroy(),
    };
  }
  createPrivately(location);
  const sqlite = new DatabaseSync(location);
  sqlite.exec('PRAGMA journal_mode = WAL');
  sqlite.exec('PRAGMA busy_timeout = 10000');
  sqlite.exec('PRAGMA foreign_keys = ON');
  const durability = sqliteDurability(sqlite, location);
  const durable = durability.committed;
  const statements = statementCache(sqlite);
  const db = new Kysely<Tables>({
    dialect: new DurableSqliteDialect(
      { database: kyselySqlite(sqlite, undefined, statements) },
      sqlite,
      durable,
    ),
  });
  await migrate(db, 'sqlite');
  const ping = sqlite.prepare('select 1');
  // data_version changes when another connection commits, total_changes() with this one's writes.
  const committed = sqlite.prepare(
    'select data_version as others, total_changes() as own from pragma_data_version',
  );
  const changes = sqlite.prepare('select total_changes() as t');
  const totalChanges = () => (changes.get() as { t: number }).t;
  return {
    dialect: 'sqlite',
    db,
    location,
    ping: async () => {
      ping.get();
    },
    durable: durability.flushed,
    committed: () => committed.get() as unknown as CommitMark,
    sqlite: (fn) =>
      db.connection().execute(async () => {
        const before = sqlite.isTransaction;
        const changed = totalChanges();
        const result = fn((text) => statements(text).statement);
        // Its write ended (or it wrote outside a transaction): on the disk before it resolves.
        if (!sqlite.isTransaction && (before || totalChanges() !== changed)) await durable();
        return result;
      }),
    close: () => durability.close(() => db.destroy()),
    ...(durability.checkpoint ? { checkpoint: durability.checkpoint } : {}),
  };
}
