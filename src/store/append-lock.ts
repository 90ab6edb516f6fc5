import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import type { Tables } from './schema.ts';

/**
 * Runs `fn` in one write transaction that takes `lock` first. On PostgreSQL `lock` serialises the
 * writers that take the same one, across processes, in the database, never in memory; on SQLite
 * the database's write lock (BEGIN IMMEDIATE) serialises every writer and `lock` is not needed.
 */
export async function withWriteLock<T>(
  database: Database,
  lock: (trx: Kysely<Tables>) => Promise<unknown>,
  fn: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres') {
    return database.db.transaction().execute(async (trx) => {
      await lock(trx);
      return fn(trx);
    });
  }
  return database.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}

/**
 * Runs `fn` in one transaction that holds the log's append lock: on PostgreSQL the log's
 * coordination row, selected FOR UPDATE; on SQLite the database's write lock.
 */
export function withAppendLock<T>(
  database: Database,
  logId: string,
  fn: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return withWriteLock(
    database,
    (trx) => trx.selectFrom('truce_log').select('id').where('id', '=', logId).forUpdate().execute(),
    fn,
  );
}
