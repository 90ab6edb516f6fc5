import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Indexes for reading what a log adopted without reading the log: its events by kind (the latest
 * agreement.adopted, the lists for the persons policy), and an agreement's versions by hash.
 */
export function logAgreementIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('truce_entry_kind')
        .on('truce_entry')
        .columns(['log_id', 'kind', 'idx'])
        .execute();
      await db.schema
        .createIndex('truce_agreement_version_sha256')
        .on('truce_agreement_version')
        .columns(['agreement_id', 'sha256'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('truce_agreement_version_sha256').execute();
      await db.schema.dropIndex('truce_entry_kind').execute();
    },
  };
}
