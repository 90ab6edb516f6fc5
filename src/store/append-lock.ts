import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import type { Tables } from './schema.ts';

/**
 * Runs `fn` in one transaction that holds the log's append lock. On PostgreSQL the lock is the
 * log's coordination row, selected FOR UPDATE, so appends from many processes are serialised in the
 * database, never in memory; on SQLite it is the database's write lock (BEGIN IMMEDIATE).
 */
export async function withAppendLock<T>(
  database: Database,
  logId: string,
  fn: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres') {
    return database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('truce_log').select('id').where('id', '=', logId).forUpdate().execute();
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
