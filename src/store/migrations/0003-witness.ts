import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * What this server, as a witness (C2SP tlog-witness), last cosigned of each log it follows: one
 * row per origin, advanced by compare-and-swap so that two requests cannot both move on from the
 * same size. Not tied to truce_log: a witness may follow logs held elsewhere.
 */
export function witnessMigration(dialect: Dialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  const int = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_witness')
        .addColumn('origin', 'text', (c) => c.primaryKey())
        .addColumn('log_key', 'text', (c) => c.notNull())
        .addColumn('size', int, (c) => c.notNull())
        .addColumn('root', binary, (c) => c.notNull())
        .addColumn('checkpoint', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('truce_witness').execute();
    },
  };
}
