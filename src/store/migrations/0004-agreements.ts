import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

const IMMUTABLE = 'agreement versions are immutable: upload a new version instead';

/**
 * Agreements uploaded over the API: each upload is a version of an agreement id, numbered 1, 2, 3…
 * per id, kept with its source text exactly as uploaded. Versions are append-only: triggers refuse
 * any UPDATE or DELETE, so a stored version is never changed behind its sha256.
 */
export function agreementsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('truce_agreement_version')
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('adopted', 'proposal')`))
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_role', 'text', (c) => c.notNull())
        .addColumn('uploaded_log', 'text')
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('truce_agreement_version_pk', ['agreement_id', 'version'])
        .execute();
      if (dialect === 'postgres') {
        await sql`
          create function truce_agreement_version_immutable() returns trigger language plpgsql as $$
          begin
            raise exception '${sql.raw(IMMUTABLE)}';
          end $$`.execute(db);
        await sql`
          create trigger truce_agreement_version_no_change
          before update or delete on truce_agreement_version
          for each row execute function truce_agreement_version_immutable()`.execute(db);
      } else {
        for (const op of ['update', 'delete']) {
          await sql`
            create trigger ${sql.raw(`truce_agreement_version_no_${op}`)}
            before ${sql.raw(op)} on truce_agreement_version
            begin select raise(abort, '${sql.raw(IMMUTABLE)}'); end`.execute(db);
        }
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('truce_agreement_version').execute();
      if (dialect === 'postgres') await sql`drop function truce_agreement_version_immutable()`.execute(db);
    },
  };
}
