import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) =>
    typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : (p as Param),
  );
}

/** How many prepared statements a database keeps for reuse (the server asks for a few dozen distinct ones). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite dialect asks for a database of a shape (`prepare`, `close`), not for a driver:
 * this gives it node:sqlite's synchronous DatabaseSync in that shape, with no native addon.
 * Kysely prepares a statement for every query it runs; compiling the SQL each time cost the
 * server a tenth of its event loop under load, so each distinct SQL text is prepared once and
 * kept (the `cacheSize` most recently used). A kept statement is safe to reuse: every `all` and
 * `run` finishes synchronously before another query can start; `iterate`, which stays open,
 * gets a statement of its own.
 */
export function kyselySqlite(db: DatabaseSync, cacheSize = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last, so that the first is the one to forget.
      statements.delete(sql);
    } else {
      statement = db.prepare(sql);
      if (statements.size >= cacheSize) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const statement = prepared(sql);
      return {
        reader: statement.columns().length > 0,
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
