import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) =>
    typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : (p as Param),
  );
}

/** How many prepared statements a database keeps for reuse (the least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 256;

/** A statement kept for reuse, and whether it returns rows. */
export interface CachedStatement {
  statement: StatementSync;
  reader: boolean;
}

/**
 * Statements of one database kept by their SQL text and reused (preparing one costs more than
 * running a small read): a bounded, least-recently-used cache. The function returned prepares a
 * text once and gives the same statement back after.
 */
export function statementCache(db: DatabaseSync, cacheSize = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, CachedStatement>();
  const cached = (sql: string): CachedStatement => {
    let hit = cache.get(sql);
    if (hit) {
      // The most recently used goes last.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = db.prepare(sql);
    hit = { statement, reader: statement.columns().length > 0 };
    cache.set(sql, hit);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return hit;
  };
  return Object.assign(cached, { clear: () => cache.clear() });
}

/**
 * Kysely's SQLite dialect asks for a database of a shape (`prepare`, `close`), not for a driver:
 * this gives it node:sqlite's synchronous DatabaseSync in that shape, with no native addon.
 *
 * Kysely asks for a statement on every query: statements come from `cached` (statementCache, one
 * per database, which the store's own synchronous writes share). A statement being iterated (a
 * streamed read, which may span awaits) is never shared: `iterate` runs on a statement of its
 * own, so another query of the same text cannot reset it.
 */
export function kyselySqlite(
  db: DatabaseSync,
  cacheSize = STATEMENT_CACHE_SIZE,
  cached = statementCache(db, cacheSize),
): SqliteDatabase {
  return {
    close: () => {
      cached.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const { statement, reader } = cached(sql);
      return {
        reader,
        all: (parameters) => statement.all(...toParams(parameters)),
        run: (parameters) => {
          const r = statement.run(...toParams(parameters));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (parameters) => db.prepare(sql).iterate(...toParams(parameters)),
      };
    },
  };
}
