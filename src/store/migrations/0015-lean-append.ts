import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Fewer b-trees written by each append, the rows and every read of them as they were:
 *
 * - `truce_entry_row_id` (unique, 0011) holds the events that carry an id only (`where row_id is
 *   not null`): most events have none, and each put an entry into it. Every query by row id
 *   (`row_id in (…)`, `= any(…)`) implies the condition, and a null was never a duplicate.
 * - `truce_entry_kind` (log, kind, index; 0006), into which every event went, is replaced by two
 *   partial indexes of (log, index) holding the events that queries read by kind: the actor
 *   events (the registry) and agreement.adopted (the agreement in force). Other kinds are not
 *   read by kind. SQLite uses a partial index only for a query whose WHERE has the index's own
 *   term: the queries write it as kind-index-terms.ts has it (PostgreSQL also proves it from
 *   `kind = 'actor.registered'`, as truce_append_at_end asks).
 * - SQLite: `truce_hash` becomes a WITHOUT ROWID table keyed by (log, storage index): one b-tree
 *   where a rowid table and its primary key's index were two, for every tree hash written. Its
 *   rows are copied over in key order. (PostgreSQL keeps its table: a heap and its primary key's
 *   index, which has no WITHOUT ROWID form; the columns, keys and queries are the same.)
 */
export function leanAppendMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('truce_entry_row_id').execute();
      await db.schema
        .createIndex('truce_entry_row_id')
        .unique()
        .on('truce_entry')
        .columns(['log_id', 'row_id'])
        .where(sql.ref('row_id'), 'is not', null)
        .execute();
      await db.schema.dropIndex('truce_entry_kind').execute();
      await sql`create index truce_entry_actor_kinds on truce_entry (log_id, idx) where kind in ('actor.registered', 'actor.revoked')`.execute(
        db,
      );
      await sql`create index truce_entry_adopted on truce_entry (log_id, idx) where kind = 'agreement.adopted'`.execute(
        db,
      );
      if (dialect === 'sqlite') await rebuildHashes(db, 'without rowid');
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'sqlite') await rebuildHashes(db, '');
      await db.schema.dropIndex('truce_entry_adopted').execute();
      await db.schema.dropIndex('truce_entry_actor_kinds').execute();
      await db.schema
        .createIndex('truce_entry_kind')
        .on('truce_entry')
        .columns(['log_id', 'kind', 'idx'])
        .execute();
      await db.schema.dropIndex('truce_entry_row_id').execute();
      await db.schema
        .createIndex('truce_entry_row_id')
        .unique()
        .on('truce_entry')
        .columns(['log_id', 'row_id'])
        .execute();
    },
  };
}

/** SQLite: truce_hash made again, as a rowid table or WITHOUT ROWID, with its rows. */
async function rebuildHashes(db: Kysely<unknown>, options: 'without rowid' | ''): Promise<void> {
  await sql`alter table truce_hash rename to truce_hash_before`.execute(db);
  await sql`create table truce_hash (
      log_id text not null references truce_log (id),
      id integer not null,
      hash blob not null,
      constraint truce_hash_pk primary key (log_id, id)
    ) ${sql.raw(options)}`.execute(db);
  await sql`insert into truce_hash (log_id, id, hash)
    select log_id, id, hash from truce_hash_before order by log_id, id`.execute(db);
  await sql`drop table truce_hash_before`.execute(db);
}
