import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Every checkpoint a witness cosigned, with the cosignature, kept apart from the log's own tables:
 * appends never rewrite it and nothing deletes from it, so that a log cut back to an earlier size
 * (its entries, tree hashes, size, root and checkpoints all made consistent again) is still caught
 * by truce verify against the largest size a witness vouched for. Filled from the cosignatures
 * already stored.
 */
export function witnessedCheckpointMigration(dialect: Dialect): Migration {
  const int = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_witnessed')
        .addColumn('log_id', 'text', (c) => c.notNull())
        .addColumn('size', int, (c) => c.notNull())
        .addColumn('witness', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_witnessed_pk', ['log_id', 'size', 'witness'])
        .execute();
      await sql`insert into truce_witnessed (log_id, size, witness, note, line, created_at)
        select c.log_id, c.size, c.witness, k.note, c.line, c.created_at
        from truce_cosignature c join truce_checkpoint k on k.log_id = c.log_id and k.size = c.size`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('truce_witnessed').execute();
    },
  };
}
