import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Two columns of each event read out of its text, each with an index, so that neither lookup reads
 * the whole log: `row_id`, the envelope's `id` (a monitor's row id: unique in a log, so that a
 * re-import finds the rows it already has by an indexed query), and `occurred_ms`, the event's
 * occurredAt in milliseconds since the epoch (the daily report reads one day's events by it).
 * Filled from the events already stored; of two stored events with the same id (possible before
 * this migration), the first keeps it.
 */
export function entryRowIdMigration(dialect: Dialect): Migration {
  const int = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('truce_entry').addColumn('row_id', 'text').execute();
      await db.schema.alterTable('truce_entry').addColumn('occurred_ms', int).execute();
      if (dialect === 'postgres') {
        await sql`update truce_entry set
            row_id = (event::jsonb)->'event'->>'id',
            occurred_ms = round(extract(epoch from ((event::jsonb)->'event'->>'occurredAt')::timestamptz) * 1000)::bigint`.execute(
          db,
        );
      } else {
        await sql`update truce_entry set
            row_id = json_extract(event, '$.event.id'),
            occurred_ms = cast(round((julianday(json_extract(event, '$.event.occurredAt')) - 2440587.5) * 86400000.0) as integer)`.execute(
          db,
        );
      }
      await db.schema
        .createIndex('truce_entry_row_id_any')
        .on('truce_entry')
        .columns(['log_id', 'row_id'])
        .execute();
      await sql`update truce_entry set row_id = null
        where row_id is not null and idx > (select min(f.idx) from truce_entry f
          where f.log_id = truce_entry.log_id and f.row_id = truce_entry.row_id)`.execute(db);
      await db.schema.dropIndex('truce_entry_row_id_any').execute();
      await db.schema
        .createIndex('truce_entry_row_id')
        .unique()
        .on('truce_entry')
        .columns(['log_id', 'row_id'])
        .execute();
      await db.schema
        .createIndex('truce_entry_occurred')
        .on('truce_entry')
        .columns(['log_id', 'occurred_ms', 'idx'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('truce_entry_occurred').execute();
      await db.schema.dropIndex('truce_entry_row_id').execute();
      await db.schema.alterTable('truce_entry').dropColumn('occurred_ms').execute();
      await db.schema.alterTable('truce_entry').dropColumn('row_id').execute();
    },
  };
}
