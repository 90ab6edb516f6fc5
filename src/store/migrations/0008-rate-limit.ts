import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Requests counted per key (an API token's id, a client address) and minute, so that every
 * server process on one database counts against one limit. Rows older than two minutes are
 * deleted as the counting goes on.
 */
export function rateLimitMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_rate')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('minute', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_rate_pk', ['key', 'minute'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('truce_rate').execute();
    },
  };
}
