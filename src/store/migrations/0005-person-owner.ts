import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Who added each person record: the actor and the agreement party it acts for. The persons
 * policy shows a party its own submissions; records kept before this migration have no owner and
 * are shown only as their references in the log allow.
 */
export function personOwnerMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('truce_person').addColumn('added_by', 'text').execute();
      await db.schema.alterTable('truce_person').addColumn('party', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('truce_person').dropColumn('party').execute();
      await db.schema.alterTable('truce_person').dropColumn('added_by').execute();
    },
  };
}
