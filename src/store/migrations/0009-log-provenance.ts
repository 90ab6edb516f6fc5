import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Where a log comes from (src/core/ledger/provenance.ts): reconstructed from public reporting,
 * signed with demonstration keys. Logs kept before this migration claim neither. (Numbered 0007:
 * 0006 is taken by the witnessed checkpoints of branch harden-verify.)
 */
export function logProvenanceMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('truce_log')
        .addColumn('reconstructed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('truce_log')
        .addColumn('demo_keys', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('truce_log').dropColumn('demo_keys').execute();
      await db.schema.alterTable('truce_log').dropColumn('reconstructed').execute();
    },
  };
}
