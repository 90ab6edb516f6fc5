import { CompiledQuery, type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import type { Database } from '../src/store/database.ts';
import { ACTOR_KINDS_TERM, ADOPTED_TERM } from '../src/store/kind-index-terms.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { leanAppendMigration } from '../src/store/migrations/0015-lean-append.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { fixtureLogIn } from './helpers/ledger-setup.ts';

/** Every stored tree hash, in key order, as text. */
async function hashRows(database: Database) {
  const rows = await database.db
    .selectFrom('truce_hash')
    .select(['log_id', 'id', 'hash'])
    .orderBy('log_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.log_id} ${Number(r.id)} ${Buffer.from(r.hash).toString('hex')}`);
}

/** The indexes of truce_entry, by name, with their definitions (SQLite's or PostgreSQL's text). */
async function entryIndexes(database: Database): Promise<Record<string, string>> {
  const rows =
    database.dialect === 'postgres'
      ? await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition
          from pg_indexes where tablename = 'truce_entry'`.execute(database.db)
      : await sql<{ name: string; definition: string | null }>`select name, sql as definition
          from sqlite_master where type = 'index' and tbl_name = 'truce_entry'`.execute(database.db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.definition ?? '(primary or unique key)']));
}

describe.each(DIALECTS)('fewer indexes written per append (migration 0015) on %s', (dialect) => {
  it('migrates a database with its rows: tree hashes as they were, row ids still unique, the registry still read, and the log goes on and verifies', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const { f, store } = await fixtureLogIn(database);
      for (let i = 0; i < 9; i++)
        await store.append(f.logId, [
          f.event('monitor', 'statement', { text: `e${i}` }, i % 3 === 0 ? { id: `row-${i}` } : {}),
        ]);
      const before = await hashRows(database);
      // As a database of before 0015 was (every event in the row-id and kind indexes, a rowid
      // table of tree hashes), then migrated.
      const migration = leanAppendMigration(dialect);
      const db = database.db as unknown as Kysely<unknown>;
      await migration.down!(db);
      expect(Object.keys(await entryIndexes(database))).toContain('truce_entry_kind');
      await migration.up(db);
      expect(await hashRows(database)).toEqual(before);
      const indexes = await entryIndexes(database);
      expect(indexes.truce_entry_kind).toBeUndefined();
      expect(indexes.truce_entry_row_id).toMatch(/where .*row_id.* is not null/i);
      expect(indexes.truce_entry_actor_kinds).toMatch(/actor\.registered.*actor\.revoked/);
      expect(indexes.truce_entry_adopted).toMatch(/agreement\.adopted/);
      if (dialect === 'sqlite') {
        const table = await sql<{
          sql: string;
        }>`select sql from sqlite_master where name = 'truce_hash'`.execute(database.db);
        expect(table.rows[0]!.sql).toMatch(/without rowid/i);
      }
      // A store that reads everything anew: its registry from the actor events' index.
      const fresh = new LedgerStore(database, crypto);
      await expect(
        fresh.append(f.logId, [f.event('monitor', 'statement', { text: 'again' }, { id: 'row-3' })]),
      ).rejects.toMatchObject({ code: 'event-id-taken' });
      await fresh.append(f.logId, [f.register('mediator')]);
      await fresh.append(f.logId, [f.event('mediator', 'statement', { text: 'registered after' })]);
      const [withId] = await fresh.append(f.logId, [
        f.event('monitor', 'statement', { text: 'new id' }, { id: 'row-new' }),
      ]);
      expect([...(await fresh.entriesWithIds(f.logId, ['row-0', 'row-1', 'row-new'])).keys()].sort()).toEqual(
        ['row-0', 'row-new'],
      );
      expect(withId!.duplicate).toBe(false);
      expect((await store.requireLog(f.logId)).size).toBe(5 + 9 + 3);
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('the indexes after migration 0015 on sqlite', () => {
  it('every read by kind, row id and tree hash reads an index (EXPLAIN QUERY PLAN), as the store writes it', async () => {
    const database = await scratchDatabase('sqlite');
    try {
      const plan = async (text: string, params: unknown[]) => {
        const r = await database.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${text}`, params),
        );
        return r.rows.map((x) => x.detail).join(' / ');
      };
      // log-append.ts loadRegistry, append-head.ts readAnew, log-adoption.ts, the row-id lookups
      // (ledger-store.ts entriesWithIds, log-append.ts idsTaken), the tree hash reads.
      expect(
        await plan(
          `select "event" from "truce_entry" where "log_id" = ? and ${ACTOR_KINDS_TERM} order by "idx"`,
          ['l'],
        ),
      ).toBe('SEARCH truce_entry USING INDEX truce_entry_actor_kinds (log_id=?)');
      expect(
        await plan(
          `select event from truce_entry where log_id = ? and ${ACTOR_KINDS_TERM} and idx < ? order by idx`,
          ['l', 9],
        ),
      ).toBe('SEARCH truce_entry USING INDEX truce_entry_actor_kinds (log_id=? AND idx<?)');
      expect(
        await plan(
          `select "idx", "actor", "event" from "truce_entry" where "log_id" = ? and ${ADOPTED_TERM} and "idx" < ? order by "idx" desc limit ?`,
          ['l', 9, 1],
        ),
      ).toBe('SEARCH truce_entry USING INDEX truce_entry_adopted (log_id=? AND idx<?)');
      expect(
        await plan(`select "idx", "row_id" from "truce_entry" where "log_id" = ? and "row_id" in (?, ?)`, [
          'l',
          'a',
          'b',
        ]),
      ).toBe('SEARCH truce_entry USING INDEX truce_entry_row_id (log_id=? AND row_id=?)');
      expect(
        await plan(`select "id", "hash" from "truce_hash" where "log_id" = ? and "id" in (?, ?)`, [
          'l',
          1,
          2,
        ]),
      ).toBe('SEARCH truce_hash USING PRIMARY KEY (log_id=? AND id=?)');
      expect(
        await plan('select id, hash from truce_hash where log_id = ? and id >= ? order by id limit ?', [
          'l',
          1,
          10,
        ]),
      ).toBe('SEARCH truce_hash USING PRIMARY KEY (log_id=? AND id>?)');
    } finally {
      await database.close();
    }
  });
});
