import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/** The ledger's tables. One schema for both dialects; only the binary column type differs. */
export function ledgerMigration(dialect: Dialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  const int = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('origin', 'text', (c) => c.notNull().unique())
        .addColumn('log_key', 'text', (c) => c.notNull())
        .addColumn('size', int, (c) => c.notNull())
        .addColumn('root', binary, (c) => c.notNull())
        .addColumn('agreement_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('truce_entry')
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('idx', int, (c) => c.notNull())
        .addColumn('leaf_hash', binary, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_entry_pk', ['log_id', 'idx'])
        .addUniqueConstraint('truce_entry_leaf', ['log_id', 'leaf_hash'])
        .execute();
      await db.schema
        .createTable('truce_hash')
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('id', int, (c) => c.notNull())
        .addColumn('hash', binary, (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_hash_pk', ['log_id', 'id'])
        .execute();
      await db.schema
        .createTable('truce_checkpoint')
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('size', int, (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_checkpoint_pk', ['log_id', 'size'])
        .execute();
      await db.schema
        .createTable('truce_cosignature')
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('size', int, (c) => c.notNull())
        .addColumn('witness', 'text', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_cosignature_pk', ['log_id', 'size', 'witness'])
        .execute();
      await db.schema
        .createTable('truce_actor')
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('party', 'text')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('revoked', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_actor_pk', ['log_id', 'actor'])
        .execute();
      await db.schema
        .createTable('truce_person')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('log_id', 'text', (c) => c.notNull().references('truce_log.id'))
        .addColumn('commitment', 'text', (c) => c.notNull())
        .addColumn('salt', binary, (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('truce_person_commitment', ['log_id', 'commitment'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'truce_person',
        'truce_actor',
        'truce_cosignature',
        'truce_checkpoint',
        'truce_hash',
        'truce_entry',
        'truce_log',
      ]) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
