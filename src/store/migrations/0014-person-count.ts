import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * How many person records each owner keeps in each log, kept with every addition (persons-store.ts):
 * the quota is checked by reading one row, where counting a party's records read as many index
 * entries as it had (tens of milliseconds at 100,000, on every request of the party). An owner
 * is its party (`party:<id>`) or, for an actor acting for none, the actor (`actor:<id>`); records
 * kept before owners were (migration 0005) have none and count for no one, as before.
 */
export function personCountMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_person_count')
        .addColumn('log_id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_person_count_pk', ['log_id', 'owner'])
        .execute();
      await sql`insert into truce_person_count (log_id, owner, n)
        select log_id, owner, count(*) from (
          select log_id, case when party is not null then 'party:' || party else 'actor:' || added_by end as owner
          from truce_person where party is not null or added_by is not null
        ) o group by log_id, owner`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('truce_person_count').execute();
    },
  };
}
