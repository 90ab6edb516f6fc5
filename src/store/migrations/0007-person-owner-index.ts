import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Indexes for the persons policy's queries: a party's own records (and its quota) by party, an
 * actor's acting for none by actor. Records by commitment use the unique (log_id, commitment).
 */
export function personOwnerIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('truce_person_party')
        .on('truce_person')
        .columns(['log_id', 'party', 'id'])
        .execute();
      await db.schema
        .createIndex('truce_person_added_by')
        .on('truce_person')
        .columns(['log_id', 'added_by', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('truce_person_added_by').execute();
      await db.schema.dropIndex('truce_person_party').execute();
    },
  };
}
