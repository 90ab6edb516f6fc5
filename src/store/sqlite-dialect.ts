import type { DatabaseSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) =>
    typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : (p as Param),
  );
}

/**
 * Kysely's SQLite dialect asks for a database of a shape (`prepare`, `close`), not for a driver:
 * this gives it node:sqlite's synchronous DatabaseSync in that shape, with no native addon.
 */
export function kyselySqlite(db: DatabaseSync): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const statement = db.prepare(sql);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...toParams(parameters)),
        run: (parameters) => {
          const r = statement.run(...toParams(parameters));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (parameters) => statement.iterate(...toParams(parameters)),
      };
    },
  };
}
